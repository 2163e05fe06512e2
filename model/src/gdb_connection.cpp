#include "svesim/model/gdb_connection.h"

#include "svesim/arch/config_error.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fmt/core.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace svesim::model {
namespace {

constexpr std::size_t kMaxBuffered = 1 << 20;

unsigned checksum(std::string_view s) {
    unsigned sum = 0;
    for (const char c : s)
        sum += static_cast<unsigned char>(c);
    return sum & 0xFF;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

GdbConnection::GdbConnection(std::uint16_t port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0)
        throw ConfigError(
            fmt::format("gdb_port {}: cannot create a socket: {}", port, std::strerror(errno)));
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // this host only: the stub has no login
    addr.sin_port = htons(port);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 1) != 0) {
        const int err = errno;
        ::close(listen_fd_);
        listen_fd_ = -1;
        throw ConfigError(
            fmt::format("gdb_port {}: cannot listen: {}", port,
                        err == EADDRINUSE ? "the port is in use" : std::strerror(err)));
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
}

GdbConnection::~GdbConnection() {
    disconnect();
    if (listen_fd_ >= 0) ::close(listen_fd_);
}

void GdbConnection::accept() {
    disconnect();
    while (true) {
        do {
            fd_ = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        } while (fd_ < 0 && errno == EINTR);
        if (fd_ < 0) return;
        // A client that closes before saying anything (a port probe) is not the debugger.
        char first = 0;
        ssize_t n = 0;
        do {
            n = ::recv(fd_, &first, 1, MSG_PEEK);
        } while (n < 0 && errno == EINTR);
        if (n > 0) break;
        ::close(fd_);
        fd_ = -1;
    }
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ack_ = true;
    buffer_.clear();
    interrupt_seen_ = false;
}

void GdbConnection::disconnect() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

bool GdbConnection::fill(bool block) {
    if (fd_ < 0) return false;
    if (!block) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 0) <= 0) return true; // nothing yet, still connected
    }
    char chunk[4096];
    ssize_t n = 0;
    do {
        n = ::recv(fd_, chunk, sizeof chunk, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        disconnect();
        return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
}

std::optional<std::string> GdbConnection::receive() {
    if (interrupt_seen_) {
        interrupt_seen_ = false;
        return std::string("\x03");
    }
    while (true) {
        // Drop acknowledgements and noise before a packet; an interrupt byte is a request.
        while (!buffer_.empty() && buffer_.front() != '$') {
            const char c = buffer_.front();
            buffer_.erase(0, 1);
            if (c == '\x03') return std::string("\x03");
        }
        const auto hash = buffer_.find('#');
        if (!buffer_.empty() && hash != std::string::npos && buffer_.size() >= hash + 3) {
            const std::string payload = buffer_.substr(1, hash - 1);
            const int hi = hexDigit(buffer_[hash + 1]), lo = hexDigit(buffer_[hash + 2]);
            buffer_.erase(0, hash + 3);
            const bool good =
                hi >= 0 && lo >= 0 && static_cast<unsigned>(hi * 16 + lo) == checksum(payload);
            if (ack_) {
                const char reply = good ? '+' : '-';
                if (::send(fd_, &reply, 1, MSG_NOSIGNAL) != 1) {
                    disconnect();
                    return std::nullopt;
                }
            }
            if (good || !ack_) return payload;
            continue; // the debugger resends
        }
        // A debugger does not send megabytes without a packet end: drop the noise.
        if (buffer_.size() > kMaxBuffered) buffer_.clear();
        if (!fill(true)) return std::nullopt;
    }
}

bool GdbConnection::send(std::string_view payload) {
    if (fd_ < 0) return false;
    const std::string packet = fmt::format("${}#{:02x}", payload, checksum(payload));
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::size_t sent = 0;
        while (sent < packet.size()) {
            const ssize_t n = ::send(fd_, packet.data() + sent, packet.size() - sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                disconnect();
                return false;
            }
            sent += static_cast<std::size_t>(n);
        }
        if (!ack_) return true;
        while (true) {
            while (buffer_.empty())
                if (!fill(true)) return false;
            const char c = buffer_.front();
            buffer_.erase(0, 1);
            if (c == '+') return true;
            if (c == '-') break; // resend
            if (c == '\x03') interrupt_seen_ = true;
            if (c == '$') { // a packet instead of an acknowledgement: keep it
                buffer_.insert(0, 1, '$');
                return true;
            }
        }
    }
    return false;
}

void GdbConnection::waitReadable() {
    if (fd_ < 0) return;
    pollfd p{fd_, POLLIN, 0};
    while (::poll(&p, 1, -1) < 0 && errno == EINTR) {
    }
}

bool GdbConnection::interruptRequested() {
    if (interrupt_seen_) return true;
    if (!fill(false)) return true; // gone: stop and let receive() report it
    const auto at = buffer_.find('\x03');
    if (at == std::string::npos) return false;
    buffer_.erase(at, 1);
    interrupt_seen_ = true;
    return true;
}

std::string GdbConnection::escapeBinary(std::string_view data) {
    std::string out;
    out.reserve(data.size());
    for (const char c : data) {
        if (c == '#' || c == '$' || c == '}' || c == '*') {
            out.push_back('}');
            out.push_back(static_cast<char>(c ^ 0x20));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace svesim::model
