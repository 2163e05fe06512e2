// Data and Instruction Aborts from translation, alignment and External aborts: their routing and
// syndrome (ARM-M D1.4.5 "Synchronous exception routing", D24.2.45 ESR_ELx ISS for EC 0x20,
// 0x21, 0x24, 0x25; SAIL AArch64_Abort, AArch64_DataAbort, AArch64_InstructionAbort).
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/exceptions/exception_record.h"

#include <cstdint>
#include <optional>

namespace svesim {

// The fault fields the syndrome and the routing need (the pseudocode's FaultRecord).
struct AbortDesc {
    std::uint8_t fsc = 0;  // DFSC/IFSC (long-descriptor format)
    bool write = false;    // WnR
    bool stage2 = false;   // a stage 2 fault (also one on a stage 1 walk): taken to EL2
    bool s1ptw = false;    // a stage 2 fault on a stage 1 translation table walk
    bool external = false; // a synchronous External abort (SCR_EL3.EA may route it to EL3)
    bool cm = false;       // from a cache maintenance or address translation instruction
    std::optional<std::uint64_t> hpfar; // HPFAR_EL2 (the faulting IPA) of a stage 2 fault
    // ISS[24:14] (ISV, SAS, SSE, SRT, SF, AR) of the instruction, reported only for a stage 2
    // Data Abort taken to EL2 that is not on a stage 1 walk (ESR_ELx.ISV rule); 0 = not valid.
    std::uint32_t insn_syndrome = 0;
};

// Long-descriptor fault status codes used outside the MMU.
inline constexpr std::uint8_t kFscAlignment = 0x21, kFscExternal = 0x10;

// Where an abort is taken (AArch64.Abort): EL3 for an External abort with SCR_EL3.EA = 1; EL2
// from EL0/EL1 with EL2 enabled for a stage 2 fault or HCR_EL2.TGE = 1; else EL1 from EL0, the
// current EL above.
EL AbortTarget(const CpuState& s, const AbortDesc& a);
// ESR ISS for a Data Abort (EC 0x24/0x25) and an Instruction Abort (EC 0x20/0x21) to `target`.
std::uint32_t DataAbortISS(const AbortDesc& a, EL target);
std::uint32_t InstructionAbortISS(const AbortDesc& a);

// The exception for an abort at virtual address `va` (FAR_ELx), preferred return = this
// instruction; HPFAR_EL2 with the IPA for stage 2 faults taken to EL2.
ExceptionEntry AArch64_DataAbort(const CpuState& s, std::uint64_t va, const AbortDesc& a);
ExceptionEntry AArch64_InstructionAbort(const CpuState& s, std::uint64_t va, const AbortDesc& a);

} // namespace svesim
