// A timeline of EL, world and effective VL over simulated cycles, recorded from the event
// stream, with violations marked; written as SVG (docs/scenarios.md shows them).
#pragma once

#include "svesim/arch/observer.h"
#include "svesim/exceptions/arch_state.h"
#include "svesim/scenarios/checker.h"

#include <cstdint>
#include <string>
#include <vector>

namespace svesim::scenarios {

class Timeline : public Observer {
public:
    Timeline(const ArchState& arch, WorldClassifier classify = DefaultWorldOf);
    static EventMask interests();

    void onExceptionEntered(const ExceptionEnteredEvent& e) override;
    void onExceptionReturn(const ExceptionReturnEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange& e) override;

    // Closes the timeline at `end_cycle` and renders it with `violations` marked.
    [[nodiscard]] std::string svg(const std::string& title, std::uint64_t end_cycle,
                                  const std::vector<Violation>& violations) const;

private:
    struct Point {
        std::uint64_t cycle;
        unsigned el;
        std::string world; // "" when in no world
        unsigned vl;
    };
    void sample(std::uint64_t cycle);
    const ArchState* arch_;
    WorldClassifier classify_;
    std::vector<Point> points_;
};

} // namespace svesim::scenarios
