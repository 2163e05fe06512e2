// Hypervisor and monitor trap controls of MRS/MSR, register virtualization and the
// computed/WO/device registers (issue 12 point 2). Expected targets and syndromes come from the
// registers' access pseudocode (ARM-M D24, `<REG>_reg_read/_reg_write`) and the ESR ISS layout
// of EC 0x18, written out by hand; the same cases with QEMU as second oracle are in
// tests/arch/programs/sysreg_traps.S.
#include "sysreg_pe.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr auto Rd = SysRegDirection::Read;
constexpr auto Wr = SysRegDirection::Write;

using Pe = SysRegPe;

// An EC 0x18 trap to `target` with the ISS of ARM-M D24.2 ESR_ELx (Op0[21:20] Op2[19:17]
// Op1[16:14] CRn[13:10] Rt[9:5] CRm[4:1] Direction[0]).
void trapsTo(const SysRegAccess& a, EL target, SysRegEncoding e, unsigned rt, bool read) {
    REQUIRE(std::holds_alternative<ExceptionEntry>(a));
    const auto& x = std::get<ExceptionEntry>(a);
    CHECK(x.record.type == Exception::SystemRegisterTrap);
    CHECK(x.target == target);
    const std::uint32_t iss = (unsigned{e.op0} << 20) | (unsigned{e.op2} << 17) |
                              (unsigned{e.op1} << 14) | (unsigned{e.crn} << 10) | (rt << 5) |
                              (unsigned{e.crm} << 1) | (read ? 1U : 0U);
    CHECK(x.record.iss == iss);
    CHECK(x.preferred_return == Pe::kPc);
}
void undefined(const SysRegAccess& a) {
    REQUIRE(std::holds_alternative<ExceptionEntry>(a));
    CHECK(std::get<ExceptionEntry>(a).record.type == Exception::Uncategorized);
}

const SysRegEncoding kPfr0{3, 0, 0, 4, 0}, kResId{3, 0, 0, 3, 7}, kEsrEl1{3, 0, 5, 2, 0},
    kSctlrEl1{3, 0, 1, 0, 0}, kCtr{3, 3, 0, 0, 1}, kRevidr{3, 0, 0, 0, 6}, kActlr{3, 0, 1, 0, 1},
    kErridr{3, 0, 5, 3, 0}, kErrselr{3, 0, 5, 3, 1}, kLorc{3, 0, 10, 4, 3}, kLorid{3, 0, 10, 4, 7},
    kMdscr{2, 0, 0, 2, 2}, kOslar{2, 0, 1, 0, 4}, kOslsr{2, 0, 1, 1, 4}, kMdrar{2, 0, 1, 0, 0},
    kMdccsr{2, 3, 0, 1, 0}, kDtrRxTx{2, 3, 0, 5, 0}, kCntvct{3, 3, 14, 0, 2},
    kCntfrq{3, 3, 14, 0, 0}, kMidr{3, 0, 0, 0, 0}, kMpidr{3, 0, 0, 0, 5}, kDisr{3, 0, 12, 1, 1},
    kAfsr0El1{3, 0, 5, 1, 0}, kAfsr0El12{3, 5, 5, 1, 0}, kCntkctl{3, 0, 14, 1, 0},
    kCntkctl12{3, 5, 14, 1, 0}, kPmcr{3, 3, 9, 12, 0}, kDbgbvr6{2, 0, 0, 6, 4};

const SysRegEncoding kCntpCtl{3, 3, 14, 2, 1}, kCntvCval{3, 3, 14, 3, 2},
    kCntpCtl02{3, 5, 14, 2, 1};

} // namespace

