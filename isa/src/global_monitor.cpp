#include "svesim/isa/global_monitor.h"

namespace svesim::isa {

unsigned GlobalMonitor::attach(std::function<void()> on_event) {
    pes_.push_back(Pe{false, 0, std::move(on_event)});
    return static_cast<unsigned>(pes_.size() - 1);
}

void GlobalMonitor::MarkExclusiveGlobal(unsigned pe, std::uint64_t address) {
    Pe& p = pes_.at(pe);
    if (!p.open) ++marked_;
    p.open = true;
    p.granule = address / kGranule;
}

bool GlobalMonitor::IsExclusiveGlobal(unsigned pe, std::uint64_t address) const {
    const Pe& p = pes_.at(pe);
    return p.open && p.granule == address / kGranule;
}

void GlobalMonitor::ClearExclusiveGlobal(unsigned pe) {
    Pe& p = pes_.at(pe);
    if (p.open) --marked_;
    p.open = false;
}

void GlobalMonitor::ClearExclusiveByAddress(unsigned pe, std::uint64_t address,
                                            std::uint64_t size) {
    const std::uint64_t first = address / kGranule, last = (address + size - 1) / kGranule;
    for (unsigned i = 0; i < pes_.size(); ++i) {
        Pe& p = pes_[i];
        if (i == pe || !p.open || p.granule < first || p.granule > last) continue;
        p.open = false;
        --marked_;
        // Clearing a PE's global monitor is a WFE wake-up event for it (ARM-M D1.6.1).
        if (p.on_event) p.on_event();
    }
}

void GlobalMonitor::SendEvent(unsigned pe) {
    for (unsigned i = 0; i < pes_.size(); ++i)
        if (i != pe && pes_[i].on_event) pes_[i].on_event();
}

} // namespace svesim::isa
