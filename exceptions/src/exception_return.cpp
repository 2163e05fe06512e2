#include "svesim/arch/el_predicates.h"
#include "svesim/exceptions/take_exception.h"

#include <cassert>

namespace svesim {
namespace {

// ELFromSPSR for svesim (AArch64 only): M[4] == 1 requests AArch32, which is never valid.
bool ELFromSPSR(const CpuState& s, std::uint64_t spsr, EL& target) {
    if (bitSet(spsr, 4)) return false; // AArch32 is not implemented
    target = elFromUnsigned(static_cast<unsigned>(field(spsr, 3, 2)));
    if (!HaveEL(s, target)) return false;                   // unimplemented EL
    if (bitSet(spsr, 1)) return false;                      // M[1] is reserved
    if (target == EL::EL0 && bitSet(spsr, 0)) return false; // EL0 has no SP_EL0h mode
    if (target == EL::EL2 && HaveEL(s, EL::EL3) && !bitSet(s.scr(), scr::NS))
        return false; // Secure EL2 is not implemented
    return true;
}

} // namespace

// R20 (SAIL IllegalExceptionReturn).
bool IllegalExceptionReturn(const CpuState& s, std::uint64_t spsr) {
    EL target = EL::EL0;
    if (!ELFromSPSR(s, spsr, target)) return true;
    if (toUnsigned(target) > toUnsigned(s.pstate.el)) return true;
    // The register width the SPSR asks for (AArch64) must match the target EL's, as SCR_EL3.RW
    // and HCR_EL2.RW set it.
    if (ELUsingAArch32(s, target)) return true;
    if (EL2Enabled(s) && target == EL::EL1 && bitSet(s.hcr(), hcr::TGE)) return true;
    return false;
}

// R20 (SAIL SetPSTATEFromPSR).
void SetPSTATEFromPSR(CpuState& s, std::uint64_t spsr, bool illegal) {
    PState& p = s.pstate;
    if (illegal) {
        p.il = true; // EL and SP unchanged; UNKNOWN fields take the SPSR's values
    } else {
        p.el = elFromUnsigned(static_cast<unsigned>(field(spsr, 3, 2)));
        p.sp = bitSet(spsr, 0);
        p.il = bitSet(spsr, 20);
    }
    p.ss = false; // self-hosted debug (MDSCR_EL1.SS) is not implemented
    setNzcvBits(p, spsr);
    setDaifBits(p, spsr);
    p.pan = bitSet(spsr, 22);
    p.uao = bitSet(spsr, 23);
}

// R15, R20 (ARM-M J1.1 AArch64.ExceptionReturn).
bool AArch64_ExceptionReturn(ArchState& st) {
    CpuState& s = st.cpu;
    const EL from = s.pstate.el;
    assert(from != EL::EL0);
    const SysReg spsr_reg = from == EL::EL1   ? SysReg::SPSR_EL1
                            : from == EL::EL2 ? SysReg::SPSR_EL2
                                              : SysReg::SPSR_EL3;
    const SysReg elr_reg = from == EL::EL1   ? SysReg::ELR_EL1
                           : from == EL::EL2 ? SysReg::ELR_EL2
                                             : SysReg::ELR_EL3;
    const std::uint64_t spsr = s.sysregs.raw(spsr_reg);
    const std::uint64_t target_pc = s.sysregs.raw(elr_reg);
    const VectorLength vl_before = st.currentVL();

    // SynchronizeContext(): svesim applies system-register writes immediately (R21).
    const bool illegal = IllegalExceptionReturn(s, spsr);
    SetPSTATEFromPSR(s, spsr, illegal);
    s.pc = target_pc;
    // R15: the ASL changes no SVE state here; QEMU narrows (qemu policy only).
    if (!illegal) st.sve.qemuChangeEL(s, from, s.pstate.el, ZeroUpperSite::EretNarrow);

    if (!st.bus.empty()) {
        st.bus.emit(ExceptionReturnEvent{{}, from, s.pstate.el, illegal, spsr, target_pc});
        const VectorLength vl_after = st.currentVL();
        if (vl_after != vl_before)
            st.bus.emit(VectorLengthChange{{},
                                           s.pstate.el,
                                           vl_before.bits(),
                                           vl_after.bits(),
                                           VlChangeCause::ExceptionReturn});
    }
    return illegal;
}

} // namespace svesim
