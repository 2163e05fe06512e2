// SVE floating-point arithmetic (ARM-M C8.2), H/S/D elements: FADD, FSUB, FMUL, FRECPS, FRSQRTS
// (unpredicated); FADD, FSUB, FMUL, FSUBR, FMAXNM, FMINNM, FMAX, FMIN, FABD, FMULX, FDIVR, FDIV
// (predicated, merging); FMLA, FMLS, FNMLA, FNMLS, FMAD, FMSB, FNMAD, FNMSB; the vector compares
// FCMGE, FCMGT, FCMEQ, FCMNE, FCMUO, FACGE, FACGT; FABS, FNEG, FSQRT, FRECPX, FRINTN/P/M/Z/A/X/I
// (predicated); FRECPE, FRSQRTE (unpredicated); FADD, FSUB, FMUL, FSUBR, FMAXNM, FMINNM, FMAX,
// FMIN with an immediate; FMLA, FMLS, FMUL (indexed). Elements are the FP core's (fp/fp.h) under
// FPCR; the exceptions of active elements accumulate into FPSR. Z and P are written through the
// SveUnit setters (R11).
#include "fp/fp_regs.h"
#include "sve_fp_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;
using fp::Rounding;
using fpe::elementsOf;
using fpe::esizeBits;
using fpe::validSize;
using fpe::z;

enum class Bin : std::uint8_t {
    Add,
    Sub,
    Mul,
    Subr,
    MaxNum,
    MinNum,
    Max,
    Min,
    Abd,
    MulX,
    Divr,
    Div,
    Recps,
    Rsqrts,
    None
};
std::uint64_t binary(Bin op, std::uint64_t a, std::uint64_t b, unsigned n,
                     const fp::FPContext& fc) {
    switch (op) {
    case Bin::Add: return fp::FPAdd(a, b, n, fc);
    case Bin::Sub: return fp::FPSub(a, b, n, fc);
    case Bin::Mul: return fp::FPMul(a, b, n, fc);
    case Bin::Subr: return fp::FPSub(b, a, n, fc);
    case Bin::MaxNum: return fp::FPMaxNum(a, b, n, fc);
    case Bin::MinNum: return fp::FPMinNum(a, b, n, fc);
    case Bin::Max: return fp::FPMax(a, b, n, fc);
    case Bin::Min: return fp::FPMin(a, b, n, fc);
    case Bin::Abd: return fp::FPAbs(fp::FPSub(a, b, n, fc), n);
    case Bin::MulX: return fp::FPMulX(a, b, n, fc);
    case Bin::Divr: return fp::FPDiv(b, a, n, fc);
    case Bin::Div: return fp::FPDiv(a, b, n, fc);
    case Bin::Recps: return fp::FPRecipStepFused(a, b, n, fc);
    case Bin::Rsqrts: return fp::FPRSqrtStepFused(a, b, n, fc);
    case Bin::None: break;
    }
    return 0;
}

std::string pm(std::uint32_t i) {
    return fmt::format("p{}/m", pg3(i));
}

// ---- Unpredicated: Zd = Zn op Zm (opc insn[12:10]: FADD, FSUB, FMUL, -, -, -, FRECPS, FRSQRTS)
Bin unpredOp(std::uint32_t i) {
    static constexpr Bin kOps[8] = {Bin::Add,  Bin::Sub,  Bin::Mul,   Bin::None,
                                    Bin::None, Bin::None, Bin::Recps, Bin::Rsqrts};
    return kOps[bits(i, 12, 10)];
}
bool validUnpred(std::uint32_t i) {
    return validSize(i) && unpredOp(i) != Bin::None;
}
void execUnpred(ExecContext& cx, std::uint32_t i) {
    const Bin op = unpredOp(i);
    fpe::unpredicatedBinary(cx, i,
                            [op](std::uint64_t a, std::uint64_t b, unsigned n,
                                 const fp::FPContext& fc) { return binary(op, a, b, n, fc); });
}
std::string disUnpred(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[8] = {"fadd", "fsub", "fmul",   "",
                                              "",     "",     "frecps", "frsqrts"};
    return fmt::format("{}\t{}, {}, {}", kNames[bits(i, 12, 10)], z(rd(i), i), z(rn(i), i),
                       z(rm(i), i));
}

