// SVE integer instructions at VL 128, 256, 512 and 2048: RDVL, ADDVL, ADDPL, CNT<T>, INC<T>,
// DEC<T>, AND/ORR/EOR/BIC (vectors, predicated, immediate), ADD/SUB/SUBR and the saturating
// forms (vectors, predicated, immediate), UADDV.
#include "support/isa_harness.h"
#include "svesim/isa/bits.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace svesim;
using namespace svesim::test;
using svesim::isa::i128;

namespace {

constexpr unsigned kVLs[] = {128, 256, 512, 2048};

struct Lcg {
    std::uint64_t s;
    std::uint64_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return s ^ (s >> 29);
    }
};

std::uint64_t mask(unsigned esize) {
    return esize == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (esize * 8)) - 1;
}
std::int64_t sext(std::uint64_t v, unsigned esize) {
    const unsigned shift = 64 - esize * 8;
    return static_cast<std::int64_t>(v << shift) >> shift;
}
std::uint64_t zElem(IsaHarness& h, unsigned n, unsigned e, unsigned esize) {
    std::uint64_t v = 0;
    std::memcpy(&v, h.z(n).data() + static_cast<std::size_t>(e) * esize, esize);
    return v;
}
void setZElem(IsaHarness& h, unsigned n, unsigned e, unsigned esize, std::uint64_t v) {
    std::memcpy(h.zFull(n).data() + static_cast<std::size_t>(e) * esize, &v, esize);
}
// Random elements, often at the signed and unsigned boundaries.
void randomZ(IsaHarness& h, unsigned n, unsigned esize, Lcg& r) {
    const std::uint64_t top = std::uint64_t{1} << (esize * 8 - 1);
    for (unsigned e = 0; e < h.vlBytes() / esize; ++e) {
        std::uint64_t v = r.next();
        switch (r.next() % 6) {
        case 0: v = top; break;
        case 1: v = top - 1; break;
        case 2: v = mask(esize); break;
        case 3: v = r.next() % 4; break;
        default: break;
        }
        setZElem(h, n, e, esize, v & mask(esize));
    }
}
template <class F>
void setPred(IsaHarness& h, unsigned n, unsigned esize, F active) {
    auto p = h.pFull(n);
    std::fill(p.begin(), p.end(), std::uint8_t{0});
    for (unsigned e = 0; e < h.vlBytes() / esize; ++e)
        if (active(e)) p[e * esize / 8] |= static_cast<std::uint8_t>(1U << (e * esize % 8));
}
// Sets bits that are not element bits too: instructions must look at bit e*esize only.
void noisyPred(IsaHarness& h, unsigned n, unsigned esize, Lcg& r, std::vector<bool>& active) {
    auto p = h.pFull(n);
    for (unsigned b = 0; b < h.vlBytes() / 8; ++b)
        p[b] = static_cast<std::uint8_t>(r.next());
    active.assign(h.vlBytes() / esize, false);
    for (unsigned e = 0; e < active.size(); ++e)
        active[e] = ((p[e * esize / 8] >> (e * esize % 8)) & 1U) != 0;
}

unsigned expectedCount(unsigned pattern, unsigned elements) {
    if (pattern == 0) {
        unsigned n = 1;
        while (n * 2 <= elements)
            n *= 2;
        return n;
    }
    if (pattern >= 1 && pattern <= 8) return pattern <= elements ? pattern : 0;
    if (pattern >= 9 && pattern <= 13) {
        const unsigned n = 16U << (pattern - 9);
        return n <= elements ? n : 0;
    }
    if (pattern == 29) return elements / 4 * 4;
    if (pattern == 30) return elements / 3 * 3;
    if (pattern == 31) return elements;
    return 0;
}

std::uint64_t saturate(i128 v, unsigned esize, bool is_unsigned) {
    const i128 hi =
        is_unsigned ? static_cast<i128>(mask(esize)) : static_cast<i128>(mask(esize) >> 1);
    const i128 lo = is_unsigned ? 0 : -hi - 1;
    return static_cast<std::uint64_t>(std::clamp(v, lo, hi)) & mask(esize);
}

} // namespace

