// SVE element-count arithmetic and reductions at VL 128, 256, 384, 512 and 2048:
// SQINC/UQINC/SQDEC/UQDEC (scalar 32/64, vector), INC/DEC (vector), CNTP, INCP/DECP, the
// saturating INCP/DECP, and SADDV/UADDV/SMAXV/SMINV/UMAXV/UMINV/ANDV/ORV/EORV. Expectations from
// the Arm ARM pseudocode (DecodePredCount, CountActive, SignedSatQ/UnsignedSatQ, the reduction
// identities), with the pinned saturation cases evaluated by hand.
#include "svesim/isa/bits.h"
#include "test_sve_int_support.h"

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;
using namespace svesim::test::sveint;
using svesim::isa::i128;

namespace {

unsigned patternCount(unsigned pattern, unsigned elements) {
    if (pattern == 0) return std::bit_floor(elements);
    if (pattern >= 1 && pattern <= 8) return pattern <= elements ? pattern : 0;
    if (pattern >= 9 && pattern <= 13)
        return (16U << (pattern - 9)) <= elements ? 16U << (pattern - 9) : 0;
    if (pattern == 29) return elements / 4 * 4;
    if (pattern == 30) return elements / 3 * 3;
    if (pattern == 31) return elements;
    return 0;
}
std::uint64_t sat(i128 v, unsigned bits, bool is_unsigned) {
    const i128 lo = is_unsigned ? 0 : -(i128{1} << (bits - 1));
    const i128 hi = is_unsigned ? (i128{1} << bits) - 1 : (i128{1} << (bits - 1)) - 1;
    const i128 c = std::clamp(v, lo, hi);
    return static_cast<std::uint64_t>(c) &
           (bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1);
}
// The scalar forms' result in X: 32-bit signed sign-extended, unsigned zero-extended.
std::uint64_t scalarResult(std::uint64_t x, std::int64_t delta, unsigned bits, bool is_unsigned) {
    const i128 v = is_unsigned ? i128{bits == 64 ? x : x & 0xFFFFFFFF}
                               : i128{bits == 64 ? static_cast<std::int64_t>(x) : sext(x, 4)};
    const std::uint64_t r = sat(v + delta, bits, is_unsigned);
    return bits == 32 && !is_unsigned ? static_cast<std::uint64_t>(sext(r, 4)) : r;
}
unsigned countActive(const Bytes& p, unsigned esize, unsigned elements) {
    unsigned n = 0;
    for (unsigned e = 0; e < elements; ++e)
        n += pbit(p, e * esize) ? 1U : 0U;
    return n;
}

} // namespace

TEST_CASE("SVE SQINC/UQINC/SQDEC/UQDEC (scalar, 32 and 64 bits) saturate", "[isa][sve][int]") {
    struct Case {
        std::uint32_t word; // Xdn = x1
        unsigned esize, pattern, mul, bits;
        int sign;
        bool is_unsigned;
    };
    const Case kCases[] = {
        {0x0430f3e1, 1, 31, 1, 64, 1, false},   // sqincb x1
        {0x0420f3e1, 1, 31, 1, 32, 1, false},   // sqincb x1, w1
        {0x0420f7e1, 1, 31, 1, 32, 1, true},    // uqincb w1
        {0x0430f7e1, 1, 31, 1, 64, 1, true},    // uqincb x1
        {0x0472f841, 2, 2, 3, 64, -1, false},   // sqdech x1, vl2, mul #3
        {0x04affbe1, 4, 31, 16, 32, -1, false}, // sqdecw x1, w1, all, mul #16
        {0x04e0fc01, 8, 0, 1, 32, -1, true},    // uqdecd w1, pow2
        {0x0431ffa1, 1, 29, 2, 64, -1, true},   // uqdecb x1, mul4, mul #2
    };
    const std::uint64_t kValues[] = {0,
                                     5,
                                     0x7FFFFFF0,
                                     0x80000005,
                                     0xFFFFFFF0,
                                     0x1'0000'0003,
                                     0x7FFF'FFFF'FFFF'FFF0,
                                     0x8000'0000'0000'0004,
                                     0xFFFF'FFFF'FFFF'FFFE};
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        for (const Case& c : kCases)
            for (std::uint64_t x : kValues) {
                INFO("VL " << vl << " word " << std::hex << c.word << " x1 " << x);
                h.setX(1, x);
                h.exec(c.word);
                REQUIRE_FALSE(h.cx.faulted());
                const std::int64_t n =
                    std::int64_t{patternCount(c.pattern, vl / 8 / c.esize)} * c.mul * c.sign;
                CHECK(h.x(1) == scalarResult(x, n, c.bits, c.is_unsigned));
            }
    }
}