// ---- Predicated: Zdn = Zdn op Zm where active (opc insn[19:16]; 1001 FSCALE not implemented)
Bin predOp(std::uint32_t i) {
    static constexpr Bin kOps[16] = {
        Bin::Add, Bin::Sub,  Bin::Mul,  Bin::Subr, Bin::MaxNum, Bin::MinNum, Bin::Max,  Bin::Min,
        Bin::Abd, Bin::None, Bin::MulX, Bin::None, Bin::Divr,   Bin::Div,    Bin::None, Bin::None};
    return kOps[bits(i, 19, 16)];
}
bool validPred(std::uint32_t i) {
    return validSize(i) && predOp(i) != Bin::None;
}
void execPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rd(i)), b = readZ(cx, rn(i));
    ZBuf r = a; // inactive elements keep Zdn
    const unsigned elements = elementsOf(cx, i);
    const auto op = predOp(i);
    withEsize(eb, [&](auto es) {
        constexpr unsigned esize = decltype(es)::value;
        for (unsigned e = 0; e < elements; ++e)
            if (activeElem(p.data(), e, esize))
                setElem(r.data(), e, esize,
                        binary(op, elem(a.data(), e, esize), elem(b.data(), e, esize), n, fc));
    });
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disPred(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[16] = {"fadd",  "fsub", "fmul", "fsubr", "fmaxnm", "fminnm",
                                               "fmax",  "fmin", "fabd", "",      "fmulx",  "",
                                               "fdivr", "fdiv", "",     ""};
    return fmt::format("{}\t{}, {}, {}, {}", kNames[bits(i, 19, 16)], z(rd(i), i), pm(i),
                       z(rd(i), i), z(rn(i), i));
}

// ---- Multiply-add: FMLA/FMLS/FNMLA/FNMLS (Zda += Zn * Zm) and FMAD/FMSB/FNMAD/FNMSB
// (Zdn = Za + Zdn * Zm); opc insn[14:13] selects the negations of the product and the addend.
bool negProduct(std::uint32_t i) {
    const unsigned opc = bits(i, 14, 13);
    return opc == 1 || opc == 2;
}
bool negAddend(std::uint32_t i) {
    return bit1(i, 14);
}
void execMulAdd(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    const bool mad = bit1(i, 15); // FMAD forms: Zdn is the multiplicand, insn[20:16] the addend
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf d = readZ(cx, rd(i)), x = readZ(cx, rn(i)), y = readZ(cx, rm(i));
    const ZBuf& op1 = mad ? d : x;
    const ZBuf& op2 = mad ? x : y;
    const ZBuf& op3 = mad ? y : d;
    ZBuf r = d;
    const unsigned elements = elementsOf(cx, i);
    const bool neg_product = negProduct(i), neg_addend = negAddend(i);
    withEsize(eb, [&](auto es) {
        constexpr unsigned esize = decltype(es)::value;
        for (unsigned e = 0; e < elements; ++e) {
            if (!activeElem(p.data(), e, esize)) continue;
            std::uint64_t e1 = elem(op1.data(), e, esize), e3 = elem(op3.data(), e, esize);
            if (neg_product) e1 = fp::FPNeg(e1, n);
            if (neg_addend) e3 = fp::FPNeg(e3, n);
            setElem(r.data(), e, esize, fp::FPMulAdd(e3, e1, elem(op2.data(), e, esize), n, fc));
        }
    });
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disMulAdd(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kMla[4] = {"fmla", "fmls", "fnmla", "fnmls"};
    static constexpr const char* kMad[4] = {"fmad", "fmsb", "fnmad", "fnmsb"};
    const unsigned opc = bits(i, 14, 13);
    return fmt::format("{}\t{}, {}, {}, {}", bit1(i, 15) ? kMad[opc] : kMla[opc], z(rd(i), i),
                       pm(i), z(rn(i), i), z(rm(i), i));
}

// ---- Compare vectors: op:o2:o3 = insn[15], insn[13], insn[4]; 110 is unallocated. The result
// predicate is zero where inactive.
unsigned cmpOp(std::uint32_t i) {
    return (bits(i, 15, 15) << 2) | (bits(i, 13, 13) << 1) | bits(i, 4, 4);
}
bool validCmp(std::uint32_t i) {
    return validSize(i) && cmpOp(i) != 6;
}
bool compare(unsigned op, std::uint64_t a, std::uint64_t b, unsigned n, const fp::FPContext& fc) {
    switch (op) {
    case 0: return fp::FPCompareGE(a, b, n, fc);
    case 1: return fp::FPCompareGT(a, b, n, fc);
    case 2: return fp::FPCompareEQ(a, b, n, fc);
    case 3: return !fp::FPCompareEQ(a, b, n, fc);
    case 4: return fp::FPCompareUN(a, b, n, fc);
    case 5: return fp::FPCompareGE(fp::FPAbs(a, n), fp::FPAbs(b, n), n, fc);
    default: return fp::FPCompareGT(fp::FPAbs(a, n), fp::FPAbs(b, n), n, fc);
    }
}
void execCmp(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rn(i)), b = readZ(cx, rm(i));
    PBuf r{};
    for (unsigned e = 0; e < elementsOf(cx, i); ++e)
        setPredElem(r.data(), e, eb,
                    activeElem(p.data(), e, eb) &&
                        compare(cmpOp(i), elem(a.data(), e, eb), elem(b.data(), e, eb), n, fc));
    writeP(cx, rd(i) & 15, r);
    scope.commit();
}
std::string disCmp(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[8] = {"fcmge", "fcmgt", "fcmeq", "fcmne",
                                              "fcmuo", "facge", "",      "facgt"};
    return fmt::format("{}\t{}, p{}/z, {}, {}", kNames[cmpOp(i)], pregT(rd(i) & 15, sizeField(i)),
                       pg3(i), z(rn(i), i), z(rm(i), i));
}

