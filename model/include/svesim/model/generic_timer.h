// svesim::model::GenericTimer: one PE's view of the Generic Timer (ARM-M chapter D11): the
// physical and virtual counts derived from a count source the owner passes in (simulated time),
// CNTFRQ_EL0, CNTVOFF_EL2, the EL1 physical (CNTP_*), EL1 virtual (CNTV_*), EL2 physical
// (CNTHP_*) and VHE EL2 virtual (CNTHV_*) timers, and the EL0/EL1 access controls of
// CNTKCTL_EL1 and CNTHCTL_EL2 as decision functions. Each timer drives its architected PPI; the
// next event lets the platform schedule instead of polling. Not implemented: the Secure physical
// timer (CNTPS_*), FEAT_ECV (CNTPOFF_EL2, CNTxCTSS), the event stream (EVNTEN).
//
// It lives in model/ because the processor owns it (its system-register path reads and writes
// it, one per PE, with the PE's context) and it needs no SystemC; the platform only connects
// its four interrupt levels to the GIC's PPIs and wakes the PE at nextEventCount().
#pragma once

#include "svesim/arch/types.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>

namespace svesim::model {

// The timers of one PE.
enum class TimerId : std::uint8_t { Phys, Virt, HypPhys, HypVirt };
inline constexpr unsigned kTimerCount = 4;
std::string_view name(TimerId t);
// The architected PPI of each timer (Arm BSA; QEMU virt's device tree): CNTP 30, CNTV 27,
// CNTHP 26, CNTHV 28.
std::uint32_t timerPpi(TimerId t);

enum class TimerReg : std::uint8_t {
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
    CNTHV_TVAL_EL2,
    CNTHV_CTL_EL2,
    CNTHV_CVAL_EL2,
    CNTVOFF_EL2,
    CNTHCTL_EL2,
    CNTKCTL_EL1,
    CNTKCTL_EL12,
    CNTP_TVAL_EL02,
    CNTP_CTL_EL02,
    CNTP_CVAL_EL02,
    CNTV_TVAL_EL02,
    CNTV_CTL_EL02,
    CNTV_CVAL_EL02,
    Count
};
inline constexpr std::size_t kTimerRegCount = static_cast<std::size_t>(TimerReg::Count);

struct TimerRegInfo {
    TimerReg id;
    std::string_view name;
    std::uint8_t op0, op1, crn, crm, op2;
    EL min_el;
    bool read_only;
};
std::span<const TimerRegInfo> timerRegTable();
const TimerRegInfo& timerRegInfo(TimerReg r);
std::optional<TimerReg> timerRegByName(std::string_view name); // case-insensitive
std::optional<TimerReg> timerRegByEncoding(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                                           unsigned op2);

// The PE state an access is judged in (the processor fills it; the timer keeps no copy).
struct TimerAccessContext {
    EL el = EL::EL1;
    bool have_el2 = true;
    bool have_el3 = true;
    bool secure = false;       // the current Security state below EL3 (no Secure EL2)
    std::uint64_t hcr_el2 = 0; // TGE bit 27, E2H bit 34
    [[nodiscard]] bool el2Enabled() const { return have_el2 && !secure; }
    [[nodiscard]] bool e2h() const { return el2Enabled() && ((hcr_el2 >> 34) & 1) != 0; }
    [[nodiscard]] bool tge() const { return el2Enabled() && ((hcr_el2 >> 27) & 1) != 0; }
    // EL2&0 translation regime's EL0 or EL2 with E2H: the "host" of a VHE hypervisor.
    [[nodiscard]] bool inHost() const {
        return e2h() && (el == EL::EL2 || (el == EL::EL0 && tge()));
    }
};

struct TimerAccessResult {
    enum class Kind : std::uint8_t { Ok, Undefined, Trap } kind = Kind::Ok;
    EL target = EL::EL1; // for Trap (EC 0x18)
    std::uint64_t value = 0;
    static TimerAccessResult ok(std::uint64_t v = 0) { return {Kind::Ok, EL::EL1, v}; }
    static TimerAccessResult undefined() { return {Kind::Undefined, EL::EL1, 0}; }
    static TimerAccessResult trap(EL to) { return {Kind::Trap, to, 0}; }
    [[nodiscard]] bool isOk() const { return kind == Kind::Ok; }
    friend bool operator==(const TimerAccessResult&, const TimerAccessResult&) = default;
};

class GenericTimer {
public:
    // The physical count now (CNTPCT_EL0 before any offset): simulated time x CNTFRQ.
    using CountSource = std::function<std::uint64_t()>;
    static constexpr std::uint64_t kDefaultFrequency = 62'500'000; // QEMU virt's CNTFRQ_EL0

