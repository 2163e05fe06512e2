// Robustness of the LSE, CRC32, AdvSIMD structure and SVE memory tables, as
// test_int_decode_fuzz.cpp does for the other base groups: every row is fed random words that
// match its pattern; each is decoded, disassembled and executed from a random state (EL, SP
// selection, general registers pointing into memory or anywhere, random Z, P and FFR at a random
// VL). Nothing may crash (the ASan/UBSan build runs this too), a decoded row must match the word,
// and every row must be reachable.
#include "support/isa_harness.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <span>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr int kWordsPerRow = 2000;

std::uint64_t randomOperand(std::mt19937_64& rng) {
    switch (rng() % 4) {
    case 0: return IsaHarness::kMemBase + (rng() % 0x10000); // inside the memory
    case 1: return rng() % 64;                               // small: shift amounts, indices
    case 2: return 0;
    default: return rng(); // anything, mostly unmapped
    }
}

// Random vector and predicate registers: small offsets or addresses into memory, or anything.
void randomSve(IsaHarness& h, std::mt19937_64& rng) {
    std::array<std::uint8_t, 256> z{};
    for (unsigned n = 0; n < 32; ++n) {
        const auto kind = rng() % 3;
        for (unsigned b = 0; b < h.vlBytes(); b += 8) {
            std::uint64_t v = kind == 0   ? rng() % 256
                              : kind == 1 ? IsaHarness::kMemBase + rng() % 0x10000
                                          : rng();
            std::memcpy(z.data() + b, &v, 8);
        }
        h.arch.sve.setZ(h.arch.cpu, n, h.cx.vl(), std::span(z.data(), h.vlBytes()));
    }
    std::array<std::uint8_t, 32> p{};
    for (unsigned n = 0; n < 16; ++n) {
        for (auto& b : p)
            b = static_cast<std::uint8_t>(rng());
        h.arch.sve.setP(h.arch.cpu, n, h.cx.vl(), std::span(p.data(), h.vlBytes() / 8));
    }
    h.arch.sve.setFFR(h.arch.cpu, h.cx.vl(), std::span(p.data(), h.vlBytes() / 8));
}

void fuzzRows(std::span<const isa::InsnDef> rows, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    REQUIRE_FALSE(rows.empty());
    for (const isa::InsnDef& row : rows) {
        INFO(row.name << " mask " << std::hex << row.mask << " value " << row.value);
        CHECK((row.value & ~row.mask) == 0);
        static constexpr unsigned kVLs[] = {128, 256, 512, 2048};
        IsaHarness h(kVLs[rng() % 4]);
        int mismatched = 0, here = 0, undefined = 0, no_text = 0, exec_other = 0, to_el0 = 0;
        for (int k = 0; k < kWordsPerRow; ++k) {
            const std::uint32_t w = (static_cast<std::uint32_t>(rng()) & ~row.mask) | row.value;
            const isa::InsnDef* d = isa::decode(w);
            if (d == nullptr)
                ++undefined;
            else if ((w & d->mask) != d->value)
                ++mismatched;
            if (d == &row) ++here;
            const std::uint64_t pc = IsaHarness::kMemBase + (rng() % 0x10000 & ~std::uint64_t{3});
            if (isa::disassemble(w, pc).empty()) ++no_text;

            h.arch.cpu.pstate.el = EL::EL1;
            if (k % 64 == 0) randomSve(h, rng);
            h.arch.cpu.pstate.el = static_cast<EL>(rng() % 4);
            h.arch.cpu.pstate.sp = (rng() & 1) != 0;
            h.arch.cpu.pc = pc;
            for (unsigned r = 0; r < 31; ++r)
                h.setX(r, randomOperand(rng));
            h.arch.cpu.sysregs.slot(SysReg::SP_EL0) = randomOperand(rng);
            h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = randomOperand(rng);
            h.arch.cpu.sysregs.slot(SysReg::SP_EL2) = randomOperand(rng);
            if (h.exec(w) != d) ++exec_other;
            if (h.cx.faulted() && h.cx.fault->target == EL::EL0) ++to_el0;
        }
        CHECK(mismatched == 0);
        CHECK(no_text == 0);
        CHECK(exec_other == 0);
        CHECK(to_el0 == 0);
        CHECK(here > 0);
        CHECK(undefined < kWordsPerRow);
    }
}

} // namespace

TEST_CASE("lse: random words of every row decode, disassemble and execute safely", "[isa][lse]") {
    fuzzRows(isa::lseInsns(), 11);
}

TEST_CASE("crc32: random words of every row decode, disassemble and execute safely", "[isa][crc]") {
    fuzzRows(isa::crcInsns(), 12);
}

TEST_CASE("ldst simd: random words of every row decode, disassemble and execute safely",
          "[isa][ldst]") {
    fuzzRows(isa::simdStructInsns(), 13);
}

TEST_CASE("sve mem: random words of every row decode, disassemble and execute safely",
          "[isa][sve][sve_mem]") {
    fuzzRows(isa::sveMemoryInsns(), 14);
}
