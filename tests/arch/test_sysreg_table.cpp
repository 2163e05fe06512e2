// The system-register table and file: encodings (from llvm-mc), masks, reset values (R4, R22).
#include "svesim/arch/config_error.h"
#include "svesim/arch/sysreg_file.h"

#include <catch2/catch.hpp>

using namespace svesim;

TEST_CASE("sysreg table: every register's encoding is the one llvm-mc assembles for its name",
          "[sysreg]") {
    // Expectations recorded from llvm-mc, not from the table: for each name,
    //   echo "mrs x0, NAME" | llvm-mc -triple=aarch64 -mattr=+v8.2a,+sve -show-encoding
    // gives the MRS word; its fields are op0 = 2 + bit 19, op1 [18:16], CRn [15:12], CRm [11:8],
    // op2 [7:5] (ARM-M C6.2 MRS). Every row of the table must be listed here.
    struct Known {
        const char* name;
        std::uint32_t mrs_x0;
    };
    const Known known[] = {
        {"CurrentEL", 0xd5384240},
        {"DAIF", 0xd53b4220},
        {"NZCV", 0xd53b4200},
        {"SPSel", 0xd5384200},
        {"SP_EL0", 0xd5384100},
        {"SP_EL1", 0xd53c4100},
        {"SP_EL2", 0xd53e4100},
        {"ELR_EL1", 0xd5384020},
        {"ELR_EL2", 0xd53c4020},
        {"ELR_EL3", 0xd53e4020},
        {"SPSR_EL1", 0xd5384000},
        {"SPSR_EL2", 0xd53c4000},
        {"SPSR_EL3", 0xd53e4000},
        {"ESR_EL1", 0xd5385200},
        {"ESR_EL2", 0xd53c5200},
        {"ESR_EL3", 0xd53e5200},
        {"FAR_EL1", 0xd5386000},
        {"FAR_EL2", 0xd53c6000},
        {"FAR_EL3", 0xd53e6000},
        {"VBAR_EL1", 0xd538c000},
        {"VBAR_EL2", 0xd53cc000},
        {"VBAR_EL3", 0xd53ec000},
        {"SCTLR_EL1", 0xd5381000},
        {"SCTLR_EL2", 0xd53c1000},
        {"SCTLR_EL3", 0xd53e1000},
        {"RVBAR_EL1", 0xd538c020},
        {"RVBAR_EL2", 0xd53cc020},
        {"RVBAR_EL3", 0xd53ec020},
        {"HCR_EL2", 0xd53c1100},
        {"SCR_EL3", 0xd53e1100},
        {"VTTBR_EL2", 0xd53c2100},
        {"VTCR_EL2", 0xd53c2140},
        {"CPACR_EL1", 0xd5381040},
        {"CPTR_EL2", 0xd53c1140},
        {"CPTR_EL3", 0xd53e1140},
        {"ZCR_EL1", 0xd5381200},
        {"ZCR_EL2", 0xd53c1200},
        {"ZCR_EL3", 0xd53e1200},
        {"TPIDR_EL0", 0xd53bd040},
        {"TPIDRRO_EL0", 0xd53bd060},
        {"TPIDR_EL1", 0xd538d080},
        {"TPIDR_EL2", 0xd53cd040},
        {"TPIDR_EL3", 0xd53ed040},
        {"CONTEXTIDR_EL1", 0xd538d020},
        {"CONTEXTIDR_EL2", 0xd53cd020},
        {"MIDR_EL1", 0xd5380000},
        {"MPIDR_EL1", 0xd53800a0},
        {"ID_AA64PFR0_EL1", 0xd5380400},
        {"ID_AA64ZFR0_EL1", 0xd5380480},
        {"ID_AA64MMFR0_EL1", 0xd5380700},
        {"ID_AA64MMFR1_EL1", 0xd5380720},
        {"CNTFRQ_EL0", 0xd53be000},
        {"CNTVCT_EL0", 0xd53be040},
        {"FPCR", 0xd53b4400},
        {"FPSR", 0xd53b4420},
        {"ZCR_EL12", 0xd53d1200},
        {"CPACR_EL12", 0xd53d1040},
        {"ELR_EL12", 0xd53d4020},
        {"SPSR_EL12", 0xd53d4000},
        {"ESR_EL12", 0xd53d5200},
        {"FAR_EL12", 0xd53d6000},
        {"VBAR_EL12", 0xd53dc000},
        {"SCTLR_EL12", 0xd53d1000},
        {"CONTEXTIDR_EL12", 0xd53dd020},
        // Translation (mmuwire)
        {"TTBR0_EL1", 0xd5382000},
        {"TTBR1_EL1", 0xd5382020},
        {"TCR_EL1", 0xd5382040},
        {"MAIR_EL1", 0xd538a200},
        {"AMAIR_EL1", 0xd538a300},
        {"PAR_EL1", 0xd5387400},
        {"TTBR0_EL2", 0xd53c2000},
        {"TTBR1_EL2", 0xd53c2020},
        {"TCR_EL2", 0xd53c2040},
        {"MAIR_EL2", 0xd53ca200},
        {"AMAIR_EL2", 0xd53ca300},
        {"HPFAR_EL2", 0xd53c6080},
        {"TTBR0_EL3", 0xd53e2000},
        {"TCR_EL3", 0xd53e2040},
        {"MAIR_EL3", 0xd53ea200},
        {"AMAIR_EL3", 0xd53ea300},
        {"TTBR0_EL12", 0xd53d2000},
        {"TTBR1_EL12", 0xd53d2020},
        {"TCR_EL12", 0xd53d2040},
        {"MAIR_EL12", 0xd53da200},
        {"AMAIR_EL12", 0xd53da300},
    };
    const auto fld = [](std::uint32_t w, unsigned hi, unsigned lo) {
        return static_cast<std::uint8_t>((w >> lo) & ((1U << (hi - lo + 1)) - 1));
    };
    for (const auto& k : known) {
        INFO(k.name);
        const SysRegEncoding enc{static_cast<std::uint8_t>(2 + fld(k.mrs_x0, 19, 19)),
                                 fld(k.mrs_x0, 18, 16), fld(k.mrs_x0, 15, 12), fld(k.mrs_x0, 11, 8),
                                 fld(k.mrs_x0, 7, 5)};
        const auto r = sysRegByEncoding(enc);
        REQUIRE(r);
        CHECK(name(*r) == k.name);
        CHECK(sysRegByName(k.name) == r);
    }
    // Every row of the table (not only these) is checked against llvm-mc by the ctest
    // sysreg_llvm_names (tests/arch/sysreg_llvm_names.py).
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
    // E2H=0 layout (ARM-M D24.2.38): TZ[8] as written; RES1 at [13:12] (no SME), [9], [7:0].
    CHECK(f.read(SysReg::CPTR_EL2) == 0x33FF); // TZ; ZEN not visible
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
