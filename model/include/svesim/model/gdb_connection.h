// The transport of the GDB remote serial protocol: a TCP listener on one port, one debugger
// connection, packet framing ($payload#checksum, acknowledgements, binary escapes) and the
// out-of-band interrupt byte (0x03). Knows nothing of what the packets mean.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace svesim::model {

class GdbConnection {
public:
    // Listens on `port` (0: any free port) on the loopback interface; throws ConfigError naming
    // the port if it cannot (in use, no permission).
    explicit GdbConnection(std::uint16_t port);
    ~GdbConnection();
    GdbConnection(const GdbConnection&) = delete;
    GdbConnection& operator=(const GdbConnection&) = delete;

    [[nodiscard]] std::uint16_t port() const { return port_; }
    // Blocks until a debugger connects (a client that closes before sending anything, such as
    // a port probe, is dropped and the wait goes on).
    void accept();
    [[nodiscard]] bool connected() const { return fd_ >= 0; }
    void disconnect();

    // The next packet's payload, acknowledged; "\x03" for an interrupt request; nothing when
    // the debugger has gone (the connection is then closed).
    std::optional<std::string> receive();
    // Sends one packet and, unless acknowledgements are off, waits for '+' (resending on '-').
    // Returns false when the debugger has gone.
    bool send(std::string_view payload);
    // Without blocking: whether the debugger sent the interrupt byte (or went away).
    bool interruptRequested();
    // Blocks until the debugger sends something (or goes away).
    void waitReadable();
    // QStartNoAckMode: no more '+'/'-' in either direction.
    void stopAcknowledging() { ack_ = false; }

    // Escapes '#', '$', '}' and '*' for a binary reply (qXfer, X).
    static std::string escapeBinary(std::string_view data);

private:
    // Reads more bytes into buffer_; false on end of stream or error.
    bool fill(bool block);
    int listen_fd_ = -1;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    bool ack_ = true;
    std::string buffer_;
    bool interrupt_seen_ = false;
};

} // namespace svesim::model
