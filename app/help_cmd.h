// The command list and what `svesim`, `svesim --help`, `svesim help [CMD [SUB]]`,
// `svesim --version` and `svesim completion bash` print.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace svesim::app {

struct Command {
    std::string_view name;
    std::string_view summary; // one line for the command list
    std::function<int(const std::vector<std::string>&)> run;
    std::vector<std::string_view> subcommands = {}; // `scenario list`, `scenario run`
};

// Every command, in the order the list shows them.
std::span<const Command> commands();
const Command* findCommand(std::string_view name);

// The command list (bare `svesim`, --help, `svesim help`).
void printCommandList();
// `svesim help [CMD [SUB]]` and `svesim help exit-codes`.
int runHelp(const std::vector<std::string>& args);
// `svesim --version`: svesim's version, SystemC's, and the build type.
int runVersion(const std::vector<std::string>& args);
// `svesim completion bash`: a bash completion script generated from the option tables.
int runCompletion(const std::vector<std::string>& args);

} // namespace svesim::app
