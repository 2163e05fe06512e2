// A64 system instructions: hints, barriers, CLREX, MSR (immediate), MRS/MSR (register), SYS
// (cache and TLB maintenance, not modelled), SVC/HVC/SMC/BRK/HLT and ERET (ARM-M C6.2).
#include "fast_forms.h"
#include "svesim/arch/el_predicates.h"
#include "svesim/exceptions/routing.h"
#include "svesim/exceptions/sysreg_access.h"
#include "svesim/exceptions/take_exception.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

// ---- Hints
// ------------------------------------------------------------------------------------------
// WFI/WFE traps: SCTLR[EL0].nTWI/nTWE (EL0), HCR_EL2.TWI/TWE (EL0/EL1), SCR_EL3.TWI/TWE (EL0-EL2).
bool wfxTrapped(ExecContext& cx, bool wfe) {
    const CpuState& s = cx.cpu();
    const EL el = s.pstate.el;
    std::optional<EL> target;
    if (el == EL::EL0) {
        if (!bitSet(s.sysregs.raw(SCTLR(s, EL::EL0)), wfe ? 18 : 16)) target = EL::EL1;
    }
    if (!target && (el == EL::EL0 || el == EL::EL1) && EL2Enabled(s) && !ELIsInHost(s, EL::EL0) &&
        bitSet(s.hcr(), wfe ? 14 : 13))
        target = EL::EL2;
    if (!target && el != EL::EL3 && HaveEL(s, EL::EL3) && bitSet(s.scr(), wfe ? 13 : 12))
        target = EL::EL3;
    if (!target) return false;
    cx.raise(AArch64_WFxTrap(s, *target, wfe));
    return true;
}

void execHint(ExecContext& cx, std::uint32_t i) {
    switch (bits(i, 11, 5)) {
    case 2: // WFE: the traps apply only to a WFE that would wait (event register clear)
        if (cx.event_register)
            cx.event_register = false;
        else if (!wfxTrapped(cx, true))
            cx.effect = SideEffect::WaitForEvent;
        break;
    case 3: // WFI
        if (!wfxTrapped(cx, false)) cx.effect = SideEffect::WaitForInterrupt;
        break;
    case 4: // SEV: SendEvent, to every PE of the platform
        if (GlobalMonitor* g = cx.globalMonitor()) g->SendEvent(cx.peIndex());
        cx.event_register = true;
        break;
    case 5: // SEVL: SendEventLocal
        cx.event_register = true;
        break;
    default: break; // NOP, YIELD and every other hint execute as NOP
    }
}
std::string disHint(std::uint32_t i, std::uint64_t) {
    // The hint names LLVM prints for an Armv8.2-A target; the rest are "hint #n".
    static constexpr const char* kNames[7] = {"nop", "yield", "wfe", "wfi", "sev", "sevl", "dgh"};
    const unsigned h = bits(i, 11, 5);
    if (h < 7) return kNames[h];
    if (h == 16) return "esb";
    if (h == 20) return "csdb";
    return fmt::format("hint\t#{}", h);
}

// ---- Barriers and CLREX
// --------------------------------------------------------------------------------
void execClrex(ExecContext& cx, std::uint32_t) {
    cx.monitor.open = false;
}
void execBarrier(ExecContext& cx, std::uint32_t i) {
    // Memory is sequentially consistent in this model; ISB is a context synchronization event,
    // which the processor honours by re-reading the state it caches.
    if (bits(i, 7, 5) == 6) cx.effect = SideEffect::ContextChanged;
}
std::string barrierOption(unsigned crm) {
    static constexpr const char* kNames[16] = {"#0",    "oshld", "oshst", "osh",   "#4",    "nshld",
                                               "nshst", "nsh",   "#8",    "ishld", "ishst", "ish",
                                               "#12",   "ld",    "st",    "sy"};
    return kNames[crm & 15];
}
std::string disBarrier(std::uint32_t i, std::uint64_t) {
    const unsigned crm = bits(i, 11, 8), op2 = bits(i, 7, 5);
    if (op2 == 2) return crm == 15 ? "clrex" : fmt::format("clrex\t#{}", crm);
    if (op2 == 6) return crm == 15 ? "isb" : fmt::format("isb\t#{}", crm);
    if (op2 == 4 && crm == 0) return "ssbb";
    if (op2 == 4 && crm == 4) return "pssbb";
    return fmt::format("{}\t{}", op2 == 4 ? "dsb" : "dmb", barrierOption(crm));
}
bool validBarrier(std::uint32_t i) {
    const unsigned op2 = bits(i, 7, 5);
    return op2 == 2 || op2 == 4 || op2 == 5 || op2 == 6;
}

