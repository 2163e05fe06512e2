// The GICv3 CPU-interface registers as rows of the PE's system-register table, behind
// model::GicSysRegs. Expected outcomes come from the registers' accessibility pseudocode (IHI
// 0069 §12.2-12.7: ICC_IAR1_EL1, ICC_PMR_EL1, ICC_SGI1R_EL1, ICC_SRE_EL1), the ID_AA64PFR0_EL1.GIC
// encoding (ARM-M D24.2: 0b0001 = GICv3/v4 system registers) and the ESR ISS layout of EC 0x18,
// written out by hand; the interface's own behaviour is pinned by tests/gic.
#include "exceptions/sysreg_pe.h"
#include "svesim/arch/feature_table.h"
#include "svesim/gic/gic.h"
#include "svesim/model/gic_sysregs.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr auto Rd = SysRegDirection::Read;
constexpr auto Wr = SysRegDirection::Write;

const SysRegEncoding kIar1{3, 0, 12, 12, 0}, kPmr{3, 0, 4, 6, 0}, kSgi1r{3, 0, 12, 11, 5},
    kSreEl1{3, 0, 12, 12, 5}, kIchHcr{3, 4, 12, 11, 0};

std::uint32_t iss(SysRegEncoding e, unsigned rt, bool read) {
    return (unsigned{e.op0} << 20) | (unsigned{e.op2} << 17) | (unsigned{e.op1} << 14) |
           (unsigned{e.crn} << 10) | (rt << 5) | (unsigned{e.crm} << 1) | (read ? 1U : 0U);
}

void trapsTo(const SysRegAccess& a, EL target, SysRegEncoding e, unsigned rt, bool read) {
    REQUIRE(std::holds_alternative<ExceptionEntry>(a));
    const auto& x = std::get<ExceptionEntry>(a);
    CHECK(x.record.type == Exception::SystemRegisterTrap);
    CHECK(x.target == target);
    CHECK(x.record.iss == iss(e, rt, read));
}

void undefined(const SysRegAccess& a) {
    REQUIRE(std::holds_alternative<ExceptionEntry>(a));
    CHECK(std::get<ExceptionEntry>(a).record.type == Exception::Uncategorized);
}

// A PE with one GIC CPU interface attached, as the platforms attach it.
struct GicPe {
    gic::Gic gic{gic::GicConfig{}};
    SysRegPe pe;
    model::GicSysRegs regs;
    explicit GicPe(EL el, std::uint64_t hcr = 0)
        : pe(el, hcr)
        , regs(pe.st.cpu, gic.cpu(0)) {
        pe.st.cpu.devices.attach(regs);
    }
    // MSR/MRS as the instructions do them: the check, then the access at the current EL.
    void write(SysRegEncoding e, std::uint64_t v) {
        WriteSysReg(pe.st, reaches(pe.access(e, Wr)), v);
    }
    std::uint64_t read(SysRegEncoding e) { return ReadSysReg(pe.st, reaches(pe.access(e, Rd))); }
};

} // namespace

TEST_CASE("GIC rows: UNDEFINED without a GIC; ID_AA64PFR0_EL1.GIC is 1 only with one",
          "[model][gic]") {
    SysRegPe bare(EL::EL1);
    undefined(bare.access(kPmr, Rd));
    undefined(bare.access(kIar1, Rd));
    Features f;
    CHECK(((idRegisterValue(IdReg::PFR0, f) >> 24) & 0xF) == 0);
    f.gic_system_registers = true;
    CHECK(((idRegisterValue(IdReg::PFR0, f) >> 24) & 0xF) == 1);
}

TEST_CASE("GIC rows: the interface's trap decisions become EC 0x18 traps with the MRS/MSR ISS",
          "[model][gic]") {
    GicPe el1(EL::EL2);
    el1.write(kIchHcr, 1U << 12); // ICH_HCR_EL2.TALL1, written at EL2
    el1.pe.st.cpu.pstate.el = EL::EL1;
    // ICC_IAR1_EL1: `if EL2Enabled() && ICH_HCR_EL2.TALL1 == '1' then AArch64.SystemAccessTrap
    // (EL2, 0x18)` at EL1.
    trapsTo(el1.pe.access(kIar1, Rd, 7), EL::EL2, kIar1, 7, true);
    // ICH_HCR_EL2 below EL2: UNDEFINED.
    undefined(el1.pe.access(kIchHcr, Rd, 1));
    // ICC_SGI1R_EL1 at EL1 with HCR_EL2.IMO: SGIs are not virtualised, the write traps to EL2.
    GicPe imo(EL::EL1, bit(hcr::IMO) | bit(hcr::RW));
    trapsTo(imo.pe.access(kSgi1r, Wr, 2), EL::EL2, kSgi1r, 2, false);
    // ICC_PMR_EL1 at EL2 with SCR_EL3.IRQ = FIQ = 1: the common registers trap to EL3.
    GicPe mon(EL::EL2);
    mon.pe.set(SysReg::SCR_EL3,
               mon.pe.st.cpu.sysregs.raw(SysReg::SCR_EL3) | bit(scr::IRQ) | bit(scr::FIQ));
    trapsTo(mon.pe.access(kPmr, Wr, 4), EL::EL3, kPmr, 4, false);
}

TEST_CASE("GIC rows: ICC_SRE_EL2.Enable = 0 traps EL1's ICC_SRE_EL1 to EL2", "[model][gic]") {
    GicPe g(EL::EL2);
    g.write({3, 4, 12, 9, 5}, 0x1); // ICC_SRE_EL2: SRE = 1, Enable = 0
    g.pe.st.cpu.pstate.el = EL::EL1;
    trapsTo(g.pe.access(kSreEl1, Rd, 9), EL::EL2, kSreEl1, 9, true);
}

TEST_CASE("GIC rows: with HCR_EL2.IMO, EL1's ICC_IAR1_EL1 reads the ICV view (a list register)",
          "[model][gic]") {
    GicPe g(EL::EL2, bit(hcr::IMO) | bit(hcr::RW));
    // ICH_LR0_EL2 (§12.4.10): State [63:62] = 01 pending, Group [60] = 1, Priority [55:48],
    // vINTID [31:0]; ICH_VMCR_EL2 (§12.4.8): VPMR [31:24] = 0xFF, VENG1 [1]; ICH_HCR_EL2.En.
    g.write({3, 4, 12, 12, 0}, (1ULL << 62) | (1ULL << 60) | (0x80ULL << 48) | 42);
    g.write({3, 4, 12, 11, 7}, (0xFFULL << 24) | 0x2);
    g.write(kIchHcr, 1);
    CHECK(g.gic.output(0, gic::Line::VIrq));
    g.pe.st.cpu.pstate.el = EL::EL1;
    CHECK(g.read(kIar1) == 42); // ICV_IAR1_EL1
    g.pe.st.cpu.pstate.el = EL::EL2;
    CHECK(g.read({3, 4, 12, 12, 0}) >> 62 == 0b10); // ICH_LR0_EL2: the interrupt is active
    CHECK_FALSE(g.gic.output(0, gic::Line::VIrq));
}
