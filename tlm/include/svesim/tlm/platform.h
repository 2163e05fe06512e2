// A platform with QEMU virt's memory map: RAM at 0x4000_0000, a PL011 UART at 0x0900_0000, the
// scenario monitor at 0x0A00_0000 and timer at 0x0A00_1000 (docs/scenario-devices.md), one
// Cpu, a router; an access to an unmapped address is a synchronous external abort.
#pragma once

#include "svesim/model/elf_image.h"
#include "svesim/scenarios/bench.h"
#include "svesim/tlm/cpu.h"
#include "svesim/tlm/ram.h"
#include "svesim/tlm/router.h"
#include "svesim/tlm/scenario_devices.h"
#include "svesim/tlm/uart.h"

#include <systemc>

namespace svesim::tlm {

struct PlatformConfig {
    CpuConfig cpu;
    std::uint64_t ram_base = 0x4000'0000;
    std::uint64_t ram_size = 256ULL << 20;
    std::uint64_t uart_base = 0x0900'0000;
    std::uint64_t monitor_base = 0x0A00'0000;
    std::uint64_t timer_base = 0x0A00'1000;
};

// Refuses an entry point outside the loaded segments or not 4-byte aligned (one rule for both
// platforms: svesim/scenarios/bench.h).
using scenarios::checkEntry;

class Platform : public sc_core::sc_module {
public:
    Platform(sc_core::sc_module_name name, const PlatformConfig& cfg, model::Console& console);

    // Copies the image into RAM (debug transport) and, with `start_at_entry`, sets the PC to its
    // entry (otherwise the PE starts at its reset vector, the `rvbar` parameter); throws
    // model::ElfError(OutsideMemory) for a segment that is not entirely inside RAM, and, with
    // `start_at_entry`, for an entry point outside the loaded segments or not 4-byte aligned
    // (checkEntry).
    void load(const model::ElfImage& image, bool start_at_entry = true);

    Cpu cpu;
    Router router;
    Ram ram;
    Uart uart;
    ScenarioMonitor monitor;
    Timer timer;
    sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS> irq{"irq_line"};
    sc_core::sc_signal<bool> fiq{"fiq_line"};

private:
    PlatformConfig cfg_;
};

} // namespace svesim::tlm
