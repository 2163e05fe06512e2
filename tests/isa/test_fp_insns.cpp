// Scalar FP and AdvSIMD FP instructions (fp_*_insns.cpp, simd_fp_*_insns.cpp) beyond their
// values (which test_fp_scalar_qemu.cpp and test_simd_fp_qemu.cpp take from QEMU): one word of
// every row with its LLVM 14 disassembly, the FP access trap (EC 0x07) with nothing changed,
// UNDEFINED for unallocated field values, FPSR flags accumulating, and a scalar write zeroing
// V up to VL (R12).
#include "support/isa_harness.h"
#include "svesim/exceptions/exception_record.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

struct Dis {
    std::uint32_t word;
    const char* text;
};
// One word per row and form (llvm-mc -mattr=+v8.2a,+fullfp16 -show-encoding).
// clang-format off
const Dis kWords[] = {
    {0x1ee04020, "fmov\th0, h1"},
    {0x1ee0c020, "fabs\th0, h1"},
    {0x1e61c020, "fsqrt\td0, d1"},
    {0x1ee24020, "fcvt\ts0, h1"},
    {0x1e674020, "frintx\td0, d1"},
    {0x1e228820, "fnmul\ts0, s1, s2"},
    {0x1fc20c20, "fmadd\th0, h1, h2, h3"},
    {0x1e602038, "fcmpe\td1, #0.0"},
    {0x1e212028, "fcmp\ts1, #0.0"}, // Rm should be zero; ignored
    {0x1e221424, "fccmp\ts1, s2, #4, ne"},
    {0x1ee2bc20, "fcsel\th0, h1, h2, lt"},
    {0x1eff1000, "fmov\th0, #-1.50000000"},
    {0x9ee40020, "fcvtas\tx0, h1"},
    {0x1e630020, "ucvtf\td0, w1"},
    {0x9ee60020, "fmov\tx0, h1"},
    {0x1e598020, "fcvtzu\tw0, d1, #32"},
    {0x9ec20020, "scvtf\th0, x1, #64"},
    {0x4e421420, "fadd\tv0.8h, v1.8h, v2.8h"},
    {0x4e62cc20, "fmla\tv0.2d, v1.2d, v2.2d"},
    {0x5e22fc20, "frecps\ts0, s1, s2"},
    {0x4ea0c820, "fcmgt\tv0.4s, v1.4s, #0.0"},
    {0x0e216820, "fcvtn\tv0.4h, v1.4s"},
    {0x7ee1d820, "frsqrte\td0, d1"},
    {0x2f129820, "fmulx\tv0.4h, v1.4h, v2.h[5]"},
    {0x4eb0c820, "fminnmv\th0, v1.8h"},
    {0x7e30c820, "fmaxnmp\ts0, v1.2s"},
    {0x6f76e420, "ucvtf\tv0.2d, v1.2d, #10"},
    {0x0f03fc00, "fmov\tv0.4h, #0.50000000"},
};
// clang-format on

std::vector<std::uint8_t> zBytes(IsaHarness& h, unsigned n) {
    const auto z = h.z(n);
    return {z.begin(), z.end()};
}

} // namespace

TEST_CASE("FP instructions: disassembly is LLVM's and the timing class FpSimd (FpDivSqrt for FDIV, "
          "FSQRT)",
          "[fp][fp_insns]") {
    for (const Dis& d : kWords) {
        INFO(fmt::format("{:#010x}", d.word));
        CHECK(isa::disassemble(d.word, 0) == d.text);
        const isa::InsnDef* def = isa::decode(d.word);
        REQUIRE(def != nullptr);
        // Divide and square root run on the iterative divider (docs/timing.md).
        const std::string_view text = d.text;
        const bool divider = text.starts_with("fdiv") || text.starts_with("fsqrt");
        CHECK(def->timing == (divider ? isa::TimingClass::FpDivSqrt : isa::TimingClass::FpSimd));
    }
}

TEST_CASE("FP instructions: with FP disabled every row traps with EC 0x07 and changes nothing "
          "(not even FPSR or NZCV)",
          "[fp][fp_insns]") {
    for (const Dis& d : kWords) {
        INFO(d.text);
        IsaHarness h(256);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 16); // ZEN = 11, FPEN = 00
        h.setX(0, 0xDEADBEEFDEADBEEFULL);
        const auto z0 = zBytes(h, 0);
        const PState p = h.p();
        REQUIRE(h.exec(d.word) != nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::AdvSIMDFPAccessTrap);
        CHECK(exceptionClass(h.cx.fault->record.type, EL::EL1, h.cx.fault->target) == 0x07);
        CHECK(h.arch.cpu.pc == 0x1000);
        CHECK(h.x(0) == 0xDEADBEEFDEADBEEFULL);
        CHECK(zBytes(h, 0) == z0);
        CHECK(h.p() == p);
        CHECK(h.arch.cpu.sysregs.read(SysReg::FPSR) == 0);
    }
}

