// The Generic Timer of one PE (generic_timer.h; ARM-M chapter D11).
#include "svesim/model/generic_timer.h"

#include <algorithm>
#include <cctype>

namespace svesim::model {
namespace {

using R = TimerReg;
constexpr bool RO = true, RW = false;

// clang-format off
constexpr std::array<TimerRegInfo, kTimerRegCount> kTable{{
    {R::CNTFRQ_EL0, "CNTFRQ_EL0", 3, 3, 14, 0, 0, EL::EL0, RW},
    {R::CNTPCT_EL0, "CNTPCT_EL0", 3, 3, 14, 0, 1, EL::EL0, RO},
    {R::CNTVCT_EL0, "CNTVCT_EL0", 3, 3, 14, 0, 2, EL::EL0, RO},
    {R::CNTP_TVAL_EL0, "CNTP_TVAL_EL0", 3, 3, 14, 2, 0, EL::EL0, RW},
    {R::CNTP_CTL_EL0, "CNTP_CTL_EL0", 3, 3, 14, 2, 1, EL::EL0, RW},
    {R::CNTP_CVAL_EL0, "CNTP_CVAL_EL0", 3, 3, 14, 2, 2, EL::EL0, RW},
    {R::CNTV_TVAL_EL0, "CNTV_TVAL_EL0", 3, 3, 14, 3, 0, EL::EL0, RW},
    {R::CNTV_CTL_EL0, "CNTV_CTL_EL0", 3, 3, 14, 3, 1, EL::EL0, RW},
    {R::CNTV_CVAL_EL0, "CNTV_CVAL_EL0", 3, 3, 14, 3, 2, EL::EL0, RW},
    {R::CNTHP_TVAL_EL2, "CNTHP_TVAL_EL2", 3, 4, 14, 2, 0, EL::EL2, RW},
    {R::CNTHP_CTL_EL2, "CNTHP_CTL_EL2", 3, 4, 14, 2, 1, EL::EL2, RW},
    {R::CNTHP_CVAL_EL2, "CNTHP_CVAL_EL2", 3, 4, 14, 2, 2, EL::EL2, RW},
    {R::CNTHV_TVAL_EL2, "CNTHV_TVAL_EL2", 3, 4, 14, 3, 0, EL::EL2, RW},
    {R::CNTHV_CTL_EL2, "CNTHV_CTL_EL2", 3, 4, 14, 3, 1, EL::EL2, RW},
    {R::CNTHV_CVAL_EL2, "CNTHV_CVAL_EL2", 3, 4, 14, 3, 2, EL::EL2, RW},
    {R::CNTVOFF_EL2, "CNTVOFF_EL2", 3, 4, 14, 0, 3, EL::EL2, RW},
    {R::CNTHCTL_EL2, "CNTHCTL_EL2", 3, 4, 14, 1, 0, EL::EL2, RW},
    {R::CNTKCTL_EL1, "CNTKCTL_EL1", 3, 0, 14, 1, 0, EL::EL1, RW},
    {R::CNTKCTL_EL12, "CNTKCTL_EL12", 3, 5, 14, 1, 0, EL::EL2, RW},
    {R::CNTP_TVAL_EL02, "CNTP_TVAL_EL02", 3, 5, 14, 2, 0, EL::EL2, RW},
    {R::CNTP_CTL_EL02, "CNTP_CTL_EL02", 3, 5, 14, 2, 1, EL::EL2, RW},
    {R::CNTP_CVAL_EL02, "CNTP_CVAL_EL02", 3, 5, 14, 2, 2, EL::EL2, RW},
    {R::CNTV_TVAL_EL02, "CNTV_TVAL_EL02", 3, 5, 14, 3, 0, EL::EL2, RW},
    {R::CNTV_CTL_EL02, "CNTV_CTL_EL02", 3, 5, 14, 3, 1, EL::EL2, RW},
    {R::CNTV_CVAL_EL02, "CNTV_CVAL_EL02", 3, 5, 14, 3, 2, EL::EL2, RW},
}};
// clang-format on

constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        if (static_cast<std::size_t>(kTable[i].id) != i) return false;
    return true;
}
static_assert(inEnumOrder(), "kTable must list the registers in TimerReg order");

// Each timer's registers are TVAL, CTL, CVAL in that order, starting at a multiple of 3.
enum class Field : std::uint8_t { Tval, Ctl, Cval };
static_assert(static_cast<unsigned>(R::CNTP_TVAL_EL0) % 3 == 0 &&
              static_cast<unsigned>(R::CNTV_TVAL_EL0) % 3 == 0 &&
              static_cast<unsigned>(R::CNTHP_TVAL_EL2) % 3 == 0 &&
              static_cast<unsigned>(R::CNTHV_TVAL_EL2) % 3 == 0);
Field fieldOf(TimerReg r) {
    return static_cast<Field>(static_cast<unsigned>(r) % 3);
}

// CNTx_CTL_EL0 (ARM-M D19.11): ENABLE [0], IMASK [1], ISTATUS [2] (RO).
constexpr std::uint64_t kCtlEnable = 1, kCtlImask = 2, kCtlIstatus = 4;
// CNTKCTL_EL1, and CNTHCTL_EL2 with E2H = 1 (the same positions): EL0PCTEN [0], EL0VCTEN [1],
// EL0VTEN [8], EL0PTEN [9]; CNTHCTL_EL2 also EL1PCTEN/EL1PCEN at [0]/[1] with E2H = 0 and at
// [10]/[11] with E2H = 1.
constexpr unsigned kEl0Pcten = 0, kEl0Vcten = 1, kEl0Vten = 8, kEl0Pten = 9;
// Writable bits: CNTKCTL_EL1 [9:0] (EVNTI/EVNTDIR/EVNTEN kept although the event stream is not
// generated); CNTHCTL_EL2 [11:0].
constexpr std::uint64_t kCntkctlMask = 0x3FF, kCnthctlMask = 0xFFF;

bool equalNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) ==
                      std::toupper(static_cast<unsigned char>(y));
           });
}

} // namespace