TEST_CASE("SVE saturating scalar INC/DEC: hand-evaluated cases at VL 128", "[isa][sve][int]") {
    auto hp = harness(128);
    IsaHarness& h = *hp;
    h.setX(1, 0xFFFF'FFFF'7FFF'FFF8); // W1 = INT32_MAX - 7; 16 bytes added
    h.exec(0x0420f3e1);               // sqincb x1, w1
    CHECK(h.x(1) == 0x7FFF'FFFF);
    h.setX(1, 0x8000'0003);
    h.exec(0x04affbe1); // sqdecw x1, w1, all, mul #16: -2^31 + 3 - 64 saturates
    CHECK(h.x(1) == 0xFFFF'FFFF'8000'0000);
    h.setX(1, 0x1'FFFF'FFF8);
    h.exec(0x0420f7e1); // uqincb w1: 0xFFFFFFF8 + 16 saturates, upper half cleared
    CHECK(h.x(1) == 0xFFFF'FFFF);
    h.setX(1, 1);
    h.exec(0x04e0fc01); // uqdecd w1, pow2: 1 - 2 saturates at 0
    CHECK(h.x(1) == 0);
}

TEST_CASE("SVE SQINC..UQDEC and INC/DEC (vector) add the pattern count to every element",
          "[isa][sve][int]") {
    struct Case {
        std::uint32_t word; // Zdn = z1
        unsigned esize, pattern, mul;
        int sign;
        bool saturate, is_unsigned;
    };
    const Case kCases[] = {
        {0x0460c3e1, 2, 31, 1, 1, true, false},   // sqinch z1.h
        {0x0462c441, 2, 2, 3, 1, true, true},     // uqinch z1.h, vl2, mul #3
        {0x04afcbe1, 4, 31, 16, -1, true, false}, // sqdecw z1.s, all, mul #16
        {0x04e0cc21, 8, 1, 1, -1, true, true},    // uqdecd z1.d, vl1
        {0x04b0c3e1, 4, 31, 1, 1, false, false},  // incw z1.s
        {0x04f3c461, 8, 3, 4, -1, false, false},  // decd z1.d, vl3, mul #4
        {0x047fc001, 2, 0, 16, 1, false, false},  // inch z1.h, pow2, mul #16
    };
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl + 10};
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            randomize(h, r);
            const Bytes old = zBytes(h, 1);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const Bytes out = zBytes(h, 1);
            const std::int64_t n =
                std::int64_t{patternCount(c.pattern, vl / 8 / c.esize)} * c.mul * c.sign;
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                const std::uint64_t v = get(old, e, c.esize);
                const i128 x = c.is_unsigned ? i128{v} : i128{sext(v, c.esize)};
                const std::uint64_t expect =
                    c.saturate ? sat(x + n, c.esize * 8, c.is_unsigned)
                               : (v + static_cast<std::uint64_t>(n)) & mask(c.esize);
                CHECK(get(out, e, c.esize) == expect);
            }
        }
    }
}

TEST_CASE("SVE CNTP, INCP/DECP and SQINCP..UQDECP count the active elements of Pm",
          "[isa][sve][int]") {
    struct Case {
        std::uint32_t word; // Rdn/Zdn = 1, Pm = p3 (CNTP: Pg = p2)
        unsigned esize;
        enum Kind { Cntp, Scalar, Vector } kind;
        int sign;
        bool saturate, is_unsigned;
        unsigned bits; // scalar width
    };
    const Case kCases[] = {
        {0x25208861, 1, Case::Cntp, 0, false, false, 64},    // cntp x1, p2, p3.b
        {0x25e08861, 8, Case::Cntp, 0, false, false, 64},    // cntp x1, p2, p3.d
        {0x256c8861, 2, Case::Scalar, 1, false, false, 64},  // incp x1, p3.h
        {0x252d8861, 1, Case::Scalar, -1, false, false, 64}, // decp x1, p3.b
        {0x25ac8061, 4, Case::Vector, 1, false, false, 0},   // incp z1.s, p3.s
        {0x25ed8061, 8, Case::Vector, -1, false, false, 0},  // decp z1.d, p3.d
        {0x25288861, 1, Case::Scalar, 1, true, false, 32},   // sqincp x1, p3.b, w1
        {0x25688c61, 2, Case::Scalar, 1, true, false, 64},   // sqincp x1, p3.h
        {0x25a98861, 4, Case::Scalar, 1, true, true, 32},    // uqincp w1, p3.s
        {0x25e98c61, 8, Case::Scalar, 1, true, true, 64},    // uqincp x1, p3.d
        {0x252a8861, 1, Case::Scalar, -1, true, false, 32},  // sqdecp x1, p3.b, w1
        {0x252a8c61, 1, Case::Scalar, -1, true, false, 64},  // sqdecp x1, p3.b
        {0x256b8861, 2, Case::Scalar, -1, true, true, 32},   // uqdecp w1, p3.h
        {0x25ab8c61, 4, Case::Scalar, -1, true, true, 64},   // uqdecp x1, p3.s
        {0x25688061, 2, Case::Vector, 1, true, false, 0},    // sqincp z1.h, p3.h
        {0x25ab8061, 4, Case::Vector, -1, true, true, 0},    // uqdecp z1.s, p3.s
        {0x25ea8061, 8, Case::Vector, -1, true, false, 0},   // sqdecp z1.d, p3.d
        {0x25698061, 2, Case::Vector, 1, true, true, 0},     // uqincp z1.h, p3.h
    };
    const std::uint64_t kValues[] = {
        0, 3, 0x7FFFFFFE, 0xFFFFFFFE, 0x8000'0000'0000'0001, 0x7FFF'FFFF'FFFF'FFFF};
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl + 11};
        for (const Case& c : kCases)
            for (std::uint64_t x : kValues) {
                INFO("VL " << vl << " word " << std::hex << c.word << " x1 " << x);
                randomize(h, r);
                h.setX(1, x);
                const unsigned elements = vl / 8 / c.esize;
                const Bytes old = zBytes(h, 1), g = pBytes(h, 2), pm = pBytes(h, 3);
                h.exec(c.word);
                REQUIRE_FALSE(h.cx.faulted());
                unsigned n = countActive(pm, c.esize, elements);
                if (c.kind == Case::Cntp) {
                    n = 0;
                    for (unsigned e = 0; e < elements; ++e)
                        n += pbit(g, e * c.esize) && pbit(pm, e * c.esize) ? 1U : 0U;
                    CHECK(h.x(1) == n);
                    continue;
                }
                const std::int64_t delta = std::int64_t{n} * c.sign;
                if (c.kind == Case::Scalar) {
                    CHECK(h.x(1) == (c.saturate ? scalarResult(x, delta, c.bits, c.is_unsigned)
                                                : x + static_cast<std::uint64_t>(delta)));
                    continue;
                }
                const Bytes out = zBytes(h, 1);
                for (unsigned e = 0; e < elements; ++e) {
                    const std::uint64_t v = get(old, e, c.esize);
                    const i128 xv = c.is_unsigned ? i128{v} : i128{sext(v, c.esize)};
                    CHECK(get(out, e, c.esize) ==
                          (c.saturate ? sat(xv + delta, c.esize * 8, c.is_unsigned)
                                      : (v + static_cast<std::uint64_t>(delta)) & mask(c.esize)));
                }
            }
    }
}

