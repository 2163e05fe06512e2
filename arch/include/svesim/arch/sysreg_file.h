// Storage for the system registers of one PE, with the table's masks applied on every write.
#pragma once

#include "svesim/arch/features.h"
#include "svesim/arch/sysreg.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace svesim {

// Values for the registers whose reset value is architecturally UNKNOWN (R22), by name.
// Parsed from "NAME=VALUE[,NAME=VALUE...]"; only reset-UNKNOWN registers may be named.
class ResetValues {
public:
    ResetValues() = default;
    static ResetValues parse(const std::string& spec); // throws ConfigError
    void set(SysReg r, std::uint64_t value);
    [[nodiscard]] const std::map<SysReg, std::uint64_t>& overrides() const { return values_; }

private:
    std::map<SysReg, std::uint64_t> values_;
};

// Cache identification (ARM-M D24.2 CTR_EL0, CLIDR_EL1, CCSIDR_EL1), the hierarchy of a
// Cortex-A57-like core (the values QEMU's cortex-a57 reports): 64-byte lines; L1 instruction
// cache 48 KiB 3-way PIPT, L1 data cache 32 KiB 2-way, unified L2 2 MiB 16-way.
// CTR_EL0: RES1[31], CWG = ERG = DminLine = IminLine = 4 words^2 (64 bytes), L1Ip = PIPT.
inline constexpr std::uint64_t kCtrEl0 = 0x8444'C004;
// CLIDR_EL1: Ctype1 = separate I and D, Ctype2 = unified, LoUIS = 1, LoC = 2, LoUU = 1.
inline constexpr std::uint64_t kClidrEl1 = 0x0A20'0023;
// CCSIDR_EL1 for CSSELR_EL1 = {Level, InD}: L1 D, L1 I, L2; other selections read as 0.
inline constexpr std::uint64_t kCcsidrL1D = 0x701F'E00A, kCcsidrL1I = 0x201F'E012,
                               kCcsidrL2 = 0x70FF'E07A;
std::uint64_t CcsidrFor(std::uint64_t csselr);

class SysRegFile {
public:
    SysRegFile() = default;
    // Loads every register's reset value: the table's default, then `overrides`; identification
    // registers come from `features` (and `rvbar` for the highest EL's RVBAR).
    void reset(const Features& features, const ResetValues& overrides, std::uint64_t rvbar);

    // The stored value of a register (after write masks). For CPTR_EL2 this holds the fields of
    // both layouts; use read() for the architectural view.
    [[nodiscard]] std::uint64_t raw(SysReg r) const { return values_[index(r)]; }
    // The value a direct read of `r` returns: RES1 bits set, RAZ bits clear; CPTR_EL2 in the
    // layout selected by HCR_EL2.E2H.
    [[nodiscard]] std::uint64_t read(SysReg r) const;
    // Stores `value` with RES0 and RAZ/WI bits dropped and RES1 bits set.
    void write(SysReg r, std::uint64_t value);
    // Direct storage of a register without masks (SP_ELx, ELR_ELx: hot paths of the core).
    [[nodiscard]] std::uint64_t& slot(SysReg r) { return values_[index(r)]; }

private:
    static std::size_t index(SysReg r) { return static_cast<std::size_t>(r); }
    std::array<std::uint64_t, kSysRegCount> values_{};
};

} // namespace svesim
