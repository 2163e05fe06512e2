// SVE loads and stores at VL 128, 256, 512 and 2048: LDR/STR (vector, predicate) and every
// LD1*/ST1* element size, scalar plus immediate and scalar plus scalar; inactive elements,
// alignment, faults.
#include "support/isa_harness.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr unsigned kVLs[] = {128, 256, 512, 2048};

std::uint8_t memPattern(std::uint64_t addr) {
    return static_cast<std::uint8_t>(addr * 13 + 5);
}
void fillMemory(IsaHarness& h) {
    for (std::uint64_t a = IsaHarness::kMemBase; a < IsaHarness::kMemBase + 0x10000; ++a)
        *h.mem.at(a) = memPattern(a);
}
std::uint64_t zElem(IsaHarness& h, unsigned n, unsigned e, unsigned esize) {
    std::uint64_t v = 0;
    std::memcpy(&v, h.z(n).data() + static_cast<std::size_t>(e) * esize, esize);
    return v;
}
void setZElem(IsaHarness& h, unsigned n, unsigned e, unsigned esize, std::uint64_t v) {
    std::memcpy(h.zFull(n).data() + static_cast<std::size_t>(e) * esize, &v, esize);
}
// P[n] with element e (of esize bytes) true iff active(e).
template <class F>
void setPred(IsaHarness& h, unsigned n, unsigned esize, F active) {
    auto p = h.pFull(n);
    std::fill(p.begin(), p.end(), std::uint8_t{0});
    for (unsigned e = 0; e < h.vlBytes() / esize; ++e)
        if (active(e)) p[e * esize / 8] |= static_cast<std::uint8_t>(1U << (e * esize % 8));
}
std::uint64_t signExtendTo(std::uint64_t v, unsigned from_bytes, unsigned to_bytes) {
    const unsigned shift = 64 - from_bytes * 8;
    auto s = static_cast<std::uint64_t>(static_cast<std::int64_t>(v << shift) >> shift);
    return to_bytes == 8 ? s : s & ((std::uint64_t{1} << (to_bytes * 8)) - 1);
}

