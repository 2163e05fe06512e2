// AArch64.TakeException: vector offsets (R16), PSTATE/SPSR/ELR/ESR/FAR (R17), and the SVE
// uppers decided before PSTATE changes (R13).
#include "support/arch_fixture.h"
#include "svesim/exceptions/routing.h"
#include "svesim/exceptions/take_exception.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr std::uint64_t kVbar[4] = {0, 0x10000, 0x20000, 0x30000};

struct Pe {
    ArchState st;
    explicit Pe(EL el, std::uint64_t hcr = 0, Setup setup = {})
        : st(makeConfig(setup)) {
        openEverything(st.cpu);
        setHcr(st.cpu, hcr);
        st.cpu.sysregs.write(SysReg::VBAR_EL1, kVbar[1]);
        st.cpu.sysregs.write(SysReg::VBAR_EL2, kVbar[2]);
        st.cpu.sysregs.write(SysReg::VBAR_EL3, kVbar[3]);
        st.cpu.pstate.el = el;
        st.cpu.pc = 0x4000;
    }
};

ExceptionEntry entryOf(Exception t, EL target) {
    return ExceptionEntry{ExceptionRecord{t, 0, std::nullopt}, target, 0x4000};
}

} // namespace

TEST_CASE("R16: vector offsets for every source kind and exception type", "[exceptions][R16]") {
    struct Kind {
        Exception type;
        std::uint64_t base;
    };
    const Kind kinds[] = {{Exception::SupervisorCall, 0x000},
                          {Exception::IRQ, 0x080},
                          {Exception::FIQ, 0x100},
                          {Exception::SError, 0x180}};
    for (const Kind& k : kinds) {
        INFO(name(k.type));
        { // current EL with SP_EL0
            Pe pe(EL::EL1);
            pe.st.cpu.pstate.sp = false;
            AArch64_TakeException(pe.st, entryOf(k.type, EL::EL1));
            CHECK(pe.st.cpu.pc == kVbar[1] + k.base);
        }
        { // current EL with SP_ELx
            Pe pe(EL::EL2);
            AArch64_TakeException(pe.st, entryOf(k.type, EL::EL2));
            CHECK(pe.st.cpu.pc == kVbar[2] + 0x200 + k.base);
        }
        { // lower EL using AArch64
            Pe pe(EL::EL0);
            AArch64_TakeException(pe.st, entryOf(k.type, EL::EL1));
            CHECK(pe.st.cpu.pc == kVbar[1] + 0x400 + k.base);
        }
        { // lower EL, target EL3: the lower EL is EL2 when EL2 is enabled
            Pe pe(EL::EL1);
            AArch64_TakeException(pe.st, entryOf(k.type, EL::EL3));
            CHECK(pe.st.cpu.pc == kVbar[3] + 0x400 + k.base);
        }
        { // lower EL whose register width SCR_EL3.RW / HCR_EL2.RW make AArch32: +0x600
            Pe pe(EL::EL1);
            pe.st.cpu.sysregs.write(SysReg::SCR_EL3, bit(scr::NS) | bit(scr::HCE)); // RW = 0
            AArch64_TakeException(pe.st, entryOf(k.type, EL::EL3));
            CHECK(pe.st.cpu.pc == kVbar[3] + 0x600 + k.base);
            Pe pe2(EL::EL1);
            pe2.st.cpu.sysregs.write(SysReg::HCR_EL2, 0); // HCR_EL2.RW = 0
            AArch64_TakeException(pe2.st, entryOf(k.type, EL::EL2));
            CHECK(pe2.st.cpu.pc == kVbar[2] + 0x600 + k.base);
        }
        { // VHE host EL0 to EL2
            Pe pe(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE));
            AArch64_TakeException(pe.st, entryOf(k.type, EL::EL2));
            CHECK(pe.st.cpu.pc == kVbar[2] + 0x400 + k.base);
        }
    }
}

