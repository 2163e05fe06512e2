// What an instruction's semantics see: general-purpose registers, the architectural state of
// the lower layers, the data bus, and the outcome (next PC, exception, side effect).
#pragma once

#include "svesim/exceptions/arch_state.h"
#include "svesim/exceptions/exception_record.h"
#include "svesim/isa/global_monitor.h"
#include "svesim/isa/memory_bus.h"
#include "svesim/mmu/mmu.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace svesim::isa {

// What the processor must do after the instruction, beyond moving to next_pc.
enum class SideEffect : std::uint8_t {
    None,
    ContextChanged, // MSR, ERET or anything else that may change VL, enables or routing
    WaitForInterrupt,
    WaitForEvent,
    Semihosting, // HLT #0xF000 (any other HLT is UNDEFINED: halting debug is disabled)
};

// How an access is made, for the alignment rules.
enum class AccessKind : std::uint8_t {
    Normal,  // ordinary load/store: alignment checked only for Device memory or SCTLR.A
    Ordered, // load-acquire/store-release and exclusives: always size-aligned
};

// Translation table walks read memory through the processor's backend (the bus: they cost time
// and see what the bus sees), never through the direct window.
class BusWalkMemory final : public mmu::WalkMemory {
public:
    explicit BusWalkMemory(MemoryBus& bus)
        : bus_(&bus) {}
    bool read64(std::uint64_t pa, std::uint64_t& value) override {
        value = 0;
        return bus_->backend().read(pa, &value, 8);
    }

private:
    MemoryBus* bus_;
};

// Told about stores into memory that holds predecoded instructions.
class CodeWatcher {
public:
    virtual ~CodeWatcher() = default;
    virtual void codeWritten(std::uint64_t addr, unsigned size) = 0;
    // Whether the 4 KiB page at physical address `page` holds predecoded instructions (asked
    // when a per-page write cache entry is made; the watcher drops those caches when it starts
    // holding a new page).
    [[nodiscard]] virtual bool holdsCode(std::uint64_t page) const = 0;
};

struct ExclusiveMonitor {
    bool open = false;
    std::uint64_t address = 0;
    unsigned size = 0;
};

// ESR_ELx ISS[24:14] (ISV=1, SAS, SSE, SRT, SF, AR) of a load or store of a single
// general-purpose register without writeback (LDR/STR immediate, register offset, unscaled,
// unprivileged, literal, LDAR/STLR/LDLAR/STLLR), else 0: what a stage 2 Data Abort reports.
std::uint32_t dataAbortInstructionSyndrome(std::uint32_t insn);

class ExecContext {
public:
    ExecContext(ArchState& arch, MemoryBus& bus)
        : arch_(&arch)
        , bus_(&bus)
        , walk_memory_(bus)
        , mmu_(std::make_unique<mmu::Mmu>()) {
        refreshVL();
        refreshTranslation();
    }

    [[nodiscard]] ArchState& arch() { return *arch_; }
    [[nodiscard]] CpuState& cpu() { return arch_->cpu; }
    [[nodiscard]] PState& pstate() { return arch_->cpu.pstate; }
    [[nodiscard]] SveUnit& sve() { return arch_->sve; }
    [[nodiscard]] MemoryBus& bus() { return *bus_; }

    // X[n] with n == 31 reading as zero (XZR/WZR); writes to 31 are discarded.
    // Reads and writes report to the provenance tracker when one is attached.
    [[nodiscard]] std::uint64_t X(unsigned n) const {
        if (n == 31) {
            if (prov_) prov_->readScalar(0, kZeroTag); // XZR: a zero operand
            return 0;
        }
        if (prov_) prov_->readScalar(x_[n], prov_->x[n]);
        return x_[n];
    }
    [[nodiscard]] std::uint32_t W(unsigned n) const { return static_cast<std::uint32_t>(X(n)); }
    void setX(unsigned n, std::uint64_t v) {
        if (n == 31) return;
        if (prov_) prov_->x[n] = prov_->scalarSlotWrite(n, x_[n], prov_->x[n], v);
        x_[n] = v;
    }
    void setW(unsigned n, std::uint32_t v) { setX(n, v); }
    // The current stack pointer (SP_EL0 when PSTATE.SP == 0, else SP_ELx).
    [[nodiscard]] std::uint64_t SP() {
        if (prov_) prov_->readScalar(spSlot(), prov_->sp[spIndex()]);
        return spSlot();
    }
    void setSP(std::uint64_t v) {
        if (prov_) {
            const unsigned i = spIndex();
            prov_->sp[i] = prov_->scalarSlotWrite(31 + i, spSlot(), prov_->sp[i], v);
        }
        spSlot() = v;
    }
    // Register 31 as SP (for the encodings that say so).
    [[nodiscard]] std::uint64_t XorSP(unsigned n) { return n == 31 ? SP() : X(n); }
    void setXorSP(unsigned n, std::uint64_t v) {
        if (n == 31)
            setSP(v);
        else
            setX(n, v);
    }
    [[nodiscard]] std::uint64_t& spOfEL(EL el) {
        switch (el) {
        case EL::EL0: return arch_->cpu.sysregs.slot(SysReg::SP_EL0);
        case EL::EL1: return arch_->cpu.sysregs.slot(SysReg::SP_EL1);
        case EL::EL2: return arch_->cpu.sysregs.slot(SysReg::SP_EL2);
        case EL::EL3: return sp_el3_;
        }
        return sp_el3_;
    }

