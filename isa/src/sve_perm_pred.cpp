// SVE predicate permutes (ARM-M C8.2): REV, ZIP1/ZIP2, UZP1/UZP2, TRN1/TRN2 (predicates) and
// PUNPKLO/PUNPKHI. A predicate element of an esize-byte vector element is esize bits, and these
// instructions move all of them, not only the lowest.
#include "sve_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// Elem[predicate, e, esize/8]: the `width` bits of predicate element e.
unsigned predElem(const PBuf& p, unsigned e, unsigned width) {
    unsigned v = 0;
    for (unsigned b = 0; b < width; ++b)
        v |= (predBit(p.data(), e * width + b) ? 1U : 0U) << b;
    return v;
}
void setPredBits(PBuf& p, unsigned e, unsigned width, unsigned v) {
    for (unsigned b = 0; b < width; ++b) {
        const unsigned bit = e * width + b;
        p[bit / 8] = static_cast<std::uint8_t>((p[bit / 8] & ~(1U << (bit % 8))) |
                                               (((v >> b) & 1U) << (bit % 8)));
    }
}

// ---- REV (predicate)
void execRevPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned width = 1U << sizeField(i), n = cx.vl().bytes() / width;
    const PBuf p = readP(cx, bits(i, 8, 5));
    PBuf out{};
    for (unsigned e = 0; e < n; ++e)
        setPredBits(out, e, width, predElem(p, n - 1 - e, width));
    writeP(cx, bits(i, 3, 0), out);
}
std::string disRevPred(std::uint32_t i, std::uint64_t) {
    return fmt::format("rev\t{}, {}", pregT(bits(i, 3, 0), sizeField(i)),
                       pregT(bits(i, 8, 5), sizeField(i)));
}

// ---- ZIP, UZP, TRN: opc insn[12:11] (ZIP, UZP, TRN), H insn[10] (1 or 2). The element
// selection is shared with the vector forms through `permuteSource`.
void execZipUzpTrnPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned width = 1U << sizeField(i), n = cx.vl().bytes() / width;
    const PBuf pn = readP(cx, bits(i, 8, 5)), pm = readP(cx, bits(i, 19, 16));
    PBuf out{};
    for (unsigned e = 0; e < n; ++e) {
        const PermuteSource s = permuteSource(bits(i, 12, 11), bit1(i, 10), e, n);
        setPredBits(out, e, width, predElem(s.second ? pm : pn, s.index, width));
    }
    writeP(cx, bits(i, 3, 0), out);
}
bool validZipUzpTrnPred(std::uint32_t i) {
    return bits(i, 12, 11) != 3;
}
std::string disZipUzpTrnPred(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", permuteName(bits(i, 12, 11), bit1(i, 10)),
                       pregT(bits(i, 3, 0), s), pregT(bits(i, 8, 5), s), pregT(bits(i, 19, 16), s));
}

// ---- PUNPKLO, PUNPKHI: the low or high half of Pn's byte elements widened to halfwords
void execPunpk(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = cx.vl().bytes() / 2;
    const PBuf p = readP(cx, bits(i, 8, 5));
    const unsigned base = bit1(i, 16) ? n : 0;
    PBuf out{};
    for (unsigned e = 0; e < n; ++e)
        setPredElem(out.data(), e, 2, predBit(p.data(), base + e));
    writeP(cx, bits(i, 3, 0), out);
}
std::string disPunpk(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}", bit1(i, 16) ? "punpkhi" : "punpklo", pregT(bits(i, 3, 0), 1),
                       pregT(bits(i, 8, 5), 0));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000101 xx 110100 0100000 xxxx 0 xxxx", "REV_P_P", execRevPred, disRevPred, T::SvePred),
    insn("00000101 xx 10 xxxx 010 xx x 0 xxxx 0 xxxx", "ZIP_UZP_TRN_P_PP", execZipUzpTrnPred, disZipUzpTrnPred, T::SvePred, validZipUzpTrnPred),
    insn("00000101 00 11000 x 0100000 xxxx 0 xxxx", "PUNPKHI_PUNPKLO_P_P", execPunpk, disPunpk, T::SvePred),
};
// clang-format on

} // namespace

std::span<const InsnDef> svePredPermuteRows() {
    return kRows;
}

} // namespace svesim::isa::sve
