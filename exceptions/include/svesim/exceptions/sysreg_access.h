// MRS and MSR (register): which register an encoding reaches at the current EL, or which
// exception the access takes (UNDEFINED, EC 0x18, EC 0x19, EC 0x07); then the read or write
// with its side effects (arch-rules §1.3, §2.5; R4-R7).
#pragma once

#include "svesim/exceptions/arch_state.h"
#include "svesim/exceptions/exception_record.h"

#include <cstdint>
#include <variant>

namespace svesim {

enum class SysRegDirection : std::uint8_t { Read, Write }; // MRS, MSR

// The ISS of a trapped MSR/MRS (EC 0x18): Op0[21:20] Op2[19:17] Op1[16:14] CRn[13:10]
// Rt[9:5] CRm[4:1] Direction[0] (1 = read).
std::uint32_t SystemRegisterTrapIss(SysRegEncoding enc, unsigned rt, SysRegDirection dir);

// Either the register the access reaches (after FEAT_VHE redirection and _EL12 aliasing) or
// the exception it takes instead.
using SysRegAccess = std::variant<SysReg, ExceptionEntry>;
SysRegAccess CheckSysRegAccess(const CpuState& s, SysRegEncoding enc, SysRegDirection dir,
                               unsigned rt);

// The value an MRS of `r` (as resolved by CheckSysRegAccess) returns. `virtual_count` is the
// value of the virtual counter for CNTVCT_EL0.
std::uint64_t ReadSysReg(const ArchState& st, SysReg r, std::uint64_t virtual_count = 0);
// An MSR of `r`: updates PSTATE views or the stored register, reports the write, and applies
// the SVE consequences of ZCR_ELx writes (R5: the new VL applies to the next instruction).
void WriteSysReg(ArchState& st, SysReg r, std::uint64_t value);

} // namespace svesim