TEST_CASE("SVE RDVL, ADDVL and ADDPL use the current VL", "[isa][sve][int]") {
    for (unsigned vl : kVLs) {
        INFO("VL " << vl);
        IsaHarness h(vl);
        const std::int64_t vlb = vl / 8, plb = vl / 64;
        h.exec(0x04bf5023); // rdvl x3, #1
        CHECK(h.x(3) == static_cast<std::uint64_t>(vlb));
        h.exec(0x04bf5403); // rdvl x3, #-32
        CHECK(h.x(3) == static_cast<std::uint64_t>(-32 * vlb));
        h.exec(0x04bf53e3); // rdvl x3, #31
        CHECK(h.x(3) == static_cast<std::uint64_t>(31 * vlb));
        h.setX(5, 1000);
        h.exec(0x04255064); // addvl x4, x5, #3
        CHECK(h.x(4) == static_cast<std::uint64_t>(1000 + 3 * vlb));
        h.cx.setSP(0x8000);
        h.exec(0x043f57df); // addvl sp, sp, #-2
        CHECK(h.cx.SP() == static_cast<std::uint64_t>(0x8000 - 2 * vlb));
        h.exec(0x04655724); // addpl x4, x5, #-7
        CHECK(h.x(4) == static_cast<std::uint64_t>(1000 - 7 * plb));
        h.exec(0x047f53e4); // addpl x4, sp, #31
        CHECK(h.x(4) == static_cast<std::uint64_t>(0x8000 - 2 * vlb + 31 * plb));
        CHECK_FALSE(h.cx.faulted());
    }
}

TEST_CASE("SVE CNT<T>, INC<T> and DEC<T> (scalar) with patterns and multipliers",
          "[isa][sve][int]") {
    struct Case {
        std::uint32_t word;
        unsigned esize, pattern, mul;
        int sign; // 0 CNT, +1 INC, -1 DEC
    };
    const Case kCases[] = {
        {0x0420e3e6, 1, 31, 1, 0},   // cntb x6
        {0x0460e3e6, 2, 31, 1, 0},   // cnth x6
        {0x04a0e3e6, 4, 31, 1, 0},   // cntw x6
        {0x04e0e3e6, 8, 31, 1, 0},   // cntd x6
        {0x0420e006, 1, 0, 1, 0},    // cntb x6, pow2
        {0x0462e0e6, 2, 7, 3, 0},    // cnth x6, vl7, mul #3
        {0x04afe3c6, 4, 30, 16, 0},  // cntw x6, mul3, mul #16
        {0x04e0e1c6, 8, 14, 1, 0},   // cntd x6, #14
        {0x0430e3e7, 1, 31, 1, 1},   // incb x7
        {0x0473e3e7, 2, 31, 4, 1},   // inch x7, all, mul #4
        {0x04b0e047, 4, 2, 1, 1},    // incw x7, vl2
        {0x04f1e3a7, 8, 29, 2, 1},   // incd x7, mul4, mul #2
        {0x0430e7e7, 1, 31, 1, -1},  // decb x7
        {0x0470e567, 2, 11, 1, -1},  // dech x7, vl64
        {0x04bfe7e7, 4, 31, 16, -1}, // decw x7, all, mul #16
        {0x04f4e407, 8, 0, 5, -1},   // decd x7, pow2, mul #5
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            const std::uint64_t n =
                std::uint64_t{expectedCount(c.pattern, vl / 8 / c.esize)} * c.mul;
            h.setX(6, 0xDEAD);
            h.setX(7, 5);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            if (c.sign == 0) CHECK(h.x(6) == n);
            if (c.sign > 0) CHECK(h.x(7) == 5 + n);
            if (c.sign < 0) CHECK(h.x(7) == 5 - n); // wraps below zero
        }
    }
}

