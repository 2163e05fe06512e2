// Memory attribute decoding and combining (Arm ARM AArch64.S1AttrDecode, AArch64.S2AttrDecode,
// LongConvertAttrsHints, S2ConvertAttrsHints, CombineS1S2Desc, MemAttrDefaults).
#include <algorithm>
#include <svesim/mmu/memattrs.h>

namespace svesim::mmu {

namespace {

// LongConvertAttrsHints: one MAIR nibble of Normal memory.
CacheAttrs longConvertAttrsHints(unsigned attr, bool cacheDisabled) {
    CacheAttrs r;
    if (cacheDisabled || attr == 0b0100) return r; // Non-cacheable
    // 00RW / 10RW: Write-Through, 01RW / 11RW: Write-Back; 0xRW is transient.
    r.attrs = (attr & 0b0100) != 0 ? Cacheability::WB : Cacheability::WT;
    r.transient = (attr & 0b1000) == 0;
    r.readAlloc = (attr & 0b0010) != 0;
    r.writeAlloc = (attr & 0b0001) != 0;
    return r;
}

// S2ConvertAttrsHints: a stage 2 MemAttr pair (01 NC, 10 WT, 11 WB; 00 is CONSTRAINED
// UNPREDICTABLE for the inner field: treated as Non-cacheable).
CacheAttrs s2ConvertAttrsHints(unsigned attr, bool cacheDisabled) {
    CacheAttrs r;
    if (cacheDisabled || attr <= 0b01) return r;
    r.attrs = attr == 0b10 ? Cacheability::WT : Cacheability::WB;
    r.readAlloc = true;
    r.writeAlloc = true;
    return r;
}

Shareability decodeSH(unsigned sh) {
    // SH 0b01 is reserved: CONSTRAINED UNPREDICTABLE, treated as Non-shareable.
    return sh == 0b10 ? Shareability::OSH : sh == 0b11 ? Shareability::ISH : Shareability::NSH;
}

// CombineS1S2AttrHints: the weaker of the two cacheabilities, stage 1's allocation hints.
CacheAttrs combineAttrHints(const CacheAttrs& s1, const CacheAttrs& s2) {
    CacheAttrs r = s1;
    if (s1.attrs == Cacheability::NC || s2.attrs == Cacheability::NC)
        r = CacheAttrs{};
    else if (s1.attrs == Cacheability::WT || s2.attrs == Cacheability::WT)
        r.attrs = Cacheability::WT;
    return r;
}

} // namespace

MemAttrs memAttrDefaults(MemAttrs m) {
    if (m.type == MemType::Device) {
        m.inner = m.outer = CacheAttrs{};
        m.sh = Shareability::OSH;
    } else if (m.inner.attrs == Cacheability::NC && m.outer.attrs == Cacheability::NC) {
        m.sh = Shareability::OSH;
    }
    return m;
}

MemAttrs s1AttrDecode(std::uint64_t mair, unsigned attrIndx, unsigned sh, bool cacheDisabled) {
    const auto attr = static_cast<unsigned>((mair >> (8 * (attrIndx & 7U))) & 0xFFU);
    MemAttrs m;
    if ((attr & 0xF0U) == 0) {
        // Device-<dd>: 0000dd00. 0000dd01..11 are UNPREDICTABLE in ARMv8.2 (no FEAT_XS):
        // treated as 0000dd00.
        m.type = MemType::Device;
        m.device = static_cast<DeviceType>((attr >> 2) & 3U);
    } else {
        // Normal. An inner nibble of 0000 with a Normal outer nibble is UNPREDICTABLE:
        // longConvertAttrsHints treats it as Write-Through transient no-allocate, so it is
        // forced to Non-cacheable here.
        m.type = MemType::Normal;
        m.outer = longConvertAttrsHints(attr >> 4, cacheDisabled);
        m.inner =
            (attr & 0xFU) == 0 ? CacheAttrs{} : longConvertAttrsHints(attr & 0xFU, cacheDisabled);
        m.sh = decodeSH(sh);
    }
    return memAttrDefaults(m);
}

MemAttrs s2AttrDecode(unsigned memAttr, unsigned sh, bool cacheDisabled) {
    MemAttrs m;
    if ((memAttr & 0b1100U) == 0) {
        m.type = MemType::Device;
        m.device = static_cast<DeviceType>(memAttr & 3U);
    } else {
        m.type = MemType::Normal;
        m.outer = s2ConvertAttrsHints((memAttr >> 2) & 3U, cacheDisabled);
        m.inner = s2ConvertAttrsHints(memAttr & 3U, cacheDisabled);
        m.sh = decodeSH(sh);
    }
    return memAttrDefaults(m);
}

MemAttrs combineS1S2(const MemAttrs& s1, const MemAttrs& s2) {
    MemAttrs r;
    if (s1.type == MemType::Device || s2.type == MemType::Device) {
        // The more restrictive Device type (nGnRnE < nGnRE < nGRE < GRE).
        r.type = MemType::Device;
        if (s1.type == MemType::Device && s2.type == MemType::Device)
            r.device = std::min(s1.device, s2.device);
        else
            r.device = s1.type == MemType::Device ? s1.device : s2.device;
    } else {
        r.type = MemType::Normal;
        r.inner = combineAttrHints(s1.inner, s2.inner);
        r.outer = combineAttrHints(s1.outer, s2.outer);
        // CombineS1S2Desc: Outer Shareable if either is, else Inner Shareable if either is.
        if (s1.sh == Shareability::OSH || s2.sh == Shareability::OSH)
            r.sh = Shareability::OSH;
        else if (s1.sh == Shareability::ISH || s2.sh == Shareability::ISH)
            r.sh = Shareability::ISH;
        else
            r.sh = Shareability::NSH;
    }
    return memAttrDefaults(r);
}

namespace {
unsigned nibble(const CacheAttrs& c) {
    if (c.attrs == Cacheability::NC) return 0b0100;
    unsigned n = c.attrs == Cacheability::WB ? 0b0100U : 0b0000U;
    if (!c.transient) n |= 0b1000;
    if (c.readAlloc) n |= 0b0010;
    if (c.writeAlloc) n |= 0b0001;
    return n;
}
} // namespace

std::uint8_t mairEncoding(const MemAttrs& m) {
    if (m.type == MemType::Device)
        return static_cast<std::uint8_t>(static_cast<unsigned>(m.device) << 2);
    return static_cast<std::uint8_t>((nibble(m.outer) << 4) | nibble(m.inner));
}

} // namespace svesim::mmu
