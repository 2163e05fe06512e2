// AdvSIMD floating-point "two-register miscellaneous" (ARM-M C7), vector (2S/4S/2D and, with
// FEAT_FP16, 4H/8H) and scalar (H/S/D): FABS, FNEG, FSQRT, FRINTN/M/P/Z/A/X/I, FCVTNS/NU/MS/
// MU/AS/AU/PS/PU/ZS/ZU, SCVTF, UCVTF, FCMGT/FCMEQ/FCMLT/FCMGE/FCMLE #0.0, FRECPE, FRSQRTE,
// FRECPX, and the narrowing/widening FCVTN(2), FCVTL(2), FCVTXN(2); and the unsigned integer
// estimates URECPE, URSQRTE (2S/4S), which share the encoding space and the estimate tables.
// Elements are computed by the FP core (fp/fp.h) under FPCR; exceptions of all elements
// accumulate into FPSR.
#include "fp/fp_regs.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;
using fp::Rounding;
using fp::Vec128;

enum class Kind : std::uint8_t {
    None,
    Fcvtn,
    Fcvtl,
    Fcvtxn,
    Frint,
    FcvtInt,
    Cvtf,
    CmpGT0,
    CmpEQ0,
    CmpLT0,
    CmpGE0,
    CmpLE0,
    Fabs,
    Fneg,
    Fsqrt,
    Frecpe,
    Frsqrte,
    Frecpx,
    Urecpe,  // integer: no FPCR, no exceptions
    Ursqrte, // integer: no FPCR, no exceptions
};
struct MiscOp {
    Kind kind = Kind::None;
    const char* name = "";
    Rounding rounding = Rounding::TieEven;
    bool fpcr_rounding = false; // FRINTX, FRINTI: the FPCR's mode
    bool is_unsigned = false;
};

