// AdvSIMD structure loads and stores (isa/src/ldst_simd_struct.cpp) against QEMU: every case of
// test_simd_qemu_ldst_cases.inc is one LD1-LD4/ST1-ST4/LDnR that qemu-aarch64 ran with the same
// registers and buffer (tests/isa/test_simd_qemu_gen.py --ldst); V0-V3, the base register's
// writeback and the buffer must match. Also: a fault on any element writes no register and
// no base, alignment faults per element under SCTLR.A, FP disabled traps, V writes zero above
// bit 127 (R12).
#include "support/isa_harness.h"
#include "svesim/exceptions/exception_record.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

struct SimdLdStCase {
    std::uint32_t word;
    std::uint64_t v[8];
    std::uint64_t x1;
    std::uint64_t mem[16];
    const char* llvm; // llvm-mc's disassembly
};

#include "test_simd_qemu_ldst_cases.inc"

constexpr std::uint64_t kBuf = IsaHarness::kMemBase + 0x100;

std::uint64_t bytesAt(std::span<const std::uint8_t> z, unsigned offset) {
    std::uint64_t v = 0;
    for (unsigned k = 0; k < 8; ++k)
        v |= std::uint64_t{z[offset + k]} << (8 * k);
    return v;
}

void setup(IsaHarness& h) {
    fillPattern(h.arch.sve, 0x5D);
    for (unsigned r = 0; r < 4; ++r)
        for (unsigned k = 0; k < 16; ++k)
            h.zFull(r)[k] = kLdStRegs[r][k];
    for (unsigned k = 0; k < 128; ++k)
        *h.mem.at(kBuf + k) = kLdStPattern[k];
    h.setX(1, kBuf + 16);
    h.setX(2, 24);
}

std::string describe(std::uint32_t word) {
    return fmt::format("{:#010x} {}", word, isa::disassemble(word, 0));
}

} // namespace

TEST_CASE("simd ldst: every form gives QEMU's registers, writeback and memory", "[isa][simd]") {
    for (unsigned vl : {128U, 512U}) {
        for (const SimdLdStCase& c : kSimdLdStCases) {
            INFO(describe(c.word) << " VL " << vl);
            IsaHarness h(vl);
            setup(h);
            const std::vector<std::uint8_t> z4(h.zFull(4).begin(), h.zFull(4).end());
            REQUIRE(h.exec(c.word) != nullptr);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned r = 0; r < 4; ++r) {
                CHECK(bytesAt(h.z(r), 0) == c.v[2 * r]);
                CHECK(bytesAt(h.z(r), 8) == c.v[2 * r + 1]);
            }
            CHECK(h.x(1) - kBuf == c.x1);
            for (unsigned k = 0; k < 16; ++k)
                CHECK(h.mem.get<std::uint64_t>(kBuf + 8 * k) == c.mem[k]);
            CHECK(std::equal(z4.begin(), z4.end(), h.zFull(4).begin())); // V4 untouched
        }
    }
}

TEST_CASE("simd ldst: disassembly is llvm-mc's", "[isa][simd]") {
    for (const SimdLdStCase& c : kSimdLdStCases)
        CHECK(isa::disassemble(c.word, 0) == c.llvm);
}

TEST_CASE("simd ldst: a load writes V[] at its width and zeroes [VL-1:width] (R12); a store "
          "leaves Z alone",
          "[isa][simd][R12]") {
    IsaHarness h(512);
    setup(h);
    REQUIRE(h.exec(0x0c40a020) != nullptr); // ld1 { v0.8b, v1.8b }, [x1]
    for (unsigned r = 0; r < 2; ++r) {
        const auto z = h.z(r);
        CHECK(std::all_of(z.begin() + 8, z.end(), [](std::uint8_t b) { return b == 0; }));
    }
    REQUIRE(h.exec(0x4d404820) != nullptr); // ld1 { v0.h }[5], [x1]: a 128-bit V[] write
    const auto z0 = h.z(0);
    CHECK(z0[10] == 0x73); // lane 5 from the buffer at +16 (bytes 3 + 7 * 16, 3 + 7 * 17)
    CHECK(z0[11] == 0x7A);
    CHECK(std::all_of(z0.begin() + 16, z0.end(), [](std::uint8_t b) { return b == 0; }));
    const std::vector<std::uint8_t> before(h.zFull(2).begin(), h.zFull(2).end());
    REQUIRE(h.exec(0x4c00a020) != nullptr); // st1 { v0.16b, v1.16b }, [x1]
    CHECK(std::equal(before.begin(), before.end(), h.zFull(2).begin()));
}

