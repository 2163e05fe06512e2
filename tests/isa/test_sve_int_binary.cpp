// SVE integer arithmetic at VL 128, 256, 384, 512 and 2048: MUL/SMAX/SMIN/UMAX/UMIN
// (immediate), the predicated SMAX..UABD and MUL..UDIVR, MLA/MLS/MAD/MSB, the unary operations,
// REVB/REVH/REVW/RBIT, ADR and SDOT/UDOT. Expectations are the Arm ARM pseudocode evaluated
// per element here; the division corner cases were run on QEMU (qemu-aarch64 -cpu max).
#include "svesim/isa/bits.h"
#include "test_sve_int_support.h"

#include <bit>
#include <catch2/catch.hpp>
#include <functional>

using namespace svesim;
using namespace svesim::test;
using namespace svesim::test::sveint;
using svesim::isa::i128;
using svesim::isa::u128;

namespace {

// f(a, b, c) of element e, where a = Z1 before, b = Z2, c = Z3 (all esize-byte values).
using ElemFn = std::function<std::uint64_t(std::uint64_t, std::uint64_t, std::uint64_t)>;
struct Case {
    std::uint32_t word; // destination z1; p1 governs the predicated forms
    unsigned esize;
    bool predicated;
    ElemFn f;
};

void runCases(const std::vector<Case>& cases, std::uint64_t seed) {
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{seed + vl};
        for (const Case& c : cases) {
            for (int round = 0; round < 3; ++round) {
                INFO("VL " << vl << " word " << std::hex << c.word);
                randomize(h, r);
                const Bytes a = zBytes(h, 1), b = zBytes(h, 2), m = zBytes(h, 3), g = pBytes(h, 1);
                h.exec(c.word);
                REQUIRE_FALSE(h.cx.faulted());
                const Bytes out = zBytes(h, 1);
                for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                    const std::uint64_t va = get(a, e, c.esize);
                    const bool active = !c.predicated || pbit(g, e * c.esize);
                    const std::uint64_t expect =
                        active ? c.f(va, get(b, e, c.esize), get(m, e, c.esize)) & mask(c.esize)
                               : va;
                    CHECK(get(out, e, c.esize) == expect);
                }
            }
        }
    }
}

std::int64_t s(std::uint64_t v, unsigned esize) {
    return sext(v, esize);
}
std::uint64_t u(std::int64_t v) {
    return static_cast<std::uint64_t>(v);
}

} // namespace

TEST_CASE("SVE MUL/SMAX/SMIN/UMAX/UMIN (immediate, unpredicated)", "[isa][sve][int]") {
    runCases(
        {
            {0x2530dfa1, 1, false, [](auto a, auto, auto) { return a * u(-3); }}, // mul .b #-3
            {0x25f0cfe1, 8, false, [](auto a, auto, auto) { return a * 127; }},   // mul .d #127
            {0x2568d001, 2, false,
             [](auto a, auto, auto) { return u(std::max<std::int64_t>(s(a, 2), -128)); }},
            {0x25aac0a1, 4, false,
             [](auto a, auto, auto) { return u(std::min<std::int64_t>(s(a, 4), 5)); }},
            {0x2529d901, 1, false,
             [](auto a, auto, auto) { return std::max<std::uint64_t>(a, 200); }},
            {0x25ebdfe1, 8, false,
             [](auto a, auto, auto) { return std::min<std::uint64_t>(a, 255); }},
        },
        1);
}

