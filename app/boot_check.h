// `svesim boot --check` (issue 14 point 4): the world checker on the boot platform's PE with the
// kernel's classifier (scenarios::DefaultWorldOf: a guest by its VMID, a host task by the PID the
// kernel writes to CONTEXTIDR), and the kernel's console watched for its own reports
// (scenarios::KernelConsoleWatch: KERNEL_WARN, KERNEL_BUG, KERNEL_HANG). With --check or --guest
// it also reads the initramfs plan's "vmm-test: result STATUS expected WANT" lines
// (scripts/initramfs-init.sh), so a guest or VMM failure decides the exit status. Kept apart
// from boot_cmd.cpp's boot flow, which only adds the options, routes the console through it,
// attaches it to the platform and lets it have the last word on the exit status.
#pragma once

#include "svesim/model/semihosting.h"
#include "svesim/scenarios/checker.h"
#include "svesim/scenarios/exit_window.h"
#include "svesim/scenarios/kernel_console.h"
#include "svesim/tlm/boot_platform.h"
#include "svesim/tlm/hang_watchdog.h"

#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace svesim::app {

// --check and --details.
void addBootCheckOptions(boost::program_options::options_description& opts);

class BootCheck : public model::Console {
public:
    // nullptr without --check and --guest. Throws ConfigError when the run cannot be checked:
    // the checker follows one PE, and a task may migrate between PEs, so --check needs --cpus 1.
    static std::unique_ptr<BootCheck> fromOptions(const boost::program_options::variables_map& vm,
                                                  unsigned cpus, model::Console& console);
    BootCheck(model::Console& console, bool check, bool details, bool guest);

    // The console's bytes go on to `console` (the kernel's log stays on stdout) and to the
    // watcher, with the simulated time.
    void write(int handle, std::string_view bytes) override;
    int readChar() override { return console_->readChar(); }

    // The checker on PE 0 (with --check), before the run.
    void attach(tlm::BootPlatform& platform);
    // Prints the report ("svesim check: ..." on stdout) and returns the run's exit status:
    // `status` itself unless the kernel powered off cleanly (0); then 118 (violations) when the
    // checker or the kernel reported something, else 1 when a plan run did not give its
    // expected status or, with --guest, no plan run was seen (a guest or VMM failure), else 0.
    int finish(int status);

private:
    void planLine(std::string_view line);
    void writeJson(bool powered_off) const;

    model::Console* console_;
    bool check_, details_, guest_;
    std::string partial_;
    unsigned plan_runs_ = 0;
    std::vector<std::string> plan_failures_;
    scenarios::KernelConsoleWatch kernel_;
    std::optional<scenarios::Checker> checker_;
    std::string json_path_;     // --check-json
    std::string timeline_path_; // --timeline
    std::optional<scenarios::ExitWindow> window_;
    // --hang-world: KERNEL_HANG when no world moves while the plan runs.
    double hang_world_ = 0;
    bool plan_active_ = false;
    std::uint64_t idle_ticks_ = 0;
    std::unique_ptr<tlm::HangWatchdog> world_watch_;
};

} // namespace svesim::app
