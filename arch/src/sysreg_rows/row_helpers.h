// Row constructors and masks shared by the system-register row files (sysreg_rows/*.h); only
// arch/src/sysreg_table.cpp includes these.
#pragma once

#include "svesim/arch/sysreg.h"

#include <array>

namespace svesim::sysreg_rows {

using R = SysReg;
using G = SysRegGate;
namespace T = systrap;
inline constexpr auto RW = SysRegRw::ReadWrite;
inline constexpr auto RO = SysRegRw::ReadOnly;
inline constexpr auto WO = SysRegRw::WriteOnly;
inline constexpr std::uint64_t kNone = 0;
inline constexpr std::uint64_t kAll = ~std::uint64_t{0};
inline constexpr std::uint64_t kHigh32 = 0xFFFF'FFFF'0000'0000ULL;

// A register with its own storage. `e2h`: the EL2 register this name reaches at EL2 with
// HCR_EL2.E2H=1 (FEAT_VHE); `razwi`: bits that read as zero and ignore writes.
constexpr SysRegInfo reg(R id, std::string_view nm, SysRegEncoding e, EL min, EL needs, SysRegRw rw,
                         G gate, std::uint64_t res0, std::uint64_t res1, std::uint64_t reset,
                         bool unknown, std::optional<R> e2h = std::nullopt,
                         std::uint64_t razwi = 0) {
    return SysRegInfo{id,  nm,   e,    min,   needs, rw,      gate,    id,
                      e2h, res0, res1, razwi, reset, unknown, T::None, SysRegBacking::Stored};
}
// A FEAT_VHE *_EL12 name: at EL2 (E2H=1) or EL3 (EL2 an enabled VHE host) it reaches `target`.
constexpr SysRegInfo alias12(R id, std::string_view nm, SysRegEncoding e, R target) {
    return SysRegInfo{
        id,           nm,    e, EL::EL2, EL::EL2, RW,    G::El12Alias, target,
        std::nullopt, kNone, 0, 0,       0,       false, T::None,      SysRegBacking::Stored};
}
// A read-only identification register whose value SysRegFile::reset computes (features).
constexpr SysRegInfo idreg(R id, std::string_view nm, SysRegEncoding e, std::uint16_t traps) {
    return reg(id, nm, e, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false).trap(traps);
}
// An IMPLEMENTATION DEFINED register that svesim implements as all-zero (RAZ/WI).
constexpr SysRegInfo impdefZero(R id, std::string_view nm, SysRegEncoding e, EL min, EL needs,
                                std::optional<R> e2h = std::nullopt) {
    return reg(id, nm, e, min, needs, RW, G::None, kNone, 0, 0, false, e2h, kAll);
}

} // namespace svesim::sysreg_rows