struct Ld1Case {
    std::uint32_t word;
    unsigned msize, esize;
    bool sign, scalar_offset;
};
// Scalar plus immediate into z2 ([x0, #1, mul vl]); scalar plus scalar into z3 ([x0, x1, ...]).
const Ld1Case kLoads[] = {
    {0xa401a402, 1, 1, false, false}, // ld1b {z2.b}, p1/z, [x0, #1, mul vl]
    {0xa421a402, 1, 2, false, false}, // ld1b {z2.h}, p1/z, [x0, #1, mul vl]
    {0xa441a402, 1, 4, false, false}, // ld1b {z2.s}, p1/z, [x0, #1, mul vl]
    {0xa461a402, 1, 8, false, false}, // ld1b {z2.d}, p1/z, [x0, #1, mul vl]
    {0xa481a402, 4, 8, true, false},  // ld1sw {z2.d}, p1/z, [x0, #1, mul vl]
    {0xa4a1a402, 2, 2, false, false}, // ld1h {z2.h}, p1/z, [x0, #1, mul vl]
    {0xa4c1a402, 2, 4, false, false}, // ld1h {z2.s}, p1/z, [x0, #1, mul vl]
    {0xa4e1a402, 2, 8, false, false}, // ld1h {z2.d}, p1/z, [x0, #1, mul vl]
    {0xa501a402, 2, 8, true, false},  // ld1sh {z2.d}, p1/z, [x0, #1, mul vl]
    {0xa521a402, 2, 4, true, false},  // ld1sh {z2.s}, p1/z, [x0, #1, mul vl]
    {0xa541a402, 4, 4, false, false}, // ld1w {z2.s}, p1/z, [x0, #1, mul vl]
    {0xa561a402, 4, 8, false, false}, // ld1w {z2.d}, p1/z, [x0, #1, mul vl]
    {0xa581a402, 1, 8, true, false},  // ld1sb {z2.d}, p1/z, [x0, #1, mul vl]
    {0xa5a1a402, 1, 4, true, false},  // ld1sb {z2.s}, p1/z, [x0, #1, mul vl]
    {0xa5c1a402, 1, 2, true, false},  // ld1sb {z2.h}, p1/z, [x0, #1, mul vl]
    {0xa5e1a402, 8, 8, false, false}, // ld1d {z2.d}, p1/z, [x0, #1, mul vl]
    {0xa4014403, 1, 1, false, true},  // ld1b {z3.b}, p1/z, [x0, x1]
    {0xa4214403, 1, 2, false, true},  // ld1b {z3.h}, p1/z, [x0, x1]
    {0xa4414403, 1, 4, false, true},  // ld1b {z3.s}, p1/z, [x0, x1]
    {0xa4614403, 1, 8, false, true},  // ld1b {z3.d}, p1/z, [x0, x1]
    {0xa4814403, 4, 8, true, true},   // ld1sw {z3.d}, p1/z, [x0, x1, lsl #2]
    {0xa4a14403, 2, 2, false, true},  // ld1h {z3.h}, p1/z, [x0, x1, lsl #1]
    {0xa4c14403, 2, 4, false, true},  // ld1h {z3.s}, p1/z, [x0, x1, lsl #1]
    {0xa4e14403, 2, 8, false, true},  // ld1h {z3.d}, p1/z, [x0, x1, lsl #1]
    {0xa5014403, 2, 8, true, true},   // ld1sh {z3.d}, p1/z, [x0, x1, lsl #1]
    {0xa5214403, 2, 4, true, true},   // ld1sh {z3.s}, p1/z, [x0, x1, lsl #1]
    {0xa5414403, 4, 4, false, true},  // ld1w {z3.s}, p1/z, [x0, x1, lsl #2]
    {0xa5614403, 4, 8, false, true},  // ld1w {z3.d}, p1/z, [x0, x1, lsl #2]
    {0xa5814403, 1, 8, true, true},   // ld1sb {z3.d}, p1/z, [x0, x1]
    {0xa5a14403, 1, 4, true, true},   // ld1sb {z3.s}, p1/z, [x0, x1]
    {0xa5c14403, 1, 2, true, true},   // ld1sb {z3.h}, p1/z, [x0, x1]
    {0xa5e14403, 8, 8, false, true},  // ld1d {z3.d}, p1/z, [x0, x1, lsl #3]
};

struct St1Case {
    std::uint32_t word;
    unsigned msize, esize;
    bool scalar_offset;
};
// From z4 under p2: [x0, #-1, mul vl] or [x0, x1, lsl #k].
const St1Case kStores[] = {
    {0xe40fe804, 1, 1, false}, // st1b {z4.b}, p2, [x0, #-1, mul vl]
    {0xe42fe804, 1, 2, false}, // st1b {z4.h}, p2, [x0, #-1, mul vl]
    {0xe44fe804, 1, 4, false}, // st1b {z4.s}, p2, [x0, #-1, mul vl]
    {0xe46fe804, 1, 8, false}, // st1b {z4.d}, p2, [x0, #-1, mul vl]
    {0xe4afe804, 2, 2, false}, // st1h {z4.h}, p2, [x0, #-1, mul vl]
    {0xe4cfe804, 2, 4, false}, // st1h {z4.s}, p2, [x0, #-1, mul vl]
    {0xe4efe804, 2, 8, false}, // st1h {z4.d}, p2, [x0, #-1, mul vl]
    {0xe54fe804, 4, 4, false}, // st1w {z4.s}, p2, [x0, #-1, mul vl]
    {0xe56fe804, 4, 8, false}, // st1w {z4.d}, p2, [x0, #-1, mul vl]
    {0xe5efe804, 8, 8, false}, // st1d {z4.d}, p2, [x0, #-1, mul vl]
    {0xe4014804, 1, 1, true},  // st1b {z4.b}, p2, [x0, x1]
    {0xe4214804, 1, 2, true},  // st1b {z4.h}, p2, [x0, x1]
    {0xe4414804, 1, 4, true},  // st1b {z4.s}, p2, [x0, x1]
    {0xe4614804, 1, 8, true},  // st1b {z4.d}, p2, [x0, x1]
    {0xe4a14804, 2, 2, true},  // st1h {z4.h}, p2, [x0, x1, lsl #1]
    {0xe4c14804, 2, 4, true},  // st1h {z4.s}, p2, [x0, x1, lsl #1]
    {0xe4e14804, 2, 8, true},  // st1h {z4.d}, p2, [x0, x1, lsl #1]
    {0xe5414804, 4, 4, true},  // st1w {z4.s}, p2, [x0, x1, lsl #2]
    {0xe5614804, 4, 8, true},  // st1w {z4.d}, p2, [x0, x1, lsl #2]
    {0xe5e14804, 8, 8, true},  // st1d {z4.d}, p2, [x0, x1, lsl #3]
};

