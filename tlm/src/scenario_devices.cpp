#include "svesim/tlm/scenario_devices.h"

#include <cstring>

namespace svesim::tlm {
namespace {

// A 32- or 64-bit store of a little-endian value; anything else is an address error.
bool storeValue(::tlm::tlm_generic_payload& trans, std::uint64_t size, std::uint64_t& value) {
    const std::uint64_t addr = trans.get_address();
    const unsigned len = trans.get_data_length();
    if (addr >= size || (len != 4 && len != 8) || addr + len > size) {
        trans.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return false;
    }
    trans.set_response_status(::tlm::TLM_OK_RESPONSE);
    if (trans.is_read()) {
        std::memset(trans.get_data_ptr(), 0, len);
        return false;
    }
    value = 0;
    std::memcpy(&value, trans.get_data_ptr(), len);
    return true;
}

} // namespace

ScenarioMonitor::ScenarioMonitor(sc_core::sc_module_name name)
    : sc_module(name)
    , socket("socket") {
    socket.register_b_transport(this, &ScenarioMonitor::b_transport);
}

void ScenarioMonitor::b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time&) {
    std::uint64_t v = 0;
    if (!storeValue(trans, kSize, v) || listener_ == nullptr) return;
    switch (trans.get_address()) {
    case kPhaseBegin: listener_->phaseBegin(static_cast<unsigned>(v)); break;
    case kPhaseEnd: listener_->phaseEnd(static_cast<unsigned>(v)); break;
    case kEventArg: arg_ = v; break;
    case kEvent: listener_->softwareEvent(static_cast<SoftwareEvent>(v & 0xFF), arg_); break;
    case kGuestMaxVq:
        listener_->guestMaxVq(static_cast<unsigned>(v >> 8), static_cast<unsigned>(v & 0xFF));
        break;
    default: break;
    }
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
    std::uint64_t v = 0;
    if (!storeValue(trans, kSize, v)) return;
    if (trans.get_address() == kFireAfter) {
        fire_.cancel();
        fire_.notify(delay + cycle_ * static_cast<double>(v));
    } else if (trans.get_address() == kAck) {
        fire_.cancel();
        ack_.notify(delay);
    }
}

void Timer::drive() {
    irq.write(fire_.triggered());
}

} // namespace svesim::tlm
