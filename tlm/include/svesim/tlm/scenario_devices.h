// The scenario monitor (phases and software events reported by a program) and the timer (an
// IRQ after N cycles) as TLM targets: thin SystemC wrappers around the register protocol of
// svesim/scenarios/devices.h, which the plain C++ bench (scenarios::Bench) uses too
// (docs/scenario-devices.md).
#pragma once

#include "svesim/scenarios/devices.h"

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace svesim::tlm {

using scenarios::MonitorListener;
using scenarios::SoftwareEvent;

class ScenarioMonitor : public sc_core::sc_module {
public:
    static constexpr std::uint64_t kSize = scenarios::MonitorProtocol::kSize;
    tlm_utils::simple_target_socket<ScenarioMonitor> socket;

    explicit ScenarioMonitor(sc_core::sc_module_name name);
    void setListener(MonitorListener* l) { protocol_.setListener(l); }
    [[nodiscard]] scenarios::MonitorProtocol& protocol() { return protocol_; }

private:
    void b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    scenarios::MonitorProtocol protocol_;
};

class Timer : public sc_core::sc_module {
public:
    static constexpr std::uint64_t kSize = scenarios::TimerProtocol::kSize;
    tlm_utils::simple_target_socket<Timer> socket;
    sc_core::sc_out<bool> irq;

    Timer(sc_core::sc_module_name name, sc_core::sc_time cycle);
    SC_HAS_PROCESS(Timer);

private:
    void b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void drive();
    sc_core::sc_time cycle_;
    sc_core::sc_event fire_, ack_;
};

} // namespace svesim::tlm
