// Internal to the walker: granules, the table walk shared by both stages, stage 2 translation.
#pragma once

#include <cstdint>
#include <svesim/mmu/translate.h>

namespace svesim::mmu::detail {

// ID_AA64MMFR0_EL1.PARange = 0b0101: 48-bit physical addresses.
inline constexpr unsigned kPAMax = 48;

constexpr std::uint64_t lowMask(unsigned n) {
    return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
}
// Bits [47:lo] of v.
constexpr std::uint64_t bits47To(std::uint64_t v, unsigned lo) {
    return v & lowMask(48) & ~lowMask(lo);
}

// Granule size (log2) from TCR.TG0 / VTCR.TG0 and TCR.TG1. Reserved encodings are CONSTRAINED
// UNPREDICTABLE ("as an implemented granule"): treated as 4 KiB.
unsigned granuleShiftTG0(unsigned tg0);
unsigned granuleShiftTG1(unsigned tg1);
// Output address size from TCR.IPS / TCR_ELx.PS / VTCR_EL2.PS, limited to PAMax (reserved
// encodings and 52 bits are treated as PAMax).
unsigned outputSizeFromPS(unsigned ps);
// TxSZ outside [16, 39] is CONSTRAINED UNPREDICTABLE: treated as the nearest limit (as QEMU).
unsigned inputSizeFromTxSZ(unsigned txsz);

// What one table walk needs.
struct WalkParams {
    unsigned grain = 12; // log2 of the granule size
    int startLevel = 0;
    unsigned inputSize = 48;
    unsigned outputSize = 48;
    std::uint64_t base = 0; // the initial table's address
    bool bigEndian = false; // SCTLR_ELx.EE
    bool stage2 = false;
    bool hpd = false; // hierarchical attributes disabled (stage 1)
};

// The leaf descriptor and the hierarchical attributes gathered on the way.
struct Leaf {
    std::uint64_t desc = 0;
    unsigned level = 0;
    std::uint64_t oaBase = 0;
    unsigned blockShift = 12;
    bool apTable0 = false; // APTable[0]: no access from EL0
    bool apTable1 = false; // APTable[1]: read-only
    bool xnTable = false;
    bool pxnTable = false;
    bool nsTable = false;
};

struct Stage2Config {
    bool valid = false; // SL0/T0SZ/granule consistent
    WalkParams params;
    bool baseTooWide = false; // VTTBR_EL2.BADDR beyond PS: address size fault
};
Stage2Config stage2Config(const TranslationRegs& regs);

struct Stage2Out {
    std::uint64_t pa = 0;
    unsigned shift = 12;
    unsigned level = 0;
    MemAttrs attrs;      // data accesses and walks (HCR_EL2.CD)
    MemAttrs fetchAttrs; // instruction fetches (HCR_EL2.ID)
    bool r = false, w = false, xn = false;
};

// AArch64.SecondStageTranslate of `ipa`. With s1ptw (a stage 1 table walk access) the stage 2
// permission check (as a read) and the HCR_EL2.PTW check are made here.
Fault stage2Translate(const TranslationRegs& regs, const Stage2Config& cfg, std::uint64_t ipa,
                      const AccessDesc& acc, bool s1ptw, std::uint64_t va, WalkMemory& mem,
                      Stage2Out& out);

// AArch64.TranslationTableWalk's descriptor loop for either stage. `proto` carries the stage,
// S1PTW, VA, IPA and WnR a fault reports; s2 is non-null when stage 1 walk addresses are IPAs.
Fault tableWalk(const WalkParams& p, std::uint64_t input, const TranslationRegs& regs,
                const Stage2Config* s2, const AccessDesc& acc, const Fault& proto, WalkMemory& mem,
                Leaf& leaf);

// AArch64.CheckS2Permission.
Fault checkS2Permission(bool r, bool w, bool xn, unsigned level, const AccessDesc& acc, bool s1ptw,
                        std::uint64_t ipa, std::uint64_t va);
// AArch64.CheckPermission (stage 1).
Fault checkS1Permission(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                        const Translation& t);

} // namespace svesim::mmu::detail
