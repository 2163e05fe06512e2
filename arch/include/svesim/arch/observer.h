// The one event stream of a PE. The architecture layers report what happened; tracing,
// statistics and the scenario checker are Observers. Nothing listens by being wired into a core.
#pragma once

#include "svesim/arch/exception_kind.h"
#include "svesim/arch/sysreg.h"
#include "svesim/arch/types.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace svesim {

// Where the event happened: the PC of the instruction being executed and the cycle count.
// The EventBus stamps every event from the context source its owner set.
struct EventContext {
    std::uint64_t pc = 0;
    std::uint64_t cycle = 0;
};

enum class RegKind : std::uint8_t { Z, P, FFR };
constexpr std::string_view name(RegKind k) {
    return k == RegKind::Z ? "Z" : k == RegKind::P ? "P" : "FFR";
}

// The ConstrainUnpredictableBool(Unpredictable_SVEZEROUPPER) points (arch-rules §3), plus the
// narrowing points at which QEMU zeroes (used only by the `qemu` policy).
enum class ZeroUpperSite : std::uint8_t {
    ZWrite,          // Z[] setter (R11)
    PWrite,          // P[] setter (R11)
    FfrWrite,        // FFR setter (R11)
    VWrite,          // V[] setter above the current VL (R12)
    ExceptionEntry,  // MaybeZeroSVEUppers (R13/R14)
    ZcrWiden,        // a ZCR_ELx write that raises the VL of the current EL (R_YRPDH)
    ZcrNarrow,       // qemu policy: zcr_write narrowing
    ExceptionNarrow, // qemu policy: aarch64_sve_change_el on exception entry
    EretNarrow,      // qemu policy: aarch64_sve_change_el on exception return
};
std::string_view name(ZeroUpperSite s);

struct ZeroUpperDecision {
    EventContext ctx;
    RegKind kind;
    unsigned index;   // Z0-31, P0-15; 0 for FFR
    unsigned byte_lo; // first byte of the register the decision covers
    unsigned byte_hi; // one past the last byte
    bool zeroed;      // the choice: true = the bytes were zeroed, false = preserved
    ZeroUpperSite site;
    EL el; // the Exception level at the decision point
};

// What changed CurrentVL. A CPACR_ELx/CPTR_ELx write is not one: the enables decide whether SVE
// traps and how much of Z a V[] write zeroes (R_KXKNK), not the vector length (CurrentNSVL reads
// only ZCR_ELx.LEN and PSTATE.EL).
enum class VlChangeCause : std::uint8_t { ZcrWrite, ExceptionEntry, ExceptionReturn };
std::string_view name(VlChangeCause c);

struct VectorLengthChange {
    EventContext ctx;
    EL el;
    unsigned old_bits;
    unsigned new_bits;
    VlChangeCause cause;
};

// Emitted at the start of AArch64.TakeException, before any state changes: listeners see the
// state being left (PSTATE.EL = from, the SVE registers before MaybeZeroSVEUppers).
struct ExceptionTakenEvent {
    EventContext ctx;
    EL from;
    EL to;
    Exception kind;
    bool asynchronous; // an interrupt or SError, not caused by the instruction at the PC
    std::uint32_t esr; // the value written to ESR_ELx (0 for IRQ/FIQ, which write none)
    std::uint64_t preferred_return;
    std::uint64_t vector; // the new PC
};

// Emitted at the end of AArch64.TakeException: the state is the handler's (PSTATE.EL = to,
// its VL, the registers after MaybeZeroSVEUppers).
struct ExceptionEnteredEvent {
    EventContext ctx;
    EL from;
    EL to;
    Exception kind;
    unsigned vl_bits; // the VL at the target EL
};

struct ExceptionReturnEvent {
    EventContext ctx;
    EL from;
    EL to;
    bool illegal;
    std::uint64_t spsr;
    std::uint64_t target; // the new PC (ELR_ELx)
};

struct SysRegWriteEvent {
    EventContext ctx;
    SysReg reg;              // the register written (after VHE redirection)
    std::uint64_t old_value; // 0 for a device register (SysRegDevice: not read back)
    std::uint64_t new_value;
    EL el;
};

struct InstructionRetiredEvent {
    EventContext ctx;
    std::uint32_t opcode;
    EL el;
    unsigned vl_bits;
    unsigned cost; // cycles charged
};

struct MemoryAccessEvent {
    EventContext ctx;
    std::uint64_t address;
    unsigned size;
    bool write;
    bool ok;
};

// A transaction the PE's owner put on its bus (the TLM Cpu: b_transport, debug transport, DMI
// grants and invalidations). Accesses served from a DMI pointer make no transaction.
enum class BusOp : std::uint8_t { Read, Write, DebugRead, DebugWrite, DmiGranted, DmiInvalidated };
std::string_view name(BusOp op);

struct BusTransactionEvent {
    EventContext ctx;
    BusOp op;
    std::uint64_t address;
    std::uint64_t size;        // bytes (for DMI: the length of the range)
    std::string_view response; // the target's answer: "OK", "ADDRESS_ERROR", ...
    std::uint64_t time_ps;     // simulated time of the access (the initiator's local time)
    std::uint64_t latency_ps;  // delay the target added
};