// The operation of U:a:opcode (a = size<1>).
MiscOp miscOf(std::uint32_t i) {
    const unsigned key = (bits(i, 29, 29) << 6) | (bits(i, 23, 23) << 5) | bits(i, 16, 12);
    auto cvt = [](const char* name, Rounding r, bool u) {
        return MiscOp{Kind::FcvtInt, name, r, false, u};
    };
    auto rint = [](const char* name, Rounding r, bool fpcr) {
        return MiscOp{Kind::Frint, name, r, fpcr, false};
    };
    switch (key) {
    case 0b0010110: return MiscOp{Kind::Fcvtn, "fcvtn"};
    case 0b0010111: return MiscOp{Kind::Fcvtl, "fcvtl"};
    case 0b0011000: return rint("frintn", Rounding::TieEven, false);
    case 0b0011001: return rint("frintm", Rounding::NegInf, false);
    case 0b0011010: return cvt("fcvtns", Rounding::TieEven, false);
    case 0b0011011: return cvt("fcvtms", Rounding::NegInf, false);
    case 0b0011100: return cvt("fcvtas", Rounding::TieAway, false);
    case 0b0011101: return MiscOp{Kind::Cvtf, "scvtf"};
    case 0b0101100: return MiscOp{Kind::CmpGT0, "fcmgt"};
    case 0b0101101: return MiscOp{Kind::CmpEQ0, "fcmeq"};
    case 0b0101110: return MiscOp{Kind::CmpLT0, "fcmlt"};
    case 0b0101111: return MiscOp{Kind::Fabs, "fabs"};
    case 0b0111000: return rint("frintp", Rounding::PosInf, false);
    case 0b0111001: return rint("frintz", Rounding::Zero, false);
    case 0b0111010: return cvt("fcvtps", Rounding::PosInf, false);
    case 0b0111011: return cvt("fcvtzs", Rounding::Zero, false);
    case 0b0111100: return MiscOp{Kind::Urecpe, "urecpe"};
    case 0b0111101: return MiscOp{Kind::Frecpe, "frecpe"};
    case 0b0111111: return MiscOp{Kind::Frecpx, "frecpx"};
    case 0b1010110: return MiscOp{Kind::Fcvtxn, "fcvtxn"};
    case 0b1011000: return rint("frinta", Rounding::TieAway, false);
    case 0b1011001: return MiscOp{Kind::Frint, "frintx", Rounding::TieEven, true, true};
    case 0b1011010: return cvt("fcvtnu", Rounding::TieEven, true);
    case 0b1011011: return cvt("fcvtmu", Rounding::NegInf, true);
    case 0b1011100: return cvt("fcvtau", Rounding::TieAway, true);
    case 0b1011101: return MiscOp{Kind::Cvtf, "ucvtf", Rounding::TieEven, false, true};
    case 0b1101100: return MiscOp{Kind::CmpGE0, "fcmge"};
    case 0b1101101: return MiscOp{Kind::CmpLE0, "fcmle"};
    case 0b1101111: return MiscOp{Kind::Fneg, "fneg"};
    case 0b1111001: return rint("frinti", Rounding::TieEven, true);
    case 0b1111010: return cvt("fcvtpu", Rounding::PosInf, true);
    case 0b1111011: return cvt("fcvtzu", Rounding::Zero, true);
    case 0b1111100: return MiscOp{Kind::Ursqrte, "ursqrte"};
    case 0b1111101: return MiscOp{Kind::Frsqrte, "frsqrte"};
    case 0b1111111: return MiscOp{Kind::Fsqrt, "fsqrt"};
    default: return MiscOp{};
    }
}
// FRINTX is the one exact rounding (Inexact signalled).
bool isExact(const MiscOp& op) {
    return op.kind == Kind::Frint && op.fpcr_rounding && op.name[5] == 'x';
}
bool isNarrowWiden(Kind k) {
    return k == Kind::Fcvtn || k == Kind::Fcvtl || k == Kind::Fcvtxn;
}
bool isUnsignedEstimate(Kind k) {
    return k == Kind::Urecpe || k == Kind::Ursqrte;
}
bool isCompareZero(Kind k) {
    return k == Kind::CmpGT0 || k == Kind::CmpEQ0 || k == Kind::CmpLT0 || k == Kind::CmpGE0 ||
           k == Kind::CmpLE0;
}

// Half encodings: bits 22:17 = 111100; the others: sz = bit 22, bits 21:17 = 10000.
bool isHalfEncoding(std::uint32_t i) {
    return bits(i, 21, 17) == 0b11100;
}
unsigned esizeOf(std::uint32_t i) {
    if (isHalfEncoding(i)) return 16;
    return bit1(i, 22) ? 64 : 32;
}

std::uint64_t elementOp(const MiscOp& op, std::uint64_t x, unsigned n, const fp::FPContext& fc) {
    const std::uint64_t all_ones = ones(n), zero = fp::FPZero(false, n);
    const Rounding rounding = op.fpcr_rounding ? fc.rounding() : op.rounding;
    switch (op.kind) {
    case Kind::Frint: return fp::FPRoundInt(x, n, rounding, isExact(op), fc);
    case Kind::FcvtInt: return fp::FPToFixed(x, n, 0, op.is_unsigned, rounding, n, fc);
    case Kind::Cvtf: return fp::FixedToFP(x, n, 0, op.is_unsigned, fc.rounding(), n, fc);
    case Kind::CmpGT0: return fp::FPCompareGT(x, zero, n, fc) ? all_ones : 0;
    case Kind::CmpEQ0: return fp::FPCompareEQ(x, zero, n, fc) ? all_ones : 0;
    case Kind::CmpLT0: return fp::FPCompareGT(zero, x, n, fc) ? all_ones : 0;
    case Kind::CmpGE0: return fp::FPCompareGE(x, zero, n, fc) ? all_ones : 0;
    case Kind::CmpLE0: return fp::FPCompareGE(zero, x, n, fc) ? all_ones : 0;
    case Kind::Fabs: return fp::FPAbs(x, n);
    case Kind::Fneg: return fp::FPNeg(x, n);
    case Kind::Fsqrt: return fp::FPSqrt(x, n, fc);
    case Kind::Frecpe: return fp::FPRecipEstimate(x, n, fc);
    case Kind::Frsqrte: return fp::FPRSqrtEstimate(x, n, fc);
    case Kind::Frecpx: return fp::FPRecpX(x, n, fc);
    case Kind::Urecpe: return fp::UnsignedRecipEstimate(static_cast<std::uint32_t>(x));
    case Kind::Ursqrte: return fp::UnsignedRSqrtEstimate(static_cast<std::uint32_t>(x));
    default: break;
    }
    return 0;
}