TEST_CASE("SVE AND/ORR/EOR/BIC: unpredicated, predicated and bitmask immediate",
          "[isa][sve][int]") {
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl};
        const unsigned vlb = vl / 8;
        fillPattern(h.arch.sve);
        randomZ(h, 2, 8, r);
        randomZ(h, 3, 8, r);
        struct Vec {
            std::uint32_t word;
            std::uint64_t (*f)(std::uint64_t, std::uint64_t);
        };
        const Vec kVec[] = {
            {0x04233041,
             [](std::uint64_t a, std::uint64_t b) { return a & b; }}, // and z1.d, z2.d, z3.d
            {0x04633041,
             [](std::uint64_t a, std::uint64_t b) { return a | b; }}, // orr z1.d, z2.d, z3.d
            {0x04a33041,
             [](std::uint64_t a, std::uint64_t b) { return a ^ b; }}, // eor z1.d, z2.d, z3.d
            {0x04e33041,
             [](std::uint64_t a, std::uint64_t b) { return a & ~b; }},      // bic z1.d, z2.d, z3.d
            {0x04623041, [](std::uint64_t a, std::uint64_t) { return a; }}, // mov z1.d, z2.d
        };
        for (const Vec& v : kVec) {
            INFO("VL " << vl << " word " << std::hex << v.word);
            h.exec(v.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vlb / 8; ++e)
                CHECK(zElem(h, 1, e, 8) == v.f(zElem(h, 2, e, 8), zElem(h, 3, e, 8)));
        }

        struct Pred {
            std::uint32_t word;
            unsigned esize;
            std::uint64_t (*f)(std::uint64_t, std::uint64_t);
        };
        const Pred kPred[] = {
            {0x041804a4, 1,
             [](std::uint64_t a, std::uint64_t b) { return a | b; }}, // orr z4.b, p1/m, z4.b, z5.b
            {0x045904a4, 2,
             [](std::uint64_t a, std::uint64_t b) { return a ^ b; }}, // eor z4.h, p1/m, z4.h, z5.h
            {0x049a04a4, 4,
             [](std::uint64_t a, std::uint64_t b) { return a & b; }}, // and z4.s, p1/m, z4.s, z5.s
            {0x04db04a4, 8,
             [](std::uint64_t a, std::uint64_t b) { return a & ~b; }}, // bic z4.d, p1/m, z4.d, z5.d
        };
        for (const Pred& p : kPred) {
            INFO("VL " << vl << " word " << std::hex << p.word);
            randomZ(h, 4, p.esize, r);
            randomZ(h, 5, p.esize, r);
            std::vector<bool> active;
            noisyPred(h, 1, p.esize, r, active);
            const std::vector<std::uint8_t> old(h.z(4).begin(), h.z(4).end());
            h.exec(p.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vlb / p.esize; ++e) {
                std::uint64_t a = 0;
                std::memcpy(&a, old.data() + e * p.esize, p.esize);
                CHECK(zElem(h, 4, e, p.esize) ==
                      (active[e] ? p.f(a, zElem(h, 5, e, p.esize)) & mask(p.esize) : a));
            }
        }

        struct Imm {
            std::uint32_t word;
            std::uint64_t imm64; // the immediate replicated to 64 bits
            int op;              // 0 ORR, 1 EOR, 2 AND
        };
        const Imm kImm[] = {
            {0x05000e26, 0x8181818181818181ULL, 0}, // orr z6.b, z6.b, #0x81
            {0x054064e6, 0x0ff00ff00ff00ff0ULL, 1}, // eor z6.h, z6.h, #0xff0
            {0x0580a2e6, 0xfffff00ffffff00fULL, 2}, // and z6.s, z6.s, #0xfffff00f
            {0x0583df26, 0x7fffffffffffffe0ULL, 2}, // and z6.d, z6.d, #0x7fffffffffffffe0
            {0x05400786, 0x5555555555555555ULL, 1}, // eor z6.b, z6.b, #0x55
        };
        for (const Imm& m : kImm) {
            INFO("VL " << vl << " word " << std::hex << m.word);
            randomZ(h, 6, 8, r);
            const std::vector<std::uint8_t> old(h.z(6).begin(), h.z(6).end());
            h.exec(m.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vlb / 8; ++e) {
                std::uint64_t a = 0;
                std::memcpy(&a, old.data() + e * 8, 8);
                const std::uint64_t expect = m.op == 0   ? (a | m.imm64)
                                             : m.op == 1 ? (a ^ m.imm64)
                                                         : (a & m.imm64);
                CHECK(zElem(h, 6, e, 8) == expect);
            }
        }
    }
}

