#include "scenario_cmd.h"

#include "boot_guest.h"
#include "check_session.h"
#include "exit_codes.h"
#include "json_value.h"
#include "linux_scenario.h"
#include "options.h"
#include "scenario_runner.h"
#include "svesim/arch/config_error.h"
#include "svesim/scenarios/catalogue.h"
#include "svesim/scenarios/timeline.h"
#include "svesim/tlm/stop_signals.h"

#include <boost/program_options.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

// The checker's kinds in a verdict, without the program's own reports (which depend on what the
// program did after a choice, not on the checker).
std::string checkerKinds(const std::string& verdict) {
    if (verdict == "not checked") return "clean"; // no world: every class finds nothing either
    std::string out;
    std::size_t start = 0;
    while (start <= verdict.size()) {
        const std::size_t plus = verdict.find('+', start);
        const std::string k =
            verdict.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        if (k != "WARN" && k != "HYP_PANIC" && k != "SELFCHECK" && k != "clean" &&
            !k.starts_with("KERNEL_"))
            out += (out.empty() ? "" : "+") + k;
        if (plus == std::string::npos) break;
        start = plus + 1;
    }
    return out.empty() ? "clean" : out;
}

// Every run of a scenario answers for every implementation class from its provenance; those
// answers must agree with the runs made under each class's policy (docs/provenance.md).
bool oneRunAgrees(const scenarios::ScenarioInfo& s, const std::map<std::string, RunResult>& runs) {
    bool ok = true;
    for (const auto& [policy, r] : runs) {
        if (r.finish != "exit") continue;
        for (std::size_t c = 0; c < kImplClasses.size(); ++c) {
            const auto it = runs.find(std::string(name(kImplClasses[c])));
            if (it == runs.end() || it->second.finish != "exit") continue;
            const std::string want = checkerKinds(it->second.verdict);
            if (r.class_verdicts[c] == want) continue;
            if (!r.inconclusive.empty() && policy != it->first) continue; // said so itself
            fmt::print("{:<22} {:<9} one-run verdict for {} is {}, the {} run says {}: "
                       "DISAGREES\n",
                       s.name, policy, name(kImplClasses[c]), r.class_verdicts[c], it->first, want);
            ok = false;
        }
    }
    return ok;
}

} // namespace

namespace {

using scenarios::ScenarioInfo;

std::string defaultDir() {
    return scenarioProgramDir();
}

std::string timelinePath(const std::string& base, std::string_view scen, std::string_view policy,
                         bool many) {
    if (base.empty() || !many) return base;
    std::filesystem::path p(base);
    std::string pol(policy);
    for (char& c : pol)
        if (c == ':') c = '-';
    return (p.parent_path() /
            (p.stem().string() + "-" + std::string(scen) + "-" + pol + p.extension().string()))
        .string();
}

void validateParams(const std::map<std::string, std::uint64_t>& params, unsigned max_vq) {
    for (const auto& [k, v] : params)
        if (k.size() > 3 && k.substr(k.size() - 3) == "_vq" && (v < 1 || v > max_vq))
            throw ConfigError(fmt::format("parameter {}={} is outside the architecture (allowed: "
                                          "1 to {}, the implemented maximum VQ)",
                                          k, v, max_vq));
}

// What every run's JSON row holds (scenario run --json).
nlohmann::json resultRow(const ScenarioInfo& s, const std::string& policy, const RunResult& r,
                         const std::string& expected, bool ok) {
    nlohmann::json row{{"scenario", std::string(s.name)},
                       {"policy", policy},
                       {"verdict", r.verdict},
                       {"expected", expected},
                       {"as_expected", ok},
                       {"finish", r.finish},
                       {"world_entries", r.entries},
                       {"summary", r.summary},
                       {"not_checked", r.not_checked}};
    nlohmann::json violations = nlohmann::json::array();
    for (const std::string& v : r.violations_json)
        violations.push_back(nlohmann::json::parse(v));
    row["violations"] = std::move(violations);
    nlohmann::json one_run;
    for (std::size_t c = 0; c < kImplClasses.size(); ++c)
        one_run[std::string(name(kImplClasses[c]))] = r.class_verdicts[c];
    one_run["conclusive"] = r.inconclusive.empty();
    if (!r.inconclusive.empty()) one_run["control_depends_on_choice_at"] = r.inconclusive;
    row["one_run"] = std::move(one_run);
    return row;
}

LinuxOptions linuxOptions(const po::variables_map& vm) {
    LinuxOptions o;
    const auto str = [&vm](const char* k) {
        return vm.count(k) ? vm[k].as<std::string>() : std::string();
    };
    o.kernel = str("kernel");
    o.initrd = str("initrd");
    o.debian_cache = str("debian-cache");
    o.guest = str("guest");
    o.verbose = vm.count("verbose") != 0;
    if (vm.count("vl")) {
        if (o.guest.empty()) throw ConfigError("--vl needs --guest");
        const auto bits = parseUnsigned(vm["vl"].as<std::string>(), "--vl");
        if (bits < 128 || bits > 2048 || bits % 128 != 0)
            throw ConfigError(fmt::format("--vl {}: a vector length is a multiple of 128 from 128 "
                                          "to 2048 bits",
                                          bits));
        o.guest_vl = static_cast<unsigned>(bits);
    }
    if (!o.guest.empty()) checkGuestElf(o.guest); // 120-123 with one line, before any boot
    o.log_dir = str("logs");
    if (o.log_dir.empty()) {
        char tmpl[] = "/tmp/svesim-linux-XXXXXX";
        if (mkdtemp(tmpl) == nullptr) throw OutputError("cannot make a directory in /tmp");
        o.log_dir = tmpl;
    } else if (!std::filesystem::is_directory(o.log_dir)) {
        throw OutputError("--logs " + o.log_dir + " is not a directory");
    }
    return o;
}

// The verdict table's columns. The verdict and expected columns are as wide as the longest
// expected verdict of the chosen runs, so that every row whose verdict is the expected one
// lines up (a longer, unexpected verdict pushes only its own row).
struct VerdictTable {
    std::size_t verdict_w = 16, expected_w = 18;

