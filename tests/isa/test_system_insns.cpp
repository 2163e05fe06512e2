// System instructions (isa/src/system_insns.cpp): hints and their side effects, the WFI/WFE
// traps (EC 0x01), barriers and CLREX, MSR DAIFSet/DAIFClr/SPSel/PAN (and the EL0 rules), MRS
// and MSR of NZCV, DAIF, TPIDR_EL0 and CurrentEL, the exception-generating instructions with
// their syndromes and preferred return addresses, HLT, and ERET. ESR values are written out
// by hand from the Arm ARM ESR_ELx layout: EC[31:26], IL[25] = 1, ISS[24:0]. Words come from
// scripts/asm-words.sh (GNU as).
#include "support/isa_harness.h"
#include "svesim/exceptions/take_exception.h"
#include "svesim/isa/global_monitor.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>
#include <utility>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

struct Taken {
    EL target;
    std::uint64_t esr, elr;
};

// Executes `word`, which must raise an exception, and takes it.
Taken fault(IsaHarness& h, std::uint32_t word) {
    INFO(fmt::format("{:#010x} {}", word, isa::disassemble(word, h.arch.cpu.pc)));
    h.exec(word);
    REQUIRE(h.cx.faulted());
    const ExceptionEntry e = *h.cx.fault;
    AArch64_TakeException(h.arch, e);
    const auto& r = h.arch.cpu.sysregs;
    switch (e.target) {
    case EL::EL2: return {e.target, r.raw(SysReg::ESR_EL2), r.raw(SysReg::ELR_EL2)};
    case EL::EL3: return {e.target, r.raw(SysReg::ESR_EL3), r.raw(SysReg::ELR_EL3)};
    default: return {e.target, r.raw(SysReg::ESR_EL1), r.raw(SysReg::ELR_EL1)};
    }
}