namespace {

enum class Op { Add, Sub, Subr, Sqadd, Uqadd, Sqsub, Uqsub };
std::uint64_t apply(Op op, std::uint64_t a, std::uint64_t b, unsigned esize) {
    switch (op) {
    case Op::Add: return (a + b) & mask(esize);
    case Op::Sub: return (a - b) & mask(esize);
    case Op::Subr: return (b - a) & mask(esize);
    case Op::Sqadd: return saturate(i128{sext(a, esize)} + sext(b, esize), esize, false);
    case Op::Uqadd: return saturate(i128{a} + i128{b}, esize, true);
    case Op::Sqsub: return saturate(i128{sext(a, esize)} - sext(b, esize), esize, false);
    case Op::Uqsub: return saturate(i128{a} - i128{b}, esize, true);
    }
    return 0;
}

} // namespace

TEST_CASE("SVE ADD/SUB/SUBR and saturating forms: vectors, predicated and immediate",
          "[isa][sve][int]") {
    struct Vec {
        std::uint32_t word;
        unsigned esize;
        Op op;
    };
    const Vec kVec[] = {
        {0x04290107, 1, Op::Add},   // add z7.b, z8.b, z9.b
        {0x04690107, 2, Op::Add},   // add z7.h, z8.h, z9.h
        {0x04a90507, 4, Op::Sub},   // sub z7.s, z8.s, z9.s
        {0x04e90507, 8, Op::Sub},   // sub z7.d, z8.d, z9.d
        {0x04291107, 1, Op::Sqadd}, // sqadd z7.b, z8.b, z9.b
        {0x04691507, 2, Op::Uqadd}, // uqadd z7.h, z8.h, z9.h
        {0x04a91907, 4, Op::Sqsub}, // sqsub z7.s, z8.s, z9.s
        {0x04e91d07, 8, Op::Uqsub}, // uqsub z7.d, z8.d, z9.d
        {0x04e91107, 8, Op::Sqadd}, // sqadd z7.d, z8.d, z9.d
        {0x04291d07, 1, Op::Uqsub}, // uqsub z7.b, z8.b, z9.b
    };
    const Vec kPred[] = {
        {0x0400096a, 1, Op::Add},  // add z10.b, p2/m, z10.b, z11.b
        {0x0441096a, 2, Op::Sub},  // sub z10.h, p2/m, z10.h, z11.h
        {0x0483096a, 4, Op::Subr}, // subr z10.s, p2/m, z10.s, z11.s
        {0x04c0096a, 8, Op::Add},  // add z10.d, p2/m, z10.d, z11.d
    };
    struct Imm {
        std::uint32_t word;
        unsigned esize;
        Op op;
        std::uint64_t imm;
    };
    const Imm kImm[] = {
        {0x2520d90c, 1, Op::Add, 200},     // add z12.b, z12.b, #200
        {0x2560e06c, 2, Op::Add, 768},     // add z12.h, z12.h, #3, lsl #8
        {0x25a1dfec, 4, Op::Sub, 255},     // sub z12.s, z12.s, #255
        {0x25e3e22c, 8, Op::Subr, 4352},   // subr z12.d, z12.d, #17, lsl #8
        {0x2524cc8c, 1, Op::Sqadd, 100},   // sqadd z12.b, z12.b, #100
        {0x2565ffec, 2, Op::Uqadd, 65280}, // uqadd z12.h, z12.h, #255, lsl #8
        {0x25a6d00c, 4, Op::Sqsub, 128},   // sqsub z12.s, z12.s, #128
        {0x25e7c02c, 8, Op::Uqsub, 1},     // uqsub z12.d, z12.d, #1
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl + 7};
        const unsigned vlb = vl / 8;
        fillPattern(h.arch.sve);
        for (const Vec& v : kVec) {
            INFO("VL " << vl << " word " << std::hex << v.word);
            randomZ(h, 8, v.esize, r);
            randomZ(h, 9, v.esize, r);
            h.exec(v.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vlb / v.esize; ++e)
                CHECK(zElem(h, 7, e, v.esize) ==
                      apply(v.op, zElem(h, 8, e, v.esize), zElem(h, 9, e, v.esize), v.esize));
        }
        for (const Vec& v : kPred) {
            INFO("VL " << vl << " word " << std::hex << v.word);
            randomZ(h, 10, v.esize, r);
            randomZ(h, 11, v.esize, r);
            std::vector<bool> active;
            noisyPred(h, 2, v.esize, r, active);
            const std::vector<std::uint8_t> old(h.z(10).begin(), h.z(10).end());
            h.exec(v.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vlb / v.esize; ++e) {
                std::uint64_t a = 0;
                std::memcpy(&a, old.data() + e * v.esize, v.esize);
                CHECK(zElem(h, 10, e, v.esize) ==
                      (active[e] ? apply(v.op, a, zElem(h, 11, e, v.esize), v.esize) : a));
            }
        }
        for (const Imm& m : kImm) {
            INFO("VL " << vl << " word " << std::hex << m.word);
            randomZ(h, 12, m.esize, r);
            const std::vector<std::uint8_t> old(h.z(12).begin(), h.z(12).end());
            h.exec(m.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vlb / m.esize; ++e) {
                std::uint64_t a = 0;
                std::memcpy(&a, old.data() + e * m.esize, m.esize);
                CHECK(zElem(h, 12, e, m.esize) == apply(m.op, a, m.imm, m.esize));
            }
        }
    }
    // Saturation spot checks, independent of the reference above.
    CHECK(apply(Op::Sqadd, 0x7F, 1, 1) == 0x7F);
    CHECK(apply(Op::Sqsub, 0x80, 1, 1) == 0x80);
    CHECK(apply(Op::Uqsub, 0, 1, 8) == 0);
    CHECK(apply(Op::Uqadd, ~std::uint64_t{0}, 1, 8) == ~std::uint64_t{0});
}

