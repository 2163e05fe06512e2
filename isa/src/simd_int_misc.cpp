// AdvSIMD integer "two-register miscellaneous" (vector and scalar), "across lanes" and scalar
// pairwise ADDP (ARM-M C4.1.x): REV16/REV32/REV64, the pairwise long adds, SUQADD/USQADD,
// CLS/CLZ/CNT, NOT/RBIT, SQABS/SQNEG, ABS/NEG, compares with zero, the narrowing moves
// XTN/SQXTN/UQXTN/SQXTUN (and "2"), SHLL, ADDV/SADDLV/UADDLV/SMAXV/SMINV/UMAXV/UMINV.
// Saturation sets FPSR.QC; the FP forms of these groups belong to simd_fp_*.
#include "simd_common.h"

#include <bit>

namespace svesim::isa {
namespace {

using namespace simd;

unsigned opcode(std::uint32_t i) {
    return bits(i, 16, 12);
}

// BitReverse of an esize-bit element.
std::uint64_t bitReverse(std::uint64_t a, unsigned esize) {
    std::uint64_t r = 0;
    for (unsigned k = 0; k < esize; ++k)
        r |= ((a >> k) & 1) << (esize - 1 - k);
    return r;
}

// One element of a same-size two-register operation (U:opcode) on an esize-bit element `a`
// (Vn) with the old destination element `d` (for SUQADD/USQADD).
Sat miscElem(unsigned op, bool u, unsigned size, std::uint64_t a, std::uint64_t d, unsigned esize) {
    const std::uint64_t m = ones(esize);
    const i128 x = signExtend(a, esize);
    const auto plain = [m](i128 v) { return Sat{static_cast<std::uint64_t>(v) & m, false}; };
    const auto mask = [m](bool c) { return Sat{c ? m : 0, false}; };
    switch (op) {
    case 0x03: // SUQADD: signed accumulator + unsigned operand; USQADD: the other way round
        return u ? UnsignedSatQ(intOf(d, esize, true) + x, esize)
                 : SignedSatQ(i128{signExtend(d, esize)} + intOf(a, esize, true), esize);
    case 0x04: // CLS / CLZ
        if (u) return plain(esize - std::bit_width(a & m));
        return plain(esize - 1 - std::bit_width(((a >> 1) ^ a) & ones(esize - 1)));
    case 0x05: // CNT; NOT (size 00) / RBIT (size 01)
        if (!u) return plain(std::popcount(a & m));
        if (size == 0) return plain(~a);
        return plain(bitReverse(a, esize));
    case 0x07: return SignedSatQ(u ? -x : (x < 0 ? -x : x), esize); // SQNEG / SQABS
    case 0x08: return mask(u ? x >= 0 : x > 0);                     // CMGE / CMGT #0
    case 0x09: return mask(u ? x <= 0 : x == 0);                    // CMLE / CMEQ #0
    case 0x0A: return mask(x < 0);                                  // CMLT #0
    case 0x0B: return plain(u ? -x : (x < 0 ? -x : x));             // NEG / ABS
    default: return {0, false};
    }
}

// ---- Same-size element operations ------------------------------------------------------------
bool validMiscVec(std::uint32_t i) {
    const unsigned size = sizeField(i);
    switch (opcode(i)) {
    case 0x04: return size != 3;                        // CLS/CLZ
    case 0x05: return size == 0 || (U(i) && size == 1); // CNT, NOT, RBIT
    case 0x0A: return !U(i) && validNot1D(i);           // CMLT #0
    default: return validNot1D(i);
    }
}
// NOT and RBIT work on bytes: their size field selects the operation, not the element size.
unsigned elemSize(std::uint32_t i) {
    return U(i) && opcode(i) == 0x05 ? 0 : sizeField(i);
}
void execMiscVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), size = sizeField(i), ebytes = 1U << elemSize(i);
    const Vec a = readV(cx, rn(i), bytes), d = readV(cx, rd(i), bytes);
    Vec r{};
    bool sat = false;
    for (unsigned e = 0; e < bytes / ebytes; ++e) {
        const Sat s =
            miscElem(opcode(i), U(i), size, elem(a, e, ebytes), elem(d, e, ebytes), ebytes * 8);
        setElem(r, e, ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, bytes);
}
const char* miscName(std::uint32_t i) {
    static constexpr const char* kNames[2][12] = {
        {"", "", "", "suqadd", "cls", "cnt", "", "sqabs", "cmgt", "cmeq", "cmlt", "abs"},
        {"", "", "", "usqadd", "clz", "mvn", "", "sqneg", "cmge", "cmle", "", "neg"}};
    if (U(i) && opcode(i) == 0x05 && sizeField(i) == 1) return "rbit";
    return kNames[U(i) ? 1 : 0][opcode(i)];
}
bool comparesWithZero(std::uint32_t i) {
    return opcode(i) >= 0x08 && opcode(i) <= 0x0A;
}
std::string disMiscVec(std::uint32_t i, std::uint64_t) {
    const unsigned size = elemSize(i);
    return fmt::format("{}\t{}, {}{}", miscName(i), vreg(rd(i), size, Q(i)),
                       vreg(rn(i), size, Q(i)), comparesWithZero(i) ? ", #0" : "");
}

bool validMiscScalar(std::uint32_t i) {
    switch (opcode(i)) {
    case 0x03:
    case 0x07: return true;                       // SUQADD/USQADD, SQABS/SQNEG
    case 0x0A: return !U(i) && sizeField(i) == 3; // CMLT #0
    default: return sizeField(i) == 3;            // the other compares, ABS/NEG: D only
    }
}
void execMiscScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned size = sizeField(i), ebytes = 1U << size;
    const Vec a = readV(cx, rn(i), ebytes), d = readV(cx, rd(i), ebytes);
    const Sat s =
        miscElem(opcode(i), U(i), size, elem(a, 0, ebytes), elem(d, 0, ebytes), ebytes * 8);
    Vec r{};
    setElem(r, 0, ebytes, s.value);
    if (s.sat) setQC(cx);
    writeV(cx, rd(i), r, ebytes);
}
std::string disMiscScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}{}", miscName(i), sreg(rd(i), size), sreg(rn(i), size),
                       comparesWithZero(i) ? ", #0" : "");
}