// ---- Unary, predicated (merging): FABS, FNEG (integer unary group), FSQRT, FRECPX, FRINT*
enum class Un : std::uint8_t { Abs, Neg, Sqrt, Recpx, Rint };
struct UnaryOp {
    Un kind;
    const char* name;
    Rounding rounding = Rounding::TieEven;
    bool fpcr_rounding = false, exact = false;
};
UnaryOp unaryOf(std::uint32_t i) {
    if (bits(i, 31, 24) == 0b00000100)
        return bit1(i, 16) ? UnaryOp{Un::Neg, "fneg"} : UnaryOp{Un::Abs, "fabs"};
    if (bits(i, 20, 19) == 1)
        return bit1(i, 16) ? UnaryOp{Un::Sqrt, "fsqrt"} : UnaryOp{Un::Recpx, "frecpx"};
    switch (bits(i, 18, 16)) {
    case 0: return UnaryOp{Un::Rint, "frintn", Rounding::TieEven};
    case 1: return UnaryOp{Un::Rint, "frintp", Rounding::PosInf};
    case 2: return UnaryOp{Un::Rint, "frintm", Rounding::NegInf};
    case 3: return UnaryOp{Un::Rint, "frintz", Rounding::Zero};
    case 4: return UnaryOp{Un::Rint, "frinta", Rounding::TieAway};
    case 6: return UnaryOp{Un::Rint, "frintx", Rounding::TieEven, true, true};
    default: return UnaryOp{Un::Rint, "frinti", Rounding::TieEven, true, false};
    }
}
bool validFrint(std::uint32_t i) {
    return validSize(i) && bits(i, 18, 16) != 5;
}
void execUnary(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    const UnaryOp op = unaryOf(i);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rn(i));
    ZBuf r = readZ(cx, rd(i));
    for (unsigned e = 0; e < elementsOf(cx, i); ++e) {
        if (!activeElem(p.data(), e, eb)) continue;
        const std::uint64_t x = elem(a.data(), e, eb);
        std::uint64_t v = 0;
        switch (op.kind) {
        case Un::Abs: v = fp::FPAbs(x, n); break;
        case Un::Neg: v = fp::FPNeg(x, n); break;
        case Un::Sqrt: v = fp::FPSqrt(x, n, fc); break;
        case Un::Recpx: v = fp::FPRecpX(x, n, fc); break;
        case Un::Rint:
            v = fp::FPRoundInt(x, n, op.fpcr_rounding ? fc.rounding() : op.rounding, op.exact, fc);
            break;
        }
        setElem(r.data(), e, eb, v);
    }
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disUnary(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}, {}", unaryOf(i).name, z(rd(i), i), pm(i), z(rn(i), i));
}

