// The TLB: complete translations keyed by regime, security state, VMID, ASID (non-global) and VA.
#pragma once

#include <array>
#include <cstdint>
#include <svesim/mmu/translate.h>

namespace svesim::mmu {

// Which translations a TLBI operation targets (the lead picks the regime from the instruction,
// the current EL and HCR_EL2.{E2H,TGE}).
struct TlbiTarget {
    Regime regime = Regime::EL10;
    bool secure = false;
    std::uint16_t vmid = 0; // the current VMID (VTTBR_EL2) for EL1&0 operations
};

// The lookup key of the current context (TlbContext::of computes it once per register change).
struct TlbContext {
    std::uint64_t key = 0;
    static TlbContext of(const TranslationRegs& regs);
    // Whether stage 1 or stage 2 is enabled (otherwise the flat map, nothing cached).
    bool translates() const { return (key & 0x18U) != 0; }
};

class Tlb {
public:
    // 4-way set associative, 256 sets indexed by VA[19:12]; round-robin replacement per set.
    static constexpr unsigned kWays = 4;
    static constexpr unsigned kSets = 256;

    // The cached translation for `va` (untagged, see untaggedVA) in `ctx`, or nullptr. The tags
    // are kept apart from the entries so a lookup touches two cache lines.
    const Translation* lookup(TlbContext ctx, std::uint64_t va) const {
        const unsigned set = index(va);
        const Tag* tags = &tags_[set * kWays];
        for (unsigned w = 0; w < kWays; ++w) {
            const Tag& t = tags[w];
            if ((ctx.key & t.mask) == t.key && ((va ^ t.vaBase) >> t.pageShift) == 0)
                return &entries_[set * kWays + w];
        }
        return nullptr;
    }
    // Returns the cached copy.
    const Translation* insert(TlbContext ctx, const Translation& t, std::uint64_t va);

    // TLBI operations; `xt` is the register operand as the instruction takes it.
    void invalidateAll(); // every entry (reset)
    // VA[55:12] = xt[43:0], ASID = xt[63:48]; lastLevel for the VAL forms.
    void tlbiVA(const TlbiTarget& t, std::uint64_t xt, bool lastLevel = false);
    void tlbiVAA(const TlbiTarget& t, std::uint64_t xt, bool lastLevel = false); // any ASID
    void tlbiASID(const TlbiTarget& t, std::uint64_t xt); // non-global entries of ASID xt[63:48]
    void tlbiVMALL(const TlbiTarget& t);      // VMALLE1 (EL1&0 of this VMID), ALLE2, ALLE3
    void tlbiVMALLS12(const TlbiTarget& t);   // VMALLS12E1: stage 1 and stage 2 of this VMID
    void tlbiALL(Regime regime, bool secure); // ALLE1 (all VMIDs), ALLE2, ALLE3
    // IPAS2E1/IPAS2LE1: stage 2 entries for IPA[47:12] = xt[35:0] in this VMID.
    void tlbiIPAS2(const TlbiTarget& t, std::uint64_t xt, bool lastLevel = false);

    unsigned validCount() const;

private:
    // An invalid tag has a key no context matches (bit 63 set, mask all ones).
    struct Tag {
        std::uint64_t key = kInvalidKey;
        std::uint64_t mask = ~std::uint64_t{0}; // the ASID bits are cleared for global entries
        std::uint64_t vaBase = 0;
        std::uint64_t pageShift = 12;
        bool valid() const { return key != kInvalidKey; }
    };
    static constexpr std::uint64_t kInvalidKey = std::uint64_t{1} << 63;
    static unsigned index(std::uint64_t va) {
        return static_cast<unsigned>(va >> 12) & (kSets - 1);
    }
    template <class Pred>
    void invalidateIf(Pred p);

    std::array<Tag, kSets * kWays> tags_{};
    std::array<Translation, kSets * kWays> entries_{};
    std::array<std::uint8_t, kSets> next_{}; // round-robin victim per set
};

// Named forms of the Arm ARM's TLBI operations (Non-secure EL1&0 unless stated).
inline void tlbiVAE1(Tlb& tlb, std::uint64_t xt, std::uint16_t vmid, bool secure = false) {
    tlb.tlbiVA({Regime::EL10, secure, vmid}, xt);
}
inline void tlbiVALE1(Tlb& tlb, std::uint64_t xt, std::uint16_t vmid, bool secure = false) {
    tlb.tlbiVA({Regime::EL10, secure, vmid}, xt, true);
}
inline void tlbiVAAE1(Tlb& tlb, std::uint64_t xt, std::uint16_t vmid, bool secure = false) {
    tlb.tlbiVAA({Regime::EL10, secure, vmid}, xt);
}
inline void tlbiVAALE1(Tlb& tlb, std::uint64_t xt, std::uint16_t vmid, bool secure = false) {
    tlb.tlbiVAA({Regime::EL10, secure, vmid}, xt, true);
}
inline void tlbiASIDE1(Tlb& tlb, std::uint64_t xt, std::uint16_t vmid, bool secure = false) {
    tlb.tlbiASID({Regime::EL10, secure, vmid}, xt);
}
inline void tlbiVMALLE1(Tlb& tlb, std::uint16_t vmid, bool secure = false) {
    tlb.tlbiVMALL({Regime::EL10, secure, vmid});
}
inline void tlbiVMALLS12E1(Tlb& tlb, std::uint16_t vmid) {
    tlb.tlbiVMALLS12({Regime::EL10, false, vmid});
}
inline void tlbiALLE1(Tlb& tlb, bool secure = false) {
    tlb.tlbiALL(Regime::EL10, secure);
}
inline void tlbiIPAS2E1(Tlb& tlb, std::uint64_t xt, std::uint16_t vmid) {
    tlb.tlbiIPAS2({Regime::EL10, false, vmid}, xt);
}
inline void tlbiIPAS2LE1(Tlb& tlb, std::uint64_t xt, std::uint16_t vmid) {
    tlb.tlbiIPAS2({Regime::EL10, false, vmid}, xt, true);
}
// ALLE2 removes EL2 and EL2&0 entries; VAE2/VALE2 use the ASID in xt only for EL2&0 (E2H=1).
inline void tlbiALLE2(Tlb& tlb) {
    tlb.tlbiALL(Regime::EL2, false);
    tlb.tlbiALL(Regime::EL20, false);
}
inline void tlbiVAE2(Tlb& tlb, std::uint64_t xt, bool e2h, bool lastLevel = false) {
    tlb.tlbiVA({e2h ? Regime::EL20 : Regime::EL2, false, 0}, xt, lastLevel);
}
inline void tlbiALLE3(Tlb& tlb) {
    tlb.tlbiALL(Regime::EL3, true);
}
inline void tlbiVAE3(Tlb& tlb, std::uint64_t xt, bool lastLevel = false) {
    tlb.tlbiVA({Regime::EL3, true, 0}, xt, lastLevel);
}

} // namespace svesim::mmu
