// The world checker: a listener on a processor's event stream that records each world's
// architected SVE/FP state when the world is left and, when it is entered again, reports what
// was lost, leaked or corrupted (docs/scenarios.md). Plain C++: it reads the state through
// the ArchState it is given and hears everything else as events.
#pragma once

#include "svesim/arch/observer.h"
#include "svesim/arch/provenance.h"
#include "svesim/exceptions/arch_state.h"

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace svesim::scenarios {

// A world: a guest VM (by VMID) or a host task (by its identity: CONTEXTIDR, else the ASID of
// its translation regime, else 0).
struct World {
    enum class Kind : std::uint8_t { Guest, HostTask } kind;
    unsigned vmid = 0;
    std::uint64_t task = 0;
    enum class Identity : std::uint8_t { ContextId, Asid } identity = Identity::ContextId;
    friend auto operator<=>(const World&, const World&) = default;
};
std::string name(const World& w);
// The provenance origin of a world's own data (a host task told apart by ASID has bit 63 of
// its origin id set, kAsidOrigin, so that it never meets the task whose CONTEXTIDR is the same
// number).
inline constexpr std::uint64_t kAsidOrigin = std::uint64_t{1} << 63;
Origin originOf(const World& w);

// The default rule of docs/scenario-devices.md: guest n = EL0/EL1 with EL2 enabled, HCR_EL2.VM
// and VTTBR_EL2.VMID = n != 0 (16 bits with VTCR_EL2.VS, else 8); host task = EL0 otherwise, told
// apart by the CONTEXTIDR of its regime (Linux with CONFIG_PID_IN_CONTEXTIDR writes the PID there),
// or where that is 0 and the regime's stage 1 translates, by the ASID of the regime's TTBR
// (TCR_ELx.A1, TCR_ELx.AS).
std::optional<World> DefaultWorldOf(const CpuState& s);
using WorldClassifier = std::function<std::optional<World>(const CpuState&)>;

enum class ViolationKind : std::uint8_t {
    Loss,       // an owned byte (below the VL at leave) changed value or provenance
    Leak,       // a readable or exposable byte holds data of another world or privileged context
    VlChanged,  // the world's effective VL differs from the one it left with
    ZcrChanged, // the world's own ZCR differs from the one it left with
    VlAboveMax, // a guest runs above its configured maximum VL
    Warn,       // the host kernel's fpsimd_save VL check failed (reported by the program)
    HypPanic,   // an unexpected exception at EL2 (reported by the program)
    SelfCheck,  // a world's own pattern check failed (reported by the program)
};
std::string name(ViolationKind k);

struct Violation {
    ViolationKind kind;
    std::string world; // "guest1", "host-task", or "software"
    std::string reg;   // "Z3", "P1", "FFR", "FPSR", "FPCR", "VL", "ZCR", ""
    unsigned byte_lo = 0, byte_hi = 0;
    std::vector<std::uint8_t> expected, actual;
    std::uint64_t pc = 0, cycle = 0; // where the world was re-entered (or the event happened)
    std::vector<std::string> causes; // earlier events that explain it, where the stream shows them
    [[nodiscard]] std::string text() const;
    // The same as one JSON object, on one line: kind, world, reg, byte_lo, byte_hi, expected and
    // actual (hex), pc, cycle, causes (a list).
    [[nodiscard]] std::string json() const;
};

// How a world was left, which decides what it may expect back.
// Z/P/FFR, FPSR and FPCR: everything but a syscall is owed back whole. X registers and SP: by
// the calling convention of the exit (gprsOwedFrom).
enum class LeaveKind : std::uint8_t {
    Synchronous,  // traps, aborts: may emulate the instruction (write its X destination)
    Call,         // HVC/SMC: SMCCC returns results in and may clobber X0-X17
    Syscall,      // a host task's SVC: the Linux ABI keeps only V[127:0], FPSR, FPCR; X0 is the
                  // return value, X1-X30 come back
    Asynchronous, // IRQ/FIQ/SError: the whole architected state must come back, every GPR too
};
// The first X register a world left by `k` is owed back (X[n..30] and its SPs); 31: none.
unsigned gprsOwedFrom(LeaveKind k);

// Decides LOSS and LEAK from the provenance of every byte (docs/provenance.md), and, from the
// same run, what every implementation class (preserve, zero, qemu) would have shown.
class Checker : public Observer {
public:
    // Switches byte provenance on in `arch` (before the run).
    explicit Checker(ArchState& arch, WorldClassifier classify = DefaultWorldOf);
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;

    // The events it needs (subscribe with this mask).
    static EventMask interests();

    void setGuestMaxVq(unsigned vmid, unsigned vq) { guest_max_vq_[vmid] = vq; }
    // The PE's X0-X30 (isa::ExecContext::gprs().data()); without them X registers are not judged.
    void watchGprs(const std::uint64_t* x) { gprs_ = x; }
    // A software event reported by the program (scenario monitor).
    void softwareViolation(ViolationKind kind, std::uint64_t arg);

    void onExceptionTaken(const ExceptionTakenEvent& e) override;
    void onExceptionReturn(const ExceptionReturnEvent& e) override;
    void onSysRegWrite(const SysRegWriteEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange& e) override;
    void onZeroUpperDecision(const ZeroUpperDecision& e) override;

    [[nodiscard]] const std::vector<Violation>& violations() const { return violations_; }
    // Distinct kinds found, in a fixed order ("clean" when none).
    [[nodiscard]] std::string verdict() const;
    // The verdict an implementation of class `c` would have given (the checker's own kinds
    // from this run's provenance, plus the software events this run saw).
    [[nodiscard]] std::string verdictFor(ImplClass c, bool with_software = true) const;
    // "preserve: ...; zero: ...; qemu: ...; random: a|b", and whether that is conclusive.
    [[nodiscard]] std::string allClasses() const;
    // Where control flow, or a register byte compared at an entry, first depended on an
    // UNKNOWN byte (the one-run verdict for other classes is not conclusive after it).
    [[nodiscard]] std::optional<std::uint64_t> inconclusiveAt() const;
    // One line per world and kind: registers and byte ranges merged, with a count.
    [[nodiscard]] std::vector<std::string> summary() const;
    // What the checker had to assume (a guest maximum VL it inferred, ...), one line each.
    [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }
    // The worlds it saw entered, in order of first entry.
    [[nodiscard]] const std::vector<World>& worldsSeen() const { return worlds_seen_; }
    // The report: the verdict line, one summary line per world and kind, the verdict of every
    // implementation class, what was not checked, and (details) every finding with its causes.
    // `finished`: the program ran to its end (a run stopped early checked less).
    [[nodiscard]] std::vector<std::string> report(bool details, bool finished) const;
    // The report's "not checked: ..." lines: no world ever entered, none re-entered, a run
    // stopped before its end (`finished` false).
    [[nodiscard]] std::vector<std::string> notChecked(bool finished) const;
    // The context executing in state `s`: a world, or the privileged context.
    [[nodiscard]] Origin contextOf(const CpuState& s) const;
    [[nodiscard]] std::uint64_t entries() const { return entries_; }
    [[nodiscard]] std::uint64_t leaves() const { return leaves_; }
    // Mean cycles a world spent outside between a leave and its next entry.
    [[nodiscard]] double meanCyclesOutside() const;
    // The cost of world switches, in cycles: a guest's leave to its own next entry (a guest
    // exit handled and re-entered), a guest's leave to the next host task's entry (an exit
    // that reaches the VMM), and a host task's leave to the next guest's entry.
    enum class Switch : std::uint8_t { GuestRoundTrip, GuestToHost, HostToGuest };
    struct SwitchCycles {
        std::uint64_t count = 0, total = 0;
        [[nodiscard]] double mean() const {
            return count ? static_cast<double>(total) / static_cast<double>(count) : 0.0;
        }
    };
    [[nodiscard]] const SwitchCycles& switchCycles(Switch s) const {
        return switches_[static_cast<std::size_t>(s)];
    }
    // Where the processor is: the world, if any.
    [[nodiscard]] std::optional<World> current() const { return current_; }

private:
    // How a byte evaluates: as this run had it, or under an implementation class.
    enum class Eval : std::uint8_t { Actual, Preserve, Zero, Qemu };
    static constexpr unsigned kEvals = 4;
    struct RegState {
        std::vector<std::uint8_t> value;
        std::vector<Tag> tag;
    };
    struct Snapshot {
        std::vector<RegState> z, p;
        RegState ffr;
        std::uint64_t fpsr = 0, fpcr = 0, zcr = 0;
        Tag fpsr_tag = kZeroTag, fpcr_tag = kZeroTag;
        // X0-X30, then SP_EL0 and SP_EL1 (a host task owns SP_EL0 only), values and tags.
        std::array<std::uint64_t, 33> gpr{};
        std::array<Tag, 33> gpr_tag{};
        unsigned vl_bits = 0;
        LeaveKind kind = LeaveKind::Synchronous;
        // X8 at the leave when the GPRs are watched: a host task's syscall number (the arm64
        // Linux ABI, include/uapi/asm-generic/unistd.h); ~0 when not known.
        std::uint64_t syscall = ~std::uint64_t{0};
        std::uint64_t cycle = 0;
        std::uint64_t pc = 0; // where the world left (the entry returns here or after it)
        // Whether the registers held the world's state at leave: with FP disabled at its EL
        // (lazy switching) they hold nothing of it; with only SVE disabled, V[127:0].
        bool fp_owned = true, sve_owned = true;
    };
    // Which register a comparison is about.
    struct RegRef {
        RegKind kind;
        unsigned index;
        [[nodiscard]] std::string text() const;
    };
    [[nodiscard]] RegState stateOf(RegRef r) const;
    void checkAboveMax(const World& w, std::uint64_t pc, std::uint64_t cycle);
    // LEAK over every byte the world can read or expose (first entry, VL growth).
    void checkExposed(const World& w, const Snapshot* s, std::uint64_t pc, std::uint64_t cycle);
    [[nodiscard]] bool sveLockedOff(const World& w) const;
    [[nodiscard]] Snapshot take(const World& w, LeaveKind kind, std::uint64_t cycle) const;
    [[nodiscard]] std::uint64_t ownZcr(const World& w) const;
    [[nodiscard]] unsigned maxBytes(const World& w, unsigned vl_now_bytes, const Snapshot& s) const;
    void checkEntry(const World& w, const Snapshot& s, std::uint64_t pc, std::uint64_t cycle);
    // A whole scalar register (X, SP, FPSR, FPCR) at entry: LOSS when its value or origin
    // changed since `own` (if owed), LEAK when it now carries another's data (if `judged`).
    void compareScalar(const World& w, const std::string& reg, const std::uint64_t* own_value,
                       const Tag* own_tag, std::uint64_t value, Tag tag, std::uint64_t pc,
                       std::uint64_t cycle);
    // The scalar registers a world may read at an entry: X0-X30 (when watched), its SPs.
    [[nodiscard]] std::pair<std::array<std::uint64_t, 33>, std::array<Tag, 33>> gprState() const;
    // Classifies bytes [0, max(exposable, owned)) of one register under every evaluation and
    // records violations (details for this run, kinds for the classes).
    void compareRegister(const World& w, RegRef r, const RegState* own, unsigned owned,
                         unsigned exposable, std::uint64_t pc, std::uint64_t cycle);
    [[nodiscard]] TagTable::Resolved resolve(std::uint8_t v, Tag t, Eval e) const;
    [[nodiscard]] bool foreign(const World& w, Tag t) const;
    [[nodiscard]] bool sameProvenance(Tag a, Tag b) const;
    void addViolation(Violation v);
    void note(std::uint64_t cycle, std::string text, const std::string& reg = "", unsigned lo = 0,
              unsigned hi = 0);
    [[nodiscard]] std::vector<std::string> causesFor(const World& w, const std::string& reg,
                                                     unsigned lo, unsigned hi) const;
    [[nodiscard]] std::string kindsText(const std::vector<ViolationKind>& kinds) const;

    struct Cause {
        std::uint64_t cycle;
        std::string reg; // empty: relevant to every register (ZCR writes, VL changes)
        unsigned lo, hi;
        std::string text;
    };

    // The syscalls that legitimately change a host task's state (asm-generic/unistd.h numbers,
    // those of arm64): prctl (PR_SVE_SET_VL), execve and execveat (a new program image), clone
    // and clone3 (a child starts with a copy of its parent's registers).
    static constexpr std::uint64_t kNrPrctl = 167, kNrExecve = 221, kNrExecveat = 281,
                                   kNrClone = 220, kNrClone3 = 435, kNrRtSigreturn = 139;
    [[nodiscard]] static bool isClone(std::uint64_t nr) {
        return nr == kNrClone || nr == kNrClone3;
    }
    // A host task's first entry: what it inherited from the task that cloned it is its own.
    void adoptInherited(const World& child, std::uint64_t pc);

    ArchState* arch_;
    Provenance* prov_;
    const std::uint64_t* gprs_ = nullptr;
    WorldClassifier classify_;
    std::map<unsigned, unsigned> guest_max_vq_;
    std::map<unsigned, unsigned> inferred_max_vq_; // from ZCR_EL2 at a guest's first entry
    std::vector<std::string> notes_;
    std::vector<World> worlds_seen_;
    std::map<World, Snapshot> snapshots_;
    std::optional<World> current_;
    // Worlds re-entered with FP disabled at their EL: their check waits for the entry at
    // which their state is live again (after the lazy-switch trap), and the snapshot is kept.
    std::map<World, bool> pending_;
    std::deque<Cause> causes_;
    std::vector<Violation> violations_;
    // Kinds found under each implementation class (index Eval - 1).
    std::array<std::vector<ViolationKind>, 3> class_kinds_;
    std::vector<ViolationKind> software_kinds_;
    mutable std::map<std::pair<Tag, World>, bool> foreign_cache_;
    std::uint64_t entries_ = 0, leaves_ = 0, cycles_outside_ = 0;
    std::array<SwitchCycles, 3> switches_{};
    std::optional<World> last_left_; // the world of the last leave, and when
    std::uint64_t last_left_cycle_ = 0;
    void countSwitch(const World& entered, std::uint64_t cycle);
    bool exec_noted_ = false, clone_noted_ = false;
    // Host tasks inside clone/clone3 now, and each child's parent (clone's return value).
    std::set<World> in_clone_;
    std::map<World, World> parent_of_;
    // A host task's interrupted contexts while its signal handlers run (rt_sigreturn brings
    // the innermost back), and the VL and ZCR it last observed (SVE enabled at a leave).
    std::map<World, std::vector<Snapshot>> signal_frames_;
    struct OwnVl {
        unsigned bits;
        std::uint64_t zcr;
    };
    std::map<World, OwnVl> task_vl_;
    bool signal_noted_ = false;
    std::optional<std::uint64_t> first_unknown_data_; // see inconclusiveAt
    [[nodiscard]] bool derivedFromChoice(Tag t) const;
    [[nodiscard]] bool onlyOwn(const World& w, Tag t) const;
    Snapshot last_frame_; // the frame rt_sigreturn just brought back
    // Where an entry that does not return to its leave goes: the checks it still gets.
    [[nodiscard]] const Snapshot* signalFrame(const World& w, const Snapshot& s,
                                              std::uint64_t target);
};

} // namespace svesim::scenarios
