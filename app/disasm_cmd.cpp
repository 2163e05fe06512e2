#include "disasm_cmd.h"

#include "options.h"
#include "svesim/arch/config_error.h"
#include "svesim/isa/insn_table.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>
#include <iostream>

namespace po = boost::program_options;

namespace svesim::app {

int runDisasm(const std::vector<std::string>& args) {
    po::options_description opts("svesim disasm [--pc ADDR] [--rows] < WORDS");
    opts.add_options()("help,h",
                       "show this help")("pc", po::value<std::string>()->default_value("0"),
                                         "address of the first word (for PC-relative targets)")(
        "rows", "print the decode table (mask, value, name, timing class) instead");
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm,
                          "\nReads one 32-bit instruction word per line (hex, with or without "
                          "0x) from stdin\nand prints it with its disassembly; exit status 2 if a "
                          "line is not a word.\n"))
        return 0;
    const bool rows = vm.count("rows") != 0;
    const std::uint64_t pc = parseUnsigned(vm["pc"].as<std::string>(), "--pc");
    if (rows) {
        for (const isa::InsnDef* d : isa::allInsns())
            fmt::print("{:08x} {:08x} {} {}\n", d->mask, d->value, d->name, isa::name(d->timing));
        return 0;
    }
    std::string line;
    int bad = 0;
    while (std::getline(std::cin, line)) {
        if (line.empty()) continue;
        try {
            const auto word = parseUnsigned(line.rfind("0x", 0) == 0 ? line : "0x" + line, "word");
            if (word > 0xFFFF'FFFFULL)
                throw ConfigError("word '" + line + "' is wider than 32 bits");
            fmt::print("{:08x}\t{}\n", word,
                       isa::disassemble(static_cast<std::uint32_t>(word), pc));
        } catch (const ConfigError& e) {
            fmt::print(stderr, "svesim disasm: {}\n", e.what());
            ++bad;
        }
    }
    return bad ? 2 : 0;
}

} // namespace svesim::app
