// The MMU: the TLB in front of the walker, and AT.
#pragma once

#include <cstdint>
#include <svesim/mmu/par.h>
#include <svesim/mmu/tlb.h>
#include <svesim/mmu/translate.h>

namespace svesim::mmu {

class Mmu {
public:
    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
    };

    // A memory access: the TLB, a walk on a miss (a successful walk is cached even when the
    // permission check then fails), the permission checks.
    TranslationResult translate(const TranslationRegs& regs, const AccessDesc& acc,
                                std::uint64_t va, WalkMemory& mem) {
        return translate(regs, TlbContext::of(regs), acc, va, mem);
    }
    // The same with the context computed by the caller (TlbContext::of(regs), once per change
    // of the registers it reads): the fast path for every load, store and fetch.
    TranslationResult translate(const TranslationRegs& regs, TlbContext ctx, const AccessDesc& acc,
                                std::uint64_t va, WalkMemory& mem);

    // AT: a fresh walk (no TLB fill); S1E* use Stages::S1Only, S12E* Stages::S12. Returns the
    // PAR_EL1 value. Two faults are exceptions instead of PAR values (the caller checks
    // `result`): a synchronous external abort on the walk, and a stage 2 fault on a stage 1 walk
    // of an AT executed at EL1 (taken to EL2).
    std::uint64_t at(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                     WalkMemory& mem, Stages stages, TranslationResult* result = nullptr);

    Tlb& tlb() { return tlb_; }
    const Stats& stats() const { return stats_; }

private:
    Tlb tlb_;
    Stats stats_;
};

} // namespace svesim::mmu
