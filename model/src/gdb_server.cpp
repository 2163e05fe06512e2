#include "svesim/model/gdb_server.h"

#include "svesim/arch/sysreg.h"
#include "svesim/exceptions/sysreg_access.h"
#include "svesim/model/virtual_memory.h"

#include <charconv>
#include <fmt/core.h>
#include <optional>
#include <utility>
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
    , log_(log) {
    const auto reg = [this](SysReg r) { return ReadSysReg(p_->arch(), r); };
    addMonitorCommand("info el", "the Exception level, stack pointer and EL2 controls",
                      [this, reg](std::string_view) {
                          const CpuState& s = p_->arch().cpu;
                          const std::uint64_t hcr = reg(SysReg::HCR_EL2);
                          return fmt::format(
                              "EL{} (CurrentEL {:#x}), SP_EL{}; HCR_EL2 {:#x}: VM {} E2H {} TGE "
                              "{}; VTTBR_EL2.VMID {}\n",
                              toUnsigned(s.pstate.el), reg(SysReg::CurrentEL),
                              s.pstate.sp ? toUnsigned(s.pstate.el) : 0, hcr, hcr & 1,
                              (hcr >> 34) & 1, (hcr >> 27) & 1,
                              (reg(SysReg::VTTBR_EL2) >> 48) & 0xFF);
                      });
    addMonitorCommand("info vl", "the vector length now and the ZCR_ELx that constrain it",
                      [this, reg](std::string_view) {
                          const ArchState& a = p_->arch();
                          return fmt::format(
                              "VL {} bits (VG {}) at EL{}; ZCR_EL1.LEN {}, ZCR_EL2.LEN {}, "
                              "ZCR_EL3.LEN {}; implemented maximum {} bits\n",
                              a.currentVL().bits(), a.currentVL().bits() / 64,
                              toUnsigned(a.cpu.pstate.el), reg(SysReg::ZCR_EL1) & 0xF,
                              reg(SysReg::ZCR_EL2) & 0xF, reg(SysReg::ZCR_EL3) & 0xF,
                              a.config().sve.max_vl.bits());
                      });
    addMonitorCommand("info worlds", "what decides the world the PE is in (run --check names it)",
                      [this, reg](std::string_view) {
                          return fmt::format(
                              "EL{}; HCR_EL2.VM {} E2H {} TGE {}; VTTBR_EL2.VMID {}; "
                              "CONTEXTIDR_EL1 {:#x}; CONTEXTIDR_EL2 {:#x} (the world rule: "
                              "docs/scenarios.md; with run --check the checker names the world)\n",
                              toUnsigned(p_->arch().cpu.pstate.el), reg(SysReg::HCR_EL2) & 1,
                              (reg(SysReg::HCR_EL2) >> 34) & 1, (reg(SysReg::HCR_EL2) >> 27) & 1,
                              (reg(SysReg::VTTBR_EL2) >> 48) & 0xFF, reg(SysReg::CONTEXTIDR_EL1),
                              reg(SysReg::CONTEXTIDR_EL2));
                      });
    addMonitorCommand("policy", "the zero-or-preserve policy (R_YRPDH)", [this](std::string_view) {
        return fmt::format("zero-or-preserve policy: {}\n", p_->arch().config().policy.name());
    });
    addMonitorCommand(
        "sysreg", "sysreg NAME: a system register as MRS reads it; no NAME: the names",
        [this](std::string_view arg) {
            if (arg.empty()) {
                std::string out;
                for (const SysReg r : regs_.systemRegisters())
                    out += fmt::format("{}{}", out.empty() ? "" : " ", name(r));
                return out + "\n";
            }
            const auto r = sysRegByName(arg);
            if (!r)
                return fmt::format("unknown system register '{}' (monitor sysreg "
                                   "lists them)\n",
                                   arg);
            return fmt::format("{} = {:#x}\n", name(*r),
                               ReadSysReg(p_->arch(), *r, p_->context().virtualCount()));
        });
}

GdbServer::~GdbServer() {
    if (listening_) p_->events().unsubscribe(*this);
}

void GdbServer::addMonitorCommand(std::string name, std::string help,
                                  std::function<std::string(std::string_view)> run) {
    commands_[std::move(name)] = MonitorCommand{std::move(help), std::move(run)};
}

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
    watches_.clear();
    watch_hit_.reset();
    if (listening_) p_->events().unsubscribe(*this);
    listening_ = false;
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
    if (announce && !conn_.send(stopReply())) {
        return lost();
    }
    resume_.reset();
    // The PE stops after the instruction that hit a watchpoint; an AArch64 debugger expects
    // the stop before it and steps over it (gdb's non-steppable watchpoints). That step is the
    // instruction already done: it is answered at once, so gdb shows the PC hardware shows.
    bool step_done = watch_hit_ && signal == kSigTrap;
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
        if (resume_ == GdbResume::Step && std::exchange(step_done, false) && *packet == "s") {
            resume_.reset();
            watch_hit_.reset();
            signal_ = kSigTrap;
            reply = stopReply();
        } else if (resume_ == GdbResume::Continue || resume_ == GdbResume::Step) {
            break;
        }
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
    watch_hit_.reset();
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
    case '?': return stopReply();
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
        if (!n || *n >= regs_.count()) return "E01";
        return toHex(regs_.read(static_cast<unsigned>(*n)));
    }
    case 'P': {
        const auto eq = args.find('=');
        const auto n = number(args.substr(0, eq));
        if (eq == std::string_view::npos || !n || *n >= regs_.count()) return "E01";
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
    if (startsWith(pk, "qRcmd,")) {
        const auto text = fromHex(pk.substr(6));
        if (!text) return "E01";
        const std::string out = monitor(std::string(text->begin(), text->end()));
        return out.empty() ? "OK"
                           : toHex(std::span(reinterpret_cast<const std::uint8_t*>(out.data()),
                                             out.size()));
    }
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
    // gdb's addresses are VAs of the PE's current regime (model/virtual_memory.h).
    if (!forEachPhysicalPiece(p_->context(), al->first, data.size(),
                              [&](std::uint64_t pa, std::size_t off, unsigned n) {
                                  return mem_->debugRead(pa, data.data() + off, n);
                              }))
        return "E01";
    return toHex(data);
}

