// The scenario bench: model::Processor with flat RAM, the scenario monitor and the timer as
// plain MMIO handlers, and QEMU virt's memory map (RAM at 0x4000_0000, a PL011 data register at
// 0x0900_0000, the monitor at 0x0A00_0000, the timer at 0x0A00_1000) — no SystemC, so a process
// can run as many scenario points as it likes (`svesim scenario run`, `svesim sweep`).
//
// It keeps time exactly as tlm::Cpu on tlm::Platform does, so that both give the same cycles:
// the PE runs in chunks of up to 512 instructions ahead of a global time (temporal decoupling
// with a 1 us quantum), synchronises at the quantum's boundary and after every MMIO access, and
// sees an interrupt line change only at a synchronisation that ends after it (the SystemC
// kernel runs the timer only while the PE's thread waits). tests/scenarios/test_bench_vs_tlm.sh
// compares the two for every shipped scenario.
#pragma once

#include "svesim/model/elf_image.h"
#include "svesim/model/gdb_server.h"
#include "svesim/model/processor.h"
#include "svesim/scenarios/devices.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace svesim::scenarios {

struct BenchConfig {
    model::ProcessorConfig processor;
    std::uint64_t ram_base = 0x4000'0000;
    std::uint64_t ram_size = 64ULL << 20;
    std::uint64_t uart_base = 0x0900'0000;
    std::uint64_t monitor_base = 0x0A00'0000;
    std::uint64_t timer_base = 0x0A00'1000;
    std::uint64_t max_instructions = 0; // 0: no limit
    // As tlm::CpuConfig's quantum and tlm::Ram's and tlm::Uart's latencies (picoseconds).
    std::uint64_t quantum_ps = 1'000'000;
    std::uint64_t ram_latency_ps = 10'000;
    std::uint64_t uart_latency_ps = 20'000;
    // Asked about every 16 chunks and while the PE sleeps (a signal, a wall-clock limit): false
    // stops the run (BenchFinish::Host), as tlm::Cpu::setHostCheck.
    std::function<bool()> host_check;
};

enum class BenchFinish : std::uint8_t {
    Exit,  // the program called SYS_EXIT
    Limit, // max_instructions executed
    Storm, // an exception storm (Processor::storm())
    Stuck, // asleep in WFI with nothing left to wake it, or a branch to itself for ever
    Host,  // host_check said stop
};

// Throws model::ElfError(OutsideMemory) with one line when the image's entry point is not
// 4-byte aligned or lies outside every loadable segment: such a program could only fault at its
// first fetch and then at the (unset) vector for ever.
void checkEntry(const model::ElfImage& image);

class Bench : public model::DebugMemory, private isa::MemoryBackend {
public:
    // Throws ConfigError when the RAM cannot be allocated.
    Bench(const BenchConfig& cfg, model::Console& console);
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    // Copies the image into RAM and sets the PC to its entry; throws model::ElfError
    // (OutsideMemory) for a segment not entirely inside RAM or a bad entry (checkEntry).
    void load(const model::ElfImage& image);
    // Runs until the program exits or cannot go on.
    BenchFinish run();

    [[nodiscard]] model::Processor& processor() { return proc_; }
    [[nodiscard]] MonitorProtocol& monitor() { return monitor_; }
    [[nodiscard]] std::optional<int> exitCode() const { return exit_code_; }
    // Simulated time (picoseconds) of the instruction executing now, as tlm::Cpu's
    // sc_time_stamp() + localTime().
    [[nodiscard]] std::uint64_t timePs() const {
        return now_ps_ + local_ps_ + period_ps_ * (proc_.cycles() - chunk_start_cycles_);
    }
    [[nodiscard]] std::uint64_t clockPeriodPs() const { return period_ps_; }

    bool debugRead(std::uint64_t addr, void* data, unsigned size) override;
    bool debugWrite(std::uint64_t addr, const void* data, unsigned size) override;

private:
    bool read(std::uint64_t addr, void* dst, unsigned size) override;
    bool write(std::uint64_t addr, const void* src, unsigned size) override;
    std::uint64_t takeExtraCycles() override;
    bool access(std::uint64_t addr, bool is_write, std::uint8_t* data, unsigned size);
    [[nodiscard]] bool inRam(std::uint64_t addr, std::uint64_t size) const;
    // tlm_quantumkeeper::sync(): global time catches up with the PE, the timer's line changes
    // that happened meanwhile reach the PE, and the next boundary is the next quantum multiple.
    void sync();
    // Applies the timer's pending changes at times before `until` (and at `until` itself when
    // `same_time`: the PE waited for no time, so the kernel ran them first).
    void applyTimer(std::uint64_t until, bool same_time);
    // WFI: sleeps until the IRQ line wakes the PE; false when nothing ever will (or host_check
    // said stop).
    bool sleep();

    BenchConfig cfg_;
    model::Console* console_;
    std::unique_ptr<std::uint8_t, void (*)(void*)> ram_;
    MonitorProtocol monitor_;
    model::Processor proc_;
    std::uint64_t period_ps_;
    // Time: the global time, the PE's local offset and the next synchronisation point.
    std::uint64_t now_ps_ = 0, local_ps_ = 0, next_sync_ps_ = 0;
    std::uint64_t chunk_start_cycles_ = 0, extra_cycles_ = 0;
    bool direct_ = false;
    // The timer's pending events (absolute ps) and its IRQ line.
    std::optional<std::uint64_t> fire_ps_, ack_ps_;
    bool irq_ = false;
    std::optional<int> exit_code_;
};

} // namespace svesim::scenarios