constexpr std::uint32_t kLdrZ = 0x85804801;   // ldr z1, [x0, #2, mul vl]
constexpr std::uint32_t kStrZ = 0xe5bf5fe1;   // str z1, [sp, #-1, mul vl]
constexpr std::uint32_t kLdrP = 0x85bf1403;   // ldr p3, [x0, #-3, mul vl]
constexpr std::uint32_t kStrP = 0xe58017e3;   // str p3, [sp, #5, mul vl]
constexpr std::uint32_t kLdrZ0 = 0x85804005;  // ldr z5, [x0]
constexpr std::uint32_t kLd1W0 = 0xa540a405;  // ld1w {z5.s}, p1/z, [x0]
constexpr std::uint32_t kLd1DSp = 0xa5e0a7e6; // ld1d {z6.d}, p1/z, [sp]
constexpr std::uint32_t kLd1D = 0xa5e1a402;   // ld1d {z2.d}, p1/z, [x0, #1, mul vl]
constexpr std::uint32_t kSt1H0 = 0xe4a0e804;  // st1h {z4.h}, p2, [x0]

bool zEquals(IsaHarness& h, unsigned n, const std::vector<std::uint8_t>& v) {
    return std::equal(v.begin(), v.end(), h.zFull(n).begin());
}

} // namespace

TEST_CASE("SVE LDR/STR (vector, predicate): byte accesses at [Xn|SP, #imm, MUL VL]",
          "[isa][sve][ldst]") {
    for (unsigned vl : kVLs) {
        INFO("VL " << vl);
        IsaHarness h(vl);
        const unsigned vlb = vl / 8, plb = vl / 64;
        fillMemory(h);

        h.setX(0, 0x10003); // unaligned: LDR needs no alignment
        REQUIRE(h.exec(kLdrZ) != nullptr);
        REQUIRE_FALSE(h.cx.faulted());
        for (unsigned b = 0; b < vlb; ++b)
            CHECK(h.z(1)[b] == memPattern(0x10003 + 2 * vlb + b));

        h.cx.setSP(0x18000);
        h.exec(kStrZ);
        REQUIRE_FALSE(h.cx.faulted());
        for (unsigned b = 0; b < vlb; ++b)
            CHECK(h.mem.get<std::uint8_t>(0x18000 - vlb + b) == h.z(1)[b]);
        CHECK(h.mem.get<std::uint8_t>(0x18000) == memPattern(0x18000)); // one VL only

        h.setX(0, 0x13001);
        h.exec(kLdrP);
        REQUIRE_FALSE(h.cx.faulted());
        for (unsigned b = 0; b < plb; ++b)
            CHECK(h.pFull(3)[b] == memPattern(0x13001 - 3 * plb + b));

        h.exec(kStrP);
        REQUIRE_FALSE(h.cx.faulted());
        for (unsigned b = 0; b < plb; ++b)
            CHECK(h.mem.get<std::uint8_t>(0x18000 + 5 * plb + b) == h.pFull(3)[b]);
        CHECK(h.mem.get<std::uint8_t>(0x18000 + 6 * plb) == memPattern(0x18000 + 6 * plb));
    }
}

