// SVE floating-point compares with zero, reductions, immediates and conversions (ARM-M C8.2):
// FCMGE/FCMGT/FCMLT/FCMLE/FCMEQ/FCMNE #0.0; FADDV, FMAXNMV, FMINNMV, FMAXV, FMINV (recursive,
// inactive elements the identity) and FADDA (strictly ordered); FDUP and FCPY (printed as
// FMOV); FCVT between H/S/D and SCVTF, UCVTF, FCVTZS, FCVTZU between H/S/D and 16/32/64-bit
// integers (predicated, merging). Elements are the FP core's (fp/fp.h) under FPCR.
#include "fp/fp_regs.h"
#include "sve_fp_common.h"

#include <bit>
#include <vector>

namespace svesim::isa::sve {
namespace {

using T = TimingClass;
using fpe::esizeBits;
using fpe::validSize;
using fpe::z;

std::string fpImm(unsigned imm8) {
    // LLVM prints the value with eight decimals; every encodable value is exact there.
    return fmt::format("#{:.8f}", std::bit_cast<double>(fp::VFPExpandImm(imm8, 64)));
}

// ---- Compare with zero: eq:lt:ne = insn[17], insn[16], insn[4]
unsigned cmpZeroOp(std::uint32_t i) {
    return (bits(i, 17, 16) << 1) | bits(i, 4, 4);
}
bool validCmpZero(std::uint32_t i) {
    const unsigned op = cmpZeroOp(i);
    return validSize(i) && op != 5 && op != 7;
}
void execCmpZero(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8, op = cmpZeroOp(i);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const std::uint64_t zero = fp::FPZero(false, n);
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rn(i));
    PBuf r{};
    for (unsigned e = 0; e < cx.vl().bytes() / eb; ++e) {
        if (!activeElem(p.data(), e, eb)) continue;
        const std::uint64_t x = elem(a.data(), e, eb);
        bool t = false;
        switch (op) {
        case 0: t = fp::FPCompareGE(x, zero, n, fc); break;
        case 1: t = fp::FPCompareGT(x, zero, n, fc); break;
        case 2: t = fp::FPCompareGT(zero, x, n, fc); break; // LT
        case 3: t = fp::FPCompareGE(zero, x, n, fc); break; // LE
        case 4: t = fp::FPCompareEQ(x, zero, n, fc); break;
        default: t = !fp::FPCompareEQ(x, zero, n, fc); break; // NE
        }
        setPredElem(r.data(), e, eb, t);
    }
    writeP(cx, rd(i) & 15, r);
    scope.commit();
}
std::string disCmpZero(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[8] = {"fcmge", "fcmgt", "fcmlt", "fcmle",
                                              "fcmeq", "",      "fcmne", ""};
    return fmt::format("{}\t{}, p{}/z, {}, #0.0", kNames[cmpZeroOp(i)],
                       pregT(rd(i) & 15, sizeField(i)), pg3(i), z(rn(i), i));
}

// ---- Recursive reductions: opc insn[18:16] 000 FADDV, 100 FMAXNMV, 101 FMINNMV, 110 FMAXV,
// 111 FMINV
bool validReduce(std::uint32_t i) {
    const unsigned opc = bits(i, 18, 16);
    return validSize(i) && (opc == 0 || opc >= 4);
}
std::uint64_t reduceOp(unsigned opc, std::uint64_t a, std::uint64_t b, unsigned n,
                       const fp::FPContext& fc) {
    switch (opc) {
    case 0: return fp::FPAdd(a, b, n, fc);
    case 4: return fp::FPMaxNum(a, b, n, fc);
    case 5: return fp::FPMinNum(a, b, n, fc);
    case 6: return fp::FPMax(a, b, n, fc);
    default: return fp::FPMin(a, b, n, fc);
    }
}
std::uint64_t Reduce(unsigned opc, const std::vector<std::uint64_t>& v, std::size_t first,
                     std::size_t count, unsigned n, const fp::FPContext& fc) {
    if (count == 1) return v[first];
    const std::size_t half = count / 2;
    const std::uint64_t lo = Reduce(opc, v, first, half, n, fc);
    const std::uint64_t hi = Reduce(opc, v, first + half, half, n, fc);
    return reduceOp(opc, lo, hi, n, fc);
}
void execReduce(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8, opc = bits(i, 18, 16);
    const unsigned elements = cx.vl().bytes() / eb;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    // ReducePredicated: padded to a power of two; inactive and padding elements the identity.
    std::uint64_t identity = 0;
    switch (opc) {
    case 0: identity = fp::FPZero(false, n); break;
    case 4:
    case 5: identity = fp::FPDefaultNaN(n); break;
    case 6: identity = fp::FPInfinity(true, n); break;
    default: identity = fp::FPInfinity(false, n); break;
    }
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rn(i));
    std::vector<std::uint64_t> v(std::bit_ceil(elements), identity);
    for (unsigned e = 0; e < elements; ++e)
        if (activeElem(p.data(), e, eb)) v[e] = elem(a.data(), e, eb);
    fp::writeScalar(cx, rd(i), Reduce(opc, v, 0, v.size(), n, fc), n);
    scope.commit();
}
std::string disReduce(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[8] = {"faddv",   "",        "",      "",
                                              "fmaxnmv", "fminnmv", "fmaxv", "fminv"};
    return fmt::format("{}\t{}{}, p{}, {}", kNames[bits(i, 18, 16)], sizeChar(sizeField(i)), rd(i),
                       pg3(i), z(rn(i), i));
}

