// AdvSIMD structure loads and stores (isa/src/ldst_simd_struct.cpp): LD1..LD4 and ST1..ST4 of
// multiple structures, single lanes, LD1R..LD4R, with no offset and both post-index forms.
// Expected registers, memory and base writeback are qemu-aarch64 7.2's (-cpu max) for the same
// instruction with memory bytes 0..63 at the base, vN = 0xA0+N in every byte and x2 = 16.
#include "support/isa_harness.h"
#include "svesim/exceptions/take_exception.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstring>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr std::uint64_t kBase = 0x10F00;

struct StructCase {
    std::uint32_t word;
    std::uint64_t writeback;        // x0 - base afterwards
    std::array<std::uint64_t, 8> q; // v0..v3, low then high doubleword
    std::array<std::uint64_t, 8> mem;
};

void setup(IsaHarness& h) {
    for (unsigned b = 0; b < 64; ++b)
        h.mem.put<std::uint8_t>(kBase + b, static_cast<std::uint8_t>(b));
    for (unsigned r = 0; r < 4; ++r) {
        std::array<std::uint8_t, 16> v{};
        v.fill(static_cast<std::uint8_t>(0xA0 + r));
        h.arch.sve.setV(h.arch.cpu, r, v);
    }
    h.setX(0, kBase);
    h.setX(2, 16);
}

} // namespace

