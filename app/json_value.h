// JSON output with typed values (nlohmann-json): numbers as numbers, booleans as booleans,
// lists as lists.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace svesim::app {

// A CSV cell as the JSON value it denotes: an integer, a floating-point number, true/false,
// null for an empty cell, else the string itself.
nlohmann::json typedValue(const std::string& cell);

// Writes `value` to `path` (two-space indentation); throws ConfigError naming `flag` if the
// file cannot be written.
void writeJsonFile(const nlohmann::json& value, const std::string& path, const std::string& flag);

} // namespace svesim::app
