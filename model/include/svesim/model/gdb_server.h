// A GDB remote serial protocol stub for one PE: registers (general, SVE and system,
// gdb_registers.h), memory through the owner's debug access, software breakpoints, hardware
// watchpoints (Z2 write, Z3 read, Z4 access, on the addresses the instructions access), monitor
// commands (`monitor help`), single step, continue, interrupt (Ctrl-C), detach and kill. The owner
// runs the PE and calls stopped() whenever it halts; the stub serves the debugger until it resumes.
// A debugger that disconnects detaches: breakpoints are dropped and the run goes on.
#pragma once

#include "svesim/model/gdb_connection.h"
#include "svesim/model/gdb_registers.h"
#include "svesim/model/processor.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace svesim::model {

// Memory as the debugger sees it (the loader's path: no timing, no side effects).
class DebugMemory {
public:
    virtual ~DebugMemory() = default;
    virtual bool debugRead(std::uint64_t addr, void* data, unsigned size) = 0;
    virtual bool debugWrite(std::uint64_t addr, const void* data, unsigned size) = 0;
};

enum class GdbResume : std::uint8_t {
    Continue, // run until a breakpoint, an interrupt request or the end
    Step,     // execute one instruction (or take one exception)
    Detach,   // the debugger left: run on without it
    Kill,     // the debugger asked to end the run
};

class GdbServer : private Observer {
public:
    static constexpr int kSigInt = 2, kSigTrap = 5, kSigXcpu = 24;

    // Listens on `port` (0: any free port); throws ConfigError if it cannot.
    GdbServer(Processor& p, DebugMemory& memory, std::uint16_t port, std::FILE* log = stderr);
    GdbServer(const GdbServer&) = delete;
    GdbServer& operator=(const GdbServer&) = delete;
    ~GdbServer() override;

    [[nodiscard]] std::uint16_t port() const { return conn_.port(); }
    // Prints "svesim: waiting for gdb on port N" and blocks until a debugger connects.
    void waitForDebugger();
    [[nodiscard]] bool attached() const { return conn_.connected(); }
    // The PE halted with `signal`; serves the debugger until it resumes the PE. `announce`
    // sends the stop reply at once (false for the halt at attach, which gdb asks for with '?').
    GdbResume stopped(int signal, bool announce = true);
    // Without blocking: whether the debugger asked to stop (Ctrl-C) or went away.
    bool interruptRequested() { return conn_.interruptRequested(); }
    // Blocks until the debugger asks to stop or goes away (the PE waits with nothing else to
    // wake it).
    void waitForInterruptRequest() {
        while (!conn_.interruptRequested())
            conn_.waitReadable();
    }
    // A watchpoint was hit since the PE last resumed: the owner stops the PE (kSigTrap) as for a
    // breakpoint; the stop reply names the watchpoint. The PE stops after the instruction that
    // made the access (see docs/embedding.md "Debugging").
    [[nodiscard]] bool watchpointHit() const { return watch_hit_.has_value(); }
    // A `monitor NAME ...` command of the owner's (e.g. the world checker's `info worlds` with
    // --check): `run` gets the rest of the line and returns the text to print.
    void addMonitorCommand(std::string name, std::string help,
                           std::function<std::string(std::string_view)> run);
    // The program ended with `status`: tells the debugger (W packet) and closes.
    void exited(int status);
    // The run was ended by the simulator (e.g. the instruction budget, kSigXcpu): tells the
    // debugger the process was terminated by `signal` (X packet) and closes.
    void terminated(int signal);

private:
    // One packet's reply; sets resume_ for the packets that resume or end the session.
    std::string handle(std::string_view packet);
    std::string readMemory(std::string_view args);
    std::string writeMemory(std::string_view args);
    std::string breakpoint(std::string_view packet, bool insert);
    std::string watchpoint(char type, std::uint64_t addr, std::uint64_t len, bool insert);
    std::string features(std::string_view args);
    // S05, or T05watch:ADDR; after a watchpoint hit.
    [[nodiscard]] std::string stopReply() const;
    // qRcmd: a monitor command; the reply is its output.
    std::string monitor(std::string_view command);
    void onMemoryAccess(const MemoryAccessEvent& e) override;
    void detach(const char* why);
    // The connection went away: detach and let the run go on.
    GdbResume lost();

    Processor* p_;
    DebugMemory* mem_;
    GdbRegisters regs_;
    GdbConnection conn_;
    std::FILE* log_;
    std::unordered_set<std::uint64_t> breakpoints_;
    struct Watch {
        char type; // '2' write, '3' read, '4' access
        std::uint64_t addr, len;
    };
    std::vector<Watch> watches_;
    std::optional<std::pair<char, std::uint64_t>> watch_hit_; // type, address accessed
    bool listening_ = false;                                  // to the memory accesses
    struct MonitorCommand {
        std::string help;
        std::function<std::string(std::string_view)> run;
    };
    std::map<std::string, MonitorCommand, std::less<>> commands_;
    std::optional<GdbResume> resume_;
    int signal_ = kSigTrap;
};

} // namespace svesim::model