// ---- REV16/REV32/REV64: reverse the elements inside each 16/32/64-bit container -------------
unsigned revContainerBytes(std::uint32_t i) {
    return 8U >> (bit1(i, 12) ? 2 : (U(i) ? 1 : 0)); // op 1 = REV16, U 1 = REV32, else REV64
}
bool validRev(std::uint32_t i) {
    return (1U << sizeField(i)) < revContainerBytes(i) && !(U(i) && bit1(i, 12));
}
void execRev(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), ebytes = 1U << sizeField(i);
    const unsigned per_container = revContainerBytes(i) / ebytes;
    const Vec a = readV(cx, rn(i), bytes);
    Vec r{};
    for (unsigned e = 0; e < bytes / ebytes; ++e)
        setElem(r, e ^ (per_container - 1), ebytes, elem(a, e, ebytes));
    writeV(cx, rd(i), r, bytes);
}
std::string disRev(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("rev{}\t{}, {}", revContainerBytes(i) * 8, vreg(rd(i), size, Q(i)),
                       vreg(rn(i), size, Q(i)));
}

// ---- SADDLP/UADDLP/SADALP/UADALP: add adjacent pairs into double-width elements -------------
void execAddLongPairwise(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), ebytes = 1U << sizeField(i), esize = ebytes * 8;
    const bool accumulate = bit1(i, 14), is_unsigned = U(i);
    const Vec a = readV(cx, rn(i), bytes), d = readV(cx, rd(i), bytes);
    Vec r{};
    for (unsigned e = 0; e < bytes / (2 * ebytes); ++e) {
        const i128 sum = intOf(elem(a, 2 * e, ebytes), esize, is_unsigned) +
                         intOf(elem(a, 2 * e + 1, ebytes), esize, is_unsigned);
        const std::uint64_t acc = accumulate ? elem(d, e, 2 * ebytes) : 0;
        setElem(r, e, 2 * ebytes, acc + static_cast<std::uint64_t>(sum));
    }
    writeV(cx, rd(i), r, bytes);
}
std::string disAddLongPairwise(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    const char* mn = bit1(i, 14) ? (U(i) ? "uadalp" : "sadalp") : (U(i) ? "uaddlp" : "saddlp");
    return fmt::format("{}\t{}, {}", mn, vreg(rd(i), size + 1, Q(i)), vreg(rn(i), size, Q(i)));
}

