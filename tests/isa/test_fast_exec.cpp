// The fast forms (isa/fast_exec.h) against the general path: every row with a specialiser is
// fed random words that decode to it, each run from the same random state (EL, SP selection,
// NZCV, registers pointing into memory or anywhere, SVE registers, a random PC) on two PEs:
// one through the row's exec function, one through the specialised handler. A fast form must
// either decline and change nothing, or leave exactly the general path's X0-X30, SP_EL0-SP_EL3,
// NZCV, Z0-Z31, P0-P15, FFR, memory and next PC; it must decline whenever the general path
// faults. The general path is the oracle (its rows are checked against llvm-mc and QEMU by
// tests/decode and the QEMU suites); each row must also complete often enough that the
// comparison is not vacuous.
#include "support/isa_harness.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr int kWordsPerRow = 3000;
constexpr std::uint64_t kMemSize = 0x10000;

struct State {
    std::array<std::uint64_t, 31> x{};
    std::array<std::uint64_t, 4> sp{};
    PState p;
    std::uint64_t pc = 0;
    std::vector<std::uint8_t> sve; // Z0-Z31, P0-P15 and FFR, whole storage
};

std::vector<std::uint8_t> sveBytes(IsaHarness& h) {
    std::vector<std::uint8_t> out;
    SveUnit& u = h.arch.sve;
    for (unsigned n = 0; n < 32; ++n)
        out.insert(out.end(), u.zStorage(n).begin(), u.zStorage(n).end());
    for (unsigned n = 0; n < 16; ++n)
        out.insert(out.end(), u.pStorage(n).begin(), u.pStorage(n).end());
    out.insert(out.end(), u.ffrStorage().begin(), u.ffrStorage().end());
    return out;
}
void setSveBytes(IsaHarness& h, const std::vector<std::uint8_t>& bytes) {
    SveUnit& u = h.arch.sve;
    std::size_t at = 0;
    const auto put = [&](std::span<std::uint8_t> dst) {
        std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(at), dst.size(), dst.begin());
        at += dst.size();
    };
    for (unsigned n = 0; n < 32; ++n)
        put(u.zStorage(n));
    for (unsigned n = 0; n < 16; ++n)
        put(u.pStorage(n));
    put(u.ffrStorage());
}

State capture(IsaHarness& h) {
    State s;
    for (unsigned n = 0; n < 31; ++n)
        s.x[n] = h.cx.gprs()[n];
    for (unsigned e = 0; e < 4; ++e)
        s.sp[e] = h.cx.spOfEL(static_cast<EL>(e));
    s.p = h.arch.cpu.pstate;
    s.pc = h.arch.cpu.pc;
    s.sve = sveBytes(h);
    return s;
}

void apply(IsaHarness& h, const State& s) {
    for (unsigned n = 0; n < 31; ++n)
        h.cx.gprs()[n] = s.x[n];
    for (unsigned e = 0; e < 4; ++e)
        h.cx.spOfEL(static_cast<EL>(e)) = s.sp[e];
    h.arch.cpu.pstate = s.p;
    h.arch.cpu.pc = s.pc;
    setSveBytes(h, s.sve);
    h.cx.refreshVL();
    h.cx.refreshTranslation();
}

// An operand: often an address inside the test memory (aligned, or a little off), else any
// 64-bit value.
std::uint64_t randomOperand(std::mt19937_64& rng) {
    switch (rng() % 4) {
    case 0: return rng();
    case 1: return rng() % 64;
    default: {
        const std::uint64_t off = 0x800 + (rng() % (kMemSize - 0x1000));
        return IsaHarness::kMemBase + (rng() % 4 == 0 ? off : off & ~std::uint64_t{15});
    }
    }
}

State randomState(std::mt19937_64& rng, std::size_t sve_bytes) {
    State s;
    s.sve.resize(sve_bytes);
    for (auto& b : s.sve)
        b = static_cast<std::uint8_t>(rng());
    for (auto& v : s.x)
        v = randomOperand(rng);
    for (auto& v : s.sp)
        v = randomOperand(rng);
    s.p.el = static_cast<EL>(1 + rng() % 3);
    s.p.sp = rng() % 2 == 0;
    s.p.n = rng() % 2 == 0;
    s.p.z = rng() % 2 == 0;
    s.p.c = rng() % 2 == 0;
    s.p.v = rng() % 2 == 0;
    s.pc = (rng() & 0x0000'FFFF'FFFF'FFFC) | (rng() % 2 == 0 ? 0xFFFF'0000'0000'0000 : 0);
    return s;
}

// SCTLR_ELx.M = 0 at every EL: no stage translates (PA = VA).
void stage1Off(IsaHarness& h) {
    for (SysReg r : {SysReg::SCTLR_EL1, SysReg::SCTLR_EL2, SysReg::SCTLR_EL3})
        h.arch.cpu.sysregs.write(r, h.arch.cpu.sysregs.read(r) & ~std::uint64_t{1});
}

bool sameState(const State& a, const State& b) {
    return a.x == b.x && a.sp == b.sp && a.p == b.p && a.pc == b.pc && a.sve == b.sve;
}

} // namespace