    VerdictTable(const std::vector<const scenarios::ScenarioInfo*>& chosen,
                 const std::vector<std::string>& policies) {
        for (const scenarios::ScenarioInfo* s : chosen)
            for (const auto& policy : policies)
                verdict_w = std::max(verdict_w, scenarios::expectedFor(*s, policy).size());
        expected_w = std::max(expected_w, verdict_w);
    }
    void header() const {
        fmt::print("{:<22} {:<9} {:<{}} {:<{}} {:>8} {:>8} {:>9}  {}\n", "scenario", "policy",
                   "verdict", verdict_w, "expected", expected_w, "entry", "exit", "outside",
                   "result");
    }
    void row(std::string_view name, std::string_view policy, std::string_view verdict,
             std::string_view expected, double entry, double exit, double outside,
             std::string_view result) const {
        fmt::print("{:<22} {:<9} {:<{}} {:<{}} {:>8.0f} {:>8.0f} {:>9.0f}  {}\n", name, policy,
                   verdict, verdict_w, expected, expected_w, entry, exit, outside, result);
    }
};

} // namespace

int runScenario(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        fmt::print("usage: svesim scenario list | svesim scenario run NAME...|FILE.elf...|--all "
                   "[options]\n"
                   "  list  the scenarios, their era and program\n"
                   "  run   run scenarios under policies with the world checker (svesim scenario "
                   "run --help)\n");
        return 0;
    }
    if (args[0] != "list" && args[0] != "run")
        throw ConfigError("svesim scenario: unknown subcommand '" + args[0] +
                          "' (allowed: list, run; see svesim scenario --help)");
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    const std::string dir_default = defaultDir();
    if (args[0] == "list") {
        po::options_description list_opts("svesim scenario list");
        list_opts.add_options()("help,h", "show this help");
        po::variables_map list_vm;
        if (!parseCommandLine(rest, list_opts, {}, list_vm)) return 0;
        fmt::print("{:<24} {:<44} {}\n", "scenario", "era", "program");
        for (const ScenarioInfo& s : scenarios::catalogue()) {
            const std::string elf = dir_default + "/" + std::string(s.program) + ".elf";
            fmt::print("{:<24} {:<44} {}\n", s.name, s.era,
                       std::filesystem::exists(elf) ? elf : "(not built)");
        }
        for (const ScenarioInfo& s : scenarios::linuxScenarios())
            fmt::print("{:<24} {:<44} {}\n", s.name, s.era,
                       "(Debian's kernel: scripts/fetch-debian.sh; run by name)");
        return 0;
    }
    po::options_description opts("svesim scenario run NAME...|FILE.elf...|--all [options]");
    opts.add_options()("help,h", "show this help")("all", "run every scenario")(
        "policy", po::value<std::vector<std::string>>()->composing(),
        "policy (repeatable); default: preserve, zero, qemu, random:1..3")(
        "param", po::value<std::vector<std::string>>()->composing(),
        "name=value for every scenario run (repeatable)")("json", po::value<std::string>(),
                                                          "write every result as JSON to FILE")(
        "timeline", po::value<std::string>(),
        "write an SVG timeline to FILE (one per run when several)")(
        "vcd", po::value<std::string>(),
        "write a VCD of EL, VL, world and VMID to FILE (one per run when several)")(
        "max-insns", po::value<std::string>()->default_value("20000000"),
        "instruction limit per run")("dir", po::value<std::string>()->default_value(dir_default),
                                     "where the scenario ELFs are")("verbose,v",
                                                                    "print every violation")(
        "isolate", "run every point in a child process of its own (default: in this process)")(
        "systemc", "run on the SystemC platform (tlm::Platform, one child process per point) "
                   "instead of the plain bench: the same cycles and verdicts, slower")(
        "name", po::value<std::vector<std::string>>(), "scenario names or own programs (FILE.elf)");
    po::options_description linux_opts("the scenarios on Debian's kernel (linux_kvm_vhe, "
                                       "linux_kvm_nvhe)");
    linux_opts.add_options()("kernel", po::value<std::string>(),
                             "the kernel Image (default: DEBIAN_CACHE/Image, fetched by "
                             "scripts/fetch-debian.sh when missing)")(
        "initrd", po::value<std::string>(),
        "the initramfs (default: made by scripts/make-initramfs.sh --vmm with "
        "vmm/scenario-plan.txt)")("debian-cache", po::value<std::string>(),
                                  "scripts/fetch-debian.sh's cache (default: $SVESIM_DEBIAN_CACHE, "
                                  "else the build tree's debian/)")(
        "guest", po::value<std::string>(),
        "run this guest ELF (guests/README.md's contract) instead of the shipped guests; its "
        "console output is shown")("vl", po::value<std::string>(),
                                   "with --guest: its largest vector length in bits")(
        "logs", po::value<std::string>(),
        "where each boot's console log and JSON go (default: a new directory in /tmp)");
    opts.add(linux_opts);
    po::positional_options_description pos;
    pos.add("name", -1);
    po::variables_map vm;
    if (!parseCommandLine(rest, opts, pos, vm,
                          "\nExit status: 0 every verdict as expected; 1 some verdict differs; 2 "
                          "bad input;\n120 a scenario program is not built; 124 a run hit the "
                          "instruction limit;\n125 stuck in WFI; 117 exception storm (svesim "
                          "help exit-codes).\nWith --guest (a Linux scenario): 0 clean, 118 the "
                          "checker's or the kernel's findings,\n1 the guest's or the VMM's own "
                          "check failed; 120-123 a bad guest ELF.\n"))
        return 0;
    std::vector<const ScenarioInfo*> chosen;
    if (vm.count("all"))
        for (const ScenarioInfo& s : scenarios::catalogue())
            chosen.push_back(&s);
    if (vm.count("name"))
        for (const auto& n : vm["name"].as<std::vector<std::string>>()) {
            const ScenarioInfo* s = scenarios::findScenarioOrProgram(n);
            if (s == nullptr) {
                std::string names;
                for (const ScenarioInfo& x : scenarios::catalogue())
                    names += (names.empty() ? "" : ", ") + std::string(x.name);
                throw ConfigError("unknown scenario '" + n + "' (known: " + names +
                                  "; or the path of your own program, FILE.elf)");
            }
            chosen.push_back(s);
        }
    if (chosen.empty()) throw ConfigError("no scenario given (NAME... or --all)");
    std::vector<std::string> policies;
    if (vm.count("policy")) {
        policies = vm["policy"].as<std::vector<std::string>>();
        for (const auto& p : policies)
            ZeroUpperPolicy::parse(p); // validates
    } else {
        for (auto p : scenarios::standardPolicies())
            policies.emplace_back(p);
    }
    std::map<std::string, std::uint64_t> user_params;
    if (vm.count("param"))
        for (const auto& p : vm["param"].as<std::vector<std::string>>())
            user_params.insert(parseParam(p));
    validateParams(user_params, 16);
    const auto max_insns = parseUnsigned(vm["max-insns"].as<std::string>(), "--max-insns");
    const std::string dir = vm["dir"].as<std::string>();
    const std::string timeline = vm.count("timeline") ? vm["timeline"].as<std::string>() : "";
    const std::string vcd = vm.count("vcd") ? vm["vcd"].as<std::string>() : "";
    for (const auto& [flag, path] : {std::pair{"--timeline", timeline}, {"--vcd", vcd}}) {
        const std::filesystem::path parent = std::filesystem::path(path).parent_path();
        if (!path.empty() && !parent.empty() && !std::filesystem::is_directory(parent))
            throw OutputError(std::string(flag) + " " + path + ": directory " + parent.string() +
                              " does not exist");
    }
    const bool many = chosen.size() * policies.size() > 1;
    const bool any_linux = std::any_of(
        chosen.begin(), chosen.end(), [](const ScenarioInfo* s) { return !s->linux_mode.empty(); });
    LinuxOptions linux_opt;
    for (const char* flag : {"kernel", "initrd", "debian-cache", "guest", "vl", "logs"})
        if (vm.count(flag) && !any_linux)
            throw ConfigError(fmt::format("--{} is for the Linux scenarios (linux_kvm_vhe, "
                                          "linux_kvm_nvhe)",
                                          flag));
    if (any_linux) linux_opt = linuxOptions(vm);
    std::optional<LinuxKit> kit;
    std::string kit_missing;
    bool guest_failed = false; // a Linux run's guest or VMM failed its own check
    const Engine engine = vm.count("systemc") ? Engine::SystemC : Engine::Bench;
    const bool isolate = vm.count("isolate") != 0;

    const VerdictTable table(chosen, policies);
    table.header();
    nlohmann::json json = nlohmann::json::array();
    bool unexpected = false, missing = false;
    int unfinished = scenario_status::kAsExpected;
    // Ctrl-C (SIGINT) or SIGTERM: the run in progress stops at its next check, the table and
    // the JSON so far are written complete, and the status says which signal (130, 143).
    tlm::installStopSignals();
    const auto stopped = [] { return tlm::stopSignal() != 0; };
    for (const ScenarioInfo* s : chosen) {
        if (stopped()) break;
        if (!s->linux_mode.empty()) {
            if (!kit && kit_missing.empty()) kit = prepareLinuxKit(linux_opt, kit_missing);
            if (!kit) { // not a failure: the kernel cannot be had here
                fmt::print("{:<22} {:<9} skipped: {}\n", s->name, "-", kit_missing);
                continue;
            }
            std::map<std::string, RunResult> by_policy;
            for (const auto& policy : policies) {
                if (stopped()) break;
                const RunResult r = runLinuxPoint(*s, *kit, policy, linux_opt,
                                                  timelinePath(timeline, s->name, policy, many));
                by_policy[policy] = r;
                const std::string expected(scenarios::expectedFor(*s, policy));
                const bool ok =
                    r.finish == "exit" && scenarios::verdictMatches(expected, r.verdict);
                if (!ok) unexpected = true;
                if (r.finish != "exit") unfinished = worseExit(unfinished, exitForFinish(r.finish));
                if (r.verdict.find("SELFCHECK") != std::string::npos) guest_failed = true;
                table.row(s->name, policy, r.verdict, expected, r.entry_phase, r.exit_phase,
                          r.cycles_outside,
                          ok                   ? "ok"
                          : r.finish == "exit" ? "UNEXPECTED"
                                               : "DID NOT FINISH");
                for (const auto& line : r.summary)
                    fmt::print("    {}\n", line);
                if (vm.count("verbose") || !ok)
                    for (const auto& v : r.violations)
                        fmt::print("    {}\n", v.substr(0, v.find('\n')));
                for (const auto& line : r.not_checked)
                    fmt::print("    {}\n", line);
                nlohmann::json row = resultRow(*s, policy, r, expected, ok);
                row["host_seconds"] = r.host_ms / 1000.0;
                row["switch_cycles"] = {{"host_task_to_guest", r.entry_phase},
                                        {"guest_to_host_task", r.exit_phase},
                                        {"guest_exit_round_trip", r.cycles_outside}};
                json.push_back(std::move(row));
            }
            if (!stopped() && !oneRunAgrees(*s, by_policy)) unexpected = true;
            continue;
        }
        const std::string elf = scenarios::programPath(*s, dir);
        // An own program is shown (and names its output files) by its file name.
        const std::string shown =
            s->own ? std::filesystem::path(elf).filename().string() : std::string(s->name);
        if (!std::filesystem::exists(elf)) {
            fmt::print("{:<22} {:<9} program {} {}\n", shown, "-", elf,
                       s->own ? "does not exist" : "not built");
            missing = true;
            continue;
        }
        std::map<std::string, std::uint64_t> params;
        for (const auto& p : s->params)
            params[std::string(p.name)] = p.value;
        for (const auto& [k, v] : user_params)
            params[k] = v;
        // Every parameter must name a word of the program (checked here, before any run).
        const auto image = model::ElfImage::load(elf);
        for (const auto& [k, v] : params) {
            if (image.symbols.count("param_" + k) == 0)
                throw ConfigError("unknown parameter '" + k + "' for " +
                                  (s->own ? "program " : "scenario ") + std::string(s->name));
            checkVectorLengthParam(k, v);
        }
        std::map<std::string, RunResult> by_policy;
        for (const auto& policy : policies) {
            if (stopped()) break;
            RunRequest req{
                s, policy, params, elf, timelinePath(timeline, shown, policy, many), max_insns};
            req.vcd = timelinePath(vcd, shown, policy, many);
            req.engine = engine;
            req.isolate = isolate;
            const RunResult r = runPoint(req);
            by_policy[policy] = r;
            const std::string expected(scenarios::expectedFor(*s, policy, params));
            const bool ok = r.finish == "exit" && scenarios::verdictMatches(expected, r.verdict);
            if (r.finish != "exit") unfinished = worseExit(unfinished, exitForFinish(r.finish));
            if (!ok) unexpected = true;
            const std::string result = r.finish == "exit"    ? (ok ? "ok" : "UNEXPECTED")
                                       : r.finish == "limit" ? "DID NOT FINISH (instruction limit)"
                                       : r.finish == "stuck" ? "DID NOT FINISH (stuck in WFI)"
                                       : r.finish == "storm" ? "DID NOT FINISH (exception storm)"
                                       : r.finish == "interrupted" ? "DID NOT FINISH (interrupted)"
                                                                   : "ERROR";
            table.row(shown, policy, r.verdict, expected, r.entry_phase, r.exit_phase,
                      r.cycles_outside, result);
            if (vm.count("verbose") || (!ok && r.finish != "exit"))
                for (const auto& v : r.violations)
                    fmt::print("    {}\n", v);
            for (const auto& line : r.not_checked) // never a silent "clean"
                fmt::print("    {}\n", line);
            nlohmann::json row = resultRow(*s, policy, r, expected, ok);
            row["instructions"] = r.instructions;
            row["total_cycles"] = r.cycles;
            row["phase_cycles"] = {
                {"guest_entry", r.entry_phase},    {"guest_exit", r.exit_phase},
                {"host_save", r.save_phase},       {"guest_restore", r.restore_phase},
                {"vcpu_put", r.put_phase},         {"host_window", r.window_phase},
                {"mean_outside", r.cycles_outside}};
            row["params"] = params;
            json.push_back(std::move(row));
        }
        if (!stopped() && !oneRunAgrees(*s, by_policy)) unexpected = true;
    }
    fmt::print(
        "entry/exit: mean cycles of the guest-entry and guest-exit phases the program marks;\n"
        "outside: mean cycles a world spent outside between leaving and re-entry.\n");
    if (any_linux)
        fmt::print("On Debian's kernel, entry: a host task's leave (KVM_RUN) to the guest's "
                   "entry; exit: a guest's leave to\nthe next host task's entry (an exit that "
                   "reaches the VMM); outside: a guest's leave to its own re-entry.\n");
    if (vm.count("json"))
        writeJsonFile(nlohmann::json{{"runs", json}}, vm["json"].as<std::string>(), "--json");
    if (const int sig = tlm::stopSignal(); sig != 0) {
        fmt::print(stderr,
                   "svesim scenario run: stopped by {} after {} run(s); the JSON holds "
                   "them\n",
                   sig == SIGTERM ? "SIGTERM" : "SIGINT", json.size());
        return sig == SIGTERM ? exit_code::kTerminated : exit_code::kInterrupted;
    }
    if (missing) return scenario_status::kMissing;
    if (unfinished != scenario_status::kAsExpected) return unfinished;
    // A user's guest on Linux: clean, the checker's or the kernel's findings, or the guest's or
    // the VMM's own check failing (svesim boot --guest's statuses).
    if (!linux_opt.guest.empty() && unexpected)
        return guest_failed ? exit_code::kFailed : exit_code::kViolations;
    return unexpected ? scenario_status::kUnexpected : scenario_status::kAsExpected;
}

} // namespace svesim::app