// ---- XTN/SQXTN/UQXTN/SQXTUN (and "2"): narrow to half-width elements ------------------------
// The narrowed element; `op` is U:opcode (0x12 XTN, 0x14 SQXTN, 0x32 SQXTUN, 0x34 UQXTN).
Sat narrowElem(unsigned op, std::uint64_t a, unsigned esize) {
    switch (op) {
    case 0x12: return {a & ones(esize), false};
    case 0x14: return SignedSatQ(signExtend(a, 2 * esize), esize);
    case 0x32: return UnsignedSatQ(signExtend(a, 2 * esize), esize);
    default: return UnsignedSatQ(intOf(a, 2 * esize, true), esize);
    }
}
unsigned narrowOp(std::uint32_t i) {
    return (U(i) ? 0x20U : 0U) | opcode(i);
}
// Vector: the result fills Vpart[d, Q]; the "2" form keeps the low half of Vd.
void execNarrowVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i), part = Q(i) ? 1 : 0;
    const Vec a = readV(cx, rn(i), 16);
    Vec r = part ? readV(cx, rd(i), 8) : Vec{};
    bool sat = false;
    for (unsigned e = 0; e < 8 / ebytes; ++e) {
        const Sat s = narrowElem(narrowOp(i), elem(a, e, 2 * ebytes), ebytes * 8);
        setElem(r, part * (8 / ebytes) + e, ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, datasizeBytes(i));
}
const char* narrowName(std::uint32_t i) {
    switch (narrowOp(i)) {
    case 0x12: return "xtn";
    case 0x14: return "sqxtn";
    case 0x32: return "sqxtun";
    default: return "uqxtn";
    }
}
std::string disNarrowVec(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}{}\t{}, {}", narrowName(i), part2(i), vreg(rd(i), size, Q(i)),
                       vreg(rn(i), size + 1, true));
}
void execNarrowScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i);
    const Sat s =
        narrowElem(narrowOp(i), elem(readV(cx, rn(i), 2 * ebytes), 0, 2 * ebytes), ebytes * 8);
    Vec r{};
    setElem(r, 0, ebytes, s.value);
    if (s.sat) setQC(cx);
    writeV(cx, rd(i), r, ebytes);
}
std::string disNarrowScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}", narrowName(i), sreg(rd(i), size), sreg(rn(i), size + 1));
}

// ---- SHLL/SHLL2: widen Vpart[n, Q] and shift left by esize -----------------------------------
void execShll(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i);
    Vec a = readV(cx, rn(i), 16);
    if (Q(i)) a = upperHalf(a);
    Vec r{};
    for (unsigned e = 0; e < 8 / ebytes; ++e)
        setElem(r, e, 2 * ebytes, elem(a, e, ebytes) << (ebytes * 8));
    writeV(cx, rd(i), r, 16);
}
std::string disShll(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("shll{}\t{}, {}, #{}", part2(i), vreg(rd(i), size + 1, true),
                       vreg(rn(i), size, Q(i)), 8U << size);
}

// ---- Across lanes: ADDV, SADDLV/UADDLV, SMAXV/UMAXV, SMINV/UMINV -----------------------------
bool validAcross(std::uint32_t i) {
    const unsigned size = sizeField(i);
    return size < 2 || (size == 2 && Q(i));
}
void execAcross(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), ebytes = 1U << sizeField(i), esize = ebytes * 8;
    const unsigned op = opcode(i);
    const bool is_unsigned = U(i);
    const Vec a = readV(cx, rn(i), bytes);
    i128 acc = intOf(elem(a, 0, ebytes), esize, is_unsigned);
    for (unsigned e = 1; e < bytes / ebytes; ++e) {
        const i128 x = intOf(elem(a, e, ebytes), esize, is_unsigned);
        switch (op) {
        case 0x0A: acc = x > acc ? x : acc; break; // SMAXV/UMAXV
        case 0x1A: acc = x < acc ? x : acc; break; // SMINV/UMINV
        default: acc += x; break;                  // ADDV, SADDLV/UADDLV
        }
    }
    const unsigned rbytes = op == 0x03 ? 2 * ebytes : ebytes;
    Vec r{};
    setElem(r, 0, rbytes, static_cast<std::uint64_t>(acc));
    writeV(cx, rd(i), r, rbytes);
}
std::string disAcross(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i), op = opcode(i);
    const char* mn = "addv";
    switch (op) {
    case 0x03: mn = U(i) ? "uaddlv" : "saddlv"; break;
    case 0x0A: mn = U(i) ? "umaxv" : "smaxv"; break;
    case 0x1A: mn = U(i) ? "uminv" : "sminv"; break;
    default: break;
    }
    return fmt::format("{}\t{}, {}", mn, sreg(rd(i), op == 0x03 ? size + 1 : size),
                       vreg(rn(i), size, Q(i)));
}

