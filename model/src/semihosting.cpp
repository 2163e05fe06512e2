#include "svesim/model/semihosting.h"

#include "svesim/model/virtual_memory.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <string>
#include <unistd.h>

namespace svesim::model {

void StdioConsole::write(int handle, std::string_view bytes) {
    std::FILE* f = handle == 2 ? stderr : stdout;
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fflush(f);
}

int StdioConsole::readChar() {
    return std::getchar();
}

bool StdioConsole::interactive(int handle) const {
    return isatty(handle) != 0;
}

namespace {

using namespace semihosting;

// Parameter blocks, strings and buffers are at VAs of the caller's translation regime
// (model/virtual_memory.h).
bool readWord(isa::ExecContext& cx, std::uint64_t addr, std::uint64_t& v) {
    v = 0;
    return readVirtual(cx, addr, &v, 8);
}

// Reads a NUL-terminated string of at most `limit` bytes; false if memory ends first. Read in
// chunks that stay within one 4 KiB page (one translation each, and never a read of a page
// past the string's end).
bool readString(isa::ExecContext& cx, std::uint64_t addr, std::string& out, std::size_t limit) {
    out.clear();
    constexpr std::uint64_t kPage = 4096, kChunk = 256;
    char buf[kChunk];
    while (out.size() < limit) {
        const std::uint64_t at = addr + out.size();
        const std::size_t n = static_cast<std::size_t>(
            std::min<std::uint64_t>({kChunk, kPage - at % kPage, limit - out.size()}));
        if (!readVirtual(cx, at, buf, n)) return false;
        for (std::size_t i = 0; i < n; ++i) {
            if (buf[i] == '\0') return true;
            out.push_back(buf[i]);
        }
    }
    return true;
}

constexpr std::uint64_t kFailure = ~std::uint64_t{0}; // -1

// The handles SYS_OPEN gives: the console's stdin (0), stdout (1) and stderr (2), and the
// semihosting extensions' feature file (3).
constexpr std::uint64_t kFeaturesHandle = 3;
// ":semihosting-features" (Arm's semihosting specification 2.0, "Semihosting extensions"): the
// magic "SHFB", then byte 0 of the features: SH_EXT_EXIT_EXTENDED (bit 0) and
// SH_EXT_STDOUT_STDERR (bit 1: ":tt" opened for appending is stderr).
constexpr std::array<std::uint8_t, 5> kFeatures = {'S', 'H', 'F', 'B', 0x03};

} // namespace

std::optional<int> semihostingCall(isa::ExecContext& cx, Console& console, SemihostingHost& host,
                                   std::uint64_t elapsed_ticks, std::uint64_t tick_hz) {
    const std::uint32_t op = cx.W(0);
    const std::uint64_t param = cx.X(1);
    std::uint64_t result = kFailure;
    // The operations on a handle ({handle, ...} at X1): -1 and EBADF for one that is not open.
    std::uint64_t handle = 0;
    const auto openHandle = [&] {
        if (readWord(cx, param, handle) &&
            (handle <= 2 || (handle == kFeaturesHandle && host.features_open)))
            return true;
        host.last_errno = EBADF;
        return false;
    };
    switch (op) {
    case SYS_WRITEC: {
        char c = 0;
        if (readVirtual(cx, param, &c, 1)) console.write(1, std::string_view(&c, 1));
        return std::nullopt; // X0 is corrupted by WRITEC: leave it
    }
    case SYS_WRITE0: {
        std::string s;
        readString(cx, param, s, 1 << 20);
        console.write(1, s);
        return std::nullopt;
    }
    case SYS_OPEN: {
        // The console ":tt": mode 0-3 reads (handle 0), 4-7 writes stdout (1), 8-11 appends to
        // stderr (2); ":semihosting-features" for reading (3). No other file exists.
        std::uint64_t name = 0, mode = 0, len = 0;
        std::string s;
        const bool read = readWord(cx, param, name) && readWord(cx, param + 8, mode) &&
                          readWord(cx, param + 16, len) && readString(cx, name, s, len + 1);
        if (read && s == ":tt") {
            result = mode < 4 ? 0 : mode < 8 ? 1 : 2;
        } else if (read && s == ":semihosting-features" && mode < 4) {
            host.features_open = true;
            host.features_pos = 0;
            result = kFeaturesHandle;
        } else {
            host.last_errno = ENOENT;
        }
        break;
    }
    case SYS_CLOSE:
        if (!openHandle()) break;
        if (handle == kFeaturesHandle) host.features_open = false;
        result = 0; // the console stays open
        break;
    case SYS_WRITE: {
        std::uint64_t addr = 0, len = 0;
        if (!readWord(cx, param, handle) || !readWord(cx, param + 8, addr) ||
            !readWord(cx, param + 16, len) || (handle != 1 && handle != 2)) {
            host.last_errno = EBADF;
            result = len; // nothing written
            break;
        }
        std::string buf(static_cast<std::size_t>(std::min<std::uint64_t>(len, 1 << 24)), '\0');
        if (!readVirtual(cx, addr, buf.data(), buf.size())) {
            result = len;
            break;
        }
        console.write(static_cast<int>(handle), buf);
        result = len - buf.size(); // bytes not written
        break;
    }
    case SYS_READ: {
        // {handle, buffer, length}: from stdin up to the length, the end of a line or the end of
        // input, as a terminal gives it; the result is the number of bytes not read.
        std::uint64_t addr = 0, len = 0;
        if (!openHandle() || !readWord(cx, param + 8, addr) || !readWord(cx, param + 16, len))
            break;
        std::string buf;
        if (handle == kFeaturesHandle) {
            while (buf.size() < len && host.features_pos < kFeatures.size())
                buf.push_back(static_cast<char>(kFeatures[host.features_pos++]));
        } else if (handle != 0) {
            host.last_errno = EBADF;
            break;
        }
        while (handle == 0 && buf.size() < std::min<std::uint64_t>(len, 1 << 24)) {
            const int c = console.readChar();
            if (c < 0) break;
            buf.push_back(static_cast<char>(c));
            if (c == '\n') break;
        }
        result = writeVirtual(cx, addr, buf.data(), buf.size()) ? len - buf.size() : kFailure;
        break;
    }
    case SYS_ISERROR: { // {status}: whether it is an error code (negative)
        std::uint64_t status = 0;
        if (readWord(cx, param, status)) result = static_cast<std::int64_t>(status) < 0 ? 1 : 0;
        break;
    }
    case SYS_ISTTY:
        if (openHandle())
            result = handle <= 2 && console.interactive(static_cast<int>(handle)) ? 1 : 0;
        break;
    case SYS_SEEK: { // {handle, position}: the console has no position (0, as QEMU)
        std::uint64_t pos = 0;
        if (!openHandle() || !readWord(cx, param + 8, pos)) break;
        if (handle == kFeaturesHandle)
            host.features_pos = std::min<std::uint64_t>(pos, kFeatures.size());
        result = 0;
        break;
    }
    case SYS_FLEN: // the console has no length (0, as QEMU)
        if (openHandle()) result = handle == kFeaturesHandle ? kFeatures.size() : 0;
        break;
    case SYS_TIME: // seconds since 1970 are the host's (the one answer a run does not fix)
        result = static_cast<std::uint64_t>(std::time(nullptr));
        break;
    case SYS_GET_CMDLINE: {
        // {buffer, length}: the command line, NUL-terminated, and its length in the block.
        std::uint64_t addr = 0, len = 0;
        if (!readWord(cx, param, addr) || !readWord(cx, param + 8, len) ||
            host.cmdline.size() + 1 > len)
            break;
        const std::uint64_t n = host.cmdline.size();
        if (writeVirtual(cx, addr, host.cmdline.c_str(), n + 1) &&
            writeVirtual(cx, param + 8, &n, 8))
            result = 0;
        break;
    }
    case SYS_HEAPINFO: {
        // X1 points to the address of a block of four words: heap base and limit, stack base
        // and limit.
        std::uint64_t block = 0;
        const std::uint64_t words[4] = {host.heap_base, host.heap_limit, host.stack_base,
                                        host.stack_limit};
        if (readWord(cx, param, block) && writeVirtual(cx, block, words, sizeof words)) result = 0;
        break;
    }
    case SYS_READC:
        result = static_cast<std::uint64_t>(static_cast<std::int64_t>(console.readChar()));
        break;
    case SYS_CLOCK: result = tick_hz ? elapsed_ticks * 100 / tick_hz : 0; break;
    case SYS_ELAPSED: result = writeVirtual(cx, param, &elapsed_ticks, 8) ? 0 : kFailure; break;
    case SYS_TICKFREQ: result = tick_hz; break;
    case SYS_ERRNO: result = host.last_errno; break;
    case SYS_EXIT:
    case SYS_EXIT_EXTENDED: {
        // AArch64: X1 points to {reason, subcode}. ApplicationExit exits with the subcode;
        // any other reason is an abnormal stop (status 1), as QEMU does.
        std::uint64_t reason = 0, subcode = 0;
        if (!readWord(cx, param, reason) || !readWord(cx, param + 8, subcode)) return 1;
        if (reason == ADP_Stopped_ApplicationExit) return static_cast<int>(subcode & 0xFF);
        return 1;
    }
    default: break;
    }
    cx.setX(0, result);
    return std::nullopt;
}

} // namespace svesim::model
