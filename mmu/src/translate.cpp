// AArch64.FullTranslate without a TLB: stage 1 (or the MMU-off map), stage 2, permissions.
#include "stage1_internal.h"

#include <algorithm>

namespace svesim::mmu {

Fault walk(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va, WalkMemory& mem,
           Stages stages, Translation& out) {
    using namespace detail;
    out = Translation{};
    const bool s2on = stage2Enabled(regs);
    Stage2Config s2cfg;
    if (s2on) s2cfg = stage2Config(regs);
    const std::uint64_t uva = untaggedVA(regs, va);
    if (Fault f = stage1Enabled(regs) ? stage1Walk(regs, acc, va, s2on ? &s2cfg : nullptr, mem, out)
                                      : stage1Off(regs, acc, va, out))
        return f;
    const std::uint64_t ipa =
        out.s1Enabled ? out.ipaBase | (uva & lowMask(out.s1Shift)) : out.ipaBase;
    unsigned shift = out.s1Shift;
    std::uint64_t pa = ipa;
    out.attrs = out.s1Attrs;
    out.fetchAttrs = out.s1FetchAttrs;
    out.s2Shift = 64;
    if (s2on && stages == Stages::S12) {
        // A stage 1 Permission fault takes priority over stage 2 faults on the output address.
        if (Fault f = checkS1Permission(regs, acc, va, out)) return f;
        Stage2Out o;
        if (Fault f = stage2Translate(regs, s2cfg, ipa, acc, false, va, mem, o)) return f;
        out.s2Enabled = true;
        out.s2r = o.r;
        out.s2w = o.w;
        out.s2xn = o.xn;
        out.s2Level = static_cast<std::uint8_t>(o.level);
        out.s2Shift = static_cast<std::uint8_t>(o.shift);
        out.attrs = combineS1S2(out.s1Attrs, o.attrs);
        out.fetchAttrs = combineS1S2(out.s1FetchAttrs, o.fetchAttrs);
        pa = o.pa;
        shift = std::min(shift, o.shift);
    }
    if (shift >= 64) shift = 12; // no translation at all: never cached
    const std::uint64_t mask = lowMask(shift);
    out.pageShift = static_cast<std::uint8_t>(shift);
    out.vaBase = uva & ~mask;
    out.ipaBase = ipa & ~mask;
    out.paBase = pa & ~mask;
    return {};
}

TranslationResult resultFrom(const Translation& t, const AccessDesc& acc, std::uint64_t va,
                             Stages stages) {
    TranslationResult r;
    const std::uint64_t off = va & detail::lowMask(t.pageShift);
    r.ipa = t.ipaBase | off;
    r.pa = stages == Stages::S1Only ? r.ipa : t.paBase | off;
    const bool fetch = acc.type == AccessType::Fetch;
    if (stages == Stages::S1Only)
        r.attrs = fetch ? t.s1FetchAttrs : t.s1Attrs;
    else
        r.attrs = fetch ? t.fetchAttrs : t.attrs;
    r.ns = t.ns;
    return r;
}

std::optional<std::uint64_t> debugTranslate(const TranslationRegs& regs, EL el, std::uint64_t va,
                                            WalkMemory& mem) {
    AccessDesc acc;
    acc.el = el;
    Translation t;
    if (walk(regs, acc, va, mem, Stages::S12, t)) return std::nullopt;
    return resultFrom(t, acc, va, Stages::S12).pa;
}

TranslationResult translate(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                            WalkMemory& mem, Stages stages) {
    Translation t;
    TranslationResult r;
    if ((r.fault = walk(regs, acc, va, mem, stages, t))) return r;
    if ((r.fault = checkPermissions(regs, acc, va, t))) return r;
    return resultFrom(t, acc, va, stages);
}

} // namespace svesim::mmu
