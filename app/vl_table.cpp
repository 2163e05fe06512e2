#include "vl_table.h"

#include "options.h"
#include "svesim/arch/config_error.h"
#include "svesim/arch/enables.h"
#include "svesim/exceptions/arch_state.h"
#include "svesim/sve/vector_length.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>
#include <sstream>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

struct Row {
    const char* label;
    EL el;
    bool e2h;
    bool tge;
    bool secure;
};

// The ZCR_ELx that CurrentNSVL reads for the row's EL, in the state the row set up.
std::string constraining(const CpuState& s, const Row& r) {
    std::string out;
    const ZcrSet controls = CurrentNSVLControls(s, r.el);
    for (SysReg z : controls.list())
        out += fmt::format("{}{}", out.empty() ? "" : ", ", name(z));
    return out;
}

} // namespace

int runVlTable(const std::vector<std::string>& args) {
    po::options_description opts("svesim vl-table [options]");
    opts.add_options()("help,h", "show this help")(
        "zcr-el1", po::value<std::string>()->default_value("15"), "ZCR_EL1.LEN (0-15)")(
        "zcr-el2", po::value<std::string>()->default_value("15"), "ZCR_EL2.LEN (0-15)")(
        "zcr-el3", po::value<std::string>()->default_value("15"), "ZCR_EL3.LEN (0-15)");
    addArchOptions(opts);
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm)) return 0;

    const ArchConfig cfg = archConfigFrom(vm);
    unsigned len[4] = {};
    for (int i = 1; i <= 3; ++i) {
        const std::string opt = fmt::format("zcr-el{}", i);
        const auto v = parseUnsigned(vm[opt].as<std::string>(), "--" + opt);
        if (v > 15)
            throw ConfigError(
                fmt::format("--{} {} is out of range (allowed: 0-15, the LEN field)", opt, v));
        len[i] = static_cast<unsigned>(v);
    }
    ArchState st(cfg);
    CpuState& s = st.cpu;
    s.sysregs.write(SysReg::ZCR_EL1, len[1]);
    s.sysregs.write(SysReg::ZCR_EL2, len[2]);
    s.sysregs.write(SysReg::ZCR_EL3, len[3]);

    fmt::print("svesim {} model configuration\n", SVESIM_VERSION);
    fmt::print("  maximum VL        {} bits\n", cfg.sve.max_vl.bits());
    fmt::print("  supported VLs     {}\n", name(cfg.sve.vl_set));
    fmt::print("  policy            {}\n", cfg.policy.name());
    fmt::print("  EL2 / EL3         {} / {}\n", cfg.features.has_el2 ? "yes" : "no",
               cfg.features.has_el3 ? "yes" : "no");
    fmt::print("  ZCR_EL1/2/3.LEN   {} / {} / {}\n\n", len[1], len[2], len[3]);

    const Row rows[] = {
        {"EL0", EL::EL0, false, false, false},
        {"EL0 (VHE host, E2H=TGE=1)", EL::EL0, true, true, false},
        {"EL1", EL::EL1, false, false, false},
        {"EL2 (E2H=0)", EL::EL2, false, false, false},
        {"EL2 (E2H=1)", EL::EL2, true, false, false},
        {"EL3", EL::EL3, false, false, false},
        {"EL0 Secure", EL::EL0, false, false, true},
        {"EL1 Secure", EL::EL1, false, false, true},
    };
    fmt::print("{:<28} {:>8} {:>6}  {}\n", "Exception level", "VL bits", "bytes", "constrained by");
    for (const Row& r : rows) {
        if (r.el == EL::EL2 && !cfg.features.has_el2) continue;
        if (r.el == EL::EL3 && !cfg.features.has_el3) continue;
        if (r.secure && !cfg.features.has_el3) continue;
        std::uint64_t hcr = r.e2h ? bit(hcr::E2H) : 0;
        if (r.tge) hcr |= bit(hcr::TGE);
        s.sysregs.write(SysReg::HCR_EL2, hcr | bit(hcr::RW));
        s.sysregs.write(SysReg::SCR_EL3, r.secure ? 0 : bit(scr::NS) | bit(scr::RW));
        const VectorLength vl = CurrentNSVL(s, cfg.sve, r.el);
        fmt::print("{:<28} {:>8} {:>6}  {}\n", r.label, vl.bits(), vl.bytes(), constraining(s, r));
    }
    return 0;
}

} // namespace svesim::app
