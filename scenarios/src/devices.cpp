#include "svesim/scenarios/devices.h"

#include <cstring>

namespace svesim::scenarios {

RegisterAccess decodeRegisterAccess(std::uint64_t size, std::uint64_t offset, bool is_write,
                                    std::uint8_t* data, unsigned len) {
    if (offset >= size || (len != 4 && len != 8) || offset + len > size) return {};
    if (!is_write) {
        std::memset(data, 0, len);
        return {true, std::nullopt};
    }
    std::uint64_t value = 0;
    std::memcpy(&value, data, len);
    return {true, RegisterWrite{offset, value}};
}

bool MonitorProtocol::access(std::uint64_t offset, bool is_write, std::uint8_t* data,
                             unsigned len) {
    const RegisterAccess a = decodeRegisterAccess(kSize, offset, is_write, data, len);
    if (!a.write || listener_ == nullptr) return a.ok;
    const std::uint64_t v = a.write->value;
    switch (a.write->offset) {
    case kPhaseBegin: listener_->phaseBegin(static_cast<unsigned>(v)); break;
    case kPhaseEnd: listener_->phaseEnd(static_cast<unsigned>(v)); break;
    case kEventArg: arg_ = v; break;
    case kEvent: listener_->softwareEvent(static_cast<SoftwareEvent>(v & 0xFF), arg_); break;
    case kGuestMaxVq:
        listener_->guestMaxVq(static_cast<unsigned>(v >> 8), static_cast<unsigned>(v & 0xFF));
        break;
    default: break;
    }
    return true;
}

bool TimerProtocol::access(std::uint64_t offset, bool is_write, std::uint8_t* data, unsigned len,
                           std::optional<TimerCommand>& command) {
    const RegisterAccess a = decodeRegisterAccess(kSize, offset, is_write, data, len);
    command.reset();
    if (a.write && a.write->offset == kFireAfter)
        command = TimerCommand{TimerCommand::Kind::FireAfter, a.write->value};
    else if (a.write && a.write->offset == kAck)
        command = TimerCommand{TimerCommand::Kind::Ack, 0};
    return a.ok;
}

} // namespace svesim::scenarios
