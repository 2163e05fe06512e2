// AdvSIMD shift by immediate (ARM-M C4.1.x, vector and scalar): SSHR/USHR, SSRA/USRA,
// SRSHR/URSHR, SRSRA/URSRA, SRI, SHL, SLI, SQSHL/UQSHL/SQSHLU (immediate), the narrowing
// SHRN/RSHRN/SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN (and "2") and SSHLL/USHLL (and "2").
// immh selects the element size; immh = 0000 is the modified-immediate group. Saturation
// sets FPSR.QC. The FP conversions of this group (SCVTF, FCVTZS, ...) belong to simd_fp_*.
#include "simd_common.h"

#include <bit>

namespace svesim::isa {
namespace {

using namespace simd;

unsigned opcode(std::uint32_t i) {
    return bits(i, 15, 11);
}
unsigned immh(std::uint32_t i) {
    return bits(i, 22, 19);
}
// log2 of the element bytes that immh selects (its highest set bit), for the same-size and
// long forms the source element, for the narrowing forms the destination element.
unsigned shiftSize(std::uint32_t i) {
    return static_cast<unsigned>(std::bit_width(immh(i))) - 1;
}
unsigned immhb(std::uint32_t i) {
    return bits(i, 22, 16);
}
unsigned rightShift(std::uint32_t i) {
    return (16U << shiftSize(i)) - immhb(i); // 2 * esize - UInt(immh:immb)
}
unsigned leftShift(std::uint32_t i) {
    return immhb(i) - (8U << shiftSize(i)); // UInt(immh:immb) - esize
}
bool isNarrow(unsigned op) {
    return op >= 0x10 && op <= 0x13;
}
bool isLeft(unsigned op) {
    return op >= 0x0A && op <= 0x0E;
}

// One element of a same-size shift: a (Vn) and d (old Vd), esize bits.
Sat shiftElem(unsigned op, bool u, std::uint64_t a, std::uint64_t d, unsigned shift,
              unsigned esize) {
    const std::uint64_t m = ones(esize);
    const auto plain = [m](i128 v) { return Sat{static_cast<std::uint64_t>(v) & m, false}; };
    const i128 x = intOf(a, esize, u);
    const int s = static_cast<int>(shift);
    switch (op) {
    case 0x00: return plain(ShiftInt(x, -s, false, esize));                        // SSHR/USHR
    case 0x02: return plain(static_cast<i128>(d) + ShiftInt(x, -s, false, esize)); // SSRA/USRA
    case 0x04: return plain(ShiftInt(x, -s, true, esize));                         // SRSHR
    case 0x06: return plain(static_cast<i128>(d) + ShiftInt(x, -s, true, esize));  // SRSRA
    case 0x08: {                                                                   // SRI
        const std::uint64_t mask = shift >= esize ? 0 : m >> shift;
        return plain((d & ~mask) | (shift >= esize ? 0 : (a & m) >> shift));
    }
    case 0x0A: // SHL / SLI
        if (!u) return plain(a << shift);
        return plain((d & ~(m << shift)) | (a << shift));
    case 0x0C:
        return UnsignedSatQ(ShiftInt(signExtend(a, esize), s, false, esize), esize); // SQSHLU
    default: return SatQ(ShiftInt(x, s, false, esize), esize, u); // SQSHL/UQSHL (immediate)
    }
}

// One element of a narrowing shift: a is the 2*esize-bit source, the result esize bits.
Sat narrowShiftElem(unsigned op, bool u, std::uint64_t a, unsigned shift, unsigned esize) {
    const bool round = (op & 1) != 0;
    const bool src_unsigned = u && op >= 0x12; // UQSHRN/UQRSHRN; SQSHRUN reads signed
    const i128 v =
        ShiftInt(intOf(a, 2 * esize, src_unsigned), -static_cast<int>(shift), round, 2 * esize);
    if (!u && op <= 0x11) return {static_cast<std::uint64_t>(v) & ones(esize), false}; // SHRN
    return SatQ(v, esize, u);
}

bool validShiftVec(std::uint32_t i) {
    const unsigned op = opcode(i);
    if (immh(i) == 0) return false;
    if (isNarrow(op) || op == 0x14) return !bit1(i, 22);
    return Q(i) || !bit1(i, 22);
}
bool validShiftScalar(std::uint32_t i) {
    const unsigned op = opcode(i);
    if (immh(i) == 0) return false;
    if (isNarrow(op)) return !bit1(i, 22);
    if (op == 0x0C || op == 0x0E) return true;
    return bit1(i, 22); // the plain shifts and inserts: D only
}

void execShift(ExecContext& cx, std::uint32_t i, unsigned bytes) {
    const unsigned op = opcode(i), ebytes = 1U << shiftSize(i), esize = ebytes * 8;
    const unsigned shift = isLeft(op) ? leftShift(i) : rightShift(i);
    const Vec a = readV(cx, rn(i), bytes), d = readV(cx, rd(i), bytes);
    Vec r{};
    bool sat = false;
    for (unsigned e = 0; e < bytes / ebytes; ++e) {
        const Sat s = shiftElem(op, U(i), elem(a, e, ebytes), elem(d, e, ebytes), shift, esize);
        setElem(r, e, ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, bytes);
}
void execShiftVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    execShift(cx, i, datasizeBytes(i));
}
void execShiftScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    execShift(cx, i, 1U << shiftSize(i));
}

// Narrowing: the vector form fills Vpart[d, Q] (the "2" form keeps the low half of Vd).
void execNarrowShift(ExecContext& cx, std::uint32_t i, bool scalar) {
    const unsigned op = opcode(i), ebytes = 1U << shiftSize(i), esize = ebytes * 8;
    const unsigned part = !scalar && Q(i) ? 1 : 0, count = scalar ? 1 : 8 / ebytes;
    const Vec a = readV(cx, rn(i), scalar ? 2 * ebytes : 16);
    Vec r = part ? readV(cx, rd(i), 8) : Vec{};
    bool sat = false;
    for (unsigned e = 0; e < count; ++e) {
        const Sat s = narrowShiftElem(op, U(i), elem(a, e, 2 * ebytes), rightShift(i), esize);
        setElem(r, part * count + e, ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, scalar ? ebytes : datasizeBytes(i));
}
void execNarrowShiftVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    execNarrowShift(cx, i, false);
}
void execNarrowShiftScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    execNarrowShift(cx, i, true);
}