// FADDA: the scalar accumulator plus every active element, in element order.
void execFadda(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rn(i));
    std::uint64_t result = fp::readScalar(cx, rd(i), n);
    for (unsigned e = 0; e < cx.vl().bytes() / eb; ++e)
        if (activeElem(p.data(), e, eb)) result = fp::FPAdd(result, elem(a.data(), e, eb), n, fc);
    fp::writeScalar(cx, rd(i), result, n);
    scope.commit();
}
std::string disFadda(std::uint32_t i, std::uint64_t) {
    const char c = sizeChar(sizeField(i));
    return fmt::format("fadda\t{}{}, p{}, {}{}, {}", c, rd(i), pg3(i), c, rd(i), z(rn(i), i));
}

// ---- FDUP (unpredicated) and FCPY (merging): an expanded FP immediate in every (active) element
void execFdup(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    const std::uint64_t imm = fp::VFPExpandImm(bits(i, 12, 5), n);
    const bool predicated = bits(i, 31, 24) == 0b00000101;
    const PBuf p = readP(cx, bits(i, 19, 16));
    ZBuf r = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / eb; ++e)
        if (!predicated || activeElem(p.data(), e, eb)) setElem(r.data(), e, eb, imm);
    writeZ(cx, rd(i), r);
}
std::string disFdup(std::uint32_t i, std::uint64_t) {
    if (bits(i, 31, 24) == 0b00000101)
        return fmt::format("fmov\t{}, p{}/m, {}", z(rd(i), i), bits(i, 19, 16),
                           fpImm(bits(i, 12, 5)));
    return fmt::format("fmov\t{}, {}", z(rd(i), i), fpImm(bits(i, 12, 5)));
}

