// The processor: architectural state, fetch through the predecoded-instruction cache, execute,
// take exceptions and interrupts, count cycles. Knows nothing of SystemC: the owner gives it a
// memory backend and a console, calls run(), and drives the interrupt lines.
#pragma once

#include "svesim/exceptions/arch_state.h"
#include "svesim/isa/exec_context.h"
#include "svesim/model/decode_cache.h"
#include "svesim/model/gic_sysregs.h"
#include "svesim/model/semihosting.h"
#include "svesim/model/timer_sysregs.h"
#include "svesim/model/timing.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

namespace svesim::model {

struct ProcessorConfig {
    ArchConfig arch;
    TimingConfig timing = TimingConfig::neoverseV1();
    bool fast_engine = true; // Processor::setFastEngine
};

enum class StopReason : std::uint8_t {
    Budget,           // executed the requested number of instructions
    WaitForInterrupt, // WFI/WFE with no wake-up event pending
    Exit,             // the program called SYS_EXIT / SYS_EXIT_EXTENDED
    Breakpoint,       // the PC reached a debugger breakpoint (setBreakpoints)
    ExceptionStorm,   // the same synchronous exception again and again (Processor::storm())
    SpinForever,      // a branch to itself with every interrupt masked (setStopOnSpin)
};

// An exception storm: the same synchronous exception (type, syndrome, return address, fault
// address, target EL and vector) taken kRepeats times in a row, each time either before any
// instruction completed, or after at most kSlack instructions that left X0-X30, SP and NZCV as
// they were. Nothing can end it (a fetch from unmapped memory at the vector, an UNDEFINED word
// there, a handler that returns to the faulting instruction unchanged), so run() stops with
// StopReason::ExceptionStorm instead of spinning.
struct ExceptionStorm {
    static constexpr std::uint64_t kRepeats = 100'000;
    static constexpr std::uint64_t kSlack = 16;
    Exception type = Exception::Uncategorized;
    EL from = EL::EL0, target = EL::EL0;
    std::uint32_t esr = 0;
    std::uint64_t elr = 0;
    std::optional<std::uint64_t> far;
    std::uint64_t vector = 0;
    std::uint64_t repeats = 0;
    // The exception taken just before the storm began, when no instruction completed in
    // between (e.g. the fetch from unmapped memory whose vector is unmapped too).
    std::optional<std::pair<std::uint32_t, std::uint64_t>> began_with; // ESR, ELR
};
// One line naming the exception, ESR, ELR, FAR, the EL and the vector, e.g. "exception storm:
// InstructionAbort (EC 0x21) taken 100000 times at the EL3 vector 0x200 with no progress:
// ESR_EL3 0x86000010 ELR_EL3 0x200 FAR_EL3 0x200 (from EL3)".
std::string describe(const ExceptionStorm& s);

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

    // The exception storm run() stopped for (StopReason::ExceptionStorm), else nullopt.
    [[nodiscard]] std::optional<ExceptionStorm> storm() const;

    // Whether an interrupt of any kind would be taken in the current state if its line were
    // asserted (a PE spinning on a branch to itself waits for one; without, it is stuck).
    [[nodiscard]] bool anyInterruptCanBeTaken() const;

    // With `on`, run() stops with StopReason::SpinForever at a branch to itself while no
    // interrupt can be taken (nothing can ever change; the PC stays at the branch). Off by
    // default; tlm::Cpu turns it on.
    void setStopOnSpin(bool on) { stop_on_spin_ = on; }

    // The fast engine (on by default): instructions with a form specialised at decode
    // (isa/fast_exec.h) run back to back, across branches, without the per-instruction
    // bookkeeping of the general path. It runs only when nothing observes single
    // instructions: no provenance tracker, no breakpoints, no InstructionRetired or
    // MemoryAccess listener. Counts, cycles and architectural results are the same either way.
    void setFastEngine(bool on) { fast_engine_ = on; }
    [[nodiscard]] bool fastEngine() const { return fast_engine_; }
    // How many of instructions() the fast engine ran.
    [[nodiscard]] std::uint64_t fastInstructions() const { return fast_instructions_; }

    // Makes run() return after the current instruction (e.g. to synchronise after MMIO).
    void requestStop() { stop_requested_ = true; }

