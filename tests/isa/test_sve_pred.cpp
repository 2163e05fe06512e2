// SVE predicate instructions at VL 128, 256, 512 and 2048: PTRUE/PTRUES for all 32 patterns,
// PFALSE, predicate logical operations and their aliases, PTEST, the FFR instructions, WHILE*
// and every CMP<cc> form, with the NZCV flags they set.
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

// A deterministic byte stream for register contents.
struct Lcg {
    std::uint64_t s;
    std::uint64_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return s >> 11;
    }
};

std::vector<std::uint8_t> pImage(IsaHarness& h, unsigned n) {
    const auto p = h.arch.sve.P(n, h.cx.vl());
    return {p.begin(), p.end()};
}
std::vector<std::uint8_t> ffrImage(IsaHarness& h) {
    const auto p = h.arch.sve.FFR(h.cx.vl());
    return {p.begin(), p.end()};
}
void setPImage(IsaHarness& h, unsigned n, const std::vector<std::uint8_t>& v) {
    std::copy(v.begin(), v.end(), h.pFull(n).begin());
}
std::vector<std::uint8_t> randomP(IsaHarness& h, Lcg& r) {
    std::vector<std::uint8_t> v(h.vlBytes() / 8);
    for (auto& b : v)
        b = static_cast<std::uint8_t>(r.next());
    return v;
}
bool bitOf(const std::vector<std::uint8_t>& p, unsigned b) {
    return ((p[b / 8] >> (b % 8)) & 1U) != 0;
}
// The canonical predicate image with element e (of esize bytes) = f(e).
template <class F>
std::vector<std::uint8_t> predImage(unsigned vl_bytes, unsigned esize, F f) {
    std::vector<std::uint8_t> v(vl_bytes / 8, 0);
    for (unsigned e = 0; e < vl_bytes / esize; ++e)
        if (f(e)) v[e * esize / 8] |= static_cast<std::uint8_t>(1U << (e * esize % 8));
    return v;
}

struct Nzcv {
    bool n, z, c, v;
    bool operator==(const Nzcv&) const = default;
};
Nzcv flags(IsaHarness& h) {
    return {h.p().n, h.p().z, h.p().c, h.p().v};
}
// Reference for the flags of a predicate result: first active true, none active true, not last
// active true, V clear.
Nzcv expectedFlags(const std::vector<std::uint8_t>& mask, const std::vector<std::uint8_t>& res,
                   unsigned esize) {
    std::vector<bool> active_results;
    for (unsigned b = 0; b < mask.size() * 8; b += esize)
        if (bitOf(mask, b)) active_results.push_back(bitOf(res, b));
    const bool any =
        std::find(active_results.begin(), active_results.end(), true) != active_results.end();
    const bool first = !active_results.empty() && active_results.front();
    const bool last = !active_results.empty() && active_results.back();
    return {first, !any, !last, false};
}
void scrambleFlags(IsaHarness& h) {
    h.p().n = false;
    h.p().z = true;
    h.p().c = false;
    h.p().v = true;
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

} // namespace

TEST_CASE("SVE PTRUE/PTRUES: all 32 patterns at every element size", "[isa][sve][pred]") {
    // ptrue p0.<T>, pattern and ptrues p1.<T>, pattern: the pattern is insn[9:5].
    constexpr std::uint32_t kPtrue[4] = {0x2518e000,   // ptrue p0.b, pow2
                                         0x2558e000,   // ptrue p0.h, pow2
                                         0x2598e000,   // ptrue p0.s, pow2
                                         0x25d8e000};  // ptrue p0.d, pow2
    constexpr std::uint32_t kPtrues[4] = {0x2519e001,  // ptrues p1.b, pow2
                                          0x2559e001,  // ptrues p1.h, pow2
                                          0x2599e001,  // ptrues p1.s, pow2
                                          0x25d9e001}; // ptrues p1.d, pow2
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        fillPattern(h.arch.sve);
        for (unsigned size = 0; size < 4; ++size) {
            const unsigned esize = 1U << size, elements = vl / 8 / esize;
            for (unsigned pattern = 0; pattern < 32; ++pattern) {
                INFO("VL " << vl << " esize " << esize << " pattern " << pattern);
                const unsigned count = expectedCount(pattern, elements);
                const auto expect =
                    predImage(vl / 8, esize, [count](unsigned e) { return e < count; });
                scrambleFlags(h);
                const Nzcv before = flags(h);
                h.exec(kPtrue[size] | pattern << 5);
                REQUIRE_FALSE(h.cx.faulted());
                CHECK(pImage(h, 0) == expect);
                CHECK(flags(h) == before); // PTRUE sets no flags
                h.exec(kPtrues[size] | pattern << 5);
                CHECK(pImage(h, 1) == expect);
                CHECK(flags(h) == Nzcv{count > 0, count == 0, count == 0, false});
            }
        }
        // Spot values the table above is checked against.
        const unsigned el = vl / 8 / 4;
        CHECK(expectedCount(0, el) == el);                // POW2 of a power of two
        CHECK(expectedCount(30, el) == el - el % 3);      // MUL3
        CHECK(expectedCount(8, el) == (el >= 8 ? 8 : 0)); // VL8 needs 8 elements
    }
}

