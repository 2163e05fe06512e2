// A timeline of EL, world and effective VL over simulated cycles, recorded from the event
// stream, written as an SVG that reads without hovering (docs/scenarios.md shows them): a
// labelled EL axis coloured by world, a VL axis on a log2 scale, the program's phases as
// bands, each violation (grouped by kind, world and re-entry) with its causes drawn where they
// happened (the save at the wrong VL, the ZCR write, the zeroing), and a legend.
#pragma once

#include "svesim/arch/observer.h"
#include "svesim/exceptions/arch_state.h"
#include "svesim/scenarios/checker.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace svesim::scenarios {

class Timeline : public Observer {
public:
    Timeline(const ArchState& arch, WorldClassifier classify = DefaultWorldOf);
    static EventMask interests();

    void onExceptionEntered(const ExceptionEnteredEvent& e) override;
    void onExceptionReturn(const ExceptionReturnEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange& e) override;
    void onSysRegWrite(const SysRegWriteEvent& e) override;
    void onZeroUpperDecision(const ZeroUpperDecision& e) override;
    void onMemoryAccess(const MemoryAccessEvent& e) override;
    void onPhaseMark(const PhaseMarkEvent& e) override;

    // Forgets what was recorded and starts again at `cycle`, which becomes the chart's origin
    // (a window of a long run: one guest exit of a Linux boot).
    void restartAt(std::uint64_t cycle);

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
    struct Phase {
        unsigned id;
        std::uint64_t begin, end;
    };
    // An event a violation's cause may name (by its PC): a ZCR write, a VL change, a zeroing.
    struct Mark {
        std::uint64_t cycle, pc;
    };
    void sample(std::uint64_t cycle);
    // When the event a cause names (`cause`: the checker's text, with "at PC 0x...") last
    // happened at or before `cycle`; 0 when the stream did not show it.
    [[nodiscard]] std::uint64_t causeCycle(const std::string& cause, std::uint64_t cycle) const;
    const ArchState* arch_;
    WorldClassifier classify_;
    std::vector<Point> points_;
    std::vector<Phase> phases_;
    std::map<unsigned, std::uint64_t> open_phases_;
    std::vector<Mark> marks_;
    std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> stores_; // PC -> store cycles
    std::uint64_t origin_ = 0;
};

} // namespace svesim::scenarios
