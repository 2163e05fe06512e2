// SVE vector permutes and element extraction (ARM-M C8.2): REV (vector), INSR (scalar, SIMD&FP
// scalar), EXT, TBL, SPLICE, COMPACT, LASTA/LASTB (scalar, SIMD&FP scalar) and CLASTA/CLASTB
// (scalar, SIMD&FP scalar, vector).
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

unsigned elementsOf(ExecContext& cx, unsigned esize) {
    return cx.vl().bytes() / esize;
}

// ---- REV (vector)
void execRevVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const ZBuf zn = readZ(cx, rn(i));
    ZBuf out{};
    for (unsigned e = 0; e < n; ++e)
        setElem(out.data(), e, esize, elem(zn.data(), n - 1 - e, esize));
    writeZ(cx, rd(i), out);
}
std::string disRevVec(std::uint32_t i, std::uint64_t) {
    return fmt::format("rev\t{}, {}", zreg(rd(i), sizeField(i)), zreg(rn(i), sizeField(i)));
}

// ---- INSR: Zdn shifted up one element, the scalar in element 0
void insertScalar(ExecContext& cx, std::uint32_t i, std::uint64_t v) {
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const ZBuf zdn = readZ(cx, rd(i));
    ZBuf out{};
    for (unsigned e = 1; e < n; ++e)
        setElem(out.data(), e, esize, elem(zdn.data(), e - 1, esize));
    setElem(out.data(), 0, esize, v);
    writeZ(cx, rd(i), out);
}
void execInsrScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    insertScalar(cx, i, cx.X(rn(i)));
}
std::string disInsrScalar(std::uint32_t i, std::uint64_t) {
    return fmt::format("insr\t{}, {}", zreg(rd(i), sizeField(i)),
                       regName(rn(i), sizeField(i) == 3));
}
void execInsrSimd(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const ZBuf vm = readZ(cx, rn(i));
    insertScalar(cx, i, elem(vm.data(), 0, 1U << sizeField(i)));
}
std::string disInsrSimd(std::uint32_t i, std::uint64_t) {
    return fmt::format("insr\t{}, {}", zreg(rd(i), sizeField(i)), vreg(rn(i), sizeField(i)));
}

// ---- EXT: bytes imm8.. of Zm:Zdn (position 0 when imm8 is beyond the vector)
unsigned extImm(std::uint32_t i) {
    return (bits(i, 20, 16) << 3) | bits(i, 12, 10);
}
void execExt(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned vlb = cx.vl().bytes();
    const unsigned position = extImm(i) >= vlb ? 0 : extImm(i);
    const ZBuf zdn = readZ(cx, rd(i)), zm = readZ(cx, rn(i));
    ZBuf out{};
    for (unsigned b = 0; b < vlb; ++b) {
        const unsigned src = b + position;
        out[b] = src < vlb ? zdn[src] : zm[src - vlb];
    }
    writeZ(cx, rd(i), out);
}
std::string disExt(std::uint32_t i, std::uint64_t) {
    return fmt::format("ext\t{}, {}, {}, #{}", zreg(rd(i), 0), zreg(rd(i), 0), zreg(rn(i), 0),
                       extImm(i));
}

// ---- TBL: indices beyond the vector give zero
void execTbl(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const ZBuf zn = readZ(cx, rn(i)), zm = readZ(cx, rm(i));
    ZBuf out{};
    for (unsigned e = 0; e < n; ++e) {
        const std::uint64_t idx = elem(zm.data(), e, esize);
        setElem(out.data(), e, esize,
                idx < n ? elem(zn.data(), static_cast<unsigned>(idx), esize) : 0);
    }
    writeZ(cx, rd(i), out);
}
std::string disTbl(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("tbl\t{}, {{ {} }}, {}", zreg(rd(i), s), zreg(rn(i), s), zreg(rm(i), s));
}

// ---- SPLICE: Zdn's active segment (first to last active element), then Zm from element 0
void execSplice(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zdn = readZ(cx, rd(i)), zm = readZ(cx, rn(i));
    const int first = FirstActiveElement(g.data(), esize, n);
    const int last = LastActiveElement(g.data(), esize, n);
    ZBuf out{};
    unsigned x = 0;
    if (first >= 0)
        for (int e = first; e <= last; ++e)
            setElem(out.data(), x++, esize, elem(zdn.data(), static_cast<unsigned>(e), esize));
    for (unsigned e = 0; x < n; ++e)
        setElem(out.data(), x++, esize, elem(zm.data(), e, esize));
    writeZ(cx, rd(i), out);
}
std::string disSplice(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("splice\t{}, p{}, {}, {}", zreg(rd(i), s), pg3(i), zreg(rd(i), s),
                       zreg(rn(i), s));
}

// ---- COMPACT: the active elements of Zn packed to the bottom, the rest zero (.S, .D)
void execCompact(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i));
    ZBuf out{};
    unsigned x = 0;
    for (unsigned e = 0; e < n; ++e)
        if (activeElem(g.data(), e, esize))
            setElem(out.data(), x++, esize, elem(zn.data(), e, esize));
    writeZ(cx, rd(i), out);
}
std::string disCompact(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("compact\t{}, p{}, {}", zreg(rd(i), s), pg3(i), zreg(rn(i), s));
}

