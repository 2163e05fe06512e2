// SVE element moves at VL 128, 256, 512 and 2048: DUP (immediate, scalar), CPY (immediate
// merging and zeroing, scalar, SIMD&FP scalar), INDEX (four forms), SEL and MOVPRFX.
#include "support/isa_harness.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace svesim;
using namespace svesim::test;

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
std::uint64_t zElem(IsaHarness& h, unsigned n, unsigned e, unsigned esize) {
    std::uint64_t v = 0;
    std::memcpy(&v, h.z(n).data() + static_cast<std::size_t>(e) * esize, esize);
    return v;
}
std::uint64_t elemOf(const std::vector<std::uint8_t>& z, unsigned e, unsigned esize) {
    std::uint64_t v = 0;
    std::memcpy(&v, z.data() + static_cast<std::size_t>(e) * esize, esize);
    return v;
}
std::vector<std::uint8_t> zCopy(IsaHarness& h, unsigned n) {
    return {h.z(n).begin(), h.z(n).end()};
}
// Random predicate bits (element and non-element bits); returns which elements are active.
std::vector<bool> noisyPred(IsaHarness& h, unsigned n, unsigned esize, Lcg& r) {
    auto p = h.pFull(n);
    for (unsigned b = 0; b < h.vlBytes() / 8; ++b)
        p[b] = static_cast<std::uint8_t>(r.next());
    std::vector<bool> active(h.vlBytes() / esize);
    for (unsigned e = 0; e < active.size(); ++e)
        active[e] = ((p[e * esize / 8] >> (e * esize % 8)) & 1U) != 0;
    return active;
}

} // namespace

TEST_CASE("SVE DUP (immediate) and DUP (scalar), shown as MOV", "[isa][sve][move]") {
    struct Imm {
        std::uint32_t word;
        unsigned esize;
        std::int64_t value;
    };
    const Imm kImm[] = {
        {0x2538dfe1, 1, -1},     // mov z1.b, #-1
        {0x2578f001, 2, -32768}, // mov z1.h, #-128, lsl #8
        {0x25b8cfe1, 4, 127},    // mov z1.s, #127
        {0x25f8ffc1, 8, -512},   // mov z1.d, #-2, lsl #8
    };
    struct Scalar {
        std::uint32_t word;
        unsigned esize;
        bool sp;
    };
    const Scalar kScalar[] = {
        {0x05203862, 1, false}, // mov z2.b, w3
        {0x05603862, 2, false}, // mov z2.h, w3
        {0x05a03be2, 4, true},  // mov z2.s, wsp
        {0x05e03862, 8, false}, // mov z2.d, x3
        {0x05e03be2, 8, true},  // mov z2.d, sp
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        fillPattern(h.arch.sve);
        for (const Imm& c : kImm) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e)
                CHECK(zElem(h, 1, e, c.esize) ==
                      (static_cast<std::uint64_t>(c.value) & mask(c.esize)));
        }
        h.setX(3, 0x8877'6655'4433'2211ULL);
        h.cx.setSP(0x0123'4567'89AB'CDE0ULL);
        for (const Scalar& c : kScalar) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const std::uint64_t v = c.sp ? 0x0123'4567'89AB'CDE0ULL : 0x8877'6655'4433'2211ULL;
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e)
                CHECK(zElem(h, 2, e, c.esize) == (v & mask(c.esize)));
        }
    }
}

TEST_CASE("SVE CPY (immediate, zeroing and merging), CPY (scalar) and CPY (SIMD&FP scalar)",
          "[isa][sve][move]") {
    struct Imm {
        std::uint32_t word;
        unsigned esize;
        bool merge;
        std::int64_t value;
    };
    const Imm kImm[] = {
        {0x05111f64, 1, false, -5},  // mov z4.b, p1/z, #-5
        {0x05516064, 2, true, 768},  // mov z4.h, p1/m, #3, lsl #8
        {0x05915004, 4, true, -128}, // mov z4.s, p1/m, #-128
        {0x05d12024, 8, false, 256}, // mov z4.d, p1/z, #1, lsl #8
    };
    struct Scalar {
        std::uint32_t word;
        unsigned esize;
        bool sp;
    };
    const Scalar kScalar[] = {
        {0x0528a8c5, 1, false}, // mov z5.b, p2/m, w6
        {0x0568abe5, 2, true},  // mov z5.h, p2/m, wsp
        {0x05a8a8c5, 4, false}, // mov z5.s, p2/m, w6
        {0x05e8a8c5, 8, false}, // mov z5.d, p2/m, x6
    };
    const Scalar kVScalar[] = {
        {0x05208907, 1, false}, // mov z7.b, p2/m, b8
        {0x05608907, 2, false}, // mov z7.h, p2/m, h8
        {0x05a08907, 4, false}, // mov z7.s, p2/m, s8
        {0x05e08907, 8, false}, // mov z7.d, p2/m, d8
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl};
        fillPattern(h.arch.sve);
        for (const Imm& c : kImm) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            const auto active = noisyPred(h, 1, c.esize, r);
            const auto old = zCopy(h, 4);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                const std::uint64_t inactive = c.merge ? elemOf(old, e, c.esize) : 0;
                CHECK(zElem(h, 4, e, c.esize) ==
                      (active[e] ? static_cast<std::uint64_t>(c.value) & mask(c.esize) : inactive));
            }
        }
        h.setX(6, 0xF0E1'D2C3'B4A5'9687ULL);
        h.cx.setSP(0x1122'3344'5566'7780ULL);
        for (const Scalar& c : kScalar) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            const auto active = noisyPred(h, 2, c.esize, r);
            const auto old = zCopy(h, 5);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const std::uint64_t v = c.sp ? 0x1122'3344'5566'7780ULL : 0xF0E1'D2C3'B4A5'9687ULL;
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e)
                CHECK(zElem(h, 5, e, c.esize) ==
                      (active[e] ? v & mask(c.esize) : elemOf(old, e, c.esize)));
        }
        for (const Scalar& c : kVScalar) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            const auto active = noisyPred(h, 2, c.esize, r);
            const auto old = zCopy(h, 7);
            const std::uint64_t v = zElem(h, 8, 0, c.esize);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e)
                CHECK(zElem(h, 7, e, c.esize) == (active[e] ? v : elemOf(old, e, c.esize)));
        }
    }
}

