// The Generic Timer. Expected values: ARM-M chapter D11 (the timers' TimerConditionMet, TVAL and
// CVAL rules) and the accessibility pseudocode of CNTFRQ_EL0, CNTPCT_EL0, CNTVCT_EL0, CNTP_* and
// CNTV_* with CNTKCTL_EL1/CNTHCTL_EL2 (ARM-M D19.11).
#include "svesim/model/generic_timer.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::model;
using R = TimerReg;

namespace {

constexpr std::uint64_t kTge = 1U << 27, kE2H = 1ULL << 34;

TimerAccessContext at(EL el, std::uint64_t hcr = 0) {
    TimerAccessContext c;
    c.el = el;
    c.hcr_el2 = hcr;
    return c;
}

struct Fixture {
    std::uint64_t now = 1000;
    GenericTimer t{[this] { return now; }};
    std::uint64_t rd(R r, const TimerAccessContext& c = at(EL::EL2)) { return t.read(r, c).value; }
    void wr(R r, std::uint64_t v, const TimerAccessContext& c = at(EL::EL2)) { t.write(r, c, v); }
};

} // namespace

TEST_CASE("ARM-M D11.2: CNTPCT follows the count source, CNTVCT subtracts CNTVOFF_EL2 except in "
          "a VHE host's EL2&0",
          "[timer]") {
    Fixture f;
    CHECK(f.rd(R::CNTFRQ_EL0) == 62'500'000); // QEMU virt's CNTFRQ_EL0 (0x3b9aca0)
    CHECK(f.rd(R::CNTPCT_EL0) == 1000);
    f.wr(R::CNTVOFF_EL2, 300);
    CHECK(f.rd(R::CNTVCT_EL0, at(EL::EL1)) == 700);
    CHECK(f.rd(R::CNTVCT_EL0, at(EL::EL2)) == 700);
    CHECK(f.rd(R::CNTVCT_EL0, at(EL::EL2, kE2H | kTge)) == 1000);
    f.now = 5000;
    CHECK(f.rd(R::CNTVCT_EL0, at(EL::EL1)) == 4700);
}

