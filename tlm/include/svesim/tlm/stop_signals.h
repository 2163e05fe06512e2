// SIGINT and SIGTERM as a clean stop: after installStopSignals() the first such signal only
// records itself; a run that passes stopSignal() == 0 as its Cpu host check (Cpu::setHostCheck)
// then ends at its next check, so statistics, VCD, JSON and trace files are complete. A second
// signal ends the process at once (the default action is restored after the first).
#pragma once

namespace svesim::tlm {

void installStopSignals();
// The signal that asked the run to stop (SIGINT, SIGTERM), or 0.
[[nodiscard]] int stopSignal();

} // namespace svesim::tlm