TEST_CASE("SVE PFALSE and the predicate logical operations, flags and aliases",
          "[isa][sve][pred]") {
    struct Op {
        std::uint32_t word;
        bool setflags;
        std::uint8_t (*f)(std::uint8_t g, std::uint8_t n, std::uint8_t m);
    };
    using B = std::uint8_t;
    const Op kOps[] = {
        {0x25034440, false,
         [](B g, B n, B m) { return B(g & n & m); }}, // and p0.b, p1/z, p2.b, p3.b
        {0x25034450, false,
         [](B g, B n, B m) { return B(g & n & ~m); }}, // bic p0.b, p1/z, p2.b, p3.b
        {0x25034640, false,
         [](B g, B n, B m) { return B(g & (n ^ m)); }}, // eor p0.b, p1/z, p2.b, p3.b
        {0x25034650, false,
         [](B g, B n, B m) { return B((g & n) | (~g & m)); }}, // sel p0.b, p1, p2.b, p3.b
        {0x25834440, false,
         [](B g, B n, B m) { return B(g & (n | m)); }}, // orr p0.b, p1/z, p2.b, p3.b
        {0x25834450, false,
         [](B g, B n, B m) { return B(g & (n | ~m)); }}, // orn p0.b, p1/z, p2.b, p3.b
        {0x25834640, false,
         [](B g, B n, B m) { return B(g & ~(n | m)); }}, // nor p0.b, p1/z, p2.b, p3.b
        {0x25834650, false,
         [](B g, B n, B m) { return B(g & ~(n & m)); }}, // nand p0.b, p1/z, p2.b, p3.b
        {0x25434440, true,
         [](B g, B n, B m) { return B(g & n & m); }}, // ands p0.b, p1/z, p2.b, p3.b
        {0x25434450, true,
         [](B g, B n, B m) { return B(g & n & ~m); }}, // bics p0.b, p1/z, p2.b, p3.b
        {0x25434640, true,
         [](B g, B n, B m) { return B(g & (n ^ m)); }}, // eors p0.b, p1/z, p2.b, p3.b
        {0x25c34440, true,
         [](B g, B n, B m) { return B(g & (n | m)); }}, // orrs p0.b, p1/z, p2.b, p3.b
        {0x25c34450, true,
         [](B g, B n, B m) { return B(g & (n | ~m)); }}, // orns p0.b, p1/z, p2.b, p3.b
        {0x25c34640, true,
         [](B g, B n, B m) { return B(g & ~(n | m)); }}, // nors p0.b, p1/z, p2.b, p3.b
        {0x25c34650, true,
         [](B g, B n, B m) { return B(g & ~(n & m)); }}, // nands p0.b, p1/z, p2.b, p3.b
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl};
        fillPattern(h.arch.sve);
        h.exec(0x2518e403); // pfalse p3.b
        CHECK(pImage(h, 3) == std::vector<std::uint8_t>(vl / 64, 0));
        for (int round = 0; round < 8; ++round) {
            const auto g = randomP(h, r), n = randomP(h, r), m = randomP(h, r);
            setPImage(h, 1, g);
            setPImage(h, 2, n);
            setPImage(h, 3, m);
            if (round == 0) setPImage(h, 1, std::vector<std::uint8_t>(vl / 64, 0)); // no active bit
            const auto gg = pImage(h, 1);
            for (const Op& op : kOps) {
                INFO("VL " << vl << " word " << std::hex << op.word);
                std::vector<std::uint8_t> expect(vl / 64);
                for (std::size_t b = 0; b < expect.size(); ++b)
                    expect[b] = op.f(gg[b], n[b], m[b]);
                scrambleFlags(h);
                const Nzcv before = flags(h);
                h.exec(op.word);
                REQUIRE_FALSE(h.cx.faulted());
                CHECK(pImage(h, 0) == expect);
                CHECK(flags(h) == (op.setflags ? expectedFlags(gg, expect, 1) : before));
            }
            // Aliases: the same encodings with operands repeated.
            h.exec(0x25824844); // mov p4.b, p2.b (orr p4.b, p2/z, p2.b, p2.b)
            CHECK(pImage(h, 4) == n);
            h.exec(0x25c24844); // movs p4.b, p2.b
            CHECK(pImage(h, 4) == n);
            CHECK(flags(h) == expectedFlags(n, n, 1));
            std::vector<std::uint8_t> expect(vl / 64);
            for (std::size_t b = 0; b < expect.size(); ++b)
                expect[b] = static_cast<std::uint8_t>(gg[b] & n[b]);
            h.exec(0x25024444); // mov p4.b, p1/z, p2.b
            CHECK(pImage(h, 4) == expect);
            const auto old4 = randomP(h, r);
            setPImage(h, 4, old4);
            for (std::size_t b = 0; b < expect.size(); ++b)
                expect[b] = static_cast<std::uint8_t>((gg[b] & n[b]) | (~gg[b] & old4[b]));
            h.exec(0x25044654); // mov p4.b, p1/m, p2.b (sel p4.b, p1, p2.b, p4.b)
            CHECK(pImage(h, 4) == expect);
            for (std::size_t b = 0; b < expect.size(); ++b)
                expect[b] = static_cast<std::uint8_t>(gg[b] & ~n[b]);
            h.exec(0x25014644); // not p4.b, p1/z, p2.b (eor p4.b, p1/z, p2.b, p1.b)
            CHECK(pImage(h, 4) == expect);
        }
    }
}