TEST_CASE("SVE SMAX/UMAX/SMIN/UMIN/SABD/UABD and MUL/SMULH/UMULH/SDIV/UDIV/SDIVR/UDIVR "
          "(predicated)",
          "[isa][sve][int]") {
    auto sdiv = [](std::int64_t x, std::int64_t y) -> std::uint64_t {
        return y == 0 ? 0 : u(static_cast<std::int64_t>(i128{x} / y)); // INT_MIN / -1 wraps
    };
    runCases(
        {
            {0x04080461, 1, true,
             [](auto a, auto, auto c) { return u(std::max(s(a, 1), s(c, 1))); }},
            {0x04490461, 2, true, [](auto a, auto, auto c) { return std::max(a, c); }},
            {0x048a0461, 4, true,
             [](auto a, auto, auto c) { return u(std::min(s(a, 4), s(c, 4))); }},
            {0x04cb0461, 8, true, [](auto a, auto, auto c) { return std::min(a, c); }},
            {0x040c0461, 1, true,
             [](auto a, auto, auto c) { return u(std::abs(s(a, 1) - s(c, 1))); }},
            {0x04cd0461, 8, true, [](auto a, auto, auto c) { return a > c ? a - c : c - a; }},
            {0x04500461, 2, true, [](auto a, auto, auto c) { return a * c; }},
            {0x04d20461, 8, true,
             [](auto a, auto, auto c) {
                 return static_cast<std::uint64_t>((i128{s(a, 8)} * s(c, 8)) >> 64);
             }},
            {0x04130461, 1, true, [](auto a, auto, auto c) { return (a * c) >> 8; }},
            {0x04940461, 4, true, [=](auto a, auto, auto c) { return sdiv(s(a, 4), s(c, 4)); }},
            {0x04d50461, 8, true, [](auto a, auto, auto c) { return c == 0 ? 0 : a / c; }},
            {0x04d60461, 8, true, [=](auto a, auto, auto c) { return sdiv(s(c, 8), s(a, 8)); }},
            {0x04970461, 4, true, [](auto a, auto, auto c) { return a == 0 ? 0 : c / a; }},
        },
        2);
}

TEST_CASE("SVE SDIV: INT_MIN / -1 gives INT_MIN and x / 0 gives 0 (as QEMU)", "[isa][sve][int]") {
    auto hp = harness(128);
    IsaHarness& h = *hp;
    Bytes z1(16), z3(16), all(2, 0xFF);
    const std::uint32_t a[4] = {0x80000000U, 7, 0xFFFFFFF9U, 100};
    const std::uint32_t b[4] = {0xFFFFFFFFU, 0, 2, 0xFFFFFFFDU};
    const std::uint32_t q[4] = {0x80000000U, 0, 0xFFFFFFFDU, 0xFFFFFFDFU}; // -7/2 = -3, 100/-3
    for (unsigned e = 0; e < 4; ++e) {
        put(z1, e, 4, a[e]);
        put(z3, e, 4, b[e]);
    }
    setZ(h, 1, z1);
    setZ(h, 3, z3);
    setP(h, 1, all);
    h.exec(0x04940461); // sdiv z1.s, p1/m, z1.s, z3.s
    const Bytes out = zBytes(h, 1);
    for (unsigned e = 0; e < 4; ++e)
        CHECK(get(out, e, 4) == q[e]);
}

TEST_CASE("SVE MLA/MLS/MAD/MSB (predicated)", "[isa][sve][int]") {
    runCases(
        {
            {0x04034441, 1, true, [](auto a, auto b, auto c) { return a + b * c; }}, // mla
            {0x04c36441, 8, true, [](auto a, auto b, auto c) { return a - b * c; }}, // mls
            // mad z1.h, p1/m, z3.h, z2.h: Zdn = Za (z2) + Zdn * Zm (z3)
            {0x0443c441, 2, true, [](auto a, auto b, auto c) { return b + a * c; }},
            {0x0483e441, 4, true, [](auto a, auto b, auto c) { return b - a * c; }}, // msb
        },
        3);
}

