// The inputs of a translation: which regime, the register values that control it, and the access.
#pragma once

#include <cstdint>
#include <svesim/arch/types.h>

namespace svesim::mmu {

// The translation regimes of an ARMv8.2-A PE with EL2 (VHE) and EL3, AArch64 only.
enum class Regime : std::uint8_t {
    EL10, // EL1&0: TTBR0/1_EL1, TCR_EL1; stage 2 when HCR_EL2.VM (or DC) is 1 in Non-secure state
    EL2,  // EL2 with HCR_EL2.E2H=0: one VA range, TTBR0_EL2, TCR_EL2 in its EL2 format
    EL20, // EL2&0 (VHE, E2H=1): two VA ranges, TTBR0/1_EL2, TCR_EL2 in the EL1 format, ASIDs
    EL3,  // EL3: one VA range, TTBR0_EL3, TCR_EL3
};

// Whether the regime has two VA ranges (TTBR0/TTBR1) and two privilege levels.
constexpr bool hasTwoRanges(Regime r) {
    return r == Regime::EL10 || r == Regime::EL20;
}

// Register values the walk reads. The caller passes the registers of the regime: for EL1&0
// SCTLR_EL1/TCR_EL1/TTBR0_EL1/TTBR1_EL1/MAIR_EL1; for EL2 and EL2&0 the _EL2 ones; for EL3 the
// _EL3 ones (ttbr1 ignored for EL2 and EL3). hcr/vtcr/vttbr are the EL2 registers (HCR_EL2 also
// matters for EL1&0 without stage 2: TGE, DC); sctlrEL2 supplies EE for stage-2 walks.
struct TranslationRegs {
    Regime regime = Regime::EL10;
    bool secure = false; // Secure state (EL3, or Secure EL1&0): no stage 2, NS bits honoured
    std::uint64_t sctlr = 0;
    std::uint64_t tcr = 0;
    std::uint64_t ttbr0 = 0;
    std::uint64_t ttbr1 = 0;
    std::uint64_t mair = 0;
    std::uint64_t hcr = 0;
    std::uint64_t vtcr = 0;
    std::uint64_t vttbr = 0;
    std::uint64_t sctlrEL2 = 0;
    bool pan = false; // PSTATE.PAN
    bool uao = false; // PSTATE.UAO
    bool operator==(const TranslationRegs&) const = default;
};

// The Security state of the regime: EL3 is always Secure.
constexpr bool isSecure(const TranslationRegs& regs) {
    return regs.secure || regs.regime == Regime::EL3;
}

enum class AccessType : std::uint8_t { Read, Write, Fetch };

// One memory access (or AT instruction) to translate.
struct AccessDesc {
    AccessType type = AccessType::Read;
    EL el = EL::EL1;           // the Exception level the access is made from
    bool unprivileged = false; // LDTR/STTR and friends (AccType_UNPRIV)
    bool atomic = false;       // read-modify-write (CAS, LDADD, SWP...): needs read and write
    bool at = false;           // an AT instruction (PAN is not applied unless atPan)
    bool atPan = false;        // AT S1E1RP/S1E1WP: PAN applies
    // DC/IC by VA (type Read; Write for DC IVAC): PAN does not apply; at stage 1 only DC IVAC
    // (write permission) and EL0's operations (read permission) can fault.
    bool cacheMaintenance = false;
    unsigned size = 1;
    bool isWrite() const { return type == AccessType::Write || atomic; }
};

// Bits of the control registers used by the walker (Arm ARM D13 register descriptions).
namespace hcr {
inline constexpr unsigned VM = 0, PTW = 2, DC = 12, TGE = 27, CD = 32, ID = 33, E2H = 34;
}
namespace sctlr {
inline constexpr unsigned M = 0, C = 2, I = 12, WXN = 19, EE = 25;
}

} // namespace svesim::mmu
