// SVE element moves (ARM-M C8.2): DUP (immediate, scalar), CPY (immediate merging/zeroing,
// scalar, SIMD&FP scalar), INDEX (all four operand forms), SEL (vectors) and MOVPRFX
// (unpredicated, predicated). LLVM prints DUP and CPY as their MOV aliases.
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// Writes `value(e)` to the elements of Zd that `active(e)` selects; the others are zero or
// keep Zd (merging).
template <class Active, class Value>
void fillElements(ExecContext& cx, unsigned d, unsigned esize, bool merge, Active active,
                  Value value) {
    ZBuf out = merge ? readZ(cx, d) : ZBuf{};
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        if (active(e)) setElem(out.data(), e, esize, value(e));
    writeZ(cx, d, out);
}
bool always(unsigned) {
    return true;
}

// The signed imm8{, LSL #8} of DUP and CPY, and its spelling (LLVM: the shifted value, except
// #0, LSL #8).
std::uint64_t signedImm8(std::uint32_t i) {
    return static_cast<std::uint64_t>(signExtend(bits(i, 12, 5), 8) * (bit1(i, 13) ? 256 : 1));
}
std::string signedImm8Text(std::uint32_t i) {
    if (bits(i, 12, 5) == 0 && bit1(i, 13)) return "#0, lsl #8";
    return fmt::format("#{}", static_cast<std::int64_t>(signedImm8(i)));
}
bool validImm8Shift(std::uint32_t i) { // no LSL #8 for byte elements
    return !(sizeField(i) == 0 && bit1(i, 13));
}

// ---- DUP (immediate), DUP (scalar)
// ------------------------------------------------------------------
void execDupImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::uint64_t imm = signedImm8(i);
    fillElements(cx, rd(i), 1U << sizeField(i), false, always, [imm](unsigned) { return imm; });
}
std::string disDupImm(std::uint32_t i, std::uint64_t) {
    return fmt::format("mov\t{}, {}", zreg(rd(i), sizeField(i)), signedImm8Text(i));
}

// The general-purpose operand of DUP and CPY (scalar): W or X by element size, 31 is SP.
std::string scalarName(std::uint32_t i) {
    return regName(rn(i), sizeField(i) == 3, true);
}
void execDupScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::uint64_t v = cx.XorSP(rn(i));
    fillElements(cx, rd(i), 1U << sizeField(i), false, always, [v](unsigned) { return v; });
}
std::string disDupScalar(std::uint32_t i, std::uint64_t) {
    return fmt::format("mov\t{}, {}", zreg(rd(i), sizeField(i)), scalarName(i));
}

// ---- CPY (immediate), CPY (scalar), CPY (SIMD&FP scalar)
// -------------------------------------------
void execCpyImm(ExecContext& cx, std::uint32_t i) { // Pg in insn[19:16], M in insn[14]
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i);
    const PBuf g = readP(cx, bits(i, 19, 16));
    const std::uint64_t imm = signedImm8(i);
    const bool merge = bit1(i, 14);
    ZBuf out = merge ? readZ(cx, rd(i)) : ZBuf{};
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        if (activeElem(g.data(), e, esize)) setElem(out.data(), e, esize, imm);
    writeZ(cx, rd(i), out);
}
std::string disCpyImm(std::uint32_t i, std::uint64_t) {
    return fmt::format("mov\t{}, p{}/{}, {}", zreg(rd(i), sizeField(i)), bits(i, 19, 16),
                       bit1(i, 14) ? 'm' : 'z', signedImm8Text(i));
}

// Merging copy of `v` to the active elements of Zd (Pg in insn[12:10]).
void copyMerging(ExecContext& cx, std::uint32_t i, std::uint64_t v) {
    const unsigned esize = 1U << sizeField(i);
    const PBuf g = readP(cx, pg3(i));
    fillElements(
        cx, rd(i), esize, true, [&g, esize](unsigned e) { return activeElem(g.data(), e, esize); },
        [v](unsigned) { return v; });
}
void execCpyScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    copyMerging(cx, i, cx.XorSP(rn(i)));
}
std::string disCpyScalar(std::uint32_t i, std::uint64_t) {
    return fmt::format("mov\t{}, p{}/m, {}", zreg(rd(i), sizeField(i)), pg3(i), scalarName(i));
}
void execCpyVScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const ZBuf vn = readZ(cx, rn(i));
    copyMerging(cx, i, elem(vn.data(), 0, 1U << sizeField(i)));
}
std::string disCpyVScalar(std::uint32_t i, std::uint64_t) {
    return fmt::format("mov\t{}, p{}/m, {}{}", zreg(rd(i), sizeField(i)), pg3(i),
                       sizeChar(sizeField(i)), rn(i));
}

