#include "boot_check.h"

#include "exit_codes.h"
#include "svesim/arch/config_error.h"

#include <fmt/core.h>
#include <systemc>

namespace po = boost::program_options;

namespace svesim::app {

void addBootCheckOptions(po::options_description& opts) {
    opts.add_options()("check",
                       "attach the world checker to PE 0 (--cpus 1): guests by VMID, host tasks by "
                       "the PID in CONTEXTIDR (docs/provenance.md), and watch the console for the "
                       "kernel's WARN/BUG/Oops/panic/lockup/RCU-stall reports; exit 118 when the "
                       "kernel powers off with findings")(
        "details", "with --check: every finding with its byte range, provenance and causes");
}

std::unique_ptr<BootCheck> BootCheck::fromOptions(const po::variables_map& vm, unsigned cpus,
                                                  model::Console& console) {
    if (!vm.count("check")) {
        if (vm.count("details")) throw ConfigError("--details needs --check");
        return nullptr;
    }
    if (cpus != 1)
        throw ConfigError(fmt::format(
            "--check follows one PE and a task may migrate between PEs: use --cpus 1 (got {})",
            cpus));
    return std::make_unique<BootCheck>(console, vm.count("details") != 0);
}

BootCheck::BootCheck(model::Console& console, bool details)
    : console_(&console)
    , details_(details) {}

void BootCheck::write(int handle, std::string_view bytes) {
    console_->write(handle, bytes);
    if (handle == 1) kernel_.feed(bytes, sc_core::sc_time_stamp().to_seconds());
}

void BootCheck::attach(tlm::BootPlatform& platform) {
    model::Processor& p = platform.cpu(0).processor();
    checker_.emplace(p.arch());
    p.events().subscribe(*checker_, scenarios::Checker::interests());
    checker_->watchGprs(&p.context().gprs());
}

int BootCheck::finish(int status) {
    kernel_.finish(sc_core::sc_time_stamp().to_seconds());
    const bool powered_off = status == exit_code::kOk;
    if (checker_)
        for (const std::string& line : checker_->report(details_, powered_off))
            fmt::print("svesim check: {}\n", line);
    fmt::print("svesim check: kernel: {} ({} report{})\n", kernel_.verdict(),
               kernel_.verdicts().size(), kernel_.verdicts().size() == 1 ? "" : "s");
    for (const scenarios::KernelVerdict& v : kernel_.verdicts())
        fmt::print("svesim check: {}\n",
                   details_ ? v.text() : v.text().substr(0, v.text().find('\n')));
    const bool findings =
        !kernel_.verdicts().empty() || (checker_ && !checker_->violations().empty());
    return powered_off && findings ? exit_code::kViolations : status;
}

} // namespace svesim::app
