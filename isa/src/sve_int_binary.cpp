// SVE integer binary arithmetic (ARM-M C8.2): SMAX/UMAX/SMIN/UMIN/SABD/UABD and
// MUL/SMULH/UMULH/SDIV/UDIV/SDIVR/UDIVR (predicated), and MUL/SMAX/SMIN/UMAX/UMIN (immediate,
// unpredicated).
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

enum class Bin : std::uint8_t {
    Smax,
    Umax,
    Smin,
    Umin,
    Sabd,
    Uabd,
    Mul,
    Smulh,
    Umulh,
    Sdiv,
    Udiv,
    Sdivr,
    Udivr
};
constexpr const char* kBinNames[13] = {"smax",  "umax",  "smin", "umin", "sabd",  "uabd", "mul",
                                       "smulh", "umulh", "sdiv", "udiv", "sdivr", "udivr"};

// One element operation on esize-byte elements (a, b zero-extended element bits).
std::uint64_t binary(Bin op, std::uint64_t a, std::uint64_t b, unsigned esize) {
    const unsigned n = esize * 8;
    const std::int64_t sa = signExtend(a, n), sb = signExtend(b, n);
    switch (op) {
    case Bin::Smax: return static_cast<std::uint64_t>(std::max(sa, sb)) & ones(n);
    case Bin::Umax: return std::max(a, b);
    case Bin::Smin: return static_cast<std::uint64_t>(std::min(sa, sb)) & ones(n);
    case Bin::Umin: return std::min(a, b);
    case Bin::Sabd: {
        const i128 d = i128{sa} - i128{sb};
        return static_cast<std::uint64_t>(d < 0 ? -d : d) & ones(n);
    }
    case Bin::Uabd: return (a > b ? a - b : b - a) & ones(n);
    case Bin::Mul: return (a * b) & ones(n);
    case Bin::Smulh: return static_cast<std::uint64_t>((i128{sa} * i128{sb}) >> n) & ones(n);
    case Bin::Umulh: return static_cast<std::uint64_t>((u128{a} * u128{b}) >> n) & ones(n);
    case Bin::Sdiv:
    case Bin::Sdivr: {
        // Division by zero gives zero; the quotient rounds toward zero (and INT_MIN / -1 wraps).
        const i128 x = op == Bin::Sdiv ? sa : sb, y = op == Bin::Sdiv ? sb : sa;
        return y == 0 ? 0 : static_cast<std::uint64_t>(x / y) & ones(n);
    }
    case Bin::Udiv: return b == 0 ? 0 : a / b;
    case Bin::Udivr: return a == 0 ? 0 : b / a;
    }
    return 0;
}

// ---- Predicated: opc insn[20:16] 01000 SMAX .. 01101 UABD, 10000 MUL .. 10111 UDIVR
std::optional<Bin> predBin(std::uint32_t i) {
    switch (bits(i, 20, 16)) {
    case 0b01000: return Bin::Smax;
    case 0b01001: return Bin::Umax;
    case 0b01010: return Bin::Smin;
    case 0b01011: return Bin::Umin;
    case 0b01100: return Bin::Sabd;
    case 0b01101: return Bin::Uabd;
    case 0b10000: return Bin::Mul;
    case 0b10010: return Bin::Smulh;
    case 0b10011: return Bin::Umulh;
    case 0b10100: return Bin::Sdiv;
    case 0b10101: return Bin::Udiv;
    case 0b10110: return Bin::Sdivr;
    case 0b10111: return Bin::Udivr;
    default: return std::nullopt;
    }
}
bool validBinPred(std::uint32_t i) {
    const auto op = predBin(i);
    if (!op) return false;
    const bool divide = *op >= Bin::Sdiv;
    return !divide || sizeField(i) >= 2; // divides exist for .S and .D only
}
void execBinPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Bin op = *predBin(i);
    predicatedBinary(cx, i, [op](std::uint64_t a, std::uint64_t b, unsigned esize) {
        return binary(op, a, b, esize);
    });
}
std::string disBinPred(std::uint32_t i, std::uint64_t) {
    return predicatedText(i, kBinNames[static_cast<unsigned>(*predBin(i))]);
}

// ---- Immediate, unpredicated (Zdn = Zdn op imm8): insn[20:16] 01000 SMAX, 01001 UMAX,
// 01010 SMIN, 01011 UMIN (signed imm8 for S*, unsigned for U*), 10000 MUL (signed imm8)
std::optional<Bin> immBin(std::uint32_t i) {
    switch (bits(i, 20, 16)) {
    case 0b01000: return Bin::Smax;
    case 0b01001: return Bin::Umax;
    case 0b01010: return Bin::Smin;
    case 0b01011: return Bin::Umin;
    case 0b10000: return Bin::Mul;
    default: return std::nullopt;
    }
}
bool validBinImm(std::uint32_t i) {
    return immBin(i).has_value();
}
bool unsignedImm(Bin op) {
    return op == Bin::Umax || op == Bin::Umin;
}
std::int64_t binImm(std::uint32_t i) {
    const std::uint32_t imm8 = bits(i, 12, 5);
    return unsignedImm(*immBin(i)) ? std::int64_t{imm8} : signExtend(imm8, 8);
}
void execBinImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Bin op = *immBin(i);
    const unsigned esize = 1U << sizeField(i);
    const std::uint64_t imm = static_cast<std::uint64_t>(binImm(i)) & ones(esize * 8);
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        setElem(out.data(), e, esize, binary(op, elem(out.data(), e, esize), imm, esize));
    writeZ(cx, rd(i), out);
}
std::string disBinImm(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, {}, #{}", kBinNames[static_cast<unsigned>(*immBin(i))],
                       zreg(rd(i), s), zreg(rd(i), s), binImm(i));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 xx 0 01 xxx 000 xxx xxxxx xxxxx", "SMAX_UMAX_SMIN_UMIN_SABD_UABD_Z_P_ZZ", execBinPred, disBinPred, T::SveAlu, validBinPred),
    insn("00000100 xx 0 10 1xx 000 xxx xxxxx xxxxx", "SDIV_UDIV_SDIVR_UDIVR_Z_P_ZZ", execBinPred, disBinPred, T::SveIntDiv, validBinPred),
    insn("00000100 xx 0 10 0xx 000 xxx xxxxx xxxxx", "MUL_SMULH_UMULH_Z_P_ZZ", execBinPred, disBinPred, T::SveAlu, validBinPred),
    insn("00100101 xx 1 xxxxx 110 xxxxxxxx xxxxx", "SMAX_UMAX_SMIN_UMIN_MUL_Z_ZI", execBinImm, disBinImm, T::SveAlu, validBinImm),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveIntBinaryRows() {
    return kRows;
}

} // namespace svesim::isa::sve
