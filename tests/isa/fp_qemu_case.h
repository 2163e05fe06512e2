// The case runner of the scalar and AdvSIMD FP cases recorded on qemu-aarch64 (written by
// test_fp_qemu_gen.py): the state before, one instruction, QEMU's state after.
#pragma once

#include "support/isa_harness.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fmt/core.h>

namespace svesim::test::fp_qemu {

// Before: FPCR, V1..V3 (128 bits each), X1, NZCV; V0 and X0 hold a marker.
// After (QEMU's values): V0<127:0>, X0, FPSR, NZCV.
struct Case {
    std::uint32_t word, fpcr;
    std::array<std::uint64_t, 6> v; // V1, V2, V3: low and high halves
    std::uint64_t x1;
    unsigned nzcv_in;
    std::uint64_t v0, v0_hi, x0;
    std::uint32_t fpsr;
    unsigned nzcv;
};

inline constexpr std::uint64_t kMarker = 0xdeadbeefcafef00d;

inline void setV(IsaHarness& h, unsigned n, std::uint64_t lo, std::uint64_t hi) {
    std::array<std::uint8_t, 16> b{};
    for (unsigned k = 0; k < 8; ++k) {
        b[k] = static_cast<std::uint8_t>(lo >> (8 * k));
        b[8 + k] = static_cast<std::uint8_t>(hi >> (8 * k));
    }
    h.arch.sve.setV(h.arch.cpu, n, b);
}
inline std::uint64_t vPart(IsaHarness& h, unsigned n, unsigned part) {
    std::uint64_t v = 0;
    for (unsigned k = 0; k < 8; ++k)
        v |= std::uint64_t{h.z(n)[8 * part + k]} << (8 * k);
    return v;
}

inline void check(const Case& c) {
    IsaHarness h;
    setV(h, 0, kMarker, kMarker);
    for (unsigned k = 0; k < 3; ++k)
        setV(h, k + 1, c.v[2 * k], c.v[2 * k + 1]);
    h.setX(0, kMarker);
    h.setX(1, c.x1);
    h.arch.cpu.sysregs.write(SysReg::FPCR, c.fpcr);
    h.arch.cpu.sysregs.write(SysReg::FPSR, 0);
    h.p().n = (c.nzcv_in & 8) != 0;
    h.p().z = (c.nzcv_in & 4) != 0;
    h.p().c = (c.nzcv_in & 2) != 0;
    h.p().v = (c.nzcv_in & 1) != 0;
    INFO(fmt::format("{:08x} ({}) fpcr {:#x} v1 {:#x}:{:#x} v2 {:#x}:{:#x} v3 {:#x}:{:#x} x1 {:#x}",
                     c.word, isa::disassemble(c.word, 0), c.fpcr, c.v[1], c.v[0], c.v[3], c.v[2],
                     c.v[5], c.v[4], c.x1));
    REQUIRE(h.exec(c.word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    const unsigned nzcv =
        (h.p().n ? 8U : 0U) | (h.p().z ? 4U : 0U) | (h.p().c ? 2U : 0U) | (h.p().v ? 1U : 0U);
    CHECK(fmt::format("{:#x}", vPart(h, 0, 0)) == fmt::format("{:#x}", c.v0));
    CHECK(fmt::format("{:#x}", vPart(h, 0, 1)) == fmt::format("{:#x}", c.v0_hi));
    CHECK(fmt::format("{:#x}", h.x(0)) == fmt::format("{:#x}", c.x0));
    CHECK(fmt::format("{:#x}", h.arch.cpu.sysregs.read(SysReg::FPSR)) ==
          fmt::format("{:#x}", c.fpsr));
    CHECK(nzcv == c.nzcv);
}

} // namespace svesim::test::fp_qemu
