#include "scenario_cmd.h"

#include "check_session.h"
#include "exit_codes.h"
#include "json_value.h"
#include "options.h"
#include "scenario_runner.h"
#include "svesim/arch/config_error.h"
#include "svesim/scenarios/catalogue.h"
#include "svesim/scenarios/timeline.h"

#include <boost/program_options.hpp>
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
    std::string out;
    std::size_t start = 0;
    while (start <= verdict.size()) {
        const std::size_t plus = verdict.find('+', start);
        const std::string k =
            verdict.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        if (k != "WARN" && k != "HYP_PANIC" && k != "SELFCHECK" && k != "clean")
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

} // namespace

int runScenario(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        fmt::print("usage: svesim scenario list | svesim scenario run NAME...|--all [options]\n"
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
        return 0;
    }
    po::options_description opts("svesim scenario run NAME...|--all [options]");
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
        "name", po::value<std::vector<std::string>>(), "scenario names");
    po::positional_options_description pos;
    pos.add("name", -1);
    po::variables_map vm;
    if (!parseCommandLine(rest, opts, pos, vm,
                          "\nExit status: 0 every verdict as expected; 1 some verdict differs; 2 "
                          "bad input;\n120 a scenario program is not built; 124 a run hit the "
                          "instruction limit;\n125 stuck in WFI; 117 exception storm (svesim "
                          "help exit-codes).\n"))
        return 0;
    std::vector<const ScenarioInfo*> chosen;
    if (vm.count("all"))
        for (const ScenarioInfo& s : scenarios::catalogue())
            chosen.push_back(&s);
    if (vm.count("name"))
        for (const auto& n : vm["name"].as<std::vector<std::string>>()) {
            const ScenarioInfo* s = scenarios::findScenario(n);
            if (s == nullptr) {
                std::string names;
                for (const ScenarioInfo& x : scenarios::catalogue())
                    names += (names.empty() ? "" : ", ") + std::string(x.name);
                throw ConfigError("unknown scenario '" + n + "' (known: " + names + ")");
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
    const Engine engine = vm.count("systemc") ? Engine::SystemC : Engine::Bench;
    const bool isolate = vm.count("isolate") != 0;

    fmt::print("{:<22} {:<9} {:<16} {:<18} {:>8} {:>8} {:>9}  {}\n", "scenario", "policy",
               "verdict", "expected", "entry", "exit", "outside", "result");
    nlohmann::json json = nlohmann::json::array();
    bool unexpected = false, missing = false;
    int unfinished = scenario_status::kAsExpected;
    for (const ScenarioInfo* s : chosen) {
        const std::string elf = dir + "/" + std::string(s->program) + ".elf";
        if (!std::filesystem::exists(elf)) {
            fmt::print("{:<22} {:<9} program {} not built\n", s->name, "-", elf);
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
                throw ConfigError("unknown parameter '" + k + "' for scenario " +
                                  std::string(s->name));
            checkVectorLengthParam(k, v);
        }
        std::map<std::string, RunResult> by_policy;
        for (const auto& policy : policies) {
            RunRequest req{
                s, policy, params, elf, timelinePath(timeline, s->name, policy, many), max_insns};
            req.vcd = timelinePath(vcd, s->name, policy, many);
            req.engine = engine;
            req.isolate = isolate;
            const RunResult r = runPoint(req);
            by_policy[policy] = r;
            const std::string expected(scenarios::expectedFor(*s, policy));
            const bool ok = r.finish == "exit" && scenarios::verdictMatches(expected, r.verdict);
            if (r.finish != "exit") unfinished = worseExit(unfinished, exitForFinish(r.finish));
            if (!ok) unexpected = true;
            const std::string result = r.finish == "exit"    ? (ok ? "ok" : "UNEXPECTED")
                                       : r.finish == "limit" ? "DID NOT FINISH (instruction limit)"
                                       : r.finish == "stuck" ? "DID NOT FINISH (stuck in WFI)"
                                       : r.finish == "storm" ? "DID NOT FINISH (exception storm)"
                                                             : "ERROR";
            fmt::print("{:<22} {:<9} {:<16} {:<18} {:>8.0f} {:>8.0f} {:>9.0f}  {}\n", s->name,
                       policy, r.verdict, expected, r.entry_phase, r.exit_phase, r.cycles_outside,
                       result);
            if (vm.count("verbose") || (!ok && r.finish != "exit"))
                for (const auto& v : r.violations)
                    fmt::print("    {}\n", v);
            nlohmann::json row{{"scenario", std::string(s->name)},
                               {"policy", policy},
                               {"verdict", r.verdict},
                               {"expected", expected},
                               {"as_expected", ok},
                               {"finish", r.finish},
                               {"instructions", r.instructions},
                               {"total_cycles", r.cycles},
                               {"world_entries", r.entries},
                               {"summary", r.summary}};
            nlohmann::json violations = nlohmann::json::array();
            for (const std::string& v : r.violations_json)
                violations.push_back(nlohmann::json::parse(v));
            row["violations"] = std::move(violations);
            row["phase_cycles"] = {
                {"guest_entry", r.entry_phase},    {"guest_exit", r.exit_phase},
                {"host_save", r.save_phase},       {"guest_restore", r.restore_phase},
                {"vcpu_put", r.put_phase},         {"host_window", r.window_phase},
                {"mean_outside", r.cycles_outside}};
            row["params"] = params;
            nlohmann::json one_run;
            for (std::size_t c = 0; c < kImplClasses.size(); ++c)
                one_run[std::string(name(kImplClasses[c]))] = r.class_verdicts[c];
            one_run["conclusive"] = r.inconclusive.empty();
            if (!r.inconclusive.empty()) one_run["control_depends_on_choice_at"] = r.inconclusive;
            row["one_run"] = std::move(one_run);
            json.push_back(std::move(row));
        }
        if (!oneRunAgrees(*s, by_policy)) unexpected = true;
    }
    fmt::print(
        "entry/exit: mean cycles of the guest-entry and guest-exit phases the program marks;\n"
        "outside: mean cycles a world spent outside between leaving and re-entry.\n");
    if (vm.count("json"))
        writeJsonFile(nlohmann::json{{"runs", json}}, vm["json"].as<std::string>(), "--json");
    if (missing) return scenario_status::kMissing;
    if (unfinished != scenario_status::kAsExpected) return unfinished;
    return unexpected ? scenario_status::kUnexpected : scenario_status::kAsExpected;
}

} // namespace svesim::app
