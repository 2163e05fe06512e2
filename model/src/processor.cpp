#include "svesim/model/processor.h"

#include "svesim/exceptions/routing.h"
#include "svesim/exceptions/take_exception.h"

#include <utility>

namespace svesim::model {

using isa::SideEffect;
using isa::TimingClass;

Processor::Processor(const ProcessorConfig& cfg, isa::MemoryBackend& memory, Console& console)
    : timing_(cfg.timing)
    , arch_(cfg.arch)
    , bus_(memory)
    , cx_(arch_, bus_)
    , console_(&console) {
    cx_.watchCode(0, 0, this);
    cx_.setClock(&cycles_, timing_.clock_hz);
    // Events carry the PC of the instruction being executed (the PC only moves after it
    // completes) and the cycle count when they happen.
    arch_.bus.setContextSource(&arch_.cpu.pc, &cycles_);
}

void Processor::reset() {
    arch_.reset();
    icache_.clear();
    cx_.watchCode(0, 0, this);
    cx_.monitor = {};
    cx_.event_register = false;
    cx_.refreshVL();
    waiting_ = false;
}

void Processor::setDirectWindow(std::uint8_t* host, std::uint64_t start, std::uint64_t end) {
    bus_.setDirectWindow(host, start, end);
}
void Processor::clearDirectWindow() {
    bus_.clearDirectWindow();
}

void Processor::codeWritten(std::uint64_t addr, unsigned size) {
    icache_.invalidate(addr, size);
    cx_.watchCode(icache_.low(), icache_.high(), this);
}

void Processor::charge(unsigned cycles, EL el) {
    cycles_ += cycles;
    cycles_by_el_[toUnsigned(el)] += cycles;
}

void Processor::addIdleCycles(std::uint64_t cycles) {
    cycles_ += cycles;
    cycles_by_el_[toUnsigned(arch_.cpu.pstate.el)] += cycles;
}

void Processor::execute(const DecodedInsn& d) {
    if (Provenance* prov = arch_.provenance())
        executeTracked(d, *prov);
    else
        d.def->exec(cx_, d.raw);
}

void Processor::executeTracked(const DecodedInsn& d, Provenance& prov) {
    const CpuState& s = arch_.cpu;
    const PState before = s.pstate;
    const std::uint64_t fpsr = s.sysregs.raw(SysReg::FPSR);
    d.def->exec(cx_, d.raw);
    // Flags set by an instruction come from what it read; FPSR flags accumulate.
    const PState& after = s.pstate;
    const bool flags =
        after.n != before.n || after.z != before.z || after.c != before.c || after.v != before.v;
    if (flags) prov.nzcv = prov.sourcesTag();
    // A flag or branch decided by an UNKNOWN byte: other implementations may diverge here.
    if (!prov.first_unknown_control &&
        ((flags && prov.hasUnknown(prov.sourcesTag())) ||
         (d.def->timing == isa::TimingClass::Branch && prov.scalarReadUnknown())))
        prov.first_unknown_control = s.pc;
    if (s.sysregs.raw(SysReg::FPSR) != fpsr && d.def->timing != isa::TimingClass::Msr)
        prov.fpsr = prov.table.join(prov.fpsr, prov.sourcesTag());
}

unsigned Processor::takeException(const ExceptionEntry& e) {
    AArch64_TakeException(arch_, e);
    if (Provenance* prov = arch_.provenance()) prov->contextChanged(arch_.cpu);
    cx_.refreshVL();
    return timing_.cost[static_cast<std::size_t>(TimingClass::ExceptionEntry)];
}

// R19: the highest-priority interrupt that is pending and not masked (FIQ before IRQ as QEMU;
// the architecture leaves the relative priority IMPLEMENTATION DEFINED). No platform source
// raises SError, so the processor has no SError input (its routing is in exceptions/).
std::optional<ExceptionEntry> Processor::pendingInterrupt() const {
    const CpuState& s = arch_.cpu;
    if (fiq_)
        if (auto e = TakePhysicalInterrupt(s, InterruptKind::FIQ)) return e;
    if (irq_)
        if (auto e = TakePhysicalInterrupt(s, InterruptKind::IRQ)) return e;
    // Virtual interrupts after physical ones (their relative priority is IMPLEMENTATION DEFINED).
    if (auto e = TakeVirtualInterrupt(s, InterruptKind::FIQ, vfiq_)) return e;
    if (auto e = TakeVirtualInterrupt(s, InterruptKind::IRQ, virq_)) return e;
    return std::nullopt;
}

bool Processor::interruptMayBePending() const {
    return irq_ || fiq_ || VirtualInterruptPending(arch_.cpu, InterruptKind::IRQ, virq_) ||
           VirtualInterruptPending(arch_.cpu, InterruptKind::FIQ, vfiq_);
}

void Processor::joinGlobalMonitor(isa::GlobalMonitor& monitor, std::function<void()> on_event) {
    on_event_ = std::move(on_event);
    cx_.attachGlobalMonitor(&monitor, monitor.attach([this] {
        signalEvent();
        if (on_event_) on_event_();
    }));
}

void Processor::signalEvent() {
    if (waiting_ && waiting_for_event_)
        event_wake_ = true; // the WFE completes
    else
        cx_.event_register = true;
}

bool Processor::wakeUpPending() const {
    if (irq_ || fiq_ || event_wake_) return true;
    const CpuState& s = arch_.cpu;
    for (const InterruptKind k : {InterruptKind::IRQ, InterruptKind::FIQ})
        if (VirtualInterruptSignalled(s, k) &&
            VirtualInterruptPending(s, k, k == InterruptKind::IRQ ? virq_ : vfiq_))
            return true;
    return false;
}

const DecodedInsn* Processor::fetch(std::optional<ExceptionEntry>& abort) {
    const std::uint64_t pc = arch_.cpu.pc;
    if (const DecodedInsn* d = icache_.find(pc)) return d;
    std::uint32_t raw = 0;
    if (!bus_.read(pc, &raw, 4)) {
        abort = AArch64_InstructionAbortExternal(arch_.cpu, pc);
        return nullptr;
    }
    const DecodedInsn& d = icache_.insert(pc, raw);
    cx_.watchCode(icache_.low(), icache_.high(), this);
    return &d;
}

RunResult Processor::run(std::uint64_t max_instructions) {
    std::uint64_t executed = 0;
    CpuState& s = arch_.cpu;
    EventBus& events = arch_.bus;
    stop_requested_ = false;
    while (executed < max_instructions) {
        if (stop_requested_) break;
        if (waiting_) {
            if (!wakeUpPending()) return {StopReason::WaitForInterrupt, executed};
            waiting_ = false;
            event_wake_ = false;
        }
        const EL el = s.pstate.el;
        if (breakpoints_ != nullptr && !std::exchange(skip_breakpoint_, false) &&
            breakpoints_->count(s.pc) != 0)
            return {StopReason::Breakpoint, executed};
        ++executed;
        if (interruptMayBePending()) {
            if (auto e = pendingInterrupt()) {
                charge(takeException(*e), el);
                continue;
            }
        }
        // R20: after an illegal exception return the next instruction takes EC 0x0E.
        if (s.pstate.il) {
            charge(takeException(AArch64_IllegalStateException(s)), el);
            continue;
        }
        if ((s.pc & 3) != 0) {
            charge(takeException(AArch64_PCAlignmentFault(s)), el);
            continue;
        }
        std::optional<ExceptionEntry> abort;
        const DecodedInsn* slot = fetch(abort);
        if (slot == nullptr) {
            charge(takeException(*abort), el);
            continue;
        }
        // A copy: the instruction may store to its own page, which drops the cached slot.
        const DecodedInsn d = *slot;
        cx_.beginInstruction();
        unsigned cost = 0;
        if (d.def != nullptr) {
            execute(d);
            cost = timing_.instructionCost(d.def->timing, cx_.vl(), d.raw);
        } else {
            cx_.undefined();
            cost = timing_.cost[static_cast<std::size_t>(TimingClass::IntAlu)];
        }
        cost += static_cast<unsigned>(bus_.backend().takeExtraCycles());
        ++instructions_;
        ++insns_by_el_[toUnsigned(el)];
        if (events.listening(EventKind::InstructionRetired))
            events.emit(InstructionRetiredEvent{{}, d.raw, el, cx_.vl().bits(), cost});
        if (cx_.faulted()) {
            cost += takeException(*cx_.fault);
            charge(cost, el);
            continue;
        }
        s.pc = cx_.next_pc;
        charge(cost, el);
        switch (cx_.effect) {
        case SideEffect::None: break;
        case SideEffect::ContextChanged:
            cx_.refreshVL();
            if (Provenance* prov = arch_.provenance()) prov->contextChanged(s);
            break;
        case SideEffect::WaitForInterrupt:
        case SideEffect::WaitForEvent:
            if (!wakeUpPending()) {
                waiting_ = true;
                waiting_for_event_ = cx_.effect == SideEffect::WaitForEvent;
                return {StopReason::WaitForInterrupt, executed};
            }
            break;
        case SideEffect::Semihosting:
            if (auto code = semihostingCall(cx_, *console_, cycles_, timing_.clock_hz))
                return {StopReason::Exit, executed, *code};
            break;
        }
    }
    return {StopReason::Budget, executed};
}

} // namespace svesim::model
