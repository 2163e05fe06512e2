// The system-register table (ARM-M D24.2): the row groups of arch/src/sysreg_rows/, placed in
// SysReg order at compile time. A group is one file; a missing or doubled row does not compile.
#include "sysreg_rows/core_rows.h"
#include "sysreg_rows/debug_rows.h"
#include "sysreg_rows/gic_rows.h"
#include "sysreg_rows/id_rows.h"
#include "sysreg_rows/ras_lor_rows.h"
#include "sysreg_rows/timer_rows.h"
#include "sysreg_rows/translation_rows.h"

#include <algorithm>
#include <cctype>

namespace svesim {
namespace {

using Table = std::array<SysRegInfo, kSysRegCount>;

// Places every row of every group at its SysReg index; a constant-evaluation failure (the
// throw) names a doubled or missing row at compile time.
template <std::size_t... N>
constexpr Table assemble(const std::array<SysRegInfo, N>&... groups) {
    Table t{};
    std::array<bool, kSysRegCount> filled{};
    const auto place = [&](const auto& group) {
        for (const SysRegInfo& row : group) {
            const auto i = static_cast<std::size_t>(row.id);
            if (filled[i]) throw "a SysReg has two rows";
            t[i] = row;
            filled[i] = true;
        }
    };
    (place(groups), ...);
    for (const bool f : filled)
        if (!f) throw "a SysReg has no row";
    return t;
}

constexpr Table kTable = assemble(
    sysreg_rows::kCoreRows, sysreg_rows::kIdRows, sysreg_rows::kDebugRows, sysreg_rows::kRasLorRows,
    sysreg_rows::kTranslationRows, sysreg_rows::kTimerRows, sysreg_rows::kGicRows);

constexpr bool directionsOverlap(const SysRegInfo& a, const SysRegInfo& b) {
    return !((a.rw == SysRegRw::ReadOnly && b.rw == SysRegRw::WriteOnly) ||
             (a.rw == SysRegRw::WriteOnly && b.rw == SysRegRw::ReadOnly));
}
constexpr bool encodingsUnique() {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        for (std::size_t j = i + 1; j < kTable.size(); ++j)
            if (kTable[i].enc == kTable[j].enc && directionsOverlap(kTable[i], kTable[j]))
                return false;
    return true;
}
static_assert(encodingsUnique(), "two registers share an encoding in the same direction");

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) ==
                      std::toupper(static_cast<unsigned char>(y));
           });
}

bool allows(const SysRegInfo& info, SysRegDirection dir) {
    return dir == SysRegDirection::Read ? info.rw != SysRegRw::WriteOnly
                                        : info.rw != SysRegRw::ReadOnly;
}

} // namespace

std::span<const SysRegInfo> sysRegTable() {
    return kTable;
}

const SysRegInfo& sysRegInfo(SysReg r) {
    return kTable[static_cast<std::size_t>(r)];
}

std::optional<SysReg> sysRegByEncoding(SysRegEncoding enc) {
    for (const auto& info : kTable)
        if (info.enc == enc) return info.id;
    return std::nullopt;
}

std::optional<SysReg> sysRegByEncoding(SysRegEncoding enc, SysRegDirection dir) {
    std::optional<SysReg> any;
    for (const auto& info : kTable) {
        if (!(info.enc == enc)) continue;
        if (allows(info, dir)) return info.id;
        if (!any) any = info.id;
    }
    return any; // only a row of the other direction: the caller makes the access UNDEFINED
}

bool isReservedIdEncoding(SysRegEncoding enc) {
    return enc.op0 == 3 && enc.op1 == 0 && enc.crn == 0 && enc.crm >= 1 && enc.crm <= 7 &&
           !sysRegByEncoding(enc);
}

std::optional<SysReg> sysRegByName(std::string_view nm) {
    for (const auto& info : kTable)
        if (equalsIgnoreCase(info.name, nm)) return info.id;
    return std::nullopt;
}

} // namespace svesim
