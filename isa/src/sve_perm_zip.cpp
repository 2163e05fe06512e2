// SVE vector interleaves and widenings (ARM-M C8.2): ZIP1/ZIP2, UZP1/UZP2, TRN1/TRN2
// (vectors), SUNPKLO/SUNPKHI/UUNPKLO/UUNPKHI, and DUP (indexed) with its MOV aliases.
#include "sve_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// ---- ZIP, UZP, TRN (vectors): opc insn[12:11], part insn[10]
bool validZipUzpTrn(std::uint32_t i) {
    return bits(i, 12, 11) != 3;
}
void execZipUzpTrn(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = cx.vl().bytes() / esize;
    const ZBuf zn = readZ(cx, rn(i)), zm = readZ(cx, rm(i));
    ZBuf out{};
    for (unsigned e = 0; e < n; ++e) {
        const PermuteSource s = permuteSource(bits(i, 12, 11), bit1(i, 10), e, n);
        setElem(out.data(), e, esize, elem((s.second ? zm : zn).data(), s.index, esize));
    }
    writeZ(cx, rd(i), out);
}
std::string disZipUzpTrn(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", permuteName(bits(i, 12, 11), bit1(i, 10)), zreg(rd(i), s),
                       zreg(rn(i), s), zreg(rm(i), s));
}

// ---- SUNPKLO .. UUNPKHI: U insn[17], H insn[16]; the low or high half of Zn widened
bool validUnpack(std::uint32_t i) {
    return sizeField(i) != 0;
}
void execUnpack(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), half = esize / 2, n = cx.vl().bytes() / esize;
    const bool is_unsigned = bit1(i, 17);
    const unsigned base = bit1(i, 16) ? n : 0;
    const ZBuf zn = readZ(cx, rn(i));
    ZBuf out{};
    for (unsigned e = 0; e < n; ++e) {
        const std::uint64_t v = is_unsigned
                                    ? elem(zn.data(), base + e, half)
                                    : static_cast<std::uint64_t>(selem(zn.data(), base + e, half));
        setElem(out.data(), e, esize, v);
    }
    writeZ(cx, rd(i), out);
}
std::string disUnpack(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}unpk{}\t{}, {}", bit1(i, 17) ? 'u' : 's', bit1(i, 16) ? "hi" : "lo",
                       zreg(rd(i), sizeField(i)), zreg(rn(i), sizeField(i) - 1));
}

// ---- DUP (indexed): imm2:tsz (insn[23:22], insn[20:16]); the lowest set bit of tsz gives
// the element size (B, H, S, D, Q), the bits above it the index
struct DupIndex {
    unsigned size; // 0..4 (B..Q)
    unsigned index;
};
std::optional<DupIndex> dupIndex(std::uint32_t i) {
    const unsigned tsz = bits(i, 20, 16), imm = (bits(i, 23, 22) << 5) | tsz;
    if (tsz == 0) return std::nullopt;
    unsigned size = 0;
    while (!bit1(tsz, size))
        ++size;
    return DupIndex{size, imm >> (size + 1)};
}
bool validDupIndexed(std::uint32_t i) {
    return dupIndex(i).has_value();
}
void execDupIndexed(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const DupIndex d = *dupIndex(i);
    const unsigned esize = 1U << d.size, vlb = cx.vl().bytes();
    const ZBuf zn = readZ(cx, rn(i));
    ZBuf out{};
    // An index beyond the vector gives zeros.
    if ((d.index + 1) * esize <= vlb)
        for (unsigned b = 0; b < vlb; ++b)
            out[b] = zn[d.index * esize + b % esize];
    writeZ(cx, rd(i), out);
}
std::string disDupIndexed(std::uint32_t i, std::uint64_t) {
    const DupIndex d = *dupIndex(i);
    const char t = "bhsdq"[d.size];
    if (d.index == 0) return fmt::format("mov\tz{}.{}, {}{}", rd(i), t, t, rn(i));
    return fmt::format("mov\tz{}.{}, z{}.{}[{}]", rd(i), t, rn(i), t, d.index);
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000101 xx 1 xxxxx 011 xx x xxxxx xxxxx", "ZIP_UZP_TRN_Z_ZZ", execZipUzpTrn, disZipUzpTrn, T::SveAlu, validZipUzpTrn),
    insn("00000101 xx 1100 x x 001110 xxxxx xxxxx", "SUNPK_UUNPK_Z_Z", execUnpack, disUnpack, T::SveAlu, validUnpack),
    insn("00000101 xx 1 xxxxx 001000 xxxxx xxxxx", "DUP_Z_ZI", execDupIndexed, disDupIndexed, T::SveAlu, validDupIndexed),
};
// clang-format on

} // namespace

std::span<const InsnDef> svePermuteZipRows() {
    return kRows;
}

} // namespace svesim::isa::sve