TEST_CASE("ldst simd: structure loads and stores of every kind match QEMU", "[isa][ldst]") {
    // clang-format off
    const StructCase cases[] = {
    {0x4c402000, 0, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0]
    {0x0cdf7000, 8, {0x706050403020100, 0x0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1 {v0.8b}, [x0], #8
    {0x0cc2a401, 16, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0x706050403020100, 0x0, 0xf0e0d0c0b0a0908, 0x0, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1 {v1.4h, v2.4h}, [x0], x2
    {0x4c406c00, 0, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1 {v0.2d, v1.2d, v2.2d}, [x0]
    {0x0c407c00, 0, {0x706050403020100, 0x0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1 {v0.1d}, [x0]
    {0x4cdf8400, 32, {0xd0c090805040100, 0x1d1c191815141110, 0xf0e0b0a07060302, 0x1f1e1b1a17161312, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld2 {v0.8h, v1.8h}, [x0], #32
    {0x0c404000, 0, {0x15120f0c09060300, 0x0, 0x1613100d0a070401, 0x0, 0x1714110e0b080502, 0x0, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld3 {v0.8b, v1.8b, v2.8b}, [x0]
    {0x4cdf0800, 64, {0x1312111003020100, 0x3332313023222120, 0x1716151407060504, 0x3736353427262524, 0x1b1a19180b0a0908, 0x3b3a39382b2a2928, 0x1f1e1d1c0f0e0d0c, 0x3f3e3d3c2f2e2d2c}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [x0], #64
    {0x0c400800, 0, {0x1312111003020100, 0x0, 0x1716151407060504, 0x0, 0x1b1a19180b0a0908, 0x0, 0x1f1e1d1c0f0e0d0c, 0x0}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld4 {v0.2s, v1.2s, v2.2s, v3.2s}, [x0]
    {0x4c408c02, 0, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0x706050403020100, 0x1716151413121110, 0xf0e0d0c0b0a0908, 0x1f1e1d1c1b1a1918}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld2 {v2.2d, v3.2d}, [x0]
    {0x4c9fa000, 32, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // st1 {v0.16b, v1.16b}, [x0], #32
    {0x4c008800, 0, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0xa1a1a1a1a0a0a0a0, 0xa1a1a1a1a0a0a0a0, 0xa1a1a1a1a0a0a0a0, 0xa1a1a1a1a0a0a0a0, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // st2 {v0.4s, v1.4s}, [x0]
    {0x0c824400, 16, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0xa0a0a2a2a1a1a0a0, 0xa1a1a0a0a2a2a1a1, 0xa2a2a1a1a0a0a2a2, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // st3 {v0.4h, v1.4h, v2.4h}, [x0], x2
    {0x4c000000, 0, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0xa3a2a1a0a3a2a1a0, 0xa3a2a1a0a3a2a1a0, 0xa3a2a1a0a3a2a1a0, 0xa3a2a1a0a3a2a1a0, 0xa3a2a1a0a3a2a1a0, 0xa3a2a1a0a3a2a1a0, 0xa3a2a1a0a3a2a1a0, 0xa3a2a1a0a3a2a1a0}}, // st4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0]
    {0x4d401c00, 0, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1 {v0.b}[15], [x0]
    {0x0ddf5801, 2, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0x100a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1 {v1.h}[3], [x0], #2
    {0x4de28000, 16, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a003020100, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a107060504, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld2 {v0.s, v1.s}[2], [x0], x2
    {0x4d40a400, 0, {0xa0a0a0a0a0a0a0a0, 0x706050403020100, 0xa1a1a1a1a1a1a1a1, 0xf0e0d0c0b0a0908, 0xa2a2a2a2a2a2a2a2, 0x1716151413121110, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld3 {v0.d, v1.d, v2.d}[1], [x0]
    {0x4dff2400, 4, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a000a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a101a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a202a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a303a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld4 {v0.b, v1.b, v2.b, v3.b}[9], [x0], #4
    {0x4d008402, 0, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0xa2a2a2a2a2a2a2a2, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // st1 {v2.d}[1], [x0]
    {0x4dbf4800, 4, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x7060504a1a1a0a0, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // st2 {v0.h, v1.h}[5], [x0], #4
    {0x4d20b000, 0, {0xa0a0a0a0a0a0a0a0, 0xa0a0a0a0a0a0a0a0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0xa1a1a1a1a0a0a0a0, 0xa3a3a3a3a2a2a2a2, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // st4 {v0.s, v1.s, v2.s, v3.s}[3], [x0]
    {0x4d40c000, 0, {0x0, 0x0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1r {v0.16b}, [x0]
    {0x0ddfc400, 2, {0x100010001000100, 0x0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1r {v0.4h}, [x0], #2
    {0x0de2c800, 16, {0x302010003020100, 0x0, 0x706050407060504, 0x0, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld2r {v0.2s, v1.2s}, [x0], x2
    {0x4d40ec00, 0, {0x706050403020100, 0x706050403020100, 0xf0e0d0c0b0a0908, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1716151413121110, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld3r {v0.2d, v1.2d, v2.2d}, [x0]
    {0x4dffe400, 8, {0x100010001000100, 0x100010001000100, 0x302030203020302, 0x302030203020302, 0x504050405040504, 0x504050405040504, 0x706070607060706, 0x706070607060706}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld4r {v0.8h, v1.8h, v2.8h, v3.8h}, [x0], #8
    {0x0d40cc00, 0, {0x706050403020100, 0x0, 0xa1a1a1a1a1a1a1a1, 0xa1a1a1a1a1a1a1a1, 0xa2a2a2a2a2a2a2a2, 0xa2a2a2a2a2a2a2a2, 0xa3a3a3a3a3a3a3a3, 0xa3a3a3a3a3a3a3a3}, {0x706050403020100, 0xf0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918, 0x2726252423222120, 0x2f2e2d2c2b2a2928, 0x3736353433323130, 0x3f3e3d3c3b3a3938}}, // ld1r {v0.1d}, [x0]
    };
    // clang-format on
    for (const StructCase& c : cases) {
        IsaHarness h(256);
        INFO(fmt::format("{:#010x} {}", c.word, isa::disassemble(c.word, 0x1000)));
        setup(h);
        REQUIRE(h.exec(c.word) != nullptr);
        REQUIRE_FALSE(h.cx.faulted());
        CHECK(h.x(0) - kBase == c.writeback);
        for (unsigned r = 0; r < 4; ++r) {
            std::array<std::uint64_t, 2> q{};
            std::memcpy(q.data(), h.z(r).data(), 16);
            INFO("v" << r);
            CHECK(q[0] == c.q[2 * r]);
            CHECK(q[1] == c.q[2 * r + 1]);
            // V[] writes zero the rest of the Z register (R12); stores leave it alone.
            if ((c.word & (1U << 22)) != 0)
                for (unsigned b = 16; b < h.vlBytes(); ++b)
                    CHECK(h.z(r)[b] == 0);
        }
        for (unsigned k = 0; k < 8; ++k)
            CHECK(h.mem.get<std::uint64_t>(kBase + 8 * k) == c.mem[k]);
    }
}

TEST_CASE("ldst simd: a fault part-way through a load leaves every register unchanged",
          "[isa][ldst]") {
    IsaHarness h;
    setup(h);
    h.setX(0, 0x1FFF0); // the last 16 bytes of memory: the second register faults
    REQUIRE(h.exec(0x4c40a000) != nullptr); // ld1 {v0.16b, v1.16b}, [x0]
    REQUIRE(h.cx.faulted());
    CHECK(h.z(0)[0] == 0xA0);
    CHECK(h.z(1)[0] == 0xA1);
    CHECK(h.x(0) == 0x1FFF0);
}

TEST_CASE("ldst simd: register lists wrap at v31 and unallocated shapes are UNDEFINED",
          "[isa][ldst]") {
    // From llvm-mc --disassemble -mattr=+v8.2a.
    CHECK(isa::disassemble(0x4c40a3ff, 0) == "ld1\t{ v31.16b, v0.16b }, [sp]");
    CHECK(isa::disassemble(0x4de2a400, 0) == "ld4\t{ v0.d, v1.d, v2.d, v3.d }[1], [x0], x2");
    CHECK(isa::disassemble(0x4dffe000, 0) == "ld4r\t{ v0.16b, v1.16b, v2.16b, v3.16b }, [x0], #4");
    IsaHarness h;
    CHECK(h.exec(0x4d205fe0) == nullptr); // single structure, H with size<0> = 1
    CHECK(h.exec(0x0c408c00) == nullptr); // ld2 {v0.1d, v1.1d}: 1D only for LD1
    CHECK(h.exec(0x0c401000) == nullptr); // opcode 0001
}
