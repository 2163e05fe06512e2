#include "svesim/tlm/platform.h"

#include <algorithm>
#include <fmt/core.h>

namespace svesim::tlm {

Platform::Platform(sc_core::sc_module_name name, const PlatformConfig& cfg, model::Console& console)
    : sc_module(name)
    , cpu("cpu", cfg.cpu, console)
    , router("router")
    , ram("ram", cfg.ram_size)
    , uart("uart", console)
    , monitor("monitor")
    , timer("timer", cpu.clockPeriod())
    , cfg_(cfg) {
    cpu.socket.bind(router.target);
    router.map("ram_port", cfg.ram_base, cfg.ram_size).bind(ram.socket);
    router.map("uart_port", cfg.uart_base, Pl011::kSize).bind(uart.socket);
    uart.irq.bind(uart_irq);
    router.map("monitor_port", cfg.monitor_base, ScenarioMonitor::kSize).bind(monitor.socket);
    router.map("timer_port", cfg.timer_base, Timer::kSize).bind(timer.socket);
    timer.irq.bind(irq);
    if (!cfg.gic) {
        cpu.irq.bind(irq);
        cpu.fiq.bind(fiq);
        return;
    }
    GicDeviceConfig gcfg;
    gcfg.distributor_base = cfg.gicd_base;
    gcfg.redistributor_base = cfg.gicr_base;
    gic = std::make_unique<Gic>("gic", gcfg);
    router.map("gicd_port", cfg.gicd_base, gic->distributorSize()).bind(gic->distributor);
    router.map("gicr_port", cfg.gicr_base, gic->redistributorSize()).bind(gic->redistributor);
    gic->connect(cpu, 0);
    cpu.setTimerSink(
        [this](model::TimerId t, bool level) { gic->setPpi(0, model::timerPpi(t), level); });
    SC_METHOD(onDeviceLines);
    sensitive << uart_irq << irq;
    dont_initialize();
}

void Platform::onDeviceLines() {
    gic->setSpi(gic::kFirstSpi + PlatformConfig::kUartSpi, uart_irq.read());
    gic->setSpi(gic::kFirstSpi + PlatformConfig::kScenarioTimerSpi, irq.read());
}

void Platform::load(const model::ElfImage& image, bool start_at_entry) {
    for (const model::ElfSegment& seg : image.segments) {
        const std::uint64_t size = seg.data.size();
        if (seg.address < cfg_.ram_base || seg.address - cfg_.ram_base > cfg_.ram_size ||
            size > cfg_.ram_size - (seg.address - cfg_.ram_base))
            throw model::ElfError(
                model::ElfError::Kind::OutsideMemory,
                fmt::format("segment [{:#x}, {:#x}) is outside RAM [{:#x}, {:#x})", seg.address,
                            seg.address + size, cfg_.ram_base, cfg_.ram_base + cfg_.ram_size));
        if (!cpu.debugWrite(seg.address, seg.data.data(), static_cast<unsigned>(size)))
            throw model::ElfError(
                model::ElfError::Kind::OutsideMemory,
                fmt::format("segment at {:#x} could not be written", seg.address));
    }
    if (start_at_entry) {
        checkEntry(image);
        cpu.processor().arch().cpu.pc = image.entry;
    }
    // SYS_HEAPINFO as QEMU 7.2's virt board answers it for a -kernel ELF (tests/arch/programs/
    // semihosting.S): the heap from the end of the image to the end of RAM, the stack's base at
    // the end of RAM, its limit not given (0).
    std::uint64_t image_end = cfg_.ram_base;
    for (const model::ElfSegment& seg : image.segments)
        image_end = std::max<std::uint64_t>(image_end, seg.address + seg.data.size());
    model::SemihostingHost& host = cpu.processor().semihosting();
    host.heap_base = image_end;
    host.heap_limit = host.stack_base = cfg_.ram_base + cfg_.ram_size;
    host.stack_limit = 0;
}

} // namespace svesim::tlm
