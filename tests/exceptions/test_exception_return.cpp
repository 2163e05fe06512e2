// AArch64.ExceptionReturn: illegal returns (R20) and no SVE change on ERET (R15).
#include "support/arch_fixture.h"
#include "svesim/exceptions/routing.h"
#include "svesim/exceptions/take_exception.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

struct Pe {
    ArchState st;
    explicit Pe(EL el, std::uint64_t hcr = 0, Setup setup = {})
        : st(makeConfig(setup)) {
        openEverything(st.cpu);
        setHcr(st.cpu, hcr);
        st.cpu.pstate.el = el;
        st.cpu.pc = 0x5000;
    }
    SysReg spsr() const {
        return st.cpu.pstate.el == EL::EL1   ? SysReg::SPSR_EL1
               : st.cpu.pstate.el == EL::EL2 ? SysReg::SPSR_EL2
                                             : SysReg::SPSR_EL3;
    }
    SysReg elr() const {
        return st.cpu.pstate.el == EL::EL1   ? SysReg::ELR_EL1
               : st.cpu.pstate.el == EL::EL2 ? SysReg::ELR_EL2
                                             : SysReg::ELR_EL3;
    }
    bool eret(std::uint64_t spsr_value, std::uint64_t target = 0x9000) {
        st.cpu.sysregs.write(spsr(), spsr_value);
        st.cpu.sysregs.write(elr(), target);
        return AArch64_ExceptionReturn(st);
    }
};

// SPSR.M values: EL0t 0b0000, EL1t 0b0100, EL1h 0b0101, EL2t 0b1000, EL2h 0b1001, EL3h 0b1101.
constexpr std::uint64_t EL0t = 0x0, EL1h = 0x5, EL2h = 0x9, EL3h = 0xD;

} // namespace

TEST_CASE("R20: legal returns restore PSTATE from SPSR and jump to ELR", "[exceptions][R20]") {
    Pe pe(EL::EL3);
    const std::uint64_t spsr = EL2h | bit(31) | bit(28) | bit(7) | bit(22);
    CHECK_FALSE(pe.eret(spsr));
    const PState& p = pe.st.cpu.pstate;
    CHECK(p.el == EL::EL2);
    CHECK(p.sp);
    CHECK(p.n);
    CHECK(p.v);
    CHECK_FALSE(p.z);
    CHECK(p.i);
    CHECK_FALSE(p.d);
    CHECK(p.pan);
    CHECK_FALSE(p.il);
    CHECK(pe.st.cpu.pc == 0x9000);
    Pe to_el0(EL::EL1);
    CHECK_FALSE(to_el0.eret(EL0t));
    CHECK(to_el0.st.cpu.pstate.el == EL::EL0);
    CHECK_FALSE(to_el0.st.cpu.pstate.sp);
}

