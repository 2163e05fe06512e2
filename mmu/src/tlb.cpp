// The TLB and the TLBI scopes (Arm ARM D8 "TLB maintenance instructions").
#include <svesim/mmu/tlb.h>

namespace svesim::mmu {

namespace {

// Context key layout: regime [1:0], secure [2], stage 1 on [3], stage 2 on [4], VMID [31:16],
// ASID [47:32].
constexpr std::uint64_t kAsidBits = std::uint64_t{0xFFFF} << 32;

Regime keyRegime(std::uint64_t k) {
    return static_cast<Regime>(k & 3U);
}
bool keySecure(std::uint64_t k) {
    return bitSet(k, 2);
}
std::uint16_t keyVmid(std::uint64_t k) {
    return static_cast<std::uint16_t>(k >> 16);
}
std::uint16_t keyAsid(std::uint64_t k) {
    return static_cast<std::uint16_t>(k >> 32);
}

// The address of a TLBI by VA: VA[55:12] = xt[43:0], bit 55 extended into [63:56].
std::uint64_t tlbiAddress(std::uint64_t xt) {
    std::uint64_t va = (xt & ((std::uint64_t{1} << 44) - 1)) << 12;
    if (bitSet(va, 55)) va |= 0xFF00'0000'0000'0000ULL;
    return va;
}

constexpr std::uint64_t bitsAbove(unsigned lo, unsigned hiExclusive) {
    const std::uint64_t hi =
        hiExclusive >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << hiExclusive) - 1;
    const std::uint64_t low = lo >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << lo) - 1;
    return hi & ~low;
}

} // namespace

TlbContext TlbContext::of(const TranslationRegs& regs) {
    TlbContext c;
    c.key = static_cast<std::uint64_t>(regs.regime) | (isSecure(regs) ? bit(2) : 0) |
            (stage1Enabled(regs) ? bit(3) : 0) | (stage2Enabled(regs) ? bit(4) : 0) |
            (static_cast<std::uint64_t>(currentVMID(regs)) << 16) |
            (static_cast<std::uint64_t>(currentASID(regs)) << 32);
    return c;
}

const Translation* Tlb::insert(TlbContext ctx, const Translation& t, std::uint64_t va) {
    const unsigned set = index(va);
    // An invalid way first, else the round-robin victim.
    unsigned way = kWays;
    for (unsigned w = 0; w < kWays; ++w)
        if (!tags_[set * kWays + w].valid()) {
            way = w;
            break;
        }
    if (way == kWays) {
        way = next_[set];
        next_[set] = static_cast<std::uint8_t>((way + 1) % kWays);
    }
    Tag& tag = tags_[set * kWays + way];
    tag.mask = t.global ? ~kAsidBits : ~std::uint64_t{0};
    tag.key = ctx.key & tag.mask;
    tag.vaBase = t.vaBase;
    tag.pageShift = t.pageShift;
    entries_[set * kWays + way] = t;
    return &entries_[set * kWays + way];
}

template <class Pred>
void Tlb::invalidateIf(Pred p) {
    for (unsigned i = 0; i < kSets * kWays; ++i)
        if (tags_[i].valid() && p(tags_[i].key, entries_[i])) tags_[i] = Tag{};
}

void Tlb::invalidateAll() {
    tags_.fill(Tag{});
}

namespace {
// The entry belongs to the target's regime, security state and (EL1&0) VMID.
bool inTarget(const TlbiTarget& tg, std::uint64_t k) {
    const bool secure = tg.secure || tg.regime == Regime::EL3;
    return keyRegime(k) == tg.regime && keySecure(k) == secure &&
           (tg.regime != Regime::EL10 || keyVmid(k) == tg.vmid);
}
// The entry translates the VA: compared above the stage 1 block size (a TLBI of any address in a
// block removes it), or the page size when stage 1 is off.
bool coversVA(const Translation& t, std::uint64_t va) {
    const unsigned shift = t.s1Enabled ? t.s1Shift : t.pageShift;
    return ((va ^ t.vaBase) & bitsAbove(shift, 56)) == 0;
}
} // namespace

void Tlb::tlbiVA(const TlbiTarget& tg, std::uint64_t xt, bool /*lastLevel*/) {
    // Only complete (leaf) translations are cached, so the last-level forms remove the same.
    const std::uint64_t va = tlbiAddress(xt);
    const auto asid = static_cast<std::uint16_t>(xt >> 48);
    const bool hasAsid = hasTwoRanges(tg.regime);
    invalidateIf([&](std::uint64_t k, const Translation& t) {
        return inTarget(tg, k) && (t.global || !hasAsid || keyAsid(k) == asid) && coversVA(t, va);
    });
}

void Tlb::tlbiVAA(const TlbiTarget& tg, std::uint64_t xt, bool /*lastLevel*/) {
    const std::uint64_t va = tlbiAddress(xt);
    invalidateIf(
        [&](std::uint64_t k, const Translation& t) { return inTarget(tg, k) && coversVA(t, va); });
}

void Tlb::tlbiASID(const TlbiTarget& tg, std::uint64_t xt) {
    const auto asid = static_cast<std::uint16_t>(xt >> 48);
    invalidateIf([&](std::uint64_t k, const Translation& t) {
        return inTarget(tg, k) && !t.global && keyAsid(k) == asid;
    });
}

void Tlb::tlbiVMALL(const TlbiTarget& tg) {
    invalidateIf([&](std::uint64_t k, const Translation&) { return inTarget(tg, k); });
}

void Tlb::tlbiVMALLS12(const TlbiTarget& tg) {
    // Entries combine both stages, so stage 1 and stage 2 of the VMID are the same set.
    tlbiVMALL(tg);
}

void Tlb::tlbiALL(Regime regime, bool secure) {
    invalidateIf([&](std::uint64_t k, const Translation&) {
        return keyRegime(k) == regime && keySecure(k) == (secure || regime == Regime::EL3);
    });
}

void Tlb::tlbiIPAS2(const TlbiTarget& tg, std::uint64_t xt, bool /*lastLevel*/) {
    // IPA[47:12] = xt[35:0]. The Arm ARM does not require combined stage 1+2 entries to go
    // (software follows with VMALLE1); removing them too is always allowed.
    const std::uint64_t ipa = (xt & ((std::uint64_t{1} << 36) - 1)) << 12;
    invalidateIf([&](std::uint64_t k, const Translation& t) {
        return inTarget(tg, k) && t.s2Enabled &&
               ((ipa ^ t.ipaBase) & bitsAbove(t.s2Shift, 48)) == 0;
    });
}

unsigned Tlb::validCount() const {
    unsigned n = 0;
    for (const Tag& t : tags_)
        n += t.valid() ? 1U : 0U;
    return n;
}

} // namespace svesim::mmu
