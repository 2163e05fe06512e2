#include "sweep_cmd.h"

#include "check_session.h"
#include "exit_codes.h"
#include "json_value.h"
#include "options.h"
#include "scenario_runner.h"
#include "svesim/arch/config_error.h"
#include "svesim/model/elf_image.h"
#include "svesim/model/ini_file.h"
#include "svesim/model/timing.h"
#include "svesim/scenarios/catalogue.h"
#include "svesim/sve/zero_upper_policy.h"
#include "sweep_csv.h"

#include <algorithm>
#include <boost/algorithm/string.hpp>
#include <boost/program_options.hpp>
#include <deque>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

// The grid: each axis a list of values. Keys: scenarios, policies, seeds (for random policies),
// hmax_vq, gmax_vq, gz1_vq (and any other scenario parameter), timing.<key>.
using Grid = std::map<std::string, std::vector<std::string>>;

// "a,b,c" and integer ranges "1..16"; throws ConfigError on an empty list or a bad range.
std::vector<std::string> expandValues(const std::string& key, const std::string& text) {
    std::vector<std::string> out;
    std::vector<std::string> items;
    boost::split(items, text, boost::is_any_of(","));
    for (std::string item : items) {
        boost::trim(item);
        if (item.empty()) continue;
        const auto dots = item.find("..");
        if (dots != std::string::npos) {
            const auto lo = parseUnsigned(item.substr(0, dots), "grid " + key);
            const auto hi = parseUnsigned(item.substr(dots + 2), "grid " + key);
            if (lo > hi) throw ConfigError("grid " + key + ": empty range '" + item + "'");
            for (auto v = lo; v <= hi; ++v)
                out.push_back(std::to_string(v));
        } else {
            out.push_back(item);
        }
    }
    if (out.empty()) throw ConfigError("grid " + key + ": no values");
    return out;
}

Grid defaultGrid() {
    Grid g;
    for (const auto& s : scenarios::catalogue())
        g["scenarios"].emplace_back(s.name);
    g["policies"] = {"preserve", "zero", "qemu", "random"};
    g["seeds"] = {"1", "2", "3"};
    g["hmax_vq"] = {"4", "8"};
    g["gmax_vq"] = {"1", "2", "4", "8"};
    g["gz1_vq"] = {"1", "2"};
    g["timing.exception"] = {"30", "60"};
    return g;
}

// `key = values` lines (model::readIniFile: '#'/';' comments, no sections); every key of the
// grid replaces the default's.
Grid readGrid(const std::string& path) {
    Grid g = defaultGrid();
    for (const model::IniEntry& e : model::readIniFile(path, "grid file")) {
        if (!e.section.empty())
            throw ConfigError(fmt::format("grid file {}:{}: a grid has no sections", path, e.line));
        g[e.key] = expandValues(e.key, e.value);
    }
    return g;
}

struct Point {
    const scenarios::ScenarioInfo* scenario;
    std::string policy;
    std::map<std::string, std::uint64_t> params;
    std::map<std::string, std::string> timing;
    [[nodiscard]] std::string key() const {
        std::string k = std::string(scenario->name) + "|" + policy;
        for (const auto& [n, v] : params)
            k += fmt::format("|{}={}", n, v);
        for (const auto& [n, v] : timing)
            k += fmt::format("|t.{}={}", n, v);
        return k;
    }
};

// The grid's points, and those it names that cannot exist.
struct Expansion {
    std::vector<Point> points;              // the possible ones, in grid order
    std::size_t impossible = 0;             // points left out
    std::map<std::string, std::size_t> why; // reason -> how many points it left out
    std::string first_impossible;           // the key of the first one left out
};

// Offered maxima (hmax_vq, gmax_vq) the platform does not implement: axis -> values.
using Unimplemented = std::map<std::string, std::set<std::uint64_t>>;

