#include "svesim/tlm/boot_platform.h"

#include <fmt/core.h>

namespace svesim::tlm {
namespace {

GicDeviceConfig gicConfig(const boot::BootMachine& m) {
    GicDeviceConfig g;
    g.gic.cpus = m.cpus;
    for (unsigned i = 0; i < m.cpus; ++i)
        g.gic.affinity.push_back(static_cast<std::uint32_t>(boot::mpidrAffinity(i)));
    g.distributor_base = m.gicd_base;
    g.redistributor_base = m.gicr_base;
    return g;
}

} // namespace

BootPlatform::BootPlatform(sc_core::sc_module_name name, const BootPlatformConfig& cfg,
                           model::Console& console, HostInput* input)
    : sc_module(name)
    , router("router")
    , flash("flash", cfg.machine.flash_size)
    , firmware_ram("firmware_ram", cfg.machine.firmware_ram_size)
    , ram("ram", cfg.machine.ram_size)
    , uart("uart", console, input)
    , gic("gic", gicConfig(cfg.machine))
    , machine_(cfg.machine) {
    const boot::BootMachine& m = cfg.machine;
    router.map("flash_port", m.flash_base, m.flash_size).bind(flash.socket);
    router.map("firmware_ram_port", m.firmware_ram_base, m.firmware_ram_size)
        .bind(firmware_ram.socket);
    router.map("ram_port", m.ram_base, m.ram_size).bind(ram.socket);
    router.map("uart_port", m.uart_base, Pl011::kSize).bind(uart.socket);
    uart.irq.bind(uart_irq);
    router.map("gicd_port", m.gicd_base, gic.distributorSize()).bind(gic.distributor);
    router.map("gicr_port", m.gicr_base, gic.redistributorSize()).bind(gic.redistributor);
    SC_METHOD(onUartIrq);
    sensitive << uart_irq;
    dont_initialize();
    for (unsigned i = 0; i < m.cpus; ++i) {
        CpuConfig c = cfg.cpu;
        c.processor.arch.rvbar = m.flash_base;
        c.processor.arch.features.mpidr = boot::mpidrAffinity(i) | (1ULL << 31);
        auto cpu = std::make_unique<Cpu>(fmt::format("cpu{}", i).c_str(), c, console);
        if (i == 0)
            cpu->socket.bind(router.target);
        else
            cpu->socket.bind(router.addTarget(fmt::format("target{}", i)));
        if (m.cpus > 1) cpu->shareGlobalMonitor(monitor_);
        gic.connect(*cpu, i);
        cpu->setTimerSink(
            [this, i](model::TimerId t, bool level) { gic.setPpi(i, model::timerPpi(t), level); });
        cpus_.push_back(std::move(cpu));
    }
}

void BootPlatform::onUartIrq() {
    gic.setSpi(gic::kFirstSpi + machine_.uart_spi, uart_irq.read());
}

bool BootPlatform::load(std::uint64_t addr, const std::vector<std::uint8_t>& bytes) {
    // In pieces: debug transport lengths are unsigned.
    constexpr std::size_t kChunk = 1U << 24;
    for (std::size_t done = 0; done < bytes.size(); done += kChunk) {
        const auto n = static_cast<unsigned>(std::min(kChunk, bytes.size() - done));
        if (!cpus_.front()->debugWrite(addr + done, bytes.data() + done, n)) return false;
    }
    return true;
}

std::uint64_t BootPlatform::instructions() const {
    std::uint64_t n = 0;
    for (const auto& c : cpus_)
        n += c->processor().instructions();
    return n;
}

} // namespace svesim::tlm
