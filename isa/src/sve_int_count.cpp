// SVE element-count arithmetic (ARM-M C8.2): SQINC<T>/UQINC<T>/SQDEC<T>/UQDEC<T> (scalar 32
// and 64 bits, vector), INC<T>/DEC<T> (vector), CNTP, INCP/DECP (scalar, vector) and
// SQINCP/UQINCP/SQDECP/UQDECP (scalar 32 and 64 bits, vector).
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// The count of a pattern encoding: DecodePredCount(pattern, esize) * (imm4 + 1).
std::int64_t patternCount(ExecContext& cx, std::uint32_t i) {
    const unsigned count = DecodePredCount(bits(i, 9, 5), 1U << sizeField(i), cx.vl());
    return std::int64_t{count} * (bits(i, 19, 16) + 1);
}
std::string patternSuffix(std::uint32_t i) { // ", pattern{, mul #imm}" when not the default
    const unsigned pattern = bits(i, 9, 5), mul = bits(i, 19, 16) + 1;
    std::string s;
    if (pattern != 31 || mul != 1) s += fmt::format(", {}", patternName(pattern));
    if (mul != 1) s += fmt::format(", mul #{}", mul);
    return s;
}

// A saturating add of `delta` to a `bits`-wide value (signed or unsigned).
std::uint64_t satAdd(std::uint64_t v, std::int64_t delta, unsigned nbits, bool is_unsigned) {
    const i128 x = is_unsigned ? i128{v & ones(nbits)} : i128{signExtend(v, nbits)};
    return SatQ(x + delta, nbits, is_unsigned);
}
// The scalar result in Xdn: a 32-bit signed result is sign-extended, an unsigned one
// zero-extended.
std::uint64_t scalarResult(std::uint64_t r, unsigned nbits, bool is_unsigned) {
    return nbits == 64 || is_unsigned ? r : static_cast<std::uint64_t>(signExtend(r, nbits));
}
std::string satScalarText(std::uint32_t i, const char* mn, bool sf, bool is_unsigned,
                          const std::string& tail) {
    // Signed 32-bit forms write Xdn from Wdn: "sqincb x1, w1".
    if (!sf && !is_unsigned)
        return fmt::format("{}\t{}, {}{}", mn, regName(rd(i), true), regName(rd(i), false), tail);
    return fmt::format("{}\t{}{}", mn, regName(rd(i), sf), tail);
}

// ---- SQINC<T> .. UQDEC<T> (scalar): insn[20] sf, insn[11] D, insn[10] U
void execSatIncDecScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned nbits = bit1(i, 20) ? 64 : 32;
    const bool is_unsigned = bit1(i, 10);
    const std::int64_t count = patternCount(cx, i);
    const std::uint64_t r = satAdd(cx.X(rd(i)), bit1(i, 11) ? -count : count, nbits, is_unsigned);
    cx.setX(rd(i), scalarResult(r, nbits, is_unsigned));
}
std::string satName(std::uint32_t i, unsigned d_bit, unsigned u_bit, const char* tail) {
    return fmt::format("{}q{}{}", bit1(i, u_bit) ? 'u' : 's', bit1(i, d_bit) ? "dec" : "inc", tail);
}
std::string disSatIncDecScalar(std::uint32_t i, std::uint64_t) {
    const std::string mn = satName(i, 11, 10, "") + "bhwd"[sizeField(i)];
    return satScalarText(i, mn.c_str(), bit1(i, 20), bit1(i, 10), patternSuffix(i));
}

// ---- SQINC<T> .. UQDEC<T> (vector), INC<T>/DEC<T> (vector): .H, .S, .D
bool validVectorCount(std::uint32_t i) {
    return sizeField(i) != 0;
}
// Adds `delta` to every element, saturating or wrapping.
void addToElements(ExecContext& cx, unsigned d, unsigned esize, std::int64_t delta, bool saturate,
                   bool is_unsigned) {
    ZBuf out = readZ(cx, d);
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e) {
        const std::uint64_t v = elem(out.data(), e, esize);
        setElem(out.data(), e, esize,
                saturate ? satAdd(v, delta, esize * 8, is_unsigned)
                         : (v + static_cast<std::uint64_t>(delta)) & ones(esize * 8));
    }
    writeZ(cx, d, out);
}
void execSatIncDecVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::int64_t count = patternCount(cx, i);
    addToElements(cx, rd(i), 1U << sizeField(i), bit1(i, 11) ? -count : count, true, bit1(i, 10));
}
std::string disSatIncDecVector(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}{}\t{}{}", satName(i, 11, 10, ""), "bhwd"[s], zreg(rd(i), s),
                       patternSuffix(i));
}
void execIncDecVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::int64_t count = patternCount(cx, i);
    addToElements(cx, rd(i), 1U << sizeField(i), bit1(i, 10) ? -count : count, false, false);
}
std::string disIncDecVector(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}{}\t{}{}", bit1(i, 10) ? "dec" : "inc", "bhwd"[s], zreg(rd(i), s),
                       patternSuffix(i));
}

