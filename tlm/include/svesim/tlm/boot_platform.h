// The platform `svesim boot` runs Linux on: QEMU virt's memory map (svesim/boot/machine.h) with
// N Cpus sharing one router and one global exclusive monitor, the firmware's flash at 0x0 and
// its RAM at 0x0E00_0000, a PL011 at 0x0900_0000 on stdout (and stdin), RAM at 0x4000_0000.
// Every PE starts at 0x0 at EL3 (the firmware, firmware/README.md), with MPIDR Aff1 = i / 16,
// Aff0 = i % 16. An access to an unmapped address is a synchronous external abort.
//
// GIC: the GICv3 distributor (0x0800_0000) and redistributors (0x080A_0000) and the generic
// timer come from the GIC library (issue 13 point 1-2, tlm/src/gic_*); until it is on main the
// range is unmapped and the Cpus' irq/fiq/virq/vfiq inputs are not driven. See "GIC:" in
// tlm/src/boot_platform.cpp for where it is instantiated.
#pragma once

#include "svesim/boot/machine.h"
#include "svesim/isa/global_monitor.h"
#include "svesim/tlm/cpu.h"
#include "svesim/tlm/pl011.h"
#include "svesim/tlm/ram.h"
#include "svesim/tlm/router.h"

#include <memory>
#include <systemc>
#include <vector>

namespace svesim::tlm {

struct BootPlatformConfig {
    CpuConfig cpu; // every PE's; mpidr and rvbar are set per PE
    boot::BootMachine machine;
};

class BootPlatform : public sc_core::sc_module {
public:
    // `input`: the host's characters for the PL011 (may be null).
    BootPlatform(sc_core::sc_module_name name, const BootPlatformConfig& cfg,
                 model::Console& console, HostInput* input);

    // Copies bytes to a physical address through PE 0's debug transport (RAM or flash); false if
    // some of it is not backed by memory.
    bool load(std::uint64_t addr, const std::vector<std::uint8_t>& bytes);

    [[nodiscard]] std::size_t cpuCount() const { return cpus_.size(); }
    [[nodiscard]] Cpu& cpu(std::size_t i) { return *cpus_[i]; }
    // The whole platform's retired instructions.
    [[nodiscard]] std::uint64_t instructions() const;
    [[nodiscard]] bool hasGic() const { return false; }

    Router router;
    Ram flash;
    Ram firmware_ram;
    Ram ram;
    Pl011 uart;
    sc_core::sc_signal<bool> uart_irq{"uart_irq"};

private:
    std::vector<std::unique_ptr<Cpu>> cpus_;
    isa::GlobalMonitor monitor_;
    boot::BootMachine machine_;
};

} // namespace svesim::tlm