TEST_CASE("R20: every illegal-return condition sets PSTATE.IL and keeps EL and SP",
          "[exceptions][R20]") {
    struct Case {
        const char* what;
        EL from;
        std::uint64_t hcr;
        std::uint64_t scr;
        std::uint64_t spsr;
        Setup setup;
    };
    const std::uint64_t ns = bit(scr::NS) | bit(scr::RW) | bit(scr::HCE);
    const Case cases[] = {
        {"AArch32 requested (M[4]=1)", EL::EL3, 0, ns, 0x10 | 0x3, {}},
        {"M[1] set", EL::EL3, 0, ns, 0x2 | 0x4, {}},
        {"EL0 with M[0]=1", EL::EL1, 0, ns, 0x1, {}},
        {"to a higher EL", EL::EL1, 0, ns, EL2h, {}},
        {"to EL3 from EL2", EL::EL2, 0, ns, EL3h, {}},
        {"to an unimplemented EL2", EL::EL3, 0, ns, EL2h, Setup{.has_el2 = false}},
        {"to EL2 in Secure state", EL::EL3, 0, bit(scr::RW), EL2h, {}},
        {"to EL1 with TGE=1", EL::EL2, bit(hcr::TGE), ns, EL1h, {}},
        {"to EL1 that HCR_EL2.RW makes AArch32", EL::EL2, 0, ns, EL1h, {}},
        {"to EL2 that SCR_EL3.RW makes AArch32",
         EL::EL3,
         0,
         bit(scr::NS) | bit(scr::HCE),
         EL2h,
         {}},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        Pe pe(c.from, 0, c.setup);
        pe.st.cpu.sysregs.write(SysReg::SCR_EL3, c.scr);
        // HCR_EL2.RW = 1 unless the case is about it.
        pe.st.cpu.sysregs.write(
            SysReg::HCR_EL2,
            c.hcr |
                (std::string(c.what).find("HCR_EL2.RW") == std::string::npos ? bit(hcr::RW) : 0));
        pe.st.cpu.pstate.sp = true;
        const std::uint64_t spsr = c.spsr | bit(31) | bit(8); // N and A from the SPSR
        CHECK(pe.eret(spsr, 0x7000));
        const PState& p = pe.st.cpu.pstate;
        CHECK(p.il);
        CHECK(p.el == c.from);
        CHECK(p.sp);
        CHECK(p.n);
        CHECK(p.a);
        CHECK_FALSE(p.i);
        CHECK(pe.st.cpu.pc == 0x7000);
        // The next instruction takes the Illegal Execution state exception, EC 0x0E, at the
        // same EL, returning to that instruction.
        const auto e = AArch64_IllegalStateException(pe.st.cpu);
        CHECK(e.target == c.from);
        CHECK(e.preferred_return == 0x7000);
        AArch64_TakeException(pe.st, e);
        const SysReg esr = c.from == EL::EL1   ? SysReg::ESR_EL1
                           : c.from == EL::EL2 ? SysReg::ESR_EL2
                                               : SysReg::ESR_EL3;
        CHECK(pe.st.cpu.sysregs.read(esr) == ((0x0EU << 26) | (1U << 25)));
        CHECK_FALSE(pe.st.cpu.pstate.il); // cleared on exception entry
    }
}

TEST_CASE("R20: a legal return with SPSR.IL=1 sets PSTATE.IL", "[exceptions][R20]") {
    Pe pe(EL::EL2);
    CHECK_FALSE(pe.eret(EL1h | bit(20)));
    CHECK(pe.st.cpu.pstate.el == EL::EL1);
    CHECK(pe.st.cpu.pstate.il);
}

TEST_CASE("R15: ERET never changes SVE state under the ASL policies; qemu zeroes on narrowing",
          "[exceptions][R15]") {
    for (auto policy : {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero(),
                        ZeroUpperPolicy::random(5), ZeroUpperPolicy::qemu()}) {
        INFO(policy.name());
        Pe pe(EL::EL2, 0, Setup{.policy = policy});
        setLen(pe.st.cpu, 1, 3, 15); // EL2: 512, EL1: 256
        Recorder rec;
        pe.st.bus.subscribe(rec);
        fillPattern(pe.st.sve);
        const auto before = snapshot(pe.st.sve);
        CHECK_FALSE(pe.eret(EL1h));
        const auto after = snapshot(pe.st.sve);
        if (policy.kind() == PolicyKind::Qemu) {
            CHECK(allZero(after.z[0], 32, 256));
            CHECK(same(after.z[0], before.z[0], 0, 32));
        } else {
            CHECK(after.z == before.z);
            CHECK(after.p == before.p);
            CHECK(after.ffr == before.ffr);
            CHECK(rec.decisions.empty());
        }
        REQUIRE(rec.vl_changes.size() == 1);
        CHECK(rec.vl_changes[0].old_bits == 512);
        CHECK(rec.vl_changes[0].new_bits == 256);
    }
}

TEST_CASE("qemu policy: no narrowing when FP is disabled at either EL (aarch64_sve_change_el)",
          "[exceptions][R15]") {
    Pe pe(EL::EL2, 0, Setup{.policy = ZeroUpperPolicy::qemu()});
    setLen(pe.st.cpu, 1, 3, 15);
    pe.st.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 16); // FP off at EL1
    fillPattern(pe.st.sve);
    const auto before = snapshot(pe.st.sve);
    CHECK_FALSE(pe.eret(EL1h));
    CHECK(snapshot(pe.st.sve).z == before.z);
}
