// The one reader of sweep result CSVs (`svesim sweep --out`): resume, `--json` and `svesim plot`
// all read the file through it. Row layout: a quoted point key, then the columns of the header.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

struct SweepCsv {
    std::vector<std::string> columns; // the header, "key" first
    struct Row {
        std::string key;                // the point key (without its quotes)
        std::vector<std::string> cells; // columns[1..], as written
    };
    std::vector<Row> rows;
    // The index of column `name` in a Row's cells (columns[1] is cells[0]), or -1.
    [[nodiscard]] int cell(const std::string& name) const;
};

// Reads `path`; a missing file is an empty table when `missing_ok`, else throws ConfigError
// naming `flag`. Lines that are not rows (no quoted key) are skipped.
SweepCsv readSweepCsv(const std::string& path, const std::string& flag, bool missing_ok = false);

} // namespace svesim::app
