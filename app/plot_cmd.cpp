#include "plot_cmd.h"

#include "exit_codes.h"
#include "options.h"
#include "svesim/arch/config_error.h"
#include "svesim/scenarios/svg_text.h"
#include "sweep_csv.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdlib>
#include <fmt/core.h>
#include <fstream>
#include <map>
#include <optional>
#include <set>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

// A cell as a number, when the whole cell is one finite number.
std::optional<double> numberIn(const std::string& cell) {
    if (cell.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

enum class Scale : std::uint8_t { Auto, Linear, Log2, Categories };

Scale parseScale(const std::string& text, const std::string& flag) {
    if (text == "auto") return Scale::Auto;
    if (text == "linear") return Scale::Linear;
    if (text == "log2") return Scale::Log2;
    if (text == "categories") return Scale::Categories;
    throw ConfigError(flag + " '" + text +
                      "' is unknown (allowed: auto, linear, log2, categories)");
}

// Vector lengths (hmax_vq, gmax_vq, gz1_vq, a *_vl column) are powers of two: a log2 scale puts
// each at its own tick instead of crowding 1, 2 and 4 and labelling 4.75.
bool isLengthColumn(const std::string& name) {
    const auto ends = [&](std::string_view s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return name == "vq" || name == "vl" || ends("_vq") || ends("_vl");
}

// One axis: where a cell of its column goes (0 at the origin, 1 at the far end) and its ticks.
class Axis {
public:
    // `cells`: every value the chart shows; `from_zero`: a linear scale starts at 0 (cycles).
    Axis(std::string column, const std::vector<std::string>& cells, Scale wanted, bool from_zero,
         const std::string& flag)
        : column_(std::move(column)) {
        bool numeric = true;
        double lo = 1e300, hi = -1e300;
        for (const std::string& c : cells) {
            const auto v = numberIn(c);
            numeric = numeric && v.has_value();
            if (v) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
        }
        scale_ = wanted;
        if (scale_ == Scale::Auto)
            scale_ = !numeric                            ? Scale::Categories
                     : isLengthColumn(column_) && lo > 0 ? Scale::Log2
                                                         : Scale::Linear;
        if (scale_ != Scale::Categories && !numeric) {
            const auto bad = std::find_if(cells.begin(), cells.end(),
                                          [](const std::string& c) { return !numberIn(c); });
            throw ConfigError(fmt::format("plot: column '{}' holds '{}', not a number, so "
                                          "{} categories (the default for it) draws it",
                                          column_, *bad, flag));
        }
        if (scale_ == Scale::Log2 && lo <= 0)
            throw ConfigError(fmt::format("plot: column '{}' holds {:g}: a log2 scale needs "
                                          "positive values",
                                          column_, lo));
        if (scale_ == Scale::Categories) {
            std::set<std::string> distinct(cells.begin(), cells.end());
            // "clean" first: the verdict every other one is a departure from.
            if (distinct.erase("clean")) categories_.push_back("clean");
            categories_.insert(categories_.end(), distinct.begin(), distinct.end());
        } else if (scale_ == Scale::Log2) {
            lo_ = std::floor(std::log2(lo));
            hi_ = std::max(std::ceil(std::log2(hi)), lo_ + 1);
        } else {
            if (from_zero) lo = std::min(lo, 0.0);
            step_ = niceStep((hi - lo) / 5);
            lo_ = std::floor(lo / step_) * step_;
            hi_ = std::max(std::ceil(hi / step_) * step_, lo_ + step_);
        }
    }

    [[nodiscard]] bool categorical() const { return scale_ == Scale::Categories; }
    [[nodiscard]] const std::string& column() const { return column_; }

    [[nodiscard]] double at(const std::string& cell) const {
        if (scale_ == Scale::Categories) {
            const auto it = std::find(categories_.begin(), categories_.end(), cell);
            return (static_cast<double>(it - categories_.begin()) + 0.5) /
                   static_cast<double>(categories_.size());
        }
        return at(*numberIn(cell));
    }
    // Where a number goes on a numeric axis.
    [[nodiscard]] double at(double v) const {
        return scale_ == Scale::Log2 ? (std::log2(v) - lo_) / (hi_ - lo_) : (v - lo_) / (hi_ - lo_);
    }
    [[nodiscard]] bool log2() const { return scale_ == Scale::Log2; }

    [[nodiscard]] std::vector<std::pair<double, std::string>> ticks() const {
        std::vector<std::pair<double, std::string>> out;
        if (scale_ == Scale::Categories) {
            for (const std::string& c : categories_)
                out.emplace_back(at(c), c);
        } else if (scale_ == Scale::Log2) {
            for (double k = lo_; k <= hi_; k += 1)
                out.emplace_back((k - lo_) / (hi_ - lo_), fmt::format("{:g}", std::exp2(k)));
        } else {
            const auto n = static_cast<int>(std::lround((hi_ - lo_) / step_));
            for (int i = 0; i <= n; ++i)
                out.emplace_back(static_cast<double>(i) / n,
                                 fmt::format("{:g}", lo_ + step_ * static_cast<double>(i)));
        }
        return out;
    }

    // The longest tick label, in characters (for the margins).
    [[nodiscard]] std::size_t labelChars() const {
        std::size_t n = 0;
        for (const auto& [pos, label] : ticks())
            n = std::max(n, label.size());
        return n;
    }

private:
    // 1, 2 or 5 times a power of ten, at least `raw`.
    static double niceStep(double raw) {
        if (raw <= 0) return 1;
        const double p = std::pow(10.0, std::floor(std::log10(raw)));
        for (const double m : {1.0, 2.0, 5.0, 10.0})
            if (m * p >= raw) return m * p;
        return 10 * p;
    }

    std::string column_;
    Scale scale_ = Scale::Linear;
    double lo_ = 0, hi_ = 1, step_ = 1;
    std::vector<std::string> categories_;
};

struct Selected {
    std::string x, y, series;
};

} // namespace

int runPlot(const std::vector<std::string>& args) {
    po::options_description opts(
        "svesim plot --csv FILE --x COL --y COL [--series COL] [--where COL=VALUE...] --out "
        "FILE.svg");
    opts.add_options()("help,h", "show this help")("csv", po::value<std::string>(), "a sweep CSV")(
        "x", po::value<std::string>(), "x column (any)")(
        "y", po::value<std::string>(),
        "y column (any; numbers: the mean where several rows share x; categories such as the "
        "verdict: every one that occurs)")("series", po::value<std::string>(),
                                           "one line per value of this column")(
        "where", po::value<std::vector<std::string>>()->composing(), "COL=VALUE filters")(
        "x-scale", po::value<std::string>()->default_value("auto"),
        "auto, linear, log2 or categories (auto: log2 for *_vq/*_vl columns, categories for "
        "text, else linear)")("y-scale", po::value<std::string>()->default_value("auto"),
                              "as --x-scale")("title", po::value<std::string>()->default_value(""),
                                              "chart title")("out", po::value<std::string>(),
                                                             "SVG to write");
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm)) return 0;
    for (const char* k : {"csv", "x", "y", "out"})
        if (!vm.count(k)) throw ConfigError(std::string("plot: --") + k + " is required");
    const Scale x_scale = parseScale(vm["x-scale"].as<std::string>(), "--x-scale");
    const Scale y_scale = parseScale(vm["y-scale"].as<std::string>(), "--y-scale");
    const std::string out_path = vm["out"].as<std::string>();
    checkWritable("--out", out_path);
    const SweepCsv csv = readSweepCsv(vm["csv"].as<std::string>(), "--csv");
    const auto col = [&](const std::string& n) {
        const int c = csv.cell(n);
        if (c < 0) {
            std::string names;
            for (std::size_t i = 1; i < csv.columns.size(); ++i)
                names += (names.empty() ? "" : ", ") + csv.columns[i];
            throw ConfigError("plot: no column '" + n + "' in the CSV (columns: " + names + ")");
        }
        return static_cast<std::size_t>(c);
    };
    const std::size_t xi = col(vm["x"].as<std::string>()), yi = col(vm["y"].as<std::string>());
    const bool by_series = vm.count("series") > 0;
    const std::size_t si = by_series ? col(vm["series"].as<std::string>()) : 0;
    std::vector<std::pair<std::size_t, std::string>> filters;
    if (vm.count("where"))
        for (const auto& w : vm["where"].as<std::vector<std::string>>()) {
            const auto eq = w.find('=');
            if (eq == std::string::npos) throw ConfigError("--where '" + w + "' is not COL=VALUE");
            filters.emplace_back(col(w.substr(0, eq)), w.substr(eq + 1));
        }
    // The rows the chart shows: complete, matching every filter, with both cells set.
    std::vector<Selected> rows;
    for (const SweepCsv::Row& r : csv.rows) {
        const std::vector<std::string>& vals = r.cells;
        if (vals.size() + 1 < csv.columns.size()) continue;
        bool keep = true;
        for (const auto& [c, v] : filters)
            keep = keep && vals[c] == v;
        if (!keep || vals[xi].empty() || vals[yi].empty()) continue;
        rows.push_back({vals[xi], vals[yi], by_series ? vals[si] : std::string("all rows")});
    }
    if (rows.empty()) throw ConfigError("plot: no rows match");
    std::vector<std::string> xs, ys;
    for (const Selected& r : rows) {
        xs.push_back(r.x);
        ys.push_back(r.y);
    }
    const Axis xa(vm["x"].as<std::string>(), xs, x_scale, false, "--x-scale");
    const Axis ya(vm["y"].as<std::string>(), ys, y_scale, true, "--y-scale");
    // Per series and x position: the mean of a numeric y; every category a categorical y took.
    struct Cell {
        double sum = 0;
        int count = 0;
        std::set<double> categories;
    };
    std::map<std::string, std::map<double, Cell>> series;
    for (const Selected& r : rows) {
        Cell& c = series[r.series][xa.at(r.x)];
        if (ya.categorical()) {
            c.categories.insert(ya.at(r.y));
        } else {
            c.sum += *numberIn(r.y);
            ++c.count;
        }
    }

    // Margins wide enough for the labels: the y ticks on the left, the legend on the right,
    // rotated category labels under the x axis.
    std::size_t legend_chars = 0;
    for (const auto& [name, pts] : series)
        legend_chars = std::max(legend_chars, name.size());
    // (12 px sans-serif: capitals are about 8 px wide.)
    const double L = std::max(70.0, 40.0 + 8.0 * static_cast<double>(ya.labelChars())),
                 R = std::max(120.0, 40.0 + 7.5 * static_cast<double>(legend_chars)),
                 W = L + 560 + R, T = 40,
                 B = xa.categorical() ? 50.0 + 5.0 * static_cast<double>(xa.labelChars()) : 50.0,
                 H = 360 + B;
    // A numeric x keeps its first and last points off the axes.
    const double pad = xa.categorical() ? 0.0 : 0.04;
    const auto px = [&](double f) { return L + (W - L - R) * (pad + (1 - 2 * pad) * f); };
    const auto py = [&](double f) { return H - B - (H - T - B) * f; };
    static const char* kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                     "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
        "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" "
        "fill=\"white\"/>\n<text x=\"{}\" y=\"22\" font-size=\"14\">{}</text>\n",
        W, H, L, scenarios::xmlEscape(vm["title"].as<std::string>()));
    for (const auto& [f, label] : ya.ticks()) {
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                           "stroke=\"#e0e0e0\"/>\n",
                           L, py(f), W - R, py(f));
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", L - 6,
                           py(f) + 4, scenarios::xmlEscape(label));
    }
    for (const auto& [f, label] : xa.ticks()) {
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                           "stroke=\"#e0e0e0\"/>\n",
                           px(f), py(0), px(f), py(1));
        if (xa.categorical())
            svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" "
                               "transform=\"rotate(-35 {:.1f} {:.1f})\">{}</text>\n",
                               px(f), H - B + 16, px(f), H - B + 16, scenarios::xmlEscape(label));
        else
            svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                               px(f), H - B + 18, scenarios::xmlEscape(label));
    }
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"black\"/><line "
                       "x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"black\"/>\n",
                       L, H - B, W - R, H - B, L, T, L, H - B);
    svg +=
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}{}</text>\n", (L + W - R) / 2,
                    H - 8, scenarios::xmlEscape(xa.column()), xa.log2() ? " (log2 scale)" : "");
    svg += fmt::format("<text x=\"14\" y=\"{}\" transform=\"rotate(-90 14 {})\" "
                       "text-anchor=\"middle\">{}{}</text>\n",
                       (T + H - B) / 2, (T + H - B) / 2, scenarios::xmlEscape(ya.column()),
                       ya.log2() ? " (log2 scale)" : "");
    // Several series on the same category would hide each other: each is shifted a little.
    // Categories are points, not a line (a mean of verdicts means nothing).
    const double spread =
        ya.categorical()
            ? std::min(
                  5.0,
                  0.7 * (xa.categorical() ? 560.0 / static_cast<double>(xa.ticks().size()) : 40.0) /
                      static_cast<double>(series.size()))
            : 0.0;
    int k = 0;
    for (const auto& [name, pts] : series) {
        const char* c = kColours[k % 10];
        const double dx = spread * (k - (static_cast<double>(series.size()) - 1) / 2);
        std::string path;
        std::string marks;
        for (const auto& [x, cell] : pts) {
            std::vector<double> yv;
            if (ya.categorical())
                yv.assign(cell.categories.begin(), cell.categories.end());
            else
                yv.push_back(ya.at(cell.sum / cell.count));
            for (const double y : yv) {
                path +=
                    fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", px(x) + dx, py(y));
                marks += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" "
                                     "fill=\"{}\"/>\n",
                                     px(x) + dx, py(y), c);
            }
        }
        if (!ya.categorical())
            svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                               path, c);
        svg += marks;
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/><text "
                           "x=\"{}\" y=\"{}\">{}</text>\n",
                           W - R + 12, T + 18 * k, c, W - R + 30, T + 18 * k + 11,
                           scenarios::xmlEscape(name));
        ++k;
    }
    svg += "</svg>\n";
    std::ofstream out(out_path);
    if (!out) throw OutputError("--out " + out_path + " cannot be written");
    out << svg;
    return 0;
}

} // namespace svesim::app