std::string_view name(TimerId t) {
    switch (t) {
    case TimerId::Phys: return "CNTP";
    case TimerId::Virt: return "CNTV";
    case TimerId::HypPhys: return "CNTHP";
    case TimerId::HypVirt: return "CNTHV";
    }
    return "?";
}

std::uint32_t timerPpi(TimerId t) {
    switch (t) {
    case TimerId::Phys: return 30;
    case TimerId::Virt: return 27;
    case TimerId::HypPhys: return 26;
    case TimerId::HypVirt: return 28;
    }
    return 0;
}

std::span<const TimerRegInfo> timerRegTable() {
    return kTable;
}
const TimerRegInfo& timerRegInfo(TimerReg r) {
    return kTable[static_cast<std::size_t>(r)];
}
std::optional<TimerReg> timerRegByName(std::string_view n) {
    for (const TimerRegInfo& i : kTable)
        if (equalNoCase(i.name, n)) return i.id;
    return std::nullopt;
}
std::optional<TimerReg> timerRegByEncoding(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                                           unsigned op2) {
    for (const TimerRegInfo& i : kTable)
        if (i.op0 == op0 && i.op1 == op1 && i.crn == crn && i.crm == crm && i.op2 == op2)
            return i.id;
    return std::nullopt;
}

GenericTimer::GenericTimer(CountSource physical_count, std::uint64_t frequency_hz)
    : count_(std::move(physical_count))
    , cntfrq_(frequency_hz) {
    reset();
}

