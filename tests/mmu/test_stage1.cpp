// Stage 1 translation (mmu/src/stage1.cpp, walk.cpp): every granule, both TTBRs, blocks and
// pages at every level each granule allows, each fault at each level with its DFSC, TBI, MMU off,
// PAR_EL1. Expected addresses, DFSCs and PAR values are hand-evaluated from the Arm ARM
// (AArch64.TranslationTableWalk, EncodeLDFSC, PAR_EL1); cases marked [qemu] were also run on
// qemu-system-aarch64 by tests/mmu/qemu/run.sh (AT S1E1R/W from EL3, same descriptors) and gave
// the same PAR_EL1, except where QEMU 7.2 deviates from the Arm ARM: it reports PAR_EL1.SH from
// the descriptor (0b00) for Normal Non-cacheable and Device memory, where PAR_EL1.SH must be 0b10,
// and -cpu max translates a 16 KiB level 1 block with TCR.DS=0 (a level 1 Translation fault).
#include "mmu/mmu_fixture.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::mmu;
using namespace svesim::mmu::test;

namespace {

constexpr std::uint64_t kSctlrOn = 0x1005; // M, C, I

TranslationRegs el10(std::uint64_t tcr, std::uint64_t ttbr0, std::uint64_t ttbr1 = 0) {
    TranslationRegs r;
    r.regime = Regime::EL10;
    r.sctlr = kSctlrOn;
    r.tcr = tcr;
    r.ttbr0 = ttbr0;
    r.ttbr1 = ttbr1;
    r.mair = kMair;
    return r;
}

constexpr std::uint64_t kTcr4K =
    tcr::T0SZ(16) | tcr::TG0_4K | tcr::T1SZ(16) | tcr::TG1_4K | tcr::IPS(5);

std::uint8_t dfsc(const TranslationResult& r) {
    return encodeLDFSC(r.fault);
}

} // namespace