    // For the fast engine (fast_exec.h), which runs only without a provenance tracker: X0-X30,
    // then [31] reading as zero and [kFastSink] taking discarded writes.
    [[nodiscard]] std::uint64_t* fastRegs() { return x_.data(); }
    [[nodiscard]] std::uint64_t& fastSP() { return spSlot(); }
    // The cached answer of checkSVEEnabled() without computing a trap (false: decline).
    [[nodiscard]] bool fastSVEEnabled() const { return sve_enabled_; }
    // The per-page read and write caches' answer for a fast access within one page of Normal
    // memory: the host pointer of `va` in the direct window, or nullptr (take the general
    // path). No watched code, no exclusive monitor marked, no MemoryAccess listener.
    [[nodiscard]] std::uint8_t* fastData(std::uint64_t va, unsigned size, bool write);
    // The unit of fastData: an access must lie within one such page (a caller may split).
    static constexpr std::uint64_t kFastPageBytes = 4096;

    [[nodiscard]] std::uint64_t pc() const { return arch_->cpu.pc; }
    std::uint64_t next_pc = 0;

    // The current VL, cached with whether SVE and FP/AdvSIMD are enabled at PSTATE.EL (the
    // checks every SVE and FP instruction makes first); the processor refreshes them after
    // anything that may change them (MSR, ISB, exception entry and return, reset, a new run).
    [[nodiscard]] VectorLength vl() const { return vl_; }
    // V[n] = value (R12: the bytes above it up to VLWhereSVEEnabled are zeroed), with that VL
    // from the cache: an instruction writing V has passed checkFPEnabled, and with FP enabled
    // the cached SVE enable is IsSVEEnabled at PSTATE.EL.
    void setV(unsigned n, std::span<const std::uint8_t> value) {
        arch_->sve.setV(arch_->cpu, n, value, VLWhereSVEEnabled(sve_enabled_, vl_));
    }
    void refreshVL();

    // Loads and stores with the alignment rules and synchronous External aborts applied;
    // return false when the instruction must stop (the fault is recorded).
    bool load(std::uint64_t addr, void* dst, unsigned size, unsigned align,
              AccessKind kind = AccessKind::Normal);
    bool store(std::uint64_t addr, const void* src, unsigned size, unsigned align,
               AccessKind kind = AccessKind::Normal);
    // Typed helpers for naturally aligned scalar accesses.
    bool load64(std::uint64_t addr, std::uint64_t& v, unsigned size,
                AccessKind kind = AccessKind::Normal);
    bool store64(std::uint64_t addr, std::uint64_t v, unsigned size,
                 AccessKind kind = AccessKind::Normal);
    // MemNF[] of SVE's non-fault and first-fault loads: the read without any exception; false
    // (nothing read) on a fault, an External abort, or Device memory (never accessed).
    bool loadNonFaulting(std::uint64_t addr, void* dst, unsigned size, unsigned align);
    // SP alignment check for SP-based addressing (SCTLR_ELx.SA/SA0).
    bool checkSPAlignment(unsigned base_reg);

    // Exceptions raised by the instruction.
    void raise(const ExceptionEntry& e) { fault = e; }
    void undefined();
    [[nodiscard]] bool faulted() const { return fault.has_value(); }
    // Access checks: return false (and record the trap) when the instruction may not execute.
    // Enabled is the common answer, read from the cache; a disabled one is computed again.
    bool checkSVEEnabled() { return sve_enabled_ || trapUnlessSVEEnabled(); }
    bool checkFPEnabled() { return fp_enabled_ || trapUnlessFPEnabled(); }