// CTL.ENABLE resets to 0 (ARM-M D19.11); CVAL, CNTVOFF_EL2, CNTKCTL_EL1 and CNTHCTL_EL2 are
// UNKNOWN: svesim uses 0, 0, 0 and EL1PCTEN|EL1PCEN (nothing trapped), as QEMU does.
void GenericTimer::reset() {
    timers_ = {};
    cntvoff_ = 0;
    cntkctl_ = 0;
    cnthctl_ = 3;
    levels_ = {};
}

TimerReg GenericTimer::resolve(TimerReg r, const TimerAccessContext& ctx) {
    const bool host = ctx.inHost();
    switch (r) {
    case R::CNTP_TVAL_EL0: return host ? R::CNTHP_TVAL_EL2 : r;
    case R::CNTP_CTL_EL0: return host ? R::CNTHP_CTL_EL2 : r;
    case R::CNTP_CVAL_EL0: return host ? R::CNTHP_CVAL_EL2 : r;
    case R::CNTV_TVAL_EL0: return host ? R::CNTHV_TVAL_EL2 : r;
    case R::CNTV_CTL_EL0: return host ? R::CNTHV_CTL_EL2 : r;
    case R::CNTV_CVAL_EL0: return host ? R::CNTHV_CVAL_EL2 : r;
    case R::CNTKCTL_EL1: return (ctx.el == EL::EL2 && ctx.e2h()) ? R::CNTHCTL_EL2 : r;
    case R::CNTKCTL_EL12: return R::CNTKCTL_EL1;
    case R::CNTP_TVAL_EL02: return R::CNTP_TVAL_EL0;
    case R::CNTP_CTL_EL02: return R::CNTP_CTL_EL0;
    case R::CNTP_CVAL_EL02: return R::CNTP_CVAL_EL0;
    case R::CNTV_TVAL_EL02: return R::CNTV_TVAL_EL0;
    case R::CNTV_CTL_EL02: return R::CNTV_CTL_EL0;
    case R::CNTV_CVAL_EL02: return R::CNTV_CVAL_EL0;
    default: return r;
    }
}

std::optional<TimerId> GenericTimer::timerOf(TimerReg r) {
    switch (r) {
    case R::CNTP_TVAL_EL0:
    case R::CNTP_CTL_EL0:
    case R::CNTP_CVAL_EL0: return TimerId::Phys;
    case R::CNTV_TVAL_EL0:
    case R::CNTV_CTL_EL0:
    case R::CNTV_CVAL_EL0: return TimerId::Virt;
    case R::CNTHP_TVAL_EL2:
    case R::CNTHP_CTL_EL2:
    case R::CNTHP_CVAL_EL2: return TimerId::HypPhys;
    case R::CNTHV_TVAL_EL2:
    case R::CNTHV_CTL_EL2:
    case R::CNTHV_CVAL_EL2: return TimerId::HypVirt;
    default: return std::nullopt;
    }
}

