#include "options.h"

#include "svesim/arch/config_error.h"

#include <algorithm>
#include <fmt/core.h>
#include <sstream>

namespace po = boost::program_options;

namespace svesim::app {

std::string flagOf(std::string_view parameter) {
    std::string flag(parameter);
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

namespace {

std::vector<std::string>* g_collected = nullptr; // collectOptions() is running

void addParameterOptions(po::options_description& opts, bool architectural_only) {
    for (const tlm::CpuParameter& p : tlm::cpuParameters()) {
        if (architectural_only && !p.architectural) continue;
        const std::string help =
            fmt::format("{} [{}] (default: {})", p.help, p.type,
                        p.default_value.empty() ? "none" : std::string(p.default_value));
        opts.add_options()(flagOf(p.name).c_str(), po::value<std::string>(), help.c_str());
    }
}

void applyParameterOptions(tlm::CpuConfig& cfg, const po::variables_map& vm) {
    for (const tlm::CpuParameter& p : tlm::cpuParameters())
        if (vm.count(flagOf(p.name))) cfg.set(p.name, vm[flagOf(p.name)].as<std::string>());
}

} // namespace

void addArchOptions(po::options_description& opts) {
    addParameterOptions(opts, true);
}

void addCpuOptions(po::options_description& opts) {
    addParameterOptions(opts, false);
    opts.add_options()("gdb", po::value<std::string>(), "same as --gdb-port")(
        "config", po::value<std::string>(),
        "read Cpu parameters from FILE (`name = value` lines; flags given here win)");
}

ArchConfig archConfigFrom(const po::variables_map& vm) {
    tlm::CpuConfig cfg;
    applyParameterOptions(cfg, vm);
    return cfg.processor.arch;
}

tlm::CpuConfig cpuConfigFrom(const po::variables_map& vm) {
    tlm::CpuConfig cfg;
    // svesim's own platform names its Cpu platform.cpu: sections [cpu] and [platform.cpu].
    if (vm.count("config")) cfg.load(vm["config"].as<std::string>(), "platform.cpu");
    applyParameterOptions(cfg, vm);
    if (vm.count("gdb")) cfg.set("gdb_port", vm["gdb"].as<std::string>());
    return cfg;
}

bool parseCommandLine(const std::vector<std::string>& args, const po::options_description& opts,
                      const po::positional_options_description& pos, po::variables_map& vm,
                      const std::string& epilogue) {
    if (g_collected != nullptr) {
        for (const auto& o : opts.options())
            if (!o->long_name().empty()) g_collected->push_back("--" + o->long_name());
        return false;
    }
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
    po::notify(vm);
    if (!vm.count("help")) return true;
    std::ostringstream os;
    os << opts;
    fmt::print("{}{}", os.str(), epilogue);
    return false;
}

std::vector<std::string> collectOptions(const std::function<void()>& command) {
    std::vector<std::string> names;
    g_collected = &names;
    try {
        command();
    } catch (...) {
        g_collected = nullptr;
        throw;
    }
    g_collected = nullptr;
    return names;
}

std::uint64_t parseSize(const std::string& text, const std::string& what) {
    std::string digits = text;
    std::uint64_t scale = 1;
    if (!digits.empty()) {
        const char s = digits.back();
        if (s == 'K' || s == 'k') scale = 1ULL << 10;
        if (s == 'M' || s == 'm') scale = 1ULL << 20;
        if (s == 'G' || s == 'g') scale = 1ULL << 30;
        if (scale != 1) digits.pop_back();
    }
    const auto v = parseUnsigned(digits, what);
    if (v == 0 || v > (64ULL << 30) / scale)
        throw ConfigError(what + " '" + text + "' is out of range (allowed: 1 byte to 64G)");
    return v * scale;
}

} // namespace svesim::app
