// The timing classes instructions are partitioned into (gem5 op-class style); costs per class
// live in model/ (docs/timing.md).
#pragma once

#include <cstdint>
#include <string_view>

namespace svesim::isa {

enum class TimingClass : std::uint8_t {
    IntAlu,
    IntMul,
    IntDiv,
    Branch,
    Load,
    Store,
    FpSimd,
    FpDivSqrt, // scalar and AdvSIMD FDIV, FSQRT: the iterative divider
    SveAlu,
    SveFpDivSqrt, // SVE FDIV, FDIVR, FSQRT
    SveIntDiv,    // SVE SDIV, UDIV, SDIVR, UDIVR
    SvePred,
    // The SVE memory classes, whose cost grows with VL (keep them together: model/timing.h).
    SveLdrStrZ,
    SveLdrStrP,
    SveContigLdSt,
    SveFirstFault, // contiguous LDFF1 (scalar plus scalar), LDNF1
    SveGather,     // gathers, first-fault gathers included: one access per element
    SveScatter,
    // The system classes come last (isSystemClass): keep them together at the end.
    Mrs,
    Msr,
    Barrier,
    ExceptionEntry,
    Eret,
    Wfi,
    Count
};
inline constexpr std::size_t kTimingClassCount = static_cast<std::size_t>(TimingClass::Count);

std::string_view name(TimingClass c);

// MRS/MSR, barriers, exception entry/return, WFI: instructions that may change PSTATE, routing,
// masks or an interrupt line, so the processor checks for interrupts after them.
constexpr bool isSystemClass(TimingClass c) {
    return c >= TimingClass::Mrs;
}

// The element size in bits (32 or 64) of an SVE gather (insn[31:29] = 100, 110) or scatter
// (111) encoding: how many accesses it makes at a VL, for the SveGather/SveScatter costs.
unsigned sveGatherScatterElementBits(std::uint32_t insn);

} // namespace svesim::isa
