// SVE integer unary operations, predicated (ARM-M C8.2): SXTB/UXTB/SXTH/UXTH/SXTW/UXTW,
// ABS/NEG, CLS/CLZ/CNT/CNOT/NOT, and the in-element reversals REVB/REVH/REVW/RBIT. Inactive
// elements keep Zd (merging).
#include "sve_common.h"

#include <bit>

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// Applies `f(element)` to the active elements of Zn into Zd (Pg insn[12:10]).
template <class F>
void predicatedUnary(ExecContext& cx, std::uint32_t i, F f) {
    const unsigned esize = 1U << sizeField(i);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i));
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        if (activeElem(g.data(), e, esize))
            setElem(out.data(), e, esize, f(elem(zn.data(), e, esize)) & ones(esize * 8));
    writeZ(cx, rd(i), out);
}
std::string unaryText(std::uint32_t i, const char* mn) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}/m, {}", mn, zreg(rd(i), s), pg3(i), zreg(rn(i), s));
}

// ---- insn[20:16] 10000 SXTB .. 10111 NEG, 11000 CLS .. 11011 CNOT, 11110 NOT
enum class Un : std::uint8_t {
    Sxtb,
    Uxtb,
    Sxth,
    Uxth,
    Sxtw,
    Uxtw,
    Abs,
    Neg,
    Cls,
    Clz,
    Cnt,
    Cnot,
    Not
};
constexpr const char* kUnNames[13] = {"sxtb", "uxtb", "sxth", "uxth", "sxtw", "uxtw", "abs",
                                      "neg",  "cls",  "clz",  "cnt",  "cnot", "not"};
std::optional<Un> unaryOp(std::uint32_t i) {
    const unsigned opc = bits(i, 20, 16);
    if (opc >= 0b10000 && opc <= 0b11011) return static_cast<Un>(opc - 0b10000);
    if (opc == 0b11110) return Un::Not;
    return std::nullopt;
}
bool validUnary(std::uint32_t i) {
    const auto op = unaryOp(i);
    if (!op) return false;
    const unsigned size = sizeField(i);
    switch (*op) { // an extension needs elements wider than its source
    case Un::Sxtb:
    case Un::Uxtb: return size >= 1;
    case Un::Sxth:
    case Un::Uxth: return size >= 2;
    case Un::Sxtw:
    case Un::Uxtw: return size == 3;
    default: return true;
    }
}
std::uint64_t unary(Un op, std::uint64_t v, unsigned ebits) {
    const std::int64_t sv = signExtend(v, ebits);
    switch (op) {
    case Un::Sxtb: return static_cast<std::uint64_t>(signExtend(v, 8));
    case Un::Uxtb: return v & 0xFF;
    case Un::Sxth: return static_cast<std::uint64_t>(signExtend(v, 16));
    case Un::Uxth: return v & 0xFFFF;
    case Un::Sxtw: return static_cast<std::uint64_t>(signExtend(v, 32));
    case Un::Uxtw: return v & 0xFFFF'FFFF;
    case Un::Abs: return sv < 0 ? 0 - v : v;
    case Un::Neg: return 0 - v;
    case Un::Cls: { // leading bits equal to the sign bit, not counting it
        const std::uint64_t x = (sv < 0 ? ~v : v) & ones(ebits);
        return static_cast<std::uint64_t>(std::countl_zero(x) - (64 - ebits) - 1);
    }
    case Un::Clz: return static_cast<std::uint64_t>(std::countl_zero(v) - (64 - ebits));
    case Un::Cnt: return static_cast<std::uint64_t>(std::popcount(v));
    case Un::Cnot: return v == 0 ? 1 : 0;
    case Un::Not: return ~v;
    }
    return 0;
}
void execUnary(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Un op = *unaryOp(i);
    const unsigned ebits = 8U << sizeField(i);
    predicatedUnary(cx, i, [=](std::uint64_t v) { return unary(op, v, ebits); });
}
std::string disUnary(std::uint32_t i, std::uint64_t) {
    return unaryText(i, kUnNames[static_cast<unsigned>(*unaryOp(i))]);
}

// ---- REVB, REVH, REVW (reverse bytes, halfwords, words within each element), RBIT
bool validRev(std::uint32_t i) { // REVB needs .H or wider, REVH .S or wider, REVW .D
    const unsigned opc = bits(i, 17, 16);
    return opc == 3 || sizeField(i) > opc;
}
std::uint64_t reverseUnits(std::uint64_t v, unsigned ebits, unsigned ubits) {
    std::uint64_t r = 0;
    for (unsigned b = 0; b < ebits; b += ubits)
        r |= ((v >> b) & ones(ubits)) << (ebits - ubits - b);
    return r;
}
std::uint64_t reverseBits(std::uint64_t v, unsigned ebits) {
    std::uint64_t r = 0;
    for (unsigned b = 0; b < ebits; ++b)
        r |= ((v >> b) & 1U) << (ebits - 1 - b);
    return r;
}
void execRev(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned opc = bits(i, 17, 16), ebits = 8U << sizeField(i);
    predicatedUnary(cx, i, [=](std::uint64_t v) {
        return opc == 3 ? reverseBits(v, ebits) : reverseUnits(v, ebits, 8U << opc);
    });
}
std::string disRev(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[4] = {"revb", "revh", "revw", "rbit"};
    return unaryText(i, kNames[bits(i, 17, 16)]);
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 xx 0 1x xxx 101 xxx xxxxx xxxxx", "SXT_UXT_ABS_NEG_CLS_CLZ_CNT_CNOT_NOT_Z_P_Z", execUnary, disUnary, T::SveAlu, validUnary),
    insn("00000101 xx 1001 xx 100 xxx xxxxx xxxxx", "REVB_REVH_REVW_RBIT_Z_Z", execRev, disRev, T::SveAlu, validRev),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveUnaryRows() {
    return kRows;
}

} // namespace svesim::isa::sve
