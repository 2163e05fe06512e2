#include "svesim/model/gdb_server.h"

#include <charconv>
#include <fmt/core.h>
#include <optional>
#include <vector>

namespace svesim::model {
namespace {

// The packet size offered in qSupported (hex digits of payload), and the largest m/M request it
// allows: gdb sizes its requests from it.
constexpr std::uint64_t kPacketSize = 0x20000;
constexpr std::uint64_t kMaxMemoryPacket = kPacketSize / 2 - 0x100;

std::string toHex(std::span<const std::uint8_t> bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes.size());
    for (const std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 15]);
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::vector<std::uint8_t> out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto [p, ec] =
            std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, out[i], 16);
        if (ec != std::errc() || p != hex.data() + 2 * i + 2) return std::nullopt;
    }
    return out;
}

std::optional<std::uint64_t> number(std::string_view text) {
    std::uint64_t v = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v, 16);
    if (ec != std::errc() || p != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

// "ADDR,LEN" (followed by ':' or the end).
std::optional<std::pair<std::uint64_t, std::uint64_t>> addressAndLength(std::string_view args) {
    const auto comma = args.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    const auto addr = number(args.substr(0, comma));
    const auto len = number(args.substr(comma + 1, args.find(':') - comma - 1));
    if (!addr || !len) return std::nullopt;
    return std::pair{*addr, *len};
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

GdbServer::GdbServer(Processor& p, DebugMemory& memory, std::uint16_t port, std::FILE* log)
    : p_(&p)
    , mem_(&memory)
    , regs_(p)
    , conn_(port)
    , log_(log) {}

void GdbServer::waitForDebugger() {
    if (log_ != nullptr) {
        fmt::print(log_, "svesim: waiting for gdb on port {}\n", conn_.port());
        std::fflush(log_);
    }
    conn_.accept();
    if (conn_.connected()) p_->setBreakpoints(&breakpoints_);
}

void GdbServer::detach(const char* why) {
    breakpoints_.clear();
    p_->setBreakpoints(nullptr);
    conn_.disconnect();
    if (why != nullptr && log_ != nullptr) fmt::print(log_, "svesim: {}\n", why);
}

GdbResume GdbServer::lost() {
    detach("the debugger disconnected; the run goes on without it");
    return GdbResume::Detach;
}

GdbResume GdbServer::stopped(int signal, bool announce) {
    if (!conn_.connected()) { // it went away while the PE ran
        return lost();
    }
    signal_ = signal;
    if (announce && !conn_.send(fmt::format("S{:02x}", signal))) {
        return lost();
    }
    resume_.reset();
    while (!resume_) {
        const auto packet = conn_.receive();
        if (!packet) {
            return lost();
        }
        if (*packet == "\x03") continue; // already stopped
        std::string reply;
        try {
            reply = handle(*packet);
        } catch (const std::exception&) {
            reply = "E01"; // a packet the parsers did not foresee: refused, never fatal
        }
        if (resume_ == GdbResume::Continue || resume_ == GdbResume::Step) break;
        if (resume_ == GdbResume::Kill && *packet == "k") break; // 'k' has no reply
        if (!conn_.send(reply)) {
            return lost();
        }
        if (reply == "OK" && *packet == "QStartNoAckMode") conn_.stopAcknowledging();
    }
    if (*resume_ == GdbResume::Detach) detach("the debugger detached; the run goes on");
    if (*resume_ == GdbResume::Kill) detach(nullptr);
    // Resuming at a breakpoint executes the instruction there first.
    if (*resume_ == GdbResume::Continue || *resume_ == GdbResume::Step) p_->skipBreakpointOnce();
    return *resume_;
}

void GdbServer::exited(int status) {
    if (!conn_.connected()) return;
    conn_.send(fmt::format("W{:02x}", static_cast<unsigned>(status) & 0xFF));
    detach(nullptr);
}

void GdbServer::terminated(int signal) {
    if (!conn_.connected()) return;
    conn_.send(fmt::format("X{:02x}", static_cast<unsigned>(signal) & 0xFF));
    detach(nullptr);
}

std::string GdbServer::handle(std::string_view pk) {
    if (pk.empty()) return "";
    const std::string_view args = pk.substr(1);
    switch (pk.front()) {
    case '?': return fmt::format("S{:02x}", signal_);
    case 'g': {
        std::string out;
        for (unsigned n = 0; n < GdbRegisters::kCount; ++n)
            out += toHex(regs_.read(n));
        return out;
    }
    case 'G': {
        const auto bytes = fromHex(args);
        std::size_t total = 0;
        for (unsigned n = 0; n < GdbRegisters::kCount; ++n)
            total += regs_.size(n);
        if (!bytes || bytes->size() != total) return "E01"; // nothing written
        std::size_t at = 0;
        for (unsigned n = 0; n < GdbRegisters::kCount; ++n) {
            const unsigned size = regs_.size(n);
            regs_.write(n, std::span(*bytes).subspan(at, size)); // read-only parts are kept
            at += size;
        }
        return "OK";
    }
    case 'p': {
        const auto n = number(args);
        if (!n || *n >= GdbRegisters::kCount) return "E01";
        return toHex(regs_.read(static_cast<unsigned>(*n)));
    }
    case 'P': {
        const auto eq = args.find('=');
        const auto n = number(args.substr(0, eq));
        if (eq == std::string_view::npos || !n || *n >= GdbRegisters::kCount) return "E01";
        const auto bytes = fromHex(args.substr(eq + 1));
        return bytes && regs_.write(static_cast<unsigned>(*n), *bytes) ? "OK" : "E01";
    }
    case 'm': return readMemory(args);
    case 'M': return writeMemory(args);
    case 'Z': return breakpoint(pk, true);
    case 'z': return breakpoint(pk, false);
    case 'c':
    case 'C':
    case 's':
    case 'S': {
        // c[ADDR], s[ADDR], C SIG[;ADDR], S SIG[;ADDR]: the signal is not delivered.
        std::string_view addr = args;
        if (pk.front() == 'C' || pk.front() == 'S') {
            const auto semi = args.find(';');
            addr = semi == std::string_view::npos ? std::string_view{} : args.substr(semi + 1);
        }
        if (!addr.empty()) {
            const auto a = number(addr);
            if (!a) return "E01";
            p_->arch().cpu.pc = *a;
        }
        resume_ = (pk.front() == 'c' || pk.front() == 'C') ? GdbResume::Continue : GdbResume::Step;
        return "";
    }
    case 'D': resume_ = GdbResume::Detach; return "OK";
    case 'k': resume_ = GdbResume::Kill; return "OK";
    case 'H': return "OK"; // one thread
    case 'T': return "OK"; // thread 1 is alive
    default: break;
    }
    if (startsWith(pk, "qSupported"))
        return fmt::format("PacketSize={:x};qXfer:features:read+;QStartNoAckMode+", kPacketSize);
    if (pk == "QStartNoAckMode") return "OK";
    if (startsWith(pk, "qXfer:features:read:")) return features(pk.substr(20));
    if (pk == "qAttached" || startsWith(pk, "qAttached:")) return "1"; // detach on quit
    if (pk == "qC") return "QC1";
    if (pk == "qfThreadInfo") return "m1";
    if (pk == "qsThreadInfo") return "l";
    if (startsWith(pk, "qSymbol")) return "OK";
    if (startsWith(pk, "vKill")) {
        resume_ = GdbResume::Kill;
        return "OK";
    }
    return ""; // not supported (vMustReplyEmpty, vCont?, X, qTStatus, ...)
}

std::string GdbServer::readMemory(std::string_view args) {
    const auto al = addressAndLength(args);
    if (!al || al->second > kMaxMemoryPacket) return "E01";
    std::vector<std::uint8_t> data(al->second);
    if (!data.empty() &&
        !mem_->debugRead(al->first, data.data(), static_cast<unsigned>(data.size())))
        return "E01";
    return toHex(data);
}

std::string GdbServer::writeMemory(std::string_view args) {
    const auto al = addressAndLength(args);
    const auto colon = args.find(':');
    if (!al || colon == std::string_view::npos || al->second > kMaxMemoryPacket) return "E01";
    const auto data = fromHex(args.substr(colon + 1));
    if (!data || data->size() != al->second) return "E01";
    if (!data->empty() &&
        !mem_->debugWrite(al->first, data->data(), static_cast<unsigned>(data->size())))
        return "E01";
    return "OK";
}

std::string GdbServer::breakpoint(std::string_view pk, bool insert) {
    // Z0/Z1 (software/hardware execution breakpoint),ADDR,KIND: both kept as a PC set.
    if (pk.size() < 2 || (pk[1] != '0' && pk[1] != '1')) return ""; // watchpoints: unsupported
    if (pk.size() < 4 || pk[2] != ',') return "E01";
    const auto al = addressAndLength(pk.substr(3));
    if (!al) return "E01";
    if (insert)
        breakpoints_.insert(al->first);
    else
        breakpoints_.erase(al->first);
    return "OK";
}

std::string GdbServer::features(std::string_view args) {
    // target.xml:OFFSET,LENGTH
    const auto colon = args.find(':');
    if (colon == std::string_view::npos || args.substr(0, colon) != "target.xml") return "E00";
    const auto al = addressAndLength(args.substr(colon + 1));
    if (!al) return "E01";
    const std::string xml = regs_.targetXml();
    if (al->first >= xml.size()) return "l";
    const std::string part = xml.substr(al->first, al->second);
    std::string reply(1, al->first + part.size() < xml.size() ? 'm' : 'l');
    reply += GdbConnection::escapeBinary(part);
    return reply;
}

} // namespace svesim::model
