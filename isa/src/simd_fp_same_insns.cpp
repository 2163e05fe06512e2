// AdvSIMD floating-point "three same" (ARM-M C7): the vector forms (2S/4S/2D and, with
// FEAT_FP16, 4H/8H) and the scalar forms (H/S/D) of FADD, FSUB, FMUL, FDIV, FMAX, FMIN,
// FMAXNM, FMINNM, FMLA, FMLS, FABD, FMULX, FRECPS, FRSQRTS, FCMEQ, FCMGE, FCMGT, FACGE, FACGT
// and the pairwise FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP. Every element is the FP core's
// (fp/fp.h) under FPCR; the exceptions of all elements accumulate into FPSR.
#include "fp/fp_regs.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;
using fp::Vec128;

enum class Op : std::uint8_t {
    None,
    FMAXNM,
    FMLA,
    FADD,
    FMULX,
    FCMEQ,
    FMAX,
    FRECPS,
    FMINNM,
    FMLS,
    FSUB,
    FMIN,
    FRSQRTS,
    FMAXNMP,
    FADDP,
    FMUL,
    FCMGE,
    FACGE,
    FMAXP,
    FDIV,
    FMINNMP,
    FABD,
    FCMGT,
    FACGT,
    FMINP,
};
// [U][a][opcode<2:0>]: the same for the single/double (opcode 11xxx) and half encodings.
constexpr Op kOps[2][2][8] = {
    {{Op::FMAXNM, Op::FMLA, Op::FADD, Op::FMULX, Op::FCMEQ, Op::None, Op::FMAX, Op::FRECPS},
     {Op::FMINNM, Op::FMLS, Op::FSUB, Op::None, Op::None, Op::None, Op::FMIN, Op::FRSQRTS}},
    {{Op::FMAXNMP, Op::None, Op::FADDP, Op::FMUL, Op::FCMGE, Op::FACGE, Op::FMAXP, Op::FDIV},
     {Op::FMINNMP, Op::None, Op::FABD, Op::None, Op::FCMGT, Op::FACGT, Op::FMINP, Op::None}},
};
const char* opName(Op op) {
    static constexpr const char* kNames[] = {
        "",      "fmaxnm", "fmla",    "fadd",    "fmulx",   "fcmeq", "fmax", "frecps", "fminnm",
        "fmls",  "fsub",   "fmin",    "frsqrts", "fmaxnmp", "faddp", "fmul", "fcmge",  "facge",
        "fmaxp", "fdiv",   "fminnmp", "fabd",    "fcmgt",   "facgt", "fminp"};
    return kNames[static_cast<unsigned>(op)];
}
Op opOf(std::uint32_t i) {
    return kOps[bit1(i, 29) ? 1 : 0][bit1(i, 23) ? 1 : 0][bits(i, 13, 11)];
}
bool isPairwise(Op op) {
    return op == Op::FMAXNMP || op == Op::FADDP || op == Op::FMAXP || op == Op::FMINNMP ||
           op == Op::FMINP;
}
// The scalar encodings have only these.
bool hasScalarForm(Op op) {
    switch (op) {
    case Op::FMULX:
    case Op::FCMEQ:
    case Op::FRECPS:
    case Op::FRSQRTS:
    case Op::FCMGE:
    case Op::FACGE:
    case Op::FABD:
    case Op::FCMGT:
    case Op::FACGT: return true;
    default: return false;
    }
}

// Element size: half encodings have bits 22:21 = 10, the others sz = bit 22.
unsigned esizeOf(std::uint32_t i) {
    if (!bit1(i, 21)) return 16;
    return bit1(i, 22) ? 64 : 32;
}

// One element of every non-pairwise operation (d is the accumulator of FMLA/FMLS).
std::uint64_t elementOp(Op op, std::uint64_t a, std::uint64_t b, std::uint64_t d, unsigned n,
                        const fp::FPContext& fc) {
    const std::uint64_t all_ones = ones(n);
    switch (op) {
    case Op::FMAXNM:
    case Op::FMAXNMP: return fp::FPMaxNum(a, b, n, fc);
    case Op::FMINNM:
    case Op::FMINNMP: return fp::FPMinNum(a, b, n, fc);
    case Op::FMAX:
    case Op::FMAXP: return fp::FPMax(a, b, n, fc);
    case Op::FMIN:
    case Op::FMINP: return fp::FPMin(a, b, n, fc);
    case Op::FADD:
    case Op::FADDP: return fp::FPAdd(a, b, n, fc);
    case Op::FSUB: return fp::FPSub(a, b, n, fc);
    case Op::FMUL: return fp::FPMul(a, b, n, fc);
    case Op::FDIV: return fp::FPDiv(a, b, n, fc);
    case Op::FMULX: return fp::FPMulX(a, b, n, fc);
    case Op::FMLA: return fp::FPMulAdd(d, a, b, n, fc);
    case Op::FMLS: return fp::FPMulAdd(d, fp::FPNeg(a, n), b, n, fc);
    case Op::FABD: return fp::FPAbs(fp::FPSub(a, b, n, fc), n);
    case Op::FRECPS: return fp::FPRecipStepFused(a, b, n, fc);
    case Op::FRSQRTS: return fp::FPRSqrtStepFused(a, b, n, fc);
    case Op::FCMEQ: return fp::FPCompareEQ(a, b, n, fc) ? all_ones : 0;
    case Op::FCMGE: return fp::FPCompareGE(a, b, n, fc) ? all_ones : 0;
    case Op::FCMGT: return fp::FPCompareGT(a, b, n, fc) ? all_ones : 0;
    case Op::FACGE: return fp::FPCompareGE(fp::FPAbs(a, n), fp::FPAbs(b, n), n, fc) ? all_ones : 0;
    case Op::FACGT: return fp::FPCompareGT(fp::FPAbs(a, n), fp::FPAbs(b, n), n, fc) ? all_ones : 0;
    case Op::None: break;
    }
    return 0;
}

