#include "svesim/model/timer_sysregs.h"

#include "svesim/arch/el_predicates.h"

namespace svesim::model {

TimerSysRegs::TimerSysRegs(const CpuState& pe, GenericTimer::CountSource physical_count)
    : pe_(&pe)
    , timer_(std::move(physical_count)) {
    for (const SysRegInfo& info : sysRegTable())
        if (info.backing == SysRegBacking::Device)
            map_[static_cast<std::size_t>(info.id)] = timerRegByName(info.name);
}

bool TimerSysRegs::provides(SysReg r) const {
    return map_[static_cast<std::size_t>(r)].has_value();
}

TimerAccessContext TimerSysRegs::context(EL el) const {
    return TimerAccessContext{.el = el,
                              .have_el2 = HaveEL(*pe_, EL::EL2),
                              .have_el3 = HaveEL(*pe_, EL::EL3),
                              .secure = IsSecureBelowEL3(*pe_),
                              .hcr_el2 = pe_->sysregs.raw(SysReg::HCR_EL2)};
}

std::uint64_t TimerSysRegs::readSysReg(SysReg r, EL el) {
    return timer_.readReached(*map_[static_cast<std::size_t>(r)], context(el));
}

void TimerSysRegs::writeSysReg(SysReg r, std::uint64_t value, EL el) {
    (void)el;
    timer_.writeReached(*map_[static_cast<std::size_t>(r)], value);
}

} // namespace svesim::model
