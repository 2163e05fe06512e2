// The platform `svesim boot` runs Linux on: QEMU virt's memory map (svesim/boot/machine.h) with
// N Cpus sharing one router and one global exclusive monitor, the firmware's flash at 0x0 and
// its RAM at 0x0E00_0000, a PL011 at 0x0900_0000 on stdout (and stdin), RAM at 0x4000_0000.
// Every PE starts at 0x0 at EL3 (the firmware, firmware/README.md), with MPIDR Aff1 = i / 16,
// Aff0 = i % 16. An access to an unmapped address is a synchronous external abort.
//
// The GICv3 (tlm::Gic: distributor at 0x0800_0000, one redistributor frame pair per PE from
// 0x080A_0000) drives every Cpu's irq/fiq/virq/vfiq; each PE's generic-timer levels feed its
// PPIs 30/27/26/28 and the PL011 its SPI. The CPU interface's system registers are not wired
// yet (ID_AA64PFR0_EL1.GIC stays 0, so the firmware skips its GIC set-up).
#pragma once

#include "svesim/boot/machine.h"
#include "svesim/isa/global_monitor.h"
#include "svesim/tlm/cpu.h"
#include "svesim/tlm/gic.h"
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
    SC_HAS_PROCESS(BootPlatform);

    // Copies bytes to a physical address through PE 0's debug transport (RAM or flash); false if
    // some of it is not backed by memory.
    bool load(std::uint64_t addr, const std::vector<std::uint8_t>& bytes);

    [[nodiscard]] std::size_t cpuCount() const { return cpus_.size(); }
    [[nodiscard]] Cpu& cpu(std::size_t i) { return *cpus_[i]; }
    // The whole platform's retired instructions.
    [[nodiscard]] std::uint64_t instructions() const;
    [[nodiscard]] bool hasGic() const { return true; }

    Router router;
    Ram flash;
    Ram firmware_ram;
    Ram ram;
    Pl011 uart;
    sc_core::sc_signal<bool> uart_irq{"uart_irq"};
    Gic gic;

private:
    void onUartIrq(); // the PL011's line to its SPI
    std::vector<std::unique_ptr<Cpu>> cpus_;
    isa::GlobalMonitor monitor_;
    boot::BootMachine machine_;
};

} // namespace svesim::tlm
