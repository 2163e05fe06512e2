#include "svesim/arch/sysreg_file.h"

#include "svesim/arch/config_error.h"

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
    // ID_AA64PFR0_EL1: EL0..EL3 fields (1 = AArch64 only), FP and AdvSIMD 0 (implemented),
    // SVE[35:32] = 1.
    std::uint64_t pfr0 = 0x1 | (0x1 << 4);
    if (features.has_el2) pfr0 |= 0x1 << 8;
    if (features.has_el3) pfr0 |= 0x1 << 12;
    pfr0 |= std::uint64_t{1} << 32;
    values_[index(SysReg::ID_AA64PFR0_EL1)] = pfr0;
    values_[index(SysReg::ID_AA64ZFR0_EL1)] = 0; // SVE only: no SVE2 or extensions
    // ID_AA64MMFR0_EL1: PARange 48 bits, 16-bit ASIDs, SNSMem; 4 KiB, 16 KiB and 64 KiB
    // granules (the translation regimes of docs/mmu.md).
    values_[index(SysReg::ID_AA64MMFR0_EL1)] = 0x5 | (0x2 << 4) | (0x1 << 12) | (0x1 << 20);
    // ID_AA64MMFR1_EL1: VH[11:8] = 1 (FEAT_VHE), PAN[23:20] = 1 (FEAT_PAN).
    values_[index(SysReg::ID_AA64MMFR1_EL1)] = (0x1ULL << 8) | (0x1ULL << 20);
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
