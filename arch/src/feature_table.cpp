// The feature table (ARM-M A2 "Architectural features"; ID-register field positions and values
// from ARM-M D17.2 ID_AA64*_EL1). One row per feature; a feature svesim does not implement
// keeps the field's "not implemented" value (0 for every field listed here).
#include "svesim/arch/feature_table.h"

#include <array>

namespace svesim {
namespace {

using I = IdReg;
constexpr IdField f(I r, std::uint8_t lsb, std::uint8_t v) {
    return IdField{r, lsb, v};
}
constexpr std::optional<IdField> kNoField = std::nullopt;

// Test descriptions used by many rows.
constexpr std::string_view kDecodeDiff =
    "decode_diff_llvm (every llvm-mc-valid word decodes and disassembles the same) and the "
    "word-drawn differential against qemu-aarch64 (tests/diff)";
constexpr std::string_view kAbsent =
    "absent: decode_absent_features (words llvm-mc accepts only with this -mattr are "
    "UNDEFINED) and the ID field reads 0 (test_feature_table)";
constexpr std::string_view kAbsentNoInsns =
    "absent: no instructions outside the system-register space; the ID field reads 0 "
    "(test_feature_table) and its registers are UNDEFINED (sysreg_llvm_names)";

// clang-format off
constexpr std::array kFeatures{
    // ---- Armv8.0 base
    FeatureInfo{"FEAT_FP", "v8.0", true, f(I::PFR0, 16, 0), kNoField, "", kDecodeDiff},
    FeatureInfo{"FEAT_AdvSIMD", "v8.0", true, f(I::PFR0, 20, 0), kNoField, "", kDecodeDiff},
    FeatureInfo{"FEAT_DoubleLock", "v8.0 (optional from v8.2)", true, f(I::DFR0, 36, 0), kNoField, "",
                "OSDLR_EL1 stored with its traps (tests/exceptions/test_sysreg_traps.cpp)"},
    FeatureInfo{"FEAT_PMUv3", "v8.0 optional", false, f(I::DFR0, 8, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_AES", "v8.0 optional (crypto)", false, f(I::ISAR0, 4, 1), kNoField, "+aes", kAbsent},
    FeatureInfo{"FEAT_PMULL", "v8.0 optional (crypto)", false, f(I::ISAR0, 4, 2), kNoField, "+aes", kAbsent},
    FeatureInfo{"FEAT_SHA1", "v8.0 optional (crypto)", false, f(I::ISAR0, 8, 1), kNoField, "+sha2", kAbsent},
    FeatureInfo{"FEAT_SHA256", "v8.0 optional (crypto)", false, f(I::ISAR0, 12, 1), kNoField, "+sha2", kAbsent},
    // ---- Armv8.1 (all mandatory in v8.2 except HAFDBS and PMUv3p1)
    FeatureInfo{"FEAT_CRC32", "v8.1 mandatory", true, f(I::ISAR0, 16, 1), kNoField, "+crc",
                "tests/isa/test_crc32.cpp (values from the CRC definition) and decode_diff_llvm"},
    FeatureInfo{"FEAT_LSE", "v8.1 mandatory", true, f(I::ISAR0, 20, 2), kNoField, "+lse",
                "tests/isa/test_lse_atomics.cpp and decode_diff_llvm"},
    FeatureInfo{"FEAT_RDM", "v8.1 mandatory", true, f(I::ISAR0, 28, 1), kNoField, "+rdm",
                "decode_diff_llvm and the QEMU differential (w_simd)"},
    FeatureInfo{"FEAT_LOR", "v8.1 mandatory", true, f(I::MMFR1, 16, 1), kNoField, "+lor",
                "tests/isa/test_ldst_lor_pairs_unpriv.cpp (LDLAR/STLLR); LOR registers and "
                "HCR_EL2/SCR_EL3.TLOR traps in tests/exceptions/test_sysreg_traps.cpp"},
    FeatureInfo{"FEAT_PAN", "v8.1 mandatory", true, f(I::MMFR1, 20, 1), kNoField, "+pan",
                "MSR PAN and SPAN (tests/exceptions), PAN checks in tests/mmu"},
    FeatureInfo{"FEAT_HPDS", "v8.1 mandatory", true, f(I::MMFR1, 12, 1), kNoField, "",
                "tests/mmu (TCR.HPD)"},
    FeatureInfo{"FEAT_VHE", "v8.1 mandatory", true, f(I::MMFR1, 8, 1), kNoField, "+vh",
                "register redirection and _EL12 aliases (tests/exceptions/test_sysreg_access.cpp, "
                "test_sysreg_traps.cpp), tests/arch/programs on QEMU"},
    FeatureInfo{"FEAT_VMID16", "v8.1 mandatory", true, f(I::MMFR1, 4, 2), kNoField, "",
                "tests/mmu (16-bit VMID in the TLB)"},
    FeatureInfo{"FEAT_HAFDBS", "v8.1 optional", false, f(I::MMFR1, 0, 1), kNoField, "", kAbsentNoInsns},
    // ---- Armv8.2
    FeatureInfo{"FEAT_PAN2", "v8.2 mandatory", true, f(I::MMFR1, 20, 2), kNoField, "+pan-rwv",
                "AT S1E1RP/WP (mmu/, tests/mmu)"},
    FeatureInfo{"FEAT_UAO", "v8.2 mandatory", true, f(I::MMFR2, 4, 1), kNoField, "+uaops",
                "MSR UAO (decode_diff_llvm), LDTR/STTR with UAO in tests/mmu"},
    FeatureInfo{"FEAT_DPB", "v8.2 mandatory", true, f(I::ISAR1, 0, 1), kNoField, "+ccpp",
                "DC CVAP (SYS space; decode_diff_llvm lists SYS separately)"},
    FeatureInfo{"FEAT_RAS", "v8.2 mandatory", true, f(I::PFR0, 28, 1), kNoField, "+ras",
                "ESB (decode_diff_llvm); ERRIDR_EL1 = 0 records, DISR/VDISR/VSESR and the "
                "HCR_EL2/SCR_EL3.TERR traps (tests/exceptions/test_sysreg_traps.cpp)"},
    FeatureInfo{"FEAT_TTCNP", "v8.2 mandatory", true, f(I::MMFR2, 0, 1), kNoField, "",
                "TTBR.CnP accepted (single PE: no effect), tests/mmu"},
    FeatureInfo{"FEAT_Debugv8p2", "v8.2 mandatory", true, f(I::DFR0, 0, 8), kNoField, "",
                "debug registers stored with their MDCR_EL2/EL3 traps "
                "(tests/exceptions/test_sysreg_traps.cpp)"},
    FeatureInfo{"FEAT_ASMv8p2", "v8.2 mandatory", true, kNoField, kNoField, "",
                "no ID field: its additions are to the A32/T32 instruction sets, which svesim "
                "does not implement (AArch64 only)"},
    FeatureInfo{"FEAT_FP16", "v8.2 optional", true, f(I::PFR0, 16, 1), f(I::PFR0, 20, 1), "+fullfp16",
                "tests/isa FP suites (QEMU-recorded cases) and decode_diff_llvm"},
    FeatureInfo{"FEAT_SVE", "v8.2 optional", true, f(I::PFR0, 32, 1), kNoField, "+sve",
                "tests/isa SVE suites, the QEMU differential (w_sve), tests/arch/programs"},
    FeatureInfo{"FEAT_IESB", "v8.2 optional", false, f(I::MMFR2, 12, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_LPA", "v8.2 optional", false, f(I::MMFR0, 0, 6), kNoField, "", "absent: PARange = 48 bits"},
    FeatureInfo{"FEAT_LVA", "v8.2 optional", false, f(I::MMFR2, 16, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_HPDS2", "v8.2 optional", false, f(I::MMFR1, 12, 2), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_XNX", "v8.2 optional", false, f(I::MMFR1, 28, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_SPE", "v8.2 optional", false, f(I::DFR0, 32, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_DotProd", "v8.2 optional", false, f(I::ISAR0, 44, 1), kNoField, "+dotprod", kAbsent},
    FeatureInfo{"FEAT_FHM", "v8.2 optional", false, f(I::ISAR0, 48, 1), kNoField, "+fp16fml", kAbsent},
    FeatureInfo{"FEAT_SHA512", "v8.2 optional (crypto)", false, f(I::ISAR0, 12, 2), kNoField, "+sha3", kAbsent},
    FeatureInfo{"FEAT_SHA3", "v8.2 optional (crypto)", false, f(I::ISAR0, 32, 1), kNoField, "+sha3", kAbsent},
    FeatureInfo{"FEAT_SM3", "v8.2 optional (crypto)", false, f(I::ISAR0, 36, 1), kNoField, "+sm4", kAbsent},
    FeatureInfo{"FEAT_SM4", "v8.2 optional (crypto)", false, f(I::ISAR0, 40, 1), kNoField, "+sm4", kAbsent},
    // ---- Later architecture versions (absent)
    FeatureInfo{"FEAT_PAuth", "v8.3", false, f(I::ISAR1, 4, 1), f(I::ISAR1, 8, 1), "+pauth",
                "absent: decode_absent_features; HCR_EL2.APK/API and SCR_EL3.APK/API are RES0 "
                "(no trap); the hint-space PAC instructions execute as NOP"},
    FeatureInfo{"FEAT_JSCVT", "v8.3", false, f(I::ISAR1, 12, 1), kNoField, "+jsconv", kAbsent},
    FeatureInfo{"FEAT_FCMA", "v8.3", false, f(I::ISAR1, 16, 1), kNoField, "+complxnum",
                "absent for Advanced SIMD (decode_absent_features); SVE's FCMLA/FCADD are part "
                "of FEAT_SVE and implemented"},
    FeatureInfo{"FEAT_LRCPC", "v8.3", false, f(I::ISAR1, 20, 1), kNoField, "+rcpc", kAbsent},
    FeatureInfo{"FEAT_LRCPC2", "v8.4", false, f(I::ISAR1, 20, 2), kNoField, "+rcpc-immo", kAbsent},
    FeatureInfo{"FEAT_NV", "v8.3", false, f(I::MMFR2, 24, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_FlagM", "v8.4", false, f(I::ISAR0, 52, 1), kNoField, "+flagm", kAbsent},
    FeatureInfo{"FEAT_FlagM2", "v8.5", false, f(I::ISAR0, 52, 2), kNoField, "+altnzcv", kAbsent},
    FeatureInfo{"FEAT_DIT", "v8.4", false, f(I::PFR0, 48, 1), kNoField, "+dit", kAbsent},
    FeatureInfo{"FEAT_LSE2", "v8.4", false, f(I::MMFR2, 32, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_TLBIOS", "v8.4", false, f(I::ISAR0, 56, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_SEL2", "v8.4", false, f(I::PFR0, 36, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_MPAM", "v8.4", false, f(I::PFR0, 40, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_AMUv1", "v8.4", false, f(I::PFR0, 44, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_TTST", "v8.4", false, f(I::MMFR2, 28, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_SB", "v8.5", false, f(I::ISAR1, 36, 1), kNoField, "+sb", kAbsent},
    FeatureInfo{"FEAT_SSBS", "v8.5", false, f(I::PFR1, 4, 1), kNoField, "+ssbs", kAbsent},
    FeatureInfo{"FEAT_SPECRES", "v8.5", false, f(I::ISAR1, 40, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_RNG", "v8.5", false, f(I::ISAR0, 60, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_FRINTTS", "v8.5", false, f(I::ISAR1, 32, 1), kNoField, "+fptoint", kAbsent},
    FeatureInfo{"FEAT_DPB2", "v8.5", false, f(I::ISAR1, 0, 2), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_BTI", "v8.5", false, f(I::PFR1, 0, 1), kNoField, "",
                "absent: the BTI hints execute as NOP (hint space); the ID field reads 0"},
    FeatureInfo{"FEAT_MTE", "v8.5", false, f(I::PFR1, 8, 1), kNoField, "+mte", kAbsent},
    FeatureInfo{"FEAT_CSV2", "v8.5", false, f(I::PFR0, 56, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_CSV3", "v8.5", false, f(I::PFR0, 60, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_E0PD", "v8.5", false, f(I::MMFR2, 60, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_TME", "v9.0 optional", false, f(I::ISAR0, 24, 1), kNoField, "+tme", kAbsent},
    FeatureInfo{"FEAT_BF16", "v8.6", false, f(I::ISAR1, 44, 1), kNoField, "+bf16", kAbsent},
    FeatureInfo{"FEAT_I8MM", "v8.6", false, f(I::ISAR1, 52, 1), kNoField, "+i8mm", kAbsent},
    FeatureInfo{"FEAT_ECV", "v8.6", false, f(I::MMFR0, 60, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_FGT", "v8.6", false, f(I::MMFR0, 56, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_F32MM", "v8.6 (SVE)", false, f(I::ZFR0, 52, 1), kNoField, "+f32mm", kAbsent},
    FeatureInfo{"FEAT_F64MM", "v8.6 (SVE)", false, f(I::ZFR0, 56, 1), kNoField, "+f64mm", kAbsent},
    FeatureInfo{"FEAT_XS", "v8.7", false, f(I::ISAR1, 56, 1), kNoField, "", kAbsentNoInsns},
    FeatureInfo{"FEAT_LS64", "v8.7", false, f(I::ISAR1, 60, 1), kNoField, "+ls64", kAbsent},
    FeatureInfo{"FEAT_SVE2", "v9.0", false, f(I::ZFR0, 0, 1), kNoField, "+sve2", kAbsent},
    FeatureInfo{"FEAT_SVE_AES", "v9.0", false, f(I::ZFR0, 4, 1), kNoField, "+sve2-aes", kAbsent},
    FeatureInfo{"FEAT_SVE_BitPerm", "v9.0", false, f(I::ZFR0, 16, 1), kNoField, "+sve2-bitperm", kAbsent},
    FeatureInfo{"FEAT_SVE_SHA3", "v9.0", false, f(I::ZFR0, 32, 1), kNoField, "+sve2-sha3", kAbsent},
    FeatureInfo{"FEAT_SVE_SM4", "v9.0", false, f(I::ZFR0, 40, 1), kNoField, "+sve2-sm4", kAbsent},
    FeatureInfo{"FEAT_SME", "v9.2", false, f(I::PFR1, 24, 1), kNoField, "+sme", kAbsent},
};

// Parameters: values chosen for svesim, each allowed by the Arm ARM for this feature set.
constexpr std::array kParameters{
    IdParameter{"EL0", f(I::PFR0, 0, 1), "AArch64 only"},
    IdParameter{"EL1", f(I::PFR0, 4, 1), "AArch64 only"},
    IdParameter{"GIC", f(I::PFR0, 24, 0),
                "0 without a GIC; 1 (GICv3 system registers) on platforms that attach one "
                "(`svesim boot`, `svesim run --gic`)"},
    IdParameter{"PARange", f(I::MMFR0, 0, 5), "48-bit physical addresses (docs/mmu.md)"},
    IdParameter{"ASIDBits", f(I::MMFR0, 4, 2), "16-bit ASIDs"},
    IdParameter{"BigEnd", f(I::MMFR0, 8, 0), "little-endian only (SCTLR.EE/E0E RES0)"},
    IdParameter{"SNSMem", f(I::MMFR0, 12, 1), "Secure and Non-secure memory distinguished"},
    IdParameter{"TGran16", f(I::MMFR0, 20, 1), "16 KiB granule supported"},
    IdParameter{"TGran64", f(I::MMFR0, 24, 0), "64 KiB granule supported"},
    IdParameter{"TGran4", f(I::MMFR0, 28, 0), "4 KiB granule supported"},
    IdParameter{"BRPs", f(I::DFR0, 12, 5), "6 breakpoints (DBGBVR/DBGBCR<0-5>_EL1, stored; "
                                            "breakpoint exceptions are not generated)"},
    IdParameter{"WRPs", f(I::DFR0, 20, 3), "4 watchpoints (DBGWVR/DBGWCR<0-3>_EL1, stored; "
                                            "watchpoint exceptions are not generated)"},
    IdParameter{"CTX_CMPs", f(I::DFR0, 28, 1), "2 context-aware breakpoints (4 and 5)"},
};
// clang-format on

} // namespace

std::string_view name(IdReg r) {
    static constexpr std::array<std::string_view, kIdRegCount> kNames{
        "ID_AA64ISAR0_EL1", "ID_AA64ISAR1_EL1", "ID_AA64PFR0_EL1",  "ID_AA64PFR1_EL1",
        "ID_AA64ZFR0_EL1",  "ID_AA64MMFR0_EL1", "ID_AA64MMFR1_EL1", "ID_AA64MMFR2_EL1",
        "ID_AA64DFR0_EL1",  "ID_AA64DFR1_EL1",  "ID_AA64AFR0_EL1",  "ID_AA64AFR1_EL1"};
    return kNames[static_cast<std::size_t>(r)];
}

std::span<const FeatureInfo> featureTable() {
    return kFeatures;
}

std::optional<FeatureInfo> featureByName(std::string_view nm) {
    for (const auto& ft : kFeatures)
        if (ft.name == nm) return ft;
    return std::nullopt;
}

std::span<const IdParameter> idParameters() {
    return kParameters;
}

std::uint64_t idRegisterValue(IdReg r, const Features& features) {
    std::uint64_t v = 0;
    const auto apply = [&](const IdField& fld) {
        if (fld.reg != r) return;
        const unsigned hi = fld.lsb + 3U;
        if (field(v, hi, fld.lsb) < fld.value) v = withField(v, hi, fld.lsb, fld.value);
    };
    for (const auto& ft : kFeatures) {
        if (!ft.implemented) continue;
        if (ft.field) apply(*ft.field);
        if (ft.field2) apply(*ft.field2);
    }
    for (const auto& p : kParameters)
        apply(p.field);
    if (r == IdReg::PFR0) { // EL2, EL3: 1 = AArch64 only, 0 = not implemented
        if (features.has_el2) v = withField(v, 11, 8, 1);
        if (features.has_el3) v = withField(v, 15, 12, 1);
        if (features.gic_system_registers) v = withField(v, 27, 24, 1);
    }
    return v;
}

} // namespace svesim