// "gmax_vq = 3, 5 (not implemented by the scenario platform, which offers 1, 2, 4, 8, 16)": the
// lengths offered are the ones checkVectorLengthParam (R_NWYBP) accepts.
std::string unimplementedText(const std::string& axis, const std::set<std::uint64_t>& values) {
    std::string offered;
    for (std::uint64_t vq = 1; vq <= 16; ++vq) {
        try {
            checkVectorLengthParam(axis, vq);
            offered += (offered.empty() ? "" : ", ") + std::to_string(vq);
        } catch (const ConfigError&) {
        }
    }
    std::string list;
    for (const std::uint64_t v : values)
        list += (list.empty() ? "" : ", ") + std::to_string(v);
    return fmt::format("{} = {} (not implemented by the scenario platform, which offers {})", axis,
                       list, offered);
}

// Why point `p` cannot exist ("" when it can): an offered maximum the platform does not
// implement (KVM offers only implemented lengths, R_NWYBP), or a guest maximum above the
// host's (KVM never offers a guest more than the host has).
std::string impossibility(const Point& p, const Unimplemented& unimplemented) {
    for (const auto& [k, v] : p.params)
        if (const auto it = unimplemented.find(k); it != unimplemented.end() && it->second.count(v))
            return unimplementedText(k, it->second);
    const auto hmax = p.params.find("hmax_vq"), gmax = p.params.find("gmax_vq");
    if (hmax != p.params.end() && gmax != p.params.end() && gmax->second > hmax->second)
        return "gmax_vq > hmax_vq (a guest maximum VL above the host's, which KVM never offers)";
    return "";
}