TEST_CASE("SVE UADDV sums the active elements into Dd, zeroing the rest of the vector",
          "[isa][sve][int]") {
    struct Case {
        std::uint32_t word;
        unsigned esize;
    };
    const Case kCases[] = {
        {0x04012dcd, 1}, // uaddv d13, p3, z14.b
        {0x04412dcd, 2}, // uaddv d13, p3, z14.h
        {0x04812dcd, 4}, // uaddv d13, p3, z14.s
        {0x04c12dcd, 8}, // uaddv d13, p3, z14.d
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl + 9};
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            fillPattern(h.arch.sve);
            randomZ(h, 14, c.esize, r);
            std::vector<bool> active;
            noisyPred(h, 3, c.esize, r, active);
            std::uint64_t sum = 0;
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e)
                if (active[e]) sum += zElem(h, 14, e, c.esize);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            CHECK(zElem(h, 13, 0, 8) == sum);
            for (unsigned b = 8; b < vl / 8; ++b)
                CHECK(h.z(13)[b] == 0);
        }
        setPred(h, 3, 1, [](unsigned) { return true; });
        for (unsigned e = 0; e < vl / 8; ++e)
            setZElem(h, 14, e, 1, 0xFF);
        h.exec(0x04012dcd); // uaddv d13, p3, z14.b: no wrap at the element size
        CHECK(zElem(h, 13, 0, 8) == 0xFFULL * (vl / 8));
    }
}