TEST_CASE("HCR_EL2.TID1/TID2/TID3/TACR trap EL1 reads to EL2 with the MRS ISS", "[exceptions]") {
    trapsTo(Pe(EL::EL1, bit(hcr::TID3)).access(kPfr0, Rd, 4), EL::EL2, kPfr0, 4, true);
    trapsTo(Pe(EL::EL1, bit(hcr::TID1)).access(kRevidr, Rd, 1), EL::EL2, kRevidr, 1, true);
    trapsTo(Pe(EL::EL1, bit(hcr::TID2)).access(kCtr, Rd, 2), EL::EL2, kCtr, 2, true);
    trapsTo(Pe(EL::EL1, bit(hcr::TACR)).access(kActlr, Rd, 8), EL::EL2, kActlr, 8, true);
    // Not at EL2, and not when EL2 is disabled (Secure EL1 without Secure EL2).
    CHECK(reaches(Pe(EL::EL2, bit(hcr::TID3)).access(kPfr0)) == SysReg::ID_AA64PFR0_EL1);
    Pe secure(EL::EL1, bit(hcr::TID3));
    secure.set(SysReg::SCR_EL3, bit(scr::RW));
    CHECK(reaches(secure.access(kPfr0)) == SysReg::ID_AA64PFR0_EL1);
    // ID registers at EL0 are UNDEFINED without FEAT_IDST.
    undefined(Pe(EL::EL0).access(kPfr0));
}

TEST_CASE("HCR_EL2.TIDCP traps EL1 accesses to the IMPLEMENTATION DEFINED space (op0 3, CRn 11/15)",
          "[exceptions]") {
    // HCR_EL2.TIDCP (ARM-M D24.2): EL1 accesses to S3_<op1>_C11_/C15_<Cm>_<op2> trap to EL2 with
    // EC 0x18; without TIDCP (and at EL0, svesim's IMPLEMENTATION DEFINED choice) they are
    // UNDEFINED, since svesim implements no register there.
    const SysRegEncoding impdef15{3, 0, 15, 0, 0}, impdef11{3, 1, 11, 2, 3};
    Pe el1(EL::EL1, bit(hcr::TIDCP));
    trapsTo(el1.access(impdef15, Rd, 4), EL::EL2, impdef15, 4, true);
    trapsTo(el1.access(impdef11, Wr, 5), EL::EL2, impdef11, 5, false);
    undefined(Pe(EL::EL1).access(impdef15, Rd, 4));
    undefined(Pe(EL::EL0, bit(hcr::TIDCP)).access(impdef15, Rd, 4));
}

TEST_CASE("the reserved ID space reads as zero at EL1+, TID3 traps it, writes are UNDEFINED",
          "[exceptions]") {
    CHECK(std::holds_alternative<ReservedIdRegister>(Pe(EL::EL1).access(kResId)));
    trapsTo(Pe(EL::EL1, bit(hcr::TID3)).access(kResId, Rd, 5), EL::EL2, kResId, 5, true);
    undefined(Pe(EL::EL1).access(kResId, Wr));
    undefined(Pe(EL::EL0).access(kResId));
}

TEST_CASE("CTR_EL0 at EL0: SCTLR[].UCT first (EL1, or EL2 in a host), then HCR_EL2.TID2",
          "[exceptions]") {
    Pe el0(EL::EL0, bit(hcr::TID2));
    el0.set(SysReg::SCTLR_EL1, 0);
    trapsTo(el0.access(kCtr, Rd, 2), EL::EL1, kCtr, 2, true);
    el0.set(SysReg::SCTLR_EL1, bit(sctlr::UCT));
    trapsTo(el0.access(kCtr, Rd, 2), EL::EL2, kCtr, 2, true);
    Pe host(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE));
    host.set(SysReg::SCTLR_EL2, 0);
    trapsTo(host.access(kCtr, Rd, 2), EL::EL2, kCtr, 2, true);
    host.set(SysReg::SCTLR_EL2, bit(sctlr::UCT));
    CHECK(reaches(host.access(kCtr)) == SysReg::CTR_EL0);
}

