// System-register rows: FEAT_RAS with no error records and FEAT_LOR (ARM-M D24.2).
#pragma once

#include "row_helpers.h"

namespace svesim::sysreg_rows {

// DISR_EL1 / VDISR_EL2: A[31], IDS[24], ISS[23:0] (AET/EA/DFSC).
inline constexpr std::uint64_t kDisrRes0 = ~0x81FF'FFFFULL;
// LORSA/LOREA: address [47:16]; LORSA.Valid[0]. LORN: Num[7:0]. LORC: EN[0], DS[9:2].
inline constexpr std::uint64_t kLorAddr = 0xFFFF'FFFF'0000ULL;

constexpr SysRegInfo errRecord(R id, std::string_view nm, SysRegEncoding e, SysRegRw rw) {
    // No error records (ERRIDR_EL1.NUM = 0): ERRSELR_EL1 and the ERX* registers read as zero
    // and ignore writes (svesim's choice of the IMPLEMENTATION DEFINED RES0-or-UNDEFINED).
    return reg(id, nm, e, EL::EL1, EL::EL0, rw, G::None, kNone, 0, 0, false, std::nullopt, kAll)
        .trap(T::Terr);
}
constexpr SysRegInfo lor(R id, std::string_view nm, SysRegEncoding e, SysRegRw rw,
                         std::uint64_t res0) {
    return reg(id, nm, e, EL::EL1, EL::EL0, rw, G::None, res0, 0, 0, rw == RW).trap(T::Tlor);
}

// clang-format off
inline constexpr std::array kRasLorRows{
    reg(R::ERRIDR_EL1, "ERRIDR_EL1", {3,0,5,3,0}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false).trap(T::Terr),
    errRecord(R::ERRSELR_EL1, "ERRSELR_EL1", {3,0,5,3,1}, RW),
    errRecord(R::ERXFR_EL1, "ERXFR_EL1", {3,0,5,4,0}, RO),
    errRecord(R::ERXCTLR_EL1, "ERXCTLR_EL1", {3,0,5,4,1}, RW),
    errRecord(R::ERXSTATUS_EL1, "ERXSTATUS_EL1", {3,0,5,4,2}, RW),
    errRecord(R::ERXADDR_EL1, "ERXADDR_EL1", {3,0,5,4,3}, RW),
    errRecord(R::ERXMISC0_EL1, "ERXMISC0_EL1", {3,0,5,5,0}, RW),
    errRecord(R::ERXMISC1_EL1, "ERXMISC1_EL1", {3,0,5,5,1}, RW),
    // DISR_EL1: at EL1 with HCR_EL2.AMO = 1 the name reaches VDISR_EL2.
    reg(R::DISR_EL1, "DISR_EL1", {3,0,12,1,1}, EL::EL1, EL::EL0, RW, G::Disr, kDisrRes0, 0, 0, true),
    reg(R::VDISR_EL2, "VDISR_EL2", {3,4,12,1,1}, EL::EL2, EL::EL2, RW, G::None, kDisrRes0, 0, 0, true),
    // VSESR_EL2: IDS[24], ISS[23:0] of a virtual SError.
    reg(R::VSESR_EL2, "VSESR_EL2", {3,4,5,2,3}, EL::EL2, EL::EL2, RW, G::None, ~0x01FF'FFFFULL, 0, 0, true),
    // LORegions: LORID_EL1 = 0 regions and 0 descriptors (memory is sequentially consistent in
    // svesim, so a LORegion could not change any ordering); the registers are stored. UNDEFINED in
    // Secure state.
    lor(R::LORSA_EL1, "LORSA_EL1", {3,0,10,4,0}, RW, ~(kLorAddr | 1)),
    lor(R::LOREA_EL1, "LOREA_EL1", {3,0,10,4,1}, RW, ~kLorAddr),
    lor(R::LORN_EL1, "LORN_EL1", {3,0,10,4,2}, RW, ~0xFFULL),
    lor(R::LORC_EL1, "LORC_EL1", {3,0,10,4,3}, RW, ~0x3FDULL),
    lor(R::LORID_EL1, "LORID_EL1", {3,0,10,4,7}, RO, kNone),
};
// clang-format on

} // namespace svesim::sysreg_rows