TEST_CASE("Fast forms do what the general path does, or decline and change nothing",
          "[isa][fast]") {
    std::mt19937_64 rng(20261207);
    IsaHarness general, fast;
    // No stage translates (PA = VA; the per-page caches the fast accesses need under the MMU
    // are the general path's, tests/model covers them): SCTLR_ELx.M = 0, so a misaligned
    // access takes the Device alignment fault on the general path and is declined here.
    for (IsaHarness* h : {&general, &fast})
        stage1Off(*h);
    // The fast PE reaches memory through the direct window (as the platform's RAM).
    fast.bus.setDirectWindow(fast.mem.at(IsaHarness::kMemBase), IsaHarness::kMemBase,
                             IsaHarness::kMemBase + kMemSize);
    REQUIRE_FALSE(fast.cx.translating()); // the per-page caches are not needed (PA = VA)
    std::vector<std::uint8_t> initial(kMemSize);
    unsigned rows = 0;
    for (const isa::InsnDef* row : isa::allInsns()) {
        if (row->fast == nullptr) continue;
        ++rows;
        int completed = 0, declined = 0;
        for (int k = 0; k < kWordsPerRow; ++k) {
            const std::uint32_t w = row->value | (static_cast<std::uint32_t>(rng()) & ~row->mask);
            if (isa::decode(w) != row) continue;
            isa::FastOps ops;
            const isa::FastFn fn = row->fast(w, ops);
            if (fn == nullptr) continue; // no fast form for this encoding (e.g. SIMD&FP)
            const State start = randomState(rng, sveBytes(general).size());
            for (std::uint64_t a = 0; a < kMemSize; a += 8) {
                const std::uint64_t v = rng();
                std::memcpy(initial.data() + a, &v, 8);
            }
            std::memcpy(general.mem.at(IsaHarness::kMemBase), initial.data(), kMemSize);
            std::memcpy(fast.mem.at(IsaHarness::kMemBase), initial.data(), kMemSize);
            apply(general, start);
            apply(fast, start);
            REQUIRE_FALSE(fast.cx.translating());
            general.exec(w);
            const std::uint64_t next = fn(fast.cx, ops, start.pc);
            INFO(row->name << " " << std::hex << w << " pc " << start.pc);
            if (next == isa::kFastDeclined) {
                ++declined;
                REQUIRE(sameState(capture(fast), start));
                REQUIRE(std::memcmp(fast.mem.at(IsaHarness::kMemBase), initial.data(), kMemSize) ==
                        0);
                continue;
            }
            const bool same_memory =
                std::memcmp(fast.mem.at(IsaHarness::kMemBase), general.mem.at(IsaHarness::kMemBase),
                            kMemSize) == 0;
            ++completed;
            REQUIRE_FALSE(general.cx.faulted());
            fast.arch.cpu.pc = next;
            State g = capture(general);
            g.pc = general.arch.cpu.pc;
            REQUIRE(sameState(capture(fast), g));
            REQUIRE(same_memory);
        }
        INFO(row->name << ": " << completed << " completed, " << declined << " declined");
        if (completed + declined > 0) CHECK(completed >= 100); // else no fast encodings (SIMD&FP)
    }
    CHECK(rows >= 25);
}

// LDR/STR of a whole Z or P register that crosses from one 4 KiB page into the next (the
// kernel's save area is not page-aligned): the fast form copies both parts, byte for byte what
// the general path does, at the largest VL and at every offset into the last 256 bytes.
TEST_CASE("Fast SVE LDR/STR split over two pages do what the general path does", "[isa][fast]") {
    IsaHarness general(2048, EL::EL1), fast(2048, EL::EL1);
    for (IsaHarness* h : {&general, &fast}) // PA = VA, as in the test above
        stage1Off(*h);
    fast.bus.setDirectWindow(fast.mem.at(IsaHarness::kMemBase), IsaHarness::kMemBase,
                             IsaHarness::kMemBase + kMemSize);
    std::mt19937_64 rng(4096);
    std::vector<std::uint8_t> initial(kMemSize);
    for (auto& b : initial)
        b = static_cast<std::uint8_t>(rng());
    // LDR Z3, [X1]; STR Z3, [X1]; LDR P3, [X1]; STR P3, [X1] (imm9 = 0).
    constexpr std::array<std::uint32_t, 4> kWords = {0x85804023, 0xE5804023, 0x85800023,
                                                     0xE5800023};
    unsigned split = 0;
    for (const std::uint32_t w : kWords) {
        for (unsigned back = 1; back < 256; back += (back < 40 ? 1 : 13)) {
            const State start = randomState(rng, sveBytes(general).size());
            std::memcpy(general.mem.at(IsaHarness::kMemBase), initial.data(), kMemSize);
            std::memcpy(fast.mem.at(IsaHarness::kMemBase), initial.data(), kMemSize);
            apply(general, start);
            apply(fast, start);
            const std::uint64_t addr = IsaHarness::kMemBase + 0x3000 - back;
            general.cx.gprs()[1] = fast.cx.gprs()[1] = addr;
            isa::FastOps ops;
            const isa::FastFn fn = isa::decode(w)->fast(w, ops);
            REQUIRE(fn != nullptr);
            general.exec(w);
            INFO(std::hex << w << " at " << addr);
            REQUIRE_FALSE(general.cx.faulted());
            const std::uint64_t next = fn(fast.cx, ops, start.pc);
            REQUIRE(next == start.pc + 4); // every offset completes: both pages are RAM
            const unsigned len = (w & 0x4000) != 0 ? 256 : 32;
            if (back < len) ++split;
            fast.arch.cpu.pc = next;
            State g = capture(general);
            g.pc = general.arch.cpu.pc;
            REQUIRE(sameState(capture(fast), g));
            REQUIRE(std::memcmp(fast.mem.at(IsaHarness::kMemBase),
                                general.mem.at(IsaHarness::kMemBase), kMemSize) == 0);
        }
    }
    CHECK(split >= 100);
}
