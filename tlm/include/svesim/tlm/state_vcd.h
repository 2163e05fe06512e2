// A VCD (sc_trace) of a PE's Exception level, vector length and world over simulated time, for
// GTKWave. It listens to the PE's event stream; each change is recorded at the simulated time
// of the instruction or exception that made it (the Cpu's local time under temporal
// decoupling), through an sc_event_queue, so tracing does not make the Cpu synchronise.
#pragma once

#include "svesim/arch/observer.h"
#include "svesim/tlm/cpu.h"

#include <deque>
#include <functional>
#include <string>
#include <systemc>

namespace svesim::tlm {

// What the `world` and `vmid` signals show: 0 outside any world (firmware, kernel,
// hypervisor), 1 a host task, 2 a guest (with its VMID).
struct WorldCode {
    unsigned kind = 0;
    unsigned vmid = 0;
};
using WorldClassifier = std::function<WorldCode(const CpuState&)>;

class StateVcd : public sc_core::sc_module, private Observer {
public:
    // Writes `path` (".vcd" is appended by SystemC if missing); throws ConfigError if it
    // cannot be created.
    StateVcd(sc_core::sc_module_name name, Cpu& cpu, const std::string& path,
             WorldClassifier world = {});
    ~StateVcd() override;
    SC_HAS_PROCESS(StateVcd);

private:
    struct Sample {
        unsigned el, vl, world, vmid;
    };
    void start_of_simulation() override;
    void onExceptionEntered(const ExceptionEnteredEvent& e) override;
    void onExceptionReturn(const ExceptionReturnEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange& e) override;
    // Records the state as it will be after the current step, at the Cpu's local time.
    void record(EL el, unsigned vl_bits);
    void apply();

    Cpu* cpu_;
    WorldClassifier world_;
    sc_core::sc_trace_file* file_ = nullptr;
    sc_core::sc_signal<unsigned> el_{"el"}, vl_{"vl"}, world_sig_{"world"}, vmid_{"vmid"};
    sc_core::sc_event_queue changes_{"changes"};
    std::deque<Sample> pending_;
    Sample last_{};
};

} // namespace svesim::tlm
