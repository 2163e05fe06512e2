#include "linux_scenario.h"

#include "exit_codes.h"
#include "svesim/arch/config_error.h"
#include "svesim/arch/provenance.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace svesim::app {
namespace {

namespace fs = std::filesystem;

// The source and build trees this svesim was built from: the scripts and the VMM kit live there
// (an installed svesim runs the Linux scenarios with --kernel and --initrd).
const std::string kSourceDir = SVESIM_SOURCE_DIR;
const std::string kBuildDir = SVESIM_BUILD_DIR;

// Runs `argv` with stdout and stderr to `log` (or inherited when empty); its exit status, or
// 128 + the signal that killed it.
int runChild(const std::vector<std::string>& argv, const std::string& log) {
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (!log.empty()) {
            if (std::freopen(log.c_str(), "w", stdout) == nullptr) _exit(exit_code::kCannotWrite);
            dup2(fileno(stdout), fileno(stderr));
        }
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// This svesim, even if its file was replaced since it started (a rebuild during a long run).
std::string self() {
    return "/proc/self/exe";
}

// The kinds of a verdict text ("clean" for none) plus `more`, in a stable order.
std::string withKinds(const std::string& verdict, const std::vector<std::string>& more) {
    std::string out = verdict == "clean" || verdict == "not checked" ? "" : verdict;
    for (const std::string& k : more)
        if (k != "clean") out += (out.empty() ? "" : "+") + k;
    return out.empty() ? verdict : out;
}

// The console lines a user's guest and the VMM printed (everything but the kernel's log and
// the init script's markers).
void showGuestLines(const std::string& log) {
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '[' || line.starts_with("svesim check:") ||
            line.starts_with("SVESIM-INIT"))
            continue;
        fmt::print("    | {}\n", line);
    }
}

} // namespace

std::optional<LinuxKit> prepareLinuxKit(const LinuxOptions& o, std::string& why) {
    LinuxKit kit;
    const std::string cache = !o.debian_cache.empty() ? o.debian_cache
                              : std::getenv("SVESIM_DEBIAN_CACHE") != nullptr
                                  ? std::getenv("SVESIM_DEBIAN_CACHE")
                                  : kBuildDir + "/debian";
    kit.kernel = !o.kernel.empty() ? o.kernel : cache + "/Image";
    if (!fs::exists(kit.kernel)) {
        if (!o.kernel.empty()) throw ConfigError("--kernel " + o.kernel + " does not exist");
        const std::string fetch = kSourceDir + "/scripts/fetch-debian.sh";
        if (!fs::exists(fetch)) {
            why = fmt::format("needs Debian's kernel at {} (scripts/fetch-debian.sh of the source "
                              "tree, or --kernel and --initrd)",
                              kit.kernel);
            return std::nullopt;
        }
        fmt::print("fetching Debian's kernel into {} (scripts/fetch-debian.sh)\n", cache);
        const int rc = runChild({"/bin/bash", fetch, "--cache-dir", cache}, "");
        if (rc != 0 || !fs::exists(kit.kernel)) {
            why = fmt::format("needs Debian's kernel, which is not downloaded and could not be "
                              "fetched (scripts/fetch-debian.sh --cache-dir {} exit {}{})",
                              cache, rc, rc == 77 ? ": the package mirror is not reachable" : "");
            return std::nullopt;
        }
    }
    if (!o.initrd.empty()) {
        if (!fs::exists(o.initrd)) throw ConfigError("--initrd " + o.initrd + " does not exist");
        kit.initrd = o.initrd;
        return kit;
    }
    const std::string make = kSourceDir + "/scripts/make-initramfs.sh";
    const std::string plan = kSourceDir + "/vmm/scenario-plan.txt";
    if (!fs::exists(make) || !fs::exists(kBuildDir + "/vmm/svesim-vmm")) {
        why = "needs svesim-vmm and scripts/make-initramfs.sh of a build tree (or --initrd)";
        return std::nullopt;
    }
    kit.initrd = o.log_dir + "/linux-kvm-initramfs.cpio.gz";
    const int rc = runChild({"/bin/bash", make, "--cache-dir", cache, "--vmm", kBuildDir, "--plan",
                             plan, "--out", kit.initrd},
                            o.log_dir + "/make-initramfs.log");
    if (rc != 0)
        throw std::runtime_error(fmt::format("scripts/make-initramfs.sh failed (exit {}, see {})",
                                             rc, o.log_dir + "/make-initramfs.log"));
    return kit;
}

