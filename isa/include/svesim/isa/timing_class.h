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
    SveAlu,
    SvePred,
    SveLdrStrZ,
    SveLdrStrP,
    SveContigLdSt,
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

} // namespace svesim::isa