// ---- FRECPE, FRSQRTE (unpredicated)
void execEstimate(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const ZBuf a = readZ(cx, rn(i));
    ZBuf r{};
    for (unsigned e = 0; e < elementsOf(cx, i); ++e) {
        const std::uint64_t x = elem(a.data(), e, eb);
        setElem(r.data(), e, eb,
                bit1(i, 16) ? fp::FPRSqrtEstimate(x, n, fc) : fp::FPRecipEstimate(x, n, fc));
    }
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disEstimate(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}", bit1(i, 16) ? "frsqrte" : "frecpe", z(rd(i), i), z(rn(i), i));
}

// ---- Arithmetic with an immediate (predicated): opc insn[18:16] as FADD, FSUB, FMUL, FSUBR,
// FMAXNM, FMINNM, FMAX, FMIN; i1 (insn[5]) picks 0.5/1.0 (add, sub), 0.5/2.0 (mul), 0.0/1.0
Bin immOp(std::uint32_t i) {
    static constexpr Bin kOps[8] = {Bin::Add,    Bin::Sub,    Bin::Mul, Bin::Subr,
                                    Bin::MaxNum, Bin::MinNum, Bin::Max, Bin::Min};
    return kOps[bits(i, 18, 16)];
}
// The immediate as imm8 of VFPExpandImm: 0.5 = 0x60, 1.0 = 0x70, 2.0 = 0x00; 0.0 separately.
std::uint64_t immValue(std::uint32_t i, unsigned n, const char** text) {
    const unsigned opc = bits(i, 18, 16);
    const bool i1 = bit1(i, 5);
    if (opc == 2) {
        *text = i1 ? "#2.0" : "#0.5";
        return fp::VFPExpandImm(i1 ? 0x00 : 0x60, n);
    }
    if (opc >= 4) {
        *text = i1 ? "#1.0" : "#0.0";
        return i1 ? fp::VFPExpandImm(0x70, n) : fp::FPZero(false, n);
    }
    *text = i1 ? "#1.0" : "#0.5";
    return fp::VFPExpandImm(i1 ? 0x70 : 0x60, n);
}
void execImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    const char* text = nullptr;
    const std::uint64_t imm = immValue(i, n, &text);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    ZBuf r = readZ(cx, rd(i));
    for (unsigned e = 0; e < elementsOf(cx, i); ++e)
        if (activeElem(p.data(), e, eb))
            setElem(r.data(), e, eb, binary(immOp(i), elem(r.data(), e, eb), imm, n, fc));
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disImm(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[8] = {"fadd",   "fsub",   "fmul", "fsubr",
                                              "fmaxnm", "fminnm", "fmax", "fmin"};
    const char* text = nullptr;
    immValue(i, 64, &text);
    return fmt::format("{}\t{}, {}, {}, {}", kNames[bits(i, 18, 16)], z(rd(i), i), pm(i),
                       z(rd(i), i), text);
}

