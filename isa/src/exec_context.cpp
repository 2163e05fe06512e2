#include "svesim/isa/exec_context.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/exceptions/abort.h"
#include "svesim/exceptions/enable_checks.h"
#include "svesim/exceptions/routing.h"
#include "svesim/isa/bits.h"

#include <algorithm>

namespace svesim::isa {
namespace {

// The SCTLR of the translation regime of the current EL.
std::uint64_t regimeSctlr(const CpuState& s) {
    return s.sysregs.raw(SCTLR(s, s.pstate.el));
}

constexpr unsigned kSctlrM = 0, kSctlrA = 1, kSctlrSA = 3, kSctlrSA0 = 4;
constexpr std::uint64_t kPageSize = 4096;

AbortDesc abortDesc(const mmu::Fault& f, bool cm) {
    AbortDesc a;
    a.fsc = mmu::encodeLDFSC(f);
    a.write = f.write;
    a.stage2 = f.stage == 2;
    a.s1ptw = f.s1ptw;
    a.external = f.type == mmu::FaultType::WalkExternalAbort;
    a.cm = cm;
    if (a.stage2) a.hpfar = mmu::hpfarValue(f);
    return a;
}

} // namespace

Tag* ExecContext::dataSysRegTag(SysReg r) {
    if (prov_ == nullptr) return nullptr;
    switch (r) {
    case SysReg::NZCV: return &prov_->nzcv;
    case SysReg::FPSR: return &prov_->fpsr;
    case SysReg::FPCR: return &prov_->fpcr;
    default: return nullptr;
    }
}

std::uint64_t ExecContext::virtualCount() const {
    if (cycles_ == nullptr) return 0;
    const u128 ticks = static_cast<u128>(*cycles_) * arch_->cpu.sysregs.raw(SysReg::CNTFRQ_EL0);
    return static_cast<std::uint64_t>(ticks / clock_hz_);
}

void ExecContext::undefined() {
    raise(AArch64_UndefinedFault(arch_->cpu));
}

void ExecContext::refreshVL() {
    vl_ = arch_->currentVL();
    sve_enabled_ = !CheckSVEEnabled(arch_->cpu).has_value();
    fp_enabled_ = !CheckFPAdvSIMDEnabled(arch_->cpu).has_value();
}

bool ExecContext::trapUnlessSVEEnabled() {
    if (auto e = CheckSVEEnabled(arch_->cpu)) {
        raise(*e);
        return false;
    }
    return true;
}

bool ExecContext::trapUnlessFPEnabled() {
    if (auto e = CheckFPAdvSIMDEnabled(arch_->cpu)) {
        raise(*e);
        return false;
    }
    return true;
}

// Alignment (ARM-M B2.5) before translation: ordered accesses and exclusives need natural
// alignment, and SCTLR_ELx.A = 1 checks every access. Device memory faults any unaligned access:
// checked on the attributes of the translation (translateData), or here when nothing
// translates and the stage 1 MMU is off (data accesses are then Device-nGnRnE).
bool ExecContext::alignmentFault(std::uint64_t addr, unsigned align, AccessKind kind) {
    if (align <= 1 || (addr & (align - 1)) == 0) return false;
    const std::uint64_t sctlr = regimeSctlr(arch_->cpu);
    return kind == AccessKind::Ordered || bitSet(sctlr, kSctlrA) ||
           (!translating_ && !bitSet(sctlr, kSctlrM));
}

void ExecContext::dataAbort(std::uint64_t addr, bool write, std::uint8_t fsc, bool external) {
    AbortDesc a;
    a.fsc = fsc;
    a.write = write;
    a.external = external;
    raise(AArch64_DataAbort(arch_->cpu, addr, a));
}

// ---- Translation
// ----------------------------------------------------------------------------------

mmu::TranslationRegs ExecContext::translationRegsFor(EL regime_el) const {
    const CpuState& s = arch_->cpu;
    const SysRegFile& r = s.sysregs;
    mmu::TranslationRegs t;
    switch (regime_el) {
    case EL::EL0:
    case EL::EL1:
        t.regime = mmu::Regime::EL10;
        t.secure = IsSecureBelowEL3(s);
        t.sctlr = r.raw(SysReg::SCTLR_EL1);
        t.tcr = r.raw(SysReg::TCR_EL1);
        t.ttbr0 = r.raw(SysReg::TTBR0_EL1);
        t.ttbr1 = r.raw(SysReg::TTBR1_EL1);
        t.mair = r.raw(SysReg::MAIR_EL1);
        break;
    case EL::EL2:
        t.regime = bitSet(s.hcr(), hcr::E2H) ? mmu::Regime::EL20 : mmu::Regime::EL2;
        t.sctlr = r.raw(SysReg::SCTLR_EL2);
        t.tcr = r.raw(SysReg::TCR_EL2);
        t.ttbr0 = r.raw(SysReg::TTBR0_EL2);
        t.ttbr1 = r.raw(SysReg::TTBR1_EL2);
        t.mair = r.raw(SysReg::MAIR_EL2);
        break;
    case EL::EL3:
        t.regime = mmu::Regime::EL3;
        t.secure = true;
        t.sctlr = r.raw(SysReg::SCTLR_EL3);
        t.tcr = r.raw(SysReg::TCR_EL3);
        t.ttbr0 = r.raw(SysReg::TTBR0_EL3);
        t.mair = r.raw(SysReg::MAIR_EL3);
        break;
    }
    if (EL2Enabled(s)) {
        t.hcr = s.hcr();
        t.vtcr = r.raw(SysReg::VTCR_EL2);
        t.vttbr = r.raw(SysReg::VTTBR_EL2);
    }
    if (HaveEL(s, EL::EL2)) t.sctlrEL2 = r.raw(SysReg::SCTLR_EL2);
    t.pan = s.pstate.pan;
    t.uao = s.pstate.uao;
    return t;
}

void ExecContext::refreshTranslation() {
    const CpuState& s = arch_->cpu;
    const mmu::TranslationRegs next = translationRegsFor(S1TranslationRegime(s, s.pstate.el));
    // The per-page caches hold what the checks allowed at one EL with these registers: most
    // MSRs change neither, and keep them.
    if (next == regs_ && s.pstate.el == regs_el_) return;
    regs_ = next;
    regs_el_ = s.pstate.el;
    tlb_ctx_ = mmu::TlbContext::of(regs_);
    translating_ = tlb_ctx_.translates();
    dropPageCaches();
}

void ExecContext::dropPageCaches() {
    // A new generation makes every slot miss; before the generation could come back (it has
    // 12 bits, and all ones would match an empty slot's tag), the slots are emptied.
    gen_tag_ += std::uint64_t{1} << kGenShift;
    if ((gen_tag_ >> kGenShift) == 0xFFF) {
        gen_tag_ = 0;
        for (auto* slots : {&read_slots_, &write_slots_, &fetch_slots_})
            slots->fill(PageSlot{});
    }
}

ExceptionEntry ExecContext::dataAbortFor(const mmu::Fault& f, std::uint64_t va, bool cm) {
    AbortDesc a = abortDesc(f, cm);
    a.insn_syndrome = cm ? 0 : dataAbortInstructionSyndrome(insn);
    return AArch64_DataAbort(arch_->cpu, va, a);
}

bool ExecContext::translateData(std::uint64_t va, unsigned size, unsigned align, bool write,
                                std::uint64_t& pa, bool* device, bool cm) {
    // AccType_UNPRIV only matters at EL1 and at EL2 of a host (E2H = TGE = 1).
    const EL el = arch_->cpu.pstate.el;
    const bool unpriv = unprivileged_access &&
                        (el == EL::EL1 || (el == EL::EL2 && ELIsInHost(arch_->cpu, EL::EL0)));
    const bool cacheable = !unpriv && !cm;
    PageSlot& sl = (write ? write_slots_ : read_slots_)[slotOf(va)];
    bool dev = false;
    if (cacheable && sl.tag == tagOf(va)) {
        pa = sl.pa | (va & kPageMask);
        dev = sl.device;
    } else {
        mmu::AccessDesc acc;
        acc.type = write ? mmu::AccessType::Write : mmu::AccessType::Read;
        acc.el = el;
        acc.unprivileged = unpriv;
        acc.cacheMaintenance = cm;
        acc.size = size;
        const mmu::TranslationResult r = mmu_->translate(regs_, tlb_ctx_, acc, va, walk_memory_);
        if (r.fault) {
            raise(dataAbortFor(r.fault, va, cm));
            return false;
        }
        pa = r.pa;
        dev = r.attrs.type == mmu::MemType::Device;
        if (cacheable) {
            const std::uint64_t page = r.pa & ~kPageMask;
            sl = PageSlot{tagOf(va), page, dev,
                          write && code_watcher_ != nullptr && code_watcher_->holdsCode(page)};
        }
    }
    if (device != nullptr) *device = dev;
    // FirstStageTranslate / SecondStageTranslate: an unaligned access to Device memory.
    if (dev && align > 1 && (va & (align - 1)) != 0) {
        dataAbort(va, write, kFscAlignment, false);
        return false;
    }
    return true;
}

std::optional<ExceptionEntry> ExecContext::translateFetch(std::uint64_t va, std::uint64_t& pa) {
    if (fetchHit(va, pa)) return std::nullopt;
    mmu::AccessDesc acc;
    acc.type = mmu::AccessType::Fetch;
    acc.el = arch_->cpu.pstate.el;
    acc.size = 4;
    const mmu::TranslationResult r = mmu_->translate(regs_, tlb_ctx_, acc, va, walk_memory_);
    if (r.fault) return AArch64_InstructionAbort(arch_->cpu, va, abortDesc(r.fault, false));
    pa = r.pa;
    fetch_slots_[slotOf(va)] = PageSlot{tagOf(va), r.pa & ~kPageMask, false};
    return std::nullopt;
}

// Both pages of an access that crosses a 4 KiB boundary are translated before either is
// accessed (a fault on the second leaves memory and registers unchanged).
bool ExecContext::translatePages(std::uint64_t va, unsigned size, unsigned align, bool write,
                                 std::uint64_t& pa0, std::uint64_t& pa1, unsigned& first) {
    first = static_cast<unsigned>(std::min<std::uint64_t>(size, kPageSize - (va & kPageMask)));
    if (!translateData(va, first, align, write, pa0)) return false;
    return first == size || translateData(va + first, size - first, align, write, pa1);
}

bool ExecContext::readPhysical(std::uint64_t va, std::uint64_t pa, void* dst, unsigned size) {
    const bool ok = bus_->read(pa, dst, size);
    if (ok && prov_) {
        tag_buf_.resize(size);
        prov_->memory.read(pa, tag_buf_);
        prov_->loaded(dst, size, tag_buf_.data());
    }
    if (arch_->bus.listening(EventKind::MemoryAccess))
        arch_->bus.emit(MemoryAccessEvent{{}, va, size, false, ok});
    if (!ok) dataAbort(va, false, kFscExternal, true);
    return ok;
}

bool ExecContext::writePhysical(std::uint64_t va, std::uint64_t pa, const void* src,
                                unsigned size) {
    if (prov_) {
        tag_buf_.resize(size);
        prov_->storeTags(src, size, tag_buf_.data());
    }
    const bool ok = bus_->write(pa, src, size);
    if (ok && prov_) prov_->memory.write(pa, tag_buf_);
    if (arch_->bus.listening(EventKind::MemoryAccess))
        arch_->bus.emit(MemoryAccessEvent{{}, va, size, true, ok});
    if (ok && global_ != nullptr && global_->anyMarked())
        global_->ClearExclusiveByAddress(pe_index_, pa, size); // the monitor holds PAs
    if (ok && code_watcher_ != nullptr && pa < code_hi_ && pa + size > code_lo_)
        code_watcher_->codeWritten(pa, size);
    if (!ok) dataAbort(va, true, kFscExternal, true);
    return ok;
}

bool ExecContext::load(std::uint64_t addr, void* dst, unsigned size, unsigned align,
                       AccessKind kind) {
    if (alignmentFault(addr, align, kind)) {
        dataAbort(addr, false, kFscAlignment, false);
        return false;
    }
    if (!translating_) return readPhysical(addr, addr, dst, size);
    std::uint64_t pa0 = 0, pa1 = 0;
    unsigned first = 0;
    if (!translatePages(addr, size, align, false, pa0, pa1, first)) return false;
    if (first == size) return readPhysical(addr, pa0, dst, size);
    return readPhysical(addr, pa0, dst, first) &&
           readPhysical(addr + first, pa1, static_cast<std::uint8_t*>(dst) + first, size - first);
}

bool ExecContext::store(std::uint64_t addr, const void* src, unsigned size, unsigned align,
                        AccessKind kind) {
    if (alignmentFault(addr, align, kind)) {
        dataAbort(addr, true, kFscAlignment, false);
        return false;
    }
    if (!translating_) return writePhysical(addr, addr, src, size);
    std::uint64_t pa0 = 0, pa1 = 0;
    unsigned first = 0;
    if (!translatePages(addr, size, align, true, pa0, pa1, first)) return false;
    if (first == size) return writePhysical(addr, pa0, src, size);
    return writePhysical(addr, pa0, src, first) &&
           writePhysical(addr + first, pa1, static_cast<const std::uint8_t*>(src) + first,
                         size - first);
}

// MemNF[] (SVE): the fault, if any, is dropped; Device memory is not accessed at all. With no
// stage translating, an aligned access is made (as QEMU, whose non-fault loads refuse only
// MMIO), although the Arm ARM's MMU-off Device-nGnRnE would refuse every one.
bool ExecContext::loadNonFaulting(std::uint64_t addr, void* dst, unsigned size, unsigned align) {
    const std::optional<ExceptionEntry> before = fault;
    const auto fail = [&] {
        fault = before;
        return false;
    };
    if (alignmentFault(addr, align, AccessKind::Normal)) return false;
    if (!translating_) return readPhysical(addr, addr, dst, size) || fail();
    std::uint64_t pa[2] = {0, 0};
    const unsigned first =
        static_cast<unsigned>(std::min<std::uint64_t>(size, kPageSize - (addr & kPageMask)));
    const unsigned part[2] = {first, size - first};
    for (unsigned k = 0; k < 2 && part[k] != 0; ++k) {
        bool device = false;
        const std::uint64_t va = addr + (k == 0 ? 0 : first);
        if (!translateData(va, part[k], align, false, pa[k], &device) || device) return fail();
    }
    auto* out = static_cast<std::uint8_t*>(dst);
    if (!readPhysical(addr, pa[0], out, first)) return fail();
    return part[1] == 0 || readPhysical(addr + first, pa[1], out + first, part[1]) || fail();
}

bool ExecContext::load64(std::uint64_t addr, std::uint64_t& v, unsigned size, AccessKind kind) {
    v = 0;
    return load(addr, &v, size, size, kind); // little-endian host and target
}

bool ExecContext::store64(std::uint64_t addr, std::uint64_t v, unsigned size, AccessKind kind) {
    return store(addr, &v, size, size, kind);
}

bool ExecContext::checkSPAlignment(unsigned base_reg) {
    if (base_reg != 31) return true;
    const CpuState& s = arch_->cpu;
    const std::uint64_t sctlr = regimeSctlr(s);
    const bool check = s.pstate.el == EL::EL0 ? bitSet(sctlr, kSctlrSA0) : bitSet(sctlr, kSctlrSA);
    if (check && (SP() & 15) != 0) {
        raise(AArch64_SPAlignmentFault(s));
        return false;
    }
    return true;
}

} // namespace svesim::isa