// ---- ADDP (scalar): the two D elements of Vn -------------------------------------------------
void execAddpScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const Vec a = readV(cx, rn(i), 16);
    Vec r{};
    setElem(r, 0, 8, elem(a, 0, 8) + elem(a, 1, 8));
    writeV(cx, rd(i), r, 8);
}
std::string disAddpScalar(std::uint32_t i, std::uint64_t) {
    return fmt::format("addp\td{}, {}", rd(i), vreg(rn(i), 3, true));
}

// clang-format off
const InsnDef kSimdIntMiscInsns[] = {
    insn("0 x 0 01110 xx 10000 0000x 10 xxxxx xxxxx", "REV64_REV16_asimdmisc", execRev, disRev, T::FpSimd, validRev),
    insn("0 x 1 01110 xx 10000 00000 10 xxxxx xxxxx", "REV32_asimdmisc", execRev, disRev, T::FpSimd, validRev),
    insn("0 x x 01110 xx 10000 00x10 10 xxxxx xxxxx", "SADDLP_UADDLP_SADALP_UADALP_asimdmisc", execAddLongPairwise, disAddLongPairwise, T::FpSimd, validSizeNot3),
    insn("0 x x 01110 xx 10000 00011 10 xxxxx xxxxx", "SUQADD_USQADD_asimdmisc", execMiscVec, disMiscVec, T::FpSimd, validMiscVec),
    insn("0 x x 01110 xx 10000 0010x 10 xxxxx xxxxx", "CLS_CLZ_CNT_NOT_RBIT_asimdmisc", execMiscVec, disMiscVec, T::FpSimd, validMiscVec),
    insn("0 x x 01110 xx 10000 00111 10 xxxxx xxxxx", "SQABS_SQNEG_asimdmisc", execMiscVec, disMiscVec, T::FpSimd, validMiscVec),
    insn("0 x x 01110 xx 10000 010xx 10 xxxxx xxxxx", "CMGT_CMGE_CMEQ_CMLE_CMLT_zero_ABS_NEG_asimdmisc", execMiscVec, disMiscVec, T::FpSimd, validMiscVec),
    insn("0 x x 01110 xx 10000 10010 10 xxxxx xxxxx", "XTN_SQXTUN_asimdmisc", execNarrowVec, disNarrowVec, T::FpSimd, validSizeNot3),
    insn("0 x x 01110 xx 10000 10100 10 xxxxx xxxxx", "SQXTN_UQXTN_asimdmisc", execNarrowVec, disNarrowVec, T::FpSimd, validSizeNot3),
    insn("0 x 1 01110 xx 10000 10011 10 xxxxx xxxxx", "SHLL_asimdmisc", execShll, disShll, T::FpSimd, validSizeNot3),
    insn("0 1 x 11110 xx 10000 00x11 10 xxxxx xxxxx", "SUQADD_USQADD_SQABS_SQNEG_asisdmisc", execMiscScalar, disMiscScalar, T::FpSimd, validMiscScalar),
    insn("0 1 x 11110 xx 10000 010xx 10 xxxxx xxxxx", "CMGT_CMGE_CMEQ_CMLE_CMLT_zero_ABS_NEG_asisdmisc", execMiscScalar, disMiscScalar, T::FpSimd, validMiscScalar),
    insn("0 1 1 11110 xx 10000 10010 10 xxxxx xxxxx", "SQXTUN_asisdmisc", execNarrowScalar, disNarrowScalar, T::FpSimd, validSizeNot3),
    insn("0 1 x 11110 xx 10000 10100 10 xxxxx xxxxx", "SQXTN_UQXTN_asisdmisc", execNarrowScalar, disNarrowScalar, T::FpSimd, validSizeNot3),
    insn("0 x x 01110 xx 11000 00011 10 xxxxx xxxxx", "SADDLV_UADDLV_asimdall", execAcross, disAcross, T::FpSimd, validAcross),
    insn("0 x x 01110 xx 11000 x1010 10 xxxxx xxxxx", "SMAXV_UMAXV_SMINV_UMINV_asimdall", execAcross, disAcross, T::FpSimd, validAcross),
    insn("0 x 0 01110 xx 11000 11011 10 xxxxx xxxxx", "ADDV_asimdall", execAcross, disAcross, T::FpSimd, validAcross),
    insn("0 1 0 11110 11 11000 11011 10 xxxxx xxxxx", "ADDP_asisdpair_only", execAddpScalar, disAddpScalar, T::FpSimd),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdIntMiscInsns() {
    return kSimdIntMiscInsns;
}

} // namespace svesim::isa