TEST_CASE("SVE integer reductions: SADDV/UADDV to 64 bits, the others to the element size, "
          "identity when no element is active",
          "[isa][sve][int]") {
    enum Op { Saddv, Uaddv, Smaxv, Sminv, Umaxv, Uminv, Andv, Orv, Eorv };
    struct Case {
        std::uint32_t word; // Vd = v1, Pg = p2, Zn = z3
        unsigned esize;
        Op op;
    };
    const Case kCases[] = {
        {0x04002861, 1, Saddv}, {0x04802861, 4, Saddv}, {0x04412861, 2, Uaddv},
        {0x04082861, 1, Smaxv}, {0x044a2861, 2, Sminv}, {0x04892861, 4, Umaxv},
        {0x04cb2861, 8, Uminv}, {0x041a2861, 1, Andv},  {0x04582861, 2, Orv},
        {0x04992861, 4, Eorv},  {0x04da2861, 8, Andv},
    };
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl + 12};
        for (const Case& c : kCases)
            for (int round = 0; round < 4; ++round) {
                INFO("VL " << vl << " word " << std::hex << c.word << " round " << round);
                randomize(h, r);
                if (round == 3) setP(h, 2, Bytes(vl / 64, 0)); // no active element
                const Bytes zn = zBytes(h, 3), g = pBytes(h, 2);
                h.exec(c.word);
                REQUIRE_FALSE(h.cx.faulted());
                const unsigned w = c.esize * 8;
                std::uint64_t acc = c.op == Smaxv                   ? std::uint64_t{1} << (w - 1)
                                    : c.op == Sminv                 ? mask(c.esize) >> 1
                                    : c.op == Uminv || c.op == Andv ? mask(c.esize)
                                                                    : 0;
                for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                    if (!pbit(g, e * c.esize)) continue;
                    const std::uint64_t v = get(zn, e, c.esize);
                    switch (c.op) {
                    case Saddv: acc += static_cast<std::uint64_t>(sext(v, c.esize)); break;
                    case Uaddv: acc += v; break;
                    case Smaxv:
                        if (sext(v, c.esize) > sext(acc, c.esize)) acc = v;
                        break;
                    case Sminv:
                        if (sext(v, c.esize) < sext(acc, c.esize)) acc = v;
                        break;
                    case Umaxv: acc = std::max(acc, v); break;
                    case Uminv: acc = std::min(acc, v); break;
                    case Andv: acc &= v; break;
                    case Orv: acc |= v; break;
                    case Eorv: acc ^= v; break;
                    }
                }
                const unsigned rbytes = c.op == Saddv || c.op == Uaddv ? 8 : c.esize;
                const Bytes out = zBytes(h, 1);
                CHECK(get(out, 0, rbytes) == (acc & mask(rbytes)));
                for (unsigned b = rbytes; b < vl / 8; ++b) // V[d, esize] zeroes the rest
                    CHECK(out[b] == 0);
            }
    }
}
