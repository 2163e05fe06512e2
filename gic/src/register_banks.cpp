// The per-INTID register banks the distributor (INTIDs 32+) and a redistributor's SGI_base
// frame (INTIDs 0-31) share, at the same offsets (IHI 0069 §12.9 and §12.11): IGROUPR,
// ISENABLER/ICENABLER, ISPENDR/ICPENDR, ISACTIVER/ICACTIVER, IPRIORITYR, ICFGR, IGRPMODR.
#include "register_banks.h"

#include "svesim/gic/gic.h"

#include <optional>

namespace svesim::gic {
namespace {

enum class Bank : std::uint8_t {
    IGroup,
    ISEnable,
    ICEnable,
    ISPend,
    ICPend,
    ISActive,
    ICActive,
    Priority,
    Config,
    GrpMod
};

struct BankHit {
    Bank bank;
    IntId first;       // INTID of the access's first unit
    unsigned per_unit; // bits per INTID
};

std::optional<BankHit> findBank(std::uint64_t off, unsigned size) {
    struct Range {
        std::uint64_t base, end;
        Bank bank;
        unsigned bits;
    };
    static constexpr Range kRanges[] = {
        {0x080, 0x100, Bank::IGroup, 1},   {0x100, 0x180, Bank::ISEnable, 1},
        {0x180, 0x200, Bank::ICEnable, 1}, {0x200, 0x280, Bank::ISPend, 1},
        {0x280, 0x300, Bank::ICPend, 1},   {0x300, 0x380, Bank::ISActive, 1},
        {0x380, 0x400, Bank::ICActive, 1}, {0x400, 0x800, Bank::Priority, 8},
        {0xC00, 0xD00, Bank::Config, 2},   {0xD00, 0xD80, Bank::GrpMod, 1},
    };
    for (const Range& r : kRanges)
        if (off >= r.base && off + size <= r.end) {
            // IPRIORITYR is byte-accessible; the bit banks and ICFGR are 32-bit registers
            // (§12.1.3: other sizes are not supported; here they are ignored / read zero).
            if (r.bank != Bank::Priority && (size != 4 || (off & 3) != 0)) return std::nullopt;
            const IntId first = static_cast<IntId>((off - r.base) * 8 / r.bits);
            return BankHit{r.bank, first, r.bits};
        }
    return std::nullopt;
}

} // namespace

bool bankRegion(std::uint64_t off) {
    return (off >= 0x080 && off < 0x800) || (off >= 0xC00 && off < 0xD80);
}

std::uint64_t Gic::readBank(unsigned cpu, std::uint64_t off, IntId lo, unsigned size, bool secure) {
    const std::optional<BankHit> hit = findBank(off, size);
    if (!hit) return 0;
    const IntId hi = lo == 0 ? kFirstSpi : intIdLimit();
    std::uint64_t v = 0;
    const unsigned units = size * 8 / hit->per_unit;
    for (unsigned u = 0; u < units; ++u) {
        const IntId id = hit->first + u;
        if (id < lo || id >= hi) continue;
        const IrqState& s = state(cpu, id);
        if (nsHidden(s, secure)) continue; // §4.4.5: Secure interrupts are RAZ/WI to NS
        std::uint64_t f = 0;
        switch (hit->bank) {
        case Bank::IGroup: f = (!secure && !ds_) ? 0 : s.group; break;
        case Bank::GrpMod: f = (!secure || ds_) ? 0 : s.grpmod; break;
        case Bank::ISEnable:
        case Bank::ICEnable: f = s.enabled; break;
        case Bank::ISPend:
        case Bank::ICPend: f = s.pending(); break;
        case Bank::ISActive:
        case Bank::ICActive: f = s.active; break;
        case Bank::Priority:
            // §4.8.6: a Non-secure access sees the Non-secure view of a G1NS priority.
            f = (!secure && !ds_) ? static_cast<std::uint8_t>(s.priority << 1) : s.priority;
            break;
        case Bank::Config: f = s.edge ? 2 : 0; break;
        }
        v |= f << (u * hit->per_unit);
    }
    return v;
}

void Gic::writeBank(unsigned cpu, std::uint64_t off, IntId lo, unsigned size, bool secure,
                    std::uint64_t v) {
    const std::optional<BankHit> hit = findBank(off, size);
    if (!hit) return;
    const IntId hi = lo == 0 ? kFirstSpi : intIdLimit();
    const unsigned units = size * 8 / hit->per_unit;
    const std::uint64_t unit_mask = (std::uint64_t{1} << hit->per_unit) - 1;
    for (unsigned u = 0; u < units; ++u) {
        const IntId id = hit->first + u;
        if (id < lo || id >= hi) continue;
        IrqState& s = state(cpu, id);
        if (nsHidden(s, secure)) continue;
        const std::uint64_t f = (v >> (u * hit->per_unit)) & unit_mask;
        switch (hit->bank) {
        case Bank::IGroup:
            if (secure || ds_) s.group = f != 0;
            break;
        case Bank::GrpMod:
            if (secure && !ds_) s.grpmod = f != 0;
            break;
        case Bank::ISEnable: s.enabled = s.enabled || f != 0; break;
        case Bank::ICEnable: s.enabled = s.enabled && f == 0; break;
        case Bank::ISPend: s.pend_latch = s.pend_latch || f != 0; break;
        case Bank::ICPend: s.pend_latch = s.pend_latch && f == 0; break;
        case Bank::ISActive: s.active = s.active || f != 0; break;
        case Bank::ICActive: s.active = s.active && f == 0; break;
        case Bank::Priority:
            s.priority = (!secure && !ds_) ? static_cast<std::uint8_t>(0x80 | (f >> 1))
                                           : static_cast<std::uint8_t>(f);
            break;
        case Bank::Config:
            if (id >= kFirstPpi) s.edge = (f & 2) != 0; // SGIs are always edge (RO)
            break;
        }
    }
    update();
}

} // namespace svesim::gic
