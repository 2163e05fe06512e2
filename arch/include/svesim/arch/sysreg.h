// The system-register table: encoding, name, reset value, RES0/RES1/RAZ-WI masks and access rule
// for every register svesim implements (arch-rules.md §1.3, §2, ARM-M D24.2).
#pragma once

#include "svesim/arch/types.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace svesim {

enum class SysReg : std::uint8_t {
    // PSTATE views and special-purpose registers
    CurrentEL,
    DAIF,
    NZCV,
    SPSel,
    SP_EL0,
    SP_EL1,
    SP_EL2,
    // Exception-handling registers
    ELR_EL1,
    ELR_EL2,
    ELR_EL3,
    SPSR_EL1,
    SPSR_EL2,
    SPSR_EL3,
    ESR_EL1,
    ESR_EL2,
    ESR_EL3,
    FAR_EL1,
    FAR_EL2,
    FAR_EL3,
    VBAR_EL1,
    VBAR_EL2,
    VBAR_EL3,
    SCTLR_EL1,
    SCTLR_EL2,
    SCTLR_EL3,
    RVBAR_EL1,
    RVBAR_EL2,
    RVBAR_EL3,
    // Hypervisor and secure-monitor configuration
    HCR_EL2,
    SCR_EL3,
    VTTBR_EL2,
    VTCR_EL2,
    // Enables and vector-length controls
    CPACR_EL1,
    CPTR_EL2,
    CPTR_EL3,
    ZCR_EL1,
    ZCR_EL2,
    ZCR_EL3,
    // Thread ID registers
    TPIDR_EL0,
    TPIDRRO_EL0,
    TPIDR_EL1,
    TPIDR_EL2,
    TPIDR_EL3,
    // Context ID (Linux with CONFIG_PID_IN_CONTEXTIDR writes the running task's PID here)
    CONTEXTIDR_EL1,
    CONTEXTIDR_EL2,
    // Identification
    MIDR_EL1,
    MPIDR_EL1,
    ID_AA64PFR0_EL1,
    ID_AA64ZFR0_EL1,
    ID_AA64MMFR0_EL1,
    ID_AA64MMFR1_EL1,
    // Generic timer (frequency and virtual count only)
    CNTFRQ_EL0,
    CNTVCT_EL0,
    // Floating point
    FPCR,
    FPSR,
    // FEAT_VHE aliases: at EL2/EL3 with HCR_EL2.E2H=1 these names reach the EL1 registers
    ZCR_EL12,
    CPACR_EL12,
    ELR_EL12,
    SPSR_EL12,
    ESR_EL12,
    FAR_EL12,
    VBAR_EL12,
    SCTLR_EL12,
    CONTEXTIDR_EL12,
    // Translation (mmuwire): the registers of the translation regimes (TTBR/TCR/MAIR/AMAIR of
    // EL1, EL2 and EL3), PAR_EL1 for AT, HPFAR_EL2 for stage 2 faults, and their VHE aliases
    TTBR0_EL1,
    TTBR1_EL1,
    TCR_EL1,
    MAIR_EL1,
    AMAIR_EL1,
    PAR_EL1,
    TTBR0_EL2,
    TTBR1_EL2,
    TCR_EL2,
    MAIR_EL2,
    AMAIR_EL2,
    HPFAR_EL2,
    TTBR0_EL3,
    TCR_EL3,
    MAIR_EL3,
    AMAIR_EL3,
    TTBR0_EL12,
    TTBR1_EL12,
    TCR_EL12,
    MAIR_EL12,
    AMAIR_EL12,
    // end Translation (mmuwire)
    Count
};
inline constexpr std::size_t kSysRegCount = static_cast<std::size_t>(SysReg::Count);

// op0:op1:CRn:CRm:op2 as in MRS/MSR (register) encodings.
struct SysRegEncoding {
    std::uint8_t op0, op1, crn, crm, op2;
    [[nodiscard]] constexpr std::uint16_t key() const {
        return static_cast<std::uint16_t>((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) |
                                          op2);
    }
    friend constexpr bool operator==(const SysRegEncoding&, const SysRegEncoding&) = default;
};

// The access rule a register name follows, beyond its minimum Exception level.
enum class SysRegGate : std::uint8_t {
    None,
    DaifEl0,     // DAIF at EL0: EC 0x18 trap unless SCTLR_EL1.UMA (SCTLR_EL2.UMA in host)
    SpSel0,      // SP_EL0 from EL1+: UNDEFINED while PSTATE.SP == 0
    El0ReadOnly, // TPIDRRO_EL0: EL0 may read but not write
    Zcr,         // ZCR_ELx: only ZEN/TZ/EZ gate, EC 0x19 (arch-rules §2.5)
    Cpacr,       // CPACR_EL1: CPTR_EL2.TCPAC / CPTR_EL3.TCPAC traps, EC 0x18
    Cptr2,       // CPTR_EL2 from EL2: CPTR_EL3.TCPAC trap, EC 0x18
    Fp,          // FPCR/FPSR: CheckFPAdvSIMDEnabled (EC 0x07)
    HighestOnly, // RVBAR_ELx exists only for the highest implemented EL
    CntfrqWrite, // CNTFRQ_EL0: writable only at the highest implemented EL
    El12Alias,   // *_EL12: UNDEFINED unless at EL2/EL3 with ELIsInHost(EL2)
};

enum class SysRegRw : std::uint8_t { ReadWrite, ReadOnly };

struct SysRegInfo {
    SysReg id;
    std::string_view name;
    SysRegEncoding enc;
    EL min_el;   // below this EL the access is UNDEFINED
    EL needs_el; // the register exists only when this EL is implemented
    SysRegRw rw;
    SysRegGate gate;
    SysReg storage;                   // the register whose value this name reads or writes
    std::optional<SysReg> e2h_at_el2; // FEAT_VHE: at EL2 with E2H=1 this name reaches that one
    std::uint64_t res0;               // RES0: writes ignored, reads zero
    std::uint64_t res1;               // RES1: reads one
    std::uint64_t raz_wi;             // RAZ/WI: reads zero, writes ignored
    std::uint64_t reset;              // svesim's reset value (documented in docs/sysregs.md)
    bool reset_unknown;               // architecturally UNKNOWN at reset: the value is configurable
};

// The whole table, in SysReg order.
std::span<const SysRegInfo> sysRegTable();
const SysRegInfo& sysRegInfo(SysReg r);
std::optional<SysReg> sysRegByEncoding(SysRegEncoding enc);
std::optional<SysReg> sysRegByName(std::string_view name); // case-insensitive
inline std::string_view name(SysReg r) {
    return sysRegInfo(r).name;
}

// Named fields used by more than one layer (ARM-M D24.2).
namespace hcr {
inline constexpr unsigned VM = 0, FMO = 3, IMO = 4, AMO = 5, VF = 6, VI = 7, TSC = 19, TGE = 27,
                          HCD = 29, RW = 31, E2H = 34;
}
namespace scr {
inline constexpr unsigned NS = 0, IRQ = 1, FIQ = 2, EA = 3, SMD = 7, HCE = 8, RW = 10;
}
namespace cptr {
inline constexpr unsigned TZ = 8, TFP = 10, EZ = 8, TCPAC = 31;
inline constexpr unsigned ZEN_HI = 17, ZEN_LO = 16, FPEN_HI = 21, FPEN_LO = 20;
inline constexpr std::uint64_t kEl2Res1E2H0 = 0x32FF; // bits 13:12, 9, 7:0 (no SME)
} // namespace cptr
namespace sctlr {
inline constexpr unsigned UMA = 9, SPAN = 23;
}

} // namespace svesim
