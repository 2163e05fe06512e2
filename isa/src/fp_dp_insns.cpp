// A64 scalar floating-point data processing (ARM-M C7 "Floating-point data-processing"), in
// half (FEAT_FP16), single and double precision: 1 source (FABS, FNEG, FSQRT, FCVT between
// precisions, FRINT*, FMOV H), 2 sources (FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM,
// FNMUL), 3 sources (FMADD, FMSUB, FNMADD, FNMSUB), FCMP/FCMPE, FCCMP/FCCMPE, FCSEL and FMOV
// (immediate) H. The arithmetic is the FP core's (fp/fp.h); each instruction runs under the
// FPCR and ORs its exceptions into FPSR. The S/D forms of FMOV (register, immediate) live in
// fpsimd_insns.cpp.
#include "fp/fp_regs.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <bit>
#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

// ftype: 00 single, 01 double, 11 half (FEAT_FP16), 10 unallocated.
unsigned ftypeBits(unsigned ftype) {
    static constexpr unsigned kBits[4] = {32, 64, 0, 16};
    return kBits[ftype & 3];
}
unsigned fpBits(std::uint32_t i) {
    return ftypeBits(bits(i, 23, 22));
}
bool validFtype(std::uint32_t i) {
    return fpBits(i) != 0;
}
std::string fr(unsigned n, unsigned size_bits) {
    const char c = size_bits == 16 ? 'h' : (size_bits == 32 ? 's' : 'd');
    return fmt::format("{}{}", c, n);
}

// ---- FP data-processing (1 source) -------------------------------------------------------------

// FMOV (register), half precision.
void execFmovRegH(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    fp::writeScalar(cx, rd(i), fp::readScalar(cx, rn(i), 16), 16);
}
std::string disFmovRegH(std::uint32_t i, std::uint64_t) {
    return fmt::format("fmov\t{}, {}", fr(rd(i), 16), fr(rn(i), 16));
}

// FABS, FNEG, FSQRT: opc 01, 10, 11 (00 is FMOV).
bool validFpUnary(std::uint32_t i) {
    return validFtype(i) && bits(i, 16, 15) != 0;
}
void execFpUnary(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned n = fpBits(i);
    fp::FPScope scope(cx);
    const std::uint64_t op = fp::readScalar(cx, rn(i), n);
    std::uint64_t result = 0;
    switch (bits(i, 16, 15)) {
    case 1: result = fp::FPAbs(op, n); break;
    case 2: result = fp::FPNeg(op, n); break;
    default: result = fp::FPSqrt(op, n, scope.ctx()); break;
    }
    fp::writeScalar(cx, rd(i), result, n);
    scope.commit();
}
std::string disFpUnary(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kMn[4] = {"fmov", "fabs", "fneg", "fsqrt"};
    const unsigned n = fpBits(i);
    return fmt::format("{}\t{}, {}", kMn[bits(i, 16, 15)], fr(rd(i), n), fr(rn(i), n));
}

// FCVT: opc names the destination precision, ftype the source; equal ones are unallocated.
bool validFcvt(std::uint32_t i) {
    const unsigned opc = bits(i, 16, 15);
    return validFtype(i) && ftypeBits(opc) != 0 && opc != bits(i, 23, 22);
}
void execFcvt(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned src = fpBits(i), dst = ftypeBits(bits(i, 16, 15));
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const std::uint64_t result =
        fp::FPConvert(fp::readScalar(cx, rn(i), src), src, dst, fc.rounding(), fc);
    fp::writeScalar(cx, rd(i), result, dst);
    scope.commit();
}
std::string disFcvt(std::uint32_t i, std::uint64_t) {
    return fmt::format("fcvt\t{}, {}", fr(rd(i), ftypeBits(bits(i, 16, 15))), fr(rn(i), fpBits(i)));
}

// FRINTN/P/M/Z/A/X/I: rmode 0xx is the named rounding, 100 ties away, 110 FPCR exact (X),
// 111 FPCR (I); 101 is unallocated.
bool validFrint(std::uint32_t i) {
    return validFtype(i) && bits(i, 17, 15) != 5;
}
void execFrint(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned n = fpBits(i), rmode = bits(i, 17, 15);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    fp::Rounding rounding = fc.rounding();
    if (rmode < 4) rounding = fp::FPDecodeRounding(rmode);
    if (rmode == 4) rounding = fp::Rounding::TieAway;
    const std::uint64_t result =
        fp::FPRoundInt(fp::readScalar(cx, rn(i), n), n, rounding, rmode == 6, fc);
    fp::writeScalar(cx, rd(i), result, n);
    scope.commit();
}
std::string disFrint(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kMn[8] = {"frintn", "frintp", "frintm", "frintz",
                                           "frinta", "",       "frintx", "frinti"};
    const unsigned n = fpBits(i);
    return fmt::format("{}\t{}, {}", kMn[bits(i, 17, 15)], fr(rd(i), n), fr(rn(i), n));
}

