// Robustness of the AdvSIMD integer and permute tables: every row is fed
// random words that match its pattern and executed from random V registers and random base
// registers (inside memory, small, zero or anywhere). Nothing may crash (the ASan/UBSan build
// runs this too), a decoded row must match the word, every row must be reachable, and no
// instruction may write a V register above its 128 bits other than zeroing (R12).
#include "support/isa_harness.h"

#include <catch2/catch.hpp>
#include <random>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr int kWordsPerRow = 500;

std::uint64_t randomOperand(std::mt19937_64& rng) {
    switch (rng() % 4) {
    case 0: return IsaHarness::kMemBase + (rng() % 0x10000);
    case 1: return rng() % 64;
    case 2: return 0;
    default: return rng();
    }
}

void fuzzRows(std::span<const isa::InsnDef> rows, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    REQUIRE_FALSE(rows.empty());
    for (const isa::InsnDef& row : rows) {
        INFO(row.name << " mask " << std::hex << row.mask << " value " << row.value);
        IsaHarness h(256);
        int mismatched = 0, here = 0, undefined = 0, no_text = 0, upper_written = 0;
        for (int k = 0; k < kWordsPerRow; ++k) {
            const std::uint32_t w = (static_cast<std::uint32_t>(rng()) & ~row.mask) | row.value;
            const isa::InsnDef* d = isa::decode(w);
            if (d == nullptr)
                ++undefined;
            else if ((w & d->mask) != d->value)
                ++mismatched;
            if (d == &row) ++here;
            if (isa::disassemble(w, 0).empty()) ++no_text;
            for (unsigned r = 0; r < SveUnit::kNumZ; ++r)
                for (auto& b : h.zFull(r))
                    b = static_cast<std::uint8_t>(rng());
            for (unsigned r = 0; r < 31; ++r)
                h.setX(r, randomOperand(rng));
            h.cx.setSP(randomOperand(rng));
            std::vector<std::vector<std::uint8_t>> before;
            for (unsigned r = 0; r < SveUnit::kNumZ; ++r)
                before.emplace_back(h.z(r).begin(), h.z(r).end());
            h.exec(w);
            // Bytes [16, VL) of every Z register are either untouched or all zero.
            for (unsigned r = 0; r < SveUnit::kNumZ; ++r) {
                const auto z = h.z(r);
                bool zero = true, same = true;
                for (std::size_t b = 16; b < z.size(); ++b) {
                    zero = zero && z[b] == 0;
                    same = same && z[b] == before[r][b];
                }
                if (!zero && !same) ++upper_written;
            }
        }
        CHECK(mismatched == 0);
        CHECK(no_text == 0);
        CHECK(upper_written == 0);
        CHECK(here > 0);
        CHECK(undefined < kWordsPerRow);
    }
}

} // namespace

TEST_CASE("simd: random words of every AdvSIMD integer/permute row decode, disassemble "
          "and execute safely",
          "[isa][simd]") {
    fuzzRows(isa::simdIntSameInsns(), 11);
    fuzzRows(isa::simdIntMiscInsns(), 12);
    fuzzRows(isa::simdIntDiffInsns(), 13);
    fuzzRows(isa::simdIntShiftInsns(), 14);
    fuzzRows(isa::simdPermInsns(), 15);
    fuzzRows(isa::simdIntElemInsns(), 16);
}