    std::optional<ExceptionEntry> fault;
    SideEffect effect = SideEffect::None;
    ExclusiveMonitor monitor;
    bool event_register = false;
    // CNTVCT_EL0: the processor's cycle counter scaled from its clock to CNTFRQ_EL0.
    void setClock(const std::uint64_t* cycles, std::uint64_t clock_hz) {
        cycles_ = cycles;
        clock_hz_ = clock_hz;
    }
    [[nodiscard]] std::uint64_t virtualCount() const;

    // ---- Address translation (mmu/): the regime of the current EL, the TLB, per-page caches.
    // Recomputes the registers of the current translation regime and drops the per-page caches;
    // after anything that may change them (MSR, exception entry and return, TLBI, reset).
    void refreshTranslation();
    // Drops the per-page caches only (another PE's broadcast TLBI).
    void dropPageCaches();
    // Whether either stage translates now (otherwise addresses are physical).
    [[nodiscard]] bool translating() const { return translating_; }
    [[nodiscard]] mmu::Mmu& mmu() { return *mmu_; }
    [[nodiscard]] mmu::WalkMemory& walkMemory() { return walk_memory_; }
    // The registers of a regime (for AT, which may name another regime than the current one).
    [[nodiscard]] mmu::TranslationRegs translationRegsFor(EL regime_el) const;
    [[nodiscard]] const mmu::TranslationRegs& translationRegs() const { return regs_; }
    // The PA of the instruction at `va`: the fetch-page cache, else the MMU; the Instruction
    // Abort when the fetch faults.
    [[nodiscard]] bool fetchHit(std::uint64_t va, std::uint64_t& pa) const {
        const PageSlot& sl = fetch_slots_[slotOf(va)];
        if (sl.tag != tagOf(va)) return false;
        pa = sl.pa | (va & kPageMask);
        return true;
    }
    std::optional<ExceptionEntry> translateFetch(std::uint64_t va, std::uint64_t& pa);
    // The Data Abort for an MMU fault at `va` (cm: a cache maintenance or AT instruction).
    [[nodiscard]] ExceptionEntry dataAbortFor(const mmu::Fault& f, std::uint64_t va, bool cm);
    // Translates a data access within one 4 KiB page (no per-page cache for unprivileged and
    // cache maintenance accesses); false with the Data Abort recorded. `device` (optional)
    // receives whether the memory is Device memory.
    bool translateData(std::uint64_t va, unsigned size, unsigned align, bool write,
                       std::uint64_t& pa, bool* device = nullptr, bool cm = false);
    // The word of the instruction being executed (for ESR_ELx.ISV syndromes).
    std::uint32_t insn = 0;
    // Set by LDTR/STTR-family instructions: their accesses are unprivileged (AccType_UNPRIV).
    bool unprivileged_access = false;

    // Resets per-instruction outcome.
    void beginInstruction() {
        next_pc = pc() + 4;
        unprivileged_access = false;
        fault.reset();
        effect = SideEffect::None;
        prov_ = arch_->provenance();
        if (prov_) prov_->beginInstruction();
    }
    // The provenance tracker of this PE's state (nullptr: off).
    [[nodiscard]] Provenance* provenance() const { return prov_; }
    // The tag slot of a scalar system register that carries data (NZCV, FPSR, FPCR), or
    // nullptr (any other register: its value is the reading context's).
    [[nodiscard]] Tag* dataSysRegTag(SysReg r);
    [[nodiscard]] std::span<std::uint64_t, 31> gprs() {
        return std::span<std::uint64_t, 31>(x_.data(), 31);
    }

    // The platform's global exclusive monitor and event network, and this PE's index in it
    // (nullptr: a single PE, the local monitor alone).
    void attachGlobalMonitor(GlobalMonitor* m, unsigned pe) {
        global_ = m;
        pe_index_ = pe;
        if (m != nullptr) m->contexts().push_back(this);
    }
    [[nodiscard]] GlobalMonitor* globalMonitor() const { return global_; }
    [[nodiscard]] unsigned peIndex() const { return pe_index_; }