TEST_CASE("SVE PTEST sets NZCV from Pn under Pg", "[isa][sve][pred]") {
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl + 1};
        for (int round = 0; round < 16; ++round) {
            auto g = randomP(h, r), n = randomP(h, r);
            if (round == 1) std::fill(n.begin(), n.end(), std::uint8_t{0});    // none true
            if (round == 2) std::fill(g.begin(), g.end(), std::uint8_t{0});    // none active
            if (round == 3) std::fill(n.begin(), n.end(), std::uint8_t{0xFF}); // all true
            setPImage(h, 1, g);
            setPImage(h, 2, n);
            const auto before = pImage(h, 2);
            scrambleFlags(h);
            h.exec(0x2550c440); // ptest p1, p2.b
            REQUIRE_FALSE(h.cx.faulted());
            CHECK(flags(h) == expectedFlags(g, n, 1));
            CHECK(pImage(h, 2) == before);
        }
    }
}

TEST_CASE("SVE SETFFR, WRFFR, RDFFR and RDFFRS", "[isa][sve][pred]") {
    for (unsigned vl : kVLs) {
        INFO("VL " << vl);
        IsaHarness h(vl);
        Lcg r{vl + 2};
        fillPattern(h.arch.sve);
        h.exec(0x252c9000); // setffr
        REQUIRE_FALSE(h.cx.faulted());
        CHECK(ffrImage(h) == std::vector<std::uint8_t>(vl / 64, 0xFF));
        h.exec(0x2519f005); // rdffr p5.b
        CHECK(pImage(h, 5) == std::vector<std::uint8_t>(vl / 64, 0xFF));

        // A monotonic FFR value (ones then zeros), as first-fault loads leave it.
        const unsigned ones = vl / 8 / 3;
        const auto ffr = predImage(vl / 8, 1, [ones](unsigned e) { return e < ones; });
        setPImage(h, 2, ffr);
        h.exec(0x25289040); // wrffr p2.b
        CHECK(ffrImage(h) == ffr);
        h.exec(0x2519f005); // rdffr p5.b
        CHECK(pImage(h, 5) == ffr);

        const auto g = randomP(h, r);
        setPImage(h, 1, g);
        std::vector<std::uint8_t> expect(vl / 64);
        for (std::size_t b = 0; b < expect.size(); ++b)
            expect[b] = static_cast<std::uint8_t>(g[b] & ffr[b]);
        scrambleFlags(h);
        const Nzcv before = flags(h);
        h.exec(0x2518f025); // rdffr p5.b, p1/z
        CHECK(pImage(h, 5) == expect);
        CHECK(flags(h) == before);
        h.exec(0x2558f025); // rdffrs p5.b, p1/z
        CHECK(pImage(h, 5) == expect);
        CHECK(flags(h) == expectedFlags(g, expect, 1));
    }
}

