// System registers whose value lives in a device attached to the PE (the GIC CPU interface,
// the generic timers): rows with SysRegBacking::Device. The PE does the existence, EL and trap
// checks of the row (CheckSysRegAccess); the device only sees accesses that passed them, with
// the register they reach after FEAT_VHE redirection. Rows with the gate DeviceDecides (the GIC)
// leave the rest of the access rule to the device: `checkAccess` answers allowed, UNDEFINED or
// a trap to an EL (EC 0x18), and the PE raises it. A device may also take over a Stored row
// (e.g. an IMPLEMENTATION DEFINED register of the platform); it then holds the value.
#pragma once

#include "svesim/arch/sysreg.h"

#include <algorithm>
#include <vector>

namespace svesim {

// A device's decision on an access that passed the row's EL and direction checks.
struct SysRegDeviceCheck {
    enum class Kind : std::uint8_t { Allowed, Undefined, Trap } kind = Kind::Allowed;
    EL target = EL::EL1; // for Trap: AArch64.SystemAccessTrap(target, 0x18)

    static SysRegDeviceCheck allowed() { return {}; }
    static SysRegDeviceCheck undefined() { return {Kind::Undefined, EL::EL1}; }
    static SysRegDeviceCheck trap(EL to) { return {Kind::Trap, to}; }
    friend bool operator==(const SysRegDeviceCheck&, const SysRegDeviceCheck&) = default;
};

class SysRegDevice {
public:
    virtual ~SysRegDevice() = default;
    [[nodiscard]] virtual bool provides(SysReg r) const = 0;
    // The device's part of the access rule (rows with the gate DeviceDecides).
    [[nodiscard]] virtual SysRegDeviceCheck checkAccess(SysReg, SysRegDirection) const {
        return SysRegDeviceCheck::allowed();
    }
    // The PE's Exception level or Security state may have changed (exception entry, ERET, an
    // SCR_EL3 write): the GIC CPU interface re-decides whether Group 1 is IRQ or FIQ.
    virtual void contextChanged() {}
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
    void contextChanged() const {
        for (SysRegDevice* d : devices_)
            d->contextChanged();
    }

private:
    std::vector<SysRegDevice*> devices_;
};

} // namespace svesim
