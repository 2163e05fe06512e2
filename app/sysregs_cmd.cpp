#include "sysregs_cmd.h"

#include "options.h"
#include "svesim/arch/feature_table.h"
#include "svesim/arch/sysreg.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

std::string_view gateText(SysRegGate g) {
    switch (g) {
    case SysRegGate::None: return "";
    case SysRegGate::DaifEl0: return "EL0: EC 0x18 unless SCTLR[].UMA";
    case SysRegGate::CtrEl0: return "EL0: EC 0x18 unless SCTLR[].UCT";
    case SysRegGate::SpSel0: return "UNDEFINED while PSTATE.SP == 0";
    case SysRegGate::El0ReadOnly: return "EL0 read-only";
    case SysRegGate::Zcr: return "ZEN/TZ/EZ only, EC 0x19";
    case SysRegGate::Cpacr: return "CPTR_EL2/EL3.TCPAC, EC 0x18";
    case SysRegGate::Cptr2: return "CPTR_EL3.TCPAC, EC 0x18";
    case SysRegGate::Fp: return "CheckFPAdvSIMDEnabled, EC 0x07";
    case SysRegGate::HighestOnly: return "highest EL only";
    case SysRegGate::Cntfrq: return "EL0 read: CNTKCTL EL0PCTEN|EL0VCTEN; write at highest EL only";
    case SysRegGate::CntvctEl0: return "EL0: CNTKCTL_EL1.EL0VCTEN (CNTHCTL_EL2 in host)";
    case SysRegGate::CntpctEl0: return "EL0: EL0PCTEN; EL0/EL1: CNTHCTL_EL2.EL1PCTEN";
    case SysRegGate::CntpTimer: return "EL0: EL0PTEN; EL0/EL1: CNTHCTL_EL2.EL1PCEN";
    case SysRegGate::CntvTimer: return "EL0: EL0VTEN";
    case SysRegGate::SecurePhysTimer: return "Secure EL1 (SCR_EL3.ST) and EL3 only";
    case SysRegGate::DebugDcc: return "EL0: MDSCR_EL1.TDCC";
    case SysRegGate::Disr: return "EL1 with HCR_EL2.AMO: VDISR_EL2";
    case SysRegGate::El12Alias: return "E2H=1 at EL2, or EL3 with EL2 an enabled VHE host";
    case SysRegGate::DeviceDecides:
        return "GIC: ICH_HCR_EL2, IMO/FMO (ICV_*), SCR_EL3.IRQ/FIQ, SRE";
    }
    return "?";
}

std::string trapText(std::uint16_t t) {
    static constexpr std::pair<std::uint16_t, const char*> kNames[] = {
        {systrap::Tvm, "TVM/TRVM"}, {systrap::Tid1, "TID1"}, {systrap::Tid2, "TID2"},
        {systrap::Tid3, "TID3"},    {systrap::Tacr, "TACR"}, {systrap::Terr, "TERR"},
        {systrap::Tlor, "TLOR"},    {systrap::Tda, "TDA"},   {systrap::Tdosa, "TDOSA"},
        {systrap::Tdra, "TDRA"}};
    std::string out;
    for (const auto& [flag, nm] : kNames) {
        if (!(t & flag)) continue;
        if (!out.empty()) out.push_back(' ');
        out.append(nm);
    }
    return out;
}

std::string_view rwText(SysRegRw rw) {
    switch (rw) {
    case SysRegRw::ReadWrite: return "RW";
    case SysRegRw::ReadOnly: return "RO";
    case SysRegRw::WriteOnly: return "WO";
    }
    return "?";
}

void printFeatures() {
    fmt::print("| feature | since | implemented | ID field = value when implemented | llvm-mc "
               "-mattr | tested by |\n|---|---|---|---|---|---|\n");
    const auto fieldText = [](const std::optional<IdField>& f) {
        return f ? fmt::format("{}[{}:{}] = {}", name(f->reg), f->lsb + 3, f->lsb, f->value)
                 : std::string("—");
    };
    for (const FeatureInfo& ft : featureTable()) {
        std::string fields = fieldText(ft.field);
        if (ft.field2) fields += ", " + fieldText(ft.field2);
        fmt::print("| {} | {} | {} | {} | {} | {} |\n", ft.name, ft.since,
                   ft.implemented ? "yes" : "**no**", fields, ft.llvm_mattr, ft.tested_by);
    }
    fmt::print("\nImplementation parameters:\n\n| field | value | why |\n|---|---|---|\n");
    for (const IdParameter& p : idParameters())
        fmt::print("| {}[{}:{}] ({}) | {} | {} |\n", name(p.field.reg), p.field.lsb + 3,
                   p.field.lsb, p.name, p.field.value, p.why);
}

} // namespace

int runSysregs(const std::vector<std::string>& args) {
    po::options_description opts("svesim sysregs");
    opts.add_options()("help,h", "show this help")(
        "features", "print the feature table (docs/isa.md) instead of the registers");
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm,
                          "\nPrints the system-register table (encoding, access rules, traps, "
                          "RES0/RES1, reset values)\nas Markdown (docs/sysregs.md), or with "
                          "--features the implemented feature set (docs/isa.md).\n"))
        return 0;
    if (vm.count("features")) {
        printFeatures();
        return 0;
    }
    fmt::print("| name | op0,op1,CRn,CRm,op2 | min EL | access | extra rule | traps (EC 0x18) | "
               "reaches | RES0 | RES1 | RAZ/WI | reset | reset UNKNOWN |\n");
    fmt::print("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const SysRegInfo& r : sysRegTable()) {
        std::string reaches = r.storage == r.id ? "" : std::string(name(r.storage));
        if (r.e2h_at_el2) reaches = fmt::format("{} at EL2 with E2H=1", name(*r.e2h_at_el2));
        const char* reset = r.backing == SysRegBacking::Computed ? "computed"
                            : r.backing == SysRegBacking::Device ? "device"
                                                                 : nullptr;
        fmt::print(
            "| {} | {},{},{},{},{} | EL{} | {} | {} | {} | {} | {:#x} | {:#x} | {:#x} | {} | "
            "{} |\n",
            r.name, r.enc.op0, r.enc.op1, r.enc.crn, r.enc.crm, r.enc.op2, toUnsigned(r.min_el),
            rwText(r.rw), gateText(r.gate), trapText(r.traps), reaches, r.res0, r.res1, r.raz_wi,
            reset ? std::string(reset) : fmt::format("{:#x}", r.reset),
            r.reset_unknown ? "yes" : "");
    }
    return 0;
}

} // namespace svesim::app