// ---- MSR (immediate)
// --------------------------------------------------------------------------------------
enum class PstateField { SPSel, DAIFSet, DAIFClr, PAN, UAO, None };
PstateField pstateField(std::uint32_t i) {
    const unsigned op1 = bits(i, 18, 16), op2 = bits(i, 7, 5);
    if (op1 == 0 && op2 == 5) return PstateField::SPSel;
    if (op1 == 3 && op2 == 6) return PstateField::DAIFSet;
    if (op1 == 3 && op2 == 7) return PstateField::DAIFClr;
    if (op1 == 0 && op2 == 4) return PstateField::PAN;
    if (op1 == 0 && op2 == 3) return PstateField::UAO;
    return PstateField::None;
}
bool validMsrImm(std::uint32_t i) {
    const PstateField f = pstateField(i);
    if (f == PstateField::None) return false;
    // SPSel, PAN and UAO take CRm = 000x; other CRm values are unallocated.
    if (f == PstateField::SPSel || f == PstateField::PAN || f == PstateField::UAO)
        return (bits(i, 11, 8) & 0xE) == 0;
    return true;
}
void execMsrImm(ExecContext& cx, std::uint32_t i) {
    CpuState& s = cx.cpu();
    PState& p = s.pstate;
    const unsigned crm = bits(i, 11, 8);
    const PstateField f = pstateField(i);
    if (p.el == EL::EL0) {
        if (f != PstateField::DAIFSet && f != PstateField::DAIFClr) return cx.undefined();
        // MSR (immediate) reports op0 = 00, CRn = 0100, Rt = 11111, as a write.
        const SysRegEncoding enc{0, static_cast<std::uint8_t>(bits(i, 18, 16)), 4,
                                 static_cast<std::uint8_t>(crm),
                                 static_cast<std::uint8_t>(bits(i, 7, 5))};
        if (const auto e =
                DaifAccessTrap(s, SystemRegisterTrapIss(enc, 31, SysRegDirection::Write)))
            return cx.raise(*e);
    }
    switch (f) {
    case PstateField::SPSel: p.sp = (crm & 1) != 0; break;
    case PstateField::DAIFSet:
    case PstateField::DAIFClr: {
        const bool v = f == PstateField::DAIFSet;
        if (crm & 8) p.d = v;
        if (crm & 4) p.a = v;
        if (crm & 2) p.i = v;
        if (crm & 1) p.f = v;
        break;
    }
    case PstateField::PAN: p.pan = (crm & 1) != 0; break;
    case PstateField::UAO: p.uao = (crm & 1) != 0; break;
    case PstateField::None: break;
    }
    cx.effect = SideEffect::ContextChanged;
}
std::string disMsrImm(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[5] = {"SPSel", "DAIFSet", "DAIFClr", "PAN", "UAO"};
    return fmt::format("msr\t{}, #{}", kNames[static_cast<int>(pstateField(i))], bits(i, 11, 8));
}