// Every axis value is checked here, before any point runs: a value that is nonsense (not a
// number, not a policy or seed, a VQ outside the architecture, an unknown scenario or timing
// key) throws ConfigError; a combination that cannot exist is left out and counted.
Expansion expand(const Grid& g, const std::string& dir) {
    std::vector<std::string> policies;
    for (const auto& p : g.at("policies")) {
        if (p == "random") {
            for (const auto& seed :
                 g.count("seeds") ? g.at("seeds") : std::vector<std::string>{"1"}) {
                try {
                    ZeroUpperPolicy::parse("random:" + seed); // validates the seed
                } catch (const ConfigError&) {
                    throw ConfigError("grid seeds: '" + seed +
                                      "' is not a seed (allowed: integers, e.g. 1..5)");
                }
                policies.push_back("random:" + seed);
            }
        } else {
            ZeroUpperPolicy::parse(p); // validates
            policies.push_back(p);
        }
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> param_axes, timing_axes;
    Unimplemented unimplemented;
    for (const auto& [k, v] : g) {
        if (k == "scenarios" || k == "policies" || k == "seeds") continue;
        if (k.rfind("timing.", 0) == 0) {
            model::TimingConfig probe = model::TimingConfig::neoverseV1();
            for (const auto& value : v)
                probe.set(k.substr(7), value, "grid "); // validates
            timing_axes.emplace_back(k.substr(7), v);
        } else {
            for (const auto& value : v) {
                const auto n = parseUnsigned(value, "grid " + k);
                try {
                    checkVectorLengthParam(k, n);
                } catch (const ConfigError&) {
                    if (n < 1 || n > 16) throw; // outside the architecture: nonsense
                    unimplemented[k].insert(n);
                }
            }
            param_axes.emplace_back(k, v);
        }
    }
    Expansion out;
    std::set<std::string> used; // parameter axes some program of the grid defines
    for (const auto& name : g.at("scenarios")) {
        const auto* s = scenarios::findScenario(name);
        if (s == nullptr) throw ConfigError("grid scenarios: unknown scenario '" + name + "'");
        const auto image = model::ElfImage::load(dir + "/" + std::string(s->program) + ".elf");
        // The cartesian product of the axes this program has parameters for.
        std::vector<std::map<std::string, std::uint64_t>> combos{{}};
        for (const auto& p : s->params)
            combos.front()[std::string(p.name)] = p.value;
        for (const auto& [k, values] : param_axes) {
            if (image.symbols.count("param_" + k) == 0) continue; // not this program's
            used.insert(k);
            std::vector<std::map<std::string, std::uint64_t>> next;
            for (const auto& c : combos)
                for (const auto& v : values) {
                    auto copy = c;
                    copy[k] = parseUnsigned(v, "grid " + k);
                    next.push_back(std::move(copy));
                }
            combos = std::move(next);
        }
        std::vector<std::map<std::string, std::string>> timings{{}};
        for (const auto& [k, values] : timing_axes) {
            std::vector<std::map<std::string, std::string>> next;
            for (const auto& t : timings)
                for (const auto& v : values) {
                    auto copy = t;
                    copy[k] = v;
                    next.push_back(std::move(copy));
                }
            timings = std::move(next);
        }
        for (const auto& policy : policies)
            for (const auto& c : combos)
                for (const auto& t : timings) {
                    Point p{s, policy, c, t};
                    const std::string why = impossibility(p, unimplemented);
                    if (why.empty()) {
                        out.points.push_back(std::move(p));
                        continue;
                    }
                    if (out.impossible++ == 0) out.first_impossible = p.key();
                    ++out.why[why];
                }
    }
    // A key no program defines is a typo, not an axis to ignore silently.
    for (const auto& [k, v] : param_axes)
        if (used.count(k) == 0)
            throw ConfigError("grid " + k + ": no scenario of the grid has this parameter");
    return out;
}

// "336 with gmax_vq > hmax_vq (...); 12 with ...".
std::string impossibleText(const Expansion& e) {
    std::string out;
    for (const auto& [why, n] : e.why)
        out += fmt::format("{}{} with {}", out.empty() ? "" : "; ", n, why);
    return out;
}

const char* kHeader = "key,scenario,policy,hmax_vq,gmax_vq,gz1_vq,timing,verdict,expected,finish,"
                      "instructions,cycles,entry_cycles,exit_cycles,restore_cycles,put_cycles,"
                      "window_cycles,switch_cycles,outside_cycles,host_ms";

std::string csvRow(const Point& p, const RunResult& r) {
    std::string timing;
    for (const auto& [k, v] : p.timing)
        timing += (timing.empty() ? "" : ";") + k + "=" + v;
    const auto param = [&](const char* n) {
        const auto it = p.params.find(n);
        return it == p.params.end() ? std::string() : std::to_string(it->second);
    };
    // One switch round trip: entry, exit, the guest's lazy restore, the host's window (a
    // softirq save lands there) and put.
    const double sw = r.entry_phase + r.exit_phase + r.restore_phase + r.window_phase + r.put_phase;
    return fmt::format("\"{}\",{},{},{},{},{},{},{},{},{},{},{},{:.0f},{:.0f},{:.0f},{:.0f},{:.0f},"
                       "{:.0f},{:.0f},{:.1f}",
                       p.key(), p.scenario->name, p.policy, param("hmax_vq"), param("gmax_vq"),
                       param("gz1_vq"), timing, r.verdict,
                       scenarios::expectedFor(*p.scenario, p.policy, p.params), r.finish,
                       r.instructions, r.cycles, r.entry_phase, r.exit_phase, r.restore_phase,
                       r.put_phase, r.window_phase, sw, r.cycles_outside, r.host_ms);
}

std::set<std::string> doneKeys(const std::string& path) {
    std::set<std::string> keys;
    for (const SweepCsv::Row& r : readSweepCsv(path, "--out", true).rows)
        keys.insert(r.key);
    return keys;
}

} // namespace