// ARM-M D11.3 "Accessing the timers", and the accessibility pseudocode of CNTFRQ_EL0,
// CNTPCT_EL0, CNTVCT_EL0, CNTP_* and CNTV_*: EL0 is controlled by CNTKCTL_EL1 (by CNTHCTL_EL2's
// EL0 bits in a VHE host's EL0), trapping to EL1 (to EL2 when TGE = 1); EL0 and EL1 accesses to
// the physical counter and timer are then controlled by CNTHCTL_EL2.EL1PCTEN/EL1PCEN.
TimerAccessResult GenericTimer::checkAccess(TimerReg r, const TimerAccessContext& ctx,
                                            bool is_write) const {
    const TimerRegInfo& info = timerRegInfo(r);
    if (toUnsigned(ctx.el) < toUnsigned(info.min_el)) return TimerAccessResult::undefined();
    if (info.read_only && is_write) return TimerAccessResult::undefined();
    if (info.min_el == EL::EL2 && !ctx.have_el2) return TimerAccessResult::undefined();
    // *_EL02 and *_EL12 exist only where E2H redirects (FEAT_VHE): EL2 or EL3 with E2H = 1.
    if (info.name.ends_with("_EL02") || info.name.ends_with("_EL12"))
        if (!ctx.e2h()) return TimerAccessResult::undefined();
    // CNTFRQ_EL0 is writable only at the highest implemented EL.
    if (r == R::CNTFRQ_EL0 && is_write &&
        ctx.el != (ctx.have_el3   ? EL::EL3
                   : ctx.have_el2 ? EL::EL2
                                  : EL::EL1))
        return TimerAccessResult::undefined();

    const TimerReg target = resolve(r, ctx);
    const std::optional<TimerId> timer = timerOf(target);
    const bool physical_counter = r == R::CNTPCT_EL0;
    const bool physical_timer = timer == TimerId::Phys;
    const bool e2h = ctx.e2h();
    // CNTHCTL_EL2.EL1PCTEN/EL1PCEN: bits [0]/[1] with E2H = 0, [10]/[11] with E2H = 1.
    const unsigned el1pcten = e2h ? 10 : 0, el1pcen = e2h ? 11 : 1;

    if (ctx.el == EL::EL0) {
        const bool host = ctx.inHost();
        const std::uint64_t ctl = host ? cnthctl_ : cntkctl_;
        const EL to = (host || ctx.tge()) ? EL::EL2 : EL::EL1;
        bool allowed = true;
        if (r == R::CNTFRQ_EL0)
            allowed = bitSet(ctl, kEl0Pcten) || bitSet(ctl, kEl0Vcten);
        else if (physical_counter)
            allowed = bitSet(ctl, kEl0Pcten);
        else if (r == R::CNTVCT_EL0)
            allowed = bitSet(ctl, kEl0Vcten);
        else if (timer == TimerId::Phys || timer == TimerId::HypPhys)
            allowed = bitSet(ctl, kEl0Pten);
        else if (timer == TimerId::Virt || timer == TimerId::HypVirt)
            allowed = bitSet(ctl, kEl0Vten);
        if (!allowed) return TimerAccessResult::trap(to);
        if (host) return TimerAccessResult::ok();
    }
    if ((ctx.el == EL::EL0 || ctx.el == EL::EL1) && ctx.el2Enabled() && !ctx.inHost()) {
        if (physical_counter && !bitSet(cnthctl_, el1pcten))
            return TimerAccessResult::trap(EL::EL2);
        if (physical_timer && !bitSet(cnthctl_, el1pcen)) return TimerAccessResult::trap(EL::EL2);
    }
    return TimerAccessResult::ok();
}

std::uint64_t GenericTimer::virtualCount(const TimerAccessContext& ctx) const {
    // With E2H = TGE = 1 the EL2&0 regime sees no virtual offset (ARM-M D11.2.3).
    const bool no_offset = ctx.e2h() && ctx.tge() && (ctx.el == EL::EL0 || ctx.el == EL::EL2);
    return physicalCount() - (no_offset ? 0 : cntvoff_);
}

std::uint64_t GenericTimer::timerCount(TimerId t) const {
    return physicalCount() - (t == TimerId::Virt ? cntvoff_ : 0);
}

// TimerConditionMet: (count - offset) >= CVAL, unsigned; ISTATUS reads 0 while disabled.
bool GenericTimer::conditionMet(TimerId t) const {
    const Timer& tm = timers_[static_cast<unsigned>(t)];
    return (tm.ctl & kCtlEnable) != 0 && timerCount(t) >= tm.cval;
}

bool GenericTimer::interruptLevel(TimerId t) const {
    return conditionMet(t) && (timers_[static_cast<unsigned>(t)].ctl & kCtlImask) == 0;
}

std::optional<std::uint64_t> GenericTimer::nextEventCount() const {
    std::optional<std::uint64_t> next;
    for (unsigned i = 0; i < kTimerCount; ++i) {
        const TimerId t = static_cast<TimerId>(i);
        const Timer& tm = timers_[i];
        if ((tm.ctl & kCtlEnable) == 0 || (tm.ctl & kCtlImask) != 0 || conditionMet(t)) continue;
        const std::uint64_t at = tm.cval + (t == TimerId::Virt ? cntvoff_ : 0);
        if (!next || at < *next) next = at;
    }
    return next;
}