TEST_CASE("HCR_EL2.TVM traps EL1 writes and TRVM EL1 reads of the VM registers", "[exceptions]") {
    trapsTo(Pe(EL::EL1, bit(hcr::TVM)).access(kSctlrEl1, Wr, 6), EL::EL2, kSctlrEl1, 6, false);
    CHECK(reaches(Pe(EL::EL1, bit(hcr::TVM)).access(kSctlrEl1, Rd)) == SysReg::SCTLR_EL1);
    trapsTo(Pe(EL::EL1, bit(hcr::TRVM)).access(kEsrEl1, Rd, 7), EL::EL2, kEsrEl1, 7, true);
    CHECK(reaches(Pe(EL::EL1, bit(hcr::TRVM)).access(kEsrEl1, Wr)) == SysReg::ESR_EL1);
    trapsTo(Pe(EL::EL1, bit(hcr::TVM)).access(kAfsr0El1, Wr, 1), EL::EL2, kAfsr0El1, 1, false);
    CHECK(reaches(Pe(EL::EL2, bit(hcr::TVM)).access(kSctlrEl1, Wr)) == SysReg::SCTLR_EL1);
}

TEST_CASE("FEAT_RAS: TERR traps (EL2 before EL3); ERRSELR/ERX* read as zero", "[exceptions]") {
    trapsTo(Pe(EL::EL1, bit(hcr::TERR)).access(kErridr, Rd, 9), EL::EL2, kErridr, 9, true);
    Pe el1(EL::EL1, bit(hcr::TERR));
    el1.set(SysReg::SCR_EL3, el1.st.cpu.scr() | bit(scr::TERR));
    trapsTo(el1.access(kErridr, Rd, 9), EL::EL2, kErridr, 9, true);
    Pe el2(EL::EL2);
    el2.set(SysReg::SCR_EL3, el2.st.cpu.scr() | bit(scr::TERR));
    trapsTo(el2.access(kErrselr, Wr, 2), EL::EL3, kErrselr, 2, false);
    Pe plain(EL::EL1);
    WriteSysReg(plain.st, SysReg::ERRSELR_EL1, 5);
    CHECK(ReadSysReg(plain.st, SysReg::ERRSELR_EL1) == 0);
    CHECK(ReadSysReg(plain.st, SysReg::ERRIDR_EL1) == 0);
    // DISR_EL1 at EL1 with HCR_EL2.AMO reaches VDISR_EL2; at EL2 it is DISR_EL1.
    CHECK(reaches(Pe(EL::EL1, bit(hcr::AMO)).access(kDisr)) == SysReg::VDISR_EL2);
    CHECK(reaches(Pe(EL::EL2, bit(hcr::AMO)).access(kDisr)) == SysReg::DISR_EL1);
}

TEST_CASE("FEAT_LOR: TLOR traps; LORC UNDEFINED in Secure state, LORID readable", "[exceptions]") {
    trapsTo(Pe(EL::EL1, bit(hcr::TLOR)).access(kLorc, Rd, 3), EL::EL2, kLorc, 3, true);
    Pe el2(EL::EL2);
    el2.set(SysReg::SCR_EL3, el2.st.cpu.scr() | bit(scr::TLOR));
    trapsTo(el2.access(kLorid, Rd, 3), EL::EL3, kLorid, 3, true);
    Pe secure(EL::EL1);
    secure.set(SysReg::SCR_EL3, bit(scr::RW));
    undefined(secure.access(kLorc));
    CHECK(reaches(secure.access(kLorid)) == SysReg::LORID_EL1);
}

