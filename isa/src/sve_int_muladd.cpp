// SVE integer multiply-add (ARM-M C8.2): MLA/MLS (Zda += / -= Zn * Zm), MAD/MSB (Zdn = Za +/-
// Zdn * Zm), predicated, and the dot products SDOT/UDOT (vectors and indexed): four products
// of quarter-width elements summed into each .S or .D element.
#include "sve_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// ---- MLA, MLS: Zda (insn[4:0]) += or -= Zn (insn[9:5]) * Zm (insn[20:16]) under Pg/M
void execMlaMls(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = esize * 8;
    const bool sub = bit1(i, 13);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i)), zm = readZ(cx, rm(i));
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e) {
        if (!activeElem(g.data(), e, esize)) continue;
        const std::uint64_t product = elem(zn.data(), e, esize) * elem(zm.data(), e, esize);
        const std::uint64_t a = elem(out.data(), e, esize);
        setElem(out.data(), e, esize, (sub ? a - product : a + product) & ones(n));
    }
    writeZ(cx, rd(i), out);
}
std::string disMlaMls(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}/m, {}, {}", bit1(i, 13) ? "mls" : "mla", zreg(rd(i), s), pg3(i),
                       zreg(rn(i), s), zreg(rm(i), s));
}

// ---- MAD, MSB: Zdn (insn[4:0]) = Za (insn[9:5]) +/- Zdn * Zm (insn[20:16]) under Pg/M
void execMadMsb(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = esize * 8;
    const bool sub = bit1(i, 13);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf za = readZ(cx, rn(i)), zm = readZ(cx, rm(i));
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e) {
        if (!activeElem(g.data(), e, esize)) continue;
        const std::uint64_t product = elem(out.data(), e, esize) * elem(zm.data(), e, esize);
        const std::uint64_t a = elem(za.data(), e, esize);
        setElem(out.data(), e, esize, (sub ? a - product : a + product) & ones(n));
    }
    writeZ(cx, rd(i), out);
}
std::string disMadMsb(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}/m, {}, {}", bit1(i, 13) ? "msb" : "mad", zreg(rd(i), s), pg3(i),
                       zreg(rm(i), s), zreg(rn(i), s));
}

// ---- SDOT, UDOT: U insn[10]; size insn[22] selects .S (from .B) or .D (from .H)
// The dot product of four quarter-width elements of Zn (from 4e) and Zm (from 4s).
std::uint64_t dot4(const ZBuf& zn, unsigned e, const ZBuf& zm, unsigned s, unsigned qsize,
                   bool is_unsigned) {
    std::uint64_t sum = 0;
    for (unsigned k = 0; k < 4; ++k) {
        const std::uint64_t a =
            is_unsigned ? elem(zn.data(), 4 * e + k, qsize)
                        : static_cast<std::uint64_t>(selem(zn.data(), 4 * e + k, qsize));
        const std::uint64_t b =
            is_unsigned ? elem(zm.data(), 4 * s + k, qsize)
                        : static_cast<std::uint64_t>(selem(zm.data(), 4 * s + k, qsize));
        sum += a * b;
    }
    return sum;
}
unsigned dotEsize(std::uint32_t i) {
    return bit1(i, 22) ? 8 : 4;
}
// `index`: nothing for the vector form, else the element of each 128-bit segment of Zm.
void dotProduct(ExecContext& cx, std::uint32_t i, unsigned m, std::optional<unsigned> index) {
    const unsigned esize = dotEsize(i), qsize = esize / 4, per_segment = 16 / esize;
    const bool is_unsigned = bit1(i, 10);
    const ZBuf zn = readZ(cx, rn(i)), zm = readZ(cx, m);
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e) {
        const unsigned s = index ? e - e % per_segment + *index : e;
        const std::uint64_t r = elem(out.data(), e, esize) + dot4(zn, e, zm, s, qsize, is_unsigned);
        setElem(out.data(), e, esize, r & ones(esize * 8));
    }
    writeZ(cx, rd(i), out);
}
void execDot(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    dotProduct(cx, i, rm(i), std::nullopt);
}
std::string dotText(std::uint32_t i, const std::string& zm) {
    const unsigned s = bit1(i, 22) ? 3 : 2;
    return fmt::format("{}\t{}, {}, {}", bit1(i, 10) ? "udot" : "sdot", zreg(rd(i), s),
                       zreg(rn(i), s - 2), zm);
}
std::string disDot(std::uint32_t i, std::uint64_t) {
    return dotText(i, zreg(rm(i), bit1(i, 22) ? 1 : 0));
}
// Indexed: .S has Zm in insn[18:16] and the index in insn[20:19]; .D Zm in insn[19:16] and
// the index in insn[20].
unsigned dotIndexReg(std::uint32_t i) {
    return bit1(i, 22) ? bits(i, 19, 16) : bits(i, 18, 16);
}
unsigned dotIndex(std::uint32_t i) {
    return bit1(i, 22) ? bits(i, 20, 20) : bits(i, 20, 19);
}
void execDotIndexed(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    dotProduct(cx, i, dotIndexReg(i), dotIndex(i));
}
std::string disDotIndexed(std::uint32_t i, std::uint64_t) {
    return dotText(i,
                   fmt::format("{}[{}]", zreg(dotIndexReg(i), bit1(i, 22) ? 1 : 0), dotIndex(i)));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 xx 0 xxxxx 01 x xxx xxxxx xxxxx", "MLA_MLS_Z_P_ZZZ", execMlaMls, disMlaMls, T::SveAlu),
    insn("00000100 xx 0 xxxxx 11 x xxx xxxxx xxxxx", "MAD_MSB_Z_P_ZZZ", execMadMsb, disMadMsb, T::SveAlu),
    insn("01000100 1x 0 xxxxx 00000 x xxxxx xxxxx", "SDOT_UDOT_Z_ZZZ", execDot, disDot, T::SveAlu),
    insn("01000100 1x 1 xxxxx 00000 x xxxxx xxxxx", "SDOT_UDOT_Z_ZZZI", execDotIndexed, disDotIndexed, T::SveAlu),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveMulAddRows() {
    return kRows;
}

} // namespace svesim::isa::sve
