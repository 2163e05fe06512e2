#include "boot_check.h"

#include "exit_codes.h"
#include "svesim/arch/config_error.h"

#include <cstdio>
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
    const bool check = vm.count("check") != 0;
    if (!check && vm.count("details")) throw ConfigError("--details needs --check");
    if (!check && !vm.count("guest")) return nullptr;
    if (check && cpus != 1)
        throw ConfigError(fmt::format(
            "--check follows one PE and a task may migrate between PEs: use --cpus 1 (got {})",
            cpus));
    return std::make_unique<BootCheck>(console, check, vm.count("details") != 0,
                                       vm.count("guest") != 0);
}

BootCheck::BootCheck(model::Console& console, bool check, bool details, bool guest)
    : console_(&console)
    , check_(check)
    , details_(details)
    , guest_(guest) {}

void BootCheck::write(int handle, std::string_view bytes) {
    console_->write(handle, bytes);
    if (handle != 1) return;
    if (check_) kernel_.feed(bytes, sc_core::sc_time_stamp().to_seconds());
    for (const char c : bytes) {
        if (c != '\n') {
            if (c != '\r' && partial_.size() < 4096) partial_ += c;
            continue;
        }
        planLine(partial_);
        partial_.clear();
    }
}

// "vmm-test: result STATUS expected WANT time ...: COMMAND" (scripts/initramfs-init.sh).
void BootCheck::planLine(std::string_view line) {
    constexpr std::string_view kResult = "vmm-test: result ";
    if (!line.starts_with(kResult)) return;
    unsigned status = 0, want = 0;
    if (std::sscanf(std::string(line.substr(kResult.size())).c_str(), "%u expected %u", &status,
                    &want) != 2)
        return;
    ++plan_runs_;
    if (status != want) plan_failures_.emplace_back(line);
}

void BootCheck::attach(tlm::BootPlatform& platform) {
    if (!check_) return;
    model::Processor& p = platform.cpu(0).processor();
    checker_.emplace(p.arch());
    p.events().subscribe(*checker_, scenarios::Checker::interests());
    checker_->watchGprs(&p.context().gprs());
}

int BootCheck::finish(int status) {
    const bool powered_off = status == exit_code::kOk;
    bool findings = false;
    if (check_) {
        kernel_.finish(sc_core::sc_time_stamp().to_seconds());
        for (const std::string& line : checker_->report(details_, powered_off))
            fmt::print("svesim check: {}\n", line);
        fmt::print("svesim check: kernel: {} ({} report{})\n", kernel_.verdict(),
                   kernel_.verdicts().size(), kernel_.verdicts().size() == 1 ? "" : "s");
        for (const scenarios::KernelVerdict& v : kernel_.verdicts()) {
            const std::string text = v.text();
            fmt::print("svesim check: {}\n", details_ ? text : text.substr(0, text.find('\n')));
        }
        findings = !kernel_.verdicts().empty() || !checker_->violations().empty();
    }
    if (plan_runs_ > 0 || guest_)
        fmt::print("svesim check: plan: {} run{} reported, {} not as expected{}\n", plan_runs_,
                   plan_runs_ == 1 ? "" : "s", plan_failures_.size(),
                   plan_runs_ == 0 ? " (is --initrd made by scripts/make-initramfs.sh --vmm?)"
                                   : "");
    for (const std::string& line : plan_failures_)
        fmt::print("svesim check: plan: not as expected: {}\n", line);
    if (!powered_off) return status;
    if (findings) return exit_code::kViolations;
    const bool guest_ran = plan_runs_ > 0 || !guest_;
    return plan_failures_.empty() && guest_ran ? exit_code::kOk : exit_code::kFailed;
}

} // namespace svesim::app
