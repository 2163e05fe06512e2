// The whole architectural state of one PE below the instruction set: control state, the SVE
// register file and the event stream they report to.
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/arch/observer.h"
#include "svesim/sve/sve_unit.h"

#include <memory>

namespace svesim {

struct ArchConfig {
    Features features;
    SveConfig sve;
    ZeroUpperPolicy policy;
    ResetValues reset_values;
    std::uint64_t rvbar = 0;
};

class ArchState {
public:
    explicit ArchState(const ArchConfig& cfg);
    ArchState(const ArchState&) = delete;
    ArchState& operator=(const ArchState&) = delete;

    // AArch64.TakeReset (cold): PSTATE at the highest EL with SP_ELx, DAIF masked, IL and SS
    // clear; system registers to their reset values; PC = RVBAR. R22
    void reset();

    [[nodiscard]] const ArchConfig& config() const { return cfg_; }
    [[nodiscard]] VectorLength currentVL() const { return CurrentVL(cpu, cfg_.sve); }

    // Byte provenance (docs/provenance.md), off by default: switched on by whoever needs it
    // (the checker), before the run. `classify` names the context executing in a state.
    Provenance& enableProvenance(Provenance::Classifier classify);
    [[nodiscard]] Provenance* provenance() const { return prov_.get(); }

    CpuState cpu;
    EventBus bus;
    SveUnit sve;

private:
    ArchConfig cfg_;
    std::unique_ptr<Provenance> prov_;
};

} // namespace svesim