TEST_CASE("SVE WHILELT/WHILELE/WHILELO/WHILELS with 32- and 64-bit operands", "[isa][sve][pred]") {
    struct Case {
        std::uint32_t word;
        unsigned esize;
        std::uint64_t x1, x2;
        unsigned (*count)(unsigned elements); // how many leading elements are true
    };
    const Case kCases[] = {
        {0x25221426, 1, 5, 9, [](unsigned el) { return std::min(4U, el); }}, // whilelt p6.b, x1, x2
        {0x25221426, 1, 9, 5, [](unsigned) { return 0U; }},                  // whilelt p6.b, x1, x2
        {0x25221426, 1, ~std::uint64_t{0}, 1,
         [](unsigned el) { return std::min(2U, el); }}, // -1 < 1: signed
        {0x25620426, 2, 0xABCD'0000'FFFF'FFFDULL, 0x1234'0000'0000'0002ULL,
         [](unsigned el) { return std::min(5U, el); }}, // whilelt p6.h, w1, w2
        {0x25a21436, 4, 0x7FFF'FFFF'FFFF'FFFEULL, 0x7FFF'FFFF'FFFF'FFFFULL,
         [](unsigned el) { return el; }}, // whilele p6.s, x1, x2: wraps, all true
        {0x25e20436, 8, 0xFFFF'FFFF'0000'0000ULL, 0,
         [](unsigned el) { return std::min(1U, el); }}, // whilele p6.d, w1, w2
        {0x25220c26, 1, 0xFFFF'FFF0, 0xFFFF'FFFF,
         [](unsigned el) { return std::min(15U, el); }},                    // whilelo p6.b, w1, w2
        {0x25621c26, 2, 10, 10 + 4096, [](unsigned el) { return el; }},     // whilelo p6.h, x1, x2
        {0x25621c26, 2, ~std::uint64_t{0}, 1, [](unsigned) { return 0U; }}, // unsigned: max !< 1
        {0x25a20c36, 4, 0xFFFF'FFFE, 0xFFFF'FFFF,
         [](unsigned el) { return el; }},                                    // whilels p6.s, w1, w2
        {0x25e21c36, 8, 3, 1, [](unsigned) { return 0U; }},                  // whilels p6.d, x1, x2
        {0x25e21c36, 8, 3, 5, [](unsigned el) { return std::min(3U, el); }}, // whilels p6.d, x1, x2
    };
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        fillPattern(h.arch.sve);
        for (const Case& c : kCases) {
            INFO("VL " << vl << " word " << std::hex << c.word << " x1 " << c.x1 << " x2 " << c.x2);
            const unsigned elements = vl / 8 / c.esize, count = c.count(elements);
            h.setX(1, c.x1);
            h.setX(2, c.x2);
            scrambleFlags(h);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            CHECK(pImage(h, 6) ==
                  predImage(vl / 8, c.esize, [count](unsigned e) { return e < count; }));
            CHECK(flags(h) == Nzcv{count > 0, count == 0, count < elements, false});
            CHECK(h.x(1) == c.x1); // the scalar is not updated
        }
    }
}

