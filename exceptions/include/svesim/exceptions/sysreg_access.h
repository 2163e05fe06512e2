// MRS and MSR (register): which register an encoding reaches at the current EL, or which
// exception the access takes (UNDEFINED, EC 0x18, EC 0x19, EC 0x07); then the read or write
// with its side effects (arch-rules §1.3, §2.5; R4-R7).
#pragma once

#include "svesim/exceptions/arch_state.h"
#include "svesim/exceptions/exception_record.h"

#include <cstdint>
#include <variant>

namespace svesim {

// The ISS of a trapped MSR/MRS (EC 0x18): Op0[21:20] Op2[19:17] Op1[16:14] CRn[13:10]
// Rt[9:5] CRm[4:1] Direction[0] (1 = read).
std::uint32_t SystemRegisterTrapIss(SysRegEncoding enc, unsigned rt, SysRegDirection dir);

// A read of the reserved ID register space (op0=3, op1=0, CRn=0, CRm=1..7 without a register):
// RAZ (ARM-M D17.2).
struct ReservedIdRegister {};

// Either the register the access reaches (after FEAT_VHE redirection, _EL12 aliasing and the
// VPIDR/VMPIDR/VDISR substitutions at EL1), a reserved ID register, or the exception it takes
// instead. The checks follow the registers' access pseudocode: UNDEFINED cases, the row's own
// rule (SysRegGate, e.g. the EL1 controls of EL0 accesses), the EL2 controls (HCR_EL2 TVM/TRVM,
// TID1-3, TACR, TERR, TLOR; MDCR_EL2 TDE/TDA/TDOSA/TDRA), then the EL3 controls (SCR_EL3
// TERR/TLOR; MDCR_EL3 TDA/TDOSA). Every trap is EC 0x18 with SystemRegisterTrapIss.
using SysRegAccess = std::variant<SysReg, ExceptionEntry, ReservedIdRegister>;
SysRegAccess CheckSysRegAccess(const CpuState& s, SysRegEncoding enc, SysRegDirection dir,
                               unsigned rt);

// The DAIF access check at EL0 (MRS/MSR DAIF and MSR DAIFSet/DAIFClr): EC 0x18 unless
// SCTLR[].UMA (SCTLR_EL2 in a VHE host), to EL1 or to EL2 by TGE.
std::optional<ExceptionEntry> DaifAccessTrap(const CpuState& s, std::uint32_t iss);

// ISR_EL1: the pending SError (A, bit 8), IRQ (I, 7) and FIQ (F, 6); at EL1 the virtual ones
// where HCR_EL2.AMO/IMO/FMO route the physical ones to EL2.
std::uint64_t InterruptStatus(const CpuState& s);
// DCZID_EL0: BS = 64-byte blocks; DZP when DC ZVA is prohibited at the current EL.
std::uint64_t DczidValue(const CpuState& s);

// The value an MRS of `r` (as resolved by CheckSysRegAccess) returns. `virtual_count` is the
// value of the virtual counter for CNTVCT_EL0.
std::uint64_t ReadSysReg(const ArchState& st, SysReg r, std::uint64_t virtual_count = 0);
// An MSR of `r`: updates PSTATE views or the stored register, reports the write, and applies
// the SVE consequences of ZCR_ELx writes (R5: the new VL applies to the next instruction).
void WriteSysReg(ArchState& st, SysReg r, std::uint64_t value);

} // namespace svesim
