// Stage 1: the regime's controls (TCR, TTBR, SCTLR), AddrTop, ASID/VMID, the stage 1 walk and
// the MMU-off translation (Arm ARM AArch64.FirstStageTranslate, AArch64.TranslateAddressS1Off).
#include "stage1_internal.h"

namespace svesim::mmu {

namespace {
bool el2EnabledForEL10(const TranslationRegs& regs) {
    return regs.regime == Regime::EL10 && !regs.secure; // no Secure EL2 in ARMv8.2
}
} // namespace

bool stage1Enabled(const TranslationRegs& regs) {
    // HCR_EL2.TGE=1 (E2H=0) and HCR_EL2.DC=1 make SCTLR_EL1.M behave as 0.
    if (el2EnabledForEL10(regs) && (bitSet(regs.hcr, hcr::TGE) || bitSet(regs.hcr, hcr::DC)))
        return false;
    return bitSet(regs.sctlr, sctlr::M);
}

bool stage2Enabled(const TranslationRegs& regs) {
    // HCR_EL2.DC=1 behaves as VM=1 for everything but a direct read.
    return el2EnabledForEL10(regs) && (bitSet(regs.hcr, hcr::VM) || bitSet(regs.hcr, hcr::DC));
}

unsigned addrTop(const TranslationRegs& regs, std::uint64_t va) {
    bool tbi = false;
    if (hasTwoRanges(regs.regime))
        tbi = bitSet(regs.tcr, bitSet(va, 55) ? 38 : 37); // TBI1 : TBI0
    else
        tbi = bitSet(regs.tcr, 20); // TCR_EL2/EL3.TBI
    return tbi ? 55 : 63;
}

std::uint64_t untaggedVA(const TranslationRegs& regs, std::uint64_t va) {
    if (addrTop(regs, va) == 63) return va;
    const std::uint64_t top = bitSet(va, 55) ? 0xFF00'0000'0000'0000ULL : 0;
    return (va & 0x00FF'FFFF'FFFF'FFFFULL) | top;
}

std::uint16_t currentASID(const TranslationRegs& regs) {
    if (!hasTwoRanges(regs.regime)) return 0;
    const std::uint64_t ttbr = bitSet(regs.tcr, 22) ? regs.ttbr1 : regs.ttbr0; // TCR.A1
    const bool as16 = bitSet(regs.tcr, 36);                                    // TCR.AS
    return static_cast<std::uint16_t>(field(ttbr, as16 ? 63 : 55, 48));
}

std::uint16_t currentVMID(const TranslationRegs& regs) {
    if (regs.regime != Regime::EL10 || regs.secure) return 0;
    const bool vs16 = bitSet(regs.vtcr, 19); // VTCR_EL2.VS (FEAT_VMID16)
    return static_cast<std::uint16_t>(field(regs.vttbr, vs16 ? 63 : 55, 48));
}

namespace detail {

Fault stage1Walk(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                 const Stage2Config* s2, WalkMemory& mem, Translation& out) {
    const bool two = hasTwoRanges(regs.regime);
    const unsigned top = addrTop(regs, va);
    const bool upper = two && bitSet(va, top); // TTBR1 range
    const std::uint64_t tcr = regs.tcr;
    WalkParams p;
    bool disabled = false;
    std::uint64_t ttbr = regs.ttbr0;
    if (two) {
        p.inputSize =
            inputSizeFromTxSZ(static_cast<unsigned>(field(tcr, upper ? 21 : 5, upper ? 16 : 0)));
        p.grain = upper ? granuleShiftTG1(static_cast<unsigned>(field(tcr, 31, 30)))
                        : granuleShiftTG0(static_cast<unsigned>(field(tcr, 15, 14)));
        disabled = bitSet(tcr, upper ? 23 : 7);                                     // EPD1 : EPD0
        p.hpd = bitSet(tcr, upper ? 42 : 41);                                       // HPD1 : HPD0
        p.outputSize = outputSizeFromPS(static_cast<unsigned>(field(tcr, 34, 32))); // IPS
        if (upper) ttbr = regs.ttbr1;
    } else {
        p.inputSize = inputSizeFromTxSZ(static_cast<unsigned>(field(tcr, 5, 0)));
        p.grain = granuleShiftTG0(static_cast<unsigned>(field(tcr, 15, 14)));
        p.hpd = bitSet(tcr, 24);
        p.outputSize = outputSizeFromPS(static_cast<unsigned>(field(tcr, 18, 16))); // PS
    }
    p.bigEndian = bitSet(regs.sctlr, sctlr::EE);

    Fault proto;
    proto.va = va;
    proto.write = acc.isWrite();
    auto fault = [&](FaultType t) {
        Fault f = proto;
        f.type = t;
        return f;
    };
    // The VA must lie in the range of its TTBR (bits [top:inputsize] all 0 or all 1), and the
    // walk must be enabled (EPDn): otherwise a level 0 Translation fault.
    const std::uint64_t hi = field(va, top, p.inputSize);
    const std::uint64_t ones = detail::lowMask(top - p.inputSize + 1);
    if (disabled || hi != (upper ? ones : 0)) return fault(FaultType::Translation);

    const unsigned stride = p.grain - 3;
    p.startLevel = 3 - static_cast<int>((p.inputSize - 1 - p.grain) / stride);
    const unsigned baseLowerBound =
        3 + p.inputSize - ((3 - static_cast<unsigned>(p.startLevel)) * stride + p.grain);
    p.base = bits47To(ttbr, baseLowerBound);
    if (bits47To(ttbr, p.outputSize) != 0) return fault(FaultType::AddressSize);

    Leaf leaf;
    if (Fault f = tableWalk(p, va, regs, s2, acc, proto, mem, leaf)) return f;

    const std::uint64_t d = leaf.desc;
    out.s1Enabled = true;
    out.s1Level = static_cast<std::uint8_t>(leaf.level);
    out.s1Shift = static_cast<std::uint8_t>(leaf.blockShift);
    out.ipaBase = leaf.oaBase; // block base; the caller adds the offset
    // AP[2] | APTable[1]; AP[1] & !APTable[0] (AP[1] is RES1 in one-range regimes).
    const bool ap2 = bitSet(d, 7) || leaf.apTable1;
    const bool ap1 = two ? (bitSet(d, 6) && !leaf.apTable0) : true;
    out.ap = static_cast<std::uint8_t>((ap2 ? 2 : 0) | (ap1 ? 1 : 0));
    out.xn = bitSet(d, 54) || leaf.xnTable;
    out.pxn = two && (bitSet(d, 53) || leaf.pxnTable);
    out.wxn = bitSet(regs.sctlr, sctlr::WXN);
    out.ns = !isSecure(regs) || bitSet(d, 5) || leaf.nsTable;
    out.global = !two || !bitSet(d, 11); // nG is RES0 in one-range regimes
    out.asid = currentASID(regs);
    // S1CacheDisabled: SCTLR.C for data, SCTLR.I for fetches.
    const auto attrIndx = static_cast<unsigned>(field(d, 4, 2));
    const auto sh = static_cast<unsigned>(field(d, 9, 8));
    out.s1Attrs = s1AttrDecode(regs.mair, attrIndx, sh, !bitSet(regs.sctlr, sctlr::C));
    out.s1FetchAttrs = s1AttrDecode(regs.mair, attrIndx, sh, !bitSet(regs.sctlr, sctlr::I));
    return {};
}

Fault stage1Off(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                Translation& out) {
    // The VA must fit in PAMax (bits [top:PAMax] zero), else a level 0 Address size fault.
    const unsigned top = addrTop(regs, va);
    if (field(va, top, kPAMax) != 0) {
        Fault f;
        f.type = FaultType::AddressSize;
        f.va = va;
        f.write = acc.isWrite();
        return f;
    }
    out.s1Enabled = false;
    out.s1Shift = 64;
    out.ipaBase = va & lowMask(kPAMax);
    out.ns = !isSecure(regs);
    out.global = true;
    // Fetches: Normal, Write-Through read-allocate when SCTLR.I=1, else Non-cacheable; Outer
    // Shareable.
    MemAttrs f;
    f.type = MemType::Normal;
    if (bitSet(regs.sctlr, sctlr::I)) {
        f.inner.attrs = Cacheability::WT;
        f.inner.readAlloc = true;
        f.outer = f.inner;
    }
    f.sh = Shareability::OSH;
    out.s1FetchAttrs = memAttrDefaults(f);
    MemAttrs m;
    if (regs.regime == Regime::EL10 && !regs.secure && bitSet(regs.hcr, hcr::DC)) {
        // HCR_EL2.DC: Normal Write-Back read/write-allocate non-transient, Non-shareable.
        m.type = MemType::Normal;
        m.inner = CacheAttrs{Cacheability::WB, true, true, false};
        m.outer = m.inner;
        m.sh = Shareability::NSH;
    } else {
        m.type = MemType::Device; // Device-nGnRnE
    }
    out.s1Attrs = memAttrDefaults(m);
    return {};
}

} // namespace detail
} // namespace svesim::mmu
