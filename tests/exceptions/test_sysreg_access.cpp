// MRS/MSR: VHE aliasing (R6), ZCR access gating (R7), VL effect of ZCR writes (R5), RES0/RAZ
// (R4), UNDEFINED accesses and EC 0x18 traps.
#include "sysreg_pe.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

const SysRegEncoding kZcrEl1{3, 0, 1, 2, 0}, kZcrEl2{3, 4, 1, 2, 0}, kZcrEl12{3, 5, 1, 2, 0},
    kZcrEl3{3, 6, 1, 2, 0}, kCpacrEl1{3, 0, 1, 0, 2}, kCpacrEl12{3, 5, 1, 0, 2},
    kCptrEl2{3, 4, 1, 1, 2}, kDaif{3, 3, 4, 2, 1}, kFpcr{3, 3, 4, 4, 0}, kHcr{3, 4, 1, 1, 0},
    kScr{3, 6, 1, 1, 0}, kCurrentEl{3, 0, 4, 2, 2}, kSpEl0{3, 0, 4, 1, 0}, kElrEl1{3, 0, 4, 0, 1},
    kElrEl12{3, 5, 4, 0, 1}, kVbarEl1{3, 0, 12, 0, 0}, kCntfrq{3, 3, 14, 0, 0},
    kTpidrro{3, 3, 13, 0, 3}, kRvbarEl3{3, 6, 12, 0, 1}, kRvbarEl2{3, 4, 12, 0, 1};

using Pe = SysRegPe;

ExceptionEntry traps(const SysRegAccess& a) {
    REQUIRE(std::holds_alternative<ExceptionEntry>(a));
    return std::get<ExceptionEntry>(a);
}
void isUndefined(const SysRegAccess& a, EL target) {
    const auto e = traps(a);
    CHECK(e.record.type == Exception::Uncategorized);
    CHECK(e.target == target);
    CHECK(e.preferred_return == Pe::kPc);
}
void isSveTrap(const SysRegAccess& a, EL target) {
    const auto e = traps(a);
    CHECK(e.record.type == Exception::SVEAccessTrap);
    CHECK(e.record.iss == 0);
    CHECK(e.target == target);
}

} // namespace

TEST_CASE("R6: at EL2 with E2H=1 ZCR_EL1 reaches ZCR_EL2 and ZCR_EL12 reaches ZCR_EL1",
          "[exceptions][R6]") {
    Pe vhe(EL::EL2, bit(hcr::E2H));
    CHECK(reaches(vhe.access(kZcrEl1)) == SysReg::ZCR_EL2);
    CHECK(reaches(vhe.access(kZcrEl12)) == SysReg::ZCR_EL1);
    CHECK(reaches(vhe.access(kZcrEl2)) == SysReg::ZCR_EL2);
    CHECK(reaches(vhe.access(kCpacrEl1)) == SysReg::CPTR_EL2);
    CHECK(reaches(vhe.access(kCpacrEl12)) == SysReg::CPACR_EL1);
    CHECK(reaches(vhe.access(kElrEl1)) == SysReg::ELR_EL2);
    CHECK(reaches(vhe.access(kElrEl12)) == SysReg::ELR_EL1);
    CHECK(reaches(vhe.access(kVbarEl1)) == SysReg::VBAR_EL2);
    Pe nvhe(EL::EL2);
    CHECK(reaches(nvhe.access(kZcrEl1)) == SysReg::ZCR_EL1);
    CHECK(reaches(nvhe.access(kCpacrEl1)) == SysReg::CPACR_EL1);
    isUndefined(nvhe.access(kZcrEl12), EL::EL2);
    isUndefined(nvhe.access(kElrEl12), EL::EL2);
    // EL1 never sees the aliases; EL3 sees them only when EL2 is an enabled VHE host.
    isUndefined(Pe(EL::EL1, bit(hcr::E2H)).access(kZcrEl12), EL::EL1);
    CHECK(reaches(Pe(EL::EL3, bit(hcr::E2H)).access(kZcrEl12)) == SysReg::ZCR_EL1);
    CHECK(reaches(Pe(EL::EL3, bit(hcr::E2H)).access(kZcrEl1)) == SysReg::ZCR_EL1);
    isUndefined(Pe(EL::EL3).access(kZcrEl12), EL::EL3);
    Pe secure(EL::EL3, bit(hcr::E2H));
    secure.set(SysReg::SCR_EL3, bit(scr::RW));
    isUndefined(secure.access(kZcrEl12), EL::EL3);
}

