#include "svesim/tlm/stop_signals.h"

#include <csignal>

namespace svesim::tlm {
namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void onStopSignal(int sig) {
    g_signal = sig;
    std::signal(sig, SIG_DFL); // the second Ctrl-C ends the process at once
}

} // namespace

void installStopSignals() {
    g_signal = 0;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

int stopSignal() {
    return g_signal;
}

} // namespace svesim::tlm
