// The scenario devices' register protocol (docs/scenario-devices.md), written once and used by
// both platforms: the plain C++ bench (scenarios::Bench) and the SystemC wrappers
// (tlm::ScenarioMonitor, tlm::Timer). The monitor reports phases and software events to a
// listener; the timer decodes its two registers into a command for whoever keeps time.
#pragma once

#include <cstdint>
#include <optional>

namespace svesim::scenarios {

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

// One access of `len` bytes at `offset` into a register block of `size` bytes. Both devices
// take 32- and 64-bit accesses inside the block (anything else is an address error, nullopt);
// reads return zero (the data is cleared). A write gives its little-endian value.
struct RegisterWrite {
    std::uint64_t offset;
    std::uint64_t value;
};
struct RegisterAccess {
    bool ok = false;
    std::optional<RegisterWrite> write;
};
RegisterAccess decodeRegisterAccess(std::uint64_t size, std::uint64_t offset, bool is_write,
                                    std::uint8_t* data, unsigned len);

// The scenario monitor at 0x0A00_0000.
class MonitorProtocol {
public:
    static constexpr std::uint64_t kSize = 0x1000;
    static constexpr std::uint64_t kPhaseBegin = 0x00, kPhaseEnd = 0x08, kEventArg = 0x10,
                                   kEvent = 0x18, kGuestMaxVq = 0x20;
    void setListener(MonitorListener* l) { listener_ = l; }
    // One access; false for an address error.
    bool access(std::uint64_t offset, bool is_write, std::uint8_t* data, unsigned len);

private:
    MonitorListener* listener_ = nullptr;
    std::uint64_t arg_ = 0;
};

// The timer at 0x0A00_1000: FIRE_AFTER N raises the IRQ N CPU cycles after the write (a
// pending one is replaced), ACK lowers it (and cancels a pending one).
struct TimerCommand {
    enum class Kind : std::uint8_t { FireAfter, Ack } kind;
    std::uint64_t cycles = 0; // FireAfter: how many cycles from the write
};
class TimerProtocol {
public:
    static constexpr std::uint64_t kSize = 0x1000;
    static constexpr std::uint64_t kFireAfter = 0x00, kAck = 0x08;
    // One access; false for an address error. `command` is set when the write asks for one.
    static bool access(std::uint64_t offset, bool is_write, std::uint8_t* data, unsigned len,
                       std::optional<TimerCommand>& command);
};

} // namespace svesim::scenarios
