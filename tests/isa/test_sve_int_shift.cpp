// SVE shifts at VL 128, 256, 384, 512 and 2048: ASR/LSR/LSL/ASRD by immediate (predicated),
// by immediate (unpredicated), by wide elements (both), by vector with ASRR/LSRR/LSLR.
// Expectations from the Arm ARM pseudocode (ASR/LSR/LSL with shift = Min(UInt(amount), esize));
// the same instructions agree with QEMU in the random differential (tests/diff).
#include "svesim/isa/bits.h"
#include "test_sve_int_support.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;
using namespace svesim::test::sveint;

namespace {

enum class Sh { Asr, Lsr, Lsl, Asrd };

// The pseudocode's shifts of an esize-byte element by `amount` (already limited or not).
std::uint64_t ref(Sh op, std::uint64_t v, std::uint64_t amount, unsigned esize) {
    const unsigned n = esize * 8;
    const std::uint64_t s = amount > n ? n : amount;
    switch (op) {
    case Sh::Asr:
        return s >= n ? (sext(v, esize) < 0 ? mask(esize) : 0)
                      : static_cast<std::uint64_t>(sext(v, esize) >> s) & mask(esize);
    case Sh::Lsr: return s >= n ? 0 : v >> s;
    case Sh::Lsl: return s >= n ? 0 : (v << s) & mask(esize);
    case Sh::Asrd: { // a signed division by 2^s that rounds toward zero
        const isa::i128 d = isa::i128{1} << s;
        return static_cast<std::uint64_t>(isa::i128{sext(v, esize)} / d) & mask(esize);
    }
    }
    return 0;
}

} // namespace

TEST_CASE("SVE ASR/LSR/LSL/ASRD (immediate, predicated) shift active elements of Zdn",
          "[isa][sve][int][shift]") {
    struct Case {
        std::uint32_t word; // Zdn = z1, Pg = p1
        Sh op;
        unsigned esize, amount;
    };
    const Case kCases[] = {
        {0x040085e1, Sh::Asr, 1, 1},   // asr z1.b, p1/m, z1.b, #1
        {0x04808401, Sh::Asr, 8, 64},  // asr z1.d, p1/m, z1.d, #64
        {0x04418401, Sh::Lsr, 4, 32},  // lsr z1.s, p1/m, z1.s, #32
        {0x040385e1, Sh::Lsl, 1, 7},   // lsl z1.b, p1/m, z1.b, #7
        {0x040387e1, Sh::Lsl, 2, 15},  // lsl z1.h, p1/m, z1.h, #15
        {0x04c387e1, Sh::Lsl, 8, 63},  // lsl z1.d, p1/m, z1.d, #63
        {0x04048601, Sh::Asrd, 2, 16}, // asrd z1.h, p1/m, z1.h, #16
        {0x04848421, Sh::Asrd, 8, 63}, // asrd z1.d, p1/m, z1.d, #63
        {0x04c48421, Sh::Asrd, 8, 31}, // asrd z1.d, p1/m, z1.d, #31
        {0x04c487e1, Sh::Asrd, 8, 1},  // asrd z1.d, p1/m, z1.d, #1
    };
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl};
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            randomize(h, r);
            const Bytes old = zBytes(h, 1), g = pBytes(h, 1);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const Bytes out = zBytes(h, 1);
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                const std::uint64_t v = get(old, e, c.esize);
                CHECK(get(out, e, c.esize) ==
                      (pbit(g, e * c.esize) ? ref(c.op, v, c.amount, c.esize) : v));
            }
        }
    }
}

TEST_CASE("SVE ASRD rounds toward zero (hand-evaluated pseudocode)", "[isa][sve][int][shift]") {
    auto hp = harness(128);
    IsaHarness& h = *hp;
    Bytes z(16), all(2, 0xFF);
    const std::int16_t in[8] = {-7, 7, -8, -1, 1, -32768, 32767, 0};
    const std::int16_t expect[8] = {-1, 1, -2, 0, 0, -8192, 8191, 0}; // divided by 4
    for (unsigned e = 0; e < 8; ++e)
        put(z, e, 2, static_cast<std::uint16_t>(in[e]));
    setZ(h, 1, z);
    setP(h, 1, all);
    h.exec(0x040487c1); // asrd z1.h, p1/m, z1.h, #2
    REQUIRE_FALSE(h.cx.faulted());
    const Bytes out = zBytes(h, 1);
    for (unsigned e = 0; e < 8; ++e)
        CHECK(get(out, e, 2) == static_cast<std::uint16_t>(expect[e]));
}