TEST_CASE("R7: ZCR accesses are gated by ZEN/TZ/EZ only, with EC 0x19; EL0 is UNDEFINED",
          "[exceptions][R7]") {
    isUndefined(Pe(EL::EL0).access(kZcrEl1), EL::EL1);
    isUndefined(Pe(EL::EL0, bit(hcr::TGE)).access(kZcrEl1), EL::EL2);
    isUndefined(Pe(EL::EL1).access(kZcrEl2), EL::EL1);
    isUndefined(Pe(EL::EL2).access(kZcrEl3), EL::EL2);
    {
        Pe pe(EL::EL1); // FP disabled everywhere: ZCR still accessible (QEMU differs)
        pe.set(SysReg::CPACR_EL1, 0x3ULL << 16);
        pe.set(SysReg::CPTR_EL2, bit(cptr::TFP));
        pe.set(SysReg::CPTR_EL3, bit(cptr::EZ) | bit(cptr::TFP));
        CHECK(reaches(pe.access(kZcrEl1)) == SysReg::ZCR_EL1);
        CHECK(reaches(pe.access(kZcrEl1, SysRegDirection::Write)) == SysReg::ZCR_EL1);
    }
    {
        Pe pe(EL::EL1);
        pe.set(SysReg::CPACR_EL1, 0x3ULL << 20); // ZEN = 00
        isSveTrap(pe.access(kZcrEl1), EL::EL1);
        isSveTrap(pe.access(kZcrEl1, SysRegDirection::Write), EL::EL1);
        pe.set(SysReg::CPACR_EL1, 0x1ULL << 16); // ZEN = 01 does not trap EL1
        CHECK(reaches(pe.access(kZcrEl1)) == SysReg::ZCR_EL1);
    }
    {
        Pe pe(EL::EL1);
        pe.set(SysReg::CPTR_EL2, bit(cptr::TZ));
        isSveTrap(pe.access(kZcrEl1), EL::EL2);
        pe.st.cpu.pstate.el = EL::EL2;
        isSveTrap(pe.access(kZcrEl2), EL::EL2);
        pe.st.cpu.pstate.el = EL::EL3; // CPTR_EL2 does not gate EL3
        CHECK(reaches(pe.access(kZcrEl2)) == SysReg::ZCR_EL2);
    }
    {
        Pe pe(EL::EL2, bit(hcr::E2H));
        pe.set(SysReg::CPTR_EL2, 0x3ULL << 20); // E2H layout, ZEN = 00
        isSveTrap(pe.access(kZcrEl1), EL::EL2);
        isSveTrap(pe.access(kZcrEl12), EL::EL2);
    }
    {
        Pe pe(EL::EL2);
        pe.set(SysReg::CPTR_EL3, 0); // EZ = 0
        isSveTrap(pe.access(kZcrEl2), EL::EL3);
        pe.st.cpu.pstate.el = EL::EL3;
        isSveTrap(pe.access(kZcrEl3), EL::EL3);
        isSveTrap(pe.access(kZcrEl1), EL::EL3);
    }
}

TEST_CASE("R5: a ZCR write changes VL for the very next instruction and is reported",
          "[exceptions][R5]") {
    Pe pe(EL::EL1);
    Recorder rec;
    pe.st.bus.subscribe(rec);
    CHECK(pe.st.currentVL().bits() == 2048);
    WriteSysReg(pe.st, reaches(pe.access(kZcrEl1, SysRegDirection::Write)), 0x1F3);
    CHECK(pe.st.currentVL().bits() == 512);
    CHECK(ReadSysReg(pe.st, SysReg::ZCR_EL1) == 3); // R4: bits [8:4] RAZ/WI
    REQUIRE(rec.writes.size() == 1);
    CHECK(rec.writes[0].reg == SysReg::ZCR_EL1);
    CHECK(rec.writes[0].new_value == 3);
    REQUIRE(rec.vl_changes.size() == 1);
    CHECK(rec.vl_changes[0].cause == VlChangeCause::ZcrWrite);
    CHECK(rec.vl_changes[0].new_bits == 512);
    // A write that does not change the current EL's VL reports no VL change.
    pe.st.cpu.pstate.el = EL::EL3;
    WriteSysReg(pe.st, SysReg::ZCR_EL2, 0);
    CHECK(rec.vl_changes.size() == 1);
}

TEST_CASE("R_KXKNK: a CPACR_EL1 write that disables SVE is not a VL change", "[exceptions][R5]") {
    // CurrentNSVL (ARM-M J1.1.3.302) reads only ZCR_ELx.LEN and PSTATE.EL; the enables decide
    // trapping and the width a V[] write zeroes, so the write reports no VectorLengthChange.
    Pe pe(EL::EL1);
    Recorder rec;
    pe.st.bus.subscribe(rec);
    WriteSysReg(pe.st, reaches(pe.access(kCpacrEl1, SysRegDirection::Write)), 0); // ZEN=FPEN=00
    CHECK(pe.st.currentVL().bits() == 2048);
    REQUIRE(rec.writes.size() == 1);
    CHECK(rec.vl_changes.empty());
}

