// Robustness of the integer, branch, load/store and system tables (one file for the four
// groups): every row is fed random words that match its pattern; each word is decoded,
// disassembled and executed from a random state (EL, SP selection, registers pointing into
// memory or anywhere). Nothing may crash (the ASan/UBSan build runs this too), a decoded row
// must match the word, and every row must be reachable. The decoder's bucket index is checked
// against a plain scan of every row: decode(w) is UNDEFINED exactly when no row accepts w.
// (That decode picks the right row is checked against llvm-mc by tests/decode.)
#include "support/isa_harness.h"

#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <span>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr int kWordsPerRow = 5000;
constexpr int kScanEvery = 16; // words checked against the scan of every row (it is slow)

// Whether any row of any table accepts `w` (fixed bits and valid fn), without the decoder.
bool someRowAccepts(std::uint32_t w) {
    for (const isa::InsnDef* r : isa::allInsns())
        if ((w & r->mask) == r->value && (r->valid == nullptr || r->valid(w))) return true;
    return false;
}

std::uint64_t randomOperand(std::mt19937_64& rng) {
    switch (rng() % 4) {
    case 0: return IsaHarness::kMemBase + (rng() % 0x10000); // inside the memory
    case 1: return rng() % 64;                               // small: shift amounts, indices
    case 2: return 0;
    default: return rng(); // anything, mostly unmapped
    }
}

void fuzzRows(std::span<const isa::InsnDef> rows, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    REQUIRE_FALSE(rows.empty());
    for (const isa::InsnDef& row : rows) {
        INFO(row.name << " mask " << std::hex << row.mask << " value " << row.value);
        CHECK((row.value & ~row.mask) == 0);
        IsaHarness h;
        int mismatched = 0, here = 0, undefined = 0, no_text = 0, index_lost = 0, to_el0 = 0;
        for (int k = 0; k < kWordsPerRow; ++k) {
            const std::uint32_t w = (static_cast<std::uint32_t>(rng()) & ~row.mask) | row.value;
            const isa::InsnDef* d = isa::decode(w);
            if (d == nullptr)
                ++undefined;
            else if ((w & d->mask) != d->value || (d->valid != nullptr && !d->valid(w)))
                ++mismatched;
            if (k % kScanEvery == 0 && (d == nullptr) == someRowAccepts(w)) ++index_lost;
            if (d == &row) ++here;
            const std::uint64_t pc = IsaHarness::kMemBase + (rng() % 0x10000 & ~std::uint64_t{3});
            if (isa::disassemble(w, pc).empty()) ++no_text;

            h.arch.cpu.pstate.el = static_cast<EL>(rng() % 4);
            h.arch.cpu.pstate.sp = (rng() & 1) != 0;
            h.arch.cpu.pc = pc;
            for (unsigned r = 0; r < 31; ++r)
                h.setX(r, randomOperand(rng));
            h.arch.cpu.sysregs.slot(SysReg::SP_EL0) = randomOperand(rng);
            h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = randomOperand(rng);
            h.arch.cpu.sysregs.slot(SysReg::SP_EL2) = randomOperand(rng);
            h.exec(w);
            if (h.cx.faulted() && h.cx.fault->target == EL::EL0) ++to_el0;
        }
        CHECK(mismatched == 0);
        CHECK(no_text == 0);
        CHECK(index_lost == 0);
        CHECK(to_el0 == 0);
        CHECK(here > 0);
        CHECK(undefined < kWordsPerRow);
    }
}

} // namespace

TEST_CASE("integer: random words of every row decode, disassemble and execute safely",
          "[isa][int]") {
    fuzzRows(isa::integerInsns(), 1);
}

TEST_CASE("branch: random words of every row decode, disassemble and execute safely",
          "[isa][branch]") {
    fuzzRows(isa::branchInsns(), 2);
}

TEST_CASE("ldst: random words of every row decode, disassemble and execute safely", "[isa][ldst]") {
    fuzzRows(isa::loadStoreInsns(), 3);
}

TEST_CASE("system: random words of every row decode, disassemble and execute safely",
          "[isa][system]") {
    fuzzRows(isa::systemInsns(), 4);
}