std::string vreg(unsigned r, unsigned esize, bool q) {
    const unsigned lanes = (q ? 128 : 64) / esize;
    return fmt::format("v{}.{}{}", r, lanes, esize == 16 ? 'h' : (esize == 32 ? 's' : 'd'));
}
std::string sreg(unsigned r, unsigned esize) {
    return fmt::format("{}{}", esize == 16 ? 'h' : (esize == 32 ? 's' : 'd'), r);
}

// ---- Vector ------------------------------------------------------------------------------------
bool validVector(std::uint32_t i) {
    const Op op = opOf(i);
    if (op == Op::None) return false;
    return !(esizeOf(i) == 64 && !bit1(i, 30)); // 1D is reserved
}
void execVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const Op op = opOf(i);
    const unsigned esize = esizeOf(i), datasize = bit1(i, 30) ? 128 : 64;
    const unsigned elements = datasize / esize;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const Vec128 a = fp::readVec(cx, rn(i), datasize), b = fp::readVec(cx, rm(i), datasize);
    const Vec128 d = fp::readVec(cx, rd(i), datasize);
    Vec128 r;
    if (isPairwise(op)) {
        // concat = operand2:operand1; result element e pairs concat elements 2e and 2e+1.
        for (unsigned e = 0; e < elements; ++e) {
            const Vec128& src = 2 * e < elements ? a : b;
            const unsigned k = (2 * e) % elements;
            r.setElem(e, esize,
                      elementOp(op, src.elem(k, esize), src.elem(k + 1, esize), 0, esize, fc));
        }
    } else {
        for (unsigned e = 0; e < elements; ++e)
            r.setElem(
                e, esize,
                elementOp(op, a.elem(e, esize), b.elem(e, esize), d.elem(e, esize), esize, fc));
    }
    fp::writeVec(cx, rd(i), r, datasize);
    scope.commit();
}
std::string disVector(std::uint32_t i, std::uint64_t) {
    const unsigned esize = esizeOf(i);
    const bool q = bit1(i, 30);
    return fmt::format("{}\t{}, {}, {}", opName(opOf(i)), vreg(rd(i), esize, q),
                       vreg(rn(i), esize, q), vreg(rm(i), esize, q));
}

// ---- Scalar ------------------------------------------------------------------------------------
bool validScalar(std::uint32_t i) {
    return hasScalarForm(opOf(i));
}
void execScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned esize = esizeOf(i);
    fp::FPScope scope(cx);
    const std::uint64_t result = elementOp(opOf(i), fp::readScalar(cx, rn(i), esize),
                                           fp::readScalar(cx, rm(i), esize), 0, esize, scope.ctx());
    fp::writeScalar(cx, rd(i), result, esize);
    scope.commit();
}
std::string disScalar(std::uint32_t i, std::uint64_t) {
    const unsigned esize = esizeOf(i);
    return fmt::format("{}\t{}, {}, {}", opName(opOf(i)), sreg(rd(i), esize), sreg(rn(i), esize),
                       sreg(rm(i), esize));
}

// clang-format off
const InsnDef kSimdFpSameInsns[] = {
    insn("0 x 1 01110 0 x 1 xxxxx 11111 1 xxxxx xxxxx", "FDIV_asimdsame_only", execVector, disVector, T::FpDivSqrt, validVector),
    insn("0 x x 01110 x x 1 xxxxx 11 xxx 1 xxxxx xxxxx", "FP_asimdsame_only", execVector, disVector, T::FpSimd, validVector),
    insn("0 x 1 01110 0 10 xxxxx 00 111 1 xxxxx xxxxx", "FDIV_asimdsamefp16_only", execVector, disVector, T::FpDivSqrt, validVector),
    insn("0 x x 01110 x 10 xxxxx 00 xxx 1 xxxxx xxxxx", "FP_asimdsamefp16_only", execVector, disVector, T::FpSimd, validVector),
    insn("0 1 x 11110 x x 1 xxxxx 11 xxx 1 xxxxx xxxxx", "FP_asisdsame_only", execScalar, disScalar, T::FpSimd, validScalar),
    insn("0 1 x 11110 x 10 xxxxx 00 xxx 1 xxxxx xxxxx", "FP_asisdsamefp16_only", execScalar, disScalar, T::FpSimd, validScalar),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdFpSameInsns() {
    return kSimdFpSameInsns;
}

} // namespace svesim::isa
