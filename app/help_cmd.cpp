#include "help_cmd.h"

#include "boot_cmd.h"
#include "disasm_cmd.h"
#include "exit_codes.h"
#include "options.h"
#include "params_cmd.h"
#include "plot_cmd.h"
#include "run_cmd.h"
#include "scenario_cmd.h"
#include "svesim/arch/config_error.h"
#include "sweep_cmd.h"
#include "sysregs_cmd.h"
#include "vl_table.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <fmt/core.h>
#include <systemc>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

std::string helpList() {
    std::string out = "usage: svesim COMMAND [options]   (svesim help COMMAND, or COMMAND "
                      "--help, for its options)\n\ncommands:\n";
    for (const Command& c : commands())
        out += fmt::format("  {:<11} {}\n", c.name, c.summary);
    out += "\nsvesim help exit-codes lists the exit statuses (the same for every command).\n";
    return out;
}

const std::vector<Command>& table() {
    static const std::vector<Command> kCommands{
        {"run", "run a bare-metal AArch64 ELF on the SystemC platform", runRun},
        {"scenario",
         "list or run the KVM world-switch scenarios with the world checker",
         runScenario,
         {"list", "run"}},
        {"boot", "boot an arm64 Linux Image through svesim's EL3 firmware (docs/boot.md)", runBoot},
        {"sweep", "run a grid of scenarios x policies x parameters into CSV and JSON", runSweep},
        {"plot", "draw an SVG chart of any two columns of a sweep CSV", runPlot},
        {"params", "list the Cpu parameters and the values a config file and flags give",
         runParams},
        {"disasm", "disassemble A64 instruction words read from stdin", runDisasm},
        {"vl-table", "print the effective vector length at every EL for given ZCR values",
         runVlTable},
        {"sysregs", "print the system-register table as Markdown", runSysregs},
        {"version", "print svesim's version, SystemC's version and the build type", runVersion},
        {"help", "list the commands; help COMMAND [SUB] for one; help exit-codes", runHelp},
        {"completion", "print a bash completion script (svesim completion bash)", runCompletion},
    };
    return kCommands;
}

} // namespace

std::span<const Command> commands() {
    return table();
}

const Command* findCommand(std::string_view name) {
    for (const Command& c : table())
        if (c.name == name) return &c;
    return nullptr;
}

void printCommandList() {
    fmt::print("{}", helpList());
}

int runHelp(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        printCommandList();
        return 0;
    }
    if (args[0] == "exit-codes") {
        // --markdown: the table README.md and docs/platform.md carry (tests/cli pins it).
        const bool markdown = args.size() > 1 && args[1] == "--markdown";
        fmt::print("{}", markdown ? exitCodeMarkdown() : exitCodeText());
        return 0;
    }
    const Command* c = findCommand(args[0]);
    if (c == nullptr)
        throw ConfigError("svesim help: unknown command '" + args[0] + "' (see svesim help)");
    std::vector<std::string> rest(args.begin() + 1, args.end());
    rest.emplace_back("--help");
    return c->run(rest);
}

int runVersion(const std::vector<std::string>& args) {
    po::options_description opts("svesim version");
    opts.add_options()("help,h", "show this help");
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm)) return 0;
    fmt::print("svesim {}\nSystemC {}\nbuild type {}\n", SVESIM_VERSION, sc_core::sc_release(),
               SVESIM_BUILD_TYPE);
    return 0;
}

int runCompletion(const std::vector<std::string>& args) {
    po::options_description opts("svesim completion bash");
    opts.add_options()("help,h", "show this help")("shell", po::value<std::string>(),
                                                   "the shell (bash)");
    po::positional_options_description pos;
    pos.add("shell", 1);
    po::variables_map vm;
    if (!parseCommandLine(args, opts, pos, vm,
                          "\nPrints a bash completion script for svesim, generated from the "
                          "commands' option tables:\n  source <(svesim completion bash)\n"))
        return 0;
    const std::string shell = vm.count("shell") ? vm["shell"].as<std::string>() : "";
    if (shell != "bash")
        throw ConfigError("svesim completion: shell '" + shell +
                          "' is not supported (allowed: "
                          "bash)");
    std::string names, cases;
    for (const Command& c : commands()) {
        if (!names.empty()) names += " ";
        names += std::string(c.name);
        if (c.name == "completion" || c.name == "help") continue;
        const auto options = [&](const std::vector<std::string>& a) {
            std::vector<std::string> o = collectOptions([&] { c.run(a); });
            std::sort(o.begin(), o.end());
            o.erase(std::unique(o.begin(), o.end()), o.end());
            std::string line;
            for (const auto& x : o) {
                if (!line.empty()) line += " ";
                line += x;
            }
            return line;
        };
        if (c.subcommands.empty()) {
            cases += fmt::format("    {}) opts=\"{}\" ;;\n", c.name, options({}));
            continue;
        }
        std::string subs;
        for (auto s : c.subcommands) {
            if (!subs.empty()) subs += " ";
            subs += std::string(s);
            cases +=
                fmt::format("    {}:{}) opts=\"{}\" ;;\n", c.name, s, options({std::string(s)}));
        }
        cases += fmt::format("    {}) opts=\"{}\" ;;\n", c.name, subs);
    }
    fmt::print(R"(# bash completion for svesim, generated by `svesim completion bash`
# from the commands' option tables: source <(svesim completion bash)
_svesim() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} cmd="" sub="" opts="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in
      -*) ;;
      *) if [[ -z $cmd ]]; then cmd=${{COMP_WORDS[i]}}; elif [[ -z $sub ]]; then sub=${{COMP_WORDS[i]}}; fi ;;
    esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "{} --help --version" -- "$cur")); return
  fi
  local key=$cmd
  [[ -n $sub ]] && key="$cmd:$sub"
  case $key in
{}    help) opts="{} exit-codes" ;;
    completion) opts="bash" ;;
  esac
  if [[ $cur == -* || -n $opts ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  fi
  [[ ${{#COMPREPLY[@]}} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
}}
complete -F _svesim svesim
)",
               names, cases, names);
    return 0;
}

} // namespace svesim::app
