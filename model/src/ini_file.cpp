#include "svesim/model/ini_file.h"

#include "svesim/arch/config_error.h"

#include <fmt/core.h>
#include <fstream>
#include <sstream>

namespace svesim::model {
namespace {

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

} // namespace

std::vector<IniEntry> parseIni(std::string_view text, const std::string& where) {
    std::vector<IniEntry> entries;
    std::string section;
    unsigned n = 0;
    while (!text.empty()) {
        ++n;
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        line = trim(line.substr(0, line.find_first_of("#;")));
        if (line.empty()) continue;
        const std::string at = fmt::format("{}:{}: ", where, n);
        if (line.front() == '[') {
            const std::string_view name = line.size() >= 3 && line.back() == ']'
                                              ? trim(line.substr(1, line.size() - 2))
                                              : std::string_view{};
            if (name.empty()) throw ConfigError(at + "a section is written [name]");
            section = name;
            continue;
        }
        const auto eq = line.find('=');
        if (eq == std::string_view::npos || trim(line.substr(0, eq)).empty())
            throw ConfigError(at + fmt::format("expected 'name = value', got '{}'", line));
        entries.push_back({section, std::string(trim(line.substr(0, eq))),
                           std::string(trim(line.substr(eq + 1))), n});
    }
    return entries;
}

std::vector<IniEntry> readIniFile(const std::string& path, std::string_view what) {
    std::ifstream in(path);
    if (!in) throw ConfigError(fmt::format("{} {} cannot be read", what, path));
    std::ostringstream text;
    text << in.rdbuf();
    return parseIni(text.str(), path);
}

} // namespace svesim::model
