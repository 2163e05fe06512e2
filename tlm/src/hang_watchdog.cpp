#include "svesim/tlm/hang_watchdog.h"

namespace svesim::tlm {

HangWatchdog::HangWatchdog(sc_core::sc_module_name name, sc_core::sc_time period,
                           std::function<std::uint64_t()> progress)
    : sc_module(name)
    , period_(period)
    , progress_(std::move(progress)) {
    SC_THREAD(watch);
}

void HangWatchdog::watch() {
    std::uint64_t last = progress_();
    for (;;) {
        wait(period_);
        const std::uint64_t now = progress_();
        if (now == last) {
            fired_ = true;
            sc_core::sc_stop();
            return;
        }
        last = now;
    }
}

} // namespace svesim::tlm
