// One A64 instruction run on svesim with inputs whose expected outputs were recorded from
// qemu-aarch64 (-cpu max) running the same instruction on the same inputs: x0..x7 and 16 bytes
// at kQemuCaseBase going in, x0..x7 and those bytes coming out. Used by the per-group tests of
// the base instruction set (LSE, CRC32, LOR, exclusive pairs, unprivileged loads/stores).
#pragma once

#include "support/isa_harness.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fmt/core.h>

namespace svesim::test {

inline constexpr std::uint64_t kQemuCaseBase = 0x10F00;

struct QemuCase {
    std::uint32_t word;
    unsigned base_reg; // set to kQemuCaseBase (31: none)
    std::array<std::uint64_t, 8> x;
    std::array<std::uint64_t, 2> mem;
    std::array<std::uint64_t, 8> expect_x;
    std::array<std::uint64_t, 2> expect_mem;
};

inline void checkQemuCase(const QemuCase& c) {
    IsaHarness h;
    INFO(fmt::format("{:#010x} {}", c.word, isa::disassemble(c.word, 0x1000)));
    for (unsigned r = 0; r < 8; ++r)
        h.setX(r, c.x[r]);
    h.setX(c.base_reg, kQemuCaseBase);
    h.mem.put(kQemuCaseBase, c.mem[0]);
    h.mem.put(kQemuCaseBase + 8, c.mem[1]);
    REQUIRE(h.exec(c.word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    for (unsigned r = 0; r < 8; ++r) {
        INFO("x" << r);
        CHECK(h.x(r) == c.expect_x[r]);
    }
    CHECK(h.mem.get<std::uint64_t>(kQemuCaseBase) == c.expect_mem[0]);
    CHECK(h.mem.get<std::uint64_t>(kQemuCaseBase + 8) == c.expect_mem[1]);
}

} // namespace svesim::test
