#include "svesim/exceptions/abort.h"

#include "svesim/arch/el_predicates.h"

namespace svesim {

// SAIL AArch64_Abort: route_to_el3 (SCR_EL3.EA and an External abort), route_to_el2 (EL2
// enabled, EL0/EL1, and TGE or a second stage fault); otherwise the usual synchronous target.
EL AbortTarget(const CpuState& s, const AbortDesc& a) {
    const EL el = s.pstate.el;
    if (HaveEL(s, EL::EL3) && a.external && bitSet(s.scr(), scr::EA)) return EL::EL3;
    const bool low = el == EL::EL0 || el == EL::EL1;
    if (low && EL2Enabled(s) && (a.stage2 || bitSet(s.hcr(), hcr::TGE))) return EL::EL2;
    return el == EL::EL0 ? EL::EL1 : el;
}

// ARM-M D24.2.45, ISS encoding for an exception from a Data Abort: ISV..AR only for stage 2
// faults taken to EL2 (not on a stage 1 walk); EA [9] is 0 (no IMPLEMENTATION DEFINED External
// abort type); CM [8]; S1PTW [7]; WnR [6]; DFSC [5:0].
std::uint32_t DataAbortISS(const AbortDesc& a, EL target) {
    std::uint32_t iss = a.fsc & 0x3FU;
    if (a.stage2 && !a.s1ptw && target == EL::EL2) iss |= a.insn_syndrome & 0x01FF'C000U;
    if (a.cm) iss |= 1U << 8;
    if (a.s1ptw) iss |= 1U << 7;
    if (a.write || a.cm) iss |= 1U << 6; // WnR is 1 for cache maintenance and AT faults
    return iss;
}

std::uint32_t InstructionAbortISS(const AbortDesc& a) {
    return (a.fsc & 0x3FU) | (a.s1ptw ? 1U << 7 : 0U);
}

namespace {
ExceptionEntry abortEntry(const CpuState& s, Exception type, std::uint32_t iss, EL target,
                          std::uint64_t va, const AbortDesc& a) {
    ExceptionRecord r{type, iss, va};
    if (a.stage2) r.hpfar = a.hpfar;
    return ExceptionEntry{r, target, s.pc};
}
} // namespace

ExceptionEntry AArch64_DataAbort(const CpuState& s, std::uint64_t va, const AbortDesc& a) {
    const EL target = AbortTarget(s, a);
    return abortEntry(s, Exception::DataAbort, DataAbortISS(a, target), target, va, a);
}

ExceptionEntry AArch64_InstructionAbort(const CpuState& s, std::uint64_t va, const AbortDesc& a) {
    return abortEntry(s, Exception::InstructionAbort, InstructionAbortISS(a), AbortTarget(s, a), va,
                      a);
}

} // namespace svesim
