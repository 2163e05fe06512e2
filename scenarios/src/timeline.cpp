#include "svesim/scenarios/timeline.h"

#include "svesim/scenarios/svg_text.h"

#include <algorithm>
#include <cmath>
#include <fmt/core.h>
#include <set>

namespace svesim::scenarios {
namespace {

// The phase ids of scenarios/kvm/macros.inc (PH_*), as docs/scenarios.md names them.
std::string phaseName(unsigned id) {
    switch (id) {
    case 1: return "guest entry";
    case 2: return "guest exit";
    case 3: return "host save";
    case 4: return "guest restore";
    case 5: return "vCPU put";
    case 6: return "host window";
    default: return fmt::format("phase {}", id);
    }
}
const char* phaseColour(unsigned id) {
    static const char* kColours[] = {"#9ecae1", "#fdae6b", "#a1d99b", "#bcbddc",
                                     "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1"};
    return kColours[id % 8];
}
const char* worldColour(const std::string& w) {
    if (w.empty()) return "#a0a0a0";
    if (w.rfind("host-task", 0) == 0) return "#3a86d4";
    return "#f08c00";
}

// "... at PC 0x4008_1234 ..." -> the PC, or 0.
std::uint64_t pcIn(const std::string& text) {
    const auto at = text.find("at PC 0x");
    if (at == std::string::npos) return 0;
    return std::strtoull(text.c_str() + at + 8, nullptr, 16);
}

// A cause as a short label: its text before " at PC", and the VL of a save.
std::string causeLabel(const std::string& cause) {
    std::string label = cause.substr(0, cause.find(" at PC"));
    const auto vl = cause.rfind(" at VL ");
    if (cause.find(" saved") != std::string::npos && vl != std::string::npos)
        label += " (VL " + cause.substr(vl + 7) + ")";
    if (label.size() > 44) label = label.substr(0, 41) + "...";
    return label;
}

// Violations at the same re-entry (cycle), of the same kind and world: one finding each
// register, one group on the chart.
struct Group {
    const Violation* first;
    std::vector<std::string> regs;
};

} // namespace

Timeline::Timeline(const ArchState& arch, WorldClassifier classify)
    : arch_(&arch)
    , classify_(std::move(classify)) {
    sample(0);
}

EventMask Timeline::interests() {
    return eventBit(EventKind::ExceptionEntered) | eventBit(EventKind::ExceptionReturn) |
           eventBit(EventKind::VectorLengthChange) | eventBit(EventKind::SysRegWrite) |
           eventBit(EventKind::ZeroUpperDecision) | eventBit(EventKind::MemoryAccess) |
           eventBit(EventKind::PhaseMark);
}

void Timeline::restartAt(std::uint64_t cycle) {
    points_.clear();
    phases_.clear();
    open_phases_.clear();
    marks_.clear();
    stores_.clear();
    origin_ = cycle;
    sample(cycle);
}

void Timeline::sample(std::uint64_t cycle) {
    const auto w = classify_(arch_->cpu);
    Point p{cycle, toUnsigned(arch_->cpu.pstate.el), w ? name(*w) : std::string(),
            arch_->currentVL().bits()};
    if (!points_.empty() && points_.back().el == p.el && points_.back().world == p.world &&
        points_.back().vl == p.vl)
        return;
    points_.push_back(std::move(p));
}

void Timeline::onExceptionEntered(const ExceptionEnteredEvent& e) {
    sample(e.ctx.cycle); // the handler's state: its EL, VL and (no) world
}
void Timeline::onExceptionReturn(const ExceptionReturnEvent& e) {
    sample(e.ctx.cycle);
}
void Timeline::onVectorLengthChange(const VectorLengthChange& e) {
    sample(e.ctx.cycle);
    marks_.push_back({e.ctx.cycle, e.ctx.pc});
}
void Timeline::onSysRegWrite(const SysRegWriteEvent& e) {
    if (e.reg == SysReg::ZCR_EL1 || e.reg == SysReg::ZCR_EL2 || e.reg == SysReg::ZCR_EL3)
        marks_.push_back({e.ctx.cycle, e.ctx.pc});
}
void Timeline::onZeroUpperDecision(const ZeroUpperDecision& e) {
    if (e.zeroed) marks_.push_back({e.ctx.cycle, e.ctx.pc});
}
void Timeline::onMemoryAccess(const MemoryAccessEvent& e) {
    // A register's save is a store; the checker names it by its PC.
    if (e.write && e.ok) {
        auto& cycles = stores_[e.ctx.pc];
        if (cycles.empty() || cycles.back() != e.ctx.cycle) cycles.push_back(e.ctx.cycle);
    }
}
void Timeline::onPhaseMark(const PhaseMarkEvent& e) {
    if (e.begin) {
        open_phases_[e.id] = e.ctx.cycle;
        return;
    }
    const auto it = open_phases_.find(e.id);
    if (it == open_phases_.end()) return;
    phases_.push_back({e.id, it->second, e.ctx.cycle});
    open_phases_.erase(it);
}

std::uint64_t Timeline::causeCycle(const std::string& cause, std::uint64_t cycle) const {
    const std::uint64_t pc = pcIn(cause);
    if (pc == 0) return 0;
    std::uint64_t best = 0;
    if (cause.find(" saved ") != std::string::npos) {
        const auto it = stores_.find(pc);
        if (it != stores_.end())
            for (const std::uint64_t c : it->second)
                if (c <= cycle) best = std::max(best, c);
        return best;
    }
    // The events marks_ holds: ZCR writes, VL changes, zeroings (a register's last write by an
    // instruction is not one of them).
    if (cause.rfind("ZCR_", 0) != 0 && cause.rfind("VL ", 0) != 0 &&
        cause.rfind("zero-or-preserve", 0) != 0)
        return 0;
    for (const Mark& m : marks_)
        if (m.pc == pc && m.cycle <= cycle) best = std::max(best, m.cycle);
    return best;
}

std::string Timeline::svg(const std::string& title, std::uint64_t end_cycle,
                          const std::vector<Violation>& violations) const {
    // Groups of findings, in order of their re-entry.
    std::vector<Group> groups;
    for (const Violation& v : violations) {
        const auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
            return g.first->cycle == v.cycle && g.first->kind == v.kind &&
                   g.first->world == v.world;
        });
        Group& g = same != groups.end() ? *same : groups.emplace_back(Group{&v, {}});
        if (!v.reg.empty() && std::find(g.regs.begin(), g.regs.end(), v.reg) == g.regs.end())
            g.regs.push_back(v.reg);
    }
    constexpr std::size_t kShownGroups = 8;
    const std::size_t shown = std::min(groups.size(), kShownGroups);

    const double width = 1100, left = 100, right = 30;
    const double legend_y = 44, phase_y = 62, phase_h = 16;
    const double el_top = phase_y + phase_h + 8, el_row = 18, el_h = 4 * el_row;
    const double vl_top = el_top + el_h + 16, vl_h = 100;
    const double axis_y = vl_top + vl_h + 4;
    const double groups_top = axis_y + 34, group_h = 30;
    const double height = groups_top + group_h * static_cast<double>(shown + 1) + 10;
    // Cycles count from the origin (0, or where restartAt put it).
    const double span = static_cast<double>(std::max<std::uint64_t>(end_cycle - origin_, 1));
    const auto x = [&](std::uint64_t c) {
        const std::uint64_t at = std::clamp(c, origin_, std::max(end_cycle, origin_)) - origin_;
        return left + (width - left - right) * static_cast<double>(at) / span;
    };
    // EL rows: EL3 at the top.
    const auto el_y = [&](unsigned el) { return el_top + el_row * (3.0 - el); };
    // VL on a log2 scale from 128 bits to the largest VL seen (at least 256).
    unsigned max_vl = 256;
    for (const Point& p : points_)
        max_vl = std::max(max_vl, p.vl);
    const double vl_steps = std::log2(max_vl / 128.0);
    const auto vl_y = [&](unsigned vl) {
        return vl_top + vl_h - 6 - (vl_h - 12) * std::log2(std::max(vl, 128U) / 128.0) / vl_steps;
    };

    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
        "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" "
        "fill=\"white\"/>\n<text x=\"{}\" y=\"22\" font-size=\"14\">{}</text>\n",
        width, height, left, xmlEscape(title));

    // Legend: worlds, phases that occur, markers.
    {
        double lx = left;
        const auto swatch = [&](const std::string& fill, const std::string& label,
                                const std::string& extra = "") {
            out += fmt::format("<rect x=\"{:.0f}\" y=\"{}\" width=\"12\" height=\"10\" "
                               "fill=\"{}\"{}/><text x=\"{:.0f}\" y=\"{}\">{}</text>\n",
                               lx, legend_y - 9, fill, extra, lx + 16, legend_y, label);
            lx += 24 + 6.2 * static_cast<double>(label.size());
        };
        swatch(worldColour("host-task"), "host task");
        swatch(worldColour("guest1"), "guest");
        swatch(worldColour(""), "no world (kernel, hypervisor, firmware)");
        std::set<unsigned> ids;
        for (const Phase& p : phases_)
            ids.insert(p.id);
        for (const unsigned id : ids)
            swatch(phaseColour(id), phaseName(id));
        swatch("red", "violation");
        swatch("white", "its cause", " stroke=\"red\" stroke-dasharray=\"3 2\"");
    }

    // Phase bands across the lanes, named in their strip when there is room.
    for (const Phase& p : phases_) {
        const double x0 = x(p.begin), x1 = std::max(x(p.end), x0 + 1);
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\" "
                           "opacity=\"0.45\"/>\n",
                           x0, phase_y, x1 - x0, vl_top + vl_h - phase_y, phaseColour(p.id));
        const std::string label = phaseName(p.id);
        if (x1 - x0 > 6.2 * static_cast<double>(label.size()) + 4)
            out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" "
                               "font-size=\"10\">{}</text>\n",
                               (x0 + x1) / 2, phase_y + 12, label);
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">phases</text>\n", left - 8,
                       phase_y + 12);

    // The EL axis: a row per EL, the PE's EL as a bar in its row, coloured by its world.
    for (unsigned el = 0; el < 4; ++el) {
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">EL{}</text>"
                           "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" "
                           "stroke=\"#e4e4e4\"/>\n",
                           left - 8, el_y(el) + 13, el, left, el_y(el) + el_row, width - right,
                           el_y(el) + el_row);
    }
    // The VL axis: a tick per implemented power of two.
    for (unsigned vl = 128; vl <= max_vl; vl *= 2)
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text><line "
                           "x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#e4e4e4\"/>\n",
                           left - 8, vl_y(vl) + 4, vl, left, vl_y(vl), width - right, vl_y(vl));
    out += fmt::format("<text x=\"14\" y=\"{0:.0f}\" transform=\"rotate(-90 14 {0:.0f})\" "
                       "text-anchor=\"middle\">Exception level</text>\n",
                       el_top + el_h / 2);
    out += fmt::format("<text x=\"14\" y=\"{0:.0f}\" transform=\"rotate(-90 14 {0:.0f})\" "
                       "text-anchor=\"middle\">VL (bits, log2)</text>\n",
                       vl_top + vl_h / 2);
    std::string vl_path;
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const Point& p = points_[i];
        const std::uint64_t next = i + 1 < points_.size() ? points_[i + 1].cycle : end_cycle;
        const double x0 = x(p.cycle), x1 = std::max(x(next), x0 + 0.5);
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" "
                           "fill=\"{}\"/>\n",
                           x0, el_y(p.el) + 3, x1 - x0, el_row - 6, worldColour(p.world));
        vl_path += vl_path.empty() ? fmt::format("M{:.1f},{:.1f}", x0, vl_y(p.vl))
                                   : fmt::format(" V{:.1f}", vl_y(p.vl));
        vl_path += fmt::format(" H{:.1f}", x1);
    }
    out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#2e8b57\" stroke-width=\"2\"/>\n",
                       vl_path);
    // The cycle axis.
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"black\"/>\n", left,
                       axis_y, width - right, axis_y);
    for (int i = 0; i <= 5; ++i) {
        const auto c = static_cast<std::uint64_t>(span * i / 5);
        out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                           x(origin_ + c), axis_y + 14, c);
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       (left + width - right) / 2, axis_y + 28,
                       origin_ == 0 ? std::string("simulated cycles")
                                    : fmt::format("simulated cycles from cycle {}", origin_));

    // Violations: a line through the lanes at the re-entry, a row below with what was found,
    // and each cause the stream showed drawn where it happened, joined to it.
    if (groups.empty())
        out += fmt::format("<text x=\"{}\" y=\"{}\">no violations</text>\n", left, groups_top + 12);
    for (std::size_t i = 0; i < shown; ++i) {
        const Group& g = groups[i];
        const Violation& v = *g.first;
        const double vx = x(v.cycle), row_y = groups_top + group_h * static_cast<double>(i);
        out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" "
                           "stroke=\"red\" stroke-width=\"1.5\"/>\n",
                           vx, phase_y, row_y + 4);
        std::string regs;
        if (g.regs.size() > 3)
            regs =
                fmt::format(" {}..{} ({} registers)", g.regs.front(), g.regs.back(), g.regs.size());
        else
            for (const std::string& r : g.regs)
                regs += " " + r;
        const std::string what =
            fmt::format("{} {}{} at cycle {}", name(v.kind), v.world, regs, v.cycle);
        // Causes, once each: when they happened and what they were.
        std::vector<std::pair<std::uint64_t, std::string>> causes;
        for (const std::string& c : v.causes) {
            const std::uint64_t at = causeCycle(c, v.cycle);
            const std::string label = causeLabel(c);
            if (at == 0 || std::any_of(causes.begin(), causes.end(),
                                       [&](const auto& k) { return k.second == label; }))
                continue;
            causes.emplace_back(at, label);
        }
        if (causes.size() > 3) causes.erase(causes.begin(), causes.end() - 3); // the latest
        const bool text_left = vx > (left + width - right) / 2;
        out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" fill=\"red\" text-anchor=\"{}\" "
                           "font-weight=\"bold\">{}</text>\n",
                           vx + (text_left ? -4 : 4), row_y + 10, text_left ? "end" : "start",
                           xmlEscape(what));
        std::string because;
        for (const auto& [at, label] : causes) {
            const double cx = x(at);
            out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" "
                               "stroke=\"red\" stroke-dasharray=\"3 2\"/><line x1=\"{0:.1f}\" "
                               "y1=\"{2}\" x2=\"{3:.1f}\" y2=\"{2}\" stroke=\"red\" "
                               "stroke-dasharray=\"3 2\"/><circle cx=\"{0:.1f}\" cy=\"{4:.1f}\" "
                               "r=\"3\" fill=\"white\" stroke=\"red\"/>\n",
                               cx, el_top, row_y + 4, vx, el_top + el_h + 8);
            because += (because.empty() ? "after: " : "; ") + label;
        }
        if (!because.empty())
            out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" fill=\"#a00000\" text-anchor=\"{}\" "
                               "font-size=\"10\">{}</text>\n",
                               vx + (text_left ? -4 : 4), row_y + 22, text_left ? "end" : "start",
                               xmlEscape(because));
    }
    if (groups.size() > shown)
        out += fmt::format("<text x=\"{}\" y=\"{}\">... and {} more (svesim scenario run -v, "
                           "--json)</text>\n",
                           left, groups_top + group_h * static_cast<double>(shown) + 12,
                           groups.size() - shown);
    out += "</svg>\n";
    return out;
}

} // namespace svesim::scenarios
