// svesim::model::TimerSysRegs: one PE's generic timer (model::GenericTimer) as the device behind
// the system-register table's timer rows (CNTFRQ_EL0, CNTPCT/CNTVCT_EL0, CNTP_*, CNTV_*, CNTHP_*,
// CNTHV_*, CNTVOFF_EL2). The table has made every check (CNTKCTL_EL1/CNTHCTL_EL2 gates, ELs,
// FEAT_VHE redirection, the _EL02 aliases) before the access reaches this device, so it applies
// the value and effect only (GenericTimer::readReached/writeReached) with the PE's state.
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/arch/sysreg_device.h"
#include "svesim/model/generic_timer.h"

#include <array>
#include <optional>

namespace svesim::model {

class TimerSysRegs final : public SysRegDevice {
public:
    TimerSysRegs(const CpuState& pe, GenericTimer::CountSource physical_count);

    [[nodiscard]] bool provides(SysReg r) const override;
    std::uint64_t readSysReg(SysReg r, EL el) override;
    void writeSysReg(SysReg r, std::uint64_t value, EL el) override;

    [[nodiscard]] GenericTimer& timer() { return timer_; }
    [[nodiscard]] const GenericTimer& timer() const { return timer_; }

private:
    [[nodiscard]] TimerAccessContext context(EL el) const;

    const CpuState* pe_;
    GenericTimer timer_;
    // The timer register behind each device row of the table (by the shared register name).
    std::array<std::optional<TimerReg>, kSysRegCount> map_{};
};

} // namespace svesim::model