TEST_CASE("ARM-M D11.2.4: ISTATUS once count >= CVAL; TVAL is CVAL - count, a write sets CVAL = "
          "count + SignExtend(TVAL); the interrupt is ENABLE & ISTATUS & !IMASK",
          "[timer]") {
    Fixture f;
    std::vector<std::pair<TimerId, bool>> changes;
    f.t.setLevelListener([&](TimerId id, bool level) { changes.emplace_back(id, level); });
    const TimerAccessContext el1 = at(EL::EL1);
    f.wr(R::CNTV_TVAL_EL0, 500, el1);
    CHECK(f.rd(R::CNTV_CVAL_EL0, el1) == 1500);
    CHECK(f.rd(R::CNTV_CTL_EL0, el1) == 0);
    f.wr(R::CNTV_CTL_EL0, 1, el1);
    CHECK(f.rd(R::CNTV_CTL_EL0, el1) == 1); // not yet
    CHECK(f.t.nextEventCount() == 1500u);
    f.now = 1499;
    f.t.poll();
    CHECK(changes.empty());
    f.now = 1500;
    f.t.poll();
    CHECK(f.rd(R::CNTV_CTL_EL0, el1) == 5); // ENABLE | ISTATUS
    CHECK(f.t.interruptLevel(TimerId::Virt));
    CHECK(changes == std::vector<std::pair<TimerId, bool>>{{TimerId::Virt, true}});
    CHECK(f.rd(R::CNTV_TVAL_EL0, el1) == 0);
    f.now = 1510;
    CHECK(f.rd(R::CNTV_TVAL_EL0, el1) == 0xFFFF'FFF6); // -10 in 32 bits
    CHECK_FALSE(f.t.nextEventCount().has_value());
    f.wr(R::CNTV_CTL_EL0, 3, el1); // IMASK: ISTATUS stays, the level drops
    CHECK(f.rd(R::CNTV_CTL_EL0, el1) == 7);
    CHECK_FALSE(f.t.interruptLevel(TimerId::Virt));
    CHECK(changes.back() == std::pair<TimerId, bool>{TimerId::Virt, false});
    f.wr(R::CNTV_TVAL_EL0, 0xFFFF'FF00, el1); // negative TVAL: CVAL in the past
    CHECK(f.rd(R::CNTV_CVAL_EL0, el1) == 1510 - 256);
    f.wr(R::CNTV_CTL_EL0, 0, el1);
    CHECK(f.rd(R::CNTV_CTL_EL0, el1) == 0); // ISTATUS reads 0 while disabled
}

TEST_CASE("ARM-M D11.2.4: the EL1 virtual timer compares the virtual count, the others the "
          "physical count; each drives its architected PPI",
          "[timer]") {
    Fixture f;
    f.wr(R::CNTVOFF_EL2, 1000);
    f.wr(R::CNTV_CVAL_EL0, 100, at(EL::EL1));
    f.wr(R::CNTV_CTL_EL0, 1, at(EL::EL1));
    f.wr(R::CNTHP_CVAL_EL2, 1050);
    f.wr(R::CNTHP_CTL_EL2, 1);
    CHECK(f.t.nextEventCount() == 1050u); // CNTHP at 1050, CNTV at 100 + 1000
    f.now = 1100;
    CHECK(f.t.interruptLevel(TimerId::Virt));
    CHECK(f.t.interruptLevel(TimerId::HypPhys));
    CHECK_FALSE(f.t.interruptLevel(TimerId::Phys));
    CHECK(timerPpi(TimerId::Phys) == 30);
    CHECK(timerPpi(TimerId::Virt) == 27);
    CHECK(timerPpi(TimerId::HypPhys) == 26);
    CHECK(timerPpi(TimerId::HypVirt) == 28);
}

TEST_CASE("FEAT_VHE: at EL2 with E2H = 1 CNTP_*/CNTV_* reach CNTHP_*/CNTHV_*, *_EL02 the EL1 "
          "timers, CNTKCTL_EL1 reaches CNTHCTL_EL2",
          "[timer]") {
    Fixture f;
    const TimerAccessContext vhe = at(EL::EL2, kE2H);
    f.wr(R::CNTP_CVAL_EL0, 111, vhe);
    f.wr(R::CNTV_CVAL_EL0, 222, vhe);
    CHECK(f.rd(R::CNTHP_CVAL_EL2) == 111);
    CHECK(f.rd(R::CNTHV_CVAL_EL2) == 222);
    f.wr(R::CNTV_CVAL_EL02, 333, vhe);
    CHECK(f.rd(R::CNTV_CVAL_EL0, at(EL::EL1)) == 333);
    f.wr(R::CNTKCTL_EL1, 0x303, vhe);
    CHECK(f.rd(R::CNTHCTL_EL2) == 0x303);
    CHECK(f.rd(R::CNTKCTL_EL1, at(EL::EL1)) == 0);
    f.wr(R::CNTKCTL_EL12, 0x3, vhe);
    CHECK(f.rd(R::CNTKCTL_EL1, at(EL::EL1)) == 3);
    // Without E2H the *_EL02/EL12 names are UNDEFINED, and EL2 names are UNDEFINED at EL1.
    CHECK(f.t.checkAccess(R::CNTV_CVAL_EL02, at(EL::EL2), false) == TimerAccessResult::undefined());
    CHECK(f.t.checkAccess(R::CNTHP_CTL_EL2, at(EL::EL1), false) == TimerAccessResult::undefined());
    CHECK(f.t.checkAccess(R::CNTPCT_EL0, at(EL::EL1), true) == TimerAccessResult::undefined());
}

TEST_CASE("ARM-M D19.11 accessibility: CNTKCTL_EL1 gates EL0 (trap to EL1, or EL2 with TGE), "
          "CNTHCTL_EL2 gates EL0/EL1 physical accesses and a VHE host's EL0",
          "[timer]") {
    Fixture f;
    using Res = TimerAccessResult;
    // CNTKCTL_EL1 = 0: every EL0 access traps to EL1; CNTFRQ needs EL0PCTEN or EL0VCTEN.
    CHECK(f.t.checkAccess(R::CNTVCT_EL0, at(EL::EL0), false) == Res::trap(EL::EL1));
    CHECK(f.t.checkAccess(R::CNTFRQ_EL0, at(EL::EL0), false) == Res::trap(EL::EL1));
    CHECK(f.t.checkAccess(R::CNTV_CTL_EL0, at(EL::EL0), false) == Res::trap(EL::EL1));
    CHECK(f.t.checkAccess(R::CNTV_CTL_EL0, at(EL::EL0, kTge), false) == Res::trap(EL::EL2));
    f.wr(R::CNTKCTL_EL1, 0x302, at(EL::EL1)); // EL0VCTEN, EL0VTEN, EL0PTEN
    CHECK(f.t.checkAccess(R::CNTVCT_EL0, at(EL::EL0), false).isOk());
    CHECK(f.t.checkAccess(R::CNTFRQ_EL0, at(EL::EL0), false).isOk());
    CHECK(f.t.checkAccess(R::CNTPCT_EL0, at(EL::EL0), false) == Res::trap(EL::EL1));
    CHECK(f.t.checkAccess(R::CNTV_CTL_EL0, at(EL::EL0), false).isOk());
    // CNTHCTL_EL2 (E2H = 0): EL1PCTEN [0], EL1PCEN [1] (reset 3: nothing trapped).
    CHECK(f.t.checkAccess(R::CNTP_CTL_EL0, at(EL::EL1), false).isOk());
    f.wr(R::CNTHCTL_EL2, 0);
    CHECK(f.t.checkAccess(R::CNTPCT_EL0, at(EL::EL1), false) == Res::trap(EL::EL2));
    CHECK(f.t.checkAccess(R::CNTP_CTL_EL0, at(EL::EL1), false) == Res::trap(EL::EL2));
    CHECK(f.t.checkAccess(R::CNTP_CTL_EL0, at(EL::EL0), false) == Res::trap(EL::EL2));
    CHECK(f.t.checkAccess(R::CNTV_CTL_EL0, at(EL::EL1), false).isOk());
    // Secure EL1: EL2 is not enabled, CNTHCTL_EL2 does not apply.
    TimerAccessContext s = at(EL::EL1);
    s.secure = true;
    CHECK(f.t.checkAccess(R::CNTPCT_EL0, s, false).isOk());
    // E2H = 1: EL1PCTEN/EL1PCEN move to [10]/[11].
    f.wr(R::CNTHCTL_EL2, 3);
    CHECK(f.t.checkAccess(R::CNTPCT_EL0, at(EL::EL1, kE2H), false) == Res::trap(EL::EL2));
    f.wr(R::CNTHCTL_EL2, 3U << 10);
    CHECK(f.t.checkAccess(R::CNTP_CTL_EL0, at(EL::EL1, kE2H), false).isOk());
    // A VHE host's EL0 (E2H = TGE = 1) is gated by CNTHCTL_EL2's EL0 bits, trapping to EL2.
    const TimerAccessContext host0 = at(EL::EL0, kE2H | kTge);
    CHECK(f.t.checkAccess(R::CNTVCT_EL0, host0, false) == Res::trap(EL::EL2));
    f.wr(R::CNTHCTL_EL2, 0x2); // EL0VCTEN
    CHECK(f.t.checkAccess(R::CNTVCT_EL0, host0, false).isOk());
    CHECK(f.t.checkAccess(R::CNTV_CTL_EL0, host0, false) == Res::trap(EL::EL2));
    // CNTFRQ_EL0 is writable only at the highest EL (EL3 here).
    CHECK(f.t.checkAccess(R::CNTFRQ_EL0, at(EL::EL2), true) == Res::undefined());
    CHECK(f.t.checkAccess(R::CNTFRQ_EL0, at(EL::EL3), true).isOk());
}
