#include "options.h"

#include "svesim/arch/config_error.h"

#include <fmt/core.h>
#include <sstream>

namespace po = boost::program_options;

namespace svesim::app {

void addArchOptions(po::options_description& opts) {
    opts.add_options()("max-vl", po::value<std::string>()->default_value("2048"),
                       "maximum implemented VL in bits: 128, 256, 512, 1024 or 2048")(
        "vl-set", po::value<std::string>()->default_value("pow2"),
        "supported VLs: pow2 (Arm ARM rule) or any (every multiple of 128, as QEMU/gem5)")(
        "policy", po::value<std::string>()->default_value("preserve"),
        "zero-or-preserve policy: preserve, zero, qemu, random:SEED")(
        "has-el2", po::value<std::string>()->default_value("true"), "EL2 implemented")(
        "has-el3", po::value<std::string>()->default_value("true"), "EL3 implemented")(
        "reset", po::value<std::string>()->default_value(""),
        "reset values of UNKNOWN-at-reset registers, e.g. CPTR_EL3=0x100,ZCR_EL3=15");
}

ArchConfig archConfigFrom(const po::variables_map& vm) {
    ArchConfig cfg;
    cfg.sve = SveConfig::parse(vm["max-vl"].as<std::string>(), vm["vl-set"].as<std::string>());
    cfg.policy = ZeroUpperPolicy::parse(vm["policy"].as<std::string>());
    cfg.features.has_el2 = parseBool(vm["has-el2"].as<std::string>(), "--has-el2");
    cfg.features.has_el3 = parseBool(vm["has-el3"].as<std::string>(), "--has-el3");
    cfg.reset_values = ResetValues::parse(vm["reset"].as<std::string>());
    return cfg;
}

bool parseCommandLine(const std::vector<std::string>& args, const po::options_description& opts,
                      const po::positional_options_description& pos, po::variables_map& vm,
                      const std::string& epilogue) {
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
    po::notify(vm);
    if (!vm.count("help")) return true;
    std::ostringstream os;
    os << opts;
    fmt::print("{}{}", os.str(), epilogue);
    return false;
}

} // namespace svesim::app
