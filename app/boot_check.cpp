#include "boot_check.h"

#include "exit_codes.h"
#include "json_value.h"
#include "svesim/arch/config_error.h"

#include <cstdio>
#include <fmt/core.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <systemc>

namespace po = boost::program_options;

namespace svesim::app {

void addBootCheckOptions(po::options_description& opts) {
    opts.add_options()("check",
                       "attach the world checker to PE 0 (--cpus 1): guests by VMID, host tasks by "
                       "the PID in CONTEXTIDR (docs/provenance.md), and watch the console for the "
                       "kernel's WARN/BUG/Oops/panic/lockup/RCU-stall reports; exit 118 when the "
                       "kernel powers off with findings")(
        "details", "with --check: every finding with its byte range, provenance and causes")(
        "check-json", po::value<std::string>(),
        "with --check: write the verdicts, the one-run verdict of every implementation class, "
        "the findings (first 40), the kernel's reports, the plan's results and the switch "
        "cycles as JSON to FILE")(
        "hang-world", po::value<std::string>()->default_value("10"),
        "with --check: KERNEL_HANG when, while the plan runs (scripts/initramfs-init.sh's "
        "markers), no host task or guest is entered or left for SECONDS of simulated time "
        "(0: never)")("timeline", po::value<std::string>(),
                      "with --check: write an SVG timeline of one guest exit served "
                      "by a host task (the 20th, or the last) to FILE");
}

std::unique_ptr<BootCheck> BootCheck::fromOptions(const po::variables_map& vm, unsigned cpus,
                                                  model::Console& console) {
    const bool check = vm.count("check") != 0;
    if (!check && vm.count("details")) throw ConfigError("--details needs --check");
    if (!check && vm.count("check-json")) throw ConfigError("--check-json needs --check");
    if (!check && vm.count("timeline")) throw ConfigError("--timeline needs --check");
    if (!check && !vm.count("guest")) return nullptr;
    if (check && cpus != 1)
        throw ConfigError(fmt::format(
            "--check follows one PE and a task may migrate between PEs: use --cpus 1 (got {})",
            cpus));
    auto out = std::make_unique<BootCheck>(console, check, vm.count("details") != 0,
                                           vm.count("guest") != 0);
    if (vm.count("check-json")) out->json_path_ = vm["check-json"].as<std::string>();
    if (vm.count("timeline")) out->timeline_path_ = vm["timeline"].as<std::string>();
    const std::string hang = vm["hang-world"].as<std::string>();
    std::size_t used = 0;
    double seconds = -1;
    try {
        seconds = std::stod(hang, &used);
    } catch (const std::exception&) {
    }
    if (used != hang.size() || !(seconds >= 0) || seconds > 3600)
        throw ConfigError("--hang-world " + hang + ": seconds of simulated time, 0 to 3600");
    out->hang_world_ = seconds;
    return out;
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
    if (line.starts_with("vmm-test: run ") || line.starts_with("vmm-test: start "))
        plan_active_ = true;
    if (line.starts_with("vmm-test: done")) plan_active_ = false;
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
    checker_->watchGprs(p.context().gprs().data());
    if (hang_world_ > 0)
        world_watch_ = std::make_unique<tlm::HangWatchdog>(
            "world_progress", sc_core::sc_time(hang_world_, sc_core::SC_SEC), [this] {
                // Outside the plan an idle system is no hang: progress by definition.
                return plan_active_ ? checker_->leaves() : ++idle_ticks_;
            });
    if (!timeline_path_.empty()) {
        window_.emplace(p.arch());
        p.events().subscribe(*window_, scenarios::ExitWindow::interests());
    }
}

int BootCheck::finish(int status) {
    const bool powered_off = status == exit_code::kOk;
    bool findings = false;
    if (check_) {
        kernel_.finish(sc_core::sc_time_stamp().to_seconds());
        if (world_watch_ && world_watch_->fired()) {
            scenarios::KernelVerdict v{
                scenarios::KernelVerdictKind::Hang, "svesim: no world progress",
                fmt::format("no host task or guest was entered or left for {} s of simulated "
                            "time while the plan was running",
                            hang_world_),
                kernel_.recentLines(), sc_core::sc_time_stamp().to_seconds()};
            kernel_.add(std::move(v));
        }
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
    if (check_ && !json_path_.empty()) writeJson(powered_off);
    if (window_) {
        if (window_->complete()) {
            std::ofstream svg(timeline_path_);
            svg << window_->svg("svesim boot --check");
            if (!svg) throw OutputError("--timeline " + timeline_path_ + " cannot be written");
        } else {
            fmt::print("svesim check: timeline: no guest exit served by a host task, {} not "
                       "written\n",
                       timeline_path_);
        }
    }
    if (world_watch_ && world_watch_->fired()) return exit_code::kViolations;
    if (!powered_off) return status;
    if (findings) return exit_code::kViolations;
    const bool guest_ran = plan_runs_ > 0 || !guest_;
    return plan_failures_.empty() && guest_ran ? exit_code::kOk : exit_code::kFailed;
}

void BootCheck::writeJson(bool powered_off) const {
    const scenarios::Checker& c = *checker_;
    nlohmann::json j;
    j["powered_off"] = powered_off;
    j["verdict"] = c.verdict();
    nlohmann::json one_run;
    for (const ImplClass k : kImplClasses)
        one_run[std::string(name(k))] = c.verdictFor(k, false);
    one_run["conclusive"] = !c.inconclusiveAt().has_value();
    if (const auto pc = c.inconclusiveAt()) one_run["inconclusive_at"] = *pc;
    j["one_run"] = std::move(one_run);
    j["world_entries"] = c.entries();
    j["summary"] = c.summary();
    j["not_checked"] = c.notChecked(powered_off);
    j["notes"] = c.notes();
    nlohmann::json violations = nlohmann::json::array();
    for (const auto& v : c.violations()) {
        if (violations.size() >= 40) break;
        nlohmann::json one = nlohmann::json::parse(v.json());
        one["text"] = v.text();
        violations.push_back(std::move(one));
    }
    j["violations"] = std::move(violations);
    j["violation_count"] = c.violations().size();
    nlohmann::json kernel = nlohmann::json::array();
    for (const scenarios::KernelVerdict& v : kernel_.verdicts())
        kernel.push_back(v.text());
    j["kernel"] = {{"verdict", kernel_.verdict()}, {"reports", std::move(kernel)}};
    j["plan"] = {{"runs", plan_runs_}, {"not_as_expected", plan_failures_}};
    using S = scenarios::Checker::Switch;
    nlohmann::json cycles;
    for (const auto& [key, s] : {std::pair{"guest_exit_round_trip", S::GuestRoundTrip},
                                 {"guest_to_host_task", S::GuestToHost},
                                 {"host_task_to_guest", S::HostToGuest}})
        cycles[key] = {{"count", c.switchCycles(s).count}, {"mean", c.switchCycles(s).mean()}};
    cycles["mean_outside"] = c.meanCyclesOutside();
    j["cycles"] = std::move(cycles);
    writeJsonFile(j, json_path_, "--check-json");
}

} // namespace svesim::app
