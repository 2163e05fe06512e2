// The GDB stub's pieces: the register layout gdb's AArch64 SVE description needs, breakpoints in
// the processor, and the server's packets over a real loopback connection.
#include "support/no_console.h"
#include "svesim/arch/config_error.h"
#include "svesim/model/gdb_server.h"

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace svesim;
using namespace svesim::model;

namespace {

constexpr std::uint64_t kBase = 0x1000;

// Flat memory at kBase, also the debugger's memory.
class FlatMemory : public isa::MemoryBackend, public DebugMemory {
public:
    std::vector<std::uint8_t> bytes = std::vector<std::uint8_t>(0x1000);
    bool read(std::uint64_t a, void* d, unsigned n) override { return copy(a, d, n, false); }
    bool write(std::uint64_t a, const void* s, unsigned n) override {
        return copy(a, const_cast<void*>(s), n, true);
    }
    bool debugRead(std::uint64_t a, void* d, unsigned n) override { return read(a, d, n); }
    bool debugWrite(std::uint64_t a, const void* s, unsigned n) override { return write(a, s, n); }

private:
    bool copy(std::uint64_t a, void* p, unsigned n, bool to_memory) {
        if (a < kBase || a - kBase + n > bytes.size()) return false;
        if (to_memory)
            std::memcpy(&bytes[a - kBase], p, n);
        else
            std::memcpy(p, &bytes[a - kBase], n);
        return true;
    }
};

using test::NoConsole;

constexpr std::uint32_t kNop = 0xD503201F, kBranchSelf = 0x14000000;

struct Pe {
    FlatMemory mem;
    NoConsole console;
    Processor proc;
    explicit Pe(unsigned max_vl_bits)
        : proc(config(max_vl_bits), mem, console) {
        for (unsigned i = 0; i < 8; ++i)
            std::memcpy(&mem.bytes[4 * i], i == 7 ? &kBranchSelf : &kNop, 4);
        proc.arch().cpu.pc = kBase;
    }
    static ProcessorConfig config(unsigned bits) {
        ProcessorConfig c;
        c.arch.sve = SveConfig::parse(std::to_string(bits), "pow2");
        c.arch.rvbar = kBase;
        return c;
    }
};

// A minimal RSP client over loopback. It runs on its own thread, so it records instead of
// asserting (Catch2 assertions are not thread-safe); a closed connection reads as '\0'.
class Client {
public:
    explicit Client(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) close();
        timeval limit{10, 0}; // a server that stops answering fails the test, never hangs it
        if (fd_ >= 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    }
    ~Client() { close(); }
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    void raw(const std::string& s) {
        if (fd_ >= 0) ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL);
    }
    void send(const std::string& payload) {
        unsigned sum = 0;
        for (char c : payload)
            sum += static_cast<unsigned char>(c);
        char cs[3];
        std::snprintf(cs, sizeof cs, "%02x", sum & 0xFF);
        raw("$" + payload + "#" + cs);
    }
    char byte() {
        char c = 0;
        return fd_ >= 0 && ::recv(fd_, &c, 1, 0) == 1 ? c : '\0';
    }
    // The next packet's payload (acknowledged); '+' bytes before it are skipped.
    std::string packet() {
        char c = byte();
        while (c != '$' && c != '\0')
            c = byte();
        std::string body;
        for (c = byte(); c != '#' && c != '\0'; c = byte())
            body.push_back(c);
        if (c == '\0') return "<closed>";
        byte();
        byte();
        raw("+");
        return body;
    }
    std::string ask(const std::string& payload) {
        send(payload);
        return packet();
    }

private:
    int fd_ = -1;
};

} // namespace

TEST_CASE("gdb: the SVE description sizes Z/P/FFR at the maximum VL and VG follows the "
          "current VL",
          "[gdb]") {
    Pe pe(512);
    GdbRegisters regs(pe.proc);
    const std::string xml = regs.targetXml();
    CHECK(xml.find("org.gnu.gdb.aarch64.sve") != std::string::npos);
    CHECK(xml.find("org.gnu.gdb.aarch64.fpu") == std::string::npos); // gdb refuses both
    CHECK(xml.find("<reg name=\"z31\" bitsize=\"512\" type=\"svev\"/>") != std::string::npos);
    CHECK(xml.find("<reg name=\"ffr\" bitsize=\"64\" type=\"svep\"/>") != std::string::npos);
    unsigned g_bytes = 0;
    for (unsigned n = 0; n < GdbRegisters::kCount; ++n)
        g_bytes += regs.size(n);
    CHECK(g_bytes == 284 + 546 * 4);                      // gdb's g-packet size for VQ 4
    pe.proc.arch().cpu.sysregs.write(SysReg::ZCR_EL3, 3); // VL 512 at EL3
    std::vector<std::uint8_t> vg = regs.read(GdbRegisters::kVg);
    CHECK(vg == std::vector<std::uint8_t>{8, 0, 0, 0, 0, 0, 0, 0});
    pe.proc.arch().cpu.sysregs.write(SysReg::ZCR_EL3, 1); // VL 256
    CHECK(regs.read(GdbRegisters::kVg)[0] == 4);
    CHECK(regs.size(GdbRegisters::kZ0) == 64); // still the register file's width
}

