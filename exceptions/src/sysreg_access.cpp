#include "svesim/exceptions/sysreg_access.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/exceptions/enable_checks.h"
#include "svesim/exceptions/routing.h"

namespace svesim {
namespace {

bool isZcr(SysReg r) {
    return r == SysReg::ZCR_EL1 || r == SysReg::ZCR_EL2 || r == SysReg::ZCR_EL3;
}

// CPTR_ELx.TCPAC traps of CPACR_EL1 / CPTR_EL2 accesses (EC 0x18).
std::optional<ExceptionEntry> tcpacTrap(const CpuState& s, bool check_el2, std::uint32_t iss) {
    if (check_el2 && EL2Enabled(s) && bitSet(s.sysregs.raw(SysReg::CPTR_EL2), cptr::TCPAC))
        return AArch64_SystemAccessTrap(s, EL::EL2, Exception::SystemRegisterTrap, iss);
    if (HaveEL(s, EL::EL3) && bitSet(s.sysregs.raw(SysReg::CPTR_EL3), cptr::TCPAC))
        return AArch64_SystemAccessTrap(s, EL::EL3, Exception::SystemRegisterTrap, iss);
    return std::nullopt;
}

// R7: ZCR_ELx accesses are gated by ZEN/TZ/EZ only (not FPEN/TFP), with EC 0x19.
std::optional<ExceptionEntry> zcrTrap(const CpuState& s) {
    if (const auto level = FirstLevelDisablingSVE(s)) return SVEAccessTrap(s, *level);
    return std::nullopt;
}

} // namespace

std::uint32_t SystemRegisterTrapIss(SysRegEncoding enc, unsigned rt, SysRegDirection dir) {
    return (std::uint32_t{enc.op0} << 20) | (std::uint32_t{enc.op2} << 17) |
           (std::uint32_t{enc.op1} << 14) | (std::uint32_t{enc.crn} << 10) | ((rt & 31U) << 5) |
           (std::uint32_t{enc.crm} << 1) | (dir == SysRegDirection::Read ? 1U : 0U);
}

SysRegAccess CheckSysRegAccess(const CpuState& s, SysRegEncoding enc, SysRegDirection dir,
                               unsigned rt) {
    const auto id = sysRegByEncoding(enc);
    if (!id) return AArch64_UndefinedFault(s); // unallocated or not implemented
    const SysRegInfo& info = sysRegInfo(*id);
    const EL el = s.pstate.el;
    const bool read = dir == SysRegDirection::Read;
    if (!HaveEL(s, info.needs_el) || toUnsigned(el) < toUnsigned(info.min_el))
        return AArch64_UndefinedFault(s);
    if (!read && info.rw == SysRegRw::ReadOnly) return AArch64_UndefinedFault(s);
    const std::uint32_t iss = SystemRegisterTrapIss(enc, rt, dir);
    const bool e2h = bitSet(s.hcr(), hcr::E2H);

    std::optional<ExceptionEntry> trap;
    switch (info.gate) {
    case SysRegGate::None: break;
    case SysRegGate::DaifEl0:
        if (el == EL::EL0) {
            if (!bitSet(s.sysregs.raw(SCTLR(s, EL::EL0)), sctlr::UMA))
                trap = AArch64_SystemAccessTrap(s, SynchronousExceptionTarget(s),
                                                Exception::SystemRegisterTrap, iss);
        }
        break;
    case SysRegGate::SpSel0:
        if (!s.pstate.sp) return AArch64_UndefinedFault(s);
        break;
    case SysRegGate::El0ReadOnly:
        if (el == EL::EL0 && !read) return AArch64_UndefinedFault(s);
        break;
    case SysRegGate::Zcr: trap = zcrTrap(s); break;
    case SysRegGate::Cpacr:
        if (el == EL::EL1 || el == EL::EL2) trap = tcpacTrap(s, el == EL::EL1, iss);
        break;
    case SysRegGate::Cptr2:
        if (el == EL::EL2) trap = tcpacTrap(s, false, iss);
        break;
    case SysRegGate::Fp: trap = CheckFPAdvSIMDEnabled(s); break;
    case SysRegGate::HighestOnly:
        if (s.features.highestEL() != info.needs_el) return AArch64_UndefinedFault(s);
        break;
    case SysRegGate::CntfrqWrite:
        if (!read && el != s.features.highestEL()) return AArch64_UndefinedFault(s);
        break;
    case SysRegGate::El12Alias:
        // R6: the _EL12 names exist only for a VHE host (E2H=1) at EL2, or at EL3 when EL2 is
        // enabled with E2H=1; then they reach the EL1 register, with its access checks.
        if ((el == EL::EL2 && !e2h) || (el == EL::EL3 && !ELIsInHost(s, EL::EL2)))
            return AArch64_UndefinedFault(s);
        if (info.storage == SysReg::ZCR_EL1) trap = zcrTrap(s);
        if (info.storage == SysReg::CPACR_EL1 && el == EL::EL2) trap = tcpacTrap(s, false, iss);
        break;
    }
    if (trap) return *trap;
    // R6: at EL2 with E2H=1 the EL1 names reach the EL2 registers.
    if (el == EL::EL2 && e2h && info.e2h_at_el2) return *info.e2h_at_el2;
    return info.storage;
}

std::uint64_t ReadSysReg(const ArchState& st, SysReg r, std::uint64_t virtual_count) {
    const PState& p = st.cpu.pstate;
    switch (r) {
    case SysReg::CurrentEL: return std::uint64_t{toUnsigned(p.el)} << 2;
    case SysReg::DAIF: return daifBits(p);
    case SysReg::NZCV: return nzcvBits(p);
    case SysReg::SPSel: return p.sp ? 1 : 0;
    case SysReg::CNTVCT_EL0: return virtual_count;
    default: return st.cpu.sysregs.read(r);
    }
}

void WriteSysReg(ArchState& st, SysReg r, std::uint64_t value) {
    CpuState& s = st.cpu;
    PState& p = s.pstate;
    const std::uint64_t old_value = ReadSysReg(st, r);
    const VectorLength vl_before = st.currentVL();
    switch (r) {
    case SysReg::DAIF: setDaifBits(p, value); break;
    case SysReg::NZCV: setNzcvBits(p, value); break;
    case SysReg::SPSel: p.sp = bitSet(value, 0); break;
    default: s.sysregs.write(r, value); break;
    }
    if (!st.bus.empty()) st.bus.emit(SysRegWriteEvent{{}, r, old_value, ReadSysReg(st, r), p.el});
    if (isZcr(r)) st.sve.onZcrWrite(s, vl_before); // R5, R_YRPDH
}

} // namespace svesim
