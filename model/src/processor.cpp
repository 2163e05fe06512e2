#include "svesim/model/processor.h"

#include "svesim/arch/feature_table.h"
#include "svesim/exceptions/abort.h"
#include "svesim/exceptions/routing.h"
#include "svesim/exceptions/take_exception.h"
#include "svesim/isa/bits.h"

#include <fmt/core.h>
#include <utility>

namespace svesim::model {

using isa::SideEffect;
using isa::TimingClass;

namespace {

// A Data Abort whose DFSC is an Alignment fault (0b100001): the usual cause in programs written
// for QEMU, which does not check the alignment that Device memory (every data access with the
// MMU off) requires.
std::string alignmentHint(std::uint32_t esr) {
    const std::uint32_t ec = esr >> 26;
    const bool data_abort = ec == exceptionClass(Exception::DataAbort, EL::EL0, EL::EL1) ||
                            ec == exceptionClass(Exception::DataAbort, EL::EL1, EL::EL1);
    if (!data_abort || (esr & 0x3F) != kFscAlignment) return {};
    return " (an Alignment fault: with SCTLR_ELx.M = 0 every data access is to Device memory and "
           "must be aligned to its size, which QEMU 7.2 does not check; docs/platform.md)";
}

} // namespace

std::string describe(const ExceptionStorm& s) {
    const unsigned el = toUnsigned(s.target);
    return fmt::format("exception storm: {} (EC {:#04x}) taken {} times at the EL{} vector {:#x} "
                       "with no progress: ESR_EL{} {:#x} ELR_EL{} {:#x} FAR_EL{} {} (from EL{})",
                       name(s.type), s.esr >> 26, s.repeats, el, s.vector, el, s.esr, el, s.elr, el,
                       s.far ? fmt::format("{:#x}", *s.far) : std::string("not set"),
                       toUnsigned(s.from)) +
           (s.began_with ? fmt::format("; it began with EC {:#04x} at ELR {:#x}",
                                       s.began_with->first >> 26, s.began_with->second)
                         : std::string()) +
           alignmentHint(s.began_with ? s.began_with->first : s.esr);
}

Processor::Processor(const ProcessorConfig& cfg, isa::MemoryBackend& memory, Console& console)
    : timing_(cfg.timing)
    , arch_(cfg.arch)
    , timer_(arch_.cpu,
             [this] {
                 // The physical count: the cycle count scaled from the core clock to the
                 // counter's fixed frequency (CNTFRQ_EL0 only reports it).
                 const auto ticks =
                     static_cast<isa::u128>(cycles_) * GenericTimer::kDefaultFrequency;
                 return static_cast<std::uint64_t>(ticks / timing_.clock_hz);
             })
    , bus_(memory)
    , cx_(arch_, bus_)
    , console_(&console)
    , fast_engine_(cfg.fast_engine) {
    cx_.watchCode(0, 0, this);
    cx_.setClock(&cycles_, timing_.clock_hz);
    // Events carry the PC of the instruction being executed (the PC only moves after it
    // completes) and the cycle count when they happen.
    arch_.bus.setContextSource(&arch_.cpu.pc, &cycles_);
    arch_.cpu.devices.attach(timer_);
}

void Processor::attachGicCpuInterface(gic::CpuInterface& cpu_interface) {
    if (gic_) arch_.cpu.devices.detach(*gic_);
    gic_ = std::make_unique<GicSysRegs>(arch_.cpu, cpu_interface);
    arch_.cpu.devices.attach(*gic_);
    arch_.cpu.features.gic_system_registers = true;
    arch_.cpu.sysregs.slot(SysReg::ID_AA64PFR0_EL1) =
        idRegisterValue(IdReg::PFR0, arch_.cpu.features);
}

void Processor::reset() {
    arch_.reset();
    arch_.cpu.devices.contextChanged();
    timer_.timer().reset();
    icache_.clear();
    cx_.watchCode(0, 0, this);
    cx_.monitor = {};
    cx_.event_register = false;
    cx_.refreshVL();
    cx_.mmu().tlb().invalidateAll();
    cx_.dropPageCaches();
    cx_.refreshTranslation();
    waiting_ = false;
    storm_ = {};
    storm_hit_ = false;
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
    arch_.cpu.devices.contextChanged();
    if (Provenance* prov = arch_.provenance()) prov->contextChanged(arch_.cpu);
    cx_.refreshVL();
    cx_.refreshTranslation(); // the EL, PSTATE.PAN and so the regime changed
    return timing_.cost[static_cast<std::size_t>(TimingClass::ExceptionEntry)];
}

std::optional<ExceptionStorm> Processor::storm() const {
    if (!storm_hit_) return std::nullopt;
    return storm_;
}

unsigned Processor::takeSynchronous(const ExceptionEntry& e, bool counted) {
    const EL from = arch_.cpu.pstate.el;
    std::array<std::uint64_t, 33> regs{};
    for (unsigned n = 0; n < 31; ++n)
        regs[n] = cx_.X(n);
    regs[31] = cx_.SP();
    regs[32] = nzcvBits(arch_.cpu.pstate);
    const unsigned cost = takeException(e);
    const std::uint64_t completed = instructions_ - (counted ? 1 : 0) - storm_mark_;
    storm_mark_ = instructions_;
    const ExceptionStorm now{e.record.type,      from,
                             e.target,           esrValue(e.record, from, e.target),
                             e.preferred_return, e.record.vaddress,
                             arch_.cpu.pc,       0,
                             std::nullopt};
    const bool same =
        now.type == storm_.type && now.target == storm_.target && now.esr == storm_.esr &&
        now.elr == storm_.elr && now.far == storm_.far && now.vector == storm_.vector &&
        (completed == 0 || (completed <= ExceptionStorm::kSlack && regs == storm_regs_));
    const std::uint64_t repeats = same ? storm_.repeats + 1 : 1;
    const auto began_with = same ? storm_.began_with
                                 : (completed == 0 && storm_.repeats != 0
                                        ? std::optional<std::pair<std::uint32_t, std::uint64_t>>(
                                              {storm_.esr, storm_.elr})
                                        : std::nullopt);
    storm_ = now;
    storm_.repeats = repeats;
    storm_.began_with = began_with;
    storm_regs_ = regs;
    if (repeats >= ExceptionStorm::kRepeats) storm_hit_ = true;
    return cost;
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

bool Processor::anyInterruptCanBeTaken() const {
    const CpuState& s = arch_.cpu;
    for (const InterruptKind k : {InterruptKind::FIQ, InterruptKind::IRQ, InterruptKind::SError})
        if (TakePhysicalInterrupt(s, k)) return true;
    return TakeVirtualInterrupt(s, InterruptKind::FIQ, true) ||
           TakeVirtualInterrupt(s, InterruptKind::IRQ, true);
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

// The predecoded-instruction cache is keyed by physical address: a remapped page finds its own
// code, and stores (by PA) drop what they overwrite.
DecodedInsn* Processor::fetch(std::optional<ExceptionEntry>& abort) {
    const std::uint64_t pc = arch_.cpu.pc;
    std::uint64_t pa = pc;
    if (cx_.translating() && !cx_.fetchHit(pc, pa)) {
        abort = cx_.translateFetch(pc, pa);
        if (abort) return nullptr;
    }
    if (DecodedInsn* d = icache_.find(pa)) return d;
    std::uint32_t raw = 0;
    if (!bus_.read(pa, &raw, 4)) {
        AbortDesc a;
        a.fsc = kFscExternal;
        a.external = true;
        abort = AArch64_InstructionAbort(arch_.cpu, pc, a);
        return nullptr;
    }
    const std::size_t pages = icache_.pageCount();
    DecodedInsn& d = icache_.insert(pa, raw);
    cx_.watchCode(icache_.low(), icache_.high(), this);
    // A page that now holds code: the write caches that said it held none are dropped.
    if (icache_.pageCount() != pages) cx_.dropPageCaches();
    return &d;
}

bool Processor::fastEngineUsable() const {
    const EventBus& events = arch_.bus;
    return fast_engine_ && breakpoints_ == nullptr && arch_.provenance() == nullptr &&
           !events.listening(EventKind::InstructionRetired) &&
           !events.listening(EventKind::MemoryAccess);
}

// The fast engine. Every instruction it runs is quiet (below: it takes no exception, has no
// side effect, is no system instruction and makes no backend access), so the boundary checks
// are skipped between them as between the general path's chained instructions; a taken branch
// continues the block too, since fast forms decline branches to misaligned targets and to
// themselves (breakpoints turn the engine off). The PC only leaves a page through the fetch
// caches (the translation and the decoded page must both hit). Counts and cycles are those of
// one instruction at a time (the per-EL ones added up at the end: the EL cannot change).
std::uint64_t Processor::runFast(const DecodedInsn* d, std::uint64_t budget) {
    CpuState& s = arch_.cpu;
    const std::uint32_t vl_bits = cx_.vl().bits();
    const bool translating = cx_.translating();
    const std::uint64_t cycles_before = cycles_;
    std::uint64_t pc = s.pc, n = 0;
    while (n < budget && d->fast != nullptr && d->cost_vl == vl_bits) {
        // Events an instruction emits (the zero-or-preserve decisions of an SVE register
        // load) carry its PC and the cycle count before it, as on the general path.
        s.pc = pc;
        const std::uint64_t next = d->fast(cx_, d->ops, pc);
        if (next == isa::kFastDeclined) break;
        ++n;
        cycles_ += d->cost;
        if (next == pc + 4 && (next & (DecodeCache::kPageSize - 1)) != 0) {
            ++d; // the next word of the same page (an empty slot has no fast form)
            pc = next;
            continue;
        }
        pc = next;
        std::uint64_t pa = pc;
        if (translating && !cx_.fetchHit(pc, pa)) break;
        d = icache_.find(pa);
        if (d == nullptr) break;
    }
    s.pc = pc;
    if (n == 0) return 0;
    const EL el = s.pstate.el;
    instructions_ += n;
    fast_instructions_ += n;
    insns_by_el_[toUnsigned(el)] += n;
    cycles_by_el_[toUnsigned(el)] += cycles_ - cycles_before;
    return n;
}

// Instructions run in blocks: after a quiet instruction (below) the next one skips the
// boundary checks (wake-up, breakpoints, interrupts, illegal state, PC alignment), because
// nothing they read can have changed: a quiet instruction moves the PC to the next word, takes
// no exception, has no side effect, is no system instruction (MRS/MSR and the system
// registers' devices, barriers, ERET, WFI: anything that may change PSTATE, routing, masks or
// an interrupt line) and makes no access through the backend (which may run other SystemC
// processes that change the interrupt lines). So interrupts are taken at the same boundaries,
// and counts, cycles, events and traces are those of one instruction at a time.
RunResult Processor::run(std::uint64_t max_instructions) {
    std::uint64_t executed = 0;
    CpuState& s = arch_.cpu;
    EventBus& events = arch_.bus;
    stop_requested_ = false;
    // The owner (a test, the debugger, a loader) may have written system registers between
    // two runs.
    cx_.refreshVL();
    cx_.refreshTranslation();
    bus_.noteBackendUsed(); // its extra cycles are collected after the first instruction
    bool chained = false;   // the previous instruction was quiet
    bool fast = false;      // fastEngineUsable(), asked at each block's first instruction
    while (executed < max_instructions) {
        if (stop_requested_) break;
        const EL el = s.pstate.el;
        if (!std::exchange(chained, false)) {
            fast = fastEngineUsable();
            if (waiting_) {
                if (!wakeUpPending()) return {StopReason::WaitForInterrupt, executed};
                waiting_ = false;
                event_wake_ = false;
            }
            if (breakpoints_ != nullptr && !std::exchange(skip_breakpoint_, false) &&
                breakpoints_->count(s.pc) != 0)
                return {StopReason::Breakpoint, executed};
            ++executed;
            if (interruptMayBePending()) {
                if (auto e = pendingInterrupt()) {
                    storm_.repeats = 0; // an interrupt between two faults is progress
                    charge(takeException(*e), el);
                    continue;
                }
            }
            // R20: after an illegal exception return the next instruction takes EC 0x0E.
            if (s.pstate.il) {
                charge(takeSynchronous(AArch64_IllegalStateException(s), false), el);
                if (storm_hit_) return {StopReason::ExceptionStorm, executed};
                continue;
            }
            if ((s.pc & 3) != 0) {
                charge(takeSynchronous(AArch64_PCAlignmentFault(s), false), el);
                if (storm_hit_) return {StopReason::ExceptionStorm, executed};
                continue;
            }
        } else {
            ++executed;
        }
        // The predecoded instruction: inline when the fetch page and the decode page are
        // those of the last instruction, else through fetch (translation, decode, aborts).
        std::optional<ExceptionEntry> abort;
        const std::uint64_t pc = s.pc;
        std::uint64_t pa = pc;
        DecodedInsn* slot = !cx_.translating() || cx_.fetchHit(pc, pa) ? icache_.find(pa) : nullptr;
        if (slot == nullptr) slot = fetch(abort);
        if (slot == nullptr) {
            charge(takeSynchronous(*abort, false), el);
            if (storm_hit_) return {StopReason::ExceptionStorm, executed};
            continue;
        }
        // The fast engine from here, once the backend's extra cycles of the previous
        // instruction (or of the run's start) are collected; `executed` counted this one.
        if (fast && slot->fast != nullptr && !bus_.backendUsed()) {
            if (const std::uint64_t n = runFast(slot, max_instructions - executed + 1)) {
                executed += n - 1;
                chained = true;
                continue;
            }
        }
        // The cost at the VL the instruction runs at (no instruction whose cost depends on the
        // VL changes it).
        if (slot->cost_vl != cx_.vl().bits()) {
            slot->cost = slot->def != nullptr
                             ? timing_.instructionCost(slot->def->timing, cx_.vl(), slot->raw)
                             : timing_.cost[static_cast<std::size_t>(TimingClass::IntAlu)];
            slot->cost_vl = cx_.vl().bits();
        }
        // A copy: the instruction may store to its own page, which drops the cached slot.
        const DecodedInsn d = *slot;
        cx_.beginInstruction();
        cx_.insn = d.raw;
        if (d.def != nullptr)
            execute(d);
        else
            cx_.undefined();
        const bool used_backend = bus_.backendUsed();
        unsigned cost = d.cost + static_cast<unsigned>(bus_.takeExtraCycles());
        ++instructions_;
        ++insns_by_el_[toUnsigned(el)];
        if (events.listening(EventKind::InstructionRetired))
            events.emit(InstructionRetiredEvent{{}, d.raw, el, cx_.vl().bits(), cost});
        if (cx_.faulted()) {
            cost += takeSynchronous(*cx_.fault, true);
            charge(cost, el);
            if (storm_hit_) return {StopReason::ExceptionStorm, executed};
            continue;
        }
        // A branch to itself changes nothing; unless an interrupt can end it, it is for ever.
        if (cx_.next_pc == pc && stop_on_spin_ && cx_.effect == SideEffect::None &&
            !anyInterruptCanBeTaken()) {
            charge(cost, el);
            return {StopReason::SpinForever, executed};
        }
        s.pc = cx_.next_pc;
        charge(cost, el);
        switch (cx_.effect) {
        case SideEffect::None:
            chained = cx_.next_pc == pc + 4 && !used_backend && breakpoints_ == nullptr &&
                      !isa::isSystemClass(d.def->timing);
            break;
        case SideEffect::ContextChanged:
            arch_.cpu.devices.contextChanged(); // the GIC: EL or Security state (ERET, SCR_EL3)
            cx_.refreshVL();
            cx_.refreshTranslation();
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
            if (auto code =
                    semihostingCall(cx_, *console_, semihosting_, cycles_, timing_.clock_hz))
                return {StopReason::Exit, executed, *code};
            break;
        }
    }
    return {StopReason::Budget, executed};
}

} // namespace svesim::model