// ---- Conversions: insn[23:16] names the form; elements are the larger of the two sizes.
enum class Cvt : std::uint8_t { None, Fcvt, Cvtf, Fcvtz };
struct CvtForm {
    Cvt kind;
    unsigned src, dst; // bits
};
CvtForm cvtOf(std::uint32_t i) {
    switch (bits(i, 23, 16) & 0xFE) { // bit 16 is U for the integer forms
    case 0x52: return {Cvt::Cvtf, 16, 16};
    case 0x54: return {Cvt::Cvtf, 32, 16};
    case 0x56: return {Cvt::Cvtf, 64, 16};
    case 0x94: return {Cvt::Cvtf, 32, 32};
    case 0xD0: return {Cvt::Cvtf, 32, 64};
    case 0xD4: return {Cvt::Cvtf, 64, 32};
    case 0xD6: return {Cvt::Cvtf, 64, 64};
    case 0x5A: return {Cvt::Fcvtz, 16, 16};
    case 0x5C: return {Cvt::Fcvtz, 16, 32};
    case 0x5E: return {Cvt::Fcvtz, 16, 64};
    case 0x9C: return {Cvt::Fcvtz, 32, 32};
    case 0xDC: return {Cvt::Fcvtz, 32, 64};
    case 0xD8: return {Cvt::Fcvtz, 64, 32};
    case 0xDE: return {Cvt::Fcvtz, 64, 64};
    default: break;
    }
    switch (bits(i, 23, 16)) {
    case 0x88: return {Cvt::Fcvt, 32, 16};
    case 0x89: return {Cvt::Fcvt, 16, 32};
    case 0xC8: return {Cvt::Fcvt, 64, 16};
    case 0xC9: return {Cvt::Fcvt, 16, 64};
    case 0xCA: return {Cvt::Fcvt, 64, 32};
    case 0xCB: return {Cvt::Fcvt, 32, 64};
    default: return {Cvt::None, 0, 0};
    }
}
bool validCvt(std::uint32_t i) {
    return cvtOf(i).kind != Cvt::None;
}
void execCvt(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const CvtForm f = cvtOf(i);
    const bool u = bit1(i, 16);
    const unsigned esize = f.src > f.dst ? f.src : f.dst, eb = esize / 8;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rn(i));
    ZBuf r = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / eb; ++e) {
        if (!activeElem(p.data(), e, eb)) continue;
        const std::uint64_t x = elem(a.data(), e, eb) & ones(f.src);
        std::uint64_t v = 0;
        switch (f.kind) {
        case Cvt::Fcvt: // FPConvertSVE: AHP does not apply
            v = fp::FPConvert(x, f.src, f.dst, fc.rounding(), fc.with(fp::kFpcrAHP));
            break;
        case Cvt::Cvtf: v = fp::FixedToFP(x, f.src, 0, u, fc.rounding(), f.dst, fc); break;
        case Cvt::Fcvtz:
            v = fp::FPToFixed(x, f.src, 0, u, fp::Rounding::Zero, f.dst, fc);
            if (!u) v = static_cast<std::uint64_t>(signExtend(v, f.dst)) & ones(esize);
            break;
        case Cvt::None: break;
        }
        setElem(r.data(), e, eb, v);
    }
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disCvt(std::uint32_t i, std::uint64_t) {
    const CvtForm f = cvtOf(i);
    const bool u = bit1(i, 16);
    const char* name = f.kind == Cvt::Fcvt   ? "fcvt"
                       : f.kind == Cvt::Cvtf ? (u ? "ucvtf" : "scvtf")
                                             : (u ? "fcvtzu" : "fcvtzs");
    auto sz = [](unsigned b) { return b == 16 ? 1U : (b == 32 ? 2U : 3U); };
    return fmt::format("{}\t{}, p{}/m, {}", name, zreg(rd(i), sz(f.dst)), pg3(i),
                       zreg(rn(i), sz(f.src)));
}

// clang-format off
const InsnDef kRows[] = {
    insn("01100101 xx 0100 x x 001 xxx xxxxx x xxxx", "FCMxx_P_P_Z0", execCmpZero, disCmpZero, T::SveAlu, validCmpZero),
    insn("01100101 xx 000 xxx 001 xxx xxxxx xxxxx", "FADDV_FMAXNMV_FMINNMV_FMAXV_FMINV_V_P_Z", execReduce, disReduce, T::SveAlu, validReduce),
    insn("01100101 xx 011 000 001 xxx xxxxx xxxxx", "FADDA_V_P_Z", execFadda, disFadda, T::SveAlu, validSize),
    insn("00100101 xx 111 00 1 110 xxxxxxxx xxxxx", "FDUP_Z_I", execFdup, disFdup, T::SveAlu, validSize),
    insn("00000101 xx 01 xxxx 110 xxxxxxxx xxxxx", "FCPY_Z_P_I", execFdup, disFdup, T::SveAlu, validSize),
    insn("01100101 xx 0010 xx 101 xxx xxxxx xxxxx", "FCVT_Z_P_Z", execCvt, disCvt, T::SveAlu, validCvt),
    insn("01100101 xx 0 1 xxxx 101 xxx xxxxx xxxxx", "SCVTF_UCVTF_FCVTZS_FCVTZU_Z_P_Z", execCvt, disCvt, T::SveAlu, validCvt),
};
// clang-format on

} // namespace
} // namespace svesim::isa::sve

namespace svesim::isa {
std::span<const InsnDef> sveFpMiscInsns() {
    return sve::kRows;
}
} // namespace svesim::isa
