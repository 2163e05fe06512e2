#include "disasm_cmd.h"

#include "svesim/arch/config_error.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>
#include <iostream>

namespace svesim::app {

int runDisasm(const std::vector<std::string>& args) {
    bool rows = false;
    std::uint64_t pc = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--rows")
            rows = true;
        else if (args[i] == "--pc" && i + 1 < args.size())
            pc = parseUnsigned(args[++i], "--pc");
        else
            throw ConfigError("svesim disasm: unknown argument '" + args[i] +
                              "' (allowed: --rows, --pc ADDR)");
    }
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
