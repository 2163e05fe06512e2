// The distributor's memory-mapped frame, GICD_* (IHI 0069 §12.9). Affinity routing is always
// enabled (ARE_S/ARE_NS RAO/WI, as QEMU: the legacy GICv2 mode is not implemented), so GICD
// holds SPIs only and the INTID 0-31 parts of its banks are RAZ/WI.
#include "register_banks.h"
#include "svesim/gic/gic.h"

namespace svesim::gic {
namespace {

constexpr std::uint64_t kCtlr = 0x0000, kTyper = 0x0004, kIidr = 0x0008, kIrouter = 0x6000,
                        kIrouterEnd = 0x7FE0;
// GICD_CTLR bits (Secure / DS=1 layout, §12.9.4).
constexpr std::uint32_t kEnGrp0 = 1U << 0, kEnGrp1NS = 1U << 1, kEnGrp1S = 1U << 2, kAreS = 1U << 4,
                        kAreNS = 1U << 5, kDs = 1U << 6;

} // namespace

// The CoreSight identification registers at 0xFFD0-0xFFFC (§12.1.13): PIDR2.ArchRev = 3.
std::optional<std::uint32_t> gicIdRegister(std::uint64_t off) {
    switch (off) {
    case 0xFFE8: return 0x3B; // PIDR2: ArchRev 3 (GICv3), JEDEC, DES_1 = 3
    case 0xFFF0: return 0x0D; // CIDR0..3: the CoreSight component preamble
    case 0xFFF4: return 0xF0;
    case 0xFFF8: return 0x05;
    case 0xFFFC: return 0xB1;
    default: break;
    }
    if (off >= 0xFFD0 && off < 0xFFF0) return 0;
    return std::nullopt;
}

bool Gic::distributorRead(std::uint64_t off, unsigned size, bool secure, std::uint64_t& v) {
    v = 0;
    if (off >= kDistributorSize || off + size > kDistributorSize) return false;
    if (bankRegion(off)) {
        v = readBank(0, off, kFirstSpi, size, secure);
        return true;
    }
    if (off >= kIrouter && off < kIrouterEnd) {
        const IntId id = static_cast<IntId>((off - kIrouter) / 8);
        if (id >= kFirstSpi && id < intIdLimit() && !nsHidden(state(0, id), secure)) {
            const std::uint64_t r = irouter_[id - kFirstSpi];
            v = size == 8 ? r : (r >> ((off & 4) * 8)) & 0xFFFF'FFFF;
        }
        return true;
    }
    if (size != 4) return true;
    switch (off) {
    case kCtlr:
        if (ds_)
            v = (en_grp0_ ? kEnGrp0 : 0) | (en_grp1ns_ ? kEnGrp1NS : 0) | kAreS | kDs;
        else if (secure)
            v = (en_grp0_ ? kEnGrp0 : 0) | (en_grp1ns_ ? kEnGrp1NS : 0) |
                (en_grp1s_ ? kEnGrp1S : 0) | kAreS | kAreNS;
        else // Non-secure view: EnableGrp1A at bit 1, ARE_NS at bit 4
            v = (en_grp1ns_ ? kEnGrp1NS : 0) | kAreS;
        break;
    case kTyper: {
        // ITLinesNumber [4:0], CPUNumber [7:5], SecurityExtn [10], IDbits [23:19] = 9 (INTIDs
        // below 1024: no LPIs), A3V [24], No1N [25] (§12.9.38).
        const std::uint64_t itlines = intIdLimit() / 32 - 1;
        v = itlines | (std::uint64_t{std::min(cfg_.cpus, 8U) - 1} << 5) |
            (ds_ ? 0 : std::uint64_t{1} << 10) | (std::uint64_t{9} << 19) | (1ULL << 24) |
            (1ULL << 25);
        break;
    }
    case kIidr: v = 0; break; // no implementer code is claimed
    default:
        if (const std::optional<std::uint32_t> id = gicIdRegister(off)) v = *id;
        break;
    }
    return true;
}

bool Gic::distributorWrite(std::uint64_t off, unsigned size, bool secure, std::uint64_t v) {
    if (off >= kDistributorSize || off + size > kDistributorSize) return false;
    if (bankRegion(off)) {
        writeBank(0, off, kFirstSpi, size, secure, v);
        return true;
    }
    if (off >= kIrouter && off < kIrouterEnd) {
        const IntId id = static_cast<IntId>((off - kIrouter) / 8);
        if (id >= kFirstSpi && id < intIdLimit() && !nsHidden(state(0, id), secure)) {
            // Aff3 [39:32], Aff2..Aff0 [23:0]; IRM [31] is RAZ/WI (No1N = 1).
            constexpr std::uint64_t kMask = 0xFF'00FF'FFFFULL;
            std::uint64_t& r = irouter_[id - kFirstSpi];
            if (size == 8)
                r = v & kMask;
            else {
                const unsigned shift = static_cast<unsigned>((off & 4) * 8);
                r = ((r & ~(0xFFFF'FFFFULL << shift)) | ((v & 0xFFFF'FFFF) << shift)) & kMask;
            }
            update();
        }
        return true;
    }
    if (size != 4 || off != kCtlr) return true; // everything else here is RO or RAZ/WI
    if (ds_ || secure) {
        en_grp0_ = (v & kEnGrp0) != 0;
        en_grp1ns_ = (v & kEnGrp1NS) != 0;
        if (!ds_) en_grp1s_ = (v & kEnGrp1S) != 0;
    } else {
        en_grp1ns_ = (v & kEnGrp1NS) != 0;
    }
    update();
    return true;
}

} // namespace svesim::gic