void run(IsaHarness& h, std::uint32_t word) {
    INFO(fmt::format("{:#010x} {}", word, isa::disassemble(word, h.arch.cpu.pc)));
    REQUIRE(h.exec(word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
}

void setBits(IsaHarness& h, SysReg r, std::uint64_t bits) {
    h.arch.cpu.sysregs.write(r, h.arch.cpu.sysregs.read(r) | bits);
}
void clearBits(IsaHarness& h, SysReg r, std::uint64_t bits) {
    h.arch.cpu.sysregs.write(r, h.arch.cpu.sysregs.read(r) & ~bits);
}

constexpr std::uint64_t kNTWI = 1U << 16, kNTWE = 1U << 18, kUMA = 1U << 9;
constexpr std::uint32_t kEsrWfi = 0x07E0'0000; // EC 0x01, IL, CV = 1, COND = 0xE, TI = 00
constexpr std::uint32_t kEsrWfe = 0x07E0'0001; // TI = 01
constexpr std::uint32_t kEsrUndefined = 0x0200'0000;

} // namespace

TEST_CASE("system: NOP, YIELD, SEV, SEVL, WFE and WFI side effects", "[isa][system]") {
    IsaHarness h;
    h.setX(0, 0x1234);
    for (std::uint32_t w : {0xd503201fU /* nop */, 0xd503203fU /* yield */,
                            0xd503245fU /* hint #0x22 (bti c, executes as NOP) */}) {
        run(h, w);
        CHECK(h.cx.effect == isa::SideEffect::None);
        CHECK_FALSE(h.cx.event_register);
    }
    CHECK(h.x(0) == 0x1234);
    CHECK(h.arch.cpu.pc == 0x100C);

    run(h, 0xd503205f); // wfe: no event registered, so wait
    CHECK(h.cx.effect == isa::SideEffect::WaitForEvent);
    run(h, 0xd503209f); // sev
    CHECK(h.cx.event_register);
    CHECK(h.cx.effect == isa::SideEffect::None);
    run(h, 0xd503205f); // wfe: consumes the event, does not wait
    CHECK(h.cx.effect == isa::SideEffect::None);
    CHECK_FALSE(h.cx.event_register);
    run(h, 0xd50320bf); // sevl
    CHECK(h.cx.event_register);
    run(h, 0xd503205f); // wfe
    CHECK(h.cx.effect == isa::SideEffect::None);
    CHECK_FALSE(h.cx.event_register);
    run(h, 0xd503207f); // wfi
    CHECK(h.cx.effect == isa::SideEffect::WaitForInterrupt);
    CHECK(h.arch.cpu.pc == 0x1024);
}

TEST_CASE("system: WFI and WFE traps (EC 0x01)", "[isa][system]") {
    SECTION("EL0 with SCTLR_EL1.nTWI = 0: WFI traps to EL1, preferred return = the WFI") {
        IsaHarness h(512, EL::EL0);
        clearBits(h, SysReg::SCTLR_EL1, kNTWI);
        const Taken t = fault(h, 0xd503207f); // wfi
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrWfi);
        CHECK(t.elr == 0x1000);
    }
    SECTION("EL0 with SCTLR_EL1.nTWI = 1: WFI waits") {
        IsaHarness h(512, EL::EL0);
        setBits(h, SysReg::SCTLR_EL1, kNTWI);
        run(h, 0xd503207f); // wfi
        CHECK(h.cx.effect == isa::SideEffect::WaitForInterrupt);
    }
    SECTION("EL0 with SCTLR_EL1.nTWE = 0: WFE traps with TI = 01") {
        IsaHarness h(512, EL::EL0);
        clearBits(h, SysReg::SCTLR_EL1, kNTWE);
        const Taken t = fault(h, 0xd503205f); // wfe
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrWfe);
    }
    SECTION("a WFE that would not wait (event registered) is not trapped") {
        // Arm ARM WFE: the traps are checked only when the event register is clear, and the
        // nTWE/TWE controls trap a WFE "that would otherwise cause the PE to wait".
        IsaHarness h(512, EL::EL0);
        clearBits(h, SysReg::SCTLR_EL1, kNTWE);
        h.cx.event_register = true;
        run(h, 0xd503205f); // wfe
        CHECK(h.cx.effect == isa::SideEffect::None);
        CHECK_FALSE(h.cx.event_register);
        const Taken t = fault(h, 0xd503205f); // wfe: now it would wait, so it traps
        CHECK(t.esr == kEsrWfe);
    }
    SECTION("HCR_EL2.TWI traps WFI at EL1 to EL2") {
        IsaHarness h;
        setHcr(h.arch.cpu, 1U << 13);
        const Taken t = fault(h, 0xd503207f); // wfi
        CHECK(t.target == EL::EL2);
        CHECK(t.esr == kEsrWfi);
    }
    SECTION("SCR_EL3.TWE traps WFE at EL2 to EL3; nothing traps at EL3") {
        IsaHarness h(512, EL::EL2);
        setBits(h, SysReg::SCR_EL3, 1U << 13);
        const Taken t = fault(h, 0xd503205f); // wfe
        CHECK(t.target == EL::EL3);
        CHECK(t.esr == kEsrWfe);
        IsaHarness h3(512, EL::EL3);
        setBits(h3, SysReg::SCR_EL3, 3U << 12);
        run(h3, 0xd503205f); // wfe
        CHECK(h3.cx.effect == isa::SideEffect::WaitForEvent);
    }
}

TEST_CASE("system: barriers and CLREX", "[isa][system]") {
    IsaHarness h;
    run(h, 0xd5033fdf); // isb: a context synchronization event
    CHECK(h.cx.effect == isa::SideEffect::ContextChanged);
    run(h, 0xd5033f9f); // dsb sy
    CHECK(h.cx.effect == isa::SideEffect::None);
    run(h, 0xd5033bbf); // dmb ish
    CHECK(h.cx.effect == isa::SideEffect::None);
    h.cx.monitor = isa::ExclusiveMonitor{true, 0x10000, 8};
    run(h, 0xd5033f5f); // clrex
    CHECK_FALSE(h.cx.monitor.open);
}

TEST_CASE("system: MSR DAIFSet, DAIFClr, SPSel and PAN; MRS DAIF", "[isa][system]") {
    IsaHarness h;
    run(h, 0xd5034fff); // msr daifclr, #0xf
    CHECK_FALSE((h.p().d || h.p().a || h.p().i || h.p().f));
    CHECK(h.cx.effect == isa::SideEffect::ContextChanged);
    run(h, 0xd50348df); // msr daifset, #0x8
    CHECK((h.p().d && !h.p().a && !h.p().i && !h.p().f));
    run(h, 0xd5034fdf); // msr daifset, #0xf
    CHECK((h.p().d && h.p().a && h.p().i && h.p().f));
    run(h, 0xd50342ff); // msr daifclr, #0x2
    CHECK((h.p().d && h.p().a && !h.p().i && h.p().f));
    run(h, 0xd53b4220);     // mrs x0, daif
    CHECK(h.x(0) == 0x340); // D[9] A[8] F[6]

    h.arch.cpu.sysregs.slot(SysReg::SP_EL0) = 0xE0;
    h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = 0xE1;
    run(h, 0xd50040bf); // msr spsel, #0
    CHECK_FALSE(h.p().sp);
    run(h, 0x910003e0); // mov x0, sp
    CHECK(h.x(0) == 0xE0);
    run(h, 0xd50041bf); // msr spsel, #1
    CHECK(h.p().sp);
    run(h, 0x910003e0); // mov x0, sp
    CHECK(h.x(0) == 0xE1);

    run(h, 0xd500419f); // msr pan, #1
    CHECK(h.p().pan);
}

