#include "svesim/tlm/scenario_devices.h"

namespace svesim::tlm {
namespace {

bool access(::tlm::tlm_generic_payload& trans, auto&& protocol) {
    const bool ok = protocol(trans.get_address(), trans.is_write(), trans.get_data_ptr(),
                             trans.get_data_length());
    trans.set_response_status(ok ? ::tlm::TLM_OK_RESPONSE : ::tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return ok;
}

} // namespace

ScenarioMonitor::ScenarioMonitor(sc_core::sc_module_name name)
    : sc_module(name)
    , socket("socket") {
    socket.register_b_transport(this, &ScenarioMonitor::b_transport);
}

void ScenarioMonitor::b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time&) {
    access(trans, [this](auto... a) { return protocol_.access(a...); });
}

Timer::Timer(sc_core::sc_module_name name, sc_core::sc_time cycle)
    : sc_module(name)
    , socket("socket")
    , irq("irq")
    , cycle_(cycle) {
    socket.register_b_transport(this, &Timer::b_transport);
    SC_METHOD(drive);
    sensitive << fire_ << ack_;
    dont_initialize();
}

void Timer::b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    std::optional<scenarios::TimerCommand> cmd;
    access(trans, [&](auto... a) { return scenarios::TimerProtocol::access(a..., cmd); });
    if (!cmd) return;
    fire_.cancel();
    if (cmd->kind == scenarios::TimerCommand::Kind::FireAfter)
        fire_.notify(delay + cycle_ * static_cast<double>(cmd->cycles));
    else
        ack_.notify(delay);
}

void Timer::drive() {
    irq.write(fire_.triggered());
}

} // namespace svesim::tlm
