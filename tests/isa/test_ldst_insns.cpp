// Loads and stores (isa/src/ldst_insns.cpp): every size of LDR/STR, the sign-extending loads to
// W and X, unsigned offset (up to the largest immediate), pre- and post-index writeback
// (also with SP), unscaled, register offset with every extend and the shift, literal, the
// SIMD&FP forms (V[] writes zero the rest of the vector), the pairs LDP/STP/LDPSW/LDNP/STNP
// with W, X, S, D and Q registers, and the unallocated encodings. Words come from
// scripts/asm-words.sh (GNU as); expected values are the memory contents read back
// little-endian, computed in the test from a fill pattern, independently of svesim.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

void run(IsaHarness& h, std::uint32_t word) {
    INFO(fmt::format("{:#010x} {}", word, isa::disassemble(word, h.arch.cpu.pc)));
    REQUIRE(h.exec(word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
}

// A byte pattern that differs at every address of a window.
std::uint8_t patternAt(std::uint64_t a) {
    return static_cast<std::uint8_t>(a * 7 + 3);
}
void fillPattern(IsaHarness& h, std::uint64_t from, std::uint64_t to) {
    for (std::uint64_t a = from; a < to; ++a)
        h.mem.put<std::uint8_t>(a, patternAt(a));
}
// The little-endian value of `bytes` pattern bytes at `a`.
std::uint64_t patternLE(std::uint64_t a, unsigned bytes) {
    std::uint64_t v = 0;
    for (unsigned i = 0; i < bytes; ++i)
        v |= std::uint64_t{patternAt(a + i)} << (8 * i);
    return v;
}
std::uint64_t sext(std::uint64_t v, unsigned bits) {
    const std::uint64_t sign = std::uint64_t{1} << (bits - 1);
    v &= (sign << 1) - 1;
    return (v ^ sign) - sign;
}

// Z register n: `bytes` bytes from `first` counting up, everything else (whole storage) `rest`.
void setV(IsaHarness& h, unsigned n, std::uint8_t first, unsigned bytes, std::uint8_t rest = 0) {
    auto z = h.zFull(n);
    for (std::size_t i = 0; i < z.size(); ++i)
        z[i] = i < bytes ? static_cast<std::uint8_t>(first + i) : rest;
}
// Z register n within VL holds `want` and zeros after it.
bool vIs(IsaHarness& h, unsigned n, const std::vector<std::uint8_t>& want) {
    const auto z = h.z(n);
    for (std::size_t i = 0; i < z.size(); ++i)
        if (z[i] != (i < want.size() ? want[i] : 0)) return false;
    return true;
}
std::vector<std::uint8_t> counting(std::uint8_t first, unsigned bytes) {
    std::vector<std::uint8_t> v(bytes);
    for (unsigned i = 0; i < bytes; ++i)
        v[i] = static_cast<std::uint8_t>(first + i);
    return v;
}
std::vector<std::uint8_t> memBytes(IsaHarness& h, std::uint64_t a, unsigned n) {
    std::vector<std::uint8_t> v(n);
    for (unsigned i = 0; i < n; ++i)
        v[i] = h.mem.get<std::uint8_t>(a + i);
    return v;
}

constexpr std::uint64_t kGarbage = 0xDEAD'BEEF'DEAD'BEEF;

} // namespace

TEST_CASE("ldst: STR and LDR of every size, zero- and sign-extending, unsigned offset",
          "[isa][ldst]") {
    IsaHarness h;
    const std::uint64_t base = 0x10100;
    h.setX(1, base);
    h.setX(2, 0x8877'6655'4433'2211);
    run(h, 0x39000422); // strb w2, [x1, #1]
    run(h, 0x79000422); // strh w2, [x1, #2]
    run(h, 0xb9000422); // str w2, [x1, #4]
    run(h, 0xf9000422); // str x2, [x1, #8]
    CHECK(memBytes(h, base, 17) == std::vector<std::uint8_t>{0x00, 0x11, 0x11, 0x22, 0x11, 0x22,
                                                             0x33, 0x44, 0x11, 0x22, 0x33, 0x44,
                                                             0x55, 0x66, 0x77, 0x88, 0x00});
    CHECK(h.x(1) == base);

    h.mem.put<std::uint64_t>(base + 0x100, 0x8899'AABB'CCDD'EEFF);
    h.mem.put<std::uint64_t>(base + 0x108, 0x1122'3344'5566'7F7F);
    struct Load {
        std::uint32_t word;
        std::uint64_t expect;
    };
    const Load loads[] = {
        {0x39440020, 0xFF},                  // ldrb w0, [x1, #256]
        {0x79420020, 0xEEFF},                // ldrh w0, [x1, #256]
        {0xb9410020, 0xCCDD'EEFF},           // ldr w0, [x1, #256]
        {0xf9408020, 0x8899'AABB'CCDD'EEFF}, // ldr x0, [x1, #256]
        {0x39c40020, 0xFFFF'FFFF},           // ldrsb w0, [x1, #256]
        {0x39840020, 0xFFFF'FFFF'FFFF'FFFF}, // ldrsb x0, [x1, #256]
        {0x79c20020, 0xFFFF'EEFF},           // ldrsh w0, [x1, #256]
        {0x79820020, 0xFFFF'FFFF'FFFF'EEFF}, // ldrsh x0, [x1, #256]
        {0xb9810020, 0xFFFF'FFFF'CCDD'EEFF}, // ldrsw x0, [x1, #256]
        {0x39c42020, 0x7F},                  // ldrsb w0, [x1, #264]
        {0x39842020, 0x7F},                  // ldrsb x0, [x1, #264]
        {0x79c21020, 0x7F7F},                // ldrsh w0, [x1, #264]
        {0x79821020, 0x7F7F},                // ldrsh x0, [x1, #264]
        {0xb9810820, 0x5566'7F7F},           // ldrsw x0, [x1, #264]
    };
    for (const Load& l : loads) {
        h.setX(0, kGarbage);
        run(h, l.word);
        CHECK(h.x(0) == l.expect);
    }

    // The largest unsigned offsets: 4095 times the access size.
    h.mem.put<std::uint8_t>(base + 4095, 0x5A);
    h.mem.put<std::uint16_t>(base + 8190, 0xA55A);
    h.mem.put<std::uint32_t>(base + 16380, 0xCAFE'F00D);
    h.mem.put<std::uint64_t>(base + 32760, 0x0102'0304'0506'0708);
    run(h, 0x397ffc20); // ldrb w0, [x1, #4095]
    CHECK(h.x(0) == 0x5A);
    run(h, 0x797ffc20); // ldrh w0, [x1, #8190]
    CHECK(h.x(0) == 0xA55A);
    run(h, 0xb97ffc20); // ldr w0, [x1, #16380]
    CHECK(h.x(0) == 0xCAFE'F00D);
    run(h, 0xf97ffc20); // ldr x0, [x1, #32760]
    CHECK(h.x(0) == 0x0102'0304'0506'0708);
    run(h, 0xf9800420); // prfm pldl1keep, [x1, #8]: no architectural effect
    CHECK(h.x(0) == 0x0102'0304'0506'0708);
    CHECK(h.arch.cpu.pc == 0x1000 + 4 * 23);
}

TEST_CASE("ldst: pre- and post-index writeback, also with SP", "[isa][ldst]") {
    IsaHarness h;
    const std::uint64_t base = 0x10100;
    h.setX(1, base);
    h.mem.put<std::uint64_t>(base + 16, 0x1111);
    h.mem.put<std::uint64_t>(base + 8, 0x2222);
    run(h, 0xf8410c20); // ldr x0, [x1, #16]!
    CHECK(h.x(0) == 0x1111);
    CHECK(h.x(1) == base + 16);
    run(h, 0xf85f8c20); // ldr x0, [x1, #-8]!
    CHECK(h.x(0) == 0x2222);
    CHECK(h.x(1) == base + 8);
    h.setX(2, 0xABCD'EF01'2345'6789);
    run(h, 0xf8100422); // str x2, [x1], #-256
    CHECK(h.mem.get<std::uint64_t>(base + 8) == 0xABCD'EF01'2345'6789);
    CHECK(h.x(1) == base + 8 - 256);
    h.mem.put<std::uint32_t>(base + 8 - 256, 0x600D'F00D);
    h.setX(0, kGarbage);
    run(h, 0xb84ff420); // ldr w0, [x1], #255
    CHECK(h.x(0) == 0x600D'F00D);
    CHECK(h.x(1) == base + 7);
    run(h, 0x381ffc22); // strb w2, [x1, #-1]!
    CHECK(h.x(1) == base + 6);
    CHECK(h.mem.get<std::uint8_t>(base + 6) == 0x89);
    h.mem.put<std::uint8_t>(base + 7, 0x80);
    run(h, 0x78802420); // ldrsh x0, [x1], #2
    CHECK(h.x(0) == 0xFFFF'FFFF'FFFF'8089);
    CHECK(h.x(1) == base + 8);

    std::uint64_t& sp = h.arch.cpu.sysregs.slot(SysReg::SP_EL1);
    sp = 0x10400;
    run(h, 0xf81f0fe2); // str x2, [sp, #-16]!
    CHECK(sp == 0x103F0);
    CHECK(h.mem.get<std::uint64_t>(0x103F0) == 0xABCD'EF01'2345'6789);
    h.setX(0, 0);
    run(h, 0xf84107e0); // ldr x0, [sp], #16
    CHECK(h.x(0) == 0xABCD'EF01'2345'6789);
    CHECK(sp == 0x10400);
}

TEST_CASE("ldst: unscaled offsets, unaligned on Normal memory", "[isa][ldst]") {
    IsaHarness h;
    fillPattern(h, 0x10100, 0x10500);
    const std::uint64_t base = 0x10300;
    h.setX(1, base);
    run(h, 0xf85ff020); // ldur x0, [x1, #-1]
    CHECK(h.x(0) == patternLE(base - 1, 8));
    run(h, 0x38d00020); // ldursb w0, [x1, #-256]
    CHECK(h.x(0) == (sext(patternLE(base - 256, 1), 8) & 0xFFFF'FFFF));
    run(h, 0x784ff020); // ldurh w0, [x1, #255]
    CHECK(h.x(0) == patternLE(base + 255, 2));
    run(h, 0xb8801020); // ldursw x0, [x1, #1]
    CHECK(h.x(0) == sext(patternLE(base + 1, 4), 32));
    h.setX(2, 0x8877'6655'4433'2211);
    run(h, 0xb8003022); // stur w2, [x1, #3]
    run(h, 0x381fd022); // sturb w2, [x1, #-3]
    run(h, 0x78007022); // sturh w2, [x1, #7]
    CHECK(memBytes(h, base - 4, 13) ==
          std::vector<std::uint8_t>{patternAt(base - 4), 0x11, patternAt(base - 2),
                                    patternAt(base - 1), patternAt(base), patternAt(base + 1),
                                    patternAt(base + 2), 0x11, 0x22, 0x33, 0x44, 0x11, 0x22});
    CHECK(h.mem.get<std::uint8_t>(base + 9) == patternAt(base + 9));
    CHECK(h.x(1) == base);
}

TEST_CASE("ldst: register offset with every extend and the shift", "[isa][ldst]") {
    IsaHarness h;
    fillPattern(h, 0x10700, 0x10900);
    const std::uint64_t base = 0x10800;
    struct Reg {
        std::uint32_t word;
        std::uint64_t x2;
        std::uint64_t addr;
        unsigned bytes;
        bool sign;
    };
    const Reg cases[] = {
        {0xf8626820, 0x10, base + 0x10, 8, false},                  // ldr x0, [x1, x2]
        {0xf8627820, 0x2, base + 0x10, 8, false},                   // ldr x0, [x1, x2, lsl #3]
        {0xb8624820, 0xFFFF'FFFF'0000'0010, base + 0x10, 4, false}, // ldr w0, [x1, w2, uxtw]
        {0xb8625820, 0xABCD'0000'0004, base + 0x10, 4, false},      // ldr w0, [x1, w2, uxtw #2]
        {0xf862c820, 0x1234'5678'FFFF'FFF0, base - 0x10, 8, false}, // ldr x0, [x1, w2, sxtw]
        {0xf862d820, 0xFFFF'FFFE, base - 0x10, 8, false},           // ldr x0, [x1, w2, sxtw #3]
        {0xf862e820, 0xFFFF'FFFF'FFFF'FFF0, base - 0x10, 8, false}, // ldr x0, [x1, x2, sxtx]
        {0xf862f820, 0xFFFF'FFFF'FFFF'FFFE, base - 0x10, 8, false}, // ldr x0, [x1, x2, sxtx #3]
        {0x38627820, 0x13, base + 0x13, 1, false},                  // ldrb w0, [x1, x2, lsl #0]
        {0x38626820, 0x13, base + 0x13, 1, false},                  // ldrb w0, [x1, x2]
        {0x7862d820, 0x5555'5555'FFFF'FFF8, base - 0x10, 2, false}, // ldrh w0, [x1, w2, sxtw #1]
        {0xb8a27820, 0x3, base + 0xC, 4, true},                     // ldrsw x0, [x1, x2, lsl #2]
    };
    for (const Reg& c : cases) {
        h.setX(1, base);
        h.setX(2, c.x2);
        h.setX(0, kGarbage);
        run(h, c.word);
        const std::uint64_t v = patternLE(c.addr, c.bytes);
        CHECK(h.x(0) == (c.sign ? sext(v, 8 * c.bytes) : v));
    }
    h.setX(3, 0xCAFE'BABE);
    h.setX(2, 0x20);
    run(h, 0x78227823); // strh w3, [x1, x2, lsl #1]
    CHECK(h.mem.get<std::uint16_t>(base + 0x40) == 0xBABE);
    h.setX(2, 0xFFFF'FFFF'0000'0042);
    run(h, 0x38224823); // strb w3, [x1, w2, uxtw]
    CHECK(h.mem.get<std::uint8_t>(base + 0x42) == 0xBE);
    CHECK(h.mem.get<std::uint8_t>(base + 0x43) == patternAt(base + 0x43));
    setV(h, 0, 0xA0, 16, 0x77);
    setV(h, 1, 0x00, 0, 0xEE);
    h.setX(2, 5);
    run(h, 0x3ca27820); // str q0, [x1, x2, lsl #4]
    CHECK(memBytes(h, base + 0x50, 16) == counting(0xA0, 16));
    run(h, 0x3ce27821); // ldr q1, [x1, x2, lsl #4]
    CHECK(vIs(h, 1, counting(0xA0, 16)));
}

TEST_CASE("ldst: literal loads (W, X, SW, S, D, Q, PRFM)", "[isa][ldst]") {
    IsaHarness h;
    const std::uint64_t pc = 0x10800;
    h.mem.put<std::uint32_t>(pc + 8, 0x8765'4321);
    h.mem.put<std::uint64_t>(pc - 8, 0x0123'4567'89AB'CDEF);
    h.mem.put<std::uint32_t>(pc + 16, 0x8000'0001);
    for (unsigned i = 0; i < 16; ++i) {
        h.mem.put<std::uint8_t>(pc + 0x20 + i, static_cast<std::uint8_t>(0x20 + i));
        h.mem.put<std::uint8_t>(pc + 0x28 + i, static_cast<std::uint8_t>(0x28 + i));
        h.mem.put<std::uint8_t>(pc + 0x30 + i, static_cast<std::uint8_t>(0x30 + i));
    }
    const auto at = [&](std::uint32_t word) {
        h.arch.cpu.pc = pc;
        h.setX(0, kGarbage);
        run(h, word);
        CHECK(h.arch.cpu.pc == pc + 4);
    };
    at(0x18000040); // ldr w0, .+8
    CHECK(h.x(0) == 0x8765'4321);
    at(0x58ffffc0); // ldr x0, .-8
    CHECK(h.x(0) == 0x0123'4567'89AB'CDEF);
    at(0x98000080); // ldrsw x0, .+16
    CHECK(h.x(0) == 0xFFFF'FFFF'8000'0001);
    setV(h, 0, 0, 0, 0xEE);
    at(0x1c000100); // ldr s0, .+0x20
    CHECK(vIs(h, 0, counting(0x20, 4)));
    at(0x5c000140); // ldr d0, .+0x28
    CHECK(vIs(h, 0, counting(0x28, 8)));
    at(0x9c000180); // ldr q0, .+0x30
    CHECK(vIs(h, 0, counting(0x30, 16)));
    at(0xd8000200); // prfm pldl1keep, .+0x40
    CHECK(h.x(0) == kGarbage);
}

TEST_CASE("ldst: SIMD&FP single registers B/H/S/D/Q; a load zeroes the rest of the vector",
          "[isa][ldst]") {
    IsaHarness h;
    const std::uint64_t base = 0x10A00;
    h.setX(1, base);
    setV(h, 0, 0xA0, 16, 0x77);
    run(h, 0x3d800020); // str q0, [x1]
    CHECK(memBytes(h, base, 17) == [] {
        auto v = counting(0xA0, 16);
        v.push_back(0);
        return v;
    }());
    struct Load {
        std::uint32_t word;
        unsigned bytes;
    };
    const Load loads[] = {
        {0x3d400021, 1},  // ldr b1, [x1]
        {0x7d400021, 2},  // ldr h1, [x1]
        {0xbd400021, 4},  // ldr s1, [x1]
        {0xfd400021, 8},  // ldr d1, [x1]
        {0x3dc00021, 16}, // ldr q1, [x1]
    };
    for (const Load& l : loads) {
        setV(h, 1, 0, 0, 0xEE);
        run(h, l.word);
        CHECK(vIs(h, 1, counting(0xA0, l.bytes)));
    }
    run(h, 0x3d008420); // str b0, [x1, #33]
    run(h, 0x7d004420); // str h0, [x1, #34]
    run(h, 0xbd002420); // str s0, [x1, #36]
    run(h, 0xfd001420); // str d0, [x1, #40]
    CHECK(memBytes(h, base + 0x20, 17) ==
          std::vector<std::uint8_t>{0x00, 0xA0, 0xA0, 0xA1, 0xA0, 0xA1, 0xA2, 0xA3, 0xA0, 0xA1,
                                    0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0x00});
    setV(h, 1, 0, 0, 0xEE);
    run(h, 0x3cc01021); // ldur q1, [x1, #1]
    auto want = counting(0xA1, 15);
    want.push_back(0x00);
    CHECK(vIs(h, 1, want));
    run(h, 0x3c9f0c20); // str q0, [x1, #-16]!
    CHECK(h.x(1) == base - 16);
    CHECK(memBytes(h, base - 16, 16) == counting(0xA0, 16));

    SECTION("with FP disabled the access traps (EC 0x07) before any access or writeback") {
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0);
        h.setX(1, base + 0x100);
        CHECK(h.exec(0x3c9f0c20) != nullptr); // str q0, [x1, #-16]!
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::AdvSIMDFPAccessTrap);
        CHECK(h.x(1) == base + 0x100);
        CHECK(memBytes(h, base + 0xF0, 16) == std::vector<std::uint8_t>(16, 0));
    }
}

TEST_CASE("ldst: LDP/STP of W, X, S, D, Q; LDPSW; LDNP/STNP; writeback", "[isa][ldst]") {
    IsaHarness h;
    const std::uint64_t base = 0x10C00;
    h.setX(1, base);
    h.setX(2, 0x8877'6655'4433'2211);
    h.setX(3, 0xFFEE'DDCC'BBAA'9988);
    run(h, 0x293f0c22); // stp w2, w3, [x1, #-8]
    CHECK(h.mem.get<std::uint32_t>(base - 8) == 0x4433'2211);
    CHECK(h.mem.get<std::uint32_t>(base - 4) == 0xBBAA'9988);
    h.setX(4, kGarbage);
    h.setX(5, kGarbage);
    run(h, 0x297f1424); // ldp w4, w5, [x1, #-8]
    CHECK(h.x(4) == 0x4433'2211);
    CHECK(h.x(5) == 0xBBAA'9988);
    run(h, 0xa9810c22); // stp x2, x3, [x1, #16]!
    CHECK(h.x(1) == base + 16);
    CHECK(h.mem.get<std::uint64_t>(base + 16) == 0x8877'6655'4433'2211);
    CHECK(h.mem.get<std::uint64_t>(base + 24) == 0xFFEE'DDCC'BBAA'9988);
    h.setX(4, 0);
    h.setX(5, 0);
    run(h, 0xa8ff1424); // ldp x4, x5, [x1], #-16
    CHECK(h.x(4) == 0x8877'6655'4433'2211);
    CHECK(h.x(5) == 0xFFEE'DDCC'BBAA'9988);
    CHECK(h.x(1) == base);
    h.mem.put<std::uint32_t>(base, 0x8000'0000);
    h.mem.put<std::uint32_t>(base + 4, 0x7FFF'FFFF);
    h.mem.put<std::uint32_t>(base + 8, 0xFFFF'FFFE);
    h.mem.put<std::uint32_t>(base + 12, 5);
    run(h, 0x69401424); // ldpsw x4, x5, [x1]
    CHECK(h.x(4) == 0xFFFF'FFFF'8000'0000);
    CHECK(h.x(5) == 0x7FFF'FFFF);
    run(h, 0x69c11424); // ldpsw x4, x5, [x1, #8]!
    CHECK(h.x(4) == 0xFFFF'FFFF'FFFF'FFFE);
    CHECK(h.x(5) == 5);
    CHECK(h.x(1) == base + 8);

    // The largest and smallest X offsets (7-bit signed, scaled by 8).
    h.setX(1, base);
    h.mem.put<std::uint64_t>(base + 504, 0x504);
    h.mem.put<std::uint64_t>(base + 512, 0x512);
    h.mem.put<std::uint64_t>(base - 512, 0x1512);
    h.mem.put<std::uint64_t>(base - 504, 0x1504);
    run(h, 0xa95f9424); // ldp x4, x5, [x1, #504]
    CHECK(h.x(4) == 0x504);
    CHECK(h.x(5) == 0x512);
    run(h, 0xa9601424); // ldp x4, x5, [x1, #-512]
    CHECK(h.x(4) == 0x1512);
    CHECK(h.x(5) == 0x1504);

    // SIMD&FP pairs.
    const std::uint64_t vb = 0x10D00;
    h.setX(1, vb);
    setV(h, 0, 0xA0, 16, 0x77);
    setV(h, 1, 0xB0, 16, 0x77);
    run(h, 0x2d000420); // stp s0, s1, [x1]
    CHECK(memBytes(h, vb, 8) ==
          std::vector<std::uint8_t>{0xA0, 0xA1, 0xA2, 0xA3, 0xB0, 0xB1, 0xB2, 0xB3});
    setV(h, 2, 0, 0, 0xEE);
    setV(h, 3, 0, 0, 0xEE);
    run(h, 0x2d400c22); // ldp s2, s3, [x1]
    CHECK(vIs(h, 2, counting(0xA0, 4)));
    CHECK(vIs(h, 3, counting(0xB0, 4)));
    run(h, 0x6dbf0420); // stp d0, d1, [x1, #-16]!
    CHECK(h.x(1) == vb - 16);
    CHECK(memBytes(h, vb - 16, 8) == counting(0xA0, 8));
    CHECK(memBytes(h, vb - 8, 8) == counting(0xB0, 8));
    run(h, 0xad010420); // stp q0, q1, [x1, #32]
    CHECK(memBytes(h, vb + 16, 16) == counting(0xA0, 16));
    CHECK(memBytes(h, vb + 32, 16) == counting(0xB0, 16));
    setV(h, 2, 0, 0, 0xEE);
    setV(h, 3, 0, 0, 0xEE);
    run(h, 0xad410c22); // ldp q2, q3, [x1, #32]
    CHECK(vIs(h, 2, counting(0xA0, 16)));
    CHECK(vIs(h, 3, counting(0xB0, 16)));

    // Non-temporal pairs behave as LDP/STP with offset addressing.
    h.setX(4, 0);
    h.setX(5, 0);
    run(h, 0xa8411424); // ldnp x4, x5, [x1, #16]
    CHECK(h.x(4) == 0xB3B2'B1B0'A3A2'A1A0);
    CHECK(h.x(5) == 0);
    run(h, 0x28200c22); // stnp w2, w3, [x1, #-256]
    CHECK(h.mem.get<std::uint32_t>(vb - 16 - 256) == 0x4433'2211);
    CHECK(h.mem.get<std::uint32_t>(vb - 16 - 252) == 0xBBAA'9988);
    for (unsigned i = 0; i < 32; ++i)
        h.mem.put<std::uint8_t>(vb - 16 - 1024 + i, static_cast<std::uint8_t>(0x40 + i));
    run(h, 0xac600c22); // ldnp q2, q3, [x1, #-1024]
    CHECK(vIs(h, 2, counting(0x40, 16)));
    CHECK(vIs(h, 3, counting(0x50, 16)));
    CHECK(h.x(1) == vb - 16);

    // Frame push and pop on SP.
    std::uint64_t& sp = h.arch.cpu.sysregs.slot(SysReg::SP_EL1);
    sp = 0x10E00;
    h.setX(29, 0x2929);
    h.setX(30, 0x3030);
    run(h, 0xa9bf7bfd); // stp x29, x30, [sp, #-16]!
    CHECK(sp == 0x10DF0);
    CHECK(h.mem.get<std::uint64_t>(0x10DF0) == 0x2929);
    CHECK(h.mem.get<std::uint64_t>(0x10DF8) == 0x3030);
    h.setX(29, 0);
    h.setX(30, 0);
    run(h, 0xa8c17bfd); // ldp x29, x30, [sp], #16
    CHECK(h.x(29) == 0x2929);
    CHECK(h.x(30) == 0x3030);
    CHECK(sp == 0x10E00);
}

TEST_CASE("ldst: unallocated load/store encodings are UNDEFINED", "[isa][ldst]") {
    const std::uint32_t words[] = {
        0xf8620820, // ldr (register) with option = UXTB
        0xf8628820, // ldr (register) with option = SXTB
        0xdc000000, // ldr (literal, SIMD&FP) with opc = 11
        0x68400000, // ldnp with opc = 01 (no LDNPSW)
        0x69000000, // stgp (FEAT_MTE, not implemented)
        0xe9400000, // ldp with opc = 11
        0xb9c00000, // ldrsw-like size = 10, opc = 11
        0xf9c00000, // size = 11, opc = 11
        0x7dc00000, // SIMD&FP size = 01 with opc = 11
        0xbdc00000, // SIMD&FP size = 10 with opc = 11
        0xf8800400, // prfm post-index does not exist
        0xf8800c00, // prfm pre-index does not exist
    };
    for (std::uint32_t w : words) {
        IsaHarness h;
        INFO(fmt::format("{:#010x}", w));
        CHECK(h.exec(w) == nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::Uncategorized);
        CHECK(h.arch.cpu.pc == 0x1000);
    }
}