TEST_CASE("SVE DUPM replicates a bitmask immediate", "[isa][sve][int]") {
    struct Case {
        std::uint32_t word;
        std::uint64_t imm64;
    };
    const Case kCases[] = {
        {0x05c00000, 0x0000000100000001ULL}, // dupm z0.s, #0x1
        {0x05c02d01, 0xf80ff80ff80ff80fULL}, // dupm z1.h, #0xf80f
        {0x05c370a2, 0x0000000000fc0000ULL}, // dupm z2.d, #0xfc0000
        {0x05c02663, 0xf0f0f0f0f0f0f0f0ULL}, // dupm z3.b, #0xf0
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        fillPattern(h.arch.sve);
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vl / 64; ++e)
                CHECK(zElem(h, c.word & 31, e, 8) == c.imm64);
        }
    }
}

TEST_CASE("SVE at a VL that is not a power of two (384 bits, every multiple of 128 supported)",
          "[isa][sve][int]") {
    IsaHarness h(384, EL::EL1, Setup{.vl_set = VlSet::Any});
    REQUIRE(h.vlBytes() == 48);
    h.exec(0x04bf5023); // rdvl x3, #1
    CHECK(h.x(3) == 48);
    h.exec(0x04a0e3e6); // cntw x6
    CHECK(h.x(6) == 12);
    h.exec(0x04e0e006); // cntd x6, pow2
    CHECK(h.x(6) == 4);
    h.exec(0x04e0e3a6); // cntd x6, mul4
    CHECK(h.x(6) == 4);
    h.exec(0x04e0e3c6); // cntd x6, mul3
    CHECK(h.x(6) == 6);
    h.exec(0x2518e000); // ptrue p0.b, pow2
    const auto p0 = h.arch.sve.P(0, h.cx.vl());
    REQUIRE(p0.size() == 6);
    CHECK(std::vector<std::uint8_t>(p0.begin(), p0.end()) ==
          std::vector<std::uint8_t>{0xFF, 0xFF, 0xFF, 0xFF, 0, 0});
    h.setX(10, 1);
    h.setX(11, 2);
    h.exec(0x04eb4d49); // index z9.d, x10, x11
    for (unsigned e = 0; e < 6; ++e)
        CHECK(zElem(h, 9, e, 8) == 1 + 2 * e);
    setPred(h, 3, 8, [](unsigned) { return true; });
    for (unsigned e = 0; e < 6; ++e)
        setZElem(h, 14, e, 8, e + 1);
    h.exec(0x04c12dcd); // uaddv d13, p3, z14.d
    CHECK(zElem(h, 13, 0, 8) == 21);
    CHECK_FALSE(h.cx.faulted());
}

TEST_CASE("SVE: SQADD/SQSUB (immediate) use the immediate unsigned (UInt(imm8))",
          "[isa][sve][sve_int]") {
    // Found by the QEMU differential test: imm8 >= 128 must not be sign-extended.
    for (unsigned vl : {128U, 512U}) {
        IsaHarness h(vl);
        auto z1 = h.zFull(1);
        std::fill(z1.begin(), z1.end(), std::uint8_t{16});
        h.exec(0x2524d901); // sqadd z1.b, z1.b, #200: 16 + 200 saturates to 127
        for (unsigned b = 0; b < vl / 8; ++b)
            REQUIRE(h.z(1)[b] == 127);
        auto z31 = h.zFull(31);
        std::fill(z31.begin(), z31.end(), std::uint8_t{0});
        h.exec(0x2566fa1f); // sqsub z31.h, z31.h, #53248: 0 - 53248 saturates to -32768
        for (unsigned b = 0; b < vl / 8; b += 2) {
            REQUIRE(h.z(31)[b] == 0x00);
            REQUIRE(h.z(31)[b + 1] == 0x80);
        }
    }
}
