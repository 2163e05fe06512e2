#include "svesim/model/gic_sysregs.h"

#include "svesim/arch/el_predicates.h"

namespace svesim::model {

GicSysRegs::GicSysRegs(const CpuState& pe, gic::CpuInterface& cpu_interface)
    : pe_(&pe)
    , cpu_(&cpu_interface) {
    contextChanged();
}

bool GicSysRegs::provides(SysReg r) const {
    return gic::gicSysRegFor(r).has_value();
}

gic::GicAccessContext GicSysRegs::context(EL el) const {
    return gic::GicAccessContext{.el = el,
                                 .have_el2 = HaveEL(*pe_, EL::EL2),
                                 .have_el3 = HaveEL(*pe_, EL::EL3),
                                 .scr_el3 = pe_->sysregs.raw(SysReg::SCR_EL3),
                                 .hcr_el2 = pe_->sysregs.raw(SysReg::HCR_EL2)};
}

SysRegDeviceCheck GicSysRegs::checkAccess(SysReg r, SysRegDirection dir) const {
    const gic::GicAccessResult c = cpu_->checkAccess(*gic::gicSysRegFor(r), context(pe_->pstate.el),
                                                     dir == SysRegDirection::Write);
    switch (c.kind) {
    case gic::GicAccessResult::Kind::Ok: return SysRegDeviceCheck::allowed();
    case gic::GicAccessResult::Kind::Undefined: return SysRegDeviceCheck::undefined();
    case gic::GicAccessResult::Kind::Trap: return SysRegDeviceCheck::trap(c.target);
    }
    return SysRegDeviceCheck::undefined();
}

// checkAccess allowed the access in this same state, so the interface's own check passes again.
std::uint64_t GicSysRegs::readSysReg(SysReg r, EL el) {
    return cpu_->read(*gic::gicSysRegFor(r), context(el)).value;
}

void GicSysRegs::writeSysReg(SysReg r, std::uint64_t value, EL el) {
    (void)cpu_->write(*gic::gicSysRegFor(r), context(el), value);
}

void GicSysRegs::contextChanged() {
    cpu_->setPeState(pe_->pstate.el, IsSecure(*pe_));
}

} // namespace svesim::model