TEST_CASE("SVE INDEX: immediate and register start and increment", "[isa][sve][move]") {
    struct Case {
        std::uint32_t word;
        unsigned esize;
        std::uint64_t start, incr; // what the operands give, before truncation
    };
    constexpr std::uint64_t kX10 = 0xFFFF'FFFF'0000'0005ULL; // W10 = 5
    constexpr std::uint64_t kX11 = 0x0000'0001'FFFF'FFFDULL; // W11 = -3
    const Case kCases[] = {
        {0x042f4209, 1, static_cast<std::uint64_t>(-16), 15},   // index z9.b, #-16, #15
        {0x047f4069, 2, 3, static_cast<std::uint64_t>(-1)},     // index z9.h, #3, #-1
        {0x04a74549, 4, kX10, 7},                               // index z9.s, w10, #7
        {0x04f04549, 8, kX10, static_cast<std::uint64_t>(-16)}, // index z9.d, x10, #-16
        {0x042b4ba9, 1, static_cast<std::uint64_t>(-3), kX11},  // index z9.b, #-3, w11
        {0x04eb48a9, 8, 5, kX11},                               // index z9.d, #5, x11
        {0x046b4d49, 2, kX10, kX11},                            // index z9.h, w10, w11
        {0x04eb4d49, 8, kX10, kX11},                            // index z9.d, x10, x11
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        fillPattern(h.arch.sve);
        h.setX(10, kX10);
        h.setX(11, kX11);
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e)
                CHECK(zElem(h, 9, e, c.esize) == ((c.start + e * c.incr) & mask(c.esize)));
        }
    }
}

TEST_CASE("SVE SEL (vectors) and its MOV alias", "[isa][sve][move]") {
    struct Case {
        std::uint32_t word;
        unsigned esize, d;
    };
    const Case kCases[] = {
        {0x052ed1ac, 1, 12}, // sel z12.b, p4, z13.b, z14.b
        {0x056ed1ac, 2, 12}, // sel z12.h, p4, z13.h, z14.h
        {0x05aed1ac, 4, 12}, // sel z12.s, p4, z13.s, z14.s
        {0x05eed1ac, 8, 12}, // sel z12.d, p4, z13.d, z14.d
        {0x05aed1ae, 4, 14}, // mov z14.s, p4/m, z13.s
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl + 1};
        fillPattern(h.arch.sve, static_cast<std::uint8_t>(vl));
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            const auto active = noisyPred(h, 4, c.esize, r);
            const auto n = zCopy(h, 13), m = zCopy(h, 14);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e)
                CHECK(zElem(h, c.d, e, c.esize) == elemOf(active[e] ? n : m, e, c.esize));
        }
    }
}

TEST_CASE("SVE MOVPRFX: unpredicated, predicated zeroing and merging", "[isa][sve][move]") {
    struct Case {
        std::uint32_t word;
        unsigned esize;
        bool predicated, merge;
    };
    const Case kCases[] = {
        {0x0420be0f, 1, false, false}, // movprfx z15, z16
        {0x0410360f, 1, true, false},  // movprfx z15.b, p5/z, z16.b
        {0x0451360f, 2, true, true},   // movprfx z15.h, p5/m, z16.h
        {0x0490360f, 4, true, false},  // movprfx z15.s, p5/z, z16.s
        {0x04d1360f, 8, true, true},   // movprfx z15.d, p5/m, z16.d
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl + 2};
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            fillPattern(h.arch.sve, static_cast<std::uint8_t>(r.next()));
            const auto active = noisyPred(h, 5, c.esize, r);
            const auto old = zCopy(h, 15), src = zCopy(h, 16);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            for (unsigned e = 0; e < vl / 8 / c.esize; ++e) {
                const std::uint64_t expect = !c.predicated || active[e] ? elemOf(src, e, c.esize)
                                             : c.merge                  ? elemOf(old, e, c.esize)
                                                                        : 0;
                CHECK(zElem(h, 15, e, c.esize) == expect);
            }
        }
    }
}