TEST_CASE("debug: MDCR_EL2 TDE/TDA/TDOSA/TDRA and MDCR_EL3 TDA/TDOSA; MDSCR_EL1.TDCC at EL0",
          "[exceptions]") {
    Pe el1(EL::EL1);
    el1.set(SysReg::MDCR_EL2, bit(mdcr::TDA));
    trapsTo(el1.access(kMdscr, Rd, 10), EL::EL2, kMdscr, 10, true);
    CHECK(reaches(el1.access(kOslsr)) == SysReg::OSLSR_EL1); // TDA leaves the OS lock alone
    el1.set(SysReg::MDCR_EL2, bit(mdcr::TDOSA));
    trapsTo(el1.access(kOslsr, Rd, 11), EL::EL2, kOslsr, 11, true);
    el1.set(SysReg::MDCR_EL2, bit(mdcr::TDRA));
    trapsTo(el1.access(kMdrar, Rd, 12), EL::EL2, kMdrar, 12, true);
    el1.set(SysReg::MDCR_EL2, bit(mdcr::TDE)); // TDE: all three
    trapsTo(el1.access(kMdrar, Rd, 12), EL::EL2, kMdrar, 12, true);
    trapsTo(el1.access(kOslar, Wr, 1), EL::EL2, kOslar, 1, false);
    Pe el2(EL::EL2);
    el2.set(SysReg::MDCR_EL3, bit(mdcr::TDA));
    trapsTo(el2.access(kMdscr, Rd, 10), EL::EL3, kMdscr, 10, true);
    trapsTo(el2.access(kMdrar, Rd, 10), EL::EL3, kMdrar, 10, true); // MDRAR: MDCR_EL3.TDA
    // EL0: MDSCR_EL1.TDCC first (to EL1), then HCR_EL2.TGE or MDCR_EL2.{TDE,TDA} (to EL2).
    Pe el0(EL::EL0);
    el0.set(SysReg::MDSCR_EL1, bit(mdscr::TDCC));
    el0.set(SysReg::MDCR_EL2, bit(mdcr::TDA));
    trapsTo(el0.access(kMdccsr, Rd, 13), EL::EL1, kMdccsr, 13, true);
    el0.set(SysReg::MDSCR_EL1, 0);
    trapsTo(el0.access(kMdccsr, Rd, 13), EL::EL2, kMdccsr, 13, true);
    Pe tge(EL::EL0, bit(hcr::TGE));
    trapsTo(tge.access(kMdccsr, Rd, 13), EL::EL2, kMdccsr, 13, true);
}

TEST_CASE("debug: MDCR_EL2 and HCR_EL2.TGE never trap an access made at EL2 (a VHE host "
          "writing OSDLR_EL1)",
          "[exceptions]") {
    // OSDLR_EL1_reg_write: the MDCR_EL2.TDE/TDOSA check is under `PSTATE.EL == EL1`; at EL2 only
    // MDCR_EL3.TDOSA traps. Debian's 6.1 kernel clears the OS lock this way at EL2 (VHE, TGE=1).
    const SysRegEncoding osdlr{2, 0, 1, 3, 4};
    Pe host(EL::EL2, bit(hcr::E2H) | bit(hcr::TGE));
    host.set(SysReg::MDCR_EL2, bit(mdcr::TDE) | bit(mdcr::TDOSA) | bit(mdcr::TDA));
    CHECK(reaches(host.access(osdlr, Wr, 31)) == SysReg::OSDLR_EL1);
    CHECK(reaches(host.access(kOslar, Wr, 31)) == SysReg::OSLAR_EL1);
    CHECK(reaches(host.access(kMdscr, Rd, 3)) == SysReg::MDSCR_EL1);
    host.set(SysReg::MDCR_EL3, bit(mdcr::TDOSA));
    trapsTo(host.access(osdlr, Wr, 31), EL::EL3, osdlr, 31, false);
}

TEST_CASE("debug registers: OSLAR is write-only and sets OSLSR.OSLK; DBGDTRRX/TX share an "
          "encoding; claim tags; only the advertised breakpoints exist",
          "[exceptions]") {
    Pe pe(EL::EL1);
    undefined(pe.access(kOslar, Rd));
    undefined(pe.access(kOslsr, Wr));
    CHECK(field(ReadSysReg(pe.st, SysReg::OSLSR_EL1), 3, 0) == 0xA); // OSLM=0b10, OSLK=1
    WriteSysReg(pe.st, SysReg::OSLAR_EL1, 0);
    CHECK(field(ReadSysReg(pe.st, SysReg::OSLSR_EL1), 3, 0) == 0x8);
    CHECK(reaches(Pe(EL::EL0).access(kDtrRxTx, Rd)) == SysReg::DBGDTRRX_EL0);
    CHECK(reaches(Pe(EL::EL0).access(kDtrRxTx, Wr)) == SysReg::DBGDTRTX_EL0);
    WriteSysReg(pe.st, SysReg::DBGCLAIMSET_EL1, 0x15);
    WriteSysReg(pe.st, SysReg::DBGCLAIMCLR_EL1, 0x04);
    CHECK(ReadSysReg(pe.st, SysReg::DBGCLAIMSET_EL1) == 0xFF);
    CHECK(ReadSysReg(pe.st, SysReg::DBGCLAIMCLR_EL1) == 0x11);
    undefined(pe.access(kDbgbvr6));       // ID_AA64DFR0_EL1.BRPs = 5: breakpoints 0-5 only
    undefined(Pe(EL::EL0).access(kPmcr)); // PMUVer = 0
    undefined(pe.access(kPmcr));
}

