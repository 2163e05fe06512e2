#include "svesim/arch/sysreg_file.h"

#include "svesim/arch/config_error.h"
#include "svesim/arch/feature_table.h"

#include <sstream>

namespace svesim {

ResetValues ResetValues::parse(const std::string& spec) {
    ResetValues out;
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty()) continue;
        const auto eq = item.find('=');
        if (eq == std::string::npos)
            throw ConfigError("reset value '" + item + "' is not NAME=VALUE");
        const std::string nm = item.substr(0, eq);
        const auto reg = sysRegByName(nm);
        if (!reg) throw ConfigError("reset value names unknown system register '" + nm + "'");
        out.set(*reg, parseUnsigned(item.substr(eq + 1), "reset value of " + nm));
    }
    return out;
}

void ResetValues::set(SysReg r, std::uint64_t value) {
    const auto& info = sysRegInfo(r);
    if (!info.reset_unknown || info.storage != r)
        throw ConfigError("reset value of " + std::string(info.name) +
                          " is architecturally defined and cannot be configured (allowed: "
                          "registers whose reset value is UNKNOWN, e.g. ZCR_EL3, CPTR_EL3)");
    values_[r] = value;
}

void SysRegFile::reset(const Features& features, const ResetValues& overrides,
                       std::uint64_t rvbar) {
    for (const auto& info : sysRegTable()) {
        values_[index(info.id)] = 0;
        if (info.storage == info.id) write(info.id, info.reset);
    }
    for (const auto& [reg, value] : overrides.overrides())
        write(reg, value);

    values_[index(SysReg::MIDR_EL1)] = features.midr;
    values_[index(SysReg::MPIDR_EL1)] = features.mpidr | bit(31);
    values_[index(SysReg::VPIDR_EL2)] = features.midr;
    values_[index(SysReg::VMPIDR_EL2)] = features.mpidr | bit(31);
    // The AArch64 ID registers: from the feature table (arch/src/feature_table.cpp).
    constexpr std::pair<SysReg, IdReg> kIds[] = {
        {SysReg::ID_AA64ISAR0_EL1, IdReg::ISAR0}, {SysReg::ID_AA64ISAR1_EL1, IdReg::ISAR1},
        {SysReg::ID_AA64PFR0_EL1, IdReg::PFR0},   {SysReg::ID_AA64PFR1_EL1, IdReg::PFR1},
        {SysReg::ID_AA64ZFR0_EL1, IdReg::ZFR0},   {SysReg::ID_AA64MMFR0_EL1, IdReg::MMFR0},
        {SysReg::ID_AA64MMFR1_EL1, IdReg::MMFR1}, {SysReg::ID_AA64MMFR2_EL1, IdReg::MMFR2},
        {SysReg::ID_AA64DFR0_EL1, IdReg::DFR0},   {SysReg::ID_AA64DFR1_EL1, IdReg::DFR1},
        {SysReg::ID_AA64AFR0_EL1, IdReg::AFR0},   {SysReg::ID_AA64AFR1_EL1, IdReg::AFR1}};
    for (const auto& [reg, id] : kIds)
        values_[index(reg)] = idRegisterValue(id, features);
    values_[index(SysReg::CTR_EL0)] = kCtrEl0;
    values_[index(SysReg::CLIDR_EL1)] = kClidrEl1;
    // DBGAUTHSTATUS_EL1: Non-secure invasive and non-invasive debug implemented and enabled
    // (NSID, NSNID = 0b11); the Secure fields likewise when EL3 (Secure state) exists.
    values_[index(SysReg::DBGAUTHSTATUS_EL1)] = features.has_el3 ? 0xFF : 0x0F;
    const SysReg rvbar_reg = features.highestEL() == EL::EL3   ? SysReg::RVBAR_EL3
                             : features.highestEL() == EL::EL2 ? SysReg::RVBAR_EL2
                                                               : SysReg::RVBAR_EL1;
    values_[index(rvbar_reg)] = rvbar;
}

std::uint64_t SysRegFile::read(SysReg r) const {
    const auto& st = sysRegInfo(sysRegInfo(r).storage);
    std::uint64_t v = (values_[index(st.id)] & ~st.res0 & ~st.raz_wi) | st.res1;
    if (st.id == SysReg::CPTR_EL2) {
        if (!bitSet(raw(SysReg::HCR_EL2), hcr::E2H)) // E2H=0: TCPAC, TTA[20], TFP, TZ + RES1
            v = (v & (bit(31) | bit(20) | bit(10) | bit(8))) | cptr::kEl2Res1E2H0;
        else // E2H=1: TCPAC, TTA[28], FPEN[21:20], ZEN[17:16]
            v &= bit(31) | bit(28) | (0x3ULL << 20) | (0x3ULL << 16);
    }
    return v;
}

void SysRegFile::write(SysReg r, std::uint64_t value) {
    const auto& st = sysRegInfo(sysRegInfo(r).storage);
    values_[index(st.id)] = (value & ~st.res0 & ~st.raz_wi) | st.res1;
}

} // namespace svesim

namespace svesim {

std::uint64_t CcsidrFor(std::uint64_t csselr) {
    switch (csselr & 0xF) {
    case 0x0: return kCcsidrL1D; // Level 1, data or unified
    case 0x1: return kCcsidrL1I; // Level 1, instruction
    case 0x2: return kCcsidrL2;  // Level 2, unified
    default: return 0; // no such cache: the Arm ARM leaves CCSIDR_EL1 UNKNOWN; svesim reads 0
    }
}

} // namespace svesim