// ---- INDEX
// -----------------------------------------------------------------------------------------
// insn[11:10]: start from imm5 (insn[9:5]) or Rn, increment from imm5b (insn[20:16]) or Rm.
bool startIsReg(std::uint32_t i) {
    return bit1(i, 10);
}
bool incrIsReg(std::uint32_t i) {
    return bit1(i, 11);
}
void execIndex(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::uint64_t start =
        startIsReg(i) ? cx.X(rn(i)) : static_cast<std::uint64_t>(signExtend(rn(i), 5));
    const std::uint64_t incr =
        incrIsReg(i) ? cx.X(rm(i)) : static_cast<std::uint64_t>(signExtend(rm(i), 5));
    fillElements(cx, rd(i), 1U << sizeField(i), false, always,
                 [start, incr](unsigned e) { return start + std::uint64_t{e} * incr; });
}
std::string disIndex(std::uint32_t i, std::uint64_t) {
    const bool x = sizeField(i) == 3;
    const std::string start =
        startIsReg(i) ? regName(rn(i), x) : fmt::format("#{}", signExtend(rn(i), 5));
    const std::string incr =
        incrIsReg(i) ? regName(rm(i), x) : fmt::format("#{}", signExtend(rm(i), 5));
    return fmt::format("index\t{}, {}, {}", zreg(rd(i), sizeField(i)), start, incr);
}

// ---- SEL (vectors)
// ------------------------------------------------------------------------------
void execSel(ExecContext& cx, std::uint32_t i) { // Pg in insn[13:10]
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i);
    const PBuf g = readP(cx, bits(i, 13, 10));
    const ZBuf zn = readZ(cx, rn(i)), zm = readZ(cx, rm(i));
    ZBuf out{};
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        setElem(out.data(), e, esize,
                elem(activeElem(g.data(), e, esize) ? zn.data() : zm.data(), e, esize));
    writeZ(cx, rd(i), out);
}
std::string disSel(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i), g = bits(i, 13, 10);
    if (rd(i) == rm(i)) return fmt::format("mov\t{}, p{}/m, {}", zreg(rd(i), s), g, zreg(rn(i), s));
    return fmt::format("sel\t{}, p{}, {}, {}", zreg(rd(i), s), g, zreg(rn(i), s), zreg(rm(i), s));
}

// ---- MOVPRFX
// ---------------------------------------------------------------------------------------
// svesim executes MOVPRFX as the copy it architecturally is, and does not fuse it with the
// instruction that follows (which the Arm ARM allows).
void execMovprfx(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    writeZ(cx, rd(i), readZ(cx, rn(i)));
}
std::string disMovprfx(std::uint32_t i, std::uint64_t) {
    return fmt::format("movprfx\tz{}, z{}", rd(i), rn(i));
}
void execMovprfxPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i));
    fillElements(
        cx, rd(i), esize, bit1(i, 16),
        [&g, esize](unsigned e) { return activeElem(g.data(), e, esize); },
        [&zn, esize](unsigned e) { return elem(zn.data(), e, esize); });
}
std::string disMovprfxPred(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("movprfx\t{}, p{}/{}, {}", zreg(rd(i), s), pg3(i), bit1(i, 16) ? 'm' : 'z',
                       zreg(rn(i), s));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00100101 xx 111 00 0 11 x xxxxxxxx xxxxx", "DUP_Z_I", execDupImm, disDupImm, T::SveAlu, validImm8Shift),
    insn("00000101 xx 1 00000 001110 xxxxx xxxxx", "DUP_Z_R", execDupScalar, disDupScalar, T::SveAlu),
    insn("00000101 xx 01 xxxx 0 x x xxxxxxxx xxxxx", "CPY_Z_P_I", execCpyImm, disCpyImm, T::SveAlu, validImm8Shift),
    insn("00000101 xx 101000 101 xxx xxxxx xxxxx", "CPY_Z_P_R", execCpyScalar, disCpyScalar, T::SveAlu),
    insn("00000101 xx 100000 100 xxx xxxxx xxxxx", "CPY_Z_P_V", execCpyVScalar, disCpyVScalar, T::SveAlu),
    insn("00000100 xx 1 xxxxx 0100 xx xxxxx xxxxx", "INDEX_Z_II_RI_IR_RR", execIndex, disIndex, T::SveAlu),
    insn("00000101 xx 1 xxxxx 11 xxxx xxxxx xxxxx", "SEL_Z_P_ZZ", execSel, disSel, T::SveAlu),
    insn("00000100 00 1 00000 101111 xxxxx xxxxx", "MOVPRFX_Z_Z", execMovprfx, disMovprfx, T::SveAlu),
    insn("00000100 xx 010 00 x 001 xxx xxxxx xxxxx", "MOVPRFX_Z_P_Z", execMovprfxPred, disMovprfxPred, T::SveAlu),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveMoveRows() {
    return kRows;
}

} // namespace svesim::isa::sve