char sizeChar(unsigned esize) {
    return esize == 16 ? 'h' : (esize == 32 ? 's' : 'd');
}
std::string vreg(unsigned r, unsigned esize, unsigned datasize) {
    return fmt::format("v{}.{}{}", r, datasize / esize, sizeChar(esize));
}

// ---- Vector ------------------------------------------------------------------------------------
bool validVector(std::uint32_t i) {
    const MiscOp op = miscOf(i);
    if (op.kind == Kind::None || op.kind == Kind::Frecpx) return false;
    if (isHalfEncoding(i)) return !isNarrowWiden(op.kind) && !isUnsignedEstimate(op.kind);
    if (isUnsignedEstimate(op.kind)) return !bit1(i, 22); // 32-bit elements only (sz = 0)
    if (op.kind == Kind::Fcvtxn) return bit1(i, 22);      // only from double
    if (isNarrowWiden(op.kind)) return true;
    return !(bit1(i, 22) && !bit1(i, 30)); // 1D is reserved
}
// FCVTN/FCVTXN: narrow V[n] into half `part` of V[d]; FCVTL: widen half `part` of V[n].
void execNarrowWiden(ExecContext& cx, std::uint32_t i, const MiscOp& op) {
    const unsigned esize = bit1(i, 22) ? 32 : 16; // the narrow element
    const unsigned part = bit1(i, 30) ? 1 : 0;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    Vec128 r;
    if (op.kind == Kind::Fcvtl) {
        const Vec128 src = fp::readVec(cx, rn(i), 128);
        for (unsigned e = 0; e < 64 / esize; ++e)
            r.setElem(e, 2 * esize,
                      fp::FPConvert(src.elem(part * (64 / esize) + e, esize), esize, 2 * esize,
                                    fc.rounding(), fc));
        fp::writeVec(cx, rd(i), r, 128);
    } else {
        const Vec128 src = fp::readVec(cx, rn(i), 128);
        const Rounding rounding = op.kind == Kind::Fcvtxn ? Rounding::Odd : fc.rounding();
        if (part == 1) r = fp::readVec(cx, rd(i), 128); // Vpart[d, 1] keeps the low half
        for (unsigned e = 0; e < 64 / esize; ++e)
            r.setElem(part * (64 / esize) + e, esize,
                      fp::FPConvert(src.elem(e, 2 * esize), 2 * esize, esize, rounding, fc));
        fp::writeVec(cx, rd(i), r, part == 1 ? 128 : 64);
    }
    scope.commit();
}
void execVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const MiscOp op = miscOf(i);
    if (isNarrowWiden(op.kind)) {
        execNarrowWiden(cx, i, op);
        return;
    }
    fp::unaryVector(cx, rd(i), rn(i), esizeOf(i), bit1(i, 30) ? 128 : 64,
                    [&op](std::uint64_t x, unsigned esize, const fp::FPContext& fc) {
                        return elementOp(op, x, esize, fc);
                    });
}
std::string disVector(std::uint32_t i, std::uint64_t) {
    const MiscOp op = miscOf(i);
    const bool q = bit1(i, 30);
    if (isNarrowWiden(op.kind)) {
        const unsigned narrow = bit1(i, 22) ? 32 : 16;
        const std::string n_reg =
            vreg(op.kind == Kind::Fcvtl ? rn(i) : rd(i), narrow, q ? 128 : 64);
        const std::string w_reg = vreg(op.kind == Kind::Fcvtl ? rd(i) : rn(i), 2 * narrow, 128);
        if (op.kind == Kind::Fcvtl)
            return fmt::format("{}{}\t{}, {}", op.name, q ? "2" : "", w_reg, n_reg);
        return fmt::format("{}{}\t{}, {}", op.name, q ? "2" : "", n_reg, w_reg);
    }
    const unsigned esize = esizeOf(i), datasize = q ? 128 : 64;
    const std::string zero = isCompareZero(op.kind) ? ", #0.0" : "";
    return fmt::format("{}\t{}, {}{}", op.name, vreg(rd(i), esize, datasize),
                       vreg(rn(i), esize, datasize), zero);
}

