// The feature set svesim implements, stated once (issue 11 point 1): every FEAT_* the Arm ARM
// makes mandatory for ARMv8.2-A, plus FEAT_FP16 and FEAT_SVE, and the optional features svesim
// does not implement, each with the AArch64 ID-register field that advertises it. The ID
// registers (SysRegFile::reset), docs/isa.md (`svesim features`) and the absent-feature decode
// test (tests/decode/run_absent_features.py) all read this table.
#pragma once

#include "svesim/arch/features.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace svesim {

// The AArch64 ID registers whose fields describe features (ARM-M D17.2).
enum class IdReg : std::uint8_t {
    ISAR0, // ID_AA64ISAR0_EL1
    ISAR1, // ID_AA64ISAR1_EL1
    PFR0,  // ID_AA64PFR0_EL1
    PFR1,  // ID_AA64PFR1_EL1
    ZFR0,  // ID_AA64ZFR0_EL1
    MMFR0, // ID_AA64MMFR0_EL1
    MMFR1, // ID_AA64MMFR1_EL1
    MMFR2, // ID_AA64MMFR2_EL1
    DFR0,  // ID_AA64DFR0_EL1
    DFR1,  // ID_AA64DFR1_EL1
    AFR0,  // ID_AA64AFR0_EL1
    AFR1,  // ID_AA64AFR1_EL1
    Count
};
inline constexpr std::size_t kIdRegCount = static_cast<std::size_t>(IdReg::Count);
std::string_view name(IdReg r);

// A 4-bit ID-register field [lsb+3:lsb] and the value it holds when the feature is present.
struct IdField {
    IdReg reg;
    std::uint8_t lsb;
    std::uint8_t value;
};

struct FeatureInfo {
    std::string_view name;  // the Arm ARM's FEAT_ name
    std::string_view since; // "v8.0", "v8.1 mandatory", "v8.2 optional", ...
    bool implemented;
    std::optional<IdField> field;  // the field that advertises it (none: no ID field)
    std::optional<IdField> field2; // a second field (FEAT_FP16: FP and AdvSIMD)
    // The llvm-mc -mattr that enables the feature's instructions outside the system-register
    // space ("" when it adds none): the absent-feature decode test draws its words with it.
    std::string_view llvm_mattr;
    std::string_view tested_by; // how svesim tests it (docs/isa.md)
};

std::span<const FeatureInfo> featureTable();
std::optional<FeatureInfo> featureByName(std::string_view name);

// ID-register fields that are implementation parameters rather than features (breakpoint
// counts, address sizes, the Exception levels), with their value and the reason.
struct IdParameter {
    std::string_view name;
    IdField field;
    std::string_view why;
};
std::span<const IdParameter> idParameters();

// The value of an AArch64 ID register: the fields of every implemented feature (the highest
// value where several features share a field) and the parameters; the EL2/EL3 fields of
// ID_AA64PFR0_EL1 follow `f`.
std::uint64_t idRegisterValue(IdReg r, const Features& f);

} // namespace svesim
