// The GIC as a SystemC module: a Cpu programs it through its frames at QEMU virt's addresses and
// is interrupted through the fiq signal connect() bound (IHI 0069 4.6.2: Group 0 is FIQ).
#include "svesim/model/elf_image.h"
#include "svesim/tlm/gic.h"
#include "svesim/tlm/ram.h"
#include "svesim/tlm/router.h"

#include <catch2/catch.hpp>
#include <string>
#include <systemc>

namespace model = svesim::model;
namespace vp = svesim::tlm;
using svesim::EL;

namespace {

class NullConsole : public model::Console {
public:
    void write(int, std::string_view) override {}
    int readChar() override { return -1; }
};

struct GicBench : sc_core::sc_module {
    GicBench(sc_core::sc_module_name n, const vp::CpuConfig& c, model::Console& console)
        : sc_module(n)
        , cpu("cpu", c, console)
        , router("router")
        , ram("ram", 16 << 20)
        , gic("gic", vp::GicDeviceConfig{}) {
        cpu.socket.bind(router.target);
        router.map("ram_port", 0x4000'0000, ram.size()).bind(ram.socket);
        router.map("gicd_port", gic.config().distributor_base, gic.distributorSize())
            .bind(gic.distributor);
        router.map("gicr_port", gic.config().redistributor_base, gic.redistributorSize())
            .bind(gic.redistributor);
        gic.connect(cpu, 0);
    }
    vp::Cpu cpu;
    vp::Router router;
    vp::Ram ram;
    vp::Gic gic;
};

// Loads the program and runs the simulation to its end (the program programs the CPU
// interface through its ICC_* system registers itself).
void loadAndRun(GicBench& bench, const model::ElfImage& img) {
    for (const model::ElfSegment& seg : img.segments)
        REQUIRE(bench.cpu.debugWrite(seg.address, seg.data.data(),
                                     static_cast<unsigned>(seg.data.size())));
    sc_core::sc_start();
}

} // namespace

TEST_CASE("tlm: a Cpu configures the GIC over MMIO and takes its SGI as an FIQ", "[tlm][gic]") {
    const auto img = model::ElfImage::load(std::string(SVESIM_TEST_PROGRAMS) + "/gic_sgi.elf");
    NullConsole console;
    vp::CpuConfig cfg;
    cfg.processor.arch.rvbar = img.entry;
    GicBench bench("bench", cfg, console);
    loadAndRun(bench, img);
    REQUIRE(bench.cpu.exitCode());
    CHECK(*bench.cpu.exitCode() == 42);
    CHECK(bench.gic.model().irq(0, 1).pending());
    std::uint32_t pidr2 = 0;
    REQUIRE(bench.cpu.debugRead(0x0800'FFE8, &pidr2, 4));
    CHECK(pidr2 == 0x3B); // GICD_PIDR2.ArchRev = 3
}

TEST_CASE("tlm: the generic timer's PPI through the GIC wakes a WFI at the timer's count",
          "[tlm][gic][timer]") {
    // gic_timer_wfi.s arms CNTV for 6250 ticks of the 62.5 MHz counter: 100 us (ARM-M D11.2.4:
    // the interrupt is ENABLE && ISTATUS && !IMASK; CNTV is PPI 27 by the Arm BSA).
    const auto img =
        model::ElfImage::load(std::string(SVESIM_TEST_PROGRAMS) + "/gic_timer_wfi.elf");
    NullConsole console;
    vp::CpuConfig cfg;
    cfg.processor.arch.rvbar = img.entry;
    GicBench bench("bench", cfg, console);
    bench.cpu.setTimerSink(
        [&bench](model::TimerId t, bool level) { bench.gic.setPpi(0, model::timerPpi(t), level); });
    loadAndRun(bench, img);
    REQUIRE(bench.cpu.exitCode());
    CHECK(*bench.cpu.exitCode() == 42);
    CHECK(bench.cpu.processor().timer().interruptLevel(model::TimerId::Virt));
    const double woke_us = (sc_core::sc_time_stamp() + bench.cpu.localTime()).to_seconds() * 1e6;
    CHECK(woke_us >= 100.0);
    CHECK(woke_us < 110.0);
}