    // Interrupt request lines (level-sensitive).
    // (They also update CpuState::lines, which ISR_EL1 reads.)
    void setIrq(bool level) { irq_ = arch_.cpu.lines.irq = level; }
    void setFiq(bool level) { fiq_ = arch_.cpu.lines.fiq = level; }
    // Virtual interrupt inputs (a GIC's virtual CPU interface); taken at EL0/EL1 when HCR_EL2
    // routes that kind to EL2 (IMO/FMO), as are HCR_EL2.VI/VF. R23
    void setVirq(bool level) { virq_ = arch_.cpu.lines.virq = level; }
    void setVfiq(bool level) { vfiq_ = arch_.cpu.lines.vfiq = level; }
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

    // The PE's generic timer (the device behind the CNT* rows), counting at its frequency
    // from the cycle count.
    [[nodiscard]] GenericTimer& timer() { return timer_.timer(); }
    // What semihosting tells the program of its environment (its command line, heap and
    // stack: set by the loader) and the errno of its last failed call.
    [[nodiscard]] SemihostingHost& semihosting() { return semihosting_; }
    // Makes the platform's GIC CPU interface of this PE the device behind the ICC_*/ICH_* rows
    // (the GIC outlives the processor) and advertises it (ID_AA64PFR0_EL1.GIC = 1).
    void attachGicCpuInterface(gic::CpuInterface& cpu_interface);
    [[nodiscard]] std::uint64_t cycles() const { return cycles_; }
    [[nodiscard]] std::uint64_t instructions() const { return instructions_; }
    [[nodiscard]] std::uint64_t instructionsAt(EL el) const { return insns_by_el_[toUnsigned(el)]; }
    [[nodiscard]] std::uint64_t cyclesAt(EL el) const { return cycles_by_el_[toUnsigned(el)]; }

private:
    void codeWritten(std::uint64_t addr, unsigned size) override;
    [[nodiscard]] bool holdsCode(std::uint64_t page) const override { return icache_.holds(page); }
    // Whether the fast engine may run now (setFastEngine).
    [[nodiscard]] bool fastEngineUsable() const;
    // Runs fast forms from `d` (the decoded instruction at the PC, boundary checks done) while
    // they complete, up to `budget`; returns how many completed (counted and charged, the PC
    // moved past them). 0: `d` itself needs the general path.
    std::uint64_t runFast(const DecodedInsn* d, std::uint64_t budget);
    // Takes `e` (AArch64.TakeException) and charges its cost; returns the cycles charged.
    unsigned takeException(const ExceptionEntry& e);
    // Takes the synchronous exception `e` like takeException and follows it for a storm;
    // `counted`: the faulting instruction was counted in instructions_. Sets storm_hit_.
    unsigned takeSynchronous(const ExceptionEntry& e, bool counted);
    std::optional<ExceptionEntry> pendingInterrupt() const;
    // The decoded instruction at PC, or the Instruction Abort the fetch takes.
    DecodedInsn* fetch(std::optional<ExceptionEntry>& abort);
    void charge(unsigned cycles, EL el);
    // Executes one decoded instruction; with provenance on, also tags what it wrote outside
    // the register accessors (NZCV, FPSR cumulative flags).
    void execute(const DecodedInsn& d);
    void executeTracked(const DecodedInsn& d, Provenance& prov);

    TimingConfig timing_;
    ArchState arch_;
    TimerSysRegs timer_;
    std::unique_ptr<GicSysRegs> gic_;
    isa::MemoryBus bus_;
    isa::ExecContext cx_;
    Console* console_;
    SemihostingHost semihosting_;
    DecodeCache icache_;
    [[nodiscard]] bool interruptMayBePending() const;
    bool irq_ = false, fiq_ = false, virq_ = false, vfiq_ = false;
    bool waiting_ = false, stop_requested_ = false, skip_breakpoint_ = false;
    bool waiting_for_event_ = false, event_wake_ = false;
    std::function<void()> on_event_;
    const std::unordered_set<std::uint64_t>* breakpoints_ = nullptr;
    std::uint64_t cycles_ = 0, instructions_ = 0, fast_instructions_ = 0;
    // Exception-storm detection (ExceptionStorm): the last synchronous exception and the
    // registers when it was taken.
    ExceptionStorm storm_;
    std::array<std::uint64_t, 33> storm_regs_{};
    std::uint64_t storm_mark_ = 0; // instructions_ after the last synchronous exception
    bool storm_hit_ = false;
    bool stop_on_spin_ = false;
    bool fast_engine_ = true;
    std::array<std::uint64_t, 4> insns_by_el_{}, cycles_by_el_{};
};

} // namespace svesim::model
