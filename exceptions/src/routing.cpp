#include "svesim/exceptions/routing.h"

#include "svesim/arch/el_predicates.h"

namespace svesim {
namespace {

ExceptionEntry entry(Exception type, std::uint32_t iss, EL target, std::uint64_t ret,
                     std::optional<std::uint64_t> va = std::nullopt) {
    return ExceptionEntry{ExceptionRecord{type, iss, va}, target, ret};
}

} // namespace

// R10, R18 (ARM-M D1.4.5.1; SAIL route_to_el2 in AArch64_UndefinedFault and the traps).
bool RouteToEL2ByTGE(const CpuState& s, EL target_el) {
    return target_el == EL::EL1 && EL2Enabled(s) && bitSet(s.hcr(), hcr::TGE);
}

EL SynchronousExceptionTarget(const CpuState& s) {
    if (s.pstate.el != EL::EL0) return s.pstate.el;
    return RouteToEL2ByTGE(s, EL::EL1) ? EL::EL2 : EL::EL1;
}

// R18 (SAIL AArch64_UndefinedFault).
ExceptionEntry AArch64_UndefinedFault(const CpuState& s) {
    return entry(Exception::Uncategorized, 0, SynchronousExceptionTarget(s), s.pc);
}

// R18 (SAIL AArch64_CallSupervisor).
ExceptionEntry AArch64_CallSupervisor(const CpuState& s, std::uint16_t imm16) {
    return entry(Exception::SupervisorCall, imm16, SynchronousExceptionTarget(s), s.pc + 4);
}

// R18 (SAIL execute_HVC / AArch64_CallHypervisor).
ExceptionEntry AArch64_HypervisorCall(const CpuState& s, std::uint16_t imm16) {
    const EL el = s.pstate.el;
    if (el == EL::EL0 || !HaveEL(s, EL::EL2) || (el == EL::EL1 && !EL2Enabled(s)))
        return AArch64_UndefinedFault(s);
    const bool enabled =
        HaveEL(s, EL::EL3) ? bitSet(s.scr(), scr::HCE) : !bitSet(s.hcr(), hcr::HCD);
    if (!enabled) return AArch64_UndefinedFault(s);
    return entry(Exception::HypervisorCall, imm16, el == EL::EL3 ? EL::EL3 : EL::EL2, s.pc + 4);
}

// R18 (SAIL AArch64_CheckForSMCUndefOrTrap, AArch64_CallSecureMonitor).
ExceptionEntry AArch64_SecureMonitorCall(const CpuState& s, std::uint16_t imm16) {
    const EL el = s.pstate.el;
    if (el == EL::EL0) return AArch64_UndefinedFault(s);
    // HCR_EL2.TSC traps SMC from EL1 to EL2, whatever SCR_EL3.SMD says. Without EL3 the trap
    // needs FEAT_NV (not implemented), so there SMC is UNDEFINED.
    if (HaveEL(s, EL::EL3) && el == EL::EL1 && EL2Enabled(s) && bitSet(s.hcr(), hcr::TSC))
        return entry(Exception::MonitorCall, imm16, EL::EL2, s.pc);
    if (!HaveEL(s, EL::EL3) || bitSet(s.scr(), scr::SMD)) return AArch64_UndefinedFault(s);
    return entry(Exception::MonitorCall, imm16, EL::EL3, s.pc + 4);
}

ExceptionEntry AArch64_SoftwareBreakpoint(const CpuState& s, std::uint16_t imm16) {
    return entry(Exception::SoftwareBreakpoint, imm16, SynchronousExceptionTarget(s), s.pc);
}

// R20: the exception the next instruction takes after an illegal exception return.
ExceptionEntry AArch64_IllegalStateException(const CpuState& s) {
    return entry(Exception::IllegalState, 0, SynchronousExceptionTarget(s), s.pc);
}

// SAIL AArch64_WFxTrap.
ExceptionEntry AArch64_WFxTrap(const CpuState& s, EL target_el, bool wfe) {
    const EL target = RouteToEL2ByTGE(s, target_el) ? EL::EL2 : target_el;
    return entry(Exception::WFxTrap, ConditionSyndrome() | (wfe ? 1U : 0U), target, s.pc);
}

ExceptionEntry AArch64_SystemAccessTrap(const CpuState& s, EL target, Exception type,
                                        std::uint32_t iss) {
    return entry(type, iss, target, s.pc);
}

ExceptionEntry AArch64_DataAbortExternal(const CpuState& s, std::uint64_t vaddress, bool write) {
    // ISS: ISV=0, EA=0, WnR[6], DFSC[5:0] = 0b010000 (synchronous External abort).
    const std::uint32_t iss = (write ? 1U << 6 : 0U) | 0x10U;
    return entry(Exception::DataAbort, iss, SynchronousExceptionTarget(s), s.pc, vaddress);
}

ExceptionEntry AArch64_InstructionAbortExternal(const CpuState& s, std::uint64_t vaddress) {
    return entry(Exception::InstructionAbort, 0x10, SynchronousExceptionTarget(s), s.pc, vaddress);
}

ExceptionEntry AArch64_PCAlignmentFault(const CpuState& s) {
    return entry(Exception::PCAlignment, 0, SynchronousExceptionTarget(s), s.pc, s.pc);
}

ExceptionEntry AArch64_SPAlignmentFault(const CpuState& s) {
    return entry(Exception::SPAlignment, 0, SynchronousExceptionTarget(s), s.pc);
}

// R19 (SAIL AArch64_TakePhysicalIRQException / FIQ / SError routing).
EL PhysicalInterruptTarget(const CpuState& s, InterruptKind k) {
    const unsigned scr_bit = k == InterruptKind::IRQ   ? scr::IRQ
                             : k == InterruptKind::FIQ ? scr::FIQ
                                                       : scr::EA;
    const unsigned hcr_bit = k == InterruptKind::IRQ   ? hcr::IMO
                             : k == InterruptKind::FIQ ? hcr::FMO
                                                       : hcr::AMO;
    if (HaveEL(s, EL::EL3) && bitSet(s.scr(), scr_bit)) return EL::EL3;
    const EL el = s.pstate.el;
    const bool lower = el == EL::EL0 || el == EL::EL1;
    if ((lower && EL2Enabled(s) && (bitSet(s.hcr(), hcr::TGE) || bitSet(s.hcr(), hcr_bit))) ||
        el == EL::EL2)
        return EL::EL2;
    if (el == EL::EL3) return EL::EL1; // below EL3: stays pending until EL3 returns
    return EL::EL1;
}

bool InterruptMasked(const CpuState& s, InterruptKind k, EL target) {
    const EL el = s.pstate.el;
    if (toUnsigned(target) < toUnsigned(el)) return true;
    const bool pstate_mask = k == InterruptKind::IRQ   ? s.pstate.i
                             : k == InterruptKind::FIQ ? s.pstate.f
                                                       : s.pstate.a;
    if (target == el) return pstate_mask;
    // A higher target is not maskable by PSTATE, except EL1 (the EL0/EL1 pair shares its masks)
    // and EL2 for a VHE host EL0.
    if (target == EL::EL1) return pstate_mask;
    if (target == EL::EL2 && bitSet(s.hcr(), hcr::E2H) && bitSet(s.hcr(), hcr::TGE))
        return pstate_mask;
    return false;
}

std::optional<ExceptionEntry> TakePhysicalInterrupt(const CpuState& s, InterruptKind k) {
    const EL target = PhysicalInterruptTarget(s, k);
    if (InterruptMasked(s, k, target)) return std::nullopt;
    const Exception type = k == InterruptKind::IRQ   ? Exception::IRQ
                           : k == InterruptKind::FIQ ? Exception::FIQ
                                                     : Exception::SError;
    // SError ISS: IDS=0, AET/DFSC "uncategorized" (0).
    return entry(type, 0, target, s.pc);
}

// R23 (SAIL AArch64_TakeVirtualIRQException: assert EL2Enabled, PSTATE.EL in {EL0, EL1},
// HCR_EL2.TGE = 0 and HCR_EL2.IMO = 1; FIQ likewise with FMO). SError (HCR_EL2.VSE) is not
// modelled: its syndrome needs FEAT_RAS's VSESR_EL2.
bool VirtualInterruptSignalled(const CpuState& s, InterruptKind k) {
    if (k == InterruptKind::SError) return false;
    const EL el = s.pstate.el;
    if ((el != EL::EL0 && el != EL::EL1) || !EL2Enabled(s)) return false;
    const std::uint64_t hcr = s.hcr();
    return !bitSet(hcr, hcr::TGE) && bitSet(hcr, k == InterruptKind::IRQ ? hcr::IMO : hcr::FMO);
}

std::optional<ExceptionEntry> TakeVirtualInterrupt(const CpuState& s, InterruptKind k,
                                                   bool input_level) {
    if (!VirtualInterruptSignalled(s, k) || !VirtualInterruptPending(s, k, input_level))
        return std::nullopt;
    if (k == InterruptKind::IRQ ? s.pstate.i : s.pstate.f) return std::nullopt;
    return entry(k == InterruptKind::IRQ ? Exception::VirtualIRQ : Exception::VirtualFIQ, 0,
                 EL::EL1, s.pc);
}

} // namespace svesim