// ---- FP data-processing (2 source) -------------------------------------------------------------
bool validFp2Src(std::uint32_t i) {
    return validFtype(i) && bits(i, 15, 12) <= 8;
}
void execFp2Src(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned n = fpBits(i);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const std::uint64_t a = fp::readScalar(cx, rn(i), n), b = fp::readScalar(cx, rm(i), n);
    std::uint64_t result = 0;
    switch (bits(i, 15, 12)) {
    case 0: result = fp::FPMul(a, b, n, fc); break;
    case 1: result = fp::FPDiv(a, b, n, fc); break;
    case 2: result = fp::FPAdd(a, b, n, fc); break;
    case 3: result = fp::FPSub(a, b, n, fc); break;
    case 4: result = fp::FPMax(a, b, n, fc); break;
    case 5: result = fp::FPMin(a, b, n, fc); break;
    case 6: result = fp::FPMaxNum(a, b, n, fc); break;
    case 7: result = fp::FPMinNum(a, b, n, fc); break;
    default: result = fp::FPNeg(fp::FPMul(a, b, n, fc), n); break; // FNMUL
    }
    fp::writeScalar(cx, rd(i), result, n);
    scope.commit();
}
std::string disFp2Src(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kMn[9] = {"fmul", "fdiv",   "fadd",   "fsub", "fmax",
                                           "fmin", "fmaxnm", "fminnm", "fnmul"};
    const unsigned n = fpBits(i);
    return fmt::format("{}\t{}, {}, {}", kMn[bits(i, 15, 12)], fr(rd(i), n), fr(rn(i), n),
                       fr(rm(i), n));
}

// ---- FP data-processing (3 source): FMADD, FMSUB, FNMADD, FNMSUB -------------------------------
void execFp3Src(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned n = fpBits(i);
    const bool o1 = bit1(i, 21), o0 = bit1(i, 15);
    fp::FPScope scope(cx);
    std::uint64_t opa = fp::readScalar(cx, ra(i), n), op1 = fp::readScalar(cx, rn(i), n);
    const std::uint64_t op2 = fp::readScalar(cx, rm(i), n);
    if (o1) opa = fp::FPNeg(opa, n);       // opa_neg
    if (o0 != o1) op1 = fp::FPNeg(op1, n); // op1_neg
    fp::writeScalar(cx, rd(i), fp::FPMulAdd(opa, op1, op2, n, scope.ctx()), n);
    scope.commit();
}
std::string disFp3Src(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kMn[4] = {"fmadd", "fmsub", "fnmadd", "fnmsub"};
    const unsigned n = fpBits(i);
    return fmt::format("{}\t{}, {}, {}, {}", kMn[(bit1(i, 21) ? 2 : 0) + (bit1(i, 15) ? 1 : 0)],
                       fr(rd(i), n), fr(rn(i), n), fr(rm(i), n), fr(ra(i), n));
}

// ---- FP compare --------------------------------------------------------------------------------
void setFlags(ExecContext& cx, unsigned nzcv) {
    PState& p = cx.pstate();
    p.n = (nzcv & 8) != 0;
    p.z = (nzcv & 4) != 0;
    p.c = (nzcv & 2) != 0;
    p.v = (nzcv & 1) != 0;
}
// opc<0> compares with +0.0 (Rm is then ignored, as LLVM and QEMU do: its bits are "should be
// zero"), opc<1> signals quiet NaNs too (FCMPE).
void execFcmp(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned n = fpBits(i);
    fp::FPScope scope(cx);
    const std::uint64_t a = fp::readScalar(cx, rn(i), n);
    const std::uint64_t b = bit1(i, 3) ? fp::FPZero(false, n) : fp::readScalar(cx, rm(i), n);
    setFlags(cx, fp::FPCompare(a, b, bit1(i, 4), n, scope.ctx()));
    scope.commit();
}
std::string disFcmp(std::uint32_t i, std::uint64_t) {
    const unsigned n = fpBits(i);
    return fmt::format("{}\t{}, {}", bit1(i, 4) ? "fcmpe" : "fcmp", fr(rn(i), n),
                       bit1(i, 3) ? std::string("#0.0") : fr(rm(i), n));
}

