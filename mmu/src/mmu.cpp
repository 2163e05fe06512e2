// The MMU: TLB lookup in front of the walker; AT.
#include <svesim/mmu/mmu.h>

namespace svesim::mmu {

TranslationResult Mmu::translate(const TranslationRegs& regs, TlbContext ctx, const AccessDesc& acc,
                                 std::uint64_t va, WalkMemory& mem) {
    if (!ctx.translates()) return mmu::translate(regs, acc, va, mem); // flat: nothing to cache
    const std::uint64_t uva = untaggedVA(regs, va);
    TranslationResult r;
    if (const Translation* t = tlb_.lookup(ctx, uva)) {
        ++stats_.hits;
        if ((r.fault = checkPermissions(regs, acc, va, *t))) return r;
        r = resultFrom(*t, acc, va, Stages::S12);
        r.entry = t;
        return r;
    }
    ++stats_.misses;
    Translation t;
    if ((r.fault = walk(regs, acc, va, mem, Stages::S12, t))) return r;
    const Translation* cached = tlb_.insert(ctx, t, uva);
    if ((r.fault = checkPermissions(regs, acc, va, t))) return r;
    r = resultFrom(t, acc, va, Stages::S12);
    r.entry = cached;
    return r;
}

std::uint64_t Mmu::at(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                      WalkMemory& mem, Stages stages, TranslationResult* result) {
    AccessDesc a = acc;
    a.at = true;
    const TranslationResult r = mmu::translate(regs, a, va, mem, stages);
    if (result != nullptr) *result = r;
    return parValue(r);
}

} // namespace svesim::mmu
