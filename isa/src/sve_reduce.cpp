// SVE integer reductions (ARM-M C8.2): SADDV, UADDV (to 64 bits), SMAXV, UMAXV, SMINV, UMINV,
// ORV, EORV, ANDV (to the element size) into a SIMD&FP register; inactive elements count as the
// operation's identity, so no active element gives the identity.
#include "sve_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

enum class Red : std::uint8_t { Saddv, Uaddv, Smaxv, Umaxv, Sminv, Uminv, Orv, Eorv, Andv };
constexpr const char* kRedNames[9] = {"saddv", "uaddv", "smaxv", "umaxv", "sminv",
                                      "uminv", "orv",   "eorv",  "andv"};

// opc insn[20:16].
std::optional<Red> reduction(std::uint32_t i) {
    switch (bits(i, 20, 16)) {
    case 0b00000: return Red::Saddv;
    case 0b00001: return Red::Uaddv;
    case 0b01000: return Red::Smaxv;
    case 0b01001: return Red::Umaxv;
    case 0b01010: return Red::Sminv;
    case 0b01011: return Red::Uminv;
    case 0b11000: return Red::Orv;
    case 0b11001: return Red::Eorv;
    case 0b11010: return Red::Andv;
    default: return std::nullopt;
    }
}
bool validReduction(std::uint32_t i) {
    const auto op = reduction(i);
    return op.has_value() && !(*op == Red::Saddv && sizeField(i) == 3); // SADDV has no .D
}

// The identity, in the `ebits`-bit element domain.
std::uint64_t identity(Red op, unsigned ebits) {
    switch (op) {
    case Red::Smaxv: return std::uint64_t{1} << (ebits - 1); // most negative
    case Red::Sminv: return ones(ebits - 1);                 // most positive
    case Red::Uminv:
    case Red::Andv: return ones(ebits);
    default: return 0;
    }
}

void execReduction(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Red op = *reduction(i);
    const unsigned esize = 1U << sizeField(i), ebits = esize * 8;
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i));
    std::uint64_t acc = identity(op, ebits);
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e) {
        if (!activeElem(g.data(), e, esize)) continue;
        const std::uint64_t v = elem(zn.data(), e, esize);
        const std::int64_t sv = signExtend(v, ebits), sacc = signExtend(acc, ebits);
        switch (op) {
        case Red::Saddv: acc += static_cast<std::uint64_t>(sv); break;
        case Red::Uaddv: acc += v; break;
        case Red::Smaxv: acc = sv > sacc ? v : acc; break;
        case Red::Umaxv: acc = std::max(acc, v); break;
        case Red::Sminv: acc = sv < sacc ? v : acc; break;
        case Red::Uminv: acc = std::min(acc, v); break;
        case Red::Orv: acc |= v; break;
        case Red::Eorv: acc ^= v; break;
        case Red::Andv: acc &= v; break;
        }
    }
    const bool to64 = op == Red::Saddv || op == Red::Uaddv;
    writeV(cx, rd(i), acc, to64 ? 8 : esize);
}
std::string disReduction(std::uint32_t i, std::uint64_t) {
    const Red op = *reduction(i);
    const unsigned s = sizeField(i);
    const bool to64 = op == Red::Saddv || op == Red::Uaddv;
    return fmt::format("{}\t{}, p{}, {}", kRedNames[static_cast<unsigned>(op)],
                       vreg(rd(i), to64 ? 3 : s), pg3(i), zreg(rn(i), s));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 xx 0 xxxxx 001 xxx xxxxx xxxxx", "SADDV_UADDV_SMAXV_UMAXV_SMINV_UMINV_ORV_EORV_ANDV_R_P_Z", execReduction, disReduction, T::SveAlu, validReduction),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveReduceRows() {
    return kRows;
}

} // namespace svesim::isa::sve