void GenericTimer::poll() {
    for (unsigned i = 0; i < kTimerCount; ++i) {
        const bool level = interruptLevel(static_cast<TimerId>(i));
        if (level == levels_[i]) continue;
        levels_[i] = level;
        if (listener_) listener_(static_cast<TimerId>(i), level);
    }
}

TimerAccessResult GenericTimer::read(TimerReg r, const TimerAccessContext& ctx) {
    const TimerAccessResult check = checkAccess(r, ctx, false);
    if (!check.isOk()) return check;
    const TimerReg target = resolve(r, ctx);
    if (!timerOf(target) && !isCounterOrControl(target)) return TimerAccessResult::undefined();
    return TimerAccessResult::ok(readReached(target, ctx));
}

TimerAccessResult GenericTimer::write(TimerReg r, const TimerAccessContext& ctx, std::uint64_t v) {
    const TimerAccessResult check = checkAccess(r, ctx, true);
    if (!check.isOk()) return check;
    writeReached(resolve(r, ctx), v);
    return TimerAccessResult::ok();
}

bool GenericTimer::isCounterOrControl(TimerReg r) {
    switch (r) {
    case R::CNTFRQ_EL0:
    case R::CNTPCT_EL0:
    case R::CNTVCT_EL0:
    case R::CNTVOFF_EL2:
    case R::CNTHCTL_EL2:
    case R::CNTKCTL_EL1: return true;
    default: return false;
    }
}

std::uint64_t GenericTimer::readReached(TimerReg target, const TimerAccessContext& ctx) const {
    if (const std::optional<TimerId> t = timerOf(target)) {
        const Timer& tm = timers_[static_cast<unsigned>(*t)];
        switch (fieldOf(target)) {
        case Field::Tval:
            return (tm.cval - timerCount(*t)) & 0xFFFF'FFFFULL; // (CVAL - count)[31:0]
        case Field::Ctl: return tm.ctl | (conditionMet(*t) ? kCtlIstatus : 0);
        case Field::Cval: return tm.cval;
        }
    }
    switch (target) {
    case R::CNTFRQ_EL0: return cntfrq_;
    case R::CNTPCT_EL0: return physicalCount();
    case R::CNTVCT_EL0: return virtualCount(ctx);
    case R::CNTVOFF_EL2: return cntvoff_;
    case R::CNTHCTL_EL2: return cnthctl_;
    case R::CNTKCTL_EL1: return cntkctl_;
    default: return 0;
    }
}

void GenericTimer::writeReached(TimerReg target, std::uint64_t v) {
    if (const std::optional<TimerId> t = timerOf(target)) {
        Timer& tm = timers_[static_cast<unsigned>(*t)];
        switch (fieldOf(target)) {
        case Field::Tval: { // TVAL: CVAL = count + SignExtend(value[31:0])
            const auto tval = static_cast<std::int64_t>(static_cast<std::int32_t>(v));
            tm.cval = timerCount(*t) + static_cast<std::uint64_t>(tval);
            break;
        }
        case Field::Ctl: tm.ctl = v & (kCtlEnable | kCtlImask); break;
        case Field::Cval: tm.cval = v; break;
        }
    } else {
        switch (target) {
        case R::CNTFRQ_EL0: cntfrq_ = v & 0xFFFF'FFFFULL; break;
        case R::CNTVOFF_EL2: cntvoff_ = v; break;
        case R::CNTHCTL_EL2: cnthctl_ = v & kCnthctlMask; break;
        case R::CNTKCTL_EL1: cntkctl_ = v & kCntkctlMask; break;
        default: break;
        }
    }
    poll();
}

} // namespace svesim::model
