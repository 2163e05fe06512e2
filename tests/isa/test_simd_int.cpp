// AdvSIMD integer instructions (isa/src/simd_*.cpp) against QEMU: every case of
// test_simd_qemu_cases.inc is one instruction that qemu-aarch64 ran on the same operands
// (tests/isa/test_simd_qemu_gen.py); V0 and FPSR.QC must match what QEMU left, and the V[]
// write must zero Z0 from bit 128 up to VL (R12). Also: QC is sticky, FP disabled traps.
#include "support/isa_harness.h"
#include "svesim/exceptions/exception_record.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

struct SimdQemuCase {
    std::uint32_t word;
    unsigned set;
    std::uint64_t lo, hi;
    unsigned qc;
};

#include "test_simd_qemu_cases.inc"

constexpr std::uint64_t kQC = std::uint64_t{1} << 27;

std::uint64_t bytesAt(std::span<const std::uint8_t> z, unsigned offset) {
    std::uint64_t v = 0;
    for (unsigned k = 0; k < 8; ++k)
        v |= std::uint64_t{z[offset + k]} << (8 * k);
    return v;
}

// V0-V3 from operand set `s`, V16-V19 copies of V3-V0, the other V registers zero (as in the
// QEMU runs); every Z byte above bit 127 a fill pattern.
void loadSet(IsaHarness& h, unsigned s) {
    fillPattern(h.arch.sve, 0x5D);
    for (unsigned r = 4; r < SveUnit::kNumZ; ++r)
        for (unsigned k = 0; k < 16; ++k)
            h.zFull(r)[k] = 0;
    for (unsigned r = 0; r < 4; ++r)
        for (unsigned k = 0; k < 16; ++k)
            h.zFull(r)[k] = h.zFull(19 - r)[k] = kSimdOperandSets[s][r][k];
    h.arch.cpu.sysregs.write(SysReg::FPSR, 0);
}

std::string describe(std::uint32_t word) {
    return fmt::format("{:#010x} {}", word, isa::disassemble(word, 0));
}

} // namespace

TEST_CASE("simd int: every instruction and arrangement gives QEMU's V0 and FPSR.QC, and "
          "zeroes [VL-1:128] (R12)",
          "[isa][simd][R12]") {
    for (unsigned vl : {128U, 512U}) {
        for (const SimdQemuCase& c : kSimdQemuCases) {
            INFO(describe(c.word) << " operand set " << c.set << " VL " << vl);
            IsaHarness h(vl);
            loadSet(h, c.set);
            REQUIRE(h.exec(c.word) != nullptr);
            REQUIRE_FALSE(h.cx.faulted());
            const auto z0 = h.z(0);
            CHECK(bytesAt(z0, 0) == c.lo);
            CHECK(bytesAt(z0, 8) == c.hi);
            CHECK(((h.arch.cpu.sysregs.raw(SysReg::FPSR) & kQC) != 0) == (c.qc != 0));
            bool upper_zero = true;
            for (std::size_t k = 16; k < z0.size(); ++k)
                upper_zero = upper_zero && z0[k] == 0;
            CHECK(upper_zero);
        }
    }
}

TEST_CASE("simd int: FPSR.QC is cumulative, a non-saturating result leaves it set", "[isa][simd]") {
    IsaHarness h(256);
    loadSet(h, 0);
    h.arch.cpu.sysregs.write(SysReg::FPSR, kQC | 0x10); // QC and IXC
    REQUIRE(h.exec(0x0e220420) != nullptr);             // shadd v0.8b, v1.8b, v2.8b
    CHECK(h.arch.cpu.sysregs.raw(SysReg::FPSR) == (kQC | 0x10));
}

TEST_CASE("simd int: with FP disabled every instruction traps with EC 0x07 and changes nothing",
          "[isa][simd]") {
    for (const SimdQemuCase& c : kSimdQemuCases) {
        if (c.set != 0) continue;
        INFO(describe(c.word));
        IsaHarness h(256);
        loadSet(h, 0);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 16); // ZEN = 11, FPEN = 00
        std::vector<std::uint8_t> before(h.zFull(0).begin(), h.zFull(0).end());
        REQUIRE(h.exec(c.word) != nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::AdvSIMDFPAccessTrap);
        CHECK(std::equal(before.begin(), before.end(), h.zFull(0).begin()));
        CHECK(h.arch.cpu.sysregs.raw(SysReg::FPSR) == 0);
    }
}
