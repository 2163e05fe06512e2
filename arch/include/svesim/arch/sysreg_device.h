// System registers whose value lives in a device attached to the PE (the GIC CPU interface,
// the generic timers): rows with SysRegBacking::Device. The PE does the existence, EL and trap
// checks of the row (CheckSysRegAccess); the device only sees accesses that passed them, with
// the register they reach after FEAT_VHE redirection. A device may also take over a Stored row
// (e.g. an IMPLEMENTATION DEFINED register of the platform); it then holds the value.
#pragma once

#include "svesim/arch/sysreg.h"

#include <algorithm>
#include <vector>

namespace svesim {

class SysRegDevice {
public:
    virtual ~SysRegDevice() = default;
    [[nodiscard]] virtual bool provides(SysReg r) const = 0;
    // `el` is the Exception level of the access (devices such as the GIC bank by EL).
    virtual std::uint64_t readSysReg(SysReg r, EL el) = 0;
    virtual void writeSysReg(SysReg r, std::uint64_t value, EL el) = 0;
};

// The devices attached to one PE (not owned: the platform owns them and outlives the PE).
class SysRegDevices {
public:
    void attach(SysRegDevice& d) { devices_.push_back(&d); }
    void detach(SysRegDevice& d) { std::erase(devices_, &d); }
    [[nodiscard]] SysRegDevice* find(SysReg r) const {
        const auto it = std::find_if(devices_.begin(), devices_.end(),
                                     [r](const SysRegDevice* d) { return d->provides(r); });
        return it == devices_.end() ? nullptr : *it;
    }
    [[nodiscard]] bool empty() const { return devices_.empty(); }

private:
    std::vector<SysRegDevice*> devices_;
};

} // namespace svesim
