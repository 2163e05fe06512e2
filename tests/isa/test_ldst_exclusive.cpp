// Exclusives and acquire/release (isa/src/ldst_insns.cpp): LDXR/STXR succeed with the monitor
// open and fail without it, after CLREX and on another address; LDAXR/STLXR; LDAR/STLR of
// every size; the natural alignment they need even on Normal memory (DFSC 0x21, WnR for the
// stores). Words come from scripts/asm-words.sh (GNU as).
#include "support/isa_harness.h"
#include "svesim/exceptions/take_exception.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

void run(IsaHarness& h, std::uint32_t word) {
    INFO(fmt::format("{:#010x} {}", word, isa::disassemble(word, h.arch.cpu.pc)));
    REQUIRE(h.exec(word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
}

constexpr std::uint64_t kAddr = 0x10F00;

} // namespace

TEST_CASE("ldst: LDXR/STXR pass with the monitor open, fail without it, after CLREX and "
          "elsewhere",
          "[isa][ldst]") {
    IsaHarness h;
    h.setX(1, kAddr);
    h.setX(3, kAddr + 8);
    h.mem.put<std::uint64_t>(kAddr, 0xAAAA);
    h.mem.put<std::uint64_t>(kAddr + 8, 0xBBBB);
    h.setX(2, 0x1122'3344'5566'7788);
    h.setX(5, ~std::uint64_t{0});

    run(h, 0xc85f7c20); // ldxr x0, [x1]
    CHECK(h.x(0) == 0xAAAA);
    run(h, 0xc8057c22); // stxr w5, x2, [x1]
    CHECK(h.x(5) == 0);
    CHECK(h.mem.get<std::uint64_t>(kAddr) == 0x1122'3344'5566'7788);

    // The monitor was cleared by the store: a second one fails and writes nothing.
    h.setX(2, 0x9999);
    run(h, 0xc8057c22); // stxr w5, x2, [x1]
    CHECK(h.x(5) == 1);
    CHECK(h.mem.get<std::uint64_t>(kAddr) == 0x1122'3344'5566'7788);

    // CLREX clears the monitor.
    h.setX(0, 0);
    run(h, 0x885f7c20); // ldxr w0, [x1]
    CHECK(h.x(0) == 0x5566'7788);
    run(h, 0xd5033f5f); // clrex
    run(h, 0x88057c22); // stxr w5, w2, [x1]
    CHECK(h.x(5) == 1);
    CHECK(h.mem.get<std::uint64_t>(kAddr) == 0x1122'3344'5566'7788);

    // A store-exclusive to another address than the one marked fails.
    run(h, 0xc85f7c20); // ldxr x0, [x1]
    run(h, 0xc8057c62); // stxr w5, x2, [x3]
    CHECK(h.x(5) == 1);
    CHECK(h.mem.get<std::uint64_t>(kAddr + 8) == 0xBBBB);

    // Acquire/release forms, 64 and 32 bits (the 32-bit store writes 4 bytes only).
    h.setX(5, ~std::uint64_t{0});
    run(h, 0xc85ffc20); // ldaxr x0, [x1]
    CHECK(h.x(0) == 0x1122'3344'5566'7788);
    run(h, 0xc805fc22); // stlxr w5, x2, [x1]
    CHECK(h.x(5) == 0);
    CHECK(h.mem.get<std::uint64_t>(kAddr) == 0x9999);
    h.mem.put<std::uint64_t>(kAddr, 0xFFFF'FFFF'FFFF'FFFF);
    h.setX(2, 0x1234'5678'0BAD'CAFE);
    run(h, 0x885ffc20); // ldaxr w0, [x1]
    CHECK(h.x(0) == 0xFFFF'FFFF);
    run(h, 0x8805fc22); // stlxr w5, w2, [x1]
    CHECK(h.x(5) == 0);
    CHECK(h.mem.get<std::uint64_t>(kAddr) == 0xFFFF'FFFF'0BAD'CAFE);

    // SP as the base.
    h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = kAddr + 8;
    run(h, 0xc85f7fe0); // ldxr x0, [sp]
    CHECK(h.x(0) == 0xBBBB);
}

TEST_CASE("ldst: a failing STXR without a monitor still raises the alignment fault, as a write",
          "[isa][ldst]") {
    // Arm ARM AArch64.ExclusiveMonitorsPass: an unaligned address takes an Alignment fault
    // with iswrite = TRUE whether or not the monitor would pass.
    IsaHarness h;
    h.setX(1, kAddr + 4);
    h.setX(2, 0x1234);
    h.setX(5, 0x5555);
    CHECK(h.exec(0xc8057c22) != nullptr); // stxr w5, x2, [x1]
    REQUIRE(h.cx.faulted());
    CHECK(h.cx.fault->record.type == Exception::DataAbort);
    CHECK(h.cx.fault->record.iss == 0x61); // WnR, DFSC = alignment
    CHECK(h.cx.fault->record.vaddress == kAddr + 4);
    CHECK(h.x(5) == 0x5555);
    CHECK(h.mem.get<std::uint64_t>(kAddr) == 0);
    CHECK(h.mem.get<std::uint64_t>(kAddr + 8) == 0);
}

TEST_CASE("ldst: LDAR and STLR of every size", "[isa][ldst]") {
    IsaHarness h;
    h.setX(1, kAddr);
    h.mem.put<std::uint64_t>(kAddr, 0x8877'6655'4433'2211);
    struct Load {
        std::uint32_t word;
        std::uint64_t expect;
    };
    const Load loads[] = {
        {0xc8dffc20, 0x8877'6655'4433'2211}, // ldar x0, [x1]
        {0x88dffc20, 0x4433'2211},           // ldar w0, [x1]
        {0x08dffc20, 0x11},                  // ldarb w0, [x1]
        {0x48dffc20, 0x2211},                // ldarh w0, [x1]
    };
    for (const Load& l : loads) {
        h.setX(0, 0xDEAD'BEEF'DEAD'BEEF);
        run(h, l.word);
        CHECK(h.x(0) == l.expect);
    }
    struct Store {
        std::uint32_t word;
        std::uint64_t expect;
    };
    const Store stores[] = {
        {0xc89ffc22, 0x0102'0304'0506'0708}, // stlr x2, [x1]
        {0x889ffc22, 0xFFFF'FFFF'0506'0708}, // stlr w2, [x1]
        {0x089ffc22, 0xFFFF'FFFF'FFFF'FF08}, // stlrb w2, [x1]
        {0x489ffc22, 0xFFFF'FFFF'FFFF'0708}, // stlrh w2, [x1]
    };
    h.setX(2, 0x0102'0304'0506'0708);
    for (const Store& s : stores) {
        h.mem.put<std::uint64_t>(kAddr, 0xFFFF'FFFF'FFFF'FFFF);
        run(h, s.word);
        CHECK(h.mem.get<std::uint64_t>(kAddr) == s.expect);
    }
}

TEST_CASE("ldst: exclusives and acquire/release need natural alignment even on Normal memory",
          "[isa][ldst]") {
    struct Misaligned {
        std::uint32_t word;
        std::uint64_t addr;
        bool write;
    };
    const Misaligned cases[] = {
        {0xc85f7c20, kAddr + 4, false}, // ldxr x0, [x1]
        {0x885ffc20, kAddr + 2, false}, // ldaxr w0, [x1]
        {0xc8dffc20, kAddr + 1, false}, // ldar x0, [x1]
        {0x48dffc20, kAddr + 1, false}, // ldarh w0, [x1]
        {0xc89ffc22, kAddr + 4, true},  // stlr x2, [x1]
        {0x489ffc22, kAddr + 3, true},  // stlrh w2, [x1]
        {0x8805fc22, kAddr + 2, true},  // stlxr w5, w2, [x1] (no monitor)
    };
    for (const Misaligned& c : cases) {
        IsaHarness h; // SCTLR_EL1.M = 1: Normal memory, SCTLR_EL1.A = 0
        INFO(fmt::format("{:#010x} {}", c.word, isa::disassemble(c.word, 0x1000)));
        h.setX(1, c.addr);
        h.setX(0, 0x0123);
        h.setX(5, 0x4567);
        CHECK(h.exec(c.word) != nullptr);
        REQUIRE(h.cx.faulted());
        AArch64_TakeException(h.arch, *h.cx.fault);
        // EC 0x25 (same EL), IL, ISS: WnR[6], DFSC 0x21 alignment fault.
        CHECK(h.arch.cpu.sysregs.raw(SysReg::ESR_EL1) == (c.write ? 0x9600'0061U : 0x9600'0021U));
        CHECK(h.arch.cpu.sysregs.raw(SysReg::FAR_EL1) == c.addr);
        CHECK(h.arch.cpu.sysregs.raw(SysReg::ELR_EL1) == 0x1000);
        CHECK(h.x(0) == 0x0123);
        CHECK(h.x(5) == 0x4567);
        CHECK(h.mem.get<std::uint64_t>(kAddr) == 0);
        CHECK(h.mem.get<std::uint64_t>(kAddr + 8) == 0);
    }
    IsaHarness h;
    h.setX(1, kAddr + 1);
    h.mem.put<std::uint8_t>(kAddr + 1, 0x5A);
    run(h, 0x08dffc20); // ldarb w0, [x1]: a byte is always aligned
    CHECK(h.x(0) == 0x5A);
}