TEST_CASE("simd ldst: a fault on a later element writes no register and no base register",
          "[isa][simd]") {
    IsaHarness h(256);
    setup(h);
    // ld4 { v0.16b-v3.16b }, [x1], #64 with X1 16 bytes below the end of memory
    const std::uint64_t end = IsaHarness::kMemBase + 0x10000;
    h.setX(1, end - 16);
    const std::vector<std::uint8_t> z0(h.zFull(0).begin(), h.zFull(0).end());
    REQUIRE(h.exec(0x4cdf0020) != nullptr);
    REQUIRE(h.cx.faulted());
    CHECK(h.cx.fault->record.type == Exception::DataAbort);
    CHECK(h.x(1) == end - 16);
    CHECK(std::equal(z0.begin(), z0.end(), h.zFull(0).begin()));
}

TEST_CASE("simd ldst: with SCTLR_EL1.A each element access is checked for its own alignment",
          "[isa][simd]") {
    IsaHarness h(256);
    setup(h);
    h.arch.cpu.sysregs.write(SysReg::SCTLR_EL1, h.arch.cpu.sysregs.read(SysReg::SCTLR_EL1) | 2U);
    h.setX(1, kBuf + 1);
    REQUIRE(h.exec(0x4c407020) != nullptr); // ld1 { v0.16b }, [x1]: byte elements, no fault
    CHECK_FALSE(h.cx.faulted());
    REQUIRE(h.exec(0x4c407420) != nullptr); // ld1 { v0.8h }, [x1]: halfwords at an odd address
    REQUIRE(h.cx.faulted());
    CHECK(h.cx.fault->record.type == Exception::DataAbort);
    h.setX(1, kBuf + 4);
    REQUIRE(h.exec(0x4c407820) != nullptr); // ld1 { v0.4s }, [x1]: words at +4, aligned
    CHECK_FALSE(h.cx.faulted());
    REQUIRE(h.exec(0x4c407c20) != nullptr); // ld1 { v0.2d }, [x1]: doublewords at +4
    CHECK(h.cx.faulted());
}

TEST_CASE("simd ldst: with FP disabled every form traps with EC 0x07 before any access",
          "[isa][simd]") {
    for (const SimdLdStCase& c : kSimdLdStCases) {
        INFO(describe(c.word));
        IsaHarness h(256);
        setup(h);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 16); // ZEN = 11, FPEN = 00
        REQUIRE(h.exec(c.word) != nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::AdvSIMDFPAccessTrap);
        CHECK(h.x(1) == kBuf + 16);
        CHECK(h.mem.get<std::uint64_t>(kBuf + 16) == 0xA49D968F88817A73ULL);
    }
}

TEST_CASE("simd ldst: register lists wrap from V31 to V0; SP is the base for Rn 31",
          "[isa][simd]") {
    IsaHarness h(256);
    setup(h);
    // ld1 { v31.16b, v0.16b }, [x1]: V31 = buffer[16..31], V0 = buffer[32..47] (3 + 7k each)
    REQUIRE(h.exec(0x4c40a03f) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    for (unsigned k = 0; k < 16; ++k) {
        CHECK(h.z(31)[k] == static_cast<std::uint8_t>(3 + 7 * (16 + k)));
        CHECK(h.z(0)[k] == static_cast<std::uint8_t>(3 + 7 * (32 + k)));
    }
    // st2 { v31.b, v0.b }[15], [sp], #2: V31.b[15] then V0.b[15] at SP, SP += 2
    h.cx.setSP(kBuf + 64);
    REQUIRE(h.exec(0x4dbf1fff) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    CHECK(*h.mem.at(kBuf + 64) == static_cast<std::uint8_t>(3 + 7 * 31));
    CHECK(*h.mem.at(kBuf + 65) == static_cast<std::uint8_t>(3 + 7 * 47));
    CHECK(h.cx.SP() == kBuf + 66);
    CHECK(isa::disassemble(0x4dbf1fff, 0) == "st2\t{ v31.b, v0.b }[15], [sp], #2");
}
