// The processor: architectural state, fetch through the predecoded-instruction cache, execute,
// take exceptions and interrupts, count cycles. Knows nothing of SystemC: the owner gives it a
// memory backend and a console, calls run(), and drives the interrupt lines.
#pragma once

#include "svesim/exceptions/arch_state.h"
#include "svesim/isa/exec_context.h"
#include "svesim/model/decode_cache.h"
#include "svesim/model/semihosting.h"
#include "svesim/model/timing.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_set>

namespace svesim::model {

struct ProcessorConfig {
    ArchConfig arch;
    TimingConfig timing = TimingConfig::neoverseV1();
};

enum class StopReason : std::uint8_t {
    Budget,           // executed the requested number of instructions
    WaitForInterrupt, // WFI/WFE with no wake-up event pending
    Exit,             // the program called SYS_EXIT / SYS_EXIT_EXTENDED
    Breakpoint,       // the PC reached a debugger breakpoint (setBreakpoints)
};

struct RunResult {
    StopReason reason;
    std::uint64_t executed;
    int exit_code = 0;
};

class Processor : private isa::CodeWatcher {
public:
    Processor(const ProcessorConfig& cfg, isa::MemoryBackend& memory, Console& console);
    Processor(const Processor&) = delete;
    Processor& operator=(const Processor&) = delete;

    // Cold reset: architectural reset (R22), caches dropped, counters kept.
    void reset();
    // Executes up to `max_instructions` instructions (an exception entry counts as one step).
    RunResult run(std::uint64_t max_instructions);

    // Makes run() return after the current instruction (e.g. to synchronise after MMIO).
    void requestStop() { stop_requested_ = true; }

    // Interrupt request lines (level-sensitive).
    void setIrq(bool level) { irq_ = level; }
    void setFiq(bool level) { fiq_ = level; }
    // Virtual interrupt inputs (a GIC's virtual CPU interface); taken at EL0/EL1 when HCR_EL2
    // routes that kind to EL2 (IMO/FMO), as are HCR_EL2.VI/VF. R23
    void setVirq(bool level) { virq_ = level; }
    void setVfiq(bool level) { vfiq_ = level; }
    // True while WFI/WFE waits; cleared by an interrupt line (masked or not) or by wake().
    [[nodiscard]] bool waiting() const { return waiting_; }
    // A WFI wake-up event: a physical interrupt, masked or not, or a virtual one that can be
    // signalled at the current EL (ARM-M D1.6.2 "Wait for Interrupt").
    [[nodiscard]] bool wakeUpPending() const;

    // Joins the platform's global exclusive monitor and event network (shared by its PEs);
    // `on_event` runs after an event from another PE reached this one (the owner wakes it).
    void joinGlobalMonitor(isa::GlobalMonitor& monitor, std::function<void()> on_event = {});
    // An event from another PE (SEV, or a store that cleared this PE's global monitor): wakes
    // a WFE, otherwise sets the event register.
    void signalEvent();

    // Software breakpoints of a debugger: run() stops with StopReason::Breakpoint before
    // executing an instruction at one of these addresses (nullptr: none).
    void setBreakpoints(const std::unordered_set<std::uint64_t>* addresses) {
        breakpoints_ = addresses;
    }
    // The next instruction executes even if a breakpoint is set at it (resuming from one).
    void skipBreakpointOnce() { skip_breakpoint_ = true; }
    // Adds cycles spent waiting (the owner knows how long the PE slept).
    void addIdleCycles(std::uint64_t cycles);

    // Direct (DMI) access to RAM for the data and instruction sides.
    void setDirectWindow(std::uint8_t* host, std::uint64_t start, std::uint64_t end);
    void clearDirectWindow();
    // Memory written behind the processor's back (loader, debugger, DMA).
    void invalidateCode(std::uint64_t addr, std::uint64_t size) { icache_.invalidate(addr, size); }

    [[nodiscard]] ArchState& arch() { return arch_; }
    [[nodiscard]] isa::ExecContext& context() { return cx_; }
    [[nodiscard]] EventBus& events() { return arch_.bus; }
    [[nodiscard]] const TimingConfig& timing() const { return timing_; }

    [[nodiscard]] std::uint64_t cycles() const { return cycles_; }
    [[nodiscard]] std::uint64_t instructions() const { return instructions_; }
    [[nodiscard]] std::uint64_t instructionsAt(EL el) const { return insns_by_el_[toUnsigned(el)]; }
    [[nodiscard]] std::uint64_t cyclesAt(EL el) const { return cycles_by_el_[toUnsigned(el)]; }

private:
    void codeWritten(std::uint64_t addr, unsigned size) override;
    // Takes `e` (AArch64.TakeException) and charges its cost; returns the cycles charged.
    unsigned takeException(const ExceptionEntry& e);
    std::optional<ExceptionEntry> pendingInterrupt() const;
    // The decoded instruction at PC, or the Instruction Abort the fetch takes.
    const DecodedInsn* fetch(std::optional<ExceptionEntry>& abort);
    void charge(unsigned cycles, EL el);
    // Executes one decoded instruction; with provenance on, also tags what it wrote outside
    // the register accessors (NZCV, FPSR cumulative flags).
    void execute(const DecodedInsn& d);
    void executeTracked(const DecodedInsn& d, Provenance& prov);

    TimingConfig timing_;
    ArchState arch_;
    isa::MemoryBus bus_;
    isa::ExecContext cx_;
    Console* console_;
    DecodeCache icache_;
    [[nodiscard]] bool interruptMayBePending() const;
    bool irq_ = false, fiq_ = false, virq_ = false, vfiq_ = false;
    bool waiting_ = false, stop_requested_ = false, skip_breakpoint_ = false;
    bool waiting_for_event_ = false, event_wake_ = false;
    std::function<void()> on_event_;
    const std::unordered_set<std::uint64_t>* breakpoints_ = nullptr;
    std::uint64_t cycles_ = 0, instructions_ = 0;
    std::array<std::uint64_t, 4> insns_by_el_{}, cycles_by_el_{};
};

} // namespace svesim::model