int runSweep(const std::vector<std::string>& args) {
    po::options_description opts("svesim sweep [--grid FILE] --out FILE.csv [options]");
    opts.add_options()("help,h", "show this help")(
        "grid", po::value<std::string>(),
        "grid file (key = values lines); default: docs/studies/README.md's grid")(
        "out", po::value<std::string>(), "CSV to write (appended to with --resume)")(
        "json", po::value<std::string>(), "also write every row as JSON to FILE")(
        "jobs", po::value<std::string>()->default_value("2"), "points run at once")(
        "isolate", "run every point in a child process of its own (default: in this process)")(
        "shard", po::value<std::string>()->default_value("0/1"),
        "i/N: run only points with index % N == i")("resume", "skip points already in --out")(
        "max-insns", po::value<std::string>()->default_value("20000000"),
        "instruction limit per point")(
        "axis", po::value<std::vector<std::string>>()->composing(),
        "KEY=VALUES: set one axis from the command line (after --grid), e.g. gmax_vq=1,2,4..16")(
        "dir", po::value<std::string>()->default_value(scenarioProgramDir()),
        "where the scenario ELFs are")("list", "print the points and exit")(
        "strict", "refuse a grid with impossible points (a guest maximum VQ above the host's, a "
                  "maximum the platform does not implement) instead of leaving them out");
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm)) return 0;
    Grid grid = vm.count("grid") ? readGrid(vm["grid"].as<std::string>()) : defaultGrid();
    if (vm.count("axis"))
        for (const auto& a : vm["axis"].as<std::vector<std::string>>()) {
            const auto eq = a.find('=');
            if (eq == std::string::npos || eq == 0)
                throw ConfigError("--axis '" + a + "' is not KEY=VALUES");
            std::string key = a.substr(0, eq);
            boost::trim(key);
            grid[key] = expandValues(key, a.substr(eq + 1));
        }
    const std::string dir = vm["dir"].as<std::string>();
    // Every value and path is checked before the first point runs (and before --out is
    // truncated): the numbers, the shard, the grid, the outputs.
    const auto jobs =
        std::max<unsigned long long>(1, parseUnsigned(vm["jobs"].as<std::string>(), "--jobs"));
    const auto max_insns = parseUnsigned(vm["max-insns"].as<std::string>(), "--max-insns");
    unsigned shard = 0, shards = 1;
    {
        const std::string s = vm["shard"].as<std::string>();
        const auto slash = s.find('/');
        if (slash == std::string::npos) throw ConfigError("--shard '" + s + "' is not i/N");
        shard = static_cast<unsigned>(parseUnsigned(s.substr(0, slash), "--shard i"));
        shards = static_cast<unsigned>(parseUnsigned(s.substr(slash + 1), "--shard N"));
        if (shards == 0 || shard >= shards)
            throw ConfigError("--shard '" + s + "' is out of range (allowed: 0 <= i < N)");
    }
    const Expansion grid_points = expand(grid, dir);
    const std::vector<Point>& points = grid_points.points;
    if (grid_points.impossible > 0) {
        if (points.empty())
            throw ConfigError("grid: no possible point: " + impossibleText(grid_points));
        if (vm.count("strict"))
            throw ConfigError(
                fmt::format("--strict: {} impossible point{} in the grid, the first "
                            "{}: {}",
                            grid_points.impossible, grid_points.impossible == 1 ? "" : "s",
                            grid_points.first_impossible, impossibleText(grid_points)));
        fmt::print(stderr, "sweep: {} impossible point{} left out ({}); --strict refuses them\n",
                   grid_points.impossible, grid_points.impossible == 1 ? "" : "s",
                   impossibleText(grid_points));
    }
    std::vector<Point> mine;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (i % shards == shard) mine.push_back(points[i]);
    if (vm.count("list")) {
        for (const auto& p : mine)
            fmt::print("{}\n", p.key());
        return 0;
    }
    if (!vm.count("out")) throw ConfigError("--out FILE.csv is required");
    const std::string out_path = vm["out"].as<std::string>();
    if (vm.count("json")) checkWritable("--json", vm["json"].as<std::string>());
    std::set<std::string> done;
    const bool resume = vm.count("resume") && std::filesystem::exists(out_path);
    if (resume) done = doneKeys(out_path);
    std::ofstream out(out_path, resume ? std::ios::app : std::ios::trunc);
    if (!out) throw OutputError("--out " + out_path + " cannot be written");
    if (!resume) out << kHeader << "\n";

    std::vector<std::string> rows;
    std::deque<std::pair<Point, RunningPoint>> running;
    std::size_t finished = 0, failed = 0, skipped = 0;
    int status = exit_code::kOk; // the worst finish (exit_codes.h)
    const std::size_t total = mine.size();
    const auto t0 = std::chrono::steady_clock::now();
    const auto collect = [&]() {
        auto [p, child] = running.front();
        running.pop_front();
        const RunResult r = finishPoint(child);
        if (r.finish != "exit") {
            ++failed;
            status = worseExit(status, exitForFinish(r.finish));
            fmt::print(stderr, "sweep: point {} did not finish ({}){}\n", p.key(), r.finish,
                       r.violations.empty() ? std::string() : ": " + r.violations.front());
        }
        const std::string row = csvRow(p, r);
        out << row << "\n";
        out.flush();
        rows.push_back(row);
        ++finished;
        if (finished % 100 == 0 || finished + skipped == total) {
            const double secs =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            fmt::print(stderr, "sweep: {}/{} points ({} resumed), {:.1f} s, {:.1f} points/s\n",
                       finished + skipped, total, skipped, secs,
                       static_cast<double>(finished) / secs);
        }
    };
    for (const Point& p : mine) {
        if (done.count(p.key())) {
            ++skipped;
            continue;
        }
        RunRequest req{
            p.scenario, p.policy,  p.params, dir + "/" + std::string(p.scenario->program) + ".elf",
            "",         max_insns, p.timing};
        req.isolate = vm.count("isolate") != 0;
        running.emplace_back(p, startPoint(req));
        if (running.size() >= jobs) collect();
    }
    while (!running.empty())
        collect();
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print(stderr, "sweep: done: {} points run, {} resumed, {} did not finish, {:.1f} s\n",
               finished, skipped, failed, secs);
    if (vm.count("json")) {
        // Every row now in the CSV (resumed ones included), as JSON objects with typed values.
        nlohmann::json json_rows = nlohmann::json::array();
        const SweepCsv csv = readSweepCsv(out_path, "--out");
        for (const SweepCsv::Row& r : csv.rows) {
            nlohmann::json row;
            row["key"] = r.key;
            for (std::size_t i = 1; i < csv.columns.size() && i - 1 < r.cells.size(); ++i)
                row[csv.columns[i]] = typedValue(r.cells[i - 1]);
            json_rows.push_back(std::move(row));
        }
        writeJsonFile(nlohmann::json{{"points", json_rows}}, vm["json"].as<std::string>(),
                      "--json");
    }
    return status;
}