TEST_CASE("gdb: register writes: X, Z bytes and flags, but not the EL or VG", "[gdb]") {
    Pe pe(256);
    GdbRegisters regs(pe.proc);
    const std::vector<std::uint8_t> x5{1, 2, 3, 4, 5, 6, 7, 8};
    CHECK(regs.write(5, x5));
    CHECK(pe.proc.context().X(5) == 0x0807060504030201ULL);
    std::vector<std::uint8_t> z(32, 0xAB);
    CHECK(regs.write(GdbRegisters::kZ0 + 3, z));
    CHECK(pe.proc.arch().sve.zStorage(3)[31] == 0xAB);
    CHECK_FALSE(regs.write(GdbRegisters::kZ0, std::vector<std::uint8_t>(16))); // wrong size
    auto cpsr = regs.read(GdbRegisters::kCpsr);
    cpsr[3] |= 0x40; // Z flag
    CHECK(regs.write(GdbRegisters::kCpsr, cpsr));
    CHECK(pe.proc.arch().cpu.pstate.z);
    cpsr[0] ^= 0x04; // M[3:2]: the EL
    CHECK_FALSE(regs.write(GdbRegisters::kCpsr, cpsr));
    CHECK(pe.proc.arch().cpu.pstate.el == EL::EL3);
    pe.proc.arch().cpu.sysregs.write(SysReg::ZCR_EL3, 1); // VL 256, VG 4
    CHECK_FALSE(regs.write(GdbRegisters::kVg, std::vector<std::uint8_t>{2, 0, 0, 0, 0, 0, 0, 0}));
    CHECK(regs.write(GdbRegisters::kVg, std::vector<std::uint8_t>{4, 0, 0, 0, 0, 0, 0, 0}));
}

TEST_CASE("gdb: run() stops before a breakpoint and resumes past it once", "[gdb]") {
    Pe pe(128);
    const std::unordered_set<std::uint64_t> bps{kBase + 8};
    pe.proc.setBreakpoints(&bps);
    auto r = pe.proc.run(100);
    CHECK(r.reason == StopReason::Breakpoint);
    CHECK(r.executed == 2);
    CHECK(pe.proc.arch().cpu.pc == kBase + 8);
    CHECK(pe.proc.run(100).reason == StopReason::Breakpoint); // still there
    pe.proc.skipBreakpointOnce();
    r = pe.proc.run(3);
    CHECK(r.reason == StopReason::Budget);
    CHECK(pe.proc.arch().cpu.pc == kBase + 20);
    pe.proc.setBreakpoints(nullptr);
    CHECK(pe.proc.run(10).executed == 10);
}

TEST_CASE("gdb: a port in use is a ConfigError naming it", "[gdb]") {
    GdbConnection first(0);
    REQUIRE(first.port() != 0);
    try {
        GdbConnection second(first.port());
        FAIL("no error");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()).find("in use") != std::string::npos);
    }
}

TEST_CASE("gdb: the server over loopback: framing, NAK, target.xml, memory, breakpoint, step, "
          "continue, detach",
          "[gdb]") {
    Pe pe(256);
    GdbServer server(pe.proc, pe.mem, 0, nullptr);
    std::vector<std::string> log;
    std::thread debugger([&, port = server.port()] {
        Client c(port);
        log.push_back(c.ask("qSupported:xmlRegisters=i386"));
        c.raw("$?#00"); // bad checksum: NAKed, then resent
        log.push_back(std::string(1, c.byte()));
        log.push_back(c.ask("?"));
        std::string xml;
        for (std::string part = "m"; part.front() == 'm';) {
            char args[32];
            std::snprintf(args, sizeof args, "%zx,200", xml.size());
            part = c.ask(std::string("qXfer:features:read:target.xml:") + args);
            xml += part.substr(1);
        }
        log.push_back(xml.find("</target>") != std::string::npos ? "xml complete" : "xml cut");
        log.push_back(c.ask("m1000,8"));
        log.push_back(c.ask("m0,4")); // unmapped
        log.push_back(c.ask("M1100,2:beef"));
        log.push_back(c.ask("Z0,100c,4"));
        c.send("c");
        log.push_back(c.packet()); // the breakpoint
        log.push_back(c.ask("p20"));
        c.send("s");
        log.push_back(c.packet());
        log.push_back(c.ask("p20"));
        log.push_back(c.ask("D"));
    });
    // No REQUIRE until the client thread is joined (a throw here would abandon it).
    server.waitForDebugger();
    const bool attached = server.attached();
    const GdbResume first = server.stopped(GdbServer::kSigTrap, false);
    const StopReason at_breakpoint = pe.proc.run(100).reason;
    const GdbResume second = server.stopped(GdbServer::kSigTrap);
    pe.proc.run(1);
    const GdbResume third = server.stopped(GdbServer::kSigTrap);
    debugger.join();
    CHECK(attached);
    CHECK(first == GdbResume::Continue);
    CHECK(at_breakpoint == StopReason::Breakpoint);
    CHECK(second == GdbResume::Step);
    CHECK(third == GdbResume::Detach);
    CHECK_FALSE(server.attached());
    REQUIRE(log.size() == 13);
    CHECK(log[0].find("qXfer:features:read+") != std::string::npos);
    CHECK(log[1] == "-");
    CHECK(log[2] == "S05");
    CHECK(log[3] == "xml complete");
    CHECK(log[4] == "1f2003d51f2003d5"); // two NOPs
    CHECK(log[5] == "E01");
    CHECK(log[6] == "OK");
    CHECK(pe.mem.bytes[0x100] == 0xBE);
    CHECK(log[7] == "OK");
    CHECK(log[8] == "S05");
    CHECK(log[9] == "0c10000000000000");
    CHECK(log[10] == "S05");
    CHECK(log[11] == "1010000000000000");
    CHECK(log[12] == "OK");
    // Detached: no breakpoints left in the processor.
    CHECK(pe.proc.run(4).reason == StopReason::Budget);
}