TEST_CASE("stage 1, 4 KiB granule: pages at level 3, blocks at levels 1 and 2 [qemu]",
          "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x0000'1234'5678'9000, 3, 0x4000'3000 | d::kPage | d::AF | d::SH_ISH | d::attrIndx(1));
    tb.map(0x0000'0080'4000'0000, 1, 0xC000'0000 | d::kBlock | d::AF | d::SH_ISH | d::attrIndx(1));
    tb.map(0x0000'0000'0060'0000, 2, 0x8020'0000 | d::kBlock | d::AF | d::attrIndx(2));
    const auto regs = el10(kTcr4K, 0x4010'0000);

    auto r = translate(regs, readAt(EL::EL1), 0x0000'1234'5678'9ABC, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x4000'3ABC);
    // PAR: ATTR 0xFF, PA, RES1 bit 11, NS, SH=ISH (0b11 << 7).
    CHECK(parValue(r) == 0xFF00'0000'4000'3B80ULL);

    r = translate(regs, readAt(EL::EL1), 0x0000'0080'4123'4567, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0xC123'4567);

    r = translate(regs, readAt(EL::EL1), 0x0000'0000'0061'2345, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x8021'2345);
    // Normal NC is reported Outer Shareable: ATTR 0x44, SH 0b10.
    CHECK(parValue(r) == 0x4400'0000'8021'2B00ULL);
}

TEST_CASE("stage 1, 4 KiB granule: a block at level 0 is a level 0 Translation fault",
          "[mmu][s1]") {
    FakeMemory mem;
    mem.write(0x4010'0000, 0x0 | d::kBlock | d::AF);
    auto r = translate(el10(kTcr4K, 0x4010'0000), readAt(EL::EL1), 0x1000, mem);
    CHECK(r.fault.type == FaultType::Translation);
    CHECK(dfsc(r) == 0b000100);
}

TEST_CASE("stage 1, 16 KiB granule: 2-entry level 0, page at level 3, block at level 2 only [qemu]",
          "[mmu][s1]") {
    FakeMemory mem;
    // 48-bit VA, 16 KiB: level 0 resolves VA[47], level 1 [46:36], level 2 [35:25], level 3
    // [24:14].
    TableBuilder tb{mem, 14, 0, 48, 0x4010'0000, 0x4020'0000};
    tb.map(0x0000'8000'1234'4000, 3, 0x4000'4000 | d::kPage | d::AF | d::attrIndx(1));
    tb.map(0x0000'0000'0600'0000, 2, 0x8200'0000 | d::kBlock | d::AF | d::attrIndx(1));
    tb.map(0x0000'0010'0000'0000, 1, 0x10'0000'0000 | d::kBlock | d::AF);
    const auto regs = el10(tcr::T0SZ(16) | tcr::TG0_16K | tcr::IPS(5), 0x4010'0000);
    // The level 0 table has 2 entries: VA[47] = 1 selects entry 1.
    CHECK((mem.words.at(0x4010'0008) & 3) == 3);

    auto r = translate(regs, readAt(EL::EL1), 0x0000'8000'1234'5678, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x4000'5678);
    r = translate(regs, readAt(EL::EL1), 0x0000'0000'0612'3456, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x8212'3456);
    r = translate(regs, readAt(EL::EL1), 0x0000'0010'0000'1000, mem);
    CHECK(r.fault.type == FaultType::Translation);
    CHECK(r.fault.level == 1);
    CHECK(dfsc(r) == 0b000101);
}

TEST_CASE("stage 1, 64 KiB granule: walk starts at level 1, page at 3, block at 2 only [qemu]",
          "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder tb{mem, 16, 1, 48, 0x4010'0000, 0x4020'0000};
    tb.map(0x0000'1234'5678'0000, 3, 0x5'0000'0000 | d::kPage | d::AF | d::attrIndx(1));
    tb.map(0x0000'0000'6000'0000, 2, 0x2'0000'0000 | d::kBlock | d::AF | d::attrIndx(1));
    tb.map(0x0000'4000'0000'0000, 1, 0x0 | d::kBlock | d::AF);
    const auto regs = el10(tcr::T0SZ(16) | tcr::TG0_64K | tcr::IPS(5), 0x4010'0000);
    auto r = translate(regs, readAt(EL::EL1), 0x0000'1234'5678'9ABC, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x5'0000'9ABC);
    r = translate(regs, readAt(EL::EL1), 0x0000'0000'7123'4567, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x2'1123'4567);
    r = translate(regs, readAt(EL::EL1), 0x0000'4000'0000'0000, mem);
    CHECK(dfsc(r) == 0b000101);
}

TEST_CASE("stage 1: TTBR1 range, the hole between the ranges, EPD0/EPD1, T1SZ [qemu: TTBR1, hole]",
          "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder tb1{mem, 12, 0, 48, 0x4030'0000, 0x4031'0000};
    tb1.map(0xFFFF'8000'0000'1000, 3, 0x7000'0000 | d::kPage | d::AF | d::attrIndx(1));
    auto regs = el10(kTcr4K, 0x4010'0000, 0x4030'0000);
    auto r = translate(regs, readAt(EL::EL1), 0xFFFF'8000'0000'1234, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x7000'0234);

    // VA[63:48] neither all zeros nor all ones: level 0 Translation fault.
    r = translate(regs, readAt(EL::EL1), 0x0001'0000'0000'0000, mem);
    CHECK(r.fault.type == FaultType::Translation);
    CHECK(r.fault.level == 0);
    r = translate(regs, readAt(EL::EL1), 0xFFFE'FFFF'FFFF'F000, mem);
    CHECK(dfsc(r) == 0b000100);

    regs.tcr |= tcr::EPD1;
    r = translate(regs, readAt(EL::EL1), 0xFFFF'8000'0000'1234, mem);
    CHECK(dfsc(r) == 0b000100);

    // T1SZ = 25: 39-bit upper range, walk starts at level 1.
    TableBuilder tb2{mem, 12, 1, 39, 0x4040'0000, 0x4041'0000};
    tb2.map(0xFFFF'FFC0'0000'2000, 3, 0x7100'0000 | d::kPage | d::AF);
    regs =
        el10(tcr::T0SZ(16) | tcr::T1SZ(25) | tcr::TG1_4K | tcr::IPS(5), 0x4010'0000, 0x4040'0000);
    r = translate(regs, readAt(EL::EL1), 0xFFFF'FFC0'0000'2010, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x7100'0010);
    r = translate(regs, readAt(EL::EL1), 0xFFFF'FF00'0000'2010, mem); // VA[39] = 0
    CHECK(dfsc(r) == 0b000100);

    // EPD0 disables TTBR0 walks.
    regs.tcr |= tcr::EPD0;
    r = translate(regs, readAt(EL::EL1), 0x1000, mem);
    CHECK(dfsc(r) == 0b000100);
}

TEST_CASE("stage 1: Translation fault at each level, reserved level 3 encoding [qemu: L3]",
          "[mmu][s1][fault]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    const auto regs = el10(kTcr4K, 0x4010'0000);
    // Level 0 entry 0 missing.
    auto r = translate(regs, readAt(EL::EL1), 0x1000, mem);
    CHECK(dfsc(r) == 0b000100);
    // Level 1 missing (level 0 entry 0 is a table).
    tb.map(0x0000'0000'4000'0000, 1, 0x4000'0000 | d::kBlock | d::AF);
    r = translate(regs, readAt(EL::EL1), 0x0000'0000'8000'0000, mem);
    CHECK(dfsc(r) == 0b000101);
    // Level 2 and 3 missing.
    tb.map(0x0000'0000'0020'0000, 2, 0x0020'0000 | d::kBlock | d::AF);
    r = translate(regs, readAt(EL::EL1), 0x0000'0000'0040'0000, mem);
    CHECK(dfsc(r) == 0b000110);
    tb.map(0x0000'0000'0000'1000, 3, 0x1000 | d::kPage | d::AF);
    r = translate(regs, readAt(EL::EL1), 0x0000'0000'0000'2000, mem);
    CHECK(dfsc(r) == 0b000111);
    CHECK(r.fault.stage == 1);
    CHECK(r.fault.va == 0x2000);
    // 0b01 at level 3 is reserved: Translation fault.
    tb.map(0x0000'0000'0000'3000, 3, 0x3000 | d::kBlock | d::AF);
    r = translate(regs, readAt(EL::EL1), 0x3000, mem);
    CHECK(dfsc(r) == 0b000111);
    // PAR for a level 3 Translation fault: F=1, FST=0b000111, RES1 bit 11.
    CHECK(parValue(r) == 0x80FULL);
}

TEST_CASE("stage 1: Access flag fault at levels 1, 2, 3 (no hardware AF update) [qemu: L3]",
          "[mmu][s1][fault]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x0000'0000'4000'0000, 1, 0x4000'0000 | d::kBlock);
    tb.map(0x0000'0000'0020'0000, 2, 0x0020'0000 | d::kBlock);
    tb.map(0x0000'0000'0000'1000, 3, 0x1000 | d::kPage);
    const auto regs = el10(kTcr4K, 0x4010'0000);
    auto r = translate(regs, writeAt(EL::EL1), 0x4000'0000, mem);
    CHECK(r.fault.type == FaultType::AccessFlag);
    CHECK(dfsc(r) == 0b001001);
    CHECK(r.fault.write);
    r = translate(regs, readAt(EL::EL1), 0x0020'0000, mem);
    CHECK(dfsc(r) == 0b001010);
    CHECK_FALSE(r.fault.write);
    r = translate(regs, fetchAt(EL::EL0), 0x1000, mem);
    CHECK(dfsc(r) == 0b001011);
    CHECK(parValue(r) == 0x817ULL); // F, FST 0b001011
}

TEST_CASE("stage 1: Address size faults on TTBR, table and output addresses (IPS)",
          "[mmu][s1][fault]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x1000, 3, 0x1'0000'0000 | d::kPage | d::AF); // OA beyond 32 bits
    tb.map(0x0020'0000, 2, 0x0000'0000 | d::kBlock | d::AF);
    auto regs = el10(tcr::T0SZ(16) | tcr::TG0_4K | tcr::IPS(0), 0x4010'0000); // 32-bit IPS
    auto r = translate(regs, readAt(EL::EL1), 0x1000, mem);
    CHECK(r.fault.type == FaultType::AddressSize);
    CHECK(dfsc(r) == 0b000011);
    r = translate(regs, readAt(EL::EL1), 0x0020'0000, mem);
    CHECK(r.ok());
    // A level 1 table descriptor pointing beyond 32 bits.
    mem.write(0x4011'0000 + 8 * 1, 0x2'0000'0000 | d::kTable); // level 1 entry for VA 0x4000'0000
    r = translate(regs, readAt(EL::EL1), 0x4000'0000, mem);
    CHECK(dfsc(r) == 0b000001);
    // TTBR0 beyond 32 bits: level 0.
    regs.ttbr0 = 0x1'4010'0000;
    r = translate(regs, readAt(EL::EL1), 0x1000, mem);
    CHECK(dfsc(r) == 0b000000);
    CHECK(parValue(r) == 0x801ULL);
}

TEST_CASE("stage 1: external abort on the walk reports the level", "[mmu][s1][fault]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    const std::uint64_t leaf = tb.map(0x1000, 3, 0x1000 | d::kPage | d::AF);
    const auto regs = el10(kTcr4K, 0x4010'0000);
    // The level 2 descriptor of VA 0x1000 is entry 0 of the third table (tables are allocated
    // 4 KiB apart from 0x4011'0000).
    mem.aborting.insert(0x4011'1000);
    auto r = translate(regs, readAt(EL::EL1), 0x1000, mem);
    CHECK(r.fault.type == FaultType::WalkExternalAbort);
    CHECK(dfsc(r) == 0b010110);
    mem.aborting = {leaf};
    r = translate(regs, readAt(EL::EL1), 0x1000, mem);
    CHECK(dfsc(r) == 0b010111);
}

TEST_CASE("stage 1: TBI0/TBI1 ignore the top byte; without TBI a tag is out of range",
          "[mmu][s1][tbi]") {
    FakeMemory mem;
    TableBuilder tb0{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    TableBuilder tb1{mem, 12, 0, 48, 0x4030'0000, 0x4031'0000};
    tb0.map(0x0060'0000, 2, 0x8020'0000 | d::kBlock | d::AF);
    tb1.map(0xFFFF'8000'0000'1000, 3, 0x7000'0000 | d::kPage | d::AF);
    auto regs = el10(kTcr4K | tcr::TBI0 | tcr::TBI1, 0x4010'0000, 0x4030'0000);
    auto r = translate(regs, readAt(EL::EL1), 0xAB00'0000'0061'2345, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x8021'2345);
    r = translate(regs, readAt(EL::EL1), 0x12FF'8000'0000'1004, mem); // VA[55] = 1: TTBR1
    REQUIRE(r.ok());
    CHECK(r.pa == 0x7000'0004);
    regs.tcr = kTcr4K;
    CHECK(dfsc(translate(regs, readAt(EL::EL1), 0xAB00'0000'0061'2345, mem)) == 0b000100);
    CHECK(dfsc(translate(regs, readAt(EL::EL1), 0x12FF'8000'0000'1004, mem)) == 0b000100);
}

TEST_CASE("stage 1 off: flat map, Device-nGnRnE data, cacheable fetch, PA range [qemu]",
          "[mmu][s1]") {
    FakeMemory mem;
    TranslationRegs regs;
    regs.sctlr = 0x1000; // I=1, M=0
    auto r = translate(regs, readAt(EL::EL1), 0x1234, mem);
    REQUIRE(r.ok());
    CHECK(r.pa == 0x1234);
    CHECK(r.attrs.type == MemType::Device);
    CHECK(parValue(r) == 0x0000'0000'0000'1B00ULL); // ATTR 0, PA, SH 0b10, NS, RES1
    r = translate(regs, fetchAt(EL::EL1), 0x1234, mem);
    CHECK(r.attrs.type == MemType::Normal);
    CHECK(mairEncoding(r.attrs) == 0xAA); // Write-Through, read-allocate, non-transient
    // VA beyond PAMax (48 bits): level 0 Address size fault.
    r = translate(regs, readAt(EL::EL1), 0x0001'0000'0000'0000, mem);
    CHECK(dfsc(r) == 0b000000);
    CHECK(mem.reads == 0);
}

TEST_CASE("stage 1: MAIR decoding, SCTLR.C=0 makes data Non-cacheable", "[mmu][s1][attrs]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    for (unsigned i = 0; i < 7; ++i)
        tb.map(0x10000 + 0x1000 * i, 3,
               (0x10000 + 0x1000 * i) | d::kPage | d::AF | d::SH_ISH | d::attrIndx(i));
    auto regs = el10(kTcr4K, 0x4010'0000);
    auto attrOf = [&](unsigned i) {
        auto r = translate(regs, readAt(EL::EL1), 0x10000 + 0x1000 * i, mem);
        REQUIRE(r.ok());
        return std::pair{mairEncoding(r.attrs), r.attrs.sh};
    };
    CHECK(attrOf(0) == std::pair{std::uint8_t{0x00}, Shareability::OSH}); // Device: OSH
    CHECK(attrOf(1) == std::pair{std::uint8_t{0xFF}, Shareability::ISH});
    CHECK(attrOf(2) == std::pair{std::uint8_t{0x44}, Shareability::OSH}); // NC: OSH
    CHECK(attrOf(3) == std::pair{std::uint8_t{0x04}, Shareability::OSH});
    CHECK(attrOf(4) == std::pair{std::uint8_t{0xAA}, Shareability::ISH});
    CHECK(attrOf(5) == std::pair{std::uint8_t{0x0C}, Shareability::OSH});
    CHECK(attrOf(6) == std::pair{std::uint8_t{0x4F}, Shareability::ISH});
    regs.sctlr &= ~std::uint64_t{4}; // C=0
    CHECK(attrOf(1) == std::pair{std::uint8_t{0x44}, Shareability::OSH});
}

TEST_CASE("stage 1: EL2 and EL3 regimes (one range, AP[1] RES1, XN, TCR.PS, TBI)", "[mmu][s1]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x1000, 3, 0x9000 | d::kPage | d::AF | d::nG); // AP=00: RW
    tb.map(0x2000, 3, 0xA000 | d::kPage | d::AF | d::AP_RO | d::XN);
    for (Regime rg : {Regime::EL2, Regime::EL3}) {
        TranslationRegs regs;
        regs.regime = rg;
        regs.secure = rg == Regime::EL3;
        regs.sctlr = kSctlrOn;
        regs.tcr = 16 | (5ULL << 16) | (1ULL << 20); // T0SZ=16, PS=48 bits, TBI
        regs.ttbr0 = 0x4010'0000;
        regs.mair = kMair;
        const EL el = rg == Regime::EL2 ? EL::EL2 : EL::EL3;
        Translation t;
        REQUIRE_FALSE(walk(regs, readAt(el), 0x1008, mem, Stages::S12, t));
        CHECK(t.global); // nG is RES0 in one-range regimes
        CHECK(translate(regs, writeAt(el), 0xFF00'0000'0000'1008, mem).pa == 0x9008);
        CHECK(translate(regs, fetchAt(el), 0x1008, mem).ok());
        CHECK(translate(regs, readAt(el), 0x2008, mem).pa == 0xA008);
        CHECK(dfsc(translate(regs, writeAt(el), 0x2008, mem)) == 0b001111);
        CHECK(dfsc(translate(regs, fetchAt(el), 0x2008, mem)) == 0b001111);
        // Attr0 is Device-nGnRnE (ATTR 0, SH 0b10); Secure EL3 with NS=0 in the descriptor
        // reports PAR.NS = 0.
        CHECK(parValue(translate(regs, readAt(el), 0x2008, mem)) ==
              (0xA000ULL | 0x800 | 0x100 | (rg == Regime::EL3 ? 0 : 0x200)));
    }
}

TEST_CASE("stage 1: Permission, Address size and external abort faults at every level",
          "[mmu][s1][fault]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    // Read-only blocks at levels 1 and 2 and a page at level 3.
    tb.map(0x4000'0000, 1, 0x4000'0000 | d::kBlock | d::AF | d::AP_RO);
    tb.map(0x0020'0000, 2, 0x0020'0000 | d::kBlock | d::AF | d::AP_RO);
    tb.map(0x0000'1000, 3, 0x0000'1000 | d::kPage | d::AF | d::AP_RO);
    auto regs = el10(kTcr4K, 0x4010'0000);
    CHECK(dfsc(translate(regs, writeAt(EL::EL1), 0x4000'0000, mem)) == 0b001101);
    CHECK(dfsc(translate(regs, writeAt(EL::EL1), 0x0020'0000, mem)) == 0b001110);
    CHECK(dfsc(translate(regs, writeAt(EL::EL1), 0x0000'1000, mem)) == 0b001111);
    // Output addresses beyond a 36-bit IPS at levels 1, 2 and 3.
    tb.map(0x8000'0000, 1, 0x10'0000'0000 | d::kBlock | d::AF);
    tb.map(0x0040'0000, 2, 0x10'0000'0000 | d::kBlock | d::AF);
    tb.map(0x0000'2000, 3, 0x10'0000'0000 | d::kPage | d::AF);
    regs.tcr = (regs.tcr & ~tcr::IPS(7)) | tcr::IPS(1);
    CHECK(dfsc(translate(regs, readAt(EL::EL1), 0x8000'0000, mem)) == 0b000001);
    CHECK(dfsc(translate(regs, readAt(EL::EL1), 0x0040'0000, mem)) == 0b000010);
    CHECK(dfsc(translate(regs, readAt(EL::EL1), 0x0000'2000, mem)) == 0b000011);
    // External aborts reading the level 0 and level 1 descriptors.
    regs.tcr = kTcr4K;
    mem.aborting = {0x4011'0000 + 8 * 1}; // level 1 entry of VA 0x4000'0000
    CHECK(dfsc(translate(regs, readAt(EL::EL1), 0x4000'0000, mem)) == 0b010101);
    mem.aborting = {0x4010'0000};
    CHECK(dfsc(translate(regs, readAt(EL::EL1), 0x4000'0000, mem)) == 0b010100);
}