// ---- svesim plot --------------------------------------------------------------------------------
int runPlot(const std::vector<std::string>& args) {
    po::options_description opts("svesim plot --csv FILE --x COL --y COL --series COL [--where "
                                 "COL=VALUE...] --out FILE.svg");
    opts.add_options()("help,h", "show this help")("csv", po::value<std::string>(), "a sweep CSV")(
        "x", po::value<std::string>(), "x column (numeric)")(
        "y", po::value<std::string>(), "y column (numeric; the mean where several rows share x)")(
        "series", po::value<std::string>(), "one line per value of this column")(
        "where", po::value<std::vector<std::string>>()->composing(),
        "COL=VALUE filters")("title", po::value<std::string>()->default_value(""),
                             "chart title")("out", po::value<std::string>(), "SVG to write");
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm)) return 0;
    for (const char* k : {"csv", "x", "y", "series", "out"})
        if (!vm.count(k)) throw ConfigError(std::string("svesim plot: --") + k + " is required");
    const SweepCsv csv = readSweepCsv(vm["csv"].as<std::string>(), "--csv");
    const auto col = [&](const std::string& n) {
        const int c = csv.cell(n);
        if (c < 0) throw ConfigError("svesim plot: no column '" + n + "' in the CSV");
        return static_cast<std::size_t>(c);
    };
    const std::size_t xi = col(vm["x"].as<std::string>()), yi = col(vm["y"].as<std::string>()),
                      si = col(vm["series"].as<std::string>());
    std::vector<std::pair<std::size_t, std::string>> filters;
    if (vm.count("where"))
        for (const auto& w : vm["where"].as<std::vector<std::string>>()) {
            const auto eq = w.find('=');
            if (eq == std::string::npos) throw ConfigError("--where '" + w + "' is not COL=VALUE");
            filters.emplace_back(col(w.substr(0, eq)), w.substr(eq + 1));
        }
    std::map<std::string, std::map<double, std::pair<double, int>>> series;
    for (const SweepCsv::Row& r : csv.rows) {
        const std::vector<std::string>& vals = r.cells;
        if (vals.size() + 1 < csv.columns.size()) continue;
        bool keep = true;
        for (const auto& [c, v] : filters)
            keep = keep && vals[c] == v;
        if (!keep || vals[xi].empty() || vals[yi].empty()) continue;
        const auto number = [&](std::size_t c) {
            try {
                std::size_t used = 0;
                const double v = std::stod(vals[c], &used);
                if (used == vals[c].size()) return v;
            } catch (const std::exception&) {
            }
            throw ConfigError("svesim plot: column '" + csv.columns[c + 1] + "' holds '" + vals[c] +
                              "', not a number (plot numeric columns only)");
        };
        auto& cell = series[vals[si]][number(xi)];
        cell.first += number(yi);
        cell.second += 1;
    }
    if (series.empty()) throw ConfigError("svesim plot: no rows match");
    double xmin = 1e300, xmax = -1e300, ymax = 0;
    for (const auto& [s, pts] : series)
        for (const auto& [x, c] : pts) {
            xmin = std::min(xmin, x);
            xmax = std::max(xmax, x);
            ymax = std::max(ymax, c.first / c.second);
        }
    if (xmax <= xmin) xmax = xmin + 1;
    const double W = 760, H = 420, L = 70, R = 180, T = 40, B = 50;
    const auto px = [&](double x) { return L + (W - L - R) * (x - xmin) / (xmax - xmin); };
    const auto py = [&](double y) { return H - B - (H - T - B) * y / (ymax * 1.05); };
    static const char* kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                     "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
        "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" "
        "fill=\"white\"/>\n<text x=\"{}\" y=\"22\" font-size=\"14\">{}</text>\n",
        W, H, L, vm["title"].as<std::string>());
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"black\"/><line "
                       "x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"black\"/>\n",
                       L, H - B, W - R, H - B, L, T, L, H - B);
    for (int i = 0; i <= 4; ++i) {
        const double y = ymax * 1.05 * i / 4, x = xmin + (xmax - xmin) * i / 4;
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{:.0f}</text>\n",
                           L - 6, py(y) + 4, y);
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{:g}</text>\n",
                           px(x), H - B + 18, x);
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       (L + W - R) / 2, H - 10, vm["x"].as<std::string>());
    svg += fmt::format("<text x=\"14\" y=\"{}\" transform=\"rotate(-90 14 {})\" "
                       "text-anchor=\"middle\">{}</text>\n",
                       (T + H - B) / 2, (T + H - B) / 2, vm["y"].as<std::string>());
    int k = 0;
    for (const auto& [s, pts] : series) {
        const char* c = kColours[k % 10];
        std::string path;
        for (const auto& [x, cell] : pts)
            path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", px(x),
                                py(cell.first / cell.second));
        svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                           path, c);
        for (const auto& [x, cell] : pts)
            svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n", px(x),
                               py(cell.first / cell.second), c);
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/><text "
                           "x=\"{}\" y=\"{}\">{}</text>\n",
                           W - R + 12, T + 18 * k, c, W - R + 30, T + 18 * k + 11, s);
        ++k;
    }
    svg += "</svg>\n";
    std::ofstream out(vm["out"].as<std::string>());
    if (!out) throw OutputError("--out " + vm["out"].as<std::string>() + " cannot be written");
    out << svg;
    return 0;
}

} // namespace svesim::app