// ---- LASTA/LASTB, CLASTA/CLASTB: B (insn[16]) selects the last active element, A the one
// after it
// The element LASTA/LASTB read: after the last active one (wrapping to 0), or the last
// active one (the last element when none is active).
unsigned lastIndex(const PBuf& g, unsigned esize, unsigned n, bool before) {
    int last = LastActiveElement(g.data(), esize, n);
    if (before) return last < 0 ? n - 1 : static_cast<unsigned>(last);
    ++last;
    return static_cast<unsigned>(last) >= n ? 0 : static_cast<unsigned>(last);
}
// The element CLASTA/CLASTB read, or nothing when no element is active.
std::optional<unsigned> clastIndex(const PBuf& g, unsigned esize, unsigned n, bool before) {
    if (LastActiveElement(g.data(), esize, n) < 0) return std::nullopt;
    return lastIndex(g, esize, n, before);
}
const char* lastName(std::uint32_t i, bool conditional) {
    static constexpr const char* kNames[4] = {"lasta", "lastb", "clasta", "clastb"};
    return kNames[(conditional ? 2 : 0) + bits(i, 16, 16)];
}

void execLastScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i));
    cx.setX(rd(i), elem(zn.data(), lastIndex(g, esize, n, bit1(i, 16)), esize));
}
std::string disLastScalar(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}, {}", lastName(i, false), regName(rd(i), s == 3), pg3(i),
                       zreg(rn(i), s));
}
void execLastSimd(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i));
    writeV(cx, rd(i), elem(zn.data(), lastIndex(g, esize, n, bit1(i, 16)), esize), esize);
}
std::string disLastSimd(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}, {}", lastName(i, false), vreg(rd(i), s), pg3(i),
                       zreg(rn(i), s));
}

void execClastScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zm = readZ(cx, rn(i));
    const auto idx = clastIndex(g, esize, n, bit1(i, 16));
    // No active element: Rdn keeps only its low esize bits, zero-extended.
    cx.setX(rd(i), idx ? elem(zm.data(), *idx, esize) : cx.X(rd(i)) & ones(esize * 8));
}
std::string disClastScalar(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    const std::string r = regName(rd(i), s == 3);
    return fmt::format("{}\t{}, p{}, {}, {}", lastName(i, true), r, pg3(i), r, zreg(rn(i), s));
}
void execClastSimd(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zm = readZ(cx, rn(i)), vdn = readZ(cx, rd(i));
    const auto idx = clastIndex(g, esize, n, bit1(i, 16));
    writeV(cx, rd(i), idx ? elem(zm.data(), *idx, esize) : elem(vdn.data(), 0, esize), esize);
}
std::string disClastSimd(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}, {}, {}", lastName(i, true), vreg(rd(i), s), pg3(i),
                       vreg(rd(i), s), zreg(rn(i), s));
}
void execClastVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), n = elementsOf(cx, esize);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zm = readZ(cx, rn(i));
    ZBuf out = readZ(cx, rd(i));
    if (const auto idx = clastIndex(g, esize, n, bit1(i, 16))) {
        const std::uint64_t v = elem(zm.data(), *idx, esize);
        for (unsigned e = 0; e < n; ++e)
            setElem(out.data(), e, esize, v);
    }
    writeZ(cx, rd(i), out);
}
std::string disClastVector(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}, {}, {}", lastName(i, true), zreg(rd(i), s), pg3(i),
                       zreg(rd(i), s), zreg(rn(i), s));
}

bool validWordOrDouble(std::uint32_t i) { // COMPACT: .S and .D only
    return sizeField(i) >= 2;
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000101 xx 111000 001110 xxxxx xxxxx", "REV_Z_Z", execRevVec, disRevVec, T::SveAlu),
    insn("00000101 xx 100100 001110 xxxxx xxxxx", "INSR_Z_R", execInsrScalar, disInsrScalar, T::SveAlu),
    insn("00000101 xx 110100 001110 xxxxx xxxxx", "INSR_Z_V", execInsrSimd, disInsrSimd, T::SveAlu),
    insn("00000101 001 xxxxx 000 xxx xxxxx xxxxx", "EXT_Z_ZI_DES", execExt, disExt, T::SveAlu),
    insn("00000101 xx 1 xxxxx 001100 xxxxx xxxxx", "TBL_Z_ZZ_1", execTbl, disTbl, T::SveAlu),
    insn("00000101 xx 101100 100 xxx xxxxx xxxxx", "SPLICE_Z_P_ZZ_DES", execSplice, disSplice, T::SveAlu),
    insn("00000101 xx 100001 100 xxx xxxxx xxxxx", "COMPACT_Z_P_Z", execCompact, disCompact, T::SveAlu, validWordOrDouble),
    insn("00000101 xx 10000 x 101 xxx xxxxx xxxxx", "LASTA_LASTB_R_P_Z", execLastScalar, disLastScalar, T::SveAlu),
    insn("00000101 xx 10001 x 100 xxx xxxxx xxxxx", "LASTA_LASTB_V_P_Z", execLastSimd, disLastSimd, T::SveAlu),
    insn("00000101 xx 11000 x 101 xxx xxxxx xxxxx", "CLASTA_CLASTB_R_P_Z", execClastScalar, disClastScalar, T::SveAlu),
    insn("00000101 xx 10101 x 100 xxx xxxxx xxxxx", "CLASTA_CLASTB_V_P_Z", execClastSimd, disClastSimd, T::SveAlu),
    insn("00000101 xx 10100 x 100 xxx xxxxx xxxxx", "CLASTA_CLASTB_Z_P_ZZ", execClastVector, disClastVector, T::SveAlu),
};
// clang-format on

} // namespace

std::span<const InsnDef> svePermuteRows() {
    return kRows;
}

} // namespace svesim::isa::sve
