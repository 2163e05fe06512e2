// The case runner of the SVE FP cases recorded on qemu-aarch64 at VL 512 (written by
// test_fp_qemu_gen.py and test_sve_fp_trig_qemu_gen.py).
#pragma once

#include "support/isa_harness.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fmt/core.h>

namespace svesim::test::sve_fp_qemu {

// VL 512. Before: FPCR, Z1..Z3, Z0 = Z3, P0 and P1 (the governing predicate). After (QEMU's
// values): Z0, P0 and FPSR.
struct Case {
    std::uint32_t word, fpcr;
    std::array<std::array<std::uint64_t, 8>, 3> z;
    std::uint64_t p0, p1;
    std::array<std::uint64_t, 8> z0;
    std::uint64_t p0_out, fpsr;
};

template <std::size_t N>
std::array<std::uint8_t, N * 8> bytesOf(const std::array<std::uint64_t, N>& q) {
    std::array<std::uint8_t, N * 8> b{};
    for (std::size_t k = 0; k < N * 8; ++k)
        b[k] = static_cast<std::uint8_t>(q[k / 8] >> (8 * (k % 8)));
    return b;
}

inline void check(const Case& c) {
    IsaHarness h(512);
    const VectorLength vl = h.cx.vl();
    for (unsigned k = 0; k < 3; ++k)
        h.arch.sve.setZ(h.arch.cpu, k + 1, vl, bytesOf(c.z[k]));
    h.arch.sve.setZ(h.arch.cpu, 0, vl, bytesOf(c.z[2]));
    h.arch.sve.setP(h.arch.cpu, 0, vl, bytesOf(std::array<std::uint64_t, 1>{c.p0}));
    h.arch.sve.setP(h.arch.cpu, 1, vl, bytesOf(std::array<std::uint64_t, 1>{c.p1}));
    h.arch.cpu.sysregs.write(SysReg::FPCR, c.fpcr);
    h.arch.cpu.sysregs.write(SysReg::FPSR, 0);
    INFO(fmt::format("{:08x} ({}) fpcr {:#x} p1 {:#x}", c.word, isa::disassemble(c.word, 0), c.fpcr,
                     c.p1));
    REQUIRE(h.exec(c.word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    const auto z0 = h.z(0);
    for (unsigned k = 0; k < 8; ++k) {
        std::uint64_t v = 0;
        for (unsigned b = 0; b < 8; ++b)
            v |= std::uint64_t{z0[8 * k + b]} << (8 * b);
        INFO(fmt::format("z0 word {}: z1 {:#x} z2 {:#x} z3 {:#x}", k, c.z[0][k], c.z[1][k],
                         c.z[2][k]));
        CHECK(fmt::format("{:#x}", v) == fmt::format("{:#x}", c.z0[k]));
    }
    const auto p0 = h.arch.sve.P(0, vl);
    std::uint64_t p = 0;
    for (unsigned b = 0; b < 8; ++b)
        p |= std::uint64_t{p0[b]} << (8 * b);
    CHECK(fmt::format("{:#x}", p) == fmt::format("{:#x}", c.p0_out));
    CHECK(fmt::format("{:#x}", h.arch.cpu.sysregs.read(SysReg::FPSR)) ==
          fmt::format("{:#x}", c.fpsr));
}

} // namespace svesim::test::sve_fp_qemu
