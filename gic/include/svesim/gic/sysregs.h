// The GIC system registers (ICC_*, ICH_*; the ICV_* views share the ICC_*_EL1 encodings) as a
// table: the trap class that decides who may access them (IHI 0069 §12.1 and each register's
// "Accessibility" pseudocode), with the name, op0:op1:CRn:CRm:op2, lowest EL and direction of
// the register's row in the PE's system-register table (svesim::SysReg). The names and
// encodings are checked against llvm-mc (tests/gic/check_sysreg_names.sh).
#pragma once

#include "svesim/arch/sysreg.h"
#include "svesim/arch/types.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace svesim::gic {

// A GIC register is named by its row in the PE's system-register table (SysReg::ICC_PMR_EL1 ...
// SysReg::ICH_LR15_EL2): 30 ICC_* and 30 ICH_* registers.
using GicSysReg = SysReg;
inline constexpr std::size_t kGicSysRegCount = 60;

// Who may access a register beyond its lowest EL: the trap rules of its accessibility
// pseudocode (IHI 0069 §12.1.x; QEMU's gicv3_*_access functions follow the same split).
enum class GicTrapClass : std::uint8_t {
    Group0, // ICH_HCR_EL2.TALL0, HCR_EL2.FMO -> ICV_*, SCR_EL3.FIQ
    Group1, // ICH_HCR_EL2.TALL1, HCR_EL2.IMO -> ICV_*, SCR_EL3.IRQ
    Common, // ICH_HCR_EL2.TC, IMO|FMO -> ICV_*, SCR_EL3.{IRQ,FIQ} == {1,1}
    Dir,    // Common + ICH_HCR_EL2.TDIR
    Sgi,    // EL1 with IMO|FMO traps to EL2 (SGIs are not virtualised), then Common's EL3 rule
    SreEl1, // ICC_SRE_EL2.Enable / ICC_SRE_EL3.Enable
    SreEl2, // ICC_SRE_EL3.Enable
    Hyp,    // ICH_*_EL2: EL2 and EL3 only
    El3,    // EL3 only
};

enum class GicRw : std::uint8_t { ReadWrite, ReadOnly, WriteOnly };

using GicSysRegEncoding = SysRegEncoding;

struct GicSysRegInfo {
    GicSysReg id; // its row in the PE's system-register table gives the next four
    std::string_view name;
    GicSysRegEncoding enc;
    EL min_el;
    GicRw rw;
    GicTrapClass trap;
    unsigned index; // n of AP0R<n>/AP1R<n>/LR<n>, else 0
};

std::span<const GicSysRegInfo> gicSysRegTable();
const GicSysRegInfo& gicSysRegInfo(GicSysReg r);
std::optional<GicSysReg> gicSysRegFor(SysReg r); // r if it is a GIC register
std::optional<GicSysReg> gicSysRegByEncoding(GicSysRegEncoding enc);
std::optional<GicSysReg> gicSysRegByName(std::string_view name); // case-insensitive
inline std::string_view name(GicSysReg r) {
    return gicSysRegInfo(r).name;
}

// The PE state a system-register access is judged in. The processor fills it from PSTATE,
// SCR_EL3 and HCR_EL2 (the GIC keeps no copy of them).
struct GicAccessContext {
    EL el = EL::EL1;
    bool have_el2 = true;
    bool have_el3 = true;
    std::uint64_t scr_el3 = 0; // SCR_EL3 (NS bit 0, IRQ bit 1, FIQ bit 2)
    std::uint64_t hcr_el2 = 0; // HCR_EL2 (FMO bit 3, IMO bit 4, TGE bit 27, E2H bit 34)

    // SCR_EL3.NS == 0 (Secure state below EL3; at EL3 it selects the Secure bank of the banked
    // ICC registers, IHI 0069 §12.1.4).
    [[nodiscard]] bool secureBank() const { return have_el3 && (scr_el3 & 1) == 0; }
    // The PE's current Security state (EL3 is Secure).
    [[nodiscard]] bool secure() const { return el == EL::EL3 || secureBank(); }
    // EL2 is implemented and enabled in the current Security state (no Secure EL2 here).
    [[nodiscard]] bool el2Enabled() const { return have_el2 && !secureBank(); }
    // HCR_EL2.IMO/FMO as they behave for EL1 (ARM-M D13.2.48: with TGE=1 they behave as 1 when
    // E2H=0 and as 0 when E2H=1); 0 where EL2 is not enabled.
    [[nodiscard]] bool imo() const { return effectiveRouting(4); }
    [[nodiscard]] bool fmo() const { return effectiveRouting(3); }

private:
    [[nodiscard]] bool effectiveRouting(unsigned bit) const {
        if (!el2Enabled()) return false;
        if ((hcr_el2 >> 27) & 1) return ((hcr_el2 >> 34) & 1) == 0;
        return ((hcr_el2 >> bit) & 1) != 0;
    }
};

// The outcome of an access: done (with the value read), UNDEFINED, or a trap to an EL as an
// exception with EC 0x18 (the caller builds the ISS from the encoding and direction).
struct GicAccessResult {
    enum class Kind : std::uint8_t { Ok, Undefined, Trap } kind = Kind::Ok;
    EL target = EL::EL1; // for Trap
    std::uint64_t value = 0;

    static GicAccessResult ok(std::uint64_t v = 0) { return {Kind::Ok, EL::EL1, v}; }
    static GicAccessResult undefined() { return {Kind::Undefined, EL::EL1, 0}; }
    static GicAccessResult trap(EL to) { return {Kind::Trap, to, 0}; }
    [[nodiscard]] bool isOk() const { return kind == Kind::Ok; }
    friend bool operator==(const GicAccessResult&, const GicAccessResult&) = default;
};

} // namespace svesim::gic
