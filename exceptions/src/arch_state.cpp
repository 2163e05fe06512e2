#include "svesim/exceptions/arch_state.h"

namespace svesim {

ArchState::ArchState(const ArchConfig& cfg)
    : sve(cfg.sve, cfg.policy, bus)
    , cfg_(cfg) {
    cpu.features = cfg.features;
    reset();
}

// From the PE's own features: the configured ones plus what the platform attached (a GIC).
void ArchState::reset() {
    cpu.sysregs.reset(cpu.features, cfg_.reset_values, cfg_.rvbar);
    cpu.pstate = PState{};
    cpu.pstate.el = cpu.features.highestEL();
    cpu.pstate.sp = true;
    cpu.pstate.d = cpu.pstate.a = cpu.pstate.i = cpu.pstate.f = true;
    cpu.pc = cfg_.rvbar;
    sve.reset();
}

Provenance& ArchState::enableProvenance(Provenance::Classifier classify) {
    prov_ = std::make_unique<Provenance>(std::move(classify), cpu);
    sve.attachProvenance(prov_.get());
    prov_->contextChanged(cpu);
    return *prov_;
}

} // namespace svesim
