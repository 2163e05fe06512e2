// A64 branches: B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET (ARM-M C6.2).
#include "fast_forms.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

std::int64_t imm26(std::uint32_t i) {
    return signExtend(bits(i, 25, 0), 26) * 4;
}
std::int64_t imm19(std::uint32_t i) {
    return signExtend(bits(i, 23, 5), 19) * 4;
}
std::int64_t imm14(std::uint32_t i) {
    return signExtend(bits(i, 18, 5), 14) * 4;
}
std::uint64_t target(ExecContext& cx, std::int64_t off) {
    return cx.pc() + static_cast<std::uint64_t>(off);
}

void execB(ExecContext& cx, std::uint32_t i) {
    if (bit1(i, 31)) cx.setX(30, cx.pc() + 4); // BL
    cx.next_pc = target(cx, imm26(i));
}
std::string disB(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t#{}", bit1(i, 31) ? "bl" : "b", imm26(i));
}

void execBCond(ExecContext& cx, std::uint32_t i) {
    if (ConditionHolds(bits(i, 3, 0), cx.pstate())) cx.next_pc = target(cx, imm19(i));
}
std::string disBCond(std::uint32_t i, std::uint64_t) {
    return fmt::format("b.{}\t#{}", condName(bits(i, 3, 0)), imm19(i));
}

void execCbz(ExecContext& cx, std::uint32_t i) {
    const std::uint64_t v = bit1(i, 31) ? cx.X(rt(i)) : cx.W(rt(i));
    if ((v == 0) != bit1(i, 24)) cx.next_pc = target(cx, imm19(i));
}
std::string disCbz(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, #{}", bit1(i, 24) ? "cbnz" : "cbz", regName(rt(i), bit1(i, 31)),
                       imm19(i));
}

unsigned tbBit(std::uint32_t i) {
    return (bits(i, 31, 31) << 5) | bits(i, 23, 19);
}
void execTbz(ExecContext& cx, std::uint32_t i) {
    const bool set = ((cx.X(rt(i)) >> tbBit(i)) & 1) != 0;
    if (set == bit1(i, 24)) cx.next_pc = target(cx, imm14(i));
}
std::string disTbz(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, #{}, #{}", bit1(i, 24) ? "tbnz" : "tbz",
                       regName(rt(i), bit1(i, 31)), tbBit(i), imm14(i));
}

void execBranchReg(ExecContext& cx, std::uint32_t i) {
    const std::uint64_t dest = cx.X(rn(i));
    if (bits(i, 22, 21) == 1) cx.setX(30, cx.pc() + 4); // BLR
    cx.next_pc = dest;
}
std::string disBranchReg(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 22, 21);
    if (opc == 2 && rn(i) == 30) return "ret";
    const char* mn = opc == 0 ? "br" : opc == 1 ? "blr" : "ret";
    return fmt::format("{}\t{}", mn, regName(rn(i), true));
}

// clang-format off
const InsnDef kBranchInsns[] = {
    withFast(insn("x 00101 xxxxxxxxxxxxxxxxxxxxxxxxxx", "B_BL_only_branch_imm", execB, disB, T::Branch), fastB),
    withFast(insn("0101010 0 xxxxxxxxxxxxxxxxxxx 0 xxxx", "B_only_condbranch", execBCond, disBCond, T::Branch), fastBCond),
    withFast(insn("x 011010 x xxxxxxxxxxxxxxxxxxx xxxxx", "CBZ_CBNZ_compbranch", execCbz, disCbz, T::Branch), fastCbz),
    withFast(insn("x 011011 x xxxxx xxxxxxxxxxxxxx xxxxx", "TBZ_TBNZ_testbranch", execTbz, disTbz, T::Branch), fastTbz),
    withFast(insn("1101011 0 0xx 11111 000000 xxxxx 00000", "BR_BLR_RET_branch_reg", execBranchReg, disBranchReg, T::Branch,
         [](std::uint32_t i) { return bits(i, 22, 21) != 3; }), fastBranchReg),
};
// clang-format on

} // namespace

std::span<const InsnDef> branchInsns() {
    return kBranchInsns;
}

} // namespace svesim::isa
