#include "sweep_csv.h"

#include "svesim/arch/config_error.h"

#include <algorithm>
#include <boost/algorithm/string.hpp>
#include <fstream>

namespace svesim::app {

int SweepCsv::cell(const std::string& name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() || it == columns.begin()
               ? -1
               : static_cast<int>(it - columns.begin()) - 1;
}

SweepCsv readSweepCsv(const std::string& path, const std::string& flag, bool missing_ok) {
    SweepCsv t;
    std::ifstream in(path);
    if (!in) {
        if (missing_ok) return t;
        throw ConfigError(flag + " " + path + " cannot be read");
    }
    std::string line;
    if (!std::getline(in, line)) return t;
    boost::split(t.columns, line, boost::is_any_of(","));
    while (std::getline(in, line)) {
        if (line.size() < 2 || line[0] != '"') continue;
        const auto close = line.find('"', 1);
        if (close == std::string::npos) continue;
        SweepCsv::Row row;
        row.key = line.substr(1, close - 1);
        if (close + 2 <= line.size())
            boost::split(row.cells, line.substr(close + 2), boost::is_any_of(","));
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace svesim::app