namespace {

enum class Cond { EQ, NE, GE, GT, LT, LE, HI, HS, LO, LS };
enum class Form { Vec, Wide, Imm };
struct CmpCase {
    std::uint32_t word;
    Cond cond;
    unsigned esize;
    Form form;
    std::int64_t imm;
};
// cmp<cc> p7.<T>, p1/z, z2.<T>, {z3.<T> | z3.d | #imm}
// clang-format off
const CmpCase kCmps[] = {
    {0x2403a447, Cond::EQ, 1, Form::Vec, 0}, // cmpeq p7.b, p1/z, z2.b, z3.b
    {0x2443a447, Cond::EQ, 2, Form::Vec, 0}, // cmpeq p7.h, p1/z, z2.h, z3.h
    {0x24032447, Cond::EQ, 1, Form::Wide, 0}, // cmpeq p7.b, p1/z, z2.b, z3.d
    {0x2443a457, Cond::NE, 2, Form::Vec, 0}, // cmpne p7.h, p1/z, z2.h, z3.h
    {0x2483a457, Cond::NE, 4, Form::Vec, 0}, // cmpne p7.s, p1/z, z2.s, z3.s
    {0x24432457, Cond::NE, 2, Form::Wide, 0}, // cmpne p7.h, p1/z, z2.h, z3.d
    {0x24838447, Cond::GE, 4, Form::Vec, 0}, // cmpge p7.s, p1/z, z2.s, z3.s
    {0x24c38447, Cond::GE, 8, Form::Vec, 0}, // cmpge p7.d, p1/z, z2.d, z3.d
    {0x24834447, Cond::GE, 4, Form::Wide, 0}, // cmpge p7.s, p1/z, z2.s, z3.d
    {0x24c38457, Cond::GT, 8, Form::Vec, 0}, // cmpgt p7.d, p1/z, z2.d, z3.d
    {0x24038457, Cond::GT, 1, Form::Vec, 0}, // cmpgt p7.b, p1/z, z2.b, z3.b
    {0x24034457, Cond::GT, 1, Form::Wide, 0}, // cmpgt p7.b, p1/z, z2.b, z3.d
    {0x24028477, Cond::LT, 1, Form::Vec, 0}, // cmplt p7.b, p1/z, z2.b, z3.b
    {0x24428477, Cond::LT, 2, Form::Vec, 0}, // cmplt p7.h, p1/z, z2.h, z3.h
    {0x24436447, Cond::LT, 2, Form::Wide, 0}, // cmplt p7.h, p1/z, z2.h, z3.d
    {0x24428467, Cond::LE, 2, Form::Vec, 0}, // cmple p7.h, p1/z, z2.h, z3.h
    {0x24828467, Cond::LE, 4, Form::Vec, 0}, // cmple p7.s, p1/z, z2.s, z3.s
    {0x24836457, Cond::LE, 4, Form::Wide, 0}, // cmple p7.s, p1/z, z2.s, z3.d
    {0x24830457, Cond::HI, 4, Form::Vec, 0}, // cmphi p7.s, p1/z, z2.s, z3.s
    {0x24c30457, Cond::HI, 8, Form::Vec, 0}, // cmphi p7.d, p1/z, z2.d, z3.d
    {0x2403c457, Cond::HI, 1, Form::Wide, 0}, // cmphi p7.b, p1/z, z2.b, z3.d
    {0x24c30447, Cond::HS, 8, Form::Vec, 0}, // cmphs p7.d, p1/z, z2.d, z3.d
    {0x24030447, Cond::HS, 1, Form::Vec, 0}, // cmphs p7.b, p1/z, z2.b, z3.b
    {0x2443c447, Cond::HS, 2, Form::Wide, 0}, // cmphs p7.h, p1/z, z2.h, z3.d
    {0x24020477, Cond::LO, 1, Form::Vec, 0}, // cmplo p7.b, p1/z, z2.b, z3.b
    {0x24420477, Cond::LO, 2, Form::Vec, 0}, // cmplo p7.h, p1/z, z2.h, z3.h
    {0x2483e447, Cond::LO, 4, Form::Wide, 0}, // cmplo p7.s, p1/z, z2.s, z3.d
    {0x24420467, Cond::LS, 2, Form::Vec, 0}, // cmpls p7.h, p1/z, z2.h, z3.h
    {0x24820467, Cond::LS, 4, Form::Vec, 0}, // cmpls p7.s, p1/z, z2.s, z3.s
    {0x2403e457, Cond::LS, 1, Form::Wide, 0}, // cmpls p7.b, p1/z, z2.b, z3.d
    {0x25108447, Cond::EQ, 1, Form::Imm, -16}, // cmpeq p7.b, p1/z, z2.b, #-16
    {0x25578447, Cond::EQ, 2, Form::Imm, -9}, // cmpeq p7.h, p1/z, z2.h, #-9
    {0x259e8447, Cond::EQ, 4, Form::Imm, -2}, // cmpeq p7.s, p1/z, z2.s, #-2
    {0x25c58447, Cond::EQ, 8, Form::Imm, 5}, // cmpeq p7.d, p1/z, z2.d, #5
    {0x250c8457, Cond::NE, 1, Form::Imm, 12}, // cmpne p7.b, p1/z, z2.b, #12
    {0x25538457, Cond::NE, 2, Form::Imm, -13}, // cmpne p7.h, p1/z, z2.h, #-13
    {0x259a8457, Cond::NE, 4, Form::Imm, -6}, // cmpne p7.s, p1/z, z2.s, #-6
    {0x25c18457, Cond::NE, 8, Form::Imm, 1}, // cmpne p7.d, p1/z, z2.d, #1
    {0x25080447, Cond::GE, 1, Form::Imm, 8}, // cmpge p7.b, p1/z, z2.b, #8
    {0x254f0447, Cond::GE, 2, Form::Imm, 15}, // cmpge p7.h, p1/z, z2.h, #15
    {0x25960447, Cond::GE, 4, Form::Imm, -10}, // cmpge p7.s, p1/z, z2.s, #-10
    {0x25dd0447, Cond::GE, 8, Form::Imm, -3}, // cmpge p7.d, p1/z, z2.d, #-3
    {0x25040457, Cond::GT, 1, Form::Imm, 4}, // cmpgt p7.b, p1/z, z2.b, #4
    {0x254b0457, Cond::GT, 2, Form::Imm, 11}, // cmpgt p7.h, p1/z, z2.h, #11
    {0x25920457, Cond::GT, 4, Form::Imm, -14}, // cmpgt p7.s, p1/z, z2.s, #-14
    {0x25d90457, Cond::GT, 8, Form::Imm, -7}, // cmpgt p7.d, p1/z, z2.d, #-7
    {0x25002447, Cond::LT, 1, Form::Imm, 0}, // cmplt p7.b, p1/z, z2.b, #0
    {0x25472447, Cond::LT, 2, Form::Imm, 7}, // cmplt p7.h, p1/z, z2.h, #7
    {0x258e2447, Cond::LT, 4, Form::Imm, 14}, // cmplt p7.s, p1/z, z2.s, #14
    {0x25d52447, Cond::LT, 8, Form::Imm, -11}, // cmplt p7.d, p1/z, z2.d, #-11
    {0x251c2457, Cond::LE, 1, Form::Imm, -4}, // cmple p7.b, p1/z, z2.b, #-4
    {0x25432457, Cond::LE, 2, Form::Imm, 3}, // cmple p7.h, p1/z, z2.h, #3
    {0x258a2457, Cond::LE, 4, Form::Imm, 10}, // cmple p7.s, p1/z, z2.s, #10
    {0x25d12457, Cond::LE, 8, Form::Imm, -15}, // cmple p7.d, p1/z, z2.d, #-15
    {0x24200457, Cond::HI, 1, Form::Imm, 0}, // cmphi p7.b, p1/z, z2.b, #0
    {0x24694457, Cond::HI, 2, Form::Imm, 37}, // cmphi p7.h, p1/z, z2.h, #37
    {0x24b28457, Cond::HI, 4, Form::Imm, 74}, // cmphi p7.s, p1/z, z2.s, #74
    {0x24fbc457, Cond::HI, 8, Form::Imm, 111}, // cmphi p7.d, p1/z, z2.d, #111
    {0x24250447, Cond::HS, 1, Form::Imm, 20}, // cmphs p7.b, p1/z, z2.b, #20
    {0x246e4447, Cond::HS, 2, Form::Imm, 57}, // cmphs p7.h, p1/z, z2.h, #57
    {0x24b78447, Cond::HS, 4, Form::Imm, 94}, // cmphs p7.s, p1/z, z2.s, #94
    {0x24e0c447, Cond::HS, 8, Form::Imm, 3}, // cmphs p7.d, p1/z, z2.d, #3
    {0x242a2447, Cond::LO, 1, Form::Imm, 40}, // cmplo p7.b, p1/z, z2.b, #40
    {0x24736447, Cond::LO, 2, Form::Imm, 77}, // cmplo p7.h, p1/z, z2.h, #77
    {0x24bca447, Cond::LO, 4, Form::Imm, 114}, // cmplo p7.s, p1/z, z2.s, #114
    {0x24e5e447, Cond::LO, 8, Form::Imm, 23}, // cmplo p7.d, p1/z, z2.d, #23
    {0x242f2457, Cond::LS, 1, Form::Imm, 60}, // cmpls p7.b, p1/z, z2.b, #60
    {0x24786457, Cond::LS, 2, Form::Imm, 97}, // cmpls p7.h, p1/z, z2.h, #97
    {0x24a1a457, Cond::LS, 4, Form::Imm, 6}, // cmpls p7.s, p1/z, z2.s, #6
    {0x24eae457, Cond::LS, 8, Form::Imm, 43}, // cmpls p7.d, p1/z, z2.d, #43
};
// clang-format on

bool holds(Cond c, std::int64_t sa, std::int64_t sb, std::uint64_t ua, std::uint64_t ub) {
    switch (c) {
    case Cond::EQ: return sa == sb;
    case Cond::NE: return sa != sb;
    case Cond::GE: return sa >= sb;
    case Cond::GT: return sa > sb;
    case Cond::LT: return sa < sb;
    case Cond::LE: return sa <= sb;
    case Cond::HI: return ua > ub;
    case Cond::HS: return ua >= ub;
    case Cond::LO: return ua < ub;
    case Cond::LS: return ua <= ub;
    }
    return false;
}
std::uint64_t elemOf(IsaHarness& h, unsigned n, unsigned e, unsigned esize) {
    std::uint64_t v = 0;
    std::memcpy(&v, h.z(n).data() + static_cast<std::size_t>(e) * esize, esize);
    return v;
}
std::int64_t sext(std::uint64_t v, unsigned esize) {
    const unsigned shift = 64 - esize * 8;
    return static_cast<std::int64_t>(v << shift) >> shift;
}

} // namespace