TEST_CASE("SVE unary operations (predicated): extensions, ABS, NEG, CLS, CLZ, CNT, CNOT, NOT, "
          "REVB/REVH/REVW, RBIT",
          "[isa][sve][int]") {
    auto revUnits = [](std::uint64_t v, unsigned ebits, unsigned ubits) {
        std::uint64_t r = 0;
        for (unsigned k = 0; k < ebits / ubits; ++k)
            r |= ((v >> (k * ubits)) & ((std::uint64_t{1} << ubits) - 1))
                 << (ebits - ubits - k * ubits);
        return r;
    };
    runCases(
        {
            {0x0416a441, 1, true, [](auto, auto b, auto) { return u(std::abs(s(b, 1))); }},
            {0x0457a441, 2, true, [](auto, auto b, auto) { return 0 - b; }},
            {0x0498a441, 4, true,
             [](auto, auto b, auto) {
                 const std::uint32_t x = static_cast<std::uint32_t>(s(b, 4) < 0 ? ~b : b);
                 return static_cast<std::uint64_t>(std::countl_zero(x) - 1);
             }},
            {0x04d9a441, 8, true,
             [](auto, auto b, auto) { return static_cast<std::uint64_t>(std::countl_zero(b)); }},
            {0x041aa441, 1, true,
             [](auto, auto b, auto) { return static_cast<std::uint64_t>(std::popcount(b)); }},
            {0x045ba441, 2, true, [](auto, auto b, auto) -> std::uint64_t { return b == 0; }},
            {0x049ea441, 4, true, [](auto, auto b, auto) { return ~b; }},
            {0x0450a441, 2, true, [](auto, auto b, auto) { return u(sext(b, 1)); }},
            {0x04d1a441, 8, true, [](auto, auto b, auto) { return b & 0xFF; }},
            {0x0492a441, 4, true, [](auto, auto b, auto) { return u(sext(b, 2)); }},
            {0x04d3a441, 8, true, [](auto, auto b, auto) { return b & 0xFFFF; }},
            {0x04d4a441, 8, true, [](auto, auto b, auto) { return u(sext(b, 4)); }},
            {0x04d5a441, 8, true, [](auto, auto b, auto) { return b & 0xFFFFFFFF; }},
            {0x05648441, 2, true, [=](auto, auto b, auto) { return revUnits(b, 16, 8); }},
            {0x05e58441, 8, true, [=](auto, auto b, auto) { return revUnits(b, 64, 16); }},
            {0x05e68441, 8, true, [=](auto, auto b, auto) { return revUnits(b, 64, 32); }},
            {0x05a78441, 4, true, [=](auto, auto b, auto) { return revUnits(b, 32, 1); }},
        },
        4);
}

TEST_CASE("SVE ADR: packed .S/.D offsets and unpacked SXTW/UXTW offsets", "[isa][sve][int]") {
    runCases(
        {
            {0x04a3ac41, 4, false, [](auto, auto b, auto c) { return b + (c << 3); }},
            {0x04e3a041, 8, false, [](auto, auto b, auto c) { return b + c; }},
            {0x0423a441, 8, false, [](auto, auto b, auto c) { return b + (u(sext(c, 4)) << 1); }},
            {0x0463a841, 8, false,
             [](auto, auto b, auto c) { return b + ((c & 0xFFFFFFFF) << 2); }},
        },
        5);
}

TEST_CASE("SVE SDOT/UDOT: vectors and indexed (the index selects within each 128-bit segment)",
          "[isa][sve][int]") {
    struct Dot {
        std::uint32_t word; // sdot/udot z1, z2, z3[index]
        unsigned esize;
        bool is_unsigned;
        int index; // -1: vectors
    };
    const Dot kDots[] = {
        {0x44830041, 4, false, -1}, // sdot z1.s, z2.b, z3.b
        {0x44c30441, 8, true, -1},  // udot z1.d, z2.h, z3.h
        {0x44b30041, 4, false, 2},  // sdot z1.s, z2.b, z3.b[2]
        {0x44f30441, 8, true, 1},   // udot z1.d, z2.h, z3.h[1]
        {0x44ab0441, 4, true, 1},   // udot z1.s, z2.b, z3.b[1]
        {0x44e30041, 8, false, 0},  // sdot z1.d, z2.h, z3.h[0]
    };
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl + 6};
        for (const Dot& d : kDots) {
            INFO("VL " << vl << " word " << std::hex << d.word);
            randomize(h, r);
            const Bytes a = zBytes(h, 1), n = zBytes(h, 2), m = zBytes(h, 3);
            h.exec(d.word);
            REQUIRE_FALSE(h.cx.faulted());
            const Bytes out = zBytes(h, 1);
            const unsigned q = d.esize / 4, per_segment = 16 / d.esize;
            for (unsigned e = 0; e < vl / 8 / d.esize; ++e) {
                const unsigned sidx = d.index < 0 ? e : e - e % per_segment + d.index;
                std::uint64_t sum = get(a, e, d.esize);
                for (unsigned k = 0; k < 4; ++k) {
                    const std::uint64_t x = get(n, 4 * e + k, q), y = get(m, 4 * sidx + k, q);
                    sum += d.is_unsigned ? x * y : u(sext(x, q) * sext(y, q));
                }
                CHECK(get(out, e, d.esize) == (sum & mask(d.esize)));
            }
        }
    }
}