// SSHLL/USHLL: widen Vpart[n, Q] and shift left.
void execShiftLong(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << shiftSize(i), esize = ebytes * 8;
    Vec a = readV(cx, rn(i), 16);
    if (Q(i)) a = upperHalf(a);
    Vec r{};
    for (unsigned e = 0; e < 8 / ebytes; ++e)
        setElem(r, e, 2 * ebytes,
                static_cast<std::uint64_t>(intOf(elem(a, e, ebytes), esize, U(i)) << leftShift(i)));
    writeV(cx, rd(i), r, 16);
}

const char* shiftName(std::uint32_t i) {
    static constexpr const char* kNames[2][21] = {
        {"sshr", "", "ssra", "",      "srshr", "",     "srsra", "",       "",        "",     "shl",
         "",     "", "",     "sqshl", "",      "shrn", "rshrn", "sqshrn", "sqrshrn", "sshll"},
        {"ushr",  "",    "usra",    "",         "urshr",  "",        "ursra",
         "",      "sri", "",        "sli",      "",       "sqshlu",  "",
         "uqshl", "",    "sqshrun", "sqrshrun", "uqshrn", "uqrshrn", "ushll"}};
    return kNames[U(i) ? 1 : 0][opcode(i)];
}
unsigned shiftAmount(std::uint32_t i) {
    const unsigned op = opcode(i);
    return isLeft(op) || op == 0x14 ? leftShift(i) : rightShift(i);
}
std::string disShiftVec(std::uint32_t i, std::uint64_t) {
    const unsigned size = shiftSize(i), op = opcode(i);
    const bool q = Q(i);
    if (isNarrow(op))
        return fmt::format("{}{}\t{}, {}, #{}", shiftName(i), part2(i), vreg(rd(i), size, q),
                           vreg(rn(i), size + 1, true), shiftAmount(i));
    if (op == 0x14)
        return fmt::format("{}{}\t{}, {}, #{}", shiftName(i), part2(i), vreg(rd(i), size + 1, true),
                           vreg(rn(i), size, q), shiftAmount(i));
    return fmt::format("{}\t{}, {}, #{}", shiftName(i), vreg(rd(i), size, q), vreg(rn(i), size, q),
                       shiftAmount(i));
}
std::string disShiftScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = shiftSize(i);
    const unsigned nsize = isNarrow(opcode(i)) ? size + 1 : size;
    return fmt::format("{}\t{}, {}, #{}", shiftName(i), sreg(rd(i), size), sreg(rn(i), nsize),
                       shiftAmount(i));
}

