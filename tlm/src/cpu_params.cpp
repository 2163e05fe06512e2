#include "svesim/tlm/cpu_params.h"

#include "svesim/arch/config_error.h"
#include "svesim/model/ini_file.h"
#include "svesim/tlm/cpu.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/core.h>

namespace svesim::tlm {
namespace {

constexpr std::array kParameters{
    CpuParameter{"max_vl", "128|256|512|1024|2048", "2048",
                 "largest implemented vector length in bits", true},
    CpuParameter{"vl_set", "pow2|any", "pow2",
                 "implemented VLs: powers of two (Arm ARM) or every multiple of 128 (QEMU, gem5)",
                 true},
    CpuParameter{"policy", "preserve|zero|qemu|random:SEED", "preserve",
                 "answer to ConstrainUnpredictableBool(Unpredictable_SVEZEROUPPER)", true},
    CpuParameter{"has_el2", "bool", "true", "EL2 is implemented", true},
    CpuParameter{"has_el3", "bool", "true", "EL3 is implemented", true},
    CpuParameter{"reset", "REG=VALUE[,REG=VALUE...]", "",
                 "values for the registers whose reset value is UNKNOWN (e.g. ZCR_EL3=15)", true},
    CpuParameter{"rvbar", "address, 4-byte aligned", "0x0",
                 "reset vector (RVBAR of the highest EL); `svesim run` uses the ELF entry", false},
    CpuParameter{"mpidr", "Aff3:Aff2:Aff1:Aff0 as a 64-bit value", "0x80000000",
                 "MPIDR_EL1 (bit 31 is RES1 and always set; bits [63:40] and [29:25] RES0)", false},
    CpuParameter{"quantum", "time: N[ps|ns|us|ms|s] (bare N: ns)", "1us",
                 "this Cpu's temporal-decoupling quantum (at most the tlm_global_quantum, if set)",
                 false},
    CpuParameter{"timing", "neoverse-v1 | FILE", "neoverse-v1",
                 "instruction-class costs: the built-in table or an INI file (docs/timing.md)",
                 false},
    CpuParameter{"engine", "fast|general", "fast",
                 "fast: forms specialised at decode run back to back when nothing observes single "
                 "instructions (docs/performance.md); general: every instruction on the general "
                 "path. Results, counts and cycles are the same",
                 false},
    CpuParameter{"gdb_port", "0..65535", "0",
                 "TCP port of the GDB remote stub; the run waits for the debugger (0: no stub)",
                 false},
};

[[noreturn]] void bad(std::string_view name, const std::string& value, std::string_view allowed) {
    throw ConfigError(
        fmt::format("parameter {}: '{}' is not valid (allowed: {})", name, value, allowed));
}

std::uint64_t number(std::string_view name, const std::string& value, std::string_view allowed) {
    try {
        return parseUnsigned(value, std::string(name));
    } catch (const ConfigError&) {
        bad(name, value, allowed);
    }
}

sc_core::sc_time parseQuantum(const std::string& value) {
    constexpr std::string_view allowed = "1 ps to 1 s, e.g. 500ns, 1us, 2000 (ns)";
    std::size_t digits = 0;
    while (digits < value.size() && value[digits] >= '0' && value[digits] <= '9')
        ++digits;
    if (digits == 0) bad("quantum", value, allowed);
    const std::string unit = value.substr(digits);
    const std::uint64_t n = number("quantum", value.substr(0, digits), allowed);
    double ps_per_unit = 0;
    if (unit.empty() || unit == "ns")
        ps_per_unit = 1e3;
    else if (unit == "ps")
        ps_per_unit = 1;
    else if (unit == "us")
        ps_per_unit = 1e6;
    else if (unit == "ms")
        ps_per_unit = 1e9;
    else
        bad("quantum", value, allowed);
    const double ps = static_cast<double>(n) * ps_per_unit;
    if (ps < 1 || ps > 1e12) bad("quantum", value, allowed);
    const sc_core::sc_time t(ps, sc_core::SC_PS);
    // Below SystemC's time resolution a quantum would be zero.
    if (t == sc_core::SC_ZERO_TIME) bad("quantum", value, "at least the SystemC time resolution");
    return t;
}

std::string formatQuantum(const sc_core::sc_time& t) {
    const auto ps =
        static_cast<std::uint64_t>(std::llround(t / sc_core::sc_time(1, sc_core::SC_PS)));
    for (const auto& [unit, scale] :
         {std::pair{"ms", 1'000'000'000ULL}, {"us", 1'000'000ULL}, {"ns", 1'000ULL}})
        if (ps % scale == 0) return fmt::format("{}{}", ps / scale, unit);
    return fmt::format("{}ps", ps);
}

} // namespace

std::span<const CpuParameter> cpuParameters() {
    return kParameters;
}

const CpuParameter* findCpuParameter(std::string_view name) {
    const auto it = std::find_if(kParameters.begin(), kParameters.end(),
                                 [&](const CpuParameter& p) { return p.name == name; });
    return it == kParameters.end() ? nullptr : &*it;
}

namespace {

void setOne(CpuConfig& cfg, std::string_view name, const std::string& value);

} // namespace

void setCpuParameter(CpuConfig& cfg, std::string_view name, const std::string& value) {
    if (findCpuParameter(name) == nullptr) {
        std::string known;
        for (const CpuParameter& p : kParameters)
            known += (known.empty() ? "" : ", ") + std::string(p.name);
        throw ConfigError(fmt::format("unknown parameter '{}' (known: {})", name, known));
    }
    try {
        setOne(cfg, name, value);
    } catch (const ConfigError& e) {
        // Every message names the parameter (the layers' own parsers name only the value).
        const std::string what = e.what();
        if (what.rfind("parameter ", 0) == 0) throw;
        throw ConfigError(fmt::format("parameter {}: {}", name, what));
    }
}

namespace {

void setOne(CpuConfig& cfg, std::string_view name, const std::string& value) {
    ArchConfig& arch = cfg.processor.arch;
    if (name == "max_vl") {
        arch.sve = SveConfig::parse(value, std::string(svesim::name(arch.sve.vl_set)));
    } else if (name == "vl_set") {
        arch.sve = SveConfig::parse(std::to_string(arch.sve.max_vl.bits()), value);
    } else if (name == "policy") {
        arch.policy = ZeroUpperPolicy::parse(value);
    } else if (name == "has_el2") {
        arch.features.has_el2 = parseBool(value, "parameter has_el2");
    } else if (name == "has_el3") {
        arch.features.has_el3 = parseBool(value, "parameter has_el3");
    } else if (name == "reset") {
        arch.reset_values = ResetValues::parse(value);
    } else if (name == "rvbar") {
        const std::uint64_t v = number(name, value, "a 4-byte aligned address");
        if ((v & 3) != 0) bad(name, value, "a 4-byte aligned address (RVBAR_ELx[1:0] are RES0)");
        arch.rvbar = v;
    } else if (name == "mpidr") {
        constexpr std::string_view allowed = "a value with bits [63:40] and [29:25] clear";
        const std::uint64_t v = number(name, value, allowed);
        if ((v & ~((1ULL << 40) - 1)) != 0 || (v & (0x1FULL << 25)) != 0) bad(name, value, allowed);
        arch.features.mpidr = v | (1ULL << 31);
    } else if (name == "quantum") {
        cfg.quantum = parseQuantum(value);
    } else if (name == "timing") {
        cfg.processor.timing = value == "neoverse-v1" ? model::TimingConfig::neoverseV1()
                                                      : model::TimingConfig::fromFile(value);
        cfg.timing_source = value;
    } else if (name == "engine") {
        if (value != "fast" && value != "general") bad(name, value, "fast or general");
        cfg.processor.fast_engine = value == "fast";
    } else if (name == "gdb_port") {
        const std::uint64_t v = number(name, value, "0 to 65535");
        if (v > 65535) bad(name, value, "0 to 65535");
        cfg.gdb_port = static_cast<std::uint16_t>(v);
    }
}

} // namespace

std::string getCpuParameter(const CpuConfig& cfg, std::string_view name) {
    const ArchConfig& arch = cfg.processor.arch;
    if (name == "max_vl") return std::to_string(arch.sve.max_vl.bits());
    if (name == "vl_set") return std::string(svesim::name(arch.sve.vl_set));
    if (name == "policy") return arch.policy.name();
    if (name == "has_el2") return arch.features.has_el2 ? "true" : "false";
    if (name == "has_el3") return arch.features.has_el3 ? "true" : "false";
    if (name == "reset") {
        std::string out;
        for (const auto& [reg, v] : arch.reset_values.overrides())
            out += fmt::format("{}{}={:#x}", out.empty() ? "" : ",", svesim::name(reg), v);
        return out;
    }
    if (name == "rvbar") return fmt::format("{:#x}", arch.rvbar);
    if (name == "mpidr") return fmt::format("{:#x}", arch.features.mpidr);
    if (name == "quantum") return formatQuantum(cfg.quantum);
    if (name == "timing") return cfg.timing_source;
    if (name == "engine") return cfg.processor.fast_engine ? "fast" : "general";
    if (name == "gdb_port") return std::to_string(cfg.gdb_port);
    throw ConfigError(fmt::format("unknown parameter '{}'", name));
}

void loadCpuParameterFile(CpuConfig& cfg, const std::string& path, std::string_view instance) {
    // The section that selects this Cpu: its full name or its basename.
    const std::string_view base = instance.substr(
        instance.find_last_of('.') == std::string_view::npos ? 0 : instance.find_last_of('.') + 1);
    for (const model::IniEntry& e : model::readIniFile(path, "config file")) {
        const bool applies = e.section.empty() || e.section == instance || e.section == base;
        if (findCpuParameter(e.key) == nullptr || applies) {
            try {
                setCpuParameter(cfg, e.key, e.value);
            } catch (const ConfigError& err) {
                throw ConfigError(fmt::format("{}:{}: {}", path, e.line, err.what()));
            }
        }
    }
}

} // namespace svesim::tlm
