// MRS/MSR access checks and the reads/writes behind them: the per-register access pseudocode of
// ARM-M D24 (`<REG>_reg_read` / `_reg_write`: UNDEFINED cases, then the EL1 controls of EL0,
// then the EL2 controls, then the EL3 controls), in one place for every row of the table.
#include "svesim/exceptions/sysreg_access.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/exceptions/enable_checks.h"
#include "svesim/exceptions/routing.h"

namespace svesim {
namespace {

bool isZcr(SysReg r) {
    return r == SysReg::ZCR_EL1 || r == SysReg::ZCR_EL2 || r == SysReg::ZCR_EL3;
}

std::optional<ExceptionEntry> trapTo(const CpuState& s, EL target, std::uint32_t iss) {
    return AArch64_SystemAccessTrap(s, target, Exception::SystemRegisterTrap, iss);
}

// CPTR_ELx.TCPAC traps of CPACR_EL1 / CPTR_EL2 accesses (EC 0x18).
std::optional<ExceptionEntry> tcpacTrap(const CpuState& s, bool check_el2, std::uint32_t iss) {
    if (check_el2 && EL2Enabled(s) && bitSet(s.sysregs.raw(SysReg::CPTR_EL2), cptr::TCPAC))
        return trapTo(s, EL::EL2, iss);
    if (HaveEL(s, EL::EL3) && bitSet(s.sysregs.raw(SysReg::CPTR_EL3), cptr::TCPAC))
        return trapTo(s, EL::EL3, iss);
    return std::nullopt;
}

// R7: ZCR_ELx accesses are gated by ZEN/TZ/EZ only (not FPEN/TFP), with EC 0x19.
std::optional<ExceptionEntry> zcrTrap(const CpuState& s) {
    if (const auto level = FirstLevelDisablingSVE(s)) return SVEAccessTrap(s, *level);
    return std::nullopt;
}

bool isHostEL0(const CpuState& s) {
    return s.pstate.el == EL::EL0 && ELIsInHost(s, EL::EL0);
}

// An EL0 access that an EL1 control disables: to EL1, or EL2 when HCR_EL2.TGE routes it
// (`if EL2Enabled() && HCR_EL2.TGE == '1' then AArch64.SystemAccessTrap(EL2, 0x18)`).
std::optional<ExceptionEntry> el0Trap(const CpuState& s, std::uint32_t iss) {
    return trapTo(s, EL2Enabled(s) && bitSet(s.hcr(), hcr::TGE) ? EL::EL2 : EL::EL1, iss);
}

// The counter-access controls of an EL0 access (CNTKCTL_EL1, or CNTHCTL_EL2 in a VHE host):
// CNTVCT_EL0 needs EL0VCTEN, CNTPCT_EL0 EL0PCTEN, CNTFRQ_EL0 either (ARM-M D24.8).
std::optional<ExceptionEntry> counterEl0Trap(const CpuState& s, bool phys, bool virt,
                                             std::uint32_t iss) {
    const auto enabled = [&](std::uint64_t ctl) {
        return (phys && bitSet(ctl, cnthctl::EL0PCTEN)) || (virt && bitSet(ctl, cnthctl::EL0VCTEN));
    };
    if (!isHostEL0(s)) {
        if (!enabled(s.sysregs.raw(SysReg::CNTKCTL_EL1))) return el0Trap(s, iss);
    } else if (!enabled(s.sysregs.raw(SysReg::CNTHCTL_EL2))) {
        return trapTo(s, EL::EL2, iss);
    }
    return std::nullopt;
}

// CNTHCTL_EL2.EL1PCTEN (bit 0 with E2H=0, bit 10 with E2H=1): the physical counter at EL0 and
// EL1 outside a VHE host.
std::optional<ExceptionEntry> el1PhysicalCounterTrap(const CpuState& s, std::uint32_t iss) {
    if (!EL2Enabled(s) || isHostEL0(s)) return std::nullopt;
    const bool e2h = bitSet(s.hcr(), hcr::E2H);
    const unsigned b = e2h ? cnthctl::EL1PCTEN_E2H1 : cnthctl::EL1PCTEN_E2H0;
    if (!bitSet(s.sysregs.raw(SysReg::CNTHCTL_EL2), b)) return trapTo(s, EL::EL2, iss);
    return std::nullopt;
}

// The EL1 physical and virtual timers (CNTP_*, CNTV_*; ARM-M D11.3): at EL0 CNTKCTL_EL1.EL0PTEN /
// EL0VTEN (CNTHCTL_EL2's in a VHE host); the physical one at EL0/EL1 outside a VHE host also
// CNTHCTL_EL2.EL1PCEN (bit 1 with E2H=0, bit 11 with E2H=1).
std::optional<ExceptionEntry> timerTrap(const CpuState& s, bool physical, std::uint32_t iss) {
    const EL el = s.pstate.el;
    if (el == EL::EL0) {
        const bool host = isHostEL0(s);
        const std::uint64_t ctl = s.sysregs.raw(host ? SysReg::CNTHCTL_EL2 : SysReg::CNTKCTL_EL1);
        if (!bitSet(ctl, physical ? cnthctl::EL0PTEN : cnthctl::EL0VTEN))
            return host ? trapTo(s, EL::EL2, iss) : el0Trap(s, iss);
    }
    if (!physical || !(el == EL::EL0 || el == EL::EL1) || !EL2Enabled(s) || isHostEL0(s))
        return std::nullopt;
    const unsigned b = bitSet(s.hcr(), hcr::E2H) ? cnthctl::EL1PCEN_E2H1 : cnthctl::EL1PCEN_E2H0;
    if (!bitSet(s.sysregs.raw(SysReg::CNTHCTL_EL2), b)) return trapTo(s, EL::EL2, iss);
    return std::nullopt;
}

// MDCR_EL2.TDE (or HCR_EL2.TGE, which makes TDE behave as 1) with one of TDA/TDOSA/TDRA.
bool mdcr2Traps(const CpuState& s, unsigned bit_no) {
    const std::uint64_t m = s.sysregs.raw(SysReg::MDCR_EL2);
    return EL2Enabled(s) &&
           (bitSet(m, mdcr::TDE) || bitSet(s.hcr(), hcr::TGE) || bitSet(m, bit_no));
}

// The EL2 controls of an access from EL0/EL1 (HCR_EL2 TVM/TRVM, TID1-3, TACR, TERR, TLOR;
// MDCR_EL2 TDA/TDOSA/TDRA), in the order of the register pseudocode.
std::optional<ExceptionEntry> el2Traps(const CpuState& s, const SysRegInfo& info, bool read,
                                       std::uint32_t iss) {
    const EL el = s.pstate.el;
    const std::uint64_t h = s.hcr();
    const std::uint16_t t = info.traps;
    // EL2's controls trap EL0 and EL1 only: an access from EL2 or EL3 never traps to EL2 (with
    // HCR_EL2.TGE=1 a VHE host's own debug-register accesses would otherwise trap to itself).
    if (!EL2Enabled(s) || el == EL::EL2 || el == EL::EL3) return std::nullopt;
    const bool at1 = el == EL::EL1;
    const auto hcrTrap = [&](std::uint16_t flag, unsigned hcr_bit) {
        return (t & flag) != 0 && bitSet(h, hcr_bit);
    };
    if (at1 && (t & systrap::Tvm) && bitSet(h, read ? hcr::TRVM : hcr::TVM))
        return trapTo(s, EL::EL2, iss);
    if (at1 && (hcrTrap(systrap::Tid1, hcr::TID1) || hcrTrap(systrap::Tid3, hcr::TID3) ||
                hcrTrap(systrap::Tacr, hcr::TACR) || hcrTrap(systrap::Terr, hcr::TERR) ||
                hcrTrap(systrap::Tlor, hcr::TLOR)))
        return trapTo(s, EL::EL2, iss);
    // TID2 also traps CTR_EL0 at EL0 (after the SCTLR[].UCT check of the gate).
    if ((at1 || el == EL::EL0) && hcrTrap(systrap::Tid2, hcr::TID2)) return trapTo(s, EL::EL2, iss);
    if ((t & systrap::Tda) && mdcr2Traps(s, mdcr::TDA)) return trapTo(s, EL::EL2, iss);
    if ((t & systrap::Tdosa) && mdcr2Traps(s, mdcr::TDOSA)) return trapTo(s, EL::EL2, iss);
    if ((t & systrap::Tdra) && mdcr2Traps(s, mdcr::TDRA)) return trapTo(s, EL::EL2, iss);
    return std::nullopt;
}

// The EL3 controls of an access from below EL3 (SCR_EL3 TERR/TLOR, MDCR_EL3 TDA/TDOSA).
std::optional<ExceptionEntry> el3Traps(const CpuState& s, const SysRegInfo& info,
                                       std::uint32_t iss) {
    if (!HaveEL(s, EL::EL3) || s.pstate.el == EL::EL3) return std::nullopt;
    const std::uint64_t scr3 = s.scr();
    const std::uint64_t mdcr3 = s.sysregs.raw(SysReg::MDCR_EL3);
    const std::uint16_t t = info.traps;
    const bool el1_or_2 = s.pstate.el != EL::EL0;
    if (el1_or_2 && (((t & systrap::Terr) && bitSet(scr3, scr::TERR)) ||
                     ((t & systrap::Tlor) && bitSet(scr3, scr::TLOR))))
        return trapTo(s, EL::EL3, iss);
    if (((t & (systrap::Tda | systrap::Tdra)) && bitSet(mdcr3, mdcr::TDA)) ||
        ((t & systrap::Tdosa) && bitSet(mdcr3, mdcr::TDOSA)))
        return trapTo(s, EL::EL3, iss);
    return std::nullopt;
}

// The row's own rule (SysRegGate). Returns an exception, or nothing to go on with the traps.
std::optional<ExceptionEntry> gateCheck(const CpuState& s, const SysRegInfo& info, bool read,
                                        std::uint32_t iss, bool& undefined) {
    const EL el = s.pstate.el;
    switch (info.gate) {
    case SysRegGate::None: break;
    case SysRegGate::DaifEl0: return DaifAccessTrap(s, iss);
    case SysRegGate::CtrEl0:
        if (el == EL::EL0 && !bitSet(s.sysregs.raw(SCTLR(s, EL::EL0)), sctlr::UCT))
            return isHostEL0(s) ? trapTo(s, EL::EL2, iss) : el0Trap(s, iss);
        break;
    case SysRegGate::SpSel0: undefined = !s.pstate.sp; break;
    case SysRegGate::El0ReadOnly: undefined = el == EL::EL0 && !read; break;
    case SysRegGate::Zcr: return zcrTrap(s);
    case SysRegGate::Cpacr:
        if (el == EL::EL1 || el == EL::EL2) return tcpacTrap(s, el == EL::EL1, iss);
        break;
    case SysRegGate::Cptr2:
        if (el == EL::EL2) return tcpacTrap(s, false, iss);
        break;
    case SysRegGate::Fp: return CheckFPAdvSIMDEnabled(s);
    case SysRegGate::HighestOnly: undefined = s.features.highestEL() != info.needs_el; break;
    case SysRegGate::Cntfrq:
        if (!read)
            undefined = el != s.features.highestEL();
        else if (el == EL::EL0)
            return counterEl0Trap(s, true, true, iss);
        break;
    case SysRegGate::CntvctEl0:
        if (el == EL::EL0) return counterEl0Trap(s, false, true, iss);
        break;
    case SysRegGate::CntpctEl0:
        if (el == EL::EL0)
            if (auto e = counterEl0Trap(s, true, false, iss)) return e;
        if (el == EL::EL0 || el == EL::EL1) return el1PhysicalCounterTrap(s, iss);
        break;
    case SysRegGate::CntpTimer: return timerTrap(s, true, iss);
    case SysRegGate::CntvTimer: return timerTrap(s, false, iss);
    case SysRegGate::SecurePhysTimer:
        // CNTPS_*_EL1: Secure EL1 (SCR_EL3.ST = 0 traps it to EL3) and EL3 only.
        if (el == EL::EL1 && IsSecureBelowEL3(s)) {
            if (!bitSet(s.scr(), scr::ST)) return trapTo(s, EL::EL3, iss);
        } else {
            undefined = el != EL::EL3;
        }
        break;
    case SysRegGate::DebugDcc:
        if (el == EL::EL0 && bitSet(s.sysregs.raw(SysReg::MDSCR_EL1), mdscr::TDCC))
            return el0Trap(s, iss);
        break;
    case SysRegGate::Disr: break; // redirection only (resolveTarget)
    case SysRegGate::El12Alias:
        // R6: the _EL12 names exist only for a VHE host (E2H=1) at EL2, or at EL3 when EL2 is
        // enabled with E2H=1; then they reach the EL1 register, with its access checks.
        if ((el == EL::EL2 && !bitSet(s.hcr(), hcr::E2H)) ||
            (el == EL::EL3 && !ELIsInHost(s, EL::EL2))) {
            undefined = true;
            break;
        }
        if (info.storage == SysReg::ZCR_EL1) return zcrTrap(s);
        if (info.storage == SysReg::CPACR_EL1 && el == EL::EL2) return tcpacTrap(s, false, iss);
        break;
    case SysRegGate::DeviceDecides: {
        // accessible() made sure the device is there.
        const SysRegDeviceCheck c = s.devices.find(info.id)->checkAccess(
            info.id, read ? SysRegDirection::Read : SysRegDirection::Write);
        if (c.kind == SysRegDeviceCheck::Kind::Undefined) undefined = true;
        if (c.kind == SysRegDeviceCheck::Kind::Trap) return trapTo(s, c.target, iss);
        break;
    }
    }
    return std::nullopt;
}

// Whether a row exists at the current EL and in this direction (else UNDEFINED).
bool accessible(const CpuState& s, const SysRegInfo& info, bool read) {
    const EL el = s.pstate.el;
    if (!HaveEL(s, info.needs_el) || toUnsigned(el) < toUnsigned(info.min_el)) return false;
    if (read ? info.rw == SysRegRw::WriteOnly : info.rw == SysRegRw::ReadOnly) return false;
    if (info.backing == SysRegBacking::Device && !s.devices.find(info.id)) return false;
    // LORSA/LOREA/LORN/LORC_EL1 are UNDEFINED in Secure state (LORC_EL1_reg_read:
    // SCR_EL3.NS == '0'); LORID_EL1 stays readable there (as on QEMU).
    if ((info.traps & systrap::Tlor) && info.id != SysReg::LORID_EL1 && HaveEL(s, EL::EL3) &&
        !bitSet(s.scr(), scr::NS))
        return false;
    return true;
}

// The register an access reaches once it is allowed: FEAT_VHE redirection (R6), the _EL12
// aliases, VPIDR/VMPIDR at EL1, VDISR_EL2 for DISR_EL1 with HCR_EL2.AMO.
SysReg resolveTarget(const CpuState& s, const SysRegInfo& info) {
    const EL el = s.pstate.el;
    if (el == EL::EL2 && bitSet(s.hcr(), hcr::E2H) && info.e2h_at_el2) return *info.e2h_at_el2;
    // EL0 of a VHE host: the EL0 timers reach the EL2 ones (CNTP_* -> CNTHP_*, CNTV_* -> CNTHV_*;
    // the only EL0 names with an EL2 twin).
    if (isHostEL0(s) && info.e2h_at_el2) return *info.e2h_at_el2;
    if (el == EL::EL1 && EL2Enabled(s)) {
        if (info.id == SysReg::MIDR_EL1) return SysReg::VPIDR_EL2;
        if (info.id == SysReg::MPIDR_EL1) return SysReg::VMPIDR_EL2;
        if (info.gate == SysRegGate::Disr && bitSet(s.hcr(), hcr::AMO)) return SysReg::VDISR_EL2;
    }
    return info.storage;
}

} // namespace

std::uint32_t SystemRegisterTrapIss(SysRegEncoding enc, unsigned rt, SysRegDirection dir) {
    return (std::uint32_t{enc.op0} << 20) | (std::uint32_t{enc.op2} << 17) |
           (std::uint32_t{enc.op1} << 14) | (std::uint32_t{enc.crn} << 10) | ((rt & 31U) << 5) |
           (std::uint32_t{enc.crm} << 1) | (dir == SysRegDirection::Read ? 1U : 0U);
}

std::optional<ExceptionEntry> DaifAccessTrap(const CpuState& s, std::uint32_t iss) {
    if (s.pstate.el == EL::EL0 && !bitSet(s.sysregs.raw(SCTLR(s, EL::EL0)), sctlr::UMA))
        return trapTo(s, SynchronousExceptionTarget(s), iss);
    return std::nullopt;
}

SysRegAccess CheckSysRegAccess(const CpuState& s, SysRegEncoding enc, SysRegDirection dir,
                               unsigned rt) {
    const bool read = dir == SysRegDirection::Read;
    const std::uint32_t iss = SystemRegisterTrapIss(enc, rt, dir);
    const auto id = sysRegByEncoding(enc, dir);
    // HCR_EL2.TIDCP: EL1 accesses to the IMPLEMENTATION DEFINED space (op0 = 3, CRn = 11 or 15;
    // svesim implements no register there) trap to EL2 instead of being UNDEFINED. Whether EL0
    // accesses trap too is IMPLEMENTATION DEFINED: here they stay UNDEFINED.
    if (!id && enc.op0 == 3 && (enc.crn == 11 || enc.crn == 15) && s.pstate.el == EL::EL1 &&
        EL2Enabled(s) && bitSet(s.hcr(), hcr::TIDCP))
        return *trapTo(s, EL::EL2, iss);
    if (!id) {
        // The reserved ID space reads as zero at EL1+ (trapped by HCR_EL2.TID3 like the ID
        // registers); every other unknown encoding is UNDEFINED.
        if (!isReservedIdEncoding(enc) || !read || s.pstate.el == EL::EL0)
            return AArch64_UndefinedFault(s);
        if (s.pstate.el == EL::EL1 && EL2Enabled(s) && bitSet(s.hcr(), hcr::TID3))
            return *trapTo(s, EL::EL2, iss);
        return SysRegAccess{ReservedIdRegister{}};
    }
    return CheckSysRegAccess(s, sysRegInfo(*id), dir, rt);
}

SysRegAccess CheckSysRegAccess(const CpuState& s, const SysRegInfo& info, SysRegDirection dir,
                               unsigned rt) {
    const bool read = dir == SysRegDirection::Read;
    const std::uint32_t iss = SystemRegisterTrapIss(info.enc, rt, dir);
    if (!accessible(s, info, read)) return AArch64_UndefinedFault(s);

    bool undefined = false;
    std::optional<ExceptionEntry> trap = gateCheck(s, info, read, iss, undefined);
    if (undefined) return AArch64_UndefinedFault(s);
    if (!trap) trap = el2Traps(s, info, read, iss);
    if (!trap) trap = el3Traps(s, info, iss);
    if (trap) return *trap;
    return resolveTarget(s, info);
}

std::uint64_t ReadSysReg(const ArchState& st, SysReg r, std::uint64_t virtual_count) {
    const CpuState& s = st.cpu;
    const PState& p = s.pstate;
    if (SysRegDevice* d = s.devices.find(r)) return d->readSysReg(r, p.el);
    switch (r) {
    case SysReg::CurrentEL: return std::uint64_t{toUnsigned(p.el)} << 2;
    case SysReg::DAIF: return daifBits(p);
    case SysReg::NZCV: return nzcvBits(p);
    case SysReg::SPSel: return p.sp ? 1 : 0;
    case SysReg::PAN: return p.pan ? bit(22) : 0;
    case SysReg::UAO: return p.uao ? bit(23) : 0;
    case SysReg::CNTVCT_EL0: return virtual_count;
    case SysReg::ISR_EL1: return InterruptStatus(s);
    case SysReg::CCSIDR_EL1: return CcsidrFor(s.sysregs.raw(SysReg::CSSELR_EL1));
    case SysReg::DCZID_EL0: return DczidValue(s);
    case SysReg::MDCCSR_EL0: return s.sysregs.raw(SysReg::MDSCR_EL1) & (bit(29) | bit(30));
    case SysReg::DBGCLAIMSET_EL1: return 0xFF; // the implemented claim tags
    case SysReg::DBGCLAIMCLR_EL1: return s.sysregs.raw(SysReg::DBGCLAIMCLR_EL1);
    default: return s.sysregs.read(r);
    }
}

void WriteSysReg(ArchState& st, SysReg r, std::uint64_t value) {
    CpuState& s = st.cpu;
    PState& p = s.pstate;
    if (SysRegDevice* d = s.devices.find(r)) {
        // Device registers are not read back around a write: a read may have side effects
        // (GIC acknowledge) or not exist (write-only registers); the event carries old = 0.
        d->writeSysReg(r, value, p.el);
        if (!st.bus.empty()) st.bus.emit(SysRegWriteEvent{{}, r, 0, value, p.el});
        return;
    }
    const std::uint64_t old_value = ReadSysReg(st, r);
    const VectorLength vl_before = st.currentVL();
    switch (r) {
    case SysReg::DAIF: setDaifBits(p, value); break;
    case SysReg::NZCV: setNzcvBits(p, value); break;
    case SysReg::SPSel: p.sp = bitSet(value, 0); break;
    case SysReg::PAN: p.pan = bitSet(value, 22); break;
    case SysReg::UAO: p.uao = bitSet(value, 23); break;
    case SysReg::OSLAR_EL1: // OSLAR_EL1.OSLK -> OSLSR_EL1.OSLK (bit 1)
        s.sysregs.slot(SysReg::OSLSR_EL1) =
            withField(s.sysregs.raw(SysReg::OSLSR_EL1), 1, 1, value & 1);
        break;
    case SysReg::DBGCLAIMSET_EL1: s.sysregs.slot(SysReg::DBGCLAIMCLR_EL1) |= value & 0xFF; break;
    case SysReg::DBGCLAIMCLR_EL1: s.sysregs.slot(SysReg::DBGCLAIMCLR_EL1) &= ~(value & 0xFF); break;
    default: s.sysregs.write(r, value); break;
    }
    if (!st.bus.empty()) st.bus.emit(SysRegWriteEvent{{}, r, old_value, ReadSysReg(st, r), p.el});
    if (isZcr(r)) st.sve.onZcrWrite(s, vl_before); // R5, R_YRPDH
}

std::uint64_t InterruptStatus(const CpuState& s) {
    const bool at1 = s.pstate.el == EL::EL1 && EL2Enabled(s);
    const std::uint64_t h = s.hcr();
    const bool a = at1 && bitSet(h, hcr::AMO) ? bitSet(h, hcr::VSE) : s.lines.serror;
    const bool i = at1 && bitSet(h, hcr::IMO)
                       ? VirtualInterruptPending(s, InterruptKind::IRQ, s.lines.virq)
                       : s.lines.irq;
    const bool f = at1 && bitSet(h, hcr::FMO)
                       ? VirtualInterruptPending(s, InterruptKind::FIQ, s.lines.vfiq)
                       : s.lines.fiq;
    return (a ? bit(8) : 0) | (i ? bit(7) : 0) | (f ? bit(6) : 0);
}

std::uint64_t DczidValue(const CpuState& s) {
    // BS = 4: 2^4 words = 64 bytes. DZP: DC ZVA prohibited at this EL (SCTLR[].DZE at EL0,
    // HCR_EL2.TDZ at EL0/EL1).
    const EL el = s.pstate.el;
    bool prohibited = el == EL::EL0 && !bitSet(s.sysregs.raw(SCTLR(s, EL::EL0)), 14);
    if ((el == EL::EL0 || el == EL::EL1) && EL2Enabled(s) && !isHostEL0(s) && bitSet(s.hcr(), 28))
        prohibited = true;
    return 4 | (prohibited ? bit(4) : 0);
}

} // namespace svesim
