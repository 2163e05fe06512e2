#include "svesim/scenarios/timeline.h"

#include <algorithm>
#include <fmt/core.h>

namespace svesim::scenarios {

Timeline::Timeline(const ArchState& arch, WorldClassifier classify)
    : arch_(&arch)
    , classify_(std::move(classify)) {
    sample(0);
}

EventMask Timeline::interests() {
    return eventBit(EventKind::ExceptionEntered) | eventBit(EventKind::ExceptionReturn) |
           eventBit(EventKind::VectorLengthChange);
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
}

std::string Timeline::svg(const std::string& title, std::uint64_t end_cycle,
                          const std::vector<Violation>& violations) const {
    const double width = 1000, left = 70, right = 20, lane = 60, top = 40;
    const double span = static_cast<double>(std::max<std::uint64_t>(end_cycle, 1));
    const auto x = [&](std::uint64_t c) {
        return left + (width - left - right) *
                          static_cast<double>(std::min<std::uint64_t>(c, end_cycle)) / span;
    };
    const double el_y = top, world_y = top + lane + 20, vl_y = top + 2 * lane + 40;
    const double height = vl_y + lane + 60;
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
        "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" "
        "fill=\"white\"/>\n<text x=\"{}\" y=\"20\" font-size=\"14\">{}</text>\n",
        width, height, left, title);
    out += fmt::format("<text x=\"5\" y=\"{}\">EL</text><text x=\"5\" y=\"{}\">world</text>"
                       "<text x=\"5\" y=\"{}\">VL (bits)</text>\n",
                       el_y + lane / 2, world_y + lane / 2, vl_y + lane / 2);
    unsigned max_vl = 128;
    for (const Point& p : points_)
        max_vl = std::max(max_vl, p.vl);
    const auto colour = [](const std::string& w) {
        if (w.empty()) return std::string("#dddddd");
        if (w == "host-task") return std::string("#4c9be8");
        return std::string("#f0a030");
    };
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const Point& p = points_[i];
        const std::uint64_t next = i + 1 < points_.size() ? points_[i + 1].cycle : end_cycle;
        const double x0 = x(p.cycle), x1 = std::max(x(next), x0 + 0.5);
        const double ely = el_y + lane - (lane - 8) * p.el / 3.0;
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                           "fill=\"#7a7aff\"/>\n",
                           x0, ely, x1 - x0, el_y + lane - ely + 1);
        out += fmt::format(
            "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>\n", x0,
            world_y, x1 - x0, lane, colour(p.world));
        const double vlh = (lane - 4) * p.vl / static_cast<double>(max_vl);
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                           "fill=\"#50b050\"/>\n",
                           x0, vl_y + lane - vlh, x1 - x0, vlh);
    }
    for (const Violation& v : violations) {
        const double vx = x(v.cycle);
        out += fmt::format("<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"red\" "
                           "stroke-width=\"1.5\"><title>{} {} {}</title></line>\n",
                           vx, top - 5, vx, vl_y + lane, name(v.kind), v.world, v.reg);
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\">0</text><text x=\"{}\" y=\"{}\" "
                       "text-anchor=\"end\">{} cycles</text>\n",
                       left, vl_y + lane + 15, width - right, vl_y + lane + 15, end_cycle);
    out += fmt::format("<text x=\"{}\" y=\"{}\">EL0-EL3 (blue); world: host task (blue), guest "
                       "(orange), none (grey); VL up to {} bits (green); violations (red)</text>\n",
                       left, vl_y + lane + 35, max_vl);
    out += "</svg>\n";
    return out;
}

} // namespace svesim::scenarios
