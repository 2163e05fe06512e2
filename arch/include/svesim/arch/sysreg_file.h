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
