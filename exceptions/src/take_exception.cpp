#include "svesim/exceptions/take_exception.h"

#include "svesim/arch/el_predicates.h"

#include <cassert>

namespace svesim {
namespace {

SysReg perEl(EL el, SysReg r1, SysReg r2, SysReg r3) {
    return el == EL::EL1 ? r1 : el == EL::EL2 ? r2 : r3;
}

} // namespace

// §4.3 (SAIL GetPSRFromPSTATE).
std::uint64_t GetPSRFromPSTATE(const PState& p) {
    std::uint64_t v = nzcvBits(p) | daifBits(p);
    v |= std::uint64_t{p.uao} << 23 | std::uint64_t{p.pan} << 22 | std::uint64_t{p.ss} << 21 |
         std::uint64_t{p.il} << 20;
    v |= std::uint64_t{toUnsigned(p.el)} << 2 | std::uint64_t{p.sp};
    return v;
}

// R16 (ARM-M D1.4.1.6 R_RYXCL; SAIL AArch64_TakeException).
std::uint64_t VectorOffset(const CpuState& s, const ExceptionEntry& e) {
    std::uint64_t offset = vectorBase(e.record.type);
    const EL from = s.pstate.el;
    if (toUnsigned(e.target) > toUnsigned(from)) {
        bool lower_32 = false;
        if (e.target == EL::EL3)
            lower_32 = EL2Enabled(s) ? ELUsingAArch32(s, EL::EL2) : ELUsingAArch32(s, EL::EL1);
        else if (ELIsInHost(s, EL::EL0) && from == EL::EL0 && e.target == EL::EL2)
            lower_32 = ELUsingAArch32(s, EL::EL0);
        else
            lower_32 = ELUsingAArch32(s, elFromUnsigned(toUnsigned(e.target) - 1));
        offset += lower_32 ? 0x600 : 0x400;
    } else if (s.pstate.sp) {
        offset += 0x200;
    }
    return offset;
}

// R13-R17 (ARM-M D1.4.2; SAIL AArch64_TakeException).
void AArch64_TakeException(ArchState& st, const ExceptionEntry& e) {
    CpuState& s = st.cpu;
    const EL from = s.pstate.el;
    assert(toUnsigned(e.target) >= toUnsigned(from) && HaveEL(s, e.target));
    const VectorLength vl_before = st.currentVL();

    // Everything the entry reports is computed from the state before it changes, and the
    // event is emitted first: listeners (the scenario checker) see the state being left.
    const std::uint64_t offset = VectorOffset(s, e);
    const std::uint64_t spsr = GetPSRFromPSTATE(s.pstate);
    const std::uint32_t esr =
        reportsSyndrome(e.record.type) ? esrValue(e.record, from, e.target) : 0;
    const std::uint64_t vbar =
        s.sysregs.raw(perEl(e.target, SysReg::VBAR_EL1, SysReg::VBAR_EL2, SysReg::VBAR_EL3));
    const std::uint64_t vector = (vbar & ~std::uint64_t{0x7FF}) | offset;
    if (st.bus.listening(EventKind::ExceptionTaken))
        st.bus.emit(ExceptionTakenEvent{{},
                                        from,
                                        e.target,
                                        e.record.type,
                                        isAsynchronous(e.record.type),
                                        esr,
                                        e.preferred_return,
                                        vector});

    // SynchronizeContext(): svesim applies system-register writes immediately (R21).
    st.sve.MaybeZeroSVEUppers(s, e.target); // R13/R14, before PSTATE changes
    st.sve.qemuChangeEL(s, from, e.target, ZeroUpperSite::ExceptionNarrow);

    if (reportsSyndrome(e.record.type)) {
        s.sysregs.write(perEl(e.target, SysReg::ESR_EL1, SysReg::ESR_EL2, SysReg::ESR_EL3), esr);
        if (e.record.vaddress)
            s.sysregs.write(perEl(e.target, SysReg::FAR_EL1, SysReg::FAR_EL2, SysReg::FAR_EL3),
                            *e.record.vaddress);
        // A stage 2 abort taken to EL2 reports its IPA (AArch64.ReportException).
        if (e.record.hpfar && e.target == EL::EL2)
            s.sysregs.write(SysReg::HPFAR_EL2, *e.record.hpfar);
    }

    // R17 (ARM-M D1.4.2 R_WTXBY).
    PState& p = s.pstate;
    p.el = e.target;
    p.sp = true;
    p.ss = false;
    p.d = p.a = p.i = p.f = true;
    p.il = false;
    const bool span1 = bitSet(s.sysregs.raw(SysReg::SCTLR_EL1), sctlr::SPAN);
    const bool span2 = bitSet(s.sysregs.raw(SysReg::SCTLR_EL2), sctlr::SPAN);
    if ((e.target == EL::EL1 && !span1) ||
        (e.target == EL::EL2 && ELIsInHost(s, EL::EL2) && !span2))
        p.pan = true;
    p.uao = false;

    s.sysregs.write(perEl(e.target, SysReg::SPSR_EL1, SysReg::SPSR_EL2, SysReg::SPSR_EL3), spsr);
    s.sysregs.write(perEl(e.target, SysReg::ELR_EL1, SysReg::ELR_EL2, SysReg::ELR_EL3),
                    e.preferred_return);
    s.pc = vector;

    if (st.bus.listening(EventKind::VectorLengthChange)) {
        const VectorLength vl_after = st.currentVL();
        if (vl_after != vl_before)
            st.bus.emit(VectorLengthChange{
                {}, e.target, vl_before.bits(), vl_after.bits(), VlChangeCause::ExceptionEntry});
    }
    if (st.bus.listening(EventKind::ExceptionEntered))
        st.bus.emit(
            ExceptionEnteredEvent{{}, from, e.target, e.record.type, st.currentVL().bits()});
}

} // namespace svesim