TEST_CASE("FP instructions: unallocated field values are UNDEFINED", "[fp][fp_insns]") {
    // clang-format off
    const std::uint32_t kUndefined[] = {
        0x1ea0c020, // fabs with ftype 10
        0x1e224020, // fcvt s0, s1 (opc == ftype)
        0x1e234020, // fcvt with opc 10 (BFCVT, not in v8.2)
        0x1e2ac020, // frint with rmode 101
        0x1e229820, // 2-source opcode 1001
        0x1e222021, // fcmp with opcode2<2:0> != 000
        0x1e7e0020, // fjcvtzs (FEAT_JSCVT, not in v8.2)
        0x1e2a0020, // FP/integer conversion rmode 01, opcode 010
        0x1e180020, // fcvtzs w0, s1, #64: a W form with scale<5> = 0
        0x1e0c0020, // fixed-point rmode 01
        0x0e62d420, // fadd v0.1d
        0x0ea2ec20, // three same U0 a1 opcode 11101 (FMLSL, FEAT_FHM)
        0x5e22d420, // fadd s0, s1, s2 (no scalar form)
        0x2ee1f820, // fsqrt v0.1d
        0x7ea1f820, // fsqrt s0, s1 (no scalar form)
        0x0ea1f820, // frecpx v0.2s (scalar only)
        0x2e216820, // fcvtxn with sz 0
        0x0f429020, // fmul by element size 01
        0x4fe29020, // fmul v0.2d by element with L = 1
        0x2e30c820, // fmaxnmv s0, v1.2s (Q 0)
        0x7ef0d820, // faddp with a = 1
        0x0f08e420, // scvtf with immh 0001
        0x0f40e420, // scvtf v0.1d, #64 (Q 0)
    };
    // clang-format on
    for (std::uint32_t w : kUndefined) {
        INFO(fmt::format("{:#010x}", w));
        IsaHarness h(256);
        CHECK(isa::decode(w) == nullptr);
        CHECK(h.exec(w) == nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::Uncategorized);
    }
}

TEST_CASE("FP instructions: FPSR flags accumulate and FPCR selects the rounding",
          "[fp][fp_insns]") {
    IsaHarness h(128);
    auto setS = [&](unsigned n, std::uint32_t v) {
        const std::uint8_t b[4] = {static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8),
                                   static_cast<std::uint8_t>(v >> 16),
                                   static_cast<std::uint8_t>(v >> 24)};
        h.arch.sve.setV(h.arch.cpu, n, b);
    };
    auto s0 = [&] {
        const auto z = h.z(0);
        return std::uint32_t{z[0]} | std::uint32_t{z[1]} << 8 | std::uint32_t{z[2]} << 16 |
               std::uint32_t{z[3]} << 24;
    };
    setS(1, 0x3F800000);                                // 1.0
    setS(2, 0x00000000);                                // 0.0
    h.arch.cpu.sysregs.write(SysReg::FPSR, 0x08000000); // QC set: kept
    REQUIRE(h.exec(0x1e221820) != nullptr);             // fdiv s0, s1, s2
    CHECK(s0() == 0x7F800000);
    CHECK(h.arch.cpu.sysregs.read(SysReg::FPSR) == 0x08000002); // DZC
    setS(2, 0x40400000);                                        // 3.0
    REQUIRE(h.exec(0x1e221820) != nullptr);                     // 1/3, round to nearest
    CHECK(s0() == 0x3EAAAAAB);
    CHECK(h.arch.cpu.sysregs.read(SysReg::FPSR) == 0x08000012); // DZC | IXC
    h.arch.cpu.sysregs.write(SysReg::FPCR, 3U << 22);           // round toward zero
    REQUIRE(h.exec(0x1e221820) != nullptr);
    CHECK(s0() == 0x3EAAAAAA);
}

TEST_CASE("FP instructions: a scalar H result zeroes V[d] above bit 15 up to VL (R12)",
          "[fp][fp_insns][R12]") {
    IsaHarness h(2048);
    std::vector<std::uint8_t> ones(256, 0xFF);
    h.arch.sve.setZ(h.arch.cpu, 0, h.cx.vl(), ones);
    const std::uint8_t one_h[2] = {0x00, 0x3C};
    h.arch.sve.setV(h.arch.cpu, 1, one_h);
    REQUIRE(h.exec(0x1ee0c020) != nullptr); // fabs h0, h1
    const auto z = h.z(0);
    CHECK(z[0] == 0x00);
    CHECK(z[1] == 0x3C);
    for (std::size_t k = 2; k < z.size(); ++k)
        CHECK(z[k] == 0);
}