// ---- MRS / MSR (register)
// --------------------------------------------------------------------------------
SysRegEncoding sysregEncoding(std::uint32_t i) {
    return SysRegEncoding{
        static_cast<std::uint8_t>(2 + bits(i, 19, 19)), static_cast<std::uint8_t>(bits(i, 18, 16)),
        static_cast<std::uint8_t>(bits(i, 15, 12)), static_cast<std::uint8_t>(bits(i, 11, 8)),
        static_cast<std::uint8_t>(bits(i, 7, 5))};
}
std::optional<EL> spRegisterEL(SysReg r) {
    if (r == SysReg::SP_EL0) return EL::EL0;
    if (r == SysReg::SP_EL1) return EL::EL1;
    if (r == SysReg::SP_EL2) return EL::EL2;
    return std::nullopt;
}
void execMrs(ExecContext& cx, std::uint32_t i) {
    const auto a = CheckSysRegAccess(cx.cpu(), sysregEncoding(i), SysRegDirection::Read, rt(i));
    if (const auto* e = std::get_if<ExceptionEntry>(&a)) return cx.raise(*e);
    if (std::holds_alternative<ReservedIdRegister>(a)) return cx.setX(rt(i), 0); // RAZ
    const SysReg r = std::get<SysReg>(a);
    Provenance* prov = cx.provenance();
    if (const auto el = spRegisterEL(r)) {
        const std::uint64_t v = cx.spOfEL(*el);
        if (prov) prov->readScalar(v, prov->sp[toUnsigned(*el)]);
        return cx.setX(rt(i), v);
    }
    const std::uint64_t v = ReadSysReg(cx.arch(), r, cx.virtualCount());
    if (const Tag* t = cx.dataSysRegTag(r)) {
        prov->readScalar(v, *t);
    } else if (prov) {
        if (const auto parked = prov->parkedTag(r, v)) prov->readScalar(v, *parked);
    }
    cx.setX(rt(i), v);
}
void execMsrReg(ExecContext& cx, std::uint32_t i) {
    const auto a = CheckSysRegAccess(cx.cpu(), sysregEncoding(i), SysRegDirection::Write, rt(i));
    if (const auto* e = std::get_if<ExceptionEntry>(&a)) return cx.raise(*e);
    const SysReg r = std::get<SysReg>(a);
    Provenance* prov = cx.provenance();
    if (const auto el = spRegisterEL(r)) {
        cx.spOfEL(*el) = cx.X(rt(i));
        if (prov) prov->sp[toUnsigned(*el)] = prov->sourcesTag();
        return;
    }
    const std::uint64_t v = cx.X(rt(i));
    WriteSysReg(cx.arch(), r, v);
    if (Tag* t = cx.dataSysRegTag(r)) {
        *t = prov->sourcesTag();
    } else if (prov) {
        // A register that keeps only some bits reads back another value: no copy then.
        prov->parked(r, v, prov->sourcesTag());
    }
    cx.effect = SideEffect::ContextChanged;
}
std::string sysregText(std::uint32_t i, bool write) {
    const SysRegEncoding e = sysregEncoding(i);
    const SysRegDirection dir = write ? SysRegDirection::Write : SysRegDirection::Read;
    const auto r = sysRegByEncoding(e, dir);
    const SysRegRw forbidden = write ? SysRegRw::ReadOnly : SysRegRw::WriteOnly;
    // A name is only used in the direction the register allows (LLVM does the same).
    if (r && sysRegInfo(*r).rw != forbidden) {
        std::string n(name(*r));
        for (char& c : n)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (n == "CURRENTEL") n = "CurrentEL";
        if (n == "SPSEL") n = "SPSel";
        return n;
    }
    return fmt::format("S{}_{}_C{}_C{}_{}", e.op0, e.op1, e.crn, e.crm, e.op2);
}
std::string disMrs(std::uint32_t i, std::uint64_t) {
    return fmt::format("mrs\t{}, {}", regName(rt(i), true), sysregText(i, false));
}
std::string disMsrReg(std::uint32_t i, std::uint64_t) {
    return fmt::format("msr\t{}, {}", sysregText(i, true), regName(rt(i), true));
}

// ---- SYS (op0 = 1): cache, TLB and address-translation maintenance
// ---------------------------------------
void execSys(ExecContext& cx, std::uint32_t) {
    // Every DC/IC/AT/TLBI operation of the implemented features is a row of sys_maint_insns.cpp,
    // decoded before this one; what reaches here allocates no operation (e.g. DC CVADP without
    // FEAT_DPB2, TLBI VMALLE1OS without FEAT_TLBIOS) and is UNDEFINED at every EL.
    cx.undefined();
}
bool validSys(std::uint32_t i) {
    const unsigned crn = bits(i, 15, 12);
    return !bit1(i, 21) && (crn == 7 || crn == 8); // SYS (not SYSL): DC/IC/AT and TLBI
}
std::string disSys(std::uint32_t i, std::uint64_t) {
    // The generic form; LLVM names many of these (TLBI, DC, IC, AT), which svesim does not.
    const std::string reg = rt(i) == 31 ? "" : ", " + regName(rt(i), true);
    return fmt::format("sys\t#{}, c{}, c{}, #{}{}", bits(i, 18, 16), bits(i, 15, 12),
                       bits(i, 11, 8), bits(i, 7, 5), reg);
}

