// Address translation: AArch64.FullTranslate for one regime, stage 1 and stage 2.
#pragma once

#include <cstdint>
#include <optional>
#include <svesim/mmu/fault.h>
#include <svesim/mmu/memattrs.h>
#include <svesim/mmu/regime.h>
#include <svesim/mmu/walk_memory.h>

namespace svesim::mmu {

// A successful walk, before the permission checks: what the TLB caches. Addresses are the bases
// of the translated page at `pageShift` (the smaller of the stage 1 and stage 2 block sizes).
struct Translation {
    std::uint64_t vaBase = 0;  // the input address with its tag removed (TBI), page aligned
    std::uint64_t ipaBase = 0; // stage 1 output (equal to paBase without stage 2)
    std::uint64_t paBase = 0;
    std::uint8_t pageShift = 12;
    std::uint8_t s1Shift = 12; // log2 of the stage 1 block or page size (64 when stage 1 is off)
    std::uint8_t s2Shift = 12; // log2 of the stage 2 block or page size (64 when stage 2 is off)
    // Attributes for data accesses and for instruction fetches (SCTLR.C/I and HCR_EL2.CD/ID
    // differ), stage 1 only (AT S1*) and final (stage 1 combined with stage 2).
    MemAttrs s1Attrs;
    MemAttrs s1FetchAttrs;
    MemAttrs attrs;
    MemAttrs fetchAttrs;
    // Stage 1 permissions, hierarchical attributes applied (AArch64.S1... perms).
    bool s1Enabled = false;
    std::uint8_t ap = 0; // AP[2:1]
    bool xn = false;     // UXN (two ranges) or XN (one range)
    bool pxn = false;
    bool wxn = false; // SCTLR.WXN at walk time (permitted to be cached in a TLB)
    bool ns = true;
    bool global = true;
    std::uint16_t asid = 0;
    std::uint8_t s1Level = 0;
    // Stage 2.
    bool s2Enabled = false;
    bool s2r = true, s2w = true, s2xn = false;
    std::uint8_t s2Level = 0;
};

struct TranslationResult {
    Fault fault;
    std::uint64_t pa = 0;
    std::uint64_t ipa = 0;
    MemAttrs attrs;
    bool ns = true;
    // The TLB entry used (Mmu::translate only; valid until the next TLB fill or TLBI): for the
    // caller's per-page caches, with accessRights().
    const Translation* entry = nullptr;
    bool ok() const { return !fault; }
};

// What the permission checks allow for data reads, data writes and fetches from `el` (not
// unprivileged, not atomic) on this translation, PAN and UAO applied as for a normal access.
struct AccessRights {
    bool read = false, write = false, exec = false;
};

enum class Stages : std::uint8_t { S1Only, S12 };

// Which stages the regime enables for these register values.
bool stage1Enabled(const TranslationRegs& regs);
bool stage2Enabled(const TranslationRegs& regs); // EL2Enabled && (HCR_EL2.VM || HCR_EL2.DC)

// AddrTop: 55 when the top byte of `va` is ignored (TBI/TBI0/TBI1), else 63.
unsigned addrTop(const TranslationRegs& regs, std::uint64_t va);
// The input address used for lookups: bits [63:56] replaced by bit 55 when TBI applies.
std::uint64_t untaggedVA(const TranslationRegs& regs, std::uint64_t va);

// The ASID (TCR.A1 selects TTBR0's or TTBR1's, TCR.AS selects 16 or 8 bits; 0 for EL2 and EL3)
// and the VMID (VTTBR_EL2, VTCR_EL2.VS selects 16 or 8 bits; 0 outside Non-secure EL1&0).
std::uint16_t currentASID(const TranslationRegs& regs);
std::uint16_t currentVMID(const TranslationRegs& regs);

// Walks the tables for `va` (no TLB, no permission check): a Translation or a fault.
// Stages::S1Only stops at the IPA (AT S1E*), still translating stage 1 walks through stage 2.
Fault walk(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va, WalkMemory& mem,
           Stages stages, Translation& out);

// AArch64.CheckPermission (stage 1) and AArch64.CheckS2Permission on a walked or cached entry.
Fault checkPermissions(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                       const Translation& t);

// The whole translation without a TLB: walk, then permissions.
TranslationResult translate(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                            WalkMemory& mem, Stages stages = Stages::S12);

AccessRights accessRights(const TranslationRegs& regs, EL el, const Translation& t);

// The PA a debugger or a semihosting call means by `va` in the regime of `regs`: a read made
// from `el` through both stages, with no permission check and no TLB (as an external debugger's
// access through the PE's translation); nullopt when the walk faults.
std::optional<std::uint64_t> debugTranslate(const TranslationRegs& regs, EL el, std::uint64_t va,
                                            WalkMemory& mem);

// The result for an entry that passed the permission checks.
TranslationResult resultFrom(const Translation& t, const AccessDesc& acc, std::uint64_t va,
                             Stages stages);

} // namespace svesim::mmu
