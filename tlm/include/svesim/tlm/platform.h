// A platform with QEMU virt's memory map: RAM at 0x4000_0000, a PL011 UART at 0x0900_0000, the
// scenario monitor at 0x0A00_0000 and timer at 0x0A00_1000 (docs/scenario-devices.md), one
// Cpu, a router; an access to an unmapped address is a synchronous external abort. With `gic`
// (svesim run --gic) also QEMU virt's GICv3 (GICD 0x0800_0000, GICR 0x080A_0000), which then
// drives the Cpu's interrupt inputs: the PE's timers on their PPIs, the PL011 on SPI 1 (INTID
// 33, as on QEMU virt) and the scenario timer on SPI 16 (INTID 48).
#pragma once

#include "svesim/model/elf_image.h"
#include "svesim/scenarios/bench.h"
#include "svesim/tlm/cpu.h"
#include "svesim/tlm/gic.h"
#include "svesim/tlm/pl011.h"
#include "svesim/tlm/ram.h"
#include "svesim/tlm/router.h"
#include "svesim/tlm/scenario_devices.h"

#include <memory>
#include <systemc>

namespace svesim::tlm {

struct PlatformConfig {
    CpuConfig cpu;
    std::uint64_t ram_base = 0x4000'0000;
    std::uint64_t ram_size = 256ULL << 20;
    std::uint64_t uart_base = 0x0900'0000;
    std::uint64_t monitor_base = 0x0A00'0000;
    std::uint64_t timer_base = 0x0A00'1000;
    bool gic = false; // a GICv3 (QEMU virt's frames) and the CPU interface's system registers
    std::uint64_t gicd_base = 0x0800'0000;
    std::uint64_t gicr_base = 0x080A'0000;
    static constexpr unsigned kUartSpi = 1, kScenarioTimerSpi = 16;
};

// Refuses an entry point outside the loaded segments or not 4-byte aligned (one rule for both
// platforms: svesim/scenarios/bench.h).
using scenarios::checkEntry;

class Platform : public sc_core::sc_module {
public:
    Platform(sc_core::sc_module_name name, const PlatformConfig& cfg, model::Console& console);
    SC_HAS_PROCESS(Platform);

    // Copies the image into RAM (debug transport) and, with `start_at_entry`, sets the PC to its
    // entry (otherwise the PE starts at its reset vector, the `rvbar` parameter); throws
    // model::ElfError(OutsideMemory) for a segment that is not entirely inside RAM, and, with
    // `start_at_entry`, for an entry point outside the loaded segments or not 4-byte aligned
    // (checkEntry).
    void load(const model::ElfImage& image, bool start_at_entry = true);

    Cpu cpu;
    Router router;
    Ram ram;
    Pl011 uart; // its interrupt line reaches the Cpu only through the GIC (`gic`)
    ScenarioMonitor monitor;
    Timer timer;
    sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS> irq{"irq_line"};
    sc_core::sc_signal<bool> fiq{"fiq_line"};
    sc_core::sc_signal<bool> uart_irq{"uart_irq"};
    std::unique_ptr<Gic> gic; // with PlatformConfig::gic

private:
    void onDeviceLines(); // the PL011's and the scenario timer's lines to their SPIs

    PlatformConfig cfg_;
};

} // namespace svesim::tlm
