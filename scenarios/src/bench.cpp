#include "svesim/scenarios/bench.h"

#include "svesim/arch/config_error.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fmt/core.h>
#include <utility>

namespace svesim::scenarios {

namespace {
// tlm::Uart's registers: the data register and the flag register (TXFE and RXFE set: always
// ready to send, nothing to receive).
constexpr std::uint64_t kUartSize = 0x1000, kUartDR = 0x000, kUartFR = 0x018, kUartFRValue = 0x90;
constexpr std::uint64_t kChunk = 512; // instructions per run() call, as tlm::Cpu
constexpr unsigned kHostCheckEvery = 16;

bool within(std::uint64_t addr, std::uint64_t size, std::uint64_t base, std::uint64_t len) {
    return addr >= base && addr - base < len && size <= len - (addr - base);
}
} // namespace

void checkEntry(const model::ElfImage& image) {
    if ((image.entry & 3) != 0)
        throw model::ElfError(model::ElfError::Kind::OutsideMemory,
                              fmt::format("entry point {:#x} is not 4-byte aligned (the first "
                                          "fetch would take a PC alignment fault)",
                                          image.entry));
    for (const model::ElfSegment& seg : image.segments)
        if (image.entry >= seg.address && image.entry - seg.address < seg.data.size()) return;
    std::string ranges;
    for (const model::ElfSegment& seg : image.segments)
        ranges += fmt::format("{}[{:#x}, {:#x})", ranges.empty() ? "" : ", ", seg.address,
                              seg.address + seg.data.size());
    throw model::ElfError(model::ElfError::Kind::OutsideMemory,
                          fmt::format("entry point {:#x} is outside the loaded image ({})",
                                      image.entry, ranges.empty() ? "no segments" : ranges));
}

Bench::Bench(const BenchConfig& cfg, model::Console& console)
    : cfg_(cfg)
    , console_(&console)
    , ram_(static_cast<std::uint8_t*>(std::calloc(cfg.ram_size, 1)), &std::free)
    , proc_(cfg.processor, *this, console)
    // SystemC rounds a clock period to its time resolution (1 ps), as tlm::Cpu's period does.
    , period_ps_(std::max<std::uint64_t>(
          1, static_cast<std::uint64_t>(
                 std::llround(1e12 / static_cast<double>(cfg.processor.timing.clock_hz))))) {
    if (!ram_)
        throw ConfigError(fmt::format("bench: a RAM of {} MiB cannot be allocated on this host",
                                      cfg.ram_size >> 20));
    if (cfg.quantum_ps == 0) throw ConfigError("bench: the quantum must be positive");
    next_sync_ps_ = cfg.quantum_ps;
    proc_.setStopOnSpin(true); // a branch to itself with nothing to end it ends the run
}

bool Bench::inRam(std::uint64_t addr, std::uint64_t size) const {
    return within(addr, size, cfg_.ram_base, cfg_.ram_size);
}

void Bench::load(const model::ElfImage& image) {
    for (const model::ElfSegment& seg : image.segments) {
        const std::uint64_t size = seg.data.size();
        if (seg.address < cfg_.ram_base || seg.address - cfg_.ram_base > cfg_.ram_size ||
            size > cfg_.ram_size - (seg.address - cfg_.ram_base))
            throw model::ElfError(
                model::ElfError::Kind::OutsideMemory,
                fmt::format("segment [{:#x}, {:#x}) is outside RAM [{:#x}, {:#x})", seg.address,
                            seg.address + size, cfg_.ram_base, cfg_.ram_base + cfg_.ram_size));
        debugWrite(seg.address, seg.data.data(), static_cast<unsigned>(size));
    }
    checkEntry(image);
    proc_.arch().cpu.pc = image.entry;
}

bool Bench::debugRead(std::uint64_t addr, void* data, unsigned size) {
    if (!inRam(addr, size)) return false;
    std::memcpy(data, ram_.get() + (addr - cfg_.ram_base), size);
    return true;
}

bool Bench::debugWrite(std::uint64_t addr, const void* data, unsigned size) {
    if (!inRam(addr, size)) return false;
    std::memcpy(ram_.get() + (addr - cfg_.ram_base), data, size);
    proc_.invalidateCode(addr, size);
    return true;
}

bool Bench::read(std::uint64_t addr, void* dst, unsigned size) {
    return access(addr, false, static_cast<std::uint8_t*>(dst), size);
}

bool Bench::write(std::uint64_t addr, const void* src, unsigned size) {
    // A write only reads `data`.
    return access(addr, true, static_cast<std::uint8_t*>(const_cast<void*>(src)), size);
}

std::uint64_t Bench::takeExtraCycles() {
    return std::exchange(extra_cycles_, 0);
}

// One access the direct window did not serve, timed as tlm::Cpu::transport: at the local time
// of the instruction making it; a device's latency becomes extra cycles; RAM then grants the
// direct window; any other device makes the PE synchronise before its next instruction.
bool Bench::access(std::uint64_t addr, bool is_write, std::uint8_t* data, unsigned size) {
    const std::uint64_t at = local_ps_ + period_ps_ * (proc_.cycles() - chunk_start_cycles_);
    if (inRam(addr, size)) {
        std::uint8_t* p = ram_.get() + (addr - cfg_.ram_base);
        if (is_write)
            std::memcpy(p, data, size);
        else
            std::memcpy(data, p, size);
        extra_cycles_ += cfg_.ram_latency_ps / period_ps_;
        if (!direct_) {
            proc_.setDirectWindow(ram_.get(), cfg_.ram_base, cfg_.ram_base + cfg_.ram_size);
            direct_ = true;
        }
        return true;
    }
    bool ok = false;
    if (within(addr, size, cfg_.monitor_base, MonitorProtocol::kSize)) {
        ok = monitor_.access(addr - cfg_.monitor_base, is_write, data, size);
    } else if (within(addr, size, cfg_.timer_base, TimerProtocol::kSize)) {
        std::optional<TimerCommand> cmd;
        ok = TimerProtocol::access(addr - cfg_.timer_base, is_write, data, size, cmd);
        if (cmd) {
            fire_ps_.reset();
            if (cmd->kind == TimerCommand::Kind::FireAfter) {
                fire_ps_ = now_ps_ + at + period_ps_ * cmd->cycles;
            } else {
                // sc_event::notify keeps the earlier of two pending notifications.
                const std::uint64_t t = now_ps_ + at;
                ack_ps_ = ack_ps_ ? std::min(*ack_ps_, t) : t;
            }
        }
    } else if (within(addr, size, cfg_.uart_base, kUartSize) && size <= 8) {
        const std::uint64_t off = addr - cfg_.uart_base;
        if (is_write && off == kUartDR) {
            const char c = static_cast<char>(data[0]);
            console_->write(1, std::string_view(&c, 1));
        } else if (!is_write) {
            const std::uint64_t v = off == kUartFR ? kUartFRValue : 0;
            std::memcpy(data, &v, size);
        }
        extra_cycles_ += cfg_.uart_latency_ps / period_ps_;
        ok = true;
    }
    if (ok) proc_.requestStop(); // MMIO: synchronise before the next instruction
    return ok;
}

void Bench::applyTimer(std::uint64_t until, bool same_time) {
    const auto due = [&](const std::optional<std::uint64_t>& t) {
        return t && (*t < until || (same_time && *t == until));
    };
    // In time order; a fire and an ack at the same time: the timer's method sees the fire.
    while (due(fire_ps_) || due(ack_ps_)) {
        if (due(fire_ps_) && (!due(ack_ps_) || *fire_ps_ <= *ack_ps_)) {
            if (ack_ps_ == fire_ps_) ack_ps_.reset();
            fire_ps_.reset();
            irq_ = true;
        } else {
            ack_ps_.reset();
            irq_ = false;
        }
    }
    proc_.setIrq(irq_);
}

void Bench::sync() {
    const std::uint64_t from = now_ps_;
    now_ps_ += local_ps_;
    local_ps_ = 0;
    applyTimer(now_ps_, now_ps_ == from);
    next_sync_ps_ = now_ps_ + (cfg_.quantum_ps - now_ps_ % cfg_.quantum_ps);
}

bool Bench::sleep() {
    sync();
    const std::uint64_t slept_from = now_ps_;
    while (!proc_.wakeUpPending()) {
        // The kernel runs the timer's next change (the only thing that can wake the PE).
        std::optional<std::uint64_t> next = fire_ps_;
        if (ack_ps_ && (!next || *ack_ps_ < *next)) next = ack_ps_;
        if (!next) return false; // SystemC starves: the PE's thread never resumes
        if (cfg_.host_check && !cfg_.host_check()) {
            proc_.addIdleCycles((now_ps_ - slept_from) / period_ps_);
            return false;
        }
        now_ps_ = *next;
        applyTimer(now_ps_, true);
    }
    proc_.addIdleCycles((now_ps_ - slept_from) / period_ps_);
    return true;
}

BenchFinish Bench::run() {
    const std::uint64_t quantum_cycles = std::max<std::uint64_t>(1, cfg_.quantum_ps / period_ps_);
    std::uint64_t executed = 0;
    unsigned chunks = 0;
    while (true) {
        std::uint64_t budget = std::min(kChunk, quantum_cycles);
        if (cfg_.max_instructions != 0) budget = std::min(budget, cfg_.max_instructions - executed);
        chunk_start_cycles_ = proc_.cycles();
        const model::RunResult r = proc_.run(budget);
        executed += r.executed;
        local_ps_ += period_ps_ * (proc_.cycles() - chunk_start_cycles_);
        chunk_start_cycles_ = proc_.cycles();
        if (r.reason == model::StopReason::Exit) {
            exit_code_ = r.exit_code;
            sync();
            return BenchFinish::Exit;
        }
        if (cfg_.max_instructions != 0 && executed >= cfg_.max_instructions) {
            sync();
            return BenchFinish::Limit;
        }
        if (r.reason == model::StopReason::ExceptionStorm) return BenchFinish::Storm;
        if (r.reason == model::StopReason::SpinForever) return BenchFinish::Stuck;
        if ((++chunks % kHostCheckEvery) == 0 && cfg_.host_check && !cfg_.host_check())
            return BenchFinish::Host;
        if (r.reason == model::StopReason::WaitForInterrupt) {
            if (!sleep())
                return cfg_.host_check && !cfg_.host_check() ? BenchFinish::Host
                                                             : BenchFinish::Stuck;
            continue;
        }
        if (now_ps_ + local_ps_ >= next_sync_ps_ || r.executed < budget) sync();
    }
}

} // namespace svesim::scenarios
