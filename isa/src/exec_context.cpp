#include "svesim/isa/exec_context.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/exceptions/enable_checks.h"
#include "svesim/exceptions/routing.h"
#include "svesim/isa/bits.h"

namespace svesim::isa {
namespace {

// The SCTLR of the translation regime of the current EL.
std::uint64_t regimeSctlr(const CpuState& s) {
    return s.sysregs.raw(SCTLR(s, s.pstate.el));
}

constexpr unsigned kSctlrM = 0, kSctlrA = 1, kSctlrSA = 3, kSctlrSA0 = 4;
constexpr std::uint32_t kDfscExternal = 0x10, kDfscAlignment = 0x21;

} // namespace

std::uint64_t& ExecContext::spOfEL(EL el) {
    switch (el) {
    case EL::EL0: return arch_->cpu.sysregs.slot(SysReg::SP_EL0);
    case EL::EL1: return arch_->cpu.sysregs.slot(SysReg::SP_EL1);
    case EL::EL2: return arch_->cpu.sysregs.slot(SysReg::SP_EL2);
    case EL::EL3: return sp_el3_;
    }
    return sp_el3_;
}

Tag* ExecContext::dataSysRegTag(SysReg r) {
    if (prov_ == nullptr) return nullptr;
    switch (r) {
    case SysReg::NZCV: return &prov_->nzcv;
    case SysReg::FPSR: return &prov_->fpsr;
    case SysReg::FPCR: return &prov_->fpcr;
    default: return nullptr;
    }
}

std::uint64_t& ExecContext::spSlot() {
    const PState& p = arch_->cpu.pstate;
    return spOfEL(p.sp ? p.el : EL::EL0);
}

std::uint64_t ExecContext::virtualCount() const {
    if (cycles_ == nullptr) return 0;
    const u128 ticks = static_cast<u128>(*cycles_) * arch_->cpu.sysregs.raw(SysReg::CNTFRQ_EL0);
    return static_cast<std::uint64_t>(ticks / clock_hz_);
}

void ExecContext::undefined() {
    raise(AArch64_UndefinedFault(arch_->cpu));
}

bool ExecContext::checkSVEEnabled() {
    if (auto e = CheckSVEEnabled(arch_->cpu)) {
        raise(*e);
        return false;
    }
    return true;
}

bool ExecContext::checkFPEnabled() {
    if (auto e = CheckFPAdvSIMDEnabled(arch_->cpu)) {
        raise(*e);
        return false;
    }
    return true;
}

// Alignment (ARM-M B2.5): with the stage 1 MMU off (SCTLR_ELx.M == 0) data accesses are
// Device-nGnRnE, so any access not aligned to its element size faults. svesim does not model
// translation: with M == 1 memory is treated as Normal, faulting only for SCTLR_ELx.A == 1.
// Ordered accesses and exclusives always need natural alignment.
bool ExecContext::alignmentFault(std::uint64_t addr, unsigned align, AccessKind kind) {
    if (align <= 1 || (addr & (align - 1)) == 0) return false;
    const std::uint64_t sctlr = regimeSctlr(arch_->cpu);
    return kind == AccessKind::Ordered || !bitSet(sctlr, kSctlrM) || bitSet(sctlr, kSctlrA);
}

void ExecContext::dataAbort(std::uint64_t addr, bool write, std::uint32_t dfsc) {
    ExceptionEntry e = AArch64_DataAbortExternal(arch_->cpu, addr, write);
    e.record.iss = (e.record.iss & ~0x3FU) | dfsc;
    raise(e);
}

bool ExecContext::load(std::uint64_t addr, void* dst, unsigned size, unsigned align,
                       AccessKind kind) {
    if (alignmentFault(addr, align, kind)) {
        dataAbort(addr, false, kDfscAlignment);
        return false;
    }
    const bool ok = bus_->read(addr, dst, size);
    if (ok && prov_) {
        tag_buf_.resize(size);
        prov_->memory.read(addr, tag_buf_);
        prov_->loaded(dst, size, tag_buf_.data());
    }
    if (arch_->bus.listening(EventKind::MemoryAccess))
        arch_->bus.emit(MemoryAccessEvent{{}, addr, size, false, ok});
    if (!ok) dataAbort(addr, false, kDfscExternal);
    return ok;
}

bool ExecContext::store(std::uint64_t addr, const void* src, unsigned size, unsigned align,
                        AccessKind kind) {
    if (alignmentFault(addr, align, kind)) {
        dataAbort(addr, true, kDfscAlignment);
        return false;
    }
    if (prov_) {
        tag_buf_.resize(size);
        prov_->storeTags(src, size, tag_buf_.data());
    }
    const bool ok = bus_->write(addr, src, size);
    if (ok && prov_) prov_->memory.write(addr, tag_buf_);
    if (arch_->bus.listening(EventKind::MemoryAccess))
        arch_->bus.emit(MemoryAccessEvent{{}, addr, size, true, ok});
    if (ok && global_ != nullptr && global_->anyMarked())
        global_->ClearExclusiveByAddress(pe_index_, addr, size);
    if (ok && code_watcher_ != nullptr && addr < code_hi_ && addr + size > code_lo_)
        code_watcher_->codeWritten(addr, size);
    if (!ok) dataAbort(addr, true, kDfscExternal);
    return ok;
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
