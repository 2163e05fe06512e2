// The system-register table and file: encodings, masks, reset values (R4, R22).
#include "svesim/arch/config_error.h"
#include "svesim/arch/sysreg_file.h"

#include <catch2/catch.hpp>

using namespace svesim;

TEST_CASE("sysreg table: encodings match the Arm ARM (checked against GNU as)", "[sysreg]") {
    // Encodings from ARM-M D24.2; ZCR_EL1 assembles to d5181200 = op0 3, op1 0, CRn 1, CRm 2.
    struct Known {
        const char* name;
        SysRegEncoding enc;
    };
    const Known known[] = {
        {"ZCR_EL1", {3, 0, 1, 2, 0}},
        {"ZCR_EL2", {3, 4, 1, 2, 0}},
        {"ZCR_EL12", {3, 5, 1, 2, 0}},
        {"ZCR_EL3", {3, 6, 1, 2, 0}},
        {"CPACR_EL1", {3, 0, 1, 0, 2}},
        {"CPTR_EL2", {3, 4, 1, 1, 2}},
        {"CPTR_EL3", {3, 6, 1, 1, 2}},
        {"HCR_EL2", {3, 4, 1, 1, 0}},
        {"SCR_EL3", {3, 6, 1, 1, 0}},
        {"CurrentEL", {3, 0, 4, 2, 2}},
        {"VBAR_EL2", {3, 4, 12, 0, 0}},
        {"ESR_EL12", {3, 5, 5, 2, 0}},
        {"FPCR", {3, 3, 4, 4, 0}},
        {"FPSR", {3, 3, 4, 4, 1}},
        {"ID_AA64ZFR0_EL1", {3, 0, 0, 4, 4}},
    };
    for (const auto& k : known) {
        INFO(k.name);
        const auto r = sysRegByEncoding(k.enc);
        REQUIRE(r);
        CHECK(name(*r) == k.name);
        CHECK(sysRegByName(k.name) == r);
    }
    CHECK_FALSE(sysRegByEncoding({3, 7, 15, 15, 7}));
    CHECK(sysRegByName("zcr_el1") == SysReg::ZCR_EL1);
}

TEST_CASE("R4: ZCR_ELx keeps LEN[3:0]; bits [8:4] are RAZ/WI and [63:9] RES0", "[sysreg][R4]") {
    SysRegFile f;
    f.reset(Features{}, {}, 0);
    for (SysReg r : {SysReg::ZCR_EL1, SysReg::ZCR_EL2, SysReg::ZCR_EL3}) {
        f.write(r, ~std::uint64_t{0});
        CHECK(f.read(r) == 0xF);
        f.write(r, 0x1F3);
        CHECK(f.read(r) == 0x3);
    }
}

TEST_CASE("R22: reset values that are UNKNOWN are configurable; defined ones are not",
          "[sysreg][R22]") {
    const auto rv = ResetValues::parse("ZCR_EL3=0xf,CPTR_EL3=0x100,zcr_el2=3");
    SysRegFile f;
    f.reset(Features{}, rv, 0x40000000);
    CHECK(f.read(SysReg::ZCR_EL3) == 0xF);
    CHECK(f.read(SysReg::ZCR_EL2) == 3);
    CHECK(f.read(SysReg::CPTR_EL3) == 0x100);
    CHECK(f.read(SysReg::RVBAR_EL3) == 0x40000000);
    // Documented defaults: ZCR_ELx.LEN = 0, CPTR_EL3.EZ = 0 (SVE trapped to EL3), as QEMU.
    SysRegFile d;
    d.reset(Features{}, {}, 0);
    CHECK(d.read(SysReg::ZCR_EL1) == 0);
    CHECK(d.read(SysReg::CPTR_EL3) == 0);
    CHECK(d.read(SysReg::SCR_EL3) == 0x30); // RES1 bits 5:4
    CHECK_THROWS_AS(ResetValues::parse("MIDR_EL1=1"), ConfigError);
    CHECK_THROWS_AS(ResetValues::parse("NOPE_EL1=1"), ConfigError);
    CHECK_THROWS_AS(ResetValues::parse("ZCR_EL1"), ConfigError);
    CHECK_THROWS_AS(ResetValues::parse("ZCR_EL1=banana"), ConfigError);
}

TEST_CASE("CPTR_EL2 reads in the layout HCR_EL2.E2H selects (R9)", "[sysreg][R9]") {
    SysRegFile f;
    f.reset(Features{}, {}, 0);
    f.write(SysReg::CPTR_EL2, bit(8) | (0x3ULL << 16));
    CHECK(f.read(SysReg::CPTR_EL2) == (bit(8) | cptr::kEl2Res1E2H0)); // TZ; ZEN not visible
    f.write(SysReg::HCR_EL2, bit(hcr::E2H));
    CHECK(f.read(SysReg::CPTR_EL2) == (0x3ULL << 16)); // ZEN; TZ not visible
}

TEST_CASE("ID registers advertise SVE, VHE, PAN and the implemented ELs", "[sysreg]") {
    SysRegFile f;
    Features feat;
    feat.has_el2 = false;
    f.reset(feat, {}, 0);
    const auto pfr0 = f.read(SysReg::ID_AA64PFR0_EL1);
    CHECK(field(pfr0, 35, 32) == 1);
    CHECK(field(pfr0, 11, 8) == 0);
    CHECK(field(pfr0, 15, 12) == 1);
    CHECK(field(f.read(SysReg::ID_AA64MMFR1_EL1), 11, 8) == 1);
    CHECK(f.read(SysReg::RVBAR_EL3) == 0);
}
