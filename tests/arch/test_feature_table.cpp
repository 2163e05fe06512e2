// The feature table and the ID registers generated from it (issue 11 point 1). Expected
// values are the Arm ARM's field encodings (ARM-M D17.2, ID_AA64*_EL1 field descriptions) for
// the feature set svesim states (ARMv8.2-A + FP16 + SVE), written out here by hand — not read
// back from the table.
#include "svesim/arch/feature_table.h"
#include "svesim/arch/sysreg_file.h"

#include <catch2/catch.hpp>

using namespace svesim;

TEST_CASE("features: every feature the Arm ARM makes mandatory for v8.1/v8.2 is implemented",
          "[features]") {
    // ARM-M A2.3/A2.4: the features mandatory in Armv8.1 and Armv8.2 (AArch64).
    for (const char* f :
         {"FEAT_LSE", "FEAT_RDM", "FEAT_CRC32", "FEAT_PAN", "FEAT_LOR", "FEAT_HPDS", "FEAT_VHE",
          "FEAT_VMID16", "FEAT_PAN2", "FEAT_UAO", "FEAT_DPB", "FEAT_RAS", "FEAT_TTCNP",
          "FEAT_ASMv8p2", "FEAT_Debugv8p2", "FEAT_FP16", "FEAT_SVE"}) {
        INFO(f);
        const auto ft = featureByName(f);
        REQUIRE(ft);
        CHECK(ft->implemented);
    }
    for (const char* f :
         {"FEAT_AES", "FEAT_SHA1", "FEAT_SHA256", "FEAT_SHA512", "FEAT_SHA3", "FEAT_SM3",
          "FEAT_SM4", "FEAT_DotProd", "FEAT_FHM", "FEAT_PAuth", "FEAT_BTI", "FEAT_MTE", "FEAT_SVE2",
          "FEAT_SME", "FEAT_JSCVT", "FEAT_FCMA", "FEAT_LRCPC", "FEAT_PMUv3", "FEAT_SPE"}) {
        INFO(f);
        const auto ft = featureByName(f);
        REQUIRE(ft);
        CHECK_FALSE(ft->implemented);
    }
    CHECK_FALSE(featureByName("FEAT_NOPE"));
}

TEST_CASE("features: the AArch64 ID registers say exactly ARMv8.2-A + FP16 + SVE", "[features]") {
    SysRegFile f;
    f.reset(Features{}, {}, 0);
    // ISAR0: CRC32[19:16] = 1, Atomic[23:20] = 0b0010 (LSE), RDM[31:28] = 1; AES, SHA*, SM*,
    // DP, FHM, TS, TLB, RNDR = 0.
    CHECK(f.read(SysReg::ID_AA64ISAR0_EL1) == 0x1021'0000);
    // ISAR1: DPB[3:0] = 1 (DC CVAP); PAuth, JSCVT, FCMA, LRCPC, ... = 0.
    CHECK(f.read(SysReg::ID_AA64ISAR1_EL1) == 0x1);
    // PFR0: EL0..EL3 = 1 (AArch64 only), FP = AdvSIMD = 1 (with half precision), GIC = 0,
    // RAS[31:28] = 1, SVE[35:32] = 1; SEL2, MPAM, AMU, DIT, CSV2, CSV3 = 0.
    CHECK(f.read(SysReg::ID_AA64PFR0_EL1) == 0x1'1011'1111ULL);
    CHECK(f.read(SysReg::ID_AA64PFR1_EL1) == 0); // BT, SSBS, MTE, SME = 0
    CHECK(f.read(SysReg::ID_AA64ZFR0_EL1) == 0); // SVEver = 0: SVE, no SVE2
    // MMFR0: PARange 0b0101 (48 bits), ASIDBits 0b0010 (16), SNSMem 1, TGran16 1, TGran64 0
    // and TGran4 0 (supported).
    CHECK(f.read(SysReg::ID_AA64MMFR0_EL1) == 0x10'1025);
    // MMFR1: VMIDBits 0b0010 (16), VH 1, HPDS 1, LO 1, PAN 0b0010 (PAN2); HAFDBS, XNX = 0.
    CHECK(f.read(SysReg::ID_AA64MMFR1_EL1) == 0x21'1120);
    // MMFR2: CnP 1, UAO 1; IESB, VARange, NV, AT = 0.
    CHECK(f.read(SysReg::ID_AA64MMFR2_EL1) == 0x11);
    // DFR0: DebugVer 0b1000 (v8.2 debug), PMUVer 0 (no PMU), BRPs 5 (6), WRPs 3 (4),
    // CTX_CMPs 1 (2), PMSVer 0 (no SPE), DoubleLock 0 (implemented).
    CHECK(f.read(SysReg::ID_AA64DFR0_EL1) == 0x1030'5008);
    for (SysReg r : {SysReg::ID_AA64DFR1_EL1, SysReg::ID_AA64AFR0_EL1, SysReg::ID_AA64AFR1_EL1})
        CHECK(f.read(r) == 0);
    // AArch32 is implemented at no EL: its ID registers read as zero.
    for (SysReg r : {SysReg::ID_PFR0_EL1, SysReg::ID_ISAR0_EL1, SysReg::ID_MMFR0_EL1,
                     SysReg::MVFR0_EL1, SysReg::MVFR2_EL1, SysReg::ID_DFR0_EL1})
        CHECK(f.read(r) == 0);
}

TEST_CASE("features: ID_AA64PFR0_EL1 EL2/EL3 fields follow the implemented ELs", "[features]") {
    Features feat;
    feat.has_el2 = false;
    feat.has_el3 = false;
    CHECK(idRegisterValue(IdReg::PFR0, feat) == 0x1'1011'0011ULL);
    // Every absent feature's field keeps its "not implemented" value.
    for (const FeatureInfo& ft : featureTable()) {
        if (ft.implemented || !ft.field) continue;
        INFO(ft.name);
        const std::uint64_t v = idRegisterValue(ft.field->reg, Features{});
        CHECK(field(v, ft.field->lsb + 3U, ft.field->lsb) < ft.field->value);
    }
}

TEST_CASE("cache ID: CTR_EL0, CLIDR_EL1 and CCSIDR_EL1 per CSSELR_EL1 (Cortex-A57 values)",
          "[sysreg]") {
    // Values as QEMU's cortex-a57 reports them (target/arm/cpu64.c): 64-byte lines.
    CHECK(kCtrEl0 == 0x8444C004);
    CHECK(kClidrEl1 == 0x0A200023);
    CHECK(CcsidrFor(0) == 0x701FE00A); // L1 D: 32 KiB, 2-way, 256 sets
    CHECK(CcsidrFor(1) == 0x201FE012); // L1 I: 48 KiB, 3-way
    CHECK(CcsidrFor(2) == 0x70FFE07A); // L2: 2 MiB, 16-way
    CHECK(CcsidrFor(4) == 0);          // level 3: no cache
}
