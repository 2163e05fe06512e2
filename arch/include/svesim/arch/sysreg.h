// The system-register table: encoding, name, reset value, RES0/RES1/RAZ-WI masks and access rule
// for every register svesim implements (arch-rules.md §1.3, §2, ARM-M D24.2).
#pragma once

#include "svesim/arch/types.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace svesim {

enum class SysReg : std::uint16_t {
    // PSTATE views and special-purpose registers
    CurrentEL,
    DAIF,
    NZCV,
    SPSel,
    PAN, // FEAT_PAN: PSTATE.PAN
    UAO, // FEAT_UAO: PSTATE.UAO
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
    AFSR0_EL1,
    AFSR1_EL1,
    AFSR0_EL2,
    AFSR1_EL2,
    AFSR0_EL3,
    AFSR1_EL3,
    VBAR_EL1,
    VBAR_EL2,
    VBAR_EL3,
    SCTLR_EL1,
    SCTLR_EL2,
    SCTLR_EL3,
    ACTLR_EL1,
    ACTLR_EL2,
    ACTLR_EL3,
    RVBAR_EL1,
    RVBAR_EL2,
    RVBAR_EL3,
    ISR_EL1,
    // Hypervisor and secure-monitor configuration
    HCR_EL2,
    HACR_EL2,
    HSTR_EL2,
    MDCR_EL2,
    SCR_EL3,
    MDCR_EL3,
    VTTBR_EL2,
    VTCR_EL2,
    VPIDR_EL2,
    VMPIDR_EL2,
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
    REVIDR_EL1,
    AIDR_EL1,
    ID_AA64PFR0_EL1,
    ID_AA64PFR1_EL1,
    ID_AA64ZFR0_EL1,
    ID_AA64DFR0_EL1,
    ID_AA64DFR1_EL1,
    ID_AA64AFR0_EL1,
    ID_AA64AFR1_EL1,
    ID_AA64ISAR0_EL1,
    ID_AA64ISAR1_EL1,
    ID_AA64MMFR0_EL1,
    ID_AA64MMFR1_EL1,
    ID_AA64MMFR2_EL1,
    // AArch32 ID registers: AArch32 is not implemented at any EL, so they read as zero
    ID_PFR0_EL1,
    ID_PFR1_EL1,
    ID_DFR0_EL1,
    ID_AFR0_EL1,
    ID_MMFR0_EL1,
    ID_MMFR1_EL1,
    ID_MMFR2_EL1,
    ID_MMFR3_EL1,
    ID_ISAR0_EL1,
    ID_ISAR1_EL1,
    ID_ISAR2_EL1,
    ID_ISAR3_EL1,
    ID_ISAR4_EL1,
    ID_ISAR5_EL1,
    ID_MMFR4_EL1,
    MVFR0_EL1,
    MVFR1_EL1,
    MVFR2_EL1,
    // Cache identification
    CTR_EL0,
    CLIDR_EL1,
    CCSIDR_EL1,
    CSSELR_EL1,
    DCZID_EL0,
    // Generic timer: the counter-access controls are stored; the frequency, the counts and the
    // timers are device rows (the PE's model::GenericTimer, see SysRegDevice)
    CNTKCTL_EL1,
    CNTHCTL_EL2,
    CNTFRQ_EL0,
    CNTPCT_EL0,
    CNTVCT_EL0,
    CNTP_TVAL_EL0,
    CNTP_CTL_EL0,
    CNTP_CVAL_EL0,
    CNTV_TVAL_EL0,
    CNTV_CTL_EL0,
    CNTV_CVAL_EL0,
    CNTHP_TVAL_EL2,
    CNTHP_CTL_EL2,
    CNTHP_CVAL_EL2,
    CNTHV_TVAL_EL2, // FEAT_VHE: the EL2 virtual timer
    CNTHV_CTL_EL2,
    CNTHV_CVAL_EL2,
    CNTVOFF_EL2,
    CNTP_TVAL_EL02, // FEAT_VHE aliases of the EL0 timers from a VHE host
    CNTP_CTL_EL02,
    CNTP_CVAL_EL02,
    CNTV_TVAL_EL02,
    CNTV_CTL_EL02,
    CNTV_CVAL_EL02,
    // Floating point
    FPCR,
    FPSR,
    // FEAT_RAS without error records
    ERRIDR_EL1,
    ERRSELR_EL1,
    ERXFR_EL1,
    ERXCTLR_EL1,
    ERXSTATUS_EL1,
    ERXADDR_EL1,
    ERXMISC0_EL1,
    ERXMISC1_EL1,
    DISR_EL1,
    VDISR_EL2,
    VSESR_EL2,
    // FEAT_LOR
    LORSA_EL1,
    LOREA_EL1,
    LORN_EL1,
    LORC_EL1,
    LORID_EL1,
    // Debug (FEAT_Debugv8p2; breakpoints and watchpoints stored, their exceptions not generated)
    OSDTRRX_EL1,
    MDCCINT_EL1,
    MDSCR_EL1,
    OSDTRTX_EL1,
    OSECCR_EL1,
    DBGBVR0_EL1,
    DBGBVR1_EL1,
    DBGBVR2_EL1,
    DBGBVR3_EL1,
    DBGBVR4_EL1,
    DBGBVR5_EL1,
    DBGBCR0_EL1,
    DBGBCR1_EL1,
    DBGBCR2_EL1,
    DBGBCR3_EL1,
    DBGBCR4_EL1,
    DBGBCR5_EL1,
    DBGWVR0_EL1,
    DBGWVR1_EL1,
    DBGWVR2_EL1,
    DBGWVR3_EL1,
    DBGWCR0_EL1,
    DBGWCR1_EL1,
    DBGWCR2_EL1,
    DBGWCR3_EL1,
    MDRAR_EL1,
    OSLAR_EL1,
    OSLSR_EL1,
    OSDLR_EL1,
    DBGPRCR_EL1,
    DBGCLAIMSET_EL1,
    DBGCLAIMCLR_EL1,
    DBGAUTHSTATUS_EL1,
    MDCCSR_EL0,
    DBGDTR_EL0,
    DBGDTRRX_EL0, // read view of 2,3,0,5,0
    DBGDTRTX_EL0, // write view of 2,3,0,5,0
    // FEAT_VHE aliases: at EL2/EL3 with HCR_EL2.E2H=1 these names reach the EL1 registers
    ZCR_EL12,
    CPACR_EL12,
    ELR_EL12,
    SPSR_EL12,
    ESR_EL12,
    FAR_EL12,
    AFSR0_EL12,
    AFSR1_EL12,
    VBAR_EL12,
    SCTLR_EL12,
    CONTEXTIDR_EL12,
    CNTKCTL_EL12,
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
    // GICv3 CPU interface (FEAT_GICv3 system registers: ICC_*, and ICH_*_EL2 of the
    // virtualization interface; the ICV_* views share the ICC_*_EL1 encodings): device rows of the
    // platform's GIC (gic::CpuInterface through model::GicSysRegs), UNDEFINED without one
    ICC_PMR_EL1,
    ICC_IAR0_EL1,
    ICC_EOIR0_EL1,
    ICC_HPPIR0_EL1,
    ICC_BPR0_EL1,
    ICC_AP0R0_EL1,
    ICC_AP0R1_EL1,
    ICC_AP0R2_EL1,
    ICC_AP0R3_EL1,
    ICC_AP1R0_EL1,
    ICC_AP1R1_EL1,
    ICC_AP1R2_EL1,
    ICC_AP1R3_EL1,
    ICC_DIR_EL1,
    ICC_RPR_EL1,
    ICC_SGI1R_EL1,
    ICC_ASGI1R_EL1,
    ICC_SGI0R_EL1,
    ICC_IAR1_EL1,
    ICC_EOIR1_EL1,
    ICC_HPPIR1_EL1,
    ICC_BPR1_EL1,
    ICC_CTLR_EL1,
    ICC_SRE_EL1,
    ICC_IGRPEN0_EL1,
    ICC_IGRPEN1_EL1,
    ICC_SRE_EL2,
    ICC_CTLR_EL3,
    ICC_SRE_EL3,
    ICC_IGRPEN1_EL3,
    ICH_AP0R0_EL2,
    ICH_AP0R1_EL2,
    ICH_AP0R2_EL2,
    ICH_AP0R3_EL2,
    ICH_AP1R0_EL2,
    ICH_AP1R1_EL2,
    ICH_AP1R2_EL2,
    ICH_AP1R3_EL2,
    ICH_HCR_EL2,
    ICH_VTR_EL2,
    ICH_MISR_EL2,
    ICH_EISR_EL2,
    ICH_ELRSR_EL2,
    ICH_VMCR_EL2,
    ICH_LR0_EL2,
    ICH_LR1_EL2,
    ICH_LR2_EL2,
    ICH_LR3_EL2,
    ICH_LR4_EL2,
    ICH_LR5_EL2,
    ICH_LR6_EL2,
    ICH_LR7_EL2,
    ICH_LR8_EL2,
    ICH_LR9_EL2,
    ICH_LR10_EL2,
    ICH_LR11_EL2,
    ICH_LR12_EL2,
    ICH_LR13_EL2,
    ICH_LR14_EL2,
    ICH_LR15_EL2,
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

// The access rule a register name follows, beyond its minimum Exception level and its traps.
enum class SysRegGate : std::uint8_t {
    None,
    DaifEl0,         // DAIF at EL0: EC 0x18 trap unless SCTLR_EL1.UMA (SCTLR_EL2.UMA in host)
    CtrEl0,          // CTR_EL0 at EL0: EC 0x18 trap unless SCTLR[].UCT
    SpSel0,          // SP_EL0 from EL1+: UNDEFINED while PSTATE.SP == 0
    El0ReadOnly,     // TPIDRRO_EL0: EL0 may read but not write
    Zcr,             // ZCR_ELx: only ZEN/TZ/EZ gate, EC 0x19 (arch-rules §2.5)
    Cpacr,           // CPACR_EL1: CPTR_EL2.TCPAC / CPTR_EL3.TCPAC traps, EC 0x18
    Cptr2,           // CPTR_EL2 from EL2: CPTR_EL3.TCPAC trap, EC 0x18
    Fp,              // FPCR/FPSR: CheckFPAdvSIMDEnabled (EC 0x07)
    HighestOnly,     // RVBAR_ELx exists only for the highest implemented EL
    Cntfrq,          // CNTFRQ_EL0: EL0 reads need CNTKCTL.EL0PCTEN|EL0VCTEN; writes at highest EL
    CntvctEl0,       // CNTVCT_EL0 at EL0: CNTKCTL_EL1.EL0VCTEN (CNTHCTL_EL2 in a VHE host)
    CntpctEl0,       // CNTPCT_EL0 (device row): EL0PCTEN at EL0, CNTHCTL_EL2.EL1PCTEN at EL0/EL1
    SecurePhysTimer, // CNTPS_*_EL1 (device rows): Secure EL1 only, SCR_EL3.ST trap
    CntpTimer,       // CNTP_*_EL0 (device rows): EL0PTEN at EL0, CNTHCTL_EL2.EL1PCEN at EL0/EL1
    CntvTimer,       // CNTV_*_EL0 (device rows): EL0VTEN at EL0
    DebugDcc,        // MDCCSR_EL0, DBGDTR*_EL0 at EL0: MDSCR_EL1.TDCC trap (then TDA)
    Disr,            // DISR_EL1 at EL1 with HCR_EL2.AMO: reaches VDISR_EL2
    El12Alias,       // *_EL12: UNDEFINED unless at EL2/EL3 with ELIsInHost(EL2)
    DeviceDecides,   // GIC ICC_*/ICH_*: the device's own accessibility rules (SysRegDevice)
};

// The hypervisor and monitor controls that trap an access with EC 0x18, in addition to the
// gate (flags; ARM-M D24.2 HCR_EL2, MDCR_EL2, MDCR_EL3, SCR_EL3).
namespace systrap {
inline constexpr std::uint16_t None = 0;
inline constexpr std::uint16_t Tvm = 1U << 0;   // HCR_EL2.TVM (writes) / TRVM (reads) at EL1
inline constexpr std::uint16_t Tid1 = 1U << 1;  // HCR_EL2.TID1 at EL1
inline constexpr std::uint16_t Tid2 = 1U << 2;  // HCR_EL2.TID2 at EL0/EL1 (cache ID)
inline constexpr std::uint16_t Tid3 = 1U << 3;  // HCR_EL2.TID3 at EL1 (ID group 3)
inline constexpr std::uint16_t Tacr = 1U << 4;  // HCR_EL2.TACR at EL1 (ACTLR_EL1)
inline constexpr std::uint16_t Terr = 1U << 5;  // HCR_EL2.TERR at EL1, SCR_EL3.TERR at EL1/EL2
inline constexpr std::uint16_t Tlor = 1U << 6;  // HCR_EL2.TLOR at EL1, SCR_EL3.TLOR at EL1/EL2
inline constexpr std::uint16_t Tda = 1U << 7;   // MDCR_EL2.TDE/TDA, MDCR_EL3.TDA (debug)
inline constexpr std::uint16_t Tdosa = 1U << 8; // MDCR_EL2.TDE/TDOSA, MDCR_EL3.TDOSA (OS lock)
inline constexpr std::uint16_t Tdra = 1U << 9;  // MDCR_EL2.TDE/TDRA, MDCR_EL3.TDA (MDRAR_EL1)
} // namespace systrap

enum class SysRegRw : std::uint8_t { ReadWrite, ReadOnly, WriteOnly };
enum class SysRegDirection : std::uint8_t { Read, Write }; // MRS, MSR

// Where a register's value lives: svesim's register file, PSTATE or another source computed
// on read (Computed), or a device attached to the PE (SysRegDevice: the GIC CPU interface and
// the generic timers), reached after the EL and trap checks.
enum class SysRegBacking : std::uint8_t { Stored, Computed, Device };

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
    std::uint16_t traps = systrap::None;
    SysRegBacking backing = SysRegBacking::Stored;