TEST_CASE("SVE CMP<cc>: vectors, wide elements, signed and unsigned immediates, flags",
          "[isa][sve][pred]") {
    // Element values near the signed and unsigned boundaries, so that every condition differs.
    constexpr std::uint64_t kValues[] = {0,
                                         1,
                                         2,
                                         0x7F,
                                         0x80,
                                         0xFF,
                                         0x7FFF,
                                         0x8000,
                                         0xFFFF,
                                         0x7FFF'FFFF,
                                         0x8000'0000,
                                         0xFFFF'FFFF,
                                         0x7FFF'FFFF'FFFF'FFFF,
                                         0x8000'0000'0000'0000,
                                         ~std::uint64_t{0},
                                         5,
                                         0xFFFF'FFFF'FFFF'FFF5,
                                         100,
                                         127};
    constexpr std::size_t kN = sizeof kValues / sizeof kValues[0];
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        Lcg r{vl + 3};
        fillPattern(h.arch.sve);
        for (int round = 0; round < 4; ++round) {
            for (unsigned b = 0; b < vl / 64; ++b) { // z2, z3 from the boundary values
                std::uint64_t a = kValues[r.next() % kN], c = kValues[r.next() % kN];
                if (r.next() % 4 == 0) c = a;
                std::memcpy(h.zFull(2).data() + b * 8, &a, 8);
                std::memcpy(h.zFull(3).data() + b * 8, &c, 8);
            }
            auto g = randomP(h, r);
            if (round == 1) std::fill(g.begin(), g.end(), std::uint8_t{0xFF});
            setPImage(h, 1, g);
            for (const CmpCase& c : kCmps) {
                INFO("VL " << vl << " word " << std::hex << c.word);
                const auto expect = predImage(vl / 8, c.esize, [&](unsigned e) {
                    if (!bitOf(g, e * c.esize)) return false;
                    const std::uint64_t a = elemOf(h, 2, e, c.esize);
                    std::int64_t sb = 0;
                    std::uint64_t ub = 0;
                    if (c.form == Form::Vec) {
                        ub = elemOf(h, 3, e, c.esize);
                        sb = sext(ub, c.esize);
                    } else if (c.form == Form::Wide) {
                        ub = elemOf(h, 3, e * c.esize / 8, 8);
                        sb = static_cast<std::int64_t>(ub);
                    } else {
                        sb = c.imm;
                        ub = static_cast<std::uint64_t>(c.imm);
                    }
                    return holds(c.cond, sext(a, c.esize), sb, a, ub);
                });
                scrambleFlags(h);
                h.exec(c.word);
                REQUIRE_FALSE(h.cx.faulted());
                CHECK(pImage(h, 7) == expect);
                CHECK(flags(h) == expectedFlags(g, expect, c.esize));
            }
        }
    }
}
