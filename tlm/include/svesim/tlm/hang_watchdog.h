// A hang is a run in which no instruction retires for a whole period of simulated time while
// something (a timer, the UART's input poll) keeps SystemC busy, so the simulation never runs
// dry. HangWatchdog samples a progress counter (the instructions of every PE) once per period
// and stops the simulation when it did not move (`svesim boot --hang-after`, exit 125). A
// kernel's own lockup detector retires instructions every few seconds on an idle PE, so a
// period of tens of simulated seconds does not mistake an idle kernel for a hung one.
#pragma once

#include <cstdint>
#include <functional>
#include <systemc>

namespace svesim::tlm {

class HangWatchdog : public sc_core::sc_module {
public:
    HangWatchdog(sc_core::sc_module_name name, sc_core::sc_time period,
                 std::function<std::uint64_t()> progress);
    SC_HAS_PROCESS(HangWatchdog);
    // True when it stopped the run.
    [[nodiscard]] bool fired() const { return fired_; }
    [[nodiscard]] sc_core::sc_time period() const { return period_; }

private:
    void watch();
    sc_core::sc_time period_;
    std::function<std::uint64_t()> progress_;
    bool fired_ = false;
};

} // namespace svesim::tlm