    // Row modifiers for the table: `reg(...).trap(systrap::Tvm)`, `.computed()`, `.device()`.
    [[nodiscard]] constexpr SysRegInfo trap(std::uint16_t t) const {
        SysRegInfo c = *this;
        c.traps = static_cast<std::uint16_t>(c.traps | t);
        return c;
    }
    [[nodiscard]] constexpr SysRegInfo computed() const {
        SysRegInfo c = *this;
        c.backing = SysRegBacking::Computed;
        return c;
    }
    [[nodiscard]] constexpr SysRegInfo device() const {
        SysRegInfo c = *this;
        c.backing = SysRegBacking::Device;
        return c;
    }
};

// The whole table, in SysReg order.
std::span<const SysRegInfo> sysRegTable();
const SysRegInfo& sysRegInfo(SysReg r);
// The register an encoding names in one direction (DBGDTRRX_EL0 and DBGDTRTX_EL0 share one
// encoding); without a direction, the first row with that encoding.
std::optional<SysReg> sysRegByEncoding(SysRegEncoding enc);
std::optional<SysReg> sysRegByEncoding(SysRegEncoding enc, SysRegDirection dir);
// Whether `enc` lies in the reserved part of the ID register space (op0=3, op1=0, CRn=0,
// CRm=1..7) that reads as zero at EL1 and above (ARM-M D17.2 "Reserved ID registers").
bool isReservedIdEncoding(SysRegEncoding enc);
std::optional<SysReg> sysRegByName(std::string_view name); // case-insensitive
inline std::string_view name(SysReg r) {
    return sysRegInfo(r).name;
}

