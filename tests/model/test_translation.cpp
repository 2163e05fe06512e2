// The processor with translation on: the predecoded-instruction cache is keyed by physical
// address and the per-page caches follow TLBI. Words from llvm-mc; descriptors and register
// values from the Arm ARM (D8: 4 KiB granule, TCR_EL3.T0SZ = 25 starts the walk at level 1; a
// level 3 page descriptor is OA | AF | SH | AttrIndx | 0b11).
#include "support/isa_harness.h"
#include "support/no_console.h"
#include "svesim/model/processor.h"

#include <catch2/catch.hpp>
#include <string_view>

using namespace svesim;
using namespace svesim::model;

namespace {

using test::NoConsole;

constexpr std::uint64_t kL1 = 0x1000, kL2 = 0x2000, kL3 = 0x3000;
constexpr std::uint64_t kPageA = 0x8000, kPageB = 0x9000, kVA = 0x10000, kTlbiAt = 0x7000;
constexpr std::uint64_t kPage = 0x703; // AF, Inner Shareable, AttrIndx 0, page

// EL3 stage 1 on: identity map of 0..0x1FFFF in 4 KiB pages, except VA 0x10000 -> page A.
void mmuOn(Processor& proc, test::FlatMemory& mem) {
    mem.put<std::uint64_t>(kL1, kL2 | 3);
    mem.put<std::uint64_t>(kL2, kL3 | 3);
    for (std::uint64_t i = 0; i < 32; ++i)
        mem.put<std::uint64_t>(kL3 + 8 * i, (i << 12) | kPage);
    mem.put<std::uint64_t>(kL3 + 8 * (kVA >> 12), kPageA | kPage);
    SysRegFile& r = proc.arch().cpu.sysregs;
    r.write(SysReg::MAIR_EL3, 0xFF);
    r.write(SysReg::TCR_EL3, 0x8085'3519); // RES1 31, 23; PS 48 bits; WB, Inner Shareable; T0SZ 25
    r.write(SysReg::TTBR0_EL3, kL1);
    r.write(SysReg::SCTLR_EL3, r.raw(SysReg::SCTLR_EL3) | 0x1005); // M, C, I
}

} // namespace

TEST_CASE("predecode cache keyed by PA: a remapped page runs its own code after TLBI",
          "[model][mmu]") {
    test::FlatMemory mem(0, 0x20000);
    mem.put<std::uint32_t>(kPageA, 0xd2800020);  // mov x0, #1
    mem.put<std::uint32_t>(kPageB, 0xd2800040);  // mov x0, #2
    mem.put<std::uint32_t>(kTlbiAt, 0xd50e871f); // tlbi alle3
    ProcessorConfig cfg;
    cfg.arch.rvbar = kVA;
    NoConsole console;
    Processor proc(cfg, mem, console);
    proc.reset();
    mmuOn(proc, mem);
    CpuState& s = proc.arch().cpu;

    s.pc = kVA;
    proc.run(1);
    CHECK(proc.context().X(0) == 1); // VA 0x10000 -> page A
    CHECK(s.pc == kVA + 4);

    // Remap VA 0x10000 to page B, then TLBI ALLE3 (executed, not called).
    mem.put<std::uint64_t>(kL3 + 8 * (kVA >> 12), kPageB | kPage);
    s.pc = kTlbiAt;
    proc.run(1);
    REQUIRE(s.pc == kTlbiAt + 4);
    s.pc = kVA;
    proc.run(1);
    CHECK(proc.context().X(0) == 2); // page B's instruction, not the decode cached for the VA
}

TEST_CASE("a load through a remapped page reads the new PA after TLBI; an unmapped VA faults",
          "[model][mmu]") {
    test::FlatMemory mem(0, 0x20000);
    mem.put<std::uint64_t>(kPageA, 0x1111);
    mem.put<std::uint64_t>(kPageB, 0x2222);
    const std::uint32_t code[] = {
        0xd2a00021, // mov  x1, #0x10000
        0xf9400022, // ldr  x2, [x1]
        0xd50e871f, // tlbi alle3
        0xf9400023, // ldr  x3, [x1]
        0xd503201f, // nop  (replaced below)
    };
    for (std::size_t i = 0; i < std::size(code); ++i)
        mem.put<std::uint32_t>(0x4000 + 4 * i, code[i]);
    ProcessorConfig cfg;
    cfg.arch.rvbar = 0x4000;
    NoConsole console;
    Processor proc(cfg, mem, console);
    proc.reset();
    mmuOn(proc, mem);
    CpuState& s = proc.arch().cpu;
    s.pc = 0x4000;
    proc.run(2);
    CHECK(proc.context().X(2) == 0x1111);
    mem.put<std::uint64_t>(kL3 + 8 * (kVA >> 12), kPageB | kPage);
    proc.run(2);
    CHECK(proc.context().X(3) == 0x2222);
    // VA 0x20000 is level 3 entry 32, left invalid: a level 3 Translation fault at EL3.
    mem.put<std::uint32_t>(0x4000 + 16, 0xd2a00041); // mov x1, #0x20000
    mem.put<std::uint32_t>(0x4000 + 20, 0xf9400024); // ldr x4, [x1]
    proc.invalidateCode(0x4000, 0x1000);
    proc.run(2);
    CHECK(s.sysregs.raw(SysReg::ESR_EL3) == 0x9600'0007); // EC 0x25, IL, Translation fault L3
    CHECK(s.sysregs.raw(SysReg::FAR_EL3) == 0x20000);
}

TEST_CASE("TLBI VMALLE1IS reaches every PE that joined the GlobalMonitor, TLBI VMALLE1 only its "
          "own",
          "[model][mmu]") {
    // ARM-M D8.13: the Inner Shareable forms affect every PE in the shareability domain (all
    // PEs of the platform here), the others only the executing PE. Words from llvm-mc.
    test::IsaHarness a(128, EL::EL1), b(128, EL::EL1);
    isa::GlobalMonitor net;
    a.cx.attachGlobalMonitor(&net, net.attach({}));
    b.cx.attachGlobalMonitor(&net, net.attach({}));
    const auto fill = [](test::IsaHarness& h) {
        const mmu::TranslationRegs regs = h.cx.translationRegsFor(EL::EL1);
        mmu::Translation t;
        t.s1Enabled = true;
        t.vaBase = 0x8000'0000;
        h.cx.mmu().tlb().insert(mmu::TlbContext::of(regs), t, t.vaBase);
    };
    fill(a);
    fill(b);
    REQUIRE(a.cx.mmu().tlb().validCount() == 1);
    REQUIRE(b.cx.mmu().tlb().validCount() == 1);
    a.exec(0xd508871f); // tlbi vmalle1
    CHECK(a.cx.mmu().tlb().validCount() == 0);
    CHECK(b.cx.mmu().tlb().validCount() == 1);
    fill(a);
    b.exec(0xd508831f); // tlbi vmalle1is
    CHECK(a.cx.mmu().tlb().validCount() == 0);
    CHECK(b.cx.mmu().tlb().validCount() == 0);
}

namespace {

// EL1&0 stage 1 in a harness's own memory: VA `va` -> PA 0x18000 (4 KiB, T0SZ 25: level 1
// index VA[38:30], level 2 VA[29:21], level 3 VA[20:12]).
void mapEl1(test::IsaHarness& h, std::uint64_t va) {
    constexpr std::uint64_t l1 = 0x11000, l2 = 0x12000, l3 = 0x13000;
    h.mem.put<std::uint64_t>(l1 + 8 * ((va >> 30) & 511), l2 | 3);
    h.mem.put<std::uint64_t>(l2 + 8 * ((va >> 21) & 511), l3 | 3);
    h.mem.put<std::uint64_t>(l3 + 8 * ((va >> 12) & 511), 0x18000 | kPage);
    SysRegFile& r = h.arch.cpu.sysregs;
    r.write(SysReg::MAIR_EL1, 0xFF);
    r.write(SysReg::TCR_EL1, 0x2'0080'3519); // IPS 40 bits, EPD1, WB Inner Shareable, T0SZ 25
    r.write(SysReg::TTBR0_EL1, l1);
    r.write(SysReg::HCR_EL2, r.raw(SysReg::HCR_EL2) & ~std::uint64_t{1}); // no stage 2
    h.cx.refreshTranslation();
    REQUIRE(h.cx.translating());
}

} // namespace

TEST_CASE("global exclusive monitor by physical address: another PE's store through a "
          "different VA of the marked PA makes STXR fail",
          "[model][mmu][exclusive]") {
    // ARM-M B2.9.3 and the pseudocode (AArch64.SetExclusiveMonitors marks
    // memaddrdesc.paddress; AArch64.ExclusiveMonitorsPass checks IsExclusiveGlobal of the PA;
    // a write by another observer to a marked PA clears that PE's global monitor): the PEs
    // map the same PA 0x18000 at VA 0x80000000 (a) and VA 0x90000000 (b). Words from llvm-mc.
    test::IsaHarness a(128, EL::EL1), b(128, EL::EL1);
    isa::GlobalMonitor net;
    a.cx.attachGlobalMonitor(&net, net.attach({}));
    b.cx.attachGlobalMonitor(&net, net.attach({}));
    mapEl1(a, 0x8000'0000);
    mapEl1(b, 0x9000'0000);
    a.setX(0, 0x8000'0000);
    b.setX(0, 0x9000'0000);

    a.exec(0xc85f7c01); // ldxr x1, [x0]
    REQUIRE_FALSE(a.cx.faulted());
    a.exec(0xc8027c01); // stxr w2, x1, [x0]: nothing wrote the PA: passes
    CHECK(a.x(2) == 0);

    a.exec(0xc85f7c01); // ldxr x1, [x0]
    b.exec(0xf9000001); // str x1, [x0]: PE b writes the same PA through its own VA
    REQUIRE_FALSE(b.cx.faulted());
    a.exec(0xc8027c01); // stxr w2, x1, [x0]
    CHECK(a.x(2) == 1);
}

TEST_CASE("HCR_EL2.FB = 1: TLBI VMALLE1 at EL1 is broadcast to every PE (as VMALLE1IS)",
          "[model][mmu]") {
    // ARM-M D13.2.48 HCR_EL2.FB: "Force broadcast" of the TLB maintenance, BPIALL and ICIALLU
    // instructions executed at EL1 to the Inner Shareable domain. Word from llvm-mc.
    test::IsaHarness a(128, EL::EL1), b(128, EL::EL1);
    isa::GlobalMonitor net;
    a.cx.attachGlobalMonitor(&net, net.attach({}));
    b.cx.attachGlobalMonitor(&net, net.attach({}));
    const auto fill = [](test::IsaHarness& h) {
        const mmu::TranslationRegs regs = h.cx.translationRegsFor(EL::EL1);
        mmu::Translation t;
        t.s1Enabled = true;
        t.vaBase = 0x8000'0000;
        h.cx.mmu().tlb().insert(mmu::TlbContext::of(regs), t, t.vaBase);
    };
    SysRegFile& r = a.arch.cpu.sysregs;
    r.write(SysReg::HCR_EL2, r.raw(SysReg::HCR_EL2) | (std::uint64_t{1} << 9)); // FB
    a.cx.refreshTranslation();
    fill(a);
    fill(b);
    a.exec(0xd508871f); // tlbi vmalle1
    CHECK(a.cx.mmu().tlb().validCount() == 0);
    CHECK(b.cx.mmu().tlb().validCount() == 0);
}
