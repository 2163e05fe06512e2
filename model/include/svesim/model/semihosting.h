// Arm semihosting (HLT #0xF000 in A64): the operations a bare-metal test program needs.
#pragma once

#include "svesim/isa/exec_context.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace svesim::model {

// Where semihosting output goes and input comes from.
class Console {
public:
    virtual ~Console() = default;
    virtual void write(int handle, std::string_view bytes) = 0; // 1 = stdout, 2 = stderr
    virtual int readChar() = 0;                                 // -1 at end of input
    // Whether handle 0 (stdin), 1 or 2 is an interactive device (SYS_ISTTY).
    [[nodiscard]] virtual bool interactive(int /*handle*/) const { return false; }
};

// The process's own stdout, stderr and stdin.
class StdioConsole : public Console {
public:
    void write(int handle, std::string_view bytes) override;
    int readChar() override;
    [[nodiscard]] bool interactive(int handle) const override; // isatty(handle)
};

namespace semihosting {
inline constexpr std::uint32_t SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03,
                               SYS_WRITE0 = 0x04, SYS_WRITE = 0x05, SYS_READ = 0x06,
                               SYS_READC = 0x07, SYS_ISERROR = 0x08, SYS_ISTTY = 0x09,
                               SYS_SEEK = 0x0A, SYS_FLEN = 0x0C, SYS_CLOCK = 0x10, SYS_TIME = 0x11,
                               SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15, SYS_HEAPINFO = 0x16,
                               SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20, SYS_ELAPSED = 0x30,
                               SYS_TICKFREQ = 0x31;
inline constexpr std::uint64_t ADP_Stopped_ApplicationExit = 0x20026;
} // namespace semihosting

// The program's environment as semihosting reports it: SYS_GET_CMDLINE's command line and
// SYS_HEAPINFO's block (zeros, the default, tell the C library to use its own), set by whoever
// loads the program; and the errno of the last failed call (SYS_ERRNO).
struct SemihostingHost {
    std::string cmdline;
    std::uint64_t heap_base = 0, heap_limit = 0, stack_base = 0, stack_limit = 0;
    std::uint64_t last_errno = 0;
    bool features_open = false;     // ":semihosting-features" is open (handle 3)
    std::uint64_t features_pos = 0; // and where the next SYS_READ starts
};

// Performs the semihosting call in W0 with parameter X1 and writes the result to X0.
// Returns the exit status when the call ends the program (SYS_EXIT, SYS_EXIT_EXTENDED).
// `elapsed_ticks` and `tick_hz` give SYS_CLOCK, SYS_ELAPSED and SYS_TICKFREQ.
std::optional<int> semihostingCall(isa::ExecContext& cx, Console& console, SemihostingHost& host,
                                   std::uint64_t elapsed_ticks, std::uint64_t tick_hz);

} // namespace svesim::model