// FCCMP/FCCMPE: compare when the condition holds, else set NZCV from the immediate.
void execFccmp(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned n = fpBits(i);
    fp::FPScope scope(cx);
    const std::uint64_t a = fp::readScalar(cx, rn(i), n), b = fp::readScalar(cx, rm(i), n);
    unsigned flags = bits(i, 3, 0);
    if (ConditionHolds(bits(i, 15, 12), cx.pstate()))
        flags = fp::FPCompare(a, b, bit1(i, 4), n, scope.ctx());
    setFlags(cx, flags);
    scope.commit();
}
std::string disFccmp(std::uint32_t i, std::uint64_t) {
    const unsigned n = fpBits(i);
    return fmt::format("{}\t{}, {}, #{}, {}", bit1(i, 4) ? "fccmpe" : "fccmp", fr(rn(i), n),
                       fr(rm(i), n), bits(i, 3, 0), condName(bits(i, 15, 12)));
}

// FCSEL
void execFcsel(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned n = fpBits(i);
    const unsigned src = ConditionHolds(bits(i, 15, 12), cx.pstate()) ? rn(i) : rm(i);
    fp::writeScalar(cx, rd(i), fp::readScalar(cx, src, n), n);
}
std::string disFcsel(std::uint32_t i, std::uint64_t) {
    const unsigned n = fpBits(i);
    return fmt::format("fcsel\t{}, {}, {}, {}", fr(rd(i), n), fr(rn(i), n), fr(rm(i), n),
                       condName(bits(i, 15, 12)));
}

// FMOV (scalar, immediate), half precision.
void execFmovImmH(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    fp::writeScalar(cx, rd(i), fp::VFPExpandImm(bits(i, 20, 13), 16), 16);
}
std::string disFmovImmH(std::uint32_t i, std::uint64_t) {
    // LLVM prints the value with eight decimals; every encodable value is exact there.
    const double v = std::bit_cast<double>(fp::VFPExpandImm(bits(i, 20, 13), 64));
    return fmt::format("fmov\t{}, #{:.8f}", fr(rd(i), 16), v);
}

// clang-format off
const InsnDef kFpScalarInsns[] = {
    insn("0 0 0 11110 11 1 0000 00 10000 xxxxx xxxxx", "FMOV_H_floatdp1", execFmovRegH, disFmovRegH, T::FpSimd),
    insn("0 0 0 11110 xx 1 0000 11 10000 xxxxx xxxxx", "FSQRT_floatdp1", execFpUnary, disFpUnary, T::FpDivSqrt, validFpUnary),
    insn("0 0 0 11110 xx 1 0000 xx 10000 xxxxx xxxxx", "FABS_FNEG_floatdp1", execFpUnary, disFpUnary, T::FpSimd, validFpUnary),
    insn("0 0 0 11110 xx 1 0001 xx 10000 xxxxx xxxxx", "FCVT_floatdp1", execFcvt, disFcvt, T::FpSimd, validFcvt),
    insn("0 0 0 11110 xx 1 001 xxx 10000 xxxxx xxxxx", "FRINTN_FRINTP_FRINTM_FRINTZ_FRINTA_FRINTX_FRINTI_floatdp1", execFrint, disFrint, T::FpSimd, validFrint),
    insn("0 0 0 11110 xx 1 xxxxx 0001 10 xxxxx xxxxx", "FDIV_floatdp2", execFp2Src, disFp2Src, T::FpDivSqrt, validFp2Src),
    insn("0 0 0 11110 xx 1 xxxxx xxxx 10 xxxxx xxxxx", "FMUL_FADD_FSUB_FMAX_FMIN_FMAXNM_FMINNM_FNMUL_floatdp2", execFp2Src, disFp2Src, T::FpSimd, validFp2Src),
    insn("0 0 0 11111 xx x xxxxx x xxxxx xxxxx xxxxx", "FMADD_FMSUB_FNMADD_FNMSUB_floatdp3", execFp3Src, disFp3Src, T::FpSimd, validFtype),
    insn("0 0 0 11110 xx 1 xxxxx 00 1000 xxxxx xx 000", "FCMP_FCMPE_floatcmp", execFcmp, disFcmp, T::FpSimd, validFtype),
    insn("0 0 0 11110 xx 1 xxxxx xxxx 01 xxxxx x xxxx", "FCCMP_FCCMPE_floatccmp", execFccmp, disFccmp, T::FpSimd, validFtype),
    insn("0 0 0 11110 xx 1 xxxxx xxxx 11 xxxxx xxxxx", "FCSEL_floatsel", execFcsel, disFcsel, T::FpSimd, validFtype),
    insn("0 0 0 11110 11 1 xxxxxxxx 100 00000 xxxxx", "FMOV_H_floatimm", execFmovImmH, disFmovImmH, T::FpSimd),
};
// clang-format on

} // namespace

std::span<const InsnDef> fpScalarInsns() {
    return kFpScalarInsns;
}

} // namespace svesim::isa
