// The specialisers of the rows that have fast forms (fast_exec.h), and what they share.
#pragma once

#include "svesim/isa/fast_exec.h"

#include <cstdint>

namespace svesim::isa {

// fast_int.cpp
FastFn fastAdr(std::uint32_t insn, FastOps& ops);
FastFn fastAdrp(std::uint32_t insn, FastOps& ops);
FastFn fastAddSubImm(std::uint32_t insn, FastOps& ops);
FastFn fastAddSubShifted(std::uint32_t insn, FastOps& ops);
FastFn fastLogicalImm(std::uint32_t insn, FastOps& ops);
FastFn fastLogicalReg(std::uint32_t insn, FastOps& ops);
FastFn fastMoveWide(std::uint32_t insn, FastOps& ops);
FastFn fastBitfield(std::uint32_t insn, FastOps& ops);
FastFn fastCondSelect(std::uint32_t insn, FastOps& ops);
FastFn fastAddSubExt(std::uint32_t insn, FastOps& ops);
FastFn fastCondCompare(std::uint32_t insn, FastOps& ops);
FastFn fastMulAdd(std::uint32_t insn, FastOps& ops);
FastFn fastHint(std::uint32_t insn, FastOps& ops); // (a system row: the NOP hints)
// fast_branch.cpp
FastFn fastB(std::uint32_t insn, FastOps& ops);
FastFn fastBCond(std::uint32_t insn, FastOps& ops);
FastFn fastCbz(std::uint32_t insn, FastOps& ops);
FastFn fastTbz(std::uint32_t insn, FastOps& ops);
FastFn fastBranchReg(std::uint32_t insn, FastOps& ops);
// fast_ldst.cpp
FastFn fastLdStUnsigned(std::uint32_t insn, FastOps& ops);
FastFn fastLdStImm9(std::uint32_t insn, FastOps& ops);
FastFn fastLdStPair(std::uint32_t insn, FastOps& ops);
FastFn fastLdStRegOffset(std::uint32_t insn, FastOps& ops);
// fast_sve_ldst.cpp
FastFn fastSveLdrStr(std::uint32_t insn, FastOps& ops);

namespace fast {

// The handler F::fn<B...> for run-time flags: one instantiation per combination, so that each
// handler is compiled for its form (operand size, operation, shift type, SP or not).
template <class F, bool... Bs>
FastFn pick() {
    return &F::template fn<Bs...>;
}
template <class F, bool... Bs, class... Rest>
FastFn pick(bool b, Rest... rest) {
    return b ? pick<F, Bs..., true>(rest...) : pick<F, Bs..., false>(rest...);
}

// A destination register where 31 is the zero register: writes go to the sink.
constexpr std::uint8_t dest(unsigned r) {
    return static_cast<std::uint8_t>(r == 31 ? kFastSink : r);
}
constexpr unsigned width(bool is64) {
    return is64 ? 64 : 32;
}

} // namespace fast
} // namespace svesim::isa
