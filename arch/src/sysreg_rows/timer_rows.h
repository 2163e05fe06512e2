// System-register rows: the Generic Timer (ARM-M D11, D24.8). The frequency, the counts and the
// timers are device rows: their values live in the PE's model::GenericTimer (SysRegDevice), after
// the checks here (the gates CNTKCTL_EL1/CNTHCTL_EL2 control, FEAT_VHE redirection, the _EL02
// aliases). CNTKCTL_EL1 and CNTHCTL_EL2 themselves are stored rows (core_rows.h).
#pragma once

#include "row_helpers.h"

namespace svesim::sysreg_rows {

// A timer register held by the PE's generic timer; `e2h`: the EL2 timer the name reaches at EL2
// with HCR_EL2.E2H=1 (and at EL0 of a VHE host).
constexpr SysRegInfo timer(R id, std::string_view nm, SysRegEncoding e, EL min, EL needs,
                           SysRegRw rw, G gate, std::optional<R> e2h = std::nullopt) {
    return reg(id, nm, e, min, needs, rw, gate, kNone, 0, 0, false, e2h).device();
}

// clang-format off
inline constexpr std::array kTimerRows{
    // CNTFRQ_EL0 keeps its access rule (EL0 reads by EL0PCTEN|EL0VCTEN, writes at the highest
    // EL); its value is the timer's (the firmware programs it). The stored reset value is what a
// PE without a timer device (unit tests of isa/) scales its cycle count with.
    reg(R::CNTFRQ_EL0, "CNTFRQ_EL0", {3,3,14,0,0}, EL::EL0, EL::EL0, RW, G::Cntfrq, kHigh32, 0, 62'500'000, true).device(),
    timer(R::CNTPCT_EL0, "CNTPCT_EL0", {3,3,14,0,1}, EL::EL0, EL::EL0, RO, G::CntpctEl0),
    timer(R::CNTVCT_EL0, "CNTVCT_EL0", {3,3,14,0,2}, EL::EL0, EL::EL0, RO, G::CntvctEl0),
    timer(R::CNTP_TVAL_EL0, "CNTP_TVAL_EL0", {3,3,14,2,0}, EL::EL0, EL::EL0, RW, G::CntpTimer, R::CNTHP_TVAL_EL2),
    timer(R::CNTP_CTL_EL0, "CNTP_CTL_EL0", {3,3,14,2,1}, EL::EL0, EL::EL0, RW, G::CntpTimer, R::CNTHP_CTL_EL2),
    timer(R::CNTP_CVAL_EL0, "CNTP_CVAL_EL0", {3,3,14,2,2}, EL::EL0, EL::EL0, RW, G::CntpTimer, R::CNTHP_CVAL_EL2),
    timer(R::CNTV_TVAL_EL0, "CNTV_TVAL_EL0", {3,3,14,3,0}, EL::EL0, EL::EL0, RW, G::CntvTimer, R::CNTHV_TVAL_EL2),
    timer(R::CNTV_CTL_EL0, "CNTV_CTL_EL0", {3,3,14,3,1}, EL::EL0, EL::EL0, RW, G::CntvTimer, R::CNTHV_CTL_EL2),
    timer(R::CNTV_CVAL_EL0, "CNTV_CVAL_EL0", {3,3,14,3,2}, EL::EL0, EL::EL0, RW, G::CntvTimer, R::CNTHV_CVAL_EL2),
    timer(R::CNTHP_TVAL_EL2, "CNTHP_TVAL_EL2", {3,4,14,2,0}, EL::EL2, EL::EL2, RW, G::None),
    timer(R::CNTHP_CTL_EL2, "CNTHP_CTL_EL2", {3,4,14,2,1}, EL::EL2, EL::EL2, RW, G::None),
    timer(R::CNTHP_CVAL_EL2, "CNTHP_CVAL_EL2", {3,4,14,2,2}, EL::EL2, EL::EL2, RW, G::None),
    timer(R::CNTHV_TVAL_EL2, "CNTHV_TVAL_EL2", {3,4,14,3,0}, EL::EL2, EL::EL2, RW, G::None),
    timer(R::CNTHV_CTL_EL2, "CNTHV_CTL_EL2", {3,4,14,3,1}, EL::EL2, EL::EL2, RW, G::None),
    timer(R::CNTHV_CVAL_EL2, "CNTHV_CVAL_EL2", {3,4,14,3,2}, EL::EL2, EL::EL2, RW, G::None),
    timer(R::CNTVOFF_EL2, "CNTVOFF_EL2", {3,4,14,0,3}, EL::EL2, EL::EL2, RW, G::None),
    alias12(R::CNTP_TVAL_EL02, "CNTP_TVAL_EL02", {3,5,14,2,0}, R::CNTP_TVAL_EL0),
    alias12(R::CNTP_CTL_EL02, "CNTP_CTL_EL02", {3,5,14,2,1}, R::CNTP_CTL_EL0),
    alias12(R::CNTP_CVAL_EL02, "CNTP_CVAL_EL02", {3,5,14,2,2}, R::CNTP_CVAL_EL0),
    alias12(R::CNTV_TVAL_EL02, "CNTV_TVAL_EL02", {3,5,14,3,0}, R::CNTV_TVAL_EL0),
    alias12(R::CNTV_CTL_EL02, "CNTV_CTL_EL02", {3,5,14,3,1}, R::CNTV_CTL_EL0),
    alias12(R::CNTV_CVAL_EL02, "CNTV_CVAL_EL02", {3,5,14,3,2}, R::CNTV_CVAL_EL0),
};
// clang-format on

} // namespace svesim::sysreg_rows
