#include "svesim/model/semihosting.h"

#include "svesim/model/virtual_memory.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace svesim::model {

void StdioConsole::write(int handle, std::string_view bytes) {
    std::FILE* f = handle == 2 ? stderr : stdout;
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fflush(f);
}

int StdioConsole::readChar() {
    return std::getchar();
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

std::uint64_t kFailure = ~std::uint64_t{0}; // -1

} // namespace

std::optional<int> semihostingCall(isa::ExecContext& cx, Console& console,
                                   std::uint64_t elapsed_ticks, std::uint64_t tick_hz) {
    const std::uint32_t op = cx.W(0);
    const std::uint64_t param = cx.X(1);
    std::uint64_t result = kFailure;
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
        // Only the console ":tt" exists: mode 0-3 reads (handle 0), 4-7 writes stdout (1),
        // 8-11 appends to stderr (2).
        std::uint64_t name = 0, mode = 0, len = 0;
        std::string s;
        if (readWord(cx, param, name) && readWord(cx, param + 8, mode) &&
            readWord(cx, param + 16, len) && readString(cx, name, s, len + 1) && s == ":tt")
            result = mode < 4 ? 0 : mode < 8 ? 1 : 2;
        break;
    }
    case SYS_WRITE: {
        std::uint64_t handle = 0, addr = 0, len = 0;
        if (!readWord(cx, param, handle) || !readWord(cx, param + 8, addr) ||
            !readWord(cx, param + 16, len) || (handle != 1 && handle != 2)) {
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
    case SYS_READC:
        result = static_cast<std::uint64_t>(static_cast<std::int64_t>(console.readChar()));
        break;
    case SYS_CLOCK: result = tick_hz ? elapsed_ticks * 100 / tick_hz : 0; break;
    case SYS_ELAPSED: result = writeVirtual(cx, param, &elapsed_ticks, 8) ? 0 : kFailure; break;
    case SYS_TICKFREQ: result = tick_hz; break;
    case SYS_ERRNO: result = 0; break;
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