// A phase the program marks (the scenario monitor, docs/scenario-devices.md): the begin or end
// of phase `id`. Emitted by whoever hears the monitor (app/check_session.cpp), so that every
// listener (the timeline's phase bands) finds the phases on the one event stream.
struct PhaseMarkEvent {
    EventContext ctx;
    unsigned id;
    bool begin;
};

class Observer {
public:
    virtual ~Observer() = default;
    virtual void onInstructionRetired(const InstructionRetiredEvent&) {}
    virtual void onExceptionTaken(const ExceptionTakenEvent&) {}
    virtual void onExceptionEntered(const ExceptionEnteredEvent&) {}
    virtual void onExceptionReturn(const ExceptionReturnEvent&) {}
    virtual void onSysRegWrite(const SysRegWriteEvent&) {}
    virtual void onVectorLengthChange(const VectorLengthChange&) {}
    virtual void onZeroUpperDecision(const ZeroUpperDecision&) {}
    virtual void onMemoryAccess(const MemoryAccessEvent&) {}
    virtual void onBusTransaction(const BusTransactionEvent&) {}
    virtual void onPhaseMark(const PhaseMarkEvent&) {}
};

// The kinds of event, for subscribing to a subset (a listener that ignores per-instruction
// events keeps the processor's fast path free of them).
enum class EventKind : std::uint8_t {
    InstructionRetired,
    ExceptionTaken,
    ExceptionEntered,
    ExceptionReturn,
    SysRegWrite,
    VectorLengthChange,
    ZeroUpperDecision,
    MemoryAccess,
    BusTransaction,
    PhaseMark,
    Count
};
using EventMask = std::uint32_t;
constexpr EventMask eventBit(EventKind k) {
    return EventMask{1} << static_cast<unsigned>(k);
}
inline constexpr EventMask kAllEvents =
    (EventMask{1} << static_cast<unsigned>(EventKind::Count)) - 1;

// Fans events out to the subscribed observers (not owned; they must outlive their subscription).
class EventBus {
public:
    void subscribe(Observer& o, EventMask interests = kAllEvents) {
        for (unsigned k = 0; k < kKinds; ++k)
            if ((interests >> k) & 1U) lists_[k].push_back(&o);
        any_ = true;
    }
    void unsubscribe(Observer& o) {
        any_ = false;
        for (auto& l : lists_) {
            std::erase(l, &o);
            any_ = any_ || !l.empty();
        }
    }
    // True when nobody listens to anything.
    [[nodiscard]] bool empty() const { return !any_; }
    [[nodiscard]] bool listening(EventKind k) const {
        return !lists_[static_cast<unsigned>(k)].empty();
    }

    // Where events find their context: the owner's PC and cycle counter, read when an event
    // is emitted (so the processor does nothing per instruction for it).
    void setContextSource(const std::uint64_t* pc, const std::uint64_t* cycle) {
        pc_ = pc;
        cycle_ = cycle;
    }
    [[nodiscard]] EventContext context() const {
        return EventContext{pc_ ? *pc_ : 0, cycle_ ? *cycle_ : 0};
    }

    void emit(InstructionRetiredEvent e) {
        fan(EventKind::InstructionRetired, e, &Observer::onInstructionRetired);
    }
    void emit(ExceptionTakenEvent e) {
        fan(EventKind::ExceptionTaken, e, &Observer::onExceptionTaken);
    }
    void emit(ExceptionEnteredEvent e) {
        fan(EventKind::ExceptionEntered, e, &Observer::onExceptionEntered);
    }
    void emit(ExceptionReturnEvent e) {
        fan(EventKind::ExceptionReturn, e, &Observer::onExceptionReturn);
    }
    void emit(SysRegWriteEvent e) { fan(EventKind::SysRegWrite, e, &Observer::onSysRegWrite); }
    void emit(VectorLengthChange e) {
        fan(EventKind::VectorLengthChange, e, &Observer::onVectorLengthChange);
    }
    void emit(ZeroUpperDecision e) {
        fan(EventKind::ZeroUpperDecision, e, &Observer::onZeroUpperDecision);
    }
    void emit(MemoryAccessEvent e) { fan(EventKind::MemoryAccess, e, &Observer::onMemoryAccess); }
    void emit(BusTransactionEvent e) {
        fan(EventKind::BusTransaction, e, &Observer::onBusTransaction);
    }
    void emit(PhaseMarkEvent e) { fan(EventKind::PhaseMark, e, &Observer::onPhaseMark); }

private:
    static constexpr unsigned kKinds = static_cast<unsigned>(EventKind::Count);
    template <class Event, class Method>
    void fan(EventKind k, Event& e, Method method) {
        e.ctx = context();
        for (Observer* o : lists_[static_cast<unsigned>(k)])
            (o->*method)(e);
    }
    std::array<std::vector<Observer*>, kKinds> lists_;
    bool any_ = false;
    const std::uint64_t* pc_ = nullptr;
    const std::uint64_t* cycle_ = nullptr;
};

} // namespace svesim
