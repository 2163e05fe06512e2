// The translation table walk loop shared by stage 1 and stage 2 (Arm ARM
// AArch64.TranslationTableWalk, ARMv8.2 without FEAT_LPA/LPA2/TTST/HAFDBS).
#include "walk_internal.h"

#include <algorithm>

namespace svesim::mmu::detail {

unsigned granuleShiftTG0(unsigned tg0) {
    switch (tg0 & 3U) {
    case 0b01: return 16;
    case 0b10: return 14;
    default: return 12; // 0b00, and 0b11 reserved
    }
}

unsigned granuleShiftTG1(unsigned tg1) {
    switch (tg1 & 3U) {
    case 0b01: return 14;
    case 0b11: return 16;
    default: return 12; // 0b10, and 0b00 reserved
    }
}

unsigned outputSizeFromPS(unsigned ps) {
    static constexpr unsigned kSizes[8] = {32, 36, 40, 42, 44, 48, 52, 52};
    return std::min(kSizes[ps & 7U], kPAMax);
}

unsigned inputSizeFromTxSZ(unsigned txsz) {
    return 64 - std::clamp(txsz, 16U, 39U);
}

namespace {
Fault make(const Fault& proto, FaultType type, unsigned level) {
    Fault f = proto;
    f.type = type;
    f.level = static_cast<std::uint8_t>(level);
    return f;
}
} // namespace

Fault tableWalk(const WalkParams& p, std::uint64_t input, const TranslationRegs& regs,
                const Stage2Config* s2, const AccessDesc& acc, const Fault& proto, WalkMemory& mem,
                Leaf& leaf) {
    const unsigned stride = p.grain - 3;
    auto level = static_cast<unsigned>(p.startLevel);
    std::uint64_t tableBase = p.base;
    unsigned top = p.inputSize - 1;
    Leaf l;
    std::uint64_t desc = 0;
    unsigned bottom = 0;
    for (;;) {
        bottom = (3 - level) * stride + p.grain;
        const std::uint64_t descAddr = tableBase | (field(input, top, bottom) << 3);
        std::uint64_t readAddr = descAddr;
        if (s2 != nullptr) {
            // Stage 1 table addresses are IPAs: stage 2 translates them (S1PTW on a fault).
            Stage2Out o;
            if (Fault f = stage2Translate(regs, *s2, descAddr, acc, true, proto.va, mem, o))
                return f;
            readAddr = o.pa;
        }
        if (!mem.read64(readAddr, desc)) return make(proto, FaultType::WalkExternalAbort, level);
        if (p.bigEndian) desc = __builtin_bswap64(desc);
        // Invalid, or the reserved 0b01 at level 3.
        if ((desc & 1U) == 0 || ((desc & 3U) == 1 && level == 3))
            return make(proto, FaultType::Translation, level);
        if ((desc & 3U) == 1 || level == 3) break; // block or page
        // Table descriptor: next-level table address, hierarchical attributes.
        if (bits47To(desc, p.outputSize) != 0) return make(proto, FaultType::AddressSize, level);
        tableBase = bits47To(desc, p.grain);
        if (!p.stage2) {
            l.nsTable |= bitSet(desc, 63);
            if (!p.hpd) { // FEAT_HPDS: TCR.HPD disables APTable, XNTable, PXNTable
                l.apTable1 |= bitSet(desc, 62);
                l.apTable0 |= bitSet(desc, 61);
                l.xnTable |= bitSet(desc, 60);
                l.pxnTable |= bitSet(desc, 59);
            }
        }
        ++level;
        top = bottom - 1;
    }
    // Blocks exist at level 1 and 2 with 4 KiB, level 2 only with 16 and 64 KiB (no FEAT_LPA).
    const unsigned firstBlockLevel = p.grain == 12 ? 1 : 2;
    if (level < firstBlockLevel) return make(proto, FaultType::Translation, level);
    if (bits47To(desc, p.outputSize) != 0) return make(proto, FaultType::AddressSize, level);
    // Access flag: hardware update is absent (no FEAT_HAFDBS), so AF=0 always faults.
    if (!bitSet(desc, 10)) return make(proto, FaultType::AccessFlag, level);
    l.desc = desc;
    l.level = level;
    l.blockShift = bottom;
    l.oaBase = bits47To(desc, bottom);
    leaf = l;
    return {};
}

} // namespace svesim::mmu::detail