TEST_CASE("gdb: memory packets address VAs of the PE's current translation regime", "[gdb][mmu]") {
    // What gdb shows (symbols, pointers) are VAs; it reads them through the PE's translation
    // (as QEMU's gdbstub does, cpu_memory_rw_debug). EL3 stage 1 (Arm ARM D8, 4 KiB granule,
    // TCR_EL3.T0SZ = 25: the walk starts at level 1; a page descriptor is OA | AF | SH |
    // AttrIndx 0 | 0b11): VA 0x5000 -> PA 0x9000 and VA 0x6000 -> PA 0x8000, so a read across
    // VA 0x6000 joins two PAs that are not contiguous; VA 0x7000 is not mapped.
    Pe pe(128);
    pe.mem.bytes.resize(0x10000); // PA 0x1000 .. 0x10FFF
    const auto put64 = [&](std::uint64_t pa, std::uint64_t v) {
        std::memcpy(&pe.mem.bytes[pa - kBase], &v, 8);
    };
    put64(0x2000, 0x3000 | 3); // L1[0] -> L2
    put64(0x3000, 0x4000 | 3); // L2[0] -> L3
    put64(0x4000 + 8 * 1, 0x1000 | 0x703);
    put64(0x4000 + 8 * 5, 0x9000 | 0x703);
    put64(0x4000 + 8 * 6, 0x8000 | 0x703);
    const std::uint8_t before[4] = {0x11, 0x22, 0x33, 0x44}, after[4] = {0x55, 0x66, 0x77, 0x88};
    std::memcpy(&pe.mem.bytes[0x9FFC - kBase], before, 4);
    std::memcpy(&pe.mem.bytes[0x8000 - kBase], after, 4);
    SysRegFile& r = pe.proc.arch().cpu.sysregs;
    r.write(SysReg::MAIR_EL3, 0xFF);
    r.write(SysReg::TCR_EL3, 0x8085'3519); // RES1 31, 23; PS 48 bits; T0SZ 25
    r.write(SysReg::TTBR0_EL3, 0x2000);
    r.write(SysReg::SCTLR_EL3, r.raw(SysReg::SCTLR_EL3) | 0x1005); // M, C, I
    pe.proc.context().refreshTranslation();
    REQUIRE(pe.proc.context().translating());

    GdbServer server(pe.proc, pe.mem, 0, nullptr);
    std::vector<std::string> log;
    std::thread debugger([&, port = server.port()] {
        Client c(port);
        log.push_back(c.ask("m5ffc,8"));
        log.push_back(c.ask("m7000,4")); // not mapped
        log.push_back(c.ask("M6000,2:beef"));
        log.push_back(c.ask("M6ffe,4:01020304")); // the second page does not translate
        log.push_back(c.ask("D"));
    });
    server.waitForDebugger();
    const GdbResume resume = server.stopped(GdbServer::kSigTrap, false);
    debugger.join();
    CHECK(resume == GdbResume::Detach);
    REQUIRE(log.size() == 5);
    CHECK(log[0] == "1122334455667788");
    CHECK(log[1] == "E01");
    CHECK(log[2] == "OK");
    CHECK(pe.mem.bytes[0x8000 - kBase] == 0xBE); // at the PA, not at PA 0x6000
    CHECK(pe.mem.bytes[0x6000 - kBase] == 0x00);
    CHECK(log[3] == "E01");
    CHECK(pe.mem.bytes[0x8FFE - kBase] == 0x00); // refused whole: nothing written
    CHECK(log[4] == "OK");
}