TEST_CASE("EL1 timers: CNTKCTL_EL1.EL0PTEN/EL0VTEN at EL0, CNTHCTL_EL2.EL1PCEN at EL0/EL1; "
          "VHE redirection to the EL2 timers",
          "[exceptions]") {
    // Targets from the CNTP_CTL_EL0 / CNTV_CVAL_EL0 access pseudocode (ARM-M D24.8); llvm-mc
    // encodings CNTP_CTL_EL0 = 3,3,14,2,1, CNTV_CVAL_EL0 = 3,3,14,3,2, CNTP_CTL_EL02 = 3,5,14,2,1.
    Pe el0(EL::EL0);
    withTimer(el0).set(SysReg::CNTKCTL_EL1, bit(cnthctl::EL0VTEN)); // EL0PTEN = 0
    trapsTo(el0.access(kCntpCtl, Rd, 3), EL::EL1, kCntpCtl, 3, true);
    CHECK(reaches(el0.access(kCntvCval)) == SysReg::CNTV_CVAL_EL0);
    el0.set(SysReg::CNTKCTL_EL1, bit(cnthctl::EL0PTEN));
    trapsTo(el0.access(kCntvCval, Wr, 4), EL::EL1, kCntvCval, 4, false);
    el0.set(SysReg::CNTHCTL_EL2, 0); // E2H=0: EL1PCEN (bit 1) = 0 traps EL0 and EL1 to EL2
    trapsTo(el0.access(kCntpCtl, Rd, 3), EL::EL2, kCntpCtl, 3, true);
    Pe el1(EL::EL1);
    withTimer(el1).set(SysReg::CNTHCTL_EL2, bit(cnthctl::EL1PCTEN_E2H0)); // EL1PCEN = 0
    trapsTo(el1.access(kCntpCtl, Wr, 5), EL::EL2, kCntpCtl, 5, false);
    el1.set(SysReg::CNTHCTL_EL2, bit(cnthctl::EL1PCEN_E2H0));
    CHECK(reaches(el1.access(kCntpCtl)) == SysReg::CNTP_CTL_EL0);
    Pe e2h1(EL::EL1, bit(hcr::E2H)); // E2H=1: EL1PCEN is bit 11
    withTimer(e2h1).set(SysReg::CNTHCTL_EL2, bit(cnthctl::EL1PCEN_E2H0));
    trapsTo(e2h1.access(kCntpCtl, Rd, 3), EL::EL2, kCntpCtl, 3, true);
    // A VHE host: CNTP_* reach CNTHP_* at EL2 and EL0 (gated by CNTHCTL_EL2.EL0PTEN there),
    // the _EL02 names reach the EL0 timers; without E2H they are UNDEFINED.
    Pe host2(EL::EL2, bit(hcr::E2H) | bit(hcr::TGE));
    CHECK(reaches(withTimer(host2).access(kCntpCtl)) == SysReg::CNTHP_CTL_EL2);
    CHECK(reaches(host2.access(kCntvCval)) == SysReg::CNTHV_CVAL_EL2);
    CHECK(reaches(host2.access(kCntpCtl02)) == SysReg::CNTP_CTL_EL0);
    Pe host0(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE));
    withTimer(host0).set(SysReg::CNTHCTL_EL2, 0);
    trapsTo(host0.access(kCntpCtl, Rd, 3), EL::EL2, kCntpCtl, 3, true);
    host0.set(SysReg::CNTHCTL_EL2, bit(cnthctl::EL0PTEN));
    CHECK(reaches(host0.access(kCntpCtl)) == SysReg::CNTHP_CTL_EL2);
    Pe nvhe(EL::EL2);
    undefined(withTimer(nvhe).access(kCntpCtl02));
}