// ---- Indexed (unpredicated): FMLA, FMLS, FMUL with element `index` of each 128-bit segment of
// Zm. H: index = insn[22]:insn[20:19], Zm = insn[18:16]; S: index insn[20:19], Zm insn[18:16];
// D: index insn[20], Zm insn[19:16].
unsigned idxEsize(std::uint32_t i) {
    return bit1(i, 23) ? (bit1(i, 22) ? 64 : 32) : 16;
}
unsigned idxIndex(std::uint32_t i) {
    switch (idxEsize(i)) {
    case 16: return (bits(i, 22, 22) << 2) | bits(i, 20, 19);
    case 32: return bits(i, 20, 19);
    default: return bits(i, 20, 20);
    }
}
unsigned idxZm(std::uint32_t i) {
    return idxEsize(i) == 64 ? bits(i, 19, 16) : bits(i, 18, 16);
}
void execIndexed(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = idxEsize(i), eb = n / 8, per_segment = 128 / n;
    const bool mul = bit1(i, 13); // FMUL (insn[15:10] = 001000), else FMLA/FMLS by insn[10]
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const ZBuf a = readZ(cx, rn(i)), m = readZ(cx, idxZm(i)), d = readZ(cx, rd(i));
    ZBuf r{};
    for (unsigned e = 0; e < cx.vl().bytes() / eb; ++e) {
        const std::uint64_t e2 = elem(m.data(), e - e % per_segment + idxIndex(i), eb);
        std::uint64_t e1 = elem(a.data(), e, eb);
        std::uint64_t v = 0;
        if (mul) {
            v = fp::FPMul(e1, e2, n, fc);
        } else {
            if (bit1(i, 10)) e1 = fp::FPNeg(e1, n);
            v = fp::FPMulAdd(elem(d.data(), e, eb), e1, e2, n, fc);
        }
        setElem(r.data(), e, eb, v);
    }
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disIndexed(std::uint32_t i, std::uint64_t) {
    const unsigned size = idxEsize(i) == 16 ? 1 : (idxEsize(i) == 32 ? 2 : 3);
    const char* name = bit1(i, 13) ? "fmul" : (bit1(i, 10) ? "fmls" : "fmla");
    return fmt::format("{}\t{}, {}, {}[{}]", name, zreg(rd(i), size), zreg(rn(i), size),
                       zreg(idxZm(i), size), idxIndex(i));
}

// clang-format off
const InsnDef kSveFpInsns[] = {
    insn("01100101 xx 0 xxxxx 000 xxx xxxxx xxxxx", "FADD_FSUB_FMUL_FRECPS_FRSQRTS_Z_ZZ", execUnpred, disUnpred, T::SveAlu, validUnpred),
    insn("01100101 xx 00 110x 100 xxx xxxxx xxxxx", "FDIVR_FDIV_Z_P_ZZ", execPred, disPred, T::SveFpDivSqrt, validPred),
    insn("01100101 xx 00 xxxx 100 xxx xxxxx xxxxx", "FADD_FSUB_FMUL_FSUBR_FMAXNM_FMINNM_FMAX_FMIN_FABD_FMULX_Z_P_ZZ", execPred, disPred, T::SveAlu, validPred),
    insn("01100101 xx 1 xxxxx x xx xxx xxxxx xxxxx", "FMLA_FMLS_FNMLA_FNMLS_FMAD_FMSB_FNMAD_FNMSB_Z_P_ZZZ", execMulAdd, disMulAdd, T::SveAlu, validSize),
    insn("01100101 xx 0 xxxxx x 1 x xxx xxxxx x xxxx", "FCMGE_FCMGT_FCMEQ_FCMNE_FCMUO_FACGE_FACGT_P_P_ZZ", execCmp, disCmp, T::SveAlu, validCmp),
    insn("00000100 xx 011 10 x 101 xxx xxxxx xxxxx", "FABS_FNEG_Z_P_Z", execUnary, disUnary, T::SveAlu, validSize),
    insn("01100101 xx 001 10 1 101 xxx xxxxx xxxxx", "FSQRT_Z_P_Z", execUnary, disUnary, T::SveFpDivSqrt, validSize),
    insn("01100101 xx 001 10 x 101 xxx xxxxx xxxxx", "FRECPX_Z_P_Z", execUnary, disUnary, T::SveAlu, validSize),
    insn("01100101 xx 000 xxx 101 xxx xxxxx xxxxx", "FRINTx_Z_P_Z", execUnary, disUnary, T::SveAlu, validFrint),
    insn("01100101 xx 001 11 x 001100 xxxxx xxxxx", "FRECPE_FRSQRTE_Z_Z", execEstimate, disEstimate, T::SveAlu, validSize),
    insn("01100101 xx 011 xxx 100 xxx 0000 x xxxxx", "FADD_FSUB_FMUL_FSUBR_FMAXNM_FMINNM_FMAX_FMIN_Z_P_ZS", execImm, disImm, T::SveAlu, validSize),
    insn("01100100 xx 1 xxxxx 00000 x xxxxx xxxxx", "FMLA_FMLS_Z_ZZZi", execIndexed, disIndexed, T::SveAlu),
    insn("01100100 xx 1 xxxxx 001000 xxxxx xxxxx", "FMUL_Z_ZZi", execIndexed, disIndexed, T::SveAlu),
};
// clang-format on

} // namespace
} // namespace svesim::isa::sve

namespace svesim::isa {
std::span<const InsnDef> sveFpInsns() {
    return sve::kSveFpInsns;
}
} // namespace svesim::isa
