// SVE vector permutes at VL 128, 256, 384, 512 and 2048: REV, INSR, EXT, TBL, SPLICE, COMPACT,
// LASTA/LASTB, CLASTA/CLASTB (every form), ZIP/UZP/TRN, SUNPK/UUNPK and DUP (indexed).
// Expectations from the Arm ARM pseudocode, evaluated here element by element; the CLAST
// no-active-element case was run on QEMU.
#include "test_sve_int_support.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;
using namespace svesim::test::sveint;

namespace {

int lastActive(const Bytes& g, unsigned esize, unsigned n) {
    for (int e = static_cast<int>(n) - 1; e >= 0; --e)
        if (pbit(g, static_cast<unsigned>(e) * esize)) return e;
    return -1;
}
int firstActive(const Bytes& g, unsigned esize, unsigned n) {
    for (unsigned e = 0; e < n; ++e)
        if (pbit(g, e * esize)) return static_cast<int>(e);
    return -1;
}

// Runs `word` on random state at every VL; `expect(h-state before, vl bytes)` gives Z1.
template <class F>
void checkZ1(std::uint32_t word, std::uint64_t seed, F expect, int rounds = 4) {
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{seed + vl};
        for (int round = 0; round < rounds; ++round) {
            INFO("VL " << vl << " word " << std::hex << word << " round " << round);
            randomize(h, r);
            if (round == rounds - 1) setP(h, 2, Bytes(vl / 64, 0)); // no active element
            const Bytes want = expect(h, vl / 8);
            h.exec(word);
            REQUIRE_FALSE(h.cx.faulted());
            CHECK(zBytes(h, 1) == want);
        }
    }
}

} // namespace

TEST_CASE("SVE REV, INSR (scalar and SIMD&FP), EXT and TBL", "[isa][sve][perm]") {
    for (unsigned esize : {1U, 8U}) {
        const std::uint32_t word = esize == 1 ? 0x05383841 : 0x05f83841; // rev z1.T, z2.T
        checkZ1(word, 20, [=](IsaHarness& h, unsigned vlb) {
            const Bytes zn = zBytes(h, 2);
            Bytes out(vlb);
            const unsigned n = vlb / esize;
            for (unsigned e = 0; e < n; ++e)
                put(out, e, esize, get(zn, n - 1 - e, esize));
            return out;
        });
    }
    struct Insr {
        std::uint32_t word;
        unsigned esize;
        bool simd;
    };
    for (const Insr& c :
         {Insr{0x05643841, 2, false}, Insr{0x05e43841, 8, false}, Insr{0x05b43841, 4, true}}) {
        checkZ1(c.word, 21, [=](IsaHarness& h, unsigned vlb) {
            const Bytes zdn = zBytes(h, 1), v = zBytes(h, 2);
            Bytes out(vlb);
            for (unsigned e = 1; e < vlb / c.esize; ++e)
                put(out, e, c.esize, get(zdn, e - 1, c.esize));
            put(out, 0, c.esize, c.simd ? get(v, 0, c.esize) : h.x(2));
            return out;
        });
    }
    for (const auto& [word, imm] : {std::pair{0x05200c41U, 3U}, std::pair{0x05390041U, 200U}}) {
        checkZ1(word, 22, [=](IsaHarness& h, unsigned vlb) {
            const Bytes zdn = zBytes(h, 1), zm = zBytes(h, 2);
            const unsigned pos = imm >= vlb ? 0 : imm; // beyond the vector: position 0
            Bytes cat = zdn;
            cat.insert(cat.end(), zm.begin(), zm.end());
            return Bytes(cat.begin() + pos, cat.begin() + pos + vlb);
        });
    }
    for (unsigned esize : {1U, 8U}) {
        const std::uint32_t word = esize == 1 ? 0x05233041 : 0x05e33041; // tbl z1, {z2}, z3
        checkZ1(word, 23, [=](IsaHarness& h, unsigned vlb) {
            const Bytes zn = zBytes(h, 2), zm = zBytes(h, 3);
            Bytes out(vlb);
            for (unsigned e = 0; e < vlb / esize; ++e) {
                const std::uint64_t idx = get(zm, e, esize);
                put(out, e, esize,
                    idx < vlb / esize ? get(zn, static_cast<unsigned>(idx), esize) : 0);
            }
            return out;
        });
    }
}