TEST_CASE("R17: PSTATE, SPSR, ELR and ESR on exception entry", "[exceptions][R17]") {
    Pe pe(EL::EL0);
    PState& p = pe.st.cpu.pstate;
    p.n = true;
    p.c = true;
    p.d = p.a = p.i = p.f = false;
    p.sp = false;
    p.ss = true;
    p.uao = true;
    const auto e = AArch64_CallSupervisor(pe.st.cpu, 0x1234);
    AArch64_TakeException(pe.st, e);
    const auto& r = pe.st.cpu.sysregs;
    CHECK(p.el == EL::EL1);
    CHECK(p.sp);
    CHECK((p.d && p.a && p.i && p.f));
    CHECK_FALSE(p.ss);
    CHECK_FALSE(p.il);
    CHECK_FALSE(p.uao);
    CHECK(p.n); // flags unchanged
    // SPSR: N[31], C[29], UAO[23], SS[21], M = EL0t.
    CHECK(r.read(SysReg::SPSR_EL1) == (bit(31) | bit(29) | bit(23) | bit(21)));
    CHECK(r.read(SysReg::ELR_EL1) == 0x4004);
    CHECK(r.read(SysReg::ESR_EL1) == ((0x15U << 26) | (1U << 25) | 0x1234));
    CHECK(pe.st.cpu.pc == kVbar[1] + 0x400);
}

TEST_CASE("R17: PAN is set on entry to EL1 (and to a VHE EL2) unless SCTLR_ELx.SPAN",
          "[exceptions][R17]") {
    {
        Pe pe(EL::EL0);
        AArch64_TakeException(pe.st, entryOf(Exception::SupervisorCall, EL::EL1));
        CHECK(pe.st.cpu.pstate.pan);
    }
    {
        Pe pe(EL::EL0);
        pe.st.cpu.sysregs.write(SysReg::SCTLR_EL1,
                                pe.st.cpu.sysregs.read(SysReg::SCTLR_EL1) | bit(sctlr::SPAN));
        AArch64_TakeException(pe.st, entryOf(Exception::SupervisorCall, EL::EL1));
        CHECK_FALSE(pe.st.cpu.pstate.pan);
    }
    {
        Pe pe(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE));
        AArch64_TakeException(pe.st, entryOf(Exception::SupervisorCall, EL::EL2));
        CHECK(pe.st.cpu.pstate.pan);
    }
    {
        Pe pe(EL::EL1); // non-VHE EL2 has no PAN behaviour
        AArch64_TakeException(pe.st, entryOf(Exception::HypervisorCall, EL::EL2));
        CHECK_FALSE(pe.st.cpu.pstate.pan);
    }
}

TEST_CASE("FAR is written for aborts and PC alignment faults; IRQ writes no ESR",
          "[exceptions][R17]") {
    Pe pe(EL::EL1);
    pe.st.cpu.sysregs.write(SysReg::ESR_EL1, 0xDEAD);
    AArch64_TakeException(pe.st, AArch64_DataAbortExternal(pe.st.cpu, 0x1234'5678, true));
    CHECK(pe.st.cpu.sysregs.read(SysReg::FAR_EL1) == 0x1234'5678);
    CHECK(pe.st.cpu.sysregs.read(SysReg::ESR_EL1) == ((0x25U << 26) | (1U << 25) | 0x50));
    Pe low(EL::EL0);
    AArch64_TakeException(low.st, AArch64_InstructionAbortExternal(low.st.cpu, 0x8000));
    CHECK(low.st.cpu.sysregs.read(SysReg::ESR_EL1) == ((0x20U << 26) | (1U << 25) | 0x10));
    Pe irq(EL::EL1);
    irq.st.cpu.sysregs.write(SysReg::ESR_EL1, 0xBEEF);
    AArch64_TakeException(irq.st, entryOf(Exception::IRQ, EL::EL1));
    CHECK(irq.st.cpu.sysregs.read(SysReg::ESR_EL1) == 0xBEEF);
}

TEST_CASE("R13: TakeException decides SVE uppers with the source EL's VL, before PSTATE changes",
          "[exceptions][R13]") {
    Pe pe(EL::EL1, 0, Setup{.policy = ZeroUpperPolicy::zero()});
    setLen(pe.st.cpu, 1, 15, 15); // EL1: 256 bits, EL2: 2048
    Recorder rec;
    pe.st.bus.subscribe(rec);
    fillPattern(pe.st.sve);
    AArch64_TakeException(pe.st, AArch64_HypervisorCall(pe.st.cpu, 0));
    REQUIRE_FALSE(rec.decisions.empty());
    CHECK(rec.decisions.front().byte_lo == 32); // above the EL1 VL, not the EL2 one
    CHECK(rec.decisions.front().el == EL::EL1);
    auto z = pe.st.sve.zStorage(0);
    CHECK(z[31] != 0);
    CHECK(z[32] == 0);
    REQUIRE(rec.taken.size() == 1);
    CHECK(rec.taken[0].esr == ((0x16U << 26) | (1U << 25)));
    REQUIRE(rec.vl_changes.size() == 1);
    CHECK(rec.vl_changes[0].old_bits == 256);
    CHECK(rec.vl_changes[0].new_bits == 2048);
}
