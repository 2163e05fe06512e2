// `svesim plot`: an SVG chart from a sweep CSV (docs/studies). Any column can be an axis: numbers
// on a linear scale, vector lengths (columns named *_vq, *_vl) on a log2 scale with a tick at
// every length, anything else (verdicts, policies, scenarios) as categories.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

int runPlot(const std::vector<std::string>& args);

} // namespace svesim::app