// Named fields used by more than one layer (ARM-M D24.2).
namespace hcr {
inline constexpr unsigned VM = 0, FMO = 3, IMO = 4, AMO = 5, VF = 6, VI = 7, VSE = 8, TWI = 13,
                          TWE = 14, TID0 = 15, TID1 = 16, TID2 = 17, TID3 = 18, TSC = 19,
                          TIDCP = 20, TACR = 21, TVM = 26, TGE = 27, HCD = 29, TRVM = 30, RW = 31,
                          E2H = 34, TLOR = 35, TERR = 36, TEA = 37;
}
namespace scr {
inline constexpr unsigned NS = 0, IRQ = 1, FIQ = 2, EA = 3, SMD = 7, HCE = 8, RW = 10, ST = 11,
                          TWI = 12, TWE = 13, TLOR = 14, TERR = 15;
}
namespace mdcr {
inline constexpr unsigned TDE = 8, TDA = 9, TDOSA = 10, TDRA = 11; // MDCR_EL2; EL3: TDA, TDOSA
}
namespace cnthctl { // CNTHCTL_EL2 (E2H=1 layout for bits 0, 1, 8-11; CNTKCTL_EL1 shares 0-9)
inline constexpr unsigned EL0PCTEN = 0, EL0VCTEN = 1, EL1PCTEN_E2H0 = 0, EL1PCTEN_E2H1 = 10;
inline constexpr unsigned EL0VTEN = 8, EL0PTEN = 9, EL1PCEN_E2H0 = 1, EL1PCEN_E2H1 = 11;
} // namespace cnthctl
namespace cptr {
inline constexpr unsigned TZ = 8, TFP = 10, EZ = 8, TCPAC = 31;
inline constexpr unsigned ZEN_HI = 17, ZEN_LO = 16, FPEN_HI = 21, FPEN_LO = 20;
inline constexpr std::uint64_t kEl2Res1E2H0 = 0x32FF; // bits 13:12, 9, 7:0 (no SME)
} // namespace cptr
namespace sctlr {
inline constexpr unsigned UMA = 9, UCT = 15, nTWI = 16, nTWE = 18, SPAN = 23;
}
namespace mdscr {
inline constexpr unsigned TDCC = 12;
}

} // namespace svesim