std::string GdbServer::writeMemory(std::string_view args) {
    const auto al = addressAndLength(args);
    const auto colon = args.find(':');
    if (!al || colon == std::string_view::npos || al->second > kMaxMemoryPacket) return "E01";
    const auto data = fromHex(args.substr(colon + 1));
    if (!data || data->size() != al->second) return "E01";
    if (!forEachPhysicalPiece(p_->context(), al->first, data->size(),
                              [&](std::uint64_t pa, std::size_t off, unsigned n) {
                                  return mem_->debugWrite(pa, data->data() + off, n);
                              }))
        return "E01";
    return "OK";
}

std::string GdbServer::breakpoint(std::string_view pk, bool insert) {
    // Z0/Z1 (software/hardware execution breakpoint),ADDR,KIND: both kept as a PC set;
    // Z2/Z3/Z4 (write/read/access watchpoint),ADDR,LENGTH.
    if (pk.size() < 2 || pk[1] < '0' || pk[1] > '4') return ""; // unsupported kind
    if (pk.size() < 4 || pk[2] != ',') return "E01";
    const auto al = addressAndLength(pk.substr(3));
    if (!al) return "E01";
    if (pk[1] >= '2') return watchpoint(pk[1], al->first, al->second, insert);
    if (insert)
        breakpoints_.insert(al->first);
    else
        breakpoints_.erase(al->first);
    return "OK";
}

std::string GdbServer::watchpoint(char type, std::uint64_t addr, std::uint64_t len, bool insert) {
    if (len == 0 || addr + len < addr) return "E01";
    if (insert) {
        watches_.push_back({type, addr, len});
        // Memory accesses are heard only while a watchpoint is set: no cost otherwise.
        if (!listening_) p_->events().subscribe(*this, eventBit(EventKind::MemoryAccess));
        listening_ = true;
        return "OK";
    }
    std::erase_if(watches_,
                  [&](const Watch& w) { return w.type == type && w.addr == addr && w.len == len; });
    if (watches_.empty() && listening_) {
        p_->events().unsubscribe(*this);
        listening_ = false;
    }
    return "OK";
}

void GdbServer::onMemoryAccess(const MemoryAccessEvent& e) {
    // An access that faulted did not happen; the first hit of an instruction is the one told.
    if (!e.ok || watch_hit_) return;
    for (const Watch& w : watches_) {
        const bool kind = w.type == '4' || (w.type == '2') == e.write;
        if (!kind || e.address >= w.addr + w.len || w.addr >= e.address + e.size) continue;
        watch_hit_ = {w.type, std::max(e.address, w.addr)};
        p_->requestStop(); // before the next instruction
        return;
    }
}

std::string GdbServer::stopReply() const {
    if (watch_hit_ && signal_ == kSigTrap) {
        const char* kind = watch_hit_->first == '2'   ? "watch"
                           : watch_hit_->first == '3' ? "rwatch"
                                                      : "awatch";
        return fmt::format("T{:02x}{}:{:x};", signal_, kind, watch_hit_->second);
    }
    return fmt::format("S{:02x}", signal_);
}

std::string GdbServer::monitor(std::string_view line) {
    while (!line.empty() && line.back() == ' ')
        line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ')
        line.remove_prefix(1);
    // The longest command name the line starts with, as a whole word.
    const MonitorCommand* found = nullptr;
    std::string_view rest;
    std::size_t best = 0;
    for (const auto& [name, cmd] : commands_) {
        if (!startsWith(line, name) || name.size() <= best) continue;
        if (line.size() > name.size() && line[name.size()] != ' ') continue;
        found = &cmd;
        best = name.size();
        rest = line.substr(name.size());
    }
    if (found == nullptr || line == "help") {
        std::string out = line.empty() || line == "help"
                              ? "svesim monitor commands:\n"
                              : fmt::format("unknown monitor command '{}'; svesim's are:\n", line);
        for (const auto& [name, cmd] : commands_)
            out += fmt::format("  monitor {:<12} {}\n", name, cmd.help);
        out += "  monitor help         this list\n";
        return out;
    }
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    return found->run(rest);
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
