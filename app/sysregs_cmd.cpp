#include "sysregs_cmd.h"

#include "options.h"
#include "svesim/arch/sysreg.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

std::string_view gateText(SysRegGate g) {
    switch (g) {
    case SysRegGate::None: return "";
    case SysRegGate::DaifEl0: return "EL0: EC 0x18 unless SCTLR_EL1.UMA";
    case SysRegGate::SpSel0: return "UNDEFINED while PSTATE.SP == 0";
    case SysRegGate::El0ReadOnly: return "EL0 read-only";
    case SysRegGate::Zcr: return "ZEN/TZ/EZ only, EC 0x19";
    case SysRegGate::Cpacr: return "CPTR_EL2/EL3.TCPAC, EC 0x18";
    case SysRegGate::Cptr2: return "CPTR_EL3.TCPAC, EC 0x18";
    case SysRegGate::Fp: return "CheckFPAdvSIMDEnabled, EC 0x07";
    case SysRegGate::HighestOnly: return "highest EL only";
    case SysRegGate::CntfrqWrite: return "write at highest EL only";
    case SysRegGate::El12Alias: return "E2H=1 at EL2, or EL3 with EL2 an enabled VHE host";
    }
    return "?";
}

} // namespace

int runSysregs(const std::vector<std::string>& args) {
    po::options_description opts("svesim sysregs");
    opts.add_options()("help,h", "show this help");
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm,
                          "\nPrints the system-register table (encoding, access rules, RES0/RES1, "
                          "reset values)\nas Markdown (docs/sysregs.md).\n"))
        return 0;
    fmt::print("| name | op0,op1,CRn,CRm,op2 | min EL | access | extra rule | reaches | "
               "RES0 | RES1 | RAZ/WI | reset | reset UNKNOWN |\n");
    fmt::print("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const SysRegInfo& r : sysRegTable()) {
        std::string reaches = r.storage == r.id ? "" : std::string(name(r.storage));
        if (r.e2h_at_el2) reaches = fmt::format("{} at EL2 with E2H=1", name(*r.e2h_at_el2));
        fmt::print("| {} | {},{},{},{},{} | EL{} | {} | {} | {} | {:#x} | {:#x} | {:#x} | {:#x} | "
                   "{} |\n",
                   r.name, r.enc.op0, r.enc.op1, r.enc.crn, r.enc.crm, r.enc.op2,
                   toUnsigned(r.min_el), r.rw == SysRegRw::ReadOnly ? "RO" : "RW", gateText(r.gate),
                   reaches, r.res0, r.res1, r.raz_wi, r.reset, r.reset_unknown ? "yes" : "");
    }
    return 0;
}

} // namespace svesim::app