TEST_CASE("SVE LD1*: every element size, zeroing inactive elements", "[isa][sve][ldst]") {
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        const unsigned vlb = vl / 8;
        fillMemory(h);
        for (const Ld1Case& c : kLoads) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            const unsigned elements = vlb / c.esize, dest = c.scalar_offset ? 3 : 2;
            setPred(h, 1, c.esize, [](unsigned e) { return e % 3 != 1; });
            std::fill(h.zFull(dest).begin(), h.zFull(dest).end(), std::uint8_t{0xAB});
            h.setX(0, 0x11000);
            h.setX(1, 5);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const std::uint64_t base =
                c.scalar_offset ? 0x11000 + 5 * c.msize : 0x11000 + elements * c.msize;
            for (unsigned e = 0; e < elements; ++e) {
                std::uint64_t expect = 0;
                if (e % 3 != 1) {
                    for (unsigned b = 0; b < c.msize; ++b)
                        expect |= std::uint64_t{memPattern(base + e * c.msize + b)} << (8 * b);
                    if (c.sign) expect = signExtendTo(expect, c.msize, c.esize);
                }
                CHECK(zElem(h, dest, e, c.esize) == expect);
            }
        }
    }
}

TEST_CASE("SVE ST1*: every element size, inactive elements not written", "[isa][sve][ldst]") {
    for (unsigned vl : kVLs) {
        IsaHarness h(vl);
        const unsigned vlb = vl / 8;
        for (const St1Case& c : kStores) {
            INFO("VL " << vl << " word " << std::hex << c.word);
            const unsigned elements = vlb / c.esize;
            for (std::uint64_t a = 0x14000; a < 0x16000; ++a)
                *h.mem.at(a) = 0xEE;
            for (unsigned e = 0; e < elements; ++e)
                setZElem(h, 4, e, c.esize, 0x0102030405060708ULL * (e + 1));
            setPred(h, 2, c.esize,
                    [elements](unsigned e) { return e % 2 == 0 || e == elements - 1; });
            h.setX(0, 0x15000);
            h.setX(1, 3);
            h.exec(c.word);
            REQUIRE_FALSE(h.cx.faulted());
            const std::uint64_t base =
                c.scalar_offset ? 0x15000 + 3 * c.msize : 0x15000 - elements * c.msize;
            for (unsigned e = 0; e < elements; ++e) {
                const bool active = e % 2 == 0 || e == elements - 1;
                const std::uint64_t v = 0x0102030405060708ULL * (e + 1);
                for (unsigned b = 0; b < c.msize; ++b)
                    CHECK(h.mem.get<std::uint8_t>(base + e * c.msize + b) ==
                          (active ? static_cast<std::uint8_t>(v >> (8 * b)) : 0xEE));
            }
            CHECK(h.mem.get<std::uint8_t>(base - 1) == 0xEE);
            CHECK(h.mem.get<std::uint8_t>(base + elements * c.msize) == 0xEE);
        }
    }
}