TEST_CASE("system: MSR (immediate) at EL0: DAIF needs SCTLR_EL1.UMA, SPSel is UNDEFINED",
          "[isa][system]") {
    SECTION("UMA = 0: EC 0x18 with the MSR-immediate ISS") {
        IsaHarness h(512, EL::EL0);
        clearBits(h, SysReg::SCTLR_EL1, kUMA);
        const Taken t = fault(h, 0xd5034fdf); // msr daifset, #0xf
        CHECK(t.target == EL::EL1);
        // Op0 00, Op2 110, Op1 011, CRn 0100, Rt 11111, CRm 1111, Direction 0.
        CHECK(t.esr == 0x620C'D3FE);
        CHECK(t.elr == 0x1000);
    }
    SECTION("UMA = 1: allowed") {
        IsaHarness h(512, EL::EL0);
        setBits(h, SysReg::SCTLR_EL1, kUMA);
        run(h, 0xd5034fff); // msr daifclr, #0xf
        CHECK_FALSE((h.p().d || h.p().a || h.p().i || h.p().f));
    }
    SECTION("SPSel is UNDEFINED") {
        IsaHarness h(512, EL::EL0);
        setBits(h, SysReg::SCTLR_EL1, kUMA);
        const Taken t = fault(h, 0xd50041bf); // msr spsel, #1
        CHECK(t.esr == kEsrUndefined);
        CHECK(t.elr == 0x1000);
    }
}

TEST_CASE("system: at a VHE host's EL0 (E2H = TGE = 1) SCTLR_EL2, not SCTLR_EL1, governs WFI "
          "and MSR DAIFSet",
          "[isa][system]") {
    // ARM-M: SCTLR_EL2.nTWI/UMA apply to EL0 when HCR_EL2.{E2H, TGE} == {1, 1}; SCTLR_EL1's
    // have no effect then. The traps go to EL2 (TGE).
    const auto host = [](IsaHarness& h) { setHcr(h.arch.cpu, bit(hcr::E2H) | bit(hcr::TGE)); };
    SECTION("WFI") {
        IsaHarness h(512, EL::EL0);
        host(h);
        setBits(h, SysReg::SCTLR_EL1, kNTWI);
        clearBits(h, SysReg::SCTLR_EL2, kNTWI);
        const Taken t = fault(h, 0xd503207f); // wfi
        CHECK(t.target == EL::EL2);
        CHECK(t.esr == kEsrWfi);
        IsaHarness w(512, EL::EL0);
        host(w);
        clearBits(w, SysReg::SCTLR_EL1, kNTWI);
        setBits(w, SysReg::SCTLR_EL2, kNTWI);
        run(w, 0xd503207f); // wfi: waits
        CHECK(w.cx.effect == isa::SideEffect::WaitForInterrupt);
    }
    SECTION("MSR DAIFSet and MRS DAIF") {
        IsaHarness h(512, EL::EL0);
        host(h);
        setBits(h, SysReg::SCTLR_EL1, kUMA);
        clearBits(h, SysReg::SCTLR_EL2, kUMA);
        const Taken t = fault(h, 0xd5034fdf); // msr daifset, #0xf
        CHECK(t.target == EL::EL2);
        CHECK(t.esr == 0x620C'D3FE); // as the SCTLR_EL1.UMA case above
        IsaHarness m(512, EL::EL0);
        host(m);
        setBits(m, SysReg::SCTLR_EL1, kUMA);
        clearBits(m, SysReg::SCTLR_EL2, kUMA);
        const Taken r = fault(m, 0xd53b4220); // mrs x0, daif
        CHECK(r.target == EL::EL2);
        // Op0 11, Op2 001, Op1 011, CRn 0100, Rt 00000, CRm 0010, Direction 1 (read).
        CHECK(r.esr == 0x6232'D005);
        IsaHarness ok(512, EL::EL0);
        host(ok);
        clearBits(ok, SysReg::SCTLR_EL1, kUMA);
        setBits(ok, SysReg::SCTLR_EL2, kUMA);
        run(ok, 0xd5034fdf); // msr daifset, #0xf: allowed
    }
}

TEST_CASE("system: MRS and MSR of NZCV, TPIDR_EL0 and CurrentEL", "[isa][system]") {
    SECTION("NZCV at EL1 and EL0") {
        for (EL el : {EL::EL1, EL::EL0}) {
            IsaHarness h(512, el);
            h.p().n = true;
            h.p().c = true;
            run(h, 0xd53b4200); // mrs x0, nzcv
            CHECK(h.x(0) == 0xA000'0000);
            h.setX(1, 0xFFFF'FFFF'5FFF'FFFF); // Z and V, with every other bit set
            run(h, 0xd51b4201);               // msr nzcv, x1
            CHECK((!h.p().n && h.p().z && !h.p().c && h.p().v));
            run(h, 0xd53b4203); // mrs x3, nzcv
            CHECK(h.x(3) == 0x5000'0000);
        }
    }
    SECTION("TPIDR_EL0 round trip at EL0") {
        IsaHarness h(512, EL::EL0);
        h.setX(1, 0x0123'4567'89AB'CDEF);
        run(h, 0xd51bd041); // msr tpidr_el0, x1
        CHECK(h.arch.cpu.sysregs.raw(SysReg::TPIDR_EL0) == 0x0123'4567'89AB'CDEF);
        run(h, 0xd53bd040); // mrs x0, tpidr_el0
        CHECK(h.x(0) == 0x0123'4567'89AB'CDEF);
    }
    SECTION("CurrentEL at EL1, EL2, EL3; UNDEFINED at EL0") {
        const std::pair<EL, std::uint64_t> cases[] = {
            {EL::EL1, 0x4}, {EL::EL2, 0x8}, {EL::EL3, 0xC}};
        for (const auto& [el, value] : cases) {
            IsaHarness h(512, el);
            h.setX(0, ~std::uint64_t{0});
            run(h, 0xd5384240); // mrs x0, currentel
            CHECK(h.x(0) == value);
        }
        IsaHarness h(512, EL::EL0);
        const Taken t = fault(h, 0xd5384240); // mrs x0, currentel
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrUndefined);
    }
}

TEST_CASE("system: SVC, HVC, SMC and BRK syndromes and preferred return addresses",
          "[isa][system]") {
    SECTION("SVC from EL0 to EL1: EC 0x15, ISS imm16, return to the next instruction") {
        IsaHarness h(512, EL::EL0);
        const Taken t = fault(h, 0xd4024681); // svc #0x1234
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == 0x5600'1234);
        CHECK(t.elr == 0x1004);
    }
    SECTION("SVC at EL1 and EL2 stays at that EL") {
        IsaHarness h;
        Taken t = fault(h, 0xd4000001); // svc #0
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == 0x5600'0000);
        IsaHarness h2(512, EL::EL2);
        t = fault(h2, 0xd4024681); // svc #0x1234
        CHECK(t.target == EL::EL2);
        CHECK(t.esr == 0x5600'1234);
        CHECK(t.elr == 0x1004);
    }
    SECTION("HVC from EL1 to EL2: EC 0x16; UNDEFINED at EL0") {
        IsaHarness h;
        Taken t = fault(h, 0xd4000842); // hvc #0x42
        CHECK(t.target == EL::EL2);
        CHECK(t.esr == 0x5A00'0042);
        CHECK(t.elr == 0x1004);
        IsaHarness h0(512, EL::EL0);
        t = fault(h0, 0xd4000842); // hvc #0x42
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrUndefined);
        CHECK(t.elr == 0x1000);
    }
    SECTION("SMC from EL1 to EL3: EC 0x17; UNDEFINED at EL0 and with SCR_EL3.SMD") {
        IsaHarness h;
        Taken t = fault(h, 0xd40000e3); // smc #0x7
        CHECK(t.target == EL::EL3);
        CHECK(t.esr == 0x5E00'0007);
        CHECK(t.elr == 0x1004);
        IsaHarness h0(512, EL::EL0);
        t = fault(h0, 0xd40000e3); // smc #0x7
        CHECK(t.esr == kEsrUndefined);
        IsaHarness hd;
        setBits(hd, SysReg::SCR_EL3, 1U << 7);
        t = fault(hd, 0xd40000e3); // smc #0x7
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrUndefined);
        CHECK(t.elr == 0x1000);
    }
    SECTION("BRK: EC 0x3C, ISS imm16, return to the BRK itself") {
        for (EL el : {EL::EL0, EL::EL1}) {
            IsaHarness h(512, el);
            const Taken t = fault(h, 0xd43e0000); // brk #0xf000
            CHECK(t.target == EL::EL1);
            CHECK(t.esr == 0xF200'F000);
            CHECK(t.elr == 0x1000);
        }
    }
}

TEST_CASE("system: HLT #0xF000 is the semihosting call, other HLTs are UNDEFINED",
          "[isa][system]") {
    IsaHarness h;
    run(h, 0xd45e0000); // hlt #0xf000
    CHECK(h.cx.effect == isa::SideEffect::Semihosting);
    CHECK(h.arch.cpu.pc == 0x1004);
    for (std::uint32_t w : {0xd4400000U /* hlt #0 */, 0xd45e0020U /* hlt #0xf001 */}) {
        IsaHarness u;
        const Taken t = fault(u, w);
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrUndefined);
        CHECK(t.elr == 0x1000);
    }
}

TEST_CASE("system: ERET restores PSTATE from SPSR and jumps to ELR; UNDEFINED at EL0",
          "[isa][system]") {
    SECTION("EL1 to EL0t with flags and masks") {
        IsaHarness h;
        h.arch.cpu.sysregs.write(SysReg::SPSR_EL1, 0xF000'0000 | 0x140); // NZCV, A and F, EL0t
        h.arch.cpu.sysregs.write(SysReg::ELR_EL1, 0x4000);
        h.cx.monitor = isa::ExclusiveMonitor{true, 0x10000, 8};
        run(h, 0xd69f03e0); // eret
        CHECK(h.arch.cpu.pc == 0x4000);
        CHECK(h.p().el == EL::EL0);
        CHECK_FALSE(h.p().sp);
        CHECK((h.p().n && h.p().z && h.p().c && h.p().v));
        CHECK((!h.p().d && h.p().a && !h.p().i && h.p().f));
        CHECK(h.cx.effect == isa::SideEffect::ContextChanged);
        CHECK_FALSE(h.cx.monitor.open); // ClearExclusiveLocal
        CHECK(h.cx.event_register);     // SendEventLocal
    }
    SECTION("EL2 to EL1h, EL3 to EL2h") {
        IsaHarness h(512, EL::EL2);
        h.arch.cpu.sysregs.write(SysReg::SPSR_EL2, 0x3C5); // DAIF, EL1h
        h.arch.cpu.sysregs.write(SysReg::ELR_EL2, 0x8000);
        run(h, 0xd69f03e0); // eret
        CHECK(h.arch.cpu.pc == 0x8000);
        CHECK(h.p().el == EL::EL1);
        CHECK(h.p().sp);
        IsaHarness h3(512, EL::EL3);
        h3.arch.cpu.sysregs.write(SysReg::SPSR_EL3, 0x3C9); // DAIF, EL2h
        h3.arch.cpu.sysregs.write(SysReg::ELR_EL3, 0x9000);
        run(h3, 0xd69f03e0); // eret
        CHECK(h3.arch.cpu.pc == 0x9000);
        CHECK(h3.p().el == EL::EL2);
    }
    SECTION("an illegal return (to a higher EL) sets PSTATE.IL and keeps the EL") {
        IsaHarness h;
        h.arch.cpu.sysregs.write(SysReg::SPSR_EL1, 0x3C9); // EL2h from EL1: illegal
        h.arch.cpu.sysregs.write(SysReg::ELR_EL1, 0x5000);
        run(h, 0xd69f03e0); // eret
        CHECK(h.arch.cpu.pc == 0x5000);
        CHECK(h.p().el == EL::EL1);
        CHECK(h.p().il);
    }
    SECTION("at EL0 ERET is UNDEFINED") {
        IsaHarness h(512, EL::EL0);
        h.arch.cpu.sysregs.write(SysReg::ELR_EL1, 0x5000);
        const Taken t = fault(h, 0xd69f03e0); // eret
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrUndefined);
        CHECK(t.elr == 0x1000);
    }
}

// A SYS encoding that names no operation of the implemented features is UNDEFINED at every EL
// (Arm ARM C5.3 / C6.2 SYS: the operation is that of the System instruction the encoding
// allocates, and an unallocated encoding is UNDEFINED). Found by tests/boot/programs/hwcaps.c:
// Linux advertises no HWCAP2_DCPODP here (ID_AA64ISAR1_EL1.DPB = 1: FEAT_DPB only), yet DC
// CVADP executed as a NOP at EL0; QEMU raises SIGILL for it on a CPU without FEAT_DPB2
// (qemu-aarch64 -cpu cortex-a57). Words from llvm-mc -mattr=+v8.5a,+tlb-rmi.
TEST_CASE("system: SYS encodings of absent features (DC CVADP, TLBI VMALLE1OS, TLBI RVAE1IS) "
          "are UNDEFINED at every EL",
          "[isa][system]") {
    constexpr std::uint32_t kDcCvap = 0xd50b7c20, kDcCvadp = 0xd50b7d20,
                            kTlbiVmalle1os = 0xd508811f, kTlbiRvae1is = 0xd5088220;
    constexpr std::uint64_t kUCI = 1U << 26;
    SECTION("EL0 with SCTLR_EL1.UCI: DC CVAP (FEAT_DPB) executes, DC CVADP is UNDEFINED") {
        IsaHarness h(512, EL::EL0);
        setBits(h, SysReg::SCTLR_EL1, kUCI);
        h.setX(0, 0x1000);
        run(h, kDcCvap);
        IsaHarness u(512, EL::EL0);
        setBits(u, SysReg::SCTLR_EL1, kUCI);
        u.setX(0, 0x1000);
        const Taken t = fault(u, kDcCvadp);
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrUndefined);
        CHECK(t.elr == 0x1000);
    }
    for (EL el : {EL::EL1, EL::EL2, EL::EL3})
        for (std::uint32_t w : {kDcCvadp, kTlbiVmalle1os, kTlbiRvae1is}) {
            IsaHarness h(512, el);
            h.setX(0, 0x1000);
            const Taken t = fault(h, w);
            CHECK(t.target == el);
            CHECK(t.esr == kEsrUndefined);
        }
}

// IC maintenance reaches the predecoded instructions (the only instruction cache svesim has):
// IC IVAU on every PE of the Inner Shareable domain (maintenance by VA applies to the caches of
// every PE in the location's shareability domain), IC IALLUIS on every PE, IC IALLU on this PE
// only (ARM-M D7.5 / C5.3 IC). Found by the userspace boot test on 2 PEs: a process's text
// page, written by the other PE's kernel, still ran the page's old predecoded instructions
// (busybox mount/grep/cat segfaulted) although Linux had done IC IVAU (CTR_EL0.DIC = 0). Words
// from llvm-mc; the MMU is off, so PA = VA.
namespace {
struct CodeLog : isa::CodeWatcher {
    std::vector<std::pair<std::uint64_t, unsigned>> calls;
    void codeWritten(std::uint64_t addr, unsigned size) override { calls.emplace_back(addr, size); }
    [[nodiscard]] bool holdsCode(std::uint64_t) const override { return false; }
};
} // namespace

TEST_CASE("system: IC IVAU and IALLUIS drop every PE's predecoded instructions, IALLU this PE's",
          "[isa][system]") {
    constexpr std::uint32_t kIcIvauX0 = 0xd50b7520, kIcIallu = 0xd508751f, kIcIalluis = 0xd508711f;
    isa::GlobalMonitor net;
    IsaHarness a, b;
    a.cx.attachGlobalMonitor(&net, 0);
    b.cx.attachGlobalMonitor(&net, 1);
    CodeLog wa, wb;
    a.cx.watchCode(0x1000, 0x3000, &wa);
    b.cx.watchCode(0x1000, 0x3000, &wb);
    a.setX(0, 0x1234);
    run(a, kIcIvauX0);
    using Calls = std::vector<std::pair<std::uint64_t, unsigned>>;
    CHECK(wa.calls == Calls{{0x1200, 64}});
    CHECK(wb.calls == Calls{{0x1200, 64}});
    wa.calls.clear();
    wb.calls.clear();
    a.setX(0, 0x8000); // no predecoded code there: nothing to drop
    run(a, kIcIvauX0);
    CHECK(wa.calls.empty());
    CHECK(wb.calls.empty());
    run(a, kIcIallu);
    CHECK(wa.calls == Calls{{0x1000, 0x2000}});
    CHECK(wb.calls.empty());
    wa.calls.clear();
    run(a, kIcIalluis);
    CHECK(wa.calls == Calls{{0x1000, 0x2000}});
    CHECK(wb.calls == Calls{{0x1000, 0x2000}});
}
