// Branches (isa/src/branch_insns.cpp): B and BL at the ends of their range, B.cond for all 16
// conditions against every NZCV value, CBZ/CBNZ on W and X, TBZ/TBNZ for bits 0..63, BR/BLR/RET,
// and the unallocated encodings. Words come from scripts/asm-words.sh (GNU as); the taken
// table was derived from the condition definitions of the Arm ARM (C1.2.4), not from svesim.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

void setNzcv(PState& p, unsigned f) {
    p.n = (f & 8) != 0;
    p.z = (f & 4) != 0;
    p.c = (f & 2) != 0;
    p.v = (f & 1) != 0;
}

// Executes `word` at `pc`; returns the next PC.
std::uint64_t step(IsaHarness& h, std::uint32_t word, std::uint64_t pc) {
    h.arch.cpu.pc = pc;
    INFO(fmt::format("{:#010x} {}", word, isa::disassemble(word, pc)));
    REQUIRE(h.exec(word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    return h.arch.cpu.pc;
}

} // namespace

TEST_CASE("branch: B and BL, offsets at both ends of the range, BL writes X30", "[isa][branch]") {
    IsaHarness h;
    h.setX(30, 0xAAAA);
    CHECK(step(h, 0x14000002, 0x40000) == 0x40008);               // b .+8
    CHECK(step(h, 0x17fffc00, 0x40000) == 0x3F000);               // b .-0x1000
    CHECK(step(h, 0x16000000, 0x40000) == 0xFFFF'FFFF'F804'0000); // b .-0x8000000
    CHECK(step(h, 0x15ffffff, 0x40000) == 0x0803'FFFC);           // b .+0x7fffffc
    CHECK(h.x(30) == 0xAAAA);                                     // B does not link
    CHECK(step(h, 0x94000040, 0x40000) == 0x40100);               // bl .+0x100
    CHECK(h.x(30) == 0x40004);
    CHECK(step(h, 0x97ffffff, 0x50000) == 0x4FFFC); // bl .-4
    CHECK(h.x(30) == 0x50004);
}

TEST_CASE("branch: B.cond, all 16 conditions against every NZCV value", "[isa][branch]") {
    // Bit f of kTaken[cond] is set when the condition holds for NZCV == f (N is bit 3).
    static constexpr std::uint16_t kTaken[16] = {
        0xF0F0, // eq: Z
        0x0F0F, // ne: !Z
        0xCCCC, // cs: C
        0x3333, // cc: !C
        0xFF00, // mi: N
        0x00FF, // pl: !N
        0xAAAA, // vs: V
        0x5555, // vc: !V
        0x0C0C, // hi: C && !Z
        0xF3F3, // ls: !C || Z
        0xAA55, // ge: N == V
        0x55AA, // lt: N != V
        0x0A05, // gt: !Z && N == V
        0xF5FA, // le: Z || N != V
        0xFFFF, // al
        0xFFFF, // nv: executes as always
    };
    // b.<cond> .+0x40, cond = eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv
    static constexpr std::uint32_t kWords[16] = {
        0x54000200, 0x54000201, 0x54000202, 0x54000203, 0x54000204, 0x54000205,
        0x54000206, 0x54000207, 0x54000208, 0x54000209, 0x5400020a, 0x5400020b,
        0x5400020c, 0x5400020d, 0x5400020e, 0x5400020f,
    };
    IsaHarness h;
    for (unsigned cond = 0; cond < 16; ++cond)
        for (unsigned f = 0; f < 16; ++f) {
            setNzcv(h.p(), f);
            INFO(fmt::format("cond {} NZCV {:04b}", cond, f));
            const bool taken = ((kTaken[cond] >> f) & 1) != 0;
            CHECK(step(h, kWords[cond], 0x2000) == (taken ? 0x2040U : 0x2004U));
        }
}

TEST_CASE("branch: CBZ and CBNZ test W or X", "[isa][branch]") {
    IsaHarness h;
    h.setX(1, 0x1'0000'0000);                     // W1 == 0, X1 != 0
    CHECK(step(h, 0x34000101, 0x3000) == 0x3020); // cbz w1, .+0x20
    CHECK(step(h, 0x35000101, 0x3000) == 0x3004); // cbnz w1, .+0x20
    CHECK(step(h, 0xb4ffff01, 0x3000) == 0x3004); // cbz x1, .-0x20
    CHECK(step(h, 0xb5ffff01, 0x3000) == 0x2FE0); // cbnz x1, .-0x20
    h.setX(1, 0);
    CHECK(step(h, 0xb4ffff01, 0x3000) == 0x2FE0);   // cbz x1, .-0x20
    CHECK(step(h, 0xb5ffff01, 0x3000) == 0x3004);   // cbnz x1, .-0x20
    CHECK(step(h, 0xb47fffe1, 0x3000) == 0x102FFC); // cbz x1, .+0xffffc
    h.setX(1, 0x8000'0000);
    CHECK(step(h, 0x34000101, 0x3000) == 0x3004);                // cbz w1, .+0x20
    CHECK(step(h, 0x35800001, 0x3000) == 0xFFFF'FFFF'FFF0'3000); // cbnz w1, .-0x100000
    CHECK(step(h, 0xb4ffff01, 0x3000) == 0x3004);                // cbz x1, .-0x20
}

TEST_CASE("branch: TBZ and TBNZ for every bit number 0..63", "[isa][branch]") {
    // tbz/tbnz x1, #bit, .+0x20: b5 = bit<5> at [31], op at [24], b40 at [23:19], imm14 = 8.
    const auto word = [](bool nz, unsigned bit) {
        return 0x36000101U | ((bit >> 5) << 31) | (nz ? 1U << 24 : 0U) | ((bit & 31) << 19);
    };
    // The formula against the assembler.
    REQUIRE(word(false, 0) == 0x36000101);  // tbz w1, #0, .+0x20
    REQUIRE(word(true, 31) == 0x37f80101);  // tbnz w1, #31, .+0x20
    REQUIRE(word(false, 33) == 0xb6080101); // tbz x1, #33, .+0x20
    REQUIRE(word(true, 63) == 0xb7f80101);  // tbnz x1, #63, .+0x20
    IsaHarness h;
    for (unsigned bit = 0; bit < 64; ++bit) {
        INFO("bit " << bit);
        const std::uint64_t one = std::uint64_t{1} << bit;
        h.setX(1, one);
        CHECK(step(h, word(false, bit), 0x4000) == 0x4004);
        CHECK(step(h, word(true, bit), 0x4000) == 0x4020);
        h.setX(1, ~one);
        CHECK(step(h, word(false, bit), 0x4000) == 0x4020);
        CHECK(step(h, word(true, bit), 0x4000) == 0x4004);
    }
    // The ends of the 14-bit offset.
    h.setX(1, 0);
    CHECK(step(h, 0xb6040001, 0x10000) == 0x8000); // tbz x1, #32, .-0x8000
    h.setX(1, std::uint64_t{1} << 63);
    CHECK(step(h, 0xb7fbffe1, 0x10000) == 0x17FFC); // tbnz x1, #63, .+0x7ffc
}

TEST_CASE("branch: BR, BLR and RET", "[isa][branch]") {
    IsaHarness h;
    h.setX(1, 0x8'0000);
    h.setX(2, 0x9'0000);
    h.setX(30, 0xA'0000);
    CHECK(step(h, 0xd61f0020, 0x1000) == 0x80000); // br x1
    CHECK(h.x(30) == 0xA0000);
    CHECK(step(h, 0xd65f03c0, 0x1000) == 0xA0000); // ret
    CHECK(step(h, 0xd65f0040, 0x1000) == 0x90000); // ret x2
    CHECK(h.x(30) == 0xA0000);
    CHECK(step(h, 0xd63f0020, 0x1000) == 0x80000); // blr x1
    CHECK(h.x(30) == 0x1004);
    h.setX(30, 0xB'0000);
    CHECK(step(h, 0xd63f03c0, 0x2000) == 0xB0000); // blr x30: the target is read first
    CHECK(h.x(30) == 0x2004);
    CHECK(step(h, 0xd61f03e0, 0x1000) == 0); // br xzr
}

TEST_CASE("branch: unallocated branch encodings are UNDEFINED", "[isa][branch]") {
    const std::uint32_t words[] = {
        0x54000210, // bc.eq (FEAT_HBC, not implemented)
        0xd67f0020, // branch (register) with opc<1:0> = 11
        0xd61f0021, // br x1 with op4 != 0
        0xd61f0820, // braa-like op3 != 0 (FEAT_PAuth, not implemented)
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