TEST_CASE("counters at EL0: CNTKCTL_EL1 (CNTHCTL_EL2 in a VHE host) gate CNTVCT/CNTFRQ",
          "[exceptions]") {
    Pe el0(EL::EL0);
    withTimer(el0).set(SysReg::CNTKCTL_EL1, 0);
    trapsTo(el0.access(kCntvct, Rd, 14), EL::EL1, kCntvct, 14, true);
    trapsTo(el0.access(kCntfrq, Rd, 1), EL::EL1, kCntfrq, 1, true);
    el0.set(SysReg::CNTKCTL_EL1, 1); // EL0PCTEN only: CNTFRQ readable, CNTVCT not
    CHECK(reaches(el0.access(kCntfrq)) == SysReg::CNTFRQ_EL0);
    trapsTo(el0.access(kCntvct, Rd, 14), EL::EL1, kCntvct, 14, true);
    Pe tge(EL::EL0, bit(hcr::TGE)); // E2H=0, TGE=1: CNTKCTL_EL1 still, routed to EL2
    withTimer(tge).set(SysReg::CNTKCTL_EL1, 0);
    trapsTo(tge.access(kCntvct, Rd, 14), EL::EL2, kCntvct, 14, true);
    Pe host(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE));
    withTimer(host).set(SysReg::CNTKCTL_EL1, 3);
    host.set(SysReg::CNTHCTL_EL2, 0);
    trapsTo(host.access(kCntvct, Rd, 14), EL::EL2, kCntvct, 14, true);
    host.set(SysReg::CNTHCTL_EL2, bit(cnthctl::EL0VCTEN));
    CHECK(reaches(host.access(kCntvct)) == SysReg::CNTVCT_EL0);
}

TEST_CASE("VPIDR_EL2/VMPIDR_EL2 virtualize MIDR/MPIDR at EL1 only", "[exceptions]") {
    CHECK(reaches(Pe(EL::EL1).access(kMidr)) == SysReg::VPIDR_EL2);
    CHECK(reaches(Pe(EL::EL1).access(kMpidr)) == SysReg::VMPIDR_EL2);
    CHECK(reaches(Pe(EL::EL2).access(kMidr)) == SysReg::MIDR_EL1);
    Pe secure(EL::EL1);
    secure.set(SysReg::SCR_EL3, bit(scr::RW));
    CHECK(reaches(secure.access(kMidr)) == SysReg::MIDR_EL1);
    // Their reset values are the PE's own (as QEMU).
    Pe pe(EL::EL1);
    CHECK(ReadSysReg(pe.st, SysReg::VPIDR_EL2) == ReadSysReg(pe.st, SysReg::MIDR_EL1));
    CHECK(ReadSysReg(pe.st, SysReg::VMPIDR_EL2) == ReadSysReg(pe.st, SysReg::MPIDR_EL1));
}

TEST_CASE("FEAT_VHE: AFSR0/CNTKCTL reach their EL2 registers at EL2 with E2H=1; _EL12 aliases",
          "[exceptions][R6]") {
    Pe vhe(EL::EL2, bit(hcr::E2H));
    CHECK(reaches(vhe.access(kAfsr0El1)) == SysReg::AFSR0_EL2);
    CHECK(reaches(vhe.access(kAfsr0El12)) == SysReg::AFSR0_EL1);
    CHECK(reaches(vhe.access(kCntkctl)) == SysReg::CNTHCTL_EL2);
    CHECK(reaches(vhe.access(kCntkctl12)) == SysReg::CNTKCTL_EL1);
    CHECK(reaches(Pe(EL::EL2).access(kCntkctl)) == SysReg::CNTKCTL_EL1);
    undefined(Pe(EL::EL2).access(kCntkctl12));
    // Every _EL12 row reaches an EL1 register whose EL1 name redirects to an EL2 one.
    for (const SysRegInfo& r : sysRegTable()) {
        if (r.gate != SysRegGate::El12Alias) continue;
        INFO(r.name);
        CHECK(sysRegInfo(r.storage).e2h_at_el2.has_value());
    }
}

