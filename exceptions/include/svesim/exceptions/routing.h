// Where each exception is taken (arch-rules §4.2; R18, R19): SVC, HVC, SMC, UNDEFINED, BRK,
// aborts, alignment faults, illegal state, and physical IRQ/FIQ/SError with their masking.
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/exceptions/exception_record.h"

#include <optional>

namespace svesim {

// route_to_el2 of the pseudocode's synchronous exceptions (AArch64.UndefinedFault,
// AArch64.AdvSIMDFPAccessTrap, SVEAccessTrap, AArch64.WFxTrap, ...): one that would be taken to
// EL1 goes to EL2 instead when EL2 is enabled and HCR_EL2.TGE == 1. R10, R18
bool RouteToEL2ByTGE(const CpuState& s, EL target_el);
// The target of most synchronous exceptions (ARM-M D1.4.5.1): from EL0 to EL1, or to EL2 by
// RouteToEL2ByTGE; from a higher EL to that EL.
EL SynchronousExceptionTarget(const CpuState& s);

// AArch64.UndefinedFault: EC 0x00, preferred return = this instruction.
ExceptionEntry AArch64_UndefinedFault(const CpuState& s);
// AArch64.CallSupervisor (SVC #imm16): EC 0x15, preferred return = next instruction.
ExceptionEntry AArch64_CallSupervisor(const CpuState& s, std::uint16_t imm16);
// HVC #imm16: UNDEFINED at EL0, without EL2, at EL1 while EL2 is disabled, or when disabled by
// SCR_EL3.HCE == 0 (with EL3) / HCR_EL2.HCD == 1 (without); otherwise EC 0x16 to EL2 (EL3 from
// EL3), preferred return = next instruction.
ExceptionEntry AArch64_HypervisorCall(const CpuState& s, std::uint16_t imm16);
// SMC #imm16 (AArch64.CheckForSMCUndefOrTrap, then AArch64.CallSecureMonitor): UNDEFINED at EL0;
// trapped to EL2 by HCR_EL2.TSC from EL1 (EC 0x17, this instruction); UNDEFINED when
// SCR_EL3.SMD == 1 or without EL3; else EC 0x17 to EL3, next instruction.
ExceptionEntry AArch64_SecureMonitorCall(const CpuState& s, std::uint16_t imm16);
// BRK #imm16: EC 0x3C, ISS = imm16, this instruction.
ExceptionEntry AArch64_SoftwareBreakpoint(const CpuState& s, std::uint16_t imm16);
// The Illegal Execution state exception (PSTATE.IL == 1): EC 0x0E, this instruction. R20
ExceptionEntry AArch64_IllegalStateException(const CpuState& s);
// AArch64.WFxTrap: EC 0x01, ISS = ConditionSyndrome | TI (0 WFI, 1 WFE), this instruction; a
// target of EL1 goes to EL2 by RouteToEL2ByTGE.
ExceptionEntry AArch64_WFxTrap(const CpuState& s, EL target_el, bool wfe);
// AArch64.SystemAccessTrap(target_el, ec) for a trapped MRS/MSR; ISS as ARM-M D24.2.45.
ExceptionEntry AArch64_SystemAccessTrap(const CpuState& s, EL target, Exception type,
                                        std::uint32_t iss);
// Synchronous External abort on a data access (DFSC 0b010000) or instruction fetch.
ExceptionEntry AArch64_DataAbortExternal(const CpuState& s, std::uint64_t vaddress, bool write);
ExceptionEntry AArch64_InstructionAbortExternal(const CpuState& s, std::uint64_t vaddress);
// PC alignment fault (EC 0x22, FAR = the misaligned PC) and SP alignment fault (EC 0x26).
ExceptionEntry AArch64_PCAlignmentFault(const CpuState& s);
ExceptionEntry AArch64_SPAlignmentFault(const CpuState& s);

enum class InterruptKind : std::uint8_t { IRQ, FIQ, SError };

// The EL a physical interrupt targets (SCR_EL3.IRQ/FIQ/EA, HCR_EL2.IMO/FMO/AMO/TGE). R19
EL PhysicalInterruptTarget(const CpuState& s, InterruptKind k);
// Whether a pending interrupt with that target is masked now (ARM-M D1.4.6 masking tables):
// target below the current EL: not taken; same EL: PSTATE.I/F/A; above: not maskable, except
// a target of EL1 (from EL0) and of EL2 from a VHE host EL0 (E2H=TGE=1). R19
bool InterruptMasked(const CpuState& s, InterruptKind k, EL target);
// The exception to take for a pending interrupt, or nothing while it is masked.
std::optional<ExceptionEntry> TakePhysicalInterrupt(const CpuState& s, InterruptKind k);

// Whether a virtual IRQ/FIQ can be signalled now: EL2 enabled, HCR_EL2.IMO/FMO = 1,
// HCR_EL2.TGE = 0 and the PE at EL0 or EL1 (ARM-M D1.3.6 "Virtual interrupts"). R23
bool VirtualInterruptSignalled(const CpuState& s, InterruptKind k);
// Whether a virtual IRQ/FIQ is pending: HCR_EL2.VI/VF, or the PE's vIRQ/vFIQ input (the
// interrupt controller's virtual CPU interface) asserted. R23 (Inline: the processor asks
// before every instruction.)
inline bool VirtualInterruptPending(const CpuState& s, InterruptKind k, bool input_level) {
    return input_level || bitSet(s.hcr(), k == InterruptKind::IRQ ? hcr::VI : hcr::VF);
}
// AArch64.TakeVirtualIRQException / AArch64.TakeVirtualFIQException: a signalled, pending and
// unmasked (PSTATE.I/F) virtual interrupt is taken to EL1 with the IRQ/FIQ vector offset. R23
std::optional<ExceptionEntry> TakeVirtualInterrupt(const CpuState& s, InterruptKind k,
                                                   bool input_level);

} // namespace svesim
