// Memory attributes (Arm ARM MemoryAttributes): decoding MAIR and stage 2 MemAttr, combining them.
#pragma once

#include <cstdint>

namespace svesim::mmu {

enum class MemType : std::uint8_t { Device, Normal };
enum class DeviceType : std::uint8_t { nGnRnE = 0, nGnRE = 1, nGRE = 2, GRE = 3 };
enum class Cacheability : std::uint8_t { NC, WT, WB };
enum class Shareability : std::uint8_t { NSH = 0, OSH = 2, ISH = 3 };

struct CacheAttrs {
    Cacheability attrs = Cacheability::NC;
    bool readAlloc = false;
    bool writeAlloc = false;
    bool transient = false;
    bool operator==(const CacheAttrs&) const = default;
};

struct MemAttrs {
    MemType type = MemType::Device;
    DeviceType device = DeviceType::nGnRnE;
    CacheAttrs inner;
    CacheAttrs outer;
    Shareability sh = Shareability::OSH;
    bool operator==(const MemAttrs&) const = default;
};

// AArch64.S1AttrDecode: MAIR attribute `attrIndx`, descriptor SH; cacheDisabled is
// S1CacheDisabled (SCTLR.C for data, SCTLR.I for fetches, both 0 means Non-cacheable).
MemAttrs s1AttrDecode(std::uint64_t mair, unsigned attrIndx, unsigned sh, bool cacheDisabled);

// AArch64.S2AttrDecode: stage 2 MemAttr[3:0] and SH; cacheDisabled is S2CacheDisabled
// (HCR_EL2.CD for data and walks, HCR_EL2.ID for fetches).
MemAttrs s2AttrDecode(unsigned memAttr, unsigned sh, bool cacheDisabled);

// CombineS1S2Desc: stage 1 attributes combined with stage 2 (Device wins, the stronger device
// type, the weaker cacheability, the wider shareability).
MemAttrs combineS1S2(const MemAttrs& s1, const MemAttrs& s2);

// MemAttrDefaults: Device and Normal Non-cacheable memory is Outer Shareable.
MemAttrs memAttrDefaults(MemAttrs m);

// The MAIR-format byte of attributes (PAR_EL1.ATTR).
std::uint8_t mairEncoding(const MemAttrs& m);

} // namespace svesim::mmu