TEST_CASE("ISR_EL1 shows the pending interrupts, virtual ones at EL1 under AMO/IMO/FMO",
          "[exceptions]") {
    Pe pe(EL::EL1);
    pe.st.cpu.lines.irq = true;
    CHECK(ReadSysReg(pe.st, SysReg::ISR_EL1) == bit(7));
    setHcr(pe.st.cpu, bit(hcr::IMO) | bit(hcr::FMO) | bit(hcr::AMO) | bit(hcr::VF) | bit(hcr::VSE));
    CHECK(ReadSysReg(pe.st, SysReg::ISR_EL1) == (bit(8) | bit(6))); // virtual A and F
    pe.st.cpu.pstate.el = EL::EL2;
    CHECK(ReadSysReg(pe.st, SysReg::ISR_EL1) == bit(7)); // physical at EL2
}

TEST_CASE("DCZID_EL0: 64-byte blocks; DZP from SCTLR_EL1.DZE at EL0 and HCR_EL2.TDZ",
          "[exceptions]") {
    Pe el0(EL::EL0);
    el0.set(SysReg::SCTLR_EL1, el0.st.cpu.sysregs.raw(SysReg::SCTLR_EL1) | bit(14));
    CHECK(ReadSysReg(el0.st, SysReg::DCZID_EL0) == 4);
    el0.set(SysReg::SCTLR_EL1, 0);
    CHECK(ReadSysReg(el0.st, SysReg::DCZID_EL0) == (4 | bit(4)));
    Pe el1(EL::EL1, bit(28)); // HCR_EL2.TDZ
    CHECK(ReadSysReg(el1.st, SysReg::DCZID_EL0) == (4 | bit(4)));
    CHECK(ReadSysReg(Pe(EL::EL2, bit(28)).st, SysReg::DCZID_EL0) == 4);
}

namespace {
// A device that provides ACTLR_EL1 (an IMPLEMENTATION DEFINED register of a platform).
struct FakeDevice final : SysRegDevice {
    std::uint64_t value = 0x1234;
    EL last_el = EL::EL0;
    int reads = 0, writes = 0;
    bool provides(SysReg r) const override { return r == SysReg::ACTLR_EL1; }
    std::uint64_t readSysReg(SysReg, EL el) override {
        ++reads;
        last_el = el;
        return value;
    }
    void writeSysReg(SysReg, std::uint64_t v, EL el) override {
        ++writes;
        last_el = el;
        value = v;
    }
};
} // namespace

TEST_CASE("SysRegDevice: a device sees only accesses that passed the EL and trap checks",
          "[exceptions]") {
    FakeDevice dev;
    Pe pe(EL::EL1, bit(hcr::TACR));
    pe.st.cpu.devices.attach(dev);
    trapsTo(pe.access(kActlr, Rd, 8), EL::EL2, kActlr, 8, true); // the trap comes first
    CHECK(dev.reads == 0);
    setHcr(pe.st.cpu, 0);
    const SysReg r = reaches(pe.access(kActlr));
    CHECK(ReadSysReg(pe.st, r) == 0x1234);
    const int reads_before = dev.reads;
    WriteSysReg(pe.st, r, 0x55);
    CHECK(dev.value == 0x55);
    CHECK(dev.reads == reads_before); // a write does not read the device back
    CHECK(dev.last_el == EL::EL1);
    CHECK(ReadSysReg(pe.st, r) == 0x55);
    pe.st.cpu.devices.detach(dev);
    CHECK(ReadSysReg(pe.st, r) == 0); // the stored row again: RAZ/WI
}