// ---- Exception generation and return
// -----------------------------------------------------------------------
std::uint16_t imm16(std::uint32_t i) {
    return static_cast<std::uint16_t>(bits(i, 20, 5));
}
void execSvc(ExecContext& cx, std::uint32_t i) {
    cx.raise(AArch64_CallSupervisor(cx.cpu(), imm16(i)));
}
void execHvc(ExecContext& cx, std::uint32_t i) {
    cx.raise(AArch64_HypervisorCall(cx.cpu(), imm16(i)));
}
void execSmc(ExecContext& cx, std::uint32_t i) {
    cx.raise(AArch64_SecureMonitorCall(cx.cpu(), imm16(i)));
}
void execBrk(ExecContext& cx, std::uint32_t i) {
    cx.raise(AArch64_SoftwareBreakpoint(cx.cpu(), imm16(i)));
}
void execHlt(ExecContext& cx, std::uint32_t i) {
    // HLT #0xF000 is the semihosting call; otherwise halting debug is not enabled
    // (EDSCR.HDE == 0), which makes HLT UNDEFINED.
    if (imm16(i) == 0xF000)
        cx.effect = SideEffect::Semihosting;
    else
        cx.undefined();
}
std::string disExceptionGen(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 23, 21), ll = bits(i, 1, 0);
    const char* mn = "?";
    if (opc == 0) mn = ll == 1 ? "svc" : ll == 2 ? "hvc" : "smc";
    if (opc == 1) mn = "brk";
    if (opc == 2) mn = "hlt";
    return fmt::format("{}\t#{}", mn, hexImm(imm16(i)));
}
void execEret(ExecContext& cx, std::uint32_t) {
    if (cx.pstate().el == EL::EL0) return cx.undefined();
    AArch64_ExceptionReturn(cx.arch());
    cx.next_pc = cx.pc();
    cx.monitor.open = false;  // ClearExclusiveLocal
    cx.event_register = true; // SendEventLocal
    cx.effect = SideEffect::ContextChanged;
}
std::string disEret(std::uint32_t, std::uint64_t) {
    return "eret";
}

// clang-format off
const InsnDef kSystemInsns[] = {
    withFast(insn("1101010100 0 00 011 0010 xxxx xxx 11111", "HINT_hints", execHint, disHint, T::IntAlu), fastHint),
    insn("1101010100 0 00 011 0011 xxxx 010 11111", "CLREX_BN_barriers", execClrex, disBarrier, T::Barrier),
    insn("1101010100 0 00 011 0011 xxxx 1xx 11111", "DSB_DMB_ISB_barriers", execBarrier, disBarrier, T::Barrier, validBarrier),
    insn("1101010100 0 00 xxx 0100 xxxx xxx 11111", "MSR_SI_pstate", execMsrImm, disMsrImm, T::Msr, validMsrImm),
    insn("1101010100 1 1x xxx xxxx xxxx xxx xxxxx", "MRS_RS_systemmove", execMrs, disMrs, T::Mrs),
    insn("1101010100 0 1x xxx xxxx xxxx xxx xxxxx", "MSR_SR_systemmove", execMsrReg, disMsrReg, T::Msr),
    insn("1101010100 0 01 xxx xxxx xxxx xxx xxxxx", "SYS_CR_systeminstrs", execSys, disSys, T::Barrier, validSys),
    insn("11010100 000 xxxxxxxxxxxxxxxx 000 01", "SVC_EX_exception", execSvc, disExceptionGen, T::ExceptionEntry),
    insn("11010100 000 xxxxxxxxxxxxxxxx 000 10", "HVC_EX_exception", execHvc, disExceptionGen, T::ExceptionEntry),
    insn("11010100 000 xxxxxxxxxxxxxxxx 000 11", "SMC_EX_exception", execSmc, disExceptionGen, T::ExceptionEntry),
    insn("11010100 001 xxxxxxxxxxxxxxxx 000 00", "BRK_EX_exception", execBrk, disExceptionGen, T::ExceptionEntry),
    insn("11010100 010 xxxxxxxxxxxxxxxx 000 00", "HLT_EX_exception", execHlt, disExceptionGen, T::ExceptionEntry),
    insn("1101011 0100 11111 000000 11111 00000", "ERET_64E_branch_reg", execEret, disEret, T::Eret),
};
// clang-format on

} // namespace

std::span<const InsnDef> systemInsns() {
    return kSystemInsns;
}

} // namespace svesim::isa
