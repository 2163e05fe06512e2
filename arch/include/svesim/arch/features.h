// What this PE implements: Exception levels and identification values. SVE is always present;
// its vector-length configuration lives in svesim/sve/vector_length.h.
#pragma once

#include "svesim/arch/types.h"

#include <cstdint>
#include <string>

namespace svesim {

struct Features {
    bool has_el2 = true;
    bool has_el3 = true;
    // Without EL3 the PE is in Non-secure state (FEAT_SEL2 is not implemented).
    std::uint64_t midr = 0x000F5E50;  // Implementer 0x00 (software use), part 0x5E5
    std::uint64_t mpidr = 0x80000000; // RES1 bit 31, Aff0..Aff2 = 0
    // The platform attached a GICv3 CPU interface (the ICC_*/ICH_* system registers):
    // ID_AA64PFR0_EL1.GIC = 1. Set by Processor::attachGicCpuInterface, not by configuration.
    bool gic_system_registers = false;

    // HaveEL: ARM-M J1 `HaveEL`. EL0 and EL1 are always implemented.
    [[nodiscard]] bool haveEL(EL el) const {
        return el == EL::EL2 ? has_el2 : el == EL::EL3 ? has_el3 : true;
    }
    [[nodiscard]] EL highestEL() const { return has_el3 ? EL::EL3 : has_el2 ? EL::EL2 : EL::EL1; }
};

// Parses "true/false/1/0/yes/no/on/off"; throws ConfigError naming `what` otherwise.
bool parseBool(const std::string& text, const std::string& what);

} // namespace svesim
