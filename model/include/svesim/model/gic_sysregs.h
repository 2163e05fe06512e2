// svesim::model::GicSysRegs: one PE's GICv3 CPU interface (gic::CpuInterface, owned by the
// platform's GIC) as the device behind the system-register table's ICC_*/ICH_* rows (gate
// DeviceDecides). The table checks the lowest EL and the direction; the interface decides the
// rest of each register's accessibility pseudocode (IHI 0069 §12.1: ICH_HCR_EL2 traps,
// HCR_EL2.IMO/FMO choosing the ICV_* view, SCR_EL3.IRQ/FIQ, the SRE Enable bits) in the PE's
// current state, and is told when that state changes, since Table 4-3 of §4.6.2 makes a Group 1
// interrupt an IRQ or a FIQ by the PE's Exception level and Security state.
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/arch/sysreg_device.h"
#include "svesim/gic/cpu_interface.h"

namespace svesim::model {

class GicSysRegs final : public SysRegDevice {
public:
    GicSysRegs(const CpuState& pe, gic::CpuInterface& cpu_interface);

    [[nodiscard]] bool provides(SysReg r) const override;
    [[nodiscard]] SysRegDeviceCheck checkAccess(SysReg r, SysRegDirection dir) const override;
    std::uint64_t readSysReg(SysReg r, EL el) override;
    void writeSysReg(SysReg r, std::uint64_t value, EL el) override;
    void contextChanged() override;

private:
    [[nodiscard]] gic::GicAccessContext context(EL el) const;

    const CpuState* pe_;
    gic::CpuInterface* cpu_;
};

} // namespace svesim::model
