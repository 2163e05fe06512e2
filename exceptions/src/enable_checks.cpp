#include "svesim/exceptions/enable_checks.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/arch/enables.h"
#include "svesim/exceptions/routing.h"

namespace svesim {
namespace {} // namespace

// R10 (SAIL SVEAccessTrap).
ExceptionEntry SVEAccessTrap(const CpuState& s, EL target_el) {
    const EL target = RouteToEL2ByTGE(s, target_el) ? EL::EL2 : target_el;
    return ExceptionEntry{ExceptionRecord{Exception::SVEAccessTrap, 0, std::nullopt}, target, s.pc};
}

// R10 (SAIL AArch64_AdvSIMDFPAccessTrap; ARM-M R_JNBTN).
ExceptionEntry AdvSIMDFPAccessTrap(const CpuState& s, EL target_el) {
    if (RouteToEL2ByTGE(s, target_el))
        return ExceptionEntry{ExceptionRecord{Exception::Uncategorized, 0, std::nullopt}, EL::EL2,
                              s.pc};
    return ExceptionEntry{
        ExceptionRecord{Exception::AdvSIMDFPAccessTrap, ConditionSyndrome(), std::nullopt},
        target_el, s.pc};
}

// R8 (SAIL CheckOriginalSVEEnabled), R9 (layout by E2H, inside ControlDisables).
std::optional<ExceptionEntry> CheckSVEEnabled(const CpuState& s) {
    const EL el = s.pstate.el;
    for (EL level : {EL::EL1, EL::EL2, EL::EL3}) {
        if (ControlDisables(s, level, EnableKind::SVE, el)) return SVEAccessTrap(s, level);
        if (ControlDisables(s, level, EnableKind::FP, el)) return AdvSIMDFPAccessTrap(s, level);
    }
    return std::nullopt;
}

// SAIL AArch64_CheckFPEnabled / AArch64_CheckFPAdvSIMDTrap.
std::optional<ExceptionEntry> CheckFPAdvSIMDEnabled(const CpuState& s) {
    const EL el = s.pstate.el;
    for (EL level : {EL::EL1, EL::EL2, EL::EL3})
        if (ControlDisables(s, level, EnableKind::FP, el)) return AdvSIMDFPAccessTrap(s, level);
    return std::nullopt;
}

// R7 (ARM-M D24.2.226-228 accessor pseudocode): only ZEN/TZ/EZ gate ZCR accesses.
std::optional<EL> FirstLevelDisablingSVE(const CpuState& s) {
    for (EL level : {EL::EL1, EL::EL2, EL::EL3})
        if (ControlDisables(s, level, EnableKind::SVE, s.pstate.el)) return level;
    return std::nullopt;
}

} // namespace svesim
