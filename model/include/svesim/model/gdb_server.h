// A GDB remote serial protocol stub for one PE: registers (general and SVE, gdb_registers.h),
// memory through the owner's debug access, software breakpoints, single step, continue,
// interrupt (Ctrl-C), detach and kill. The owner runs the PE and calls stopped() whenever it
// halts; the stub serves the debugger until it resumes. A debugger that disconnects detaches:
// breakpoints are dropped and the run goes on.
#pragma once

#include "svesim/model/gdb_connection.h"
#include "svesim/model/gdb_registers.h"
#include "svesim/model/processor.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_set>

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

class GdbServer {
public:
    static constexpr int kSigInt = 2, kSigTrap = 5, kSigXcpu = 24;

    // Listens on `port` (0: any free port); throws ConfigError if it cannot.
    GdbServer(Processor& p, DebugMemory& memory, std::uint16_t port, std::FILE* log = stderr);
    GdbServer(const GdbServer&) = delete;
    GdbServer& operator=(const GdbServer&) = delete;

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
    std::string features(std::string_view args);
    void detach(const char* why);
    // The connection went away: detach and let the run go on.
    GdbResume lost();

    Processor* p_;
    DebugMemory* mem_;
    GdbRegisters regs_;
    GdbConnection conn_;
    std::FILE* log_;
    std::unordered_set<std::uint64_t> breakpoints_;
    std::optional<GdbResume> resume_;
    int signal_ = kSigTrap;
};

} // namespace svesim::model