// clang-format off
const InsnDef kSimdIntShiftInsns[] = {
    insn("0 x x 011110 xxxx xxx 00xx0 1 xxxxx xxxxx", "SSHR_USHR_SSRA_USRA_SRSHR_URSHR_SRSRA_URSRA_asimdshf", execShiftVec, disShiftVec, T::FpSimd, validShiftVec),
    insn("0 x 1 011110 xxxx xxx 01000 1 xxxxx xxxxx", "SRI_asimdshf_R", execShiftVec, disShiftVec, T::FpSimd, validShiftVec),
    insn("0 x x 011110 xxxx xxx 01010 1 xxxxx xxxxx", "SHL_SLI_asimdshf", execShiftVec, disShiftVec, T::FpSimd, validShiftVec),
    insn("0 x 1 011110 xxxx xxx 01100 1 xxxxx xxxxx", "SQSHLU_asimdshf_R", execShiftVec, disShiftVec, T::FpSimd, validShiftVec),
    insn("0 x x 011110 xxxx xxx 01110 1 xxxxx xxxxx", "SQSHL_UQSHL_asimdshf_R", execShiftVec, disShiftVec, T::FpSimd, validShiftVec),
    insn("0 x x 011110 xxxx xxx 100xx 1 xxxxx xxxxx", "SHRN_RSHRN_SQSHRN_UQSHRN_SQRSHRN_UQRSHRN_SQSHRUN_SQRSHRUN_asimdshf", execNarrowShiftVec, disShiftVec, T::FpSimd, validShiftVec),
    insn("0 x x 011110 xxxx xxx 10100 1 xxxxx xxxxx", "SSHLL_USHLL_asimdshf_L", execShiftLong, disShiftVec, T::FpSimd, validShiftVec),
    insn("0 1 x 111110 xxxx xxx 00xx0 1 xxxxx xxxxx", "SSHR_USHR_SSRA_USRA_SRSHR_URSHR_SRSRA_URSRA_asisdshf", execShiftScalar, disShiftScalar, T::FpSimd, validShiftScalar),
    insn("0 1 1 111110 xxxx xxx 01000 1 xxxxx xxxxx", "SRI_asisdshf_R", execShiftScalar, disShiftScalar, T::FpSimd, validShiftScalar),
    insn("0 1 x 111110 xxxx xxx 01010 1 xxxxx xxxxx", "SHL_SLI_asisdshf", execShiftScalar, disShiftScalar, T::FpSimd, validShiftScalar),
    insn("0 1 1 111110 xxxx xxx 01100 1 xxxxx xxxxx", "SQSHLU_asisdshf_R", execShiftScalar, disShiftScalar, T::FpSimd, validShiftScalar),
    insn("0 1 x 111110 xxxx xxx 01110 1 xxxxx xxxxx", "SQSHL_UQSHL_asisdshf_R", execShiftScalar, disShiftScalar, T::FpSimd, validShiftScalar),
    insn("0 1 1 111110 xxxx xxx 1000x 1 xxxxx xxxxx", "SQSHRUN_SQRSHRUN_asisdshf_N", execNarrowShiftScalar, disShiftScalar, T::FpSimd, validShiftScalar),
    insn("0 1 x 111110 xxxx xxx 1001x 1 xxxxx xxxxx", "SQSHRN_UQSHRN_SQRSHRN_UQRSHRN_asisdshf_N", execNarrowShiftScalar, disShiftScalar, T::FpSimd, validShiftScalar),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdIntShiftInsns() {
    return kSimdIntShiftInsns;
}

} // namespace svesim::isa