    explicit GenericTimer(CountSource physical_count,
                          std::uint64_t frequency_hz = kDefaultFrequency);
    void reset();

    // MRS/MSR: the access decision first, then the effect (a write re-evaluates the levels).
    TimerAccessResult read(TimerReg r, const TimerAccessContext& ctx);
    TimerAccessResult write(TimerReg r, const TimerAccessContext& ctx, std::uint64_t value);
    // The decision alone: Ok, Undefined, or Trap(EL) (ARM-M D11.2/D11.3 and each register's
    // accessibility pseudocode; CNTKCTL_EL1 for EL0, CNTHCTL_EL2 for EL0/EL1).
    [[nodiscard]] TimerAccessResult checkAccess(TimerReg r, const TimerAccessContext& ctx,
                                                bool is_write) const;
    // The value and the effect alone, for a caller that made the access decision and the FEAT_VHE
    // redirection itself (the PE's system-register table, which holds CNTKCTL_EL1/CNTHCTL_EL2):
    // `target` is the register the access reached; `ctx` only selects CNTVCT_EL0's offset.
    [[nodiscard]] std::uint64_t readReached(TimerReg target, const TimerAccessContext& ctx) const;
    void writeReached(TimerReg target, std::uint64_t value);

    [[nodiscard]] std::uint64_t frequency() const { return cntfrq_; }
    [[nodiscard]] std::uint64_t physicalCount() const { return count_(); }
    // CNTVCT_EL0 as read in `ctx`: the physical count minus CNTVOFF_EL2 (offset 0 in the host).
    [[nodiscard]] std::uint64_t virtualCount(const TimerAccessContext& ctx) const;
    // The count a timer compares its CVAL with (CNTV: minus CNTVOFF_EL2; the others: physical).
    [[nodiscard]] std::uint64_t timerCount(TimerId t) const;

    // CTL.ISTATUS (0 while the timer is disabled) and the interrupt level ENABLE & ISTATUS &
    // !IMASK (ARM-M D11.2.4).
    [[nodiscard]] bool conditionMet(TimerId t) const;
    [[nodiscard]] bool interruptLevel(TimerId t) const;
    // The physical count at which the next enabled, unmasked timer that has not fired yet will
    // fire; nullopt if none will (then a PE in WFI waits for something else).
    [[nodiscard]] std::optional<std::uint64_t> nextEventCount() const;

    // Called with (timer, level) when an interrupt level changes; poll() re-evaluates them (call
    // it at nextEventCount(); writes call it themselves).
    using LevelListener = std::function<void(TimerId, bool)>;
    void setLevelListener(LevelListener l) { listener_ = std::move(l); }
    void poll();

private:
    struct Timer {
        std::uint64_t ctl = 0; // ENABLE [0], IMASK [1] (ISTATUS is computed)
        std::uint64_t cval = 0;
    };
    // The register a name reaches in `ctx` (FEAT_VHE redirections: CNTP_*/CNTV_* at EL2 with
    // E2H = 1 and at the host's EL0 reach CNTHP_*/CNTHV_*; CNTKCTL_EL1 at EL2 with E2H = 1
    // reaches CNTHCTL_EL2; *_EL02/EL12 reach the EL1/EL0 registers).
    [[nodiscard]] static TimerReg resolve(TimerReg r, const TimerAccessContext& ctx);
    [[nodiscard]] static std::optional<TimerId> timerOf(TimerReg r);
    [[nodiscard]] static bool isCounterOrControl(TimerReg r);

    CountSource count_;
    std::uint64_t cntfrq_;
    std::array<Timer, kTimerCount> timers_{};
    std::uint64_t cntvoff_ = 0, cnthctl_ = 0, cntkctl_ = 0;
    std::array<bool, kTimerCount> levels_{};
    LevelListener listener_;
};

} // namespace svesim::model
