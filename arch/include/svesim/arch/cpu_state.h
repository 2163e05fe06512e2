// The control state of one PE: what it implements, PSTATE, PC and the system registers.
// Data registers (X, Z/P/FFR) live in their own layers.
#pragma once

#include "svesim/arch/features.h"
#include "svesim/arch/pstate.h"
#include "svesim/arch/sysreg_device.h"
#include "svesim/arch/sysreg_file.h"

#include <cstdint>

namespace svesim {

// The interrupt inputs of the PE as ISR_EL1 shows them (the processor keeps them current).
struct InterruptLines {
    bool irq = false, fiq = false, serror = false, virq = false, vfiq = false;
};

struct CpuState {
    Features features;
    PState pstate;
    SysRegFile sysregs;
    std::uint64_t pc = 0;
    InterruptLines lines;
    SysRegDevices devices; // system registers provided by devices (GIC, timers)

    [[nodiscard]] std::uint64_t hcr() const { return sysregs.raw(SysReg::HCR_EL2); }
    [[nodiscard]] std::uint64_t scr() const { return sysregs.raw(SysReg::SCR_EL3); }
};

} // namespace svesim