TEST_CASE("SVE SPLICE and COMPACT", "[isa][sve][perm]") {
    checkZ1(0x056c8861, 24, [](IsaHarness& h, unsigned vlb) { // splice z1.h, p2, z1.h, z3.h
        const Bytes zdn = zBytes(h, 1), zm = zBytes(h, 3), g = pBytes(h, 2);
        const unsigned n = vlb / 2;
        std::vector<std::uint64_t> seq;
        const int first = firstActive(g, 2, n), last = lastActive(g, 2, n);
        for (int e = first; first >= 0 && e <= last; ++e)
            seq.push_back(get(zdn, static_cast<unsigned>(e), 2));
        for (unsigned e = 0; seq.size() < n; ++e)
            seq.push_back(get(zm, e, 2));
        Bytes out(vlb);
        for (unsigned e = 0; e < n; ++e)
            put(out, e, 2, seq[e]);
        return out;
    });
    for (unsigned esize : {4U, 8U}) {
        const std::uint32_t word = esize == 4 ? 0x05a18861 : 0x05e18861; // compact z1, p2, z3
        checkZ1(word, 25, [=](IsaHarness& h, unsigned vlb) {
            const Bytes zn = zBytes(h, 3), g = pBytes(h, 2);
            Bytes out(vlb);
            unsigned x = 0;
            for (unsigned e = 0; e < vlb / esize; ++e)
                if (pbit(g, e * esize)) put(out, x++, esize, get(zn, e, esize));
            return out;
        });
    }
}

TEST_CASE("SVE LASTA/LASTB and CLASTA/CLASTB: scalar, SIMD&FP scalar and vector forms",
          "[isa][sve][perm]") {
    struct Case {
        std::uint32_t word; // destination 1, Pg = p2, Zn/Zm = z3
        unsigned esize;
        bool before, conditional;
        enum Dest { X, V, Z } dest;
    };
    const Case kCases[] = {
        {0x0520a861, 1, false, false, Case::X}, // lasta w1, p2, z3.b
        {0x05e1a861, 8, true, false, Case::X},  // lastb x1, p2, z3.d
        {0x05628861, 2, false, false, Case::V}, // lasta h1, p2, z3.h
        {0x05a38861, 4, true, false, Case::V},  // lastb s1, p2, z3.s
        {0x0570a861, 2, false, true, Case::X},  // clasta w1, p2, w1, z3.h
        {0x05f1a861, 8, true, true, Case::X},   // clastb x1, p2, x1, z3.d
        {0x05ea8861, 8, false, true, Case::V},  // clasta d1, p2, d1, z3.d
        {0x052b8861, 1, true, true, Case::V},   // clastb b1, p2, b1, z3.b
        {0x05a88861, 4, false, true, Case::Z},  // clasta z1.s, p2, z1.s, z3.s
        {0x05698861, 2, true, true, Case::Z},   // clastb z1.h, p2, z1.h, z3.h
    };
    for (unsigned vl : kVLs) {
        auto hp = harness(vl);
        IsaHarness& h = *hp;
        Lcg r{vl + 26};
        for (const Case& c : kCases)
            for (int round = 0; round < 4; ++round) {
                INFO("VL " << vl << " word " << std::hex << c.word << " round " << round);
                randomize(h, r);
                if (round == 3) setP(h, 2, Bytes(vl / 64, 0));
                const unsigned n = vl / 8 / c.esize;
                const Bytes z1 = zBytes(h, 1), z3 = zBytes(h, 3), g = pBytes(h, 2);
                const std::uint64_t x1 = h.x(1);
                h.exec(c.word);
                REQUIRE_FALSE(h.cx.faulted());
                const int last = lastActive(g, c.esize, n);
                int idx = c.before ? (last < 0 ? static_cast<int>(n) - 1 : last)
                                   : (last + 1 >= static_cast<int>(n) ? 0 : last + 1);
                if (c.conditional && last < 0) idx = -1; // CLAST: keep the destination
                const Bytes out = zBytes(h, 1);
                switch (c.dest) {
                case Case::X:
                    // The no-active CLAST case keeps Rdn<esize-1:0> zero-extended (QEMU agrees).
                    CHECK(h.x(1) == (idx < 0 ? x1 & mask(c.esize)
                                             : get(z3, static_cast<unsigned>(idx), c.esize)));
                    break;
                case Case::V: {
                    const std::uint64_t v = idx < 0 ? get(z1, 0, c.esize)
                                                    : get(z3, static_cast<unsigned>(idx), c.esize);
                    CHECK(get(out, 0, c.esize) == v);
                    for (unsigned b = c.esize; b < vl / 8; ++b)
                        CHECK(out[b] == 0);
                    break;
                }
                case Case::Z: {
                    Bytes want = z1;
                    if (idx >= 0)
                        for (unsigned e = 0; e < n; ++e)
                            put(want, e, c.esize, get(z3, static_cast<unsigned>(idx), c.esize));
                    CHECK(out == want);
                    break;
                }
                }
            }
    }
}

