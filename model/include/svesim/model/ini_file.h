// The one reader of svesim's INI-style files (Cpu --config files, --timing files, sweep grids):
// the same comments, whitespace and sections everywhere; each caller decides what keys mean.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace svesim::model {

// One `key = value` line.
struct IniEntry {
    std::string section; // the last `[section]` above it; "" before any
    std::string key;     // trimmed
    std::string value;   // trimmed; may contain '=' (only the first '=' separates)
    unsigned line;       // 1-based
};

// Parses INI text: blank lines; comments from '#' or ';' to the end of the line, on a line of
// their own or after a value; `[section]` headers; `key = value` lines. Entries come in file
// order (a repeated key appears twice: callers apply them in order, so the last one wins).
// Throws ConfigError "WHERE:LINE: ..." for any other line.
std::vector<IniEntry> parseIni(std::string_view text, const std::string& where);
// Reads and parses `path`; an unreadable file throws ConfigError "WHAT PATH cannot be read"
// (`what` is e.g. "config file"). Line errors name the file as "PATH:LINE: ...".
std::vector<IniEntry> readIniFile(const std::string& path, std::string_view what);

} // namespace svesim::model