TEST_CASE("device rows: UNDEFINED without their device; the CNTPCT_EL0 and CNTPS_* gates",
          "[exceptions]") {
    // Rows as helper gic's would be (the ids are stand-ins; the encodings are llvm-mc's
    // CNTPCT_EL0 = 3,3,14,0,1 and CNTPS_CTL_EL1 = 3,7,14,2,1). Targets from the CNTPCT_EL0
    // and CNTPS_CTL_EL1 access pseudocode.
    SysRegInfo cntpct = sysRegInfo(SysReg::ACTLR_EL1);
    cntpct.enc = {3, 3, 14, 0, 1};
    cntpct.min_el = EL::EL0;
    cntpct.rw = SysRegRw::ReadOnly;
    cntpct.gate = SysRegGate::CntpctEl0;
    cntpct.traps = systrap::None;
    cntpct = cntpct.device();
    FakeDevice dev; // provides ACTLR_EL1, the stand-in id
    const auto check = [&](Pe& pe) { return CheckSysRegAccess(pe.st.cpu, cntpct, Rd, 2); };

    Pe none(EL::EL1);
    undefined(check(none)); // no device attached
    Pe el0(EL::EL0);
    el0.st.cpu.devices.attach(dev);
    el0.set(SysReg::CNTKCTL_EL1, bit(cnthctl::EL0VCTEN)); // EL0PCTEN = 0
    trapsTo(check(el0), EL::EL1, cntpct.enc, 2, true);
    el0.set(SysReg::CNTKCTL_EL1, bit(cnthctl::EL0PCTEN));
    el0.set(SysReg::CNTHCTL_EL2, 0); // E2H=0: EL1PCTEN (bit 0) = 0 traps EL0 and EL1 to EL2
    trapsTo(check(el0), EL::EL2, cntpct.enc, 2, true);
    Pe el1(EL::EL1, bit(hcr::E2H)); // E2H=1, TGE=0: EL1PCTEN is bit 10
    el1.st.cpu.devices.attach(dev);
    el1.set(SysReg::CNTHCTL_EL2, bit(0));
    trapsTo(check(el1), EL::EL2, cntpct.enc, 2, true);
    el1.set(SysReg::CNTHCTL_EL2, bit(cnthctl::EL1PCTEN_E2H1));
    CHECK(reaches(check(el1)) == SysReg::ACTLR_EL1);
    Pe host(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE)); // host EL0: CNTHCTL_EL2.EL0PCTEN only
    host.st.cpu.devices.attach(dev);
    host.set(SysReg::CNTHCTL_EL2, bit(cnthctl::EL0PCTEN));
    CHECK(reaches(check(host)) == SysReg::ACTLR_EL1);
    host.set(SysReg::CNTHCTL_EL2, 0);
    trapsTo(check(host), EL::EL2, cntpct.enc, 2, true);

    SysRegInfo cntps = cntpct;
    cntps.enc = {3, 7, 14, 2, 1};
    cntps.min_el = EL::EL1;
    cntps.rw = SysRegRw::ReadWrite;
    cntps.gate = SysRegGate::SecurePhysTimer;
    Pe ns(EL::EL1);
    ns.st.cpu.devices.attach(dev);
    undefined(CheckSysRegAccess(ns.st.cpu, cntps, Rd, 1)); // Non-secure EL1
    Pe sec(EL::EL1);
    sec.st.cpu.devices.attach(dev);
    sec.set(SysReg::SCR_EL3, bit(scr::RW)); // Secure, ST = 0
    trapsTo(CheckSysRegAccess(sec.st.cpu, cntps, Wr, 1), EL::EL3, cntps.enc, 1, false);
    sec.set(SysReg::SCR_EL3, bit(scr::RW) | bit(scr::ST));
    CHECK(reaches(CheckSysRegAccess(sec.st.cpu, cntps, Wr, 1)) == SysReg::ACTLR_EL1);
    Pe el2(EL::EL2);
    el2.st.cpu.devices.attach(dev);
    undefined(CheckSysRegAccess(el2.st.cpu, cntps, Rd, 1));
    Pe el3(EL::EL3);
    el3.st.cpu.devices.attach(dev);
    CHECK(reaches(CheckSysRegAccess(el3.st.cpu, cntps, Rd, 1)) == SysReg::ACTLR_EL1);
}