// ---- Scalar ------------------------------------------------------------------------------------
bool validScalar(std::uint32_t i) {
    const MiscOp op = miscOf(i);
    switch (op.kind) {
    case Kind::None:
    case Kind::Fcvtn:
    case Kind::Fcvtl:
    case Kind::Frint:
    case Kind::Fabs:
    case Kind::Fneg:
    case Kind::Fsqrt:
    case Kind::Urecpe:
    case Kind::Ursqrte: return false;
    case Kind::Fcvtxn: return !isHalfEncoding(i) && bit1(i, 22);
    default: return true;
    }
}
void execScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const MiscOp op = miscOf(i);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    if (op.kind == Kind::Fcvtxn) {
        const std::uint64_t r =
            fp::FPConvert(fp::readScalar(cx, rn(i), 64), 64, 32, Rounding::Odd, fc);
        fp::writeScalar(cx, rd(i), r, 32);
    } else {
        const unsigned esize = esizeOf(i);
        fp::writeScalar(cx, rd(i), elementOp(op, fp::readScalar(cx, rn(i), esize), esize, fc),
                        esize);
    }
    scope.commit();
}
std::string disScalar(std::uint32_t i, std::uint64_t) {
    const MiscOp op = miscOf(i);
    if (op.kind == Kind::Fcvtxn) return fmt::format("fcvtxn\ts{}, d{}", rd(i), rn(i));
    const char c = sizeChar(esizeOf(i));
    const std::string zero = isCompareZero(op.kind) ? ", #0.0" : "";
    return fmt::format("{}\t{}{}, {}{}{}", op.name, c, rd(i), c, rn(i), zero);
}

// clang-format off
const InsnDef kSimdFpMiscInsns[] = {
    insn("0 x 1 01110 1 x 10000 11111 10 xxxxx xxxxx", "FSQRT_asimdmisc_R", execVector, disVector, T::FpDivSqrt, validVector),
    insn("0 x x 01110 x x 10000 xxxxx 10 xxxxx xxxxx", "FP_asimdmisc_only", execVector, disVector, T::FpSimd, validVector),
    insn("0 x 1 01110 1 1111 00 11111 10 xxxxx xxxxx", "FSQRT_asimdmiscfp16_R", execVector, disVector, T::FpDivSqrt, validVector),
    insn("0 x x 01110 x 1111 00 xxxxx 10 xxxxx xxxxx", "FP_asimdmiscfp16_only", execVector, disVector, T::FpSimd, validVector),
    insn("0 1 x 11110 x x 10000 xxxxx 10 xxxxx xxxxx", "FP_asisdmisc_only", execScalar, disScalar, T::FpSimd, validScalar),
    insn("0 1 x 11110 x 1111 00 xxxxx 10 xxxxx xxxxx", "FP_asisdmiscfp16_only", execScalar, disScalar, T::FpSimd, validScalar),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdFpMiscInsns() {
    return kSimdFpMiscInsns;
}

} // namespace svesim::isa
