// Stage 2 translation for the Non-secure EL1&0 regime (Arm ARM AArch64.SecondStageTranslate,
// AArch64.SecondStageWalk; VTCR_EL2, VTTBR_EL2).
#include "walk_internal.h"

namespace svesim::mmu::detail {

namespace {

// The initial lookup level from VTCR_EL2.SL0 and the granule (SL0=0b11 is reserved without
// FEAT_TTST/LPA2: -1 here, rejected by s2ValidConfig).
int s2StartLevel(unsigned sl0, unsigned grain) {
    if (sl0 == 3) return -1;
    return (grain == 12 ? 2 : 3) - static_cast<int>(sl0);
}

// AArch64.S2InvalidSL / AArch64.S2InconsistentSL: the initial table must resolve at least 1 and
// at most stride+4 bits (2 to 16 concatenated tables). With PAMax = 48 every SL0 other than 0b11
// is otherwise allowed (4 KiB level 0 needs PAMax >= 44, 64 KiB level 1 PAMax >= 44).
bool s2ValidConfig(int startLevel, unsigned inputSize, unsigned grain) {
    if (startLevel < 0) return false;
    const unsigned stride = grain - 3;
    const int sizeCheck =
        static_cast<int>(inputSize) -
        static_cast<int>((3 - static_cast<unsigned>(startLevel)) * stride + grain);
    return sizeCheck >= 1 && sizeCheck <= static_cast<int>(stride + 4);
}

} // namespace

Stage2Config stage2Config(const TranslationRegs& regs) {
    Stage2Config c;
    WalkParams& p = c.params;
    p.stage2 = true;
    p.grain = granuleShiftTG0(static_cast<unsigned>(field(regs.vtcr, 15, 14)));
    p.inputSize = inputSizeFromTxSZ(static_cast<unsigned>(field(regs.vtcr, 5, 0)));
    p.outputSize = outputSizeFromPS(static_cast<unsigned>(field(regs.vtcr, 18, 16)));
    p.bigEndian = bitSet(regs.sctlrEL2, sctlr::EE);
    p.startLevel = s2StartLevel(static_cast<unsigned>(field(regs.vtcr, 7, 6)), p.grain);
    c.valid = s2ValidConfig(p.startLevel, p.inputSize, p.grain);
    if (c.valid) {
        // Concatenated initial tables: the base is aligned to the whole initial table (the BADDR
        // bits below are RES0 and ignored).
        const unsigned stride = p.grain - 3;
        const unsigned sizeCheck =
            p.inputSize - ((3 - static_cast<unsigned>(p.startLevel)) * stride + p.grain);
        p.base = bits47To(regs.vttbr, 3 + sizeCheck);
        c.baseTooWide = bits47To(regs.vttbr, p.outputSize) != 0;
    }
    return c;
}

Fault checkS2Permission(bool r, bool w, bool xn, unsigned level, const AccessDesc& acc, bool s1ptw,
                        std::uint64_t ipa, std::uint64_t va) {
    bool fail = false;
    bool failedRead = false;
    if (s1ptw) {
        // A stage 1 walk is checked as a read whatever the original access; WnR reports the
        // original access (failedread = !iswrite in the pseudocode).
        fail = !r;
        failedRead = !acc.isWrite();
    } else if (acc.type == AccessType::Fetch) {
        fail = xn;
        failedRead = true;
    } else if (acc.atomic) {
        fail = !r || !w;
        failedRead = !r;
    } else if (acc.type == AccessType::Write) {
        fail = !w;
        failedRead = false;
    } else {
        fail = !r;
        failedRead = true;
    }
    if (!fail) return {};
    Fault f;
    f.type = FaultType::Permission;
    f.level = static_cast<std::uint8_t>(level);
    f.stage = 2;
    f.s1ptw = s1ptw;
    f.write = !failedRead;
    f.ipaValid = true;
    f.ipa = ipa;
    f.va = va;
    return f;
}

Fault stage2Translate(const TranslationRegs& regs, const Stage2Config& cfg, std::uint64_t ipa,
                      const AccessDesc& acc, bool s1ptw, std::uint64_t va, WalkMemory& mem,
                      Stage2Out& out) {
    Fault proto;
    proto.stage = 2;
    proto.s1ptw = s1ptw;
    proto.write = acc.isWrite();
    proto.ipaValid = true;
    proto.ipa = ipa;
    proto.va = va;
    auto fault = [&](FaultType t) {
        Fault f = proto;
        f.type = t;
        f.level = 0;
        return f;
    };
    // A disallowed SL0/T0SZ/granule combination is a stage 2 level 0 Translation fault, as is an
    // IPA beyond the input size; a VTTBR_EL2 base beyond PS a level 0 Address size fault.
    if (!cfg.valid) return fault(FaultType::Translation);
    if ((ipa >> cfg.params.inputSize) != 0) return fault(FaultType::Translation);
    if (cfg.baseTooWide) return fault(FaultType::AddressSize);

    Leaf leaf;
    if (Fault f = tableWalk(cfg.params, ipa, regs, nullptr, acc, proto, mem, leaf)) return f;

    // S2CacheDisabled: HCR_EL2.CD for data and walks, HCR_EL2.ID for instruction fetches.
    const auto memAttr = static_cast<unsigned>(field(leaf.desc, 5, 2));
    const auto sh = static_cast<unsigned>(field(leaf.desc, 9, 8));
    out.attrs = s2AttrDecode(memAttr, sh, bitSet(regs.hcr, hcr::CD));
    out.fetchAttrs = s2AttrDecode(memAttr, sh, bitSet(regs.hcr, hcr::ID));
    out.r = bitSet(leaf.desc, 6); // S2AP[0]
    out.w = bitSet(leaf.desc, 7); // S2AP[1]
    out.xn = bitSet(leaf.desc, 54);
    out.level = leaf.level;
    out.shift = leaf.blockShift;
    out.pa = leaf.oaBase | (ipa & lowMask(leaf.blockShift));
    if (s1ptw) {
        if (Fault f = checkS2Permission(out.r, out.w, out.xn, leaf.level, acc, true, ipa, va))
            return f;
        // HCR_EL2.PTW: a stage 1 walk to stage 2 Device memory is a stage 2 Permission fault.
        if (bitSet(regs.hcr, hcr::PTW) && out.attrs.type == MemType::Device) {
            Fault f = proto;
            f.type = FaultType::Permission;
            f.level = static_cast<std::uint8_t>(leaf.level);
            return f;
        }
    }
    return {};
}

} // namespace svesim::mmu::detail