TEST_CASE("SVE ASR/LSR/LSL (immediate and wide elements, unpredicated)", "[isa][sve][int][shift]") {
    struct Case {
        std::uint32_t word; // Zd = z1, Zn = z2, Zm = z3
        Sh op;
        unsigned esize, amount; // amount 99: by the 64-bit element of z3
    };
    const Case kCases[] = {
        {0x042f9c41, Sh::Lsl, 1, 7},  // lsl z1.b, z2.b, #7
        {0x04309041, Sh::Asr, 2, 16}, // asr z1.h, z2.h, #16
        {0x04a09441, Sh::Lsr, 8, 64}, // lsr z1.d, z2.d, #64
        {0x04619441, Sh::Lsr, 4, 31}, // lsr z1.s, z2.s, #31
        {0x04238c41, Sh::Lsl, 1, 99}, // lsl z1.b, z2.b, z3.d
        {0x04a38041, Sh::Asr, 4, 99}, // asr z1.s, z2.s, z3.d
        {0x04638441, Sh::Lsr, 2, 99}, // lsr z1.h, z2.h, z3.d
    };
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl + 1};
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            randomize(h, r);
            const Bytes zn = zBytes(h, 2), zm = zBytes(h, 3);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const Bytes out = zBytes(h, 1);
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                const std::uint64_t amount =
                    c.amount == 99 ? get(zm, e * c.esize / 8, 8) : c.amount;
                CHECK(get(out, e, c.esize) == ref(c.op, get(zn, e, c.esize), amount, c.esize));
            }
        }
    }
}

TEST_CASE("SVE ASR/LSR/LSL by wide elements and by vector (predicated), ASRR/LSRR/LSLR",
          "[isa][sve][int][shift]") {
    struct Case {
        std::uint32_t word; // Zdn = z1, Pg = p1, Zm = z3
        Sh op;
        unsigned esize;
        bool wide, reversed;
    };
    const Case kCases[] = {
        {0x041b8461, Sh::Lsl, 1, true, false},  // lsl z1.b, p1/m, z1.b, z3.d
        {0x04988461, Sh::Asr, 4, true, false},  // asr z1.s, p1/m, z1.s, z3.d
        {0x04598461, Sh::Lsr, 2, true, false},  // lsr z1.h, p1/m, z1.h, z3.d
        {0x04d08461, Sh::Asr, 8, false, false}, // asr z1.d, p1/m, z1.d, z3.d
        {0x04d18461, Sh::Lsr, 8, false, false}, // lsr z1.d, p1/m, z1.d, z3.d
        {0x04d38461, Sh::Lsl, 8, false, false}, // lsl z1.d, p1/m, z1.d, z3.d
        {0x04d48461, Sh::Asr, 8, false, true},  // asrr z1.d, p1/m, z1.d, z3.d
        {0x04d58461, Sh::Lsr, 8, false, true},  // lsrr z1.d, p1/m, z1.d, z3.d
        {0x04d78461, Sh::Lsl, 8, false, true},  // lslr z1.d, p1/m, z1.d, z3.d
        {0x04108461, Sh::Asr, 1, false, false}, // asr z1.b, p1/m, z1.b, z3.b
        {0x04578461, Sh::Lsl, 2, false, true},  // lslr z1.h, p1/m, z1.h, z3.h
    };
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl + 2};
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            randomize(h, r);
            const Bytes old = zBytes(h, 1), zm = zBytes(h, 3), g = pBytes(h, 1);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const Bytes out = zBytes(h, 1);
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                const std::uint64_t a = get(old, e, c.esize);
                const std::uint64_t b = c.wide ? get(zm, e * c.esize / 8, 8) : get(zm, e, c.esize);
                const std::uint64_t expect =
                    c.reversed ? ref(c.op, b, a, c.esize) : ref(c.op, a, b, c.esize);
                CHECK(get(out, e, c.esize) == (pbit(g, e * c.esize) ? expect : a));
            }
        }
    }
}