TEST_CASE("EC 0x18: CPTR_ELx.TCPAC traps CPACR_EL1 and CPTR_EL2 accesses with the MSR/MRS ISS",
          "[exceptions]") {
    Pe pe(EL::EL1);
    pe.set(SysReg::CPTR_EL2, bit(cptr::TCPAC));
    const auto e = traps(pe.access(kCpacrEl1, SysRegDirection::Write, 5));
    CHECK(e.record.type == Exception::SystemRegisterTrap);
    CHECK(e.target == EL::EL2);
    // Op0=3 Op2=2 Op1=0 CRn=1 Rt=5 CRm=0 Direction=0 (write).
    CHECK(e.record.iss == ((3U << 20) | (2U << 17) | (0U << 14) | (1U << 10) | (5U << 5)));
    Pe el3(EL::EL2);
    el3.set(SysReg::CPTR_EL3, bit(cptr::EZ) | bit(cptr::TCPAC));
    const auto e3 = traps(el3.access(kCptrEl2, SysRegDirection::Read, 1));
    CHECK(e3.target == EL::EL3);
    CHECK(e3.record.iss ==
          ((3U << 20) | (2U << 17) | (4U << 14) | (1U << 10) | (1U << 5) | (1U << 1) | 1U));
}

TEST_CASE("DAIF at EL0 traps with EC 0x18 unless SCTLR_EL1.UMA", "[exceptions]") {
    Pe pe(EL::EL0);
    const auto e = traps(pe.access(kDaif));
    CHECK(e.record.type == Exception::SystemRegisterTrap);
    CHECK(e.target == EL::EL1);
    pe.set(SysReg::SCTLR_EL1, pe.st.cpu.sysregs.read(SysReg::SCTLR_EL1) | bit(sctlr::UMA));
    CHECK(reaches(pe.access(kDaif)) == SysReg::DAIF);
}

TEST_CASE("FPCR/FPSR accesses follow CheckFPAdvSIMDEnabled (EC 0x07)", "[exceptions][R8]") {
    Pe pe(EL::EL0);
    CHECK(reaches(pe.access(kFpcr)) == SysReg::FPCR);
    pe.set(SysReg::CPACR_EL1, 0x3ULL << 16);
    const auto e = traps(pe.access(kFpcr));
    CHECK(e.record.type == Exception::AdvSIMDFPAccessTrap);
    CHECK(e.record.iss == 0x1E00000);
}

TEST_CASE("UNDEFINED: unknown encodings, too-low ELs, read-only writes, absent ELs",
          "[exceptions]") {
    isUndefined(Pe(EL::EL1).access({3, 7, 15, 15, 7}), EL::EL1);
    isUndefined(Pe(EL::EL1).access(kHcr), EL::EL1);
    isUndefined(Pe(EL::EL2).access(kScr), EL::EL2);
    isUndefined(Pe(EL::EL0).access(kCurrentEl), EL::EL1);
    isUndefined(Pe(EL::EL1).access(kCurrentEl, SysRegDirection::Write), EL::EL1);
    isUndefined(Pe(EL::EL3, 0, Setup{.has_el2 = false}).access(kHcr), EL::EL3);
    CHECK(reaches(Pe(EL::EL3).access(kHcr)) == SysReg::HCR_EL2);
    // SP_EL0 is UNDEFINED while it is the current stack pointer.
    Pe sp(EL::EL1);
    CHECK(reaches(sp.access(kSpEl0)) == SysReg::SP_EL0);
    sp.st.cpu.pstate.sp = false;
    isUndefined(sp.access(kSpEl0), EL::EL1);
    // TPIDRRO_EL0: EL0 reads, EL1 writes.
    CHECK(reaches(Pe(EL::EL0).access(kTpidrro)) == SysReg::TPIDRRO_EL0);
    isUndefined(Pe(EL::EL0).access(kTpidrro, SysRegDirection::Write), EL::EL1);
    // CNTFRQ_EL0 is writable only at the highest EL; RVBAR exists only for the highest EL.
    isUndefined(withTimer(Pe(EL::EL1)).access(kCntfrq, SysRegDirection::Write), EL::EL1);
    CHECK(reaches(withTimer(Pe(EL::EL3)).access(kCntfrq, SysRegDirection::Write)) ==
          SysReg::CNTFRQ_EL0);
    CHECK(reaches(Pe(EL::EL3).access(kRvbarEl3)) == SysReg::RVBAR_EL3);
    isUndefined(Pe(EL::EL2).access(kRvbarEl2), EL::EL2);
}

TEST_CASE("PSTATE views: CurrentEL, DAIF, NZCV, SPSel read and write PSTATE", "[exceptions]") {
    Pe pe(EL::EL2);
    CHECK(ReadSysReg(pe.st, SysReg::CurrentEL) == 0x8);
    WriteSysReg(pe.st, SysReg::DAIF, 0x140);
    CHECK(pe.st.cpu.pstate.d == false);
    CHECK(pe.st.cpu.pstate.a == true);
    CHECK(pe.st.cpu.pstate.i == false);
    CHECK(pe.st.cpu.pstate.f == true);
    WriteSysReg(pe.st, SysReg::NZCV, 0x6000'0000);
    CHECK(ReadSysReg(pe.st, SysReg::NZCV) == 0x6000'0000);
    WriteSysReg(pe.st, SysReg::SPSel, 0);
    CHECK_FALSE(pe.st.cpu.pstate.sp);
}
