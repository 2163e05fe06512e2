#include "json_value.h"

#include "svesim/arch/config_error.h"

#include <charconv>
#include <fstream>

namespace svesim::app {

nlohmann::json typedValue(const std::string& cell) {
    if (cell.empty()) return nullptr;
    if (cell == "true") return true;
    if (cell == "false") return false;
    const char* first = cell.data();
    const char* last = cell.data() + cell.size();
    long long i = 0;
    if (auto [p, ec] = std::from_chars(first, last, i); ec == std::errc() && p == last) return i;
    unsigned long long u = 0;
    if (auto [p, ec] = std::from_chars(first, last, u); ec == std::errc() && p == last) return u;
    double d = 0;
    if (auto [p, ec] = std::from_chars(first, last, d); ec == std::errc() && p == last) return d;
    return cell;
}

void writeJsonFile(const nlohmann::json& value, const std::string& path, const std::string& flag) {
    std::ofstream out(path);
    if (!out) throw ConfigError(flag + " " + path + " cannot be written");
    out << value.dump(2) << "\n";
    if (!out) throw ConfigError(flag + " " + path + " cannot be written");
}

} // namespace svesim::app
