// The processor's fast engine (docs/performance.md, "The fast engine") against its general
// path, on a program the fast forms cover (ALU, extended and shifted operands, loads, stores and
// pairs with writeback through the direct window, MADD, CCMP, CINC, TBZ, NOP, B.cond) that ends
// by storing a new instruction into its own page and running it. Words from aarch64-linux-gnu-as
// and objdump. Both engines must stop at exactly every budget with the same PC, registers,
// instruction and cycle counts; the count to the end (585) is worked out by hand from the
// program, and the engine must really have run (fastInstructions).
#include "support/isa_harness.h"
#include "support/no_console.h"
#include "svesim/model/processor.h"

#include <array>
#include <catch2/catch.hpp>
#include <memory>
#include <string_view>

using namespace svesim;
using namespace svesim::model;

namespace {

using test::NoConsole;

constexpr std::uint64_t kBase = 0x10000, kSize = 0x4000, kBuffer = kBase + 0x2000;
constexpr std::uint32_t kMovX0_2 = 0xd2800040; // mov x0, #2
constexpr std::uint64_t kEnd = kBase + 0x50;   // the b . after the rewritten instruction

// The loop runs 40 times with 15 instructions, less the NOP that TBZ skips when X3 is even
// (20 times): 580; then 3 before the loop, the STR and the rewritten MOV.
constexpr std::uint64_t kInstructionsToEnd = 3 + 40 * 15 - 20 + 2;

struct Pe {
    test::FlatMemory mem{kBase, kSize};
    NoConsole console;
    std::unique_ptr<Processor> proc;

    explicit Pe(bool fast) {
        static constexpr std::uint32_t kProgram[] = {
            0xd2800503, // mov x3, #40
            0xd2800022, // mov x2, #1
            0xd2800004, // mov x4, #0
            0x8b030042, // 1: add x2, x2, x3
            0xca020c84, // eor x4, x4, x2, lsl #3
            0xf9000524, // str x4, [x9, #8]
            0xf9400525, // ldr x5, [x9, #8]
            0x8b2300a6, // add x6, x5, w3, uxtb
            0xa9811925, // stp x5, x6, [x9, #16]!
            0xa8ff2127, // ldp x7, x8, [x9], #-16
            0x9b0328ea, // madd x10, x7, x3, x10
            0xf1001c7f, // cmp x3, #7
            0xfa491864, // ccmp x3, #9, #4, ne
            0x9a8b056b, // cinc x11, x11, ne
            0x36000043, // tbz w3, #0, 2f
            0xd503201f, // nop
            0xf1000463, // 2: subs x3, x3, #1
            0x54fffe41, // b.ne 1b
            0xb90001ac, // str w12, [x13]   (x13: the next word; x12: mov x0, #2)
            0xd2800020, // mov x0, #1       (rewritten before it runs)
            0x14000000, // b .
        };
        for (std::size_t i = 0; i < std::size(kProgram); ++i)
            mem.put(kBase + 4 * i, kProgram[i]);
        ProcessorConfig cfg;
        cfg.arch.rvbar = kBase;
        cfg.fast_engine = fast;
        proc = std::make_unique<Processor>(cfg, mem, console);
        proc->reset();
        proc->setDirectWindow(mem.at(kBase), kBase, kBase + kSize);
        isa::ExecContext& cx = proc->context();
        cx.setX(9, kBuffer);
        cx.setX(12, kMovX0_2);
        cx.setX(13, kBase + 0x4c);
    }
};

void requireSame(Processor& fast, Processor& general) {
    REQUIRE(fast.arch().cpu.pc == general.arch().cpu.pc);
    REQUIRE(fast.instructions() == general.instructions());
    REQUIRE(fast.cycles() == general.cycles());
    for (unsigned n = 0; n < 31; ++n) {
        INFO("X" << n);
        REQUIRE(fast.context().gprs()[n] == general.context().gprs()[n]);
    }
}

} // namespace

TEST_CASE("Fast engine: the general path's state at every budget, its own stores into code seen",
          "[model][fast]") {
    for (std::uint64_t budget : {1, 2, 3, 5, 7, 16, 100, 1000}) {
        INFO("budget " << budget);
        Pe fast(true), general(false);
        while (general.proc->arch().cpu.pc != kEnd) {
            const RunResult a = fast.proc->run(budget), b = general.proc->run(budget);
            REQUIRE(a.reason == StopReason::Budget);
            REQUIRE(b.reason == StopReason::Budget);
            REQUIRE(a.executed == budget);
            REQUIRE(b.executed == budget);
            requireSame(*fast.proc, *general.proc);
        }
        CHECK(general.proc->instructions() >= kInstructionsToEnd);
        CHECK(general.proc->instructions() < kInstructionsToEnd + budget);
        CHECK(fast.proc->context().X(0) == 2); // the rewritten instruction ran
        CHECK(fast.proc->context().X(3) == 0);
        CHECK(general.proc->fastInstructions() == 0);
        // Each run's first instruction takes the general path; nearly all the rest are fast.
        if (budget >= 100) CHECK(fast.proc->fastInstructions() > kInstructionsToEnd * 9 / 10);
    }
}