    // Stores that overlap [lo, hi) are reported to `w` (the predecoded-instruction cache).
    void watchCode(std::uint64_t lo, std::uint64_t hi, CodeWatcher* w) {
        code_lo_ = lo;
        code_hi_ = hi;
        code_watcher_ = w;
    }
    // Instruction cache maintenance reached this PE: the predecoded instructions of the
    // physical range [lo, hi) are dropped (only this PE's own stores are watched, so code that
    // another PE wrote reaches this one through IC IVAU/IALLUIS, as with CTR_EL0.DIC = 0).
    void codeMaintained(std::uint64_t lo, std::uint64_t hi) {
        lo = std::max(lo, code_lo_);
        hi = std::min(hi, code_hi_);
        if (code_watcher_ != nullptr && lo < hi)
            code_watcher_->codeWritten(lo, static_cast<unsigned>(std::min<std::uint64_t>(
                                               hi - lo, std::uint64_t{1} << 31)));
    }

private:
    // The per-page caches in front of the TLB: 4 KiB pages of VA, tagged with a generation so
    // that dropping them all is one increment.
    struct PageSlot {
        std::uint64_t tag = ~std::uint64_t{0};
        std::uint64_t pa = 0;
        bool device = false;
        bool code = false; // write slots: the page holds predecoded instructions
    };
    static constexpr unsigned kPageSlots = 256;
    static constexpr std::uint64_t kPageMask = 0xFFF;
    static constexpr unsigned kGenShift = 52; // VA[63:12] is 52 bits
    [[nodiscard]] static unsigned slotOf(std::uint64_t va) {
        return static_cast<unsigned>(va >> 12) & (kPageSlots - 1);
    }
    [[nodiscard]] std::uint64_t tagOf(std::uint64_t va) const { return (va >> 12) | gen_tag_; }
    bool readPhysical(std::uint64_t va, std::uint64_t pa, void* dst, unsigned size);
    bool writePhysical(std::uint64_t va, std::uint64_t pa, const void* src, unsigned size);
    bool translatePages(std::uint64_t va, unsigned size, unsigned align, bool write,
                        std::uint64_t& pa0, std::uint64_t& pa1, unsigned& first);
    std::uint64_t& spSlot() {
        const PState& p = arch_->cpu.pstate;
        return spOfEL(p.sp ? p.el : EL::EL0);
    }
    bool trapUnlessSVEEnabled();
    bool trapUnlessFPEnabled();
    [[nodiscard]] unsigned spIndex() const {
        const PState& p = arch_->cpu.pstate;
        return toUnsigned(p.sp ? p.el : EL::EL0);
    }
    [[nodiscard]] bool alignmentFault(std::uint64_t addr, unsigned align, AccessKind kind);
    void dataAbort(std::uint64_t addr, bool write, std::uint8_t fsc, bool external);

    ArchState* arch_;
    MemoryBus* bus_;
    std::array<std::uint64_t, 33> x_{}; // X0-X30, the zero register, the sink (fastRegs)
    std::uint64_t sp_el3_ = 0;
    const std::uint64_t* cycles_ = nullptr;
    std::uint64_t clock_hz_ = 1;
    std::uint64_t code_lo_ = 0, code_hi_ = 0;
    CodeWatcher* code_watcher_ = nullptr;
    GlobalMonitor* global_ = nullptr;
    unsigned pe_index_ = 0;
    VectorLength vl_ = VectorLength::fromBits(128);
    bool sve_enabled_ = false, fp_enabled_ = false;
    Provenance* prov_ = nullptr;
    std::vector<Tag> tag_buf_; // memory tags of the access in flight
    BusWalkMemory walk_memory_;
    std::unique_ptr<mmu::Mmu> mmu_;
    mmu::TranslationRegs regs_;
    EL regs_el_ = EL::EL3;
    mmu::TlbContext tlb_ctx_;
    bool translating_ = false;
    std::uint64_t gen_tag_ = 0;
    std::array<PageSlot, kPageSlots> read_slots_{}, write_slots_{}, fetch_slots_{};
};

inline std::uint8_t* ExecContext::fastData(std::uint64_t va, unsigned size, bool write) {
    static_assert(kFastPageBytes == kPageMask + 1);
    if ((va & kPageMask) + size > kFastPageBytes) return nullptr; // crosses a page
    std::uint64_t pa = va;
    if (translating_) {
        const PageSlot& sl = (write ? write_slots_ : read_slots_)[slotOf(va)];
        if (sl.tag != tagOf(va) || sl.device || sl.code) return nullptr;
        pa = sl.pa | (va & kPageMask);
    } else if (write && pa < code_hi_ && pa + size > code_lo_) {
        return nullptr;
    }
    if (write && global_ != nullptr && global_->anyMarked()) return nullptr;
    if (arch_->bus.listening(EventKind::MemoryAccess)) return nullptr;
    return bus_->hostPointer(pa, size);
}

} // namespace svesim::isa
