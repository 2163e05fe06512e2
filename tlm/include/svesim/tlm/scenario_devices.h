// The scenario monitor (phases and software events reported by a program) and the timer (an
// IRQ after N cycles): docs/scenario-devices.md.
#pragma once

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace svesim::tlm {

// Software-level events a scenario program reports (EVENT register values).
enum class SoftwareEvent : std::uint8_t {
    Warn = 1,     // the host kernel's fpsimd_save VL check failed
    HypPanic = 2, // an unexpected exception at EL2
    GuestSelfCheckFail = 3,
    HostSelfCheckFail = 4,
    Note = 5,
};

// Who hears the monitor (the scenario checker).
class MonitorListener {
public:
    virtual ~MonitorListener() = default;
    virtual void phaseBegin(unsigned id) = 0;
    virtual void phaseEnd(unsigned id) = 0;
    virtual void softwareEvent(SoftwareEvent e, std::uint64_t arg) = 0;
    virtual void guestMaxVq(unsigned vmid, unsigned vq) = 0;
};

class ScenarioMonitor : public sc_core::sc_module {
public:
    static constexpr std::uint64_t kSize = 0x1000;
    static constexpr std::uint64_t kPhaseBegin = 0x00, kPhaseEnd = 0x08, kEventArg = 0x10,
                                   kEvent = 0x18, kGuestMaxVq = 0x20;
    tlm_utils::simple_target_socket<ScenarioMonitor> socket;

    explicit ScenarioMonitor(sc_core::sc_module_name name);
    void setListener(MonitorListener* l) { listener_ = l; }

private:
    void b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    MonitorListener* listener_ = nullptr;
    std::uint64_t arg_ = 0;
};

class Timer : public sc_core::sc_module {
public:
    static constexpr std::uint64_t kSize = 0x1000;
    static constexpr std::uint64_t kFireAfter = 0x00, kAck = 0x08;
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