TEST_CASE("SVE loads: LDR needs no alignment, LD1 elements are aligned to their memory size",
          "[isa][sve][ldst]") {
    for (unsigned vl : kVLs) {
        INFO("VL " << vl);
        IsaHarness h(vl);
        fillMemory(h);
        // SCTLR_EL1.M = 0: data accesses are Device, so any misaligned element access faults.
        h.arch.cpu.sysregs.write(SysReg::SCTLR_EL1,
                                 h.arch.cpu.sysregs.read(SysReg::SCTLR_EL1) & ~std::uint64_t{1});
        h.setX(0, 0x10001);
        h.exec(kLdrZ0);
        REQUIRE_FALSE(h.cx.faulted());
        CHECK(h.z(5)[0] == memPattern(0x10001));

        const std::vector<std::uint8_t> before(h.zFull(5).begin(), h.zFull(5).end());
        setPred(h, 1, 4, [](unsigned e) { return e == 1; });
        h.setX(0, 0x10002);
        h.exec(kLd1W0);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::DataAbort);
        CHECK((h.cx.fault->record.iss & 0x3F) == 0x21); // alignment fault
        CHECK(zEquals(h, 5, before));

        setPred(h, 1, 4, [](unsigned) { return false; }); // nothing accessed, nothing to fault
        h.exec(kLd1W0);
        CHECK_FALSE(h.cx.faulted());
        for (unsigned b = 0; b < h.vlBytes(); ++b)
            CHECK(h.z(5)[b] == 0);

        setPred(h, 2, 2, [](unsigned e) { return e < 2; });
        h.setX(0, 0x10003);
        h.exec(kSt1H0);
        REQUIRE(h.cx.faulted());
        CHECK((h.cx.fault->record.iss & 0x3F) == 0x21);
        CHECK((h.cx.fault->record.iss & 0x40) != 0); // WnR
    }
}

TEST_CASE("SVE loads: an abort midway leaves the destination unwritten, and inactive elements are "
          "not accessed",
          "[isa][sve][ldst]") {
    for (unsigned vl : kVLs) {
        INFO("VL " << vl);
        IsaHarness h(vl);
        const unsigned vlb = vl / 8;
        fillMemory(h);
        fillPattern(h.arch.sve);
        const std::vector<std::uint8_t> z5(h.zFull(5).begin(), h.zFull(5).end());
        h.setX(0, 0x20000 - vlb / 2); // the second half of the vector is outside memory
        h.exec(kLdrZ0);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::DataAbort);
        CHECK(h.cx.fault->record.vaddress == std::optional<std::uint64_t>(0x20000));
        CHECK(zEquals(h, 5, z5));

        // ld1d {z2.d}, p1/z, [x0, #1, mul vl] with element 1 at 0x20000.
        const std::vector<std::uint8_t> z2(h.zFull(2).begin(), h.zFull(2).end());
        h.setX(0, 0x20000 - 8 - vlb);
        setPred(h, 1, 8, [](unsigned) { return true; });
        h.exec(kLd1D);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.vaddress == std::optional<std::uint64_t>(0x20000));
        CHECK(zEquals(h, 2, z2));

        setPred(h, 1, 8, [](unsigned e) { return e < 1; });
        h.exec(kLd1D);
        REQUIRE_FALSE(h.cx.faulted());
        CHECK(zElem(h, 2, 0, 8) == h.mem.get<std::uint64_t>(0x20000 - 8));
        for (unsigned e = 1; e < vlb / 8; ++e)
            CHECK(zElem(h, 2, e, 8) == 0);
    }
}

TEST_CASE("SVE loads: SP as the base is checked for alignment", "[isa][sve][ldst]") {
    IsaHarness h(256);
    h.arch.cpu.sysregs.write(SysReg::SCTLR_EL1,
                             h.arch.cpu.sysregs.read(SysReg::SCTLR_EL1) | (1U << 3)); // SA
    setPred(h, 1, 8, [](unsigned) { return true; });
    h.cx.setSP(0x18008);
    h.exec(kLd1DSp);
    REQUIRE(h.cx.faulted());
    CHECK(h.cx.fault->record.type == Exception::SPAlignment);
    h.cx.setSP(0x18000);
    h.mem.put<std::uint64_t>(0x18000, 0x1122334455667788ULL);
    h.exec(kLd1DSp);
    REQUIRE_FALSE(h.cx.faulted());
    CHECK(zElem(h, 6, 0, 8) == 0x1122334455667788ULL);
}
