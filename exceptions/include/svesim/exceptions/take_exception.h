// AArch64.TakeException and AArch64.ExceptionReturn with the PSTATE <-> SPSR conversions
// (arch-rules §4.1, §4.3, §4.4; R13-R17, R20).
#pragma once

#include "svesim/exceptions/arch_state.h"
#include "svesim/exceptions/exception_record.h"

#include <cstdint>

namespace svesim {

// GetPSRFromPSTATE for an AArch64 source: N Z C V [31:28], UAO[23], PAN[22], SS[21], IL[20],
// D A I F [9:6], M[4]=0, M[3:2]=EL, M[0]=SP.
std::uint64_t GetPSRFromPSTATE(const PState& p);

// The vector offset within VBAR_ELx for `e` (R16): the type's base, plus 0x400 from a lower
// AArch64 EL (0x600 from a lower AArch32 one), or 0x200 at the same EL with SP_ELx.
std::uint64_t VectorOffset(const CpuState& s, const ExceptionEntry& e);

// AArch64.TakeException: MaybeZeroSVEUppers before PSTATE changes, then SPSR, ELR, ESR, FAR,
// PSTATE (EL, SP=1, DAIF=1111, IL=0, SS=0, PAN per SPAN, UAO=0) and the jump to the vector.
// Reports the exception and any VL change.
void AArch64_TakeException(ArchState& st, const ExceptionEntry& e);

// IllegalExceptionReturn(spsr): the conditions of arch-rules §4.4. R20
bool IllegalExceptionReturn(const CpuState& s, std::uint64_t spsr);
// SetPSTATEFromPSR(spsr, illegal): on an illegal return PSTATE.IL is set and EL and SP stay.
void SetPSTATEFromPSR(CpuState& s, std::uint64_t spsr, bool illegal);

// AArch64.ExceptionReturn (ERET at EL1-EL3; ERET at EL0 is UNDEFINED and never reaches here):
// PSTATE from SPSR_ELx, PC = ELR_ELx. No SVE state changes (R15) except under the qemu policy.
// Returns whether the return was illegal.
bool AArch64_ExceptionReturn(ArchState& st);

} // namespace svesim