TEST_CASE("SVE ZIP1/ZIP2, UZP1/UZP2, TRN1/TRN2 (vectors)", "[isa][sve][perm]") {
    struct Case {
        std::uint32_t word; // z1 = op(z2, z3)
        unsigned esize;
        char op;
        unsigned part;
    };
    const Case kCases[] = {
        {0x05236041, 1, 'z', 0}, {0x05a36441, 4, 'z', 1}, {0x05636841, 2, 'u', 0},
        {0x05e36c41, 8, 'u', 1}, {0x05a37041, 4, 't', 0}, {0x05237441, 1, 't', 1},
    };
    for (const Case& c : kCases)
        checkZ1(c.word, 27, [=](IsaHarness& h, unsigned vlb) {
            const Bytes a = zBytes(h, 2), b = zBytes(h, 3);
            const unsigned n = vlb / c.esize, pairs = n / 2;
            Bytes out(vlb);
            if (c.op == 'z')
                for (unsigned p = 0; p < pairs; ++p) {
                    put(out, 2 * p, c.esize, get(a, c.part * pairs + p, c.esize));
                    put(out, 2 * p + 1, c.esize, get(b, c.part * pairs + p, c.esize));
                }
            if (c.op == 'u') {
                Bytes cat = a;
                cat.insert(cat.end(), b.begin(), b.end());
                for (unsigned e = 0; e < n; ++e)
                    put(out, e, c.esize, get(cat, 2 * e + c.part, c.esize));
            }
            if (c.op == 't')
                for (unsigned p = 0; p < pairs; ++p) {
                    put(out, 2 * p, c.esize, get(a, 2 * p + c.part, c.esize));
                    put(out, 2 * p + 1, c.esize, get(b, 2 * p + c.part, c.esize));
                }
            return out;
        });
}

TEST_CASE("SVE SUNPKLO/SUNPKHI/UUNPKLO/UUNPKHI and DUP (indexed)", "[isa][sve][perm]") {
    struct Unpk {
        std::uint32_t word; // z1 from z2
        unsigned esize;
        bool is_unsigned, high;
    };
    for (const Unpk& c : {Unpk{0x05703841, 2, false, false}, Unpk{0x05b13841, 4, false, true},
                          Unpk{0x05f23841, 8, true, false}, Unpk{0x05733841, 2, true, true}})
        checkZ1(c.word, 28, [=](IsaHarness& h, unsigned vlb) {
            const Bytes zn = zBytes(h, 2);
            const unsigned n = vlb / c.esize, half = c.esize / 2;
            Bytes out(vlb);
            for (unsigned e = 0; e < n; ++e) {
                const std::uint64_t v = get(zn, (c.high ? n : 0) + e, half);
                put(out, e, c.esize, c.is_unsigned ? v : static_cast<std::uint64_t>(sext(v, half)));
            }
            return out;
        });
    struct Dup {
        std::uint32_t word; // z1 = z2.T[index]
        unsigned esize, index;
    };
    for (const Dup& c : {Dup{0x052b2041, 1, 5}, Dup{0x05fe2041, 2, 31}, Dup{0x053c2041, 4, 3},
                         Dup{0x05f82041, 8, 7}, Dup{0x05702041, 16, 1}})
        checkZ1(c.word, 29, [=](IsaHarness& h, unsigned vlb) {
            const Bytes zn = zBytes(h, 2);
            Bytes out(vlb, 0); // an index beyond the vector gives zeros
            if ((c.index + 1) * c.esize <= vlb)
                for (unsigned b = 0; b < vlb; ++b)
                    out[b] = zn[c.index * c.esize + b % c.esize];
            return out;
        });
}