RunResult runLinuxPoint(const scenarios::ScenarioInfo& s, const LinuxKit& kit,
                        const std::string& policy, const LinuxOptions& o,
                        const std::string& timeline) {
    std::string tag = fmt::format("{}-{}", s.name, policy);
    for (char& c : tag)
        if (c == ':') c = '-';
    const std::string log = o.log_dir + "/" + tag + ".log";
    const std::string json_path = o.log_dir + "/" + tag + ".json";
    std::vector<std::string> argv{self(),     "boot",     "--kernel",     kit.kernel,
                                  "--initrd", kit.initrd, "--cpus",       "1",
                                  "--quiet",  "--check",  "--check-json", json_path,
                                  "--policy", policy,     "--hang-after", "30"};
    std::string append = "rdinit=/init loglevel=4";
    if (s.linux_mode == "nvhe") append += " kvm-arm.mode=nvhe";
    argv.insert(argv.end(), {"--append", append});
    if (!timeline.empty()) argv.insert(argv.end(), {"--timeline", timeline});
    if (!o.guest.empty()) {
        argv.insert(argv.end(), {"--guest", o.guest});
        if (o.guest_vl != 0) argv.insert(argv.end(), {"--guest-vl", std::to_string(o.guest_vl)});
    }
    fs::remove(json_path);
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = runChild(argv, log);
    RunResult r;
    r.host_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    r.exit_code = rc;
    if (!o.guest.empty() || o.verbose) showGuestLines(log);
    if (!fs::exists(json_path)) {
        r.finish = rc == exit_code::kStuck                                        ? "stuck"
                   : rc == exit_code::kLimit                                      ? "limit"
                   : rc == exit_code::kInterrupted                                ? "interrupted"
                   : rc >= exit_code::kUnreadable && rc <= exit_code::kDoesNotFit ? "error"
                                                                                  : "error";
        r.violations.push_back(fmt::format("svesim boot exited {} before the kernel powered off "
                                           "(console log: {})",
                                           rc, log));
        return r;
    }
    nlohmann::json j;
    std::ifstream(json_path) >> j;
    const bool off = j.value("powered_off", false);
    r.finish = off ? "exit" : rc == exit_code::kStuck ? "stuck" : "error";
    std::vector<std::string> more{j["kernel"].value("verdict", "clean")};
    // A guest or the VMM failing its own check, or a guest (the user's) not run: SELFCHECK.
    if (!j["plan"]["not_as_expected"].empty() || j["plan"].value("runs", 0) == 0)
        more.emplace_back("SELFCHECK");
    r.verdict = withKinds(j.value("verdict", "ERROR"), more);
    r.entries = j.value("world_entries", 0);
    const auto& cyc = j["cycles"];
    r.entry_phase = cyc["host_task_to_guest"].value("mean", 0.0);
    r.exit_phase = cyc["guest_to_host_task"].value("mean", 0.0);
    r.cycles_outside = cyc["guest_exit_round_trip"].value("mean", 0.0);
    for (std::size_t c = 0; c < kImplClasses.size(); ++c)
        r.class_verdicts[c] = j["one_run"].value(std::string(name(kImplClasses[c])), "");
    if (!j["one_run"].value("conclusive", true))
        r.inconclusive = fmt::format("{:#x}", j["one_run"].value("inconclusive_at", 0ULL));
    for (const auto& v : j["violations"]) {
        r.violations_json.push_back(v.dump());
        r.violations.push_back(v.value("text", v.dump()));
    }
    for (const auto& k : j["kernel"]["reports"])
        r.violations.push_back(k.get<std::string>());
    for (const auto& p : j["plan"]["not_as_expected"])
        r.violations.push_back("plan: not as expected: " + p.get<std::string>());
    r.summary = j["summary"].get<std::vector<std::string>>();
    r.not_checked = j["not_checked"].get<std::vector<std::string>>();
    r.summary.push_back(fmt::format(
        "switch cycles: guest exit and re-entry {:.0f} (x{}), guest to host task {:.0f} (x{}), "
        "host task to guest {:.0f} (x{}); console log {}",
        cyc["guest_exit_round_trip"].value("mean", 0.0),
        cyc["guest_exit_round_trip"].value("count", 0),
        cyc["guest_to_host_task"].value("mean", 0.0), cyc["guest_to_host_task"].value("count", 0),
        cyc["host_task_to_guest"].value("mean", 0.0), cyc["host_task_to_guest"].value("count", 0),
        log));
    return r;
}

} // namespace svesim::app
