// Translation controls not covered elsewhere: TTBR1 with 16 and 64 KiB granules (TG1), reserved
// TG0 and out-of-range TxSZ (the CONSTRAINED UNPREDICTABLE choices of docs/mmu.md), big-endian
// descriptors (SCTLR.EE), NS/NSTable in Secure EL1&0, HCR_EL2.TGE, stage 2 Access flag and
// Address size faults. Expectations hand-evaluated from the Arm ARM.
#include "mmu/mmu_fixture.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::mmu;
using namespace svesim::mmu::test;

namespace {

TranslationRegs el10(std::uint64_t tcr, std::uint64_t ttbr0, std::uint64_t ttbr1 = 0) {
    TranslationRegs r;
    r.sctlr = 0x1005;
    r.tcr = tcr;
    r.ttbr0 = ttbr0;
    r.ttbr1 = ttbr1;
    r.mair = kMair;
    return r;
}

} // namespace

TEST_CASE("TTBR1 with the 16 KiB and 64 KiB granules (TG1 encodings)", "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder t16{mem, 14, 0, 48, 0x4030'0000, 0x4040'0000};
    t16.map(0xFFFF'8000'0000'4000, 3, 0x9000'4000 | d::kPage | d::AF);
    auto r = translate(el10(tcr::T1SZ(16) | tcr::TG1_16K | tcr::IPS(5), 0, 0x4030'0000),
                       readAt(EL::EL1), 0xFFFF'8000'0000'4123, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x9000'4123);
    TableBuilder t64{mem, 16, 1, 48, 0x4100'0000, 0x4200'0000};
    t64.map(0xFFFF'FFFF'FFFF'0000, 3, 0x5'0000'0000 | d::kPage | d::AF);
    r = translate(el10(tcr::T1SZ(16) | tcr::TG1_64K | tcr::IPS(5), 0, 0x4100'0000), readAt(EL::EL1),
                  0xFFFF'FFFF'FFFF'0010, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x5'0000'0010);
}

TEST_CASE("reserved TG0 is 4 KiB; TxSZ below 16 or above 39 is clamped", "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x1000, 3, 0x7000 | d::kPage | d::AF);
    CHECK(translate(el10(tcr::T0SZ(16) | (3ULL << 14) | tcr::IPS(5), 0x4010'0000), readAt(EL::EL1),
                    0x1004, mem)
              .pa == 0x7004);
    CHECK(
        translate(el10(tcr::T0SZ(8) | tcr::IPS(5), 0x4010'0000), readAt(EL::EL1), 0x1004, mem).pa ==
        0x7004);
    // T0SZ 48 behaves as 39: a 25-bit range walked from level 2.
    TableBuilder small{mem, 12, 2, 25, 0x4020'0000, 0x4021'0000};
    small.map(0x1000, 3, 0x8000 | d::kPage | d::AF);
    auto regs = el10(tcr::T0SZ(48) | tcr::IPS(5), 0x4020'0000);
    CHECK(translate(regs, readAt(EL::EL1), 0x1004, mem).pa == 0x8004);
    CHECK(encodeLDFSC(translate(regs, readAt(EL::EL1), 0x200'0000, mem).fault) == 0b000100);
}

TEST_CASE("SCTLR.EE: big-endian descriptors", "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x1000, 3, 0x7000 | d::kPage | d::AF);
    for (auto& [addr, v] : mem.words)
        v = __builtin_bswap64(v);
    auto regs = el10(tcr::T0SZ(16) | tcr::IPS(5), 0x4010'0000);
    CHECK_FALSE(translate(regs, readAt(EL::EL1), 0x1004, mem).ok());
    regs.sctlr |= 1ULL << 25;
    CHECK(translate(regs, readAt(EL::EL1), 0x1004, mem).pa == 0x7004);
}

TEST_CASE("Secure EL1&0: NS in the descriptor and NSTable above it", "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x1000, 3, 0x7000 | d::kPage | d::AF);
    tb.map(0x2000, 3, 0x8000 | d::kPage | d::AF | d::NS);
    auto regs = el10(tcr::T0SZ(16) | tcr::IPS(5), 0x4010'0000);
    regs.secure = true;
    CHECK_FALSE(translate(regs, readAt(EL::EL1), 0x1000, mem).ns);
    CHECK(translate(regs, readAt(EL::EL1), 0x2000, mem).ns);
    mem.write(0x4010'0000, mem.words.at(0x4010'0000) | (1ULL << 63)); // NSTable at level 0
    CHECK(translate(regs, readAt(EL::EL1), 0x1000, mem).ns);
    regs.secure = false; // Non-secure: always NS
    mem.write(0x4010'0000, mem.words.at(0x4010'0000) & ~(1ULL << 63));
    CHECK(translate(regs, readAt(EL::EL1), 0x1000, mem).ns);
}

TEST_CASE("HCR_EL2.TGE turns stage 1 of Non-secure EL1&0 off", "[mmu][s1]") {
    auto regs = el10(tcr::T0SZ(16), 0);
    CHECK(stage1Enabled(regs));
    regs.hcr = 1ULL << 27;
    CHECK_FALSE(stage1Enabled(regs));
    regs.secure = true;
    CHECK(stage1Enabled(regs));
}

TEST_CASE("stage 2 Access flag and Address size faults", "[mmu][s2][fault]") {
    FakeMemory mem;
    const std::uint64_t root = 0x4100'0000;
    TranslationRegs regs;
    regs.hcr = 1;
    regs.vtcr = 24 | (1ULL << 6) | (5ULL << 16); // 4 KiB, 40-bit IPA, SL0=1, PS 48 bits
    regs.vttbr = root;
    mem.write(root + 8 * 1, 0x4000'0000 | d::kBlock | d::S2AP_RW | d::memAttr(0xF)); // no AF
    mem.write(root + 8 * 2, 0x2'0000'0000 | d::kBlock | d::AF | d::S2AP_RW | d::memAttr(0xF));
    auto r = translate(regs, readAt(EL::EL1), 0x4000'1000, mem);
    CHECK(r.fault.type == FaultType::AccessFlag);
    CHECK(r.fault.stage == 2);
    CHECK(r.fault.ipa == 0x4000'1000);
    CHECK(encodeLDFSC(r.fault) == 0b001001);
    CHECK(translate(regs, readAt(EL::EL1), 0x8000'1000, mem).pa == 0x2'0000'1000);
    regs.vtcr = (regs.vtcr & ~(7ULL << 16)) | (0ULL << 16); // PS 32 bits
    r = translate(regs, readAt(EL::EL1), 0x8000'1000, mem);
    CHECK(r.fault.type == FaultType::AddressSize);
    CHECK(r.fault.stage == 2);
    CHECK(r.fault.level == 1);
}
