// System-register rows: the self-hosted debug registers of FEAT_Debugv8p2 (ARM-M D24.3). They
// are stored and their MDCR_EL2/MDCR_EL3/MDSCR_EL1 traps are modelled; breakpoint, watchpoint
// and software-step exceptions are not generated (docs/sysregs.md). The counts are those
// ID_AA64DFR0_EL1 advertises (feature_table.cpp: BRPs = 6, WRPs = 4).
#pragma once

#include "row_helpers.h"

namespace svesim::sysreg_rows {

// MDSCR_EL1: SS, ERR, TDCC, KDE, HDE, MDE, TDA, INTdis, TXU, RXO, TXfull, RXfull.
inline constexpr std::uint64_t kMdscrRes0 = ~0x6CE0'F041ULL;
// DBGBCR: E, PMC, BAS, HMC, SSC, LBN, BT. DBGWCR: E, PAC, LSC, BAS, HMC, SSC, LBN, WT, MASK.
inline constexpr std::uint64_t kBcrRes0 = ~0x00FF'E1E7ULL;
inline constexpr std::uint64_t kWcrRes0 = ~0x1F1F'FFFFULL;
// DBGBVR/DBGWVR: address bits [52:2] (bits [1:0] RES0); higher bits RESS: stored as written.
inline constexpr std::uint64_t kVrRes0 = 0x3;

constexpr SysRegInfo dbg(R id, std::string_view nm, SysRegEncoding e, std::uint64_t res0,
                         std::uint16_t traps = T::Tda) {
    return reg(id, nm, e, EL::EL1, EL::EL0, RW, G::None, res0, 0, 0, true).trap(traps);
}
constexpr std::uint8_t n(int v) {
    return static_cast<std::uint8_t>(v);
}

// clang-format off
inline constexpr std::array kDebugRows{
    dbg(R::OSDTRRX_EL1, "OSDTRRX_EL1", {2,0,0,0,2}, kHigh32),
    dbg(R::MDCCINT_EL1, "MDCCINT_EL1", {2,0,0,2,0}, ~0x6000'0000ULL),
    dbg(R::MDSCR_EL1, "MDSCR_EL1", {2,0,0,2,2}, kMdscrRes0),
    dbg(R::OSDTRTX_EL1, "OSDTRTX_EL1", {2,0,0,3,2}, kHigh32),
    dbg(R::OSECCR_EL1, "OSECCR_EL1", {2,0,0,6,2}, kHigh32),
    dbg(R::DBGBVR0_EL1, "DBGBVR0_EL1", {2,0,0,n(0),4}, kVrRes0),
    dbg(R::DBGBVR1_EL1, "DBGBVR1_EL1", {2,0,0,n(1),4}, kVrRes0),
    dbg(R::DBGBVR2_EL1, "DBGBVR2_EL1", {2,0,0,n(2),4}, kVrRes0),
    dbg(R::DBGBVR3_EL1, "DBGBVR3_EL1", {2,0,0,n(3),4}, kVrRes0),
    dbg(R::DBGBVR4_EL1, "DBGBVR4_EL1", {2,0,0,n(4),4}, kNone), // context-aware: CONTEXTIDR / VMID
    dbg(R::DBGBVR5_EL1, "DBGBVR5_EL1", {2,0,0,n(5),4}, kNone),
    dbg(R::DBGBCR0_EL1, "DBGBCR0_EL1", {2,0,0,n(0),5}, kBcrRes0),
    dbg(R::DBGBCR1_EL1, "DBGBCR1_EL1", {2,0,0,n(1),5}, kBcrRes0),
    dbg(R::DBGBCR2_EL1, "DBGBCR2_EL1", {2,0,0,n(2),5}, kBcrRes0),
    dbg(R::DBGBCR3_EL1, "DBGBCR3_EL1", {2,0,0,n(3),5}, kBcrRes0),
    dbg(R::DBGBCR4_EL1, "DBGBCR4_EL1", {2,0,0,n(4),5}, kBcrRes0),
    dbg(R::DBGBCR5_EL1, "DBGBCR5_EL1", {2,0,0,n(5),5}, kBcrRes0),
    dbg(R::DBGWVR0_EL1, "DBGWVR0_EL1", {2,0,0,n(0),6}, kVrRes0),
    dbg(R::DBGWVR1_EL1, "DBGWVR1_EL1", {2,0,0,n(1),6}, kVrRes0),
    dbg(R::DBGWVR2_EL1, "DBGWVR2_EL1", {2,0,0,n(2),6}, kVrRes0),
    dbg(R::DBGWVR3_EL1, "DBGWVR3_EL1", {2,0,0,n(3),6}, kVrRes0),
    dbg(R::DBGWCR0_EL1, "DBGWCR0_EL1", {2,0,0,n(0),7}, kWcrRes0),
    dbg(R::DBGWCR1_EL1, "DBGWCR1_EL1", {2,0,0,n(1),7}, kWcrRes0),
    dbg(R::DBGWCR2_EL1, "DBGWCR2_EL1", {2,0,0,n(2),7}, kWcrRes0),
    dbg(R::DBGWCR3_EL1, "DBGWCR3_EL1", {2,0,0,n(3),7}, kWcrRes0),
    // MDRAR_EL1: ROMADDR not valid (no external debug ROM table).
    reg(R::MDRAR_EL1, "MDRAR_EL1", {2,0,1,0,0}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false).trap(T::Tdra),
    // The OS lock: OSLAR_EL1 writes OSLSR_EL1.OSLK; OSLSR_EL1 = OSLM 0b10 (bit 3), OSLK = 1 at
    // cold reset.
    reg(R::OSLAR_EL1, "OSLAR_EL1", {2,0,1,0,4}, EL::EL1, EL::EL0, WO, G::None, ~1ULL, 0, 0, false).trap(T::Tdosa).computed(),
    reg(R::OSLSR_EL1, "OSLSR_EL1", {2,0,1,1,4}, EL::EL1, EL::EL0, RO, G::None, ~0xFULL, 0, 0xA, false).trap(T::Tdosa),
    reg(R::OSDLR_EL1, "OSDLR_EL1", {2,0,1,3,4}, EL::EL1, EL::EL0, RW, G::None, ~1ULL, 0, 0, false).trap(T::Tdosa),
    reg(R::DBGPRCR_EL1, "DBGPRCR_EL1", {2,0,1,4,4}, EL::EL1, EL::EL0, RW, G::None, ~1ULL, 0, 0, true).trap(T::Tdosa),
    // Claim tags: 8 implemented; DBGCLAIMSET reads the implemented set, DBGCLAIMCLR the tags.
    reg(R::DBGCLAIMSET_EL1, "DBGCLAIMSET_EL1", {2,0,7,8,6}, EL::EL1, EL::EL0, RW, G::None, ~0xFFULL, 0, 0, false).trap(T::Tda).computed(),
    reg(R::DBGCLAIMCLR_EL1, "DBGCLAIMCLR_EL1", {2,0,7,9,6}, EL::EL1, EL::EL0, RW, G::None, ~0xFFULL, 0, 0, false).trap(T::Tda).computed(),
    reg(R::DBGAUTHSTATUS_EL1, "DBGAUTHSTATUS_EL1", {2,0,7,14,6}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false).trap(T::Tda),
    // The debug communications channel: no external debugger, so plain storage; MDCCSR_EL0
    // shows MDSCR_EL1.TXfull/RXfull.
    reg(R::MDCCSR_EL0, "MDCCSR_EL0", {2,3,0,1,0}, EL::EL0, EL::EL0, RO, G::DebugDcc, kNone, 0, 0, false).trap(T::Tda).computed(),
    reg(R::DBGDTR_EL0, "DBGDTR_EL0", {2,3,0,4,0}, EL::EL0, EL::EL0, RW, G::DebugDcc, kNone, 0, 0, true).trap(T::Tda),
    reg(R::DBGDTRRX_EL0, "DBGDTRRX_EL0", {2,3,0,5,0}, EL::EL0, EL::EL0, RO, G::DebugDcc, kHigh32, 0, 0, true).trap(T::Tda),
    reg(R::DBGDTRTX_EL0, "DBGDTRTX_EL0", {2,3,0,5,0}, EL::EL0, EL::EL0, WO, G::DebugDcc, kHigh32, 0, 0, true).trap(T::Tda),
};
// clang-format on

} // namespace svesim::sysreg_rows
