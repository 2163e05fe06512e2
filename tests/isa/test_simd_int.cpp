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
    const char* llvm; // llvm-mc's disassembly
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

TEST_CASE("simd int: disassembly is llvm-mc's", "[isa][simd]") {
    for (const SimdQemuCase& c : kSimdQemuCases)
        CHECK(isa::disassemble(c.word, 0) == c.llvm);
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

TEST_CASE("simd: unallocated encodings of the integer, permute and structure groups are "
          "UNDEFINED (checked invalid with llvm-mc)",
          "[isa][simd]") {
    struct Undef {
        std::uint32_t word;
        const char* what;
    };
    // clang-format off
    const Undef kUndefined[] = {
        {0x4ee20420, "shadd with size 11"},
        {0x0ee20c20, "sqadd 1D (size 11, Q 0)"},
        {0x2e629c20, "pmul with 16-bit elements"},
        {0x0e22b420, "sqdmulh with 8-bit elements"},
        {0x2e22bc20, "three same U 1 opcode 10111"},
        {0x5ee20420, "scalar shadd"},
        {0x5e223420, "scalar cmgt b"},
        {0x5ee21c20, "scalar three same opcode 00011"},
        {0x2e028420, "sqrdmlah with 8-bit elements"},
        {0x0e601820, "rev16 4h"},
        {0x0e605820, "cnt 4h"},
        {0x6ee04820, "clz 2d"},
        {0x0ee12820, "xtn with size 11"},
        {0x2ee13820, "shll with size 11"},
        {0x2e20a820, "cmlt U 1"},
        {0x0eb1b820, "addv 2s"},
        {0x4ef1b820, "addv 2d"},
        {0x5eb1b820, "scalar addp with size 10"},
        {0x0ee20020, "saddl with size 11"},
        {0x0e229020, "sqdmlal with 8-bit elements"},
        {0x0ee2e020, "pmull 1q (FEAT_PMULL)"},
        {0x0e62e020, "pmull with 16-bit elements"},
        {0x2e629020, "three different U 1 opcode 1001"},
        {0x0e22f020, "three different opcode 1111"},
        {0x5e62f020, "scalar three different opcode 1111"},
        {0x0e020820, "permute opcode 000"},
        {0x0ec23820, "zip1 1d"},
        {0x2e024020, "ext 8b with imm4 8"},
        {0x2e420020, "ext with op2 01"},
        {0x0f400420, "sshr 1d (immh 1xxx, Q 0)"},
        {0x4f408420, "shrn from 128-bit elements"},
        {0x4f40a420, "sshll2 to 128-bit elements"},
        {0x5f080420, "scalar sshr b"},
        {0x5f088420, "scalar shrn"},
        {0x5f409420, "scalar sqshrn from 128 bits"},
        {0x0f028020, "mul by element with size 00"},
        {0x0fc28020, "mul by element with size 11"},
        {0x0f82e020, "sdot (FEAT_DotProd)"},
        {0x5f428020, "scalar mul by element"},
        {0x0c408c20, "ld2 1d"},
        {0x0c401020, "load multiple opcode 0001"},
        {0x0d404420, "ld1 h lane with size<0> 1"},
        {0x0d409420, "ld1 d lane with S 1"},
        {0x0d408820, "ld1 s lane with size<1> 1"},
        {0x0d00c020, "st1r"},
        {0x0d40d020, "ld1r with S 1"},
        {0x0ce27020, "load multiple post-index with bit 21 set"},
    };
    // clang-format on
    for (const Undef& u : kUndefined) {
        INFO(fmt::format("{:#010x} {}", u.word, u.what));
        IsaHarness h(256);
        CHECK(isa::decode(u.word) == nullptr);
        CHECK(h.exec(u.word) == nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::Uncategorized);
    }
}