// ---- CNTP, INCP/DECP, SQINCP .. UQDECP: the count of active elements of Pm (insn[8:5])
std::int64_t activeCount(ExecContext& cx, unsigned pm, unsigned esize, const PBuf& mask) {
    const PBuf p = readP(cx, pm);
    unsigned n = 0;
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        n += activeElem(mask.data(), e, esize) && activeElem(p.data(), e, esize) ? 1U : 0U;
    return n;
}

void execCntp(ExecContext& cx, std::uint32_t i) { // Pg insn[13:10], Pn insn[8:5]
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i);
    const PBuf g = readP(cx, bits(i, 13, 10));
    cx.setX(rd(i), static_cast<std::uint64_t>(activeCount(cx, bits(i, 8, 5), esize, g)));
}
std::string disCntp(std::uint32_t i, std::uint64_t) {
    return fmt::format("cntp\t{}, p{}, {}", regName(rd(i), true), bits(i, 13, 10),
                       pregT(bits(i, 8, 5), sizeField(i)));
}

std::int64_t countP(ExecContext& cx, std::uint32_t i) {
    return activeCount(cx, bits(i, 8, 5), 1U << sizeField(i), allTrue());
}
void execIncpScalar(ExecContext& cx, std::uint32_t i) { // D insn[16]
    if (!cx.checkSVEEnabled()) return;
    const auto n = static_cast<std::uint64_t>(countP(cx, i));
    cx.setX(rd(i), bit1(i, 16) ? cx.X(rd(i)) - n : cx.X(rd(i)) + n);
}
std::string disIncpScalar(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}", bit1(i, 16) ? "decp" : "incp", regName(rd(i), true),
                       pregT(bits(i, 8, 5), sizeField(i)));
}
void execIncpVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::int64_t n = countP(cx, i);
    addToElements(cx, rd(i), 1U << sizeField(i), bit1(i, 16) ? -n : n, false, false);
}
std::string disIncpVector(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, {}", bit1(i, 16) ? "decp" : "incp", zreg(rd(i), s),
                       pregT(bits(i, 8, 5), s));
}

// Saturating: D insn[17], U insn[16], sf insn[10] (scalar).
void execSatIncpScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned nbits = bit1(i, 10) ? 64 : 32;
    const bool is_unsigned = bit1(i, 16);
    const std::int64_t n = countP(cx, i);
    const std::uint64_t r = satAdd(cx.X(rd(i)), bit1(i, 17) ? -n : n, nbits, is_unsigned);
    cx.setX(rd(i), scalarResult(r, nbits, is_unsigned));
}
std::string disSatIncpScalar(std::uint32_t i, std::uint64_t) {
    const std::string mn = satName(i, 17, 16, "p");
    const bool sf = bit1(i, 10), is_unsigned = bit1(i, 16);
    const std::string pm = pregT(bits(i, 8, 5), sizeField(i));
    if (!sf && !is_unsigned)
        return fmt::format("{}\t{}, {}, {}", mn, regName(rd(i), true), pm, regName(rd(i), false));
    return fmt::format("{}\t{}, {}", mn, regName(rd(i), sf), pm);
}
void execSatIncpVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::int64_t n = countP(cx, i);
    addToElements(cx, rd(i), 1U << sizeField(i), bit1(i, 17) ? -n : n, true, bit1(i, 16));
}
std::string disSatIncpVector(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, {}", satName(i, 17, 16, "p"), zreg(rd(i), s),
                       pregT(bits(i, 8, 5), s));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 xx 1 x xxxx 1111 x x xxxxx xxxxx", "SQINC_UQINC_SQDEC_UQDEC_R_RS", execSatIncDecScalar, disSatIncDecScalar, T::SveAlu),
    insn("00000100 xx 1 0 xxxx 1100 x x xxxxx xxxxx", "SQINC_UQINC_SQDEC_UQDEC_Z_ZS", execSatIncDecVector, disSatIncDecVector, T::SveAlu, validVectorCount),
    insn("00000100 xx 1 1 xxxx 1100 0 x xxxxx xxxxx", "INC_DEC_Z_ZS", execIncDecVector, disIncDecVector, T::SveAlu, validVectorCount),
    insn("00100101 xx 100 000 10 xxxx 0 xxxx xxxxx", "CNTP_R_P_P", execCntp, disCntp, T::SvePred),
    insn("00100101 xx 1011 0 x 10001 00 xxxx xxxxx", "INCP_DECP_R_P_R", execIncpScalar, disIncpScalar, T::SvePred),
    insn("00100101 xx 1011 0 x 10000 00 xxxx xxxxx", "INCP_DECP_Z_P_Z", execIncpVector, disIncpVector, T::SveAlu, validVectorCount),
    insn("00100101 xx 1010 x x 10001 x 0 xxxx xxxxx", "SQINCP_UQINCP_SQDECP_UQDECP_R_P_R", execSatIncpScalar, disSatIncpScalar, T::SvePred),
    insn("00100101 xx 1010 x x 10000 00 xxxx xxxxx", "SQINCP_UQINCP_SQDECP_UQDECP_Z_P_Z", execSatIncpVector, disSatIncpVector, T::SveAlu, validVectorCount),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveCountRows() {
    return kRows;
}

} // namespace svesim::isa::sve
