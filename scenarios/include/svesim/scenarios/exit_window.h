// One guest exit of a long run as a timeline (issue 14 point 5: "a timeline SVG of one exit"):
// from a guest's leave to its next entry, for an exit that reached a host task (the VMM served
// it: an MMIO exit), recorded into a Timeline restarted at the leave. Only the window is kept, so
// a Linux boot of billions of instructions costs what one exit costs; memory accesses are not
// listened to (the run keeps its speed), so causes named by a store's PC are not drawn.
#pragma once

#include "svesim/scenarios/timeline.h"

#include <optional>

namespace svesim::scenarios {

class ExitWindow : public Observer {
public:
    // Keeps the `nth` exit served by a host task (or the last one, if the run had fewer).
    explicit ExitWindow(const ArchState& arch, unsigned nth = 20,
                        WorldClassifier classify = DefaultWorldOf);
    static EventMask interests();

    void onExceptionTaken(const ExceptionTakenEvent& e) override;
    void onExceptionEntered(const ExceptionEnteredEvent& e) override;
    void onExceptionReturn(const ExceptionReturnEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange& e) override;
    void onSysRegWrite(const SysRegWriteEvent& e) override;
    void onZeroUpperDecision(const ZeroUpperDecision& e) override;

    // Whether a whole window (leave, a host task, re-entry) was recorded.
    [[nodiscard]] bool complete() const { return kept_.has_value(); }
    // The kept window as SVG, titled `title` plus where it lies; "" when none is complete.
    [[nodiscard]] std::string svg(const std::string& title) const;

private:
    enum class State : std::uint8_t { Waiting, Recording, Done };
    const ArchState* arch_;
    WorldClassifier classify_;
    unsigned nth_, served_ = 0;
    State state_ = State::Waiting;
    Timeline live_;
    World guest_{};
    bool host_seen_ = false;
    std::uint64_t begin_ = 0;
    struct Kept {
        Timeline timeline;
        std::string guest;
        unsigned index;
        std::uint64_t begin, end;
    };
    std::optional<Kept> kept_;
};

} // namespace svesim::scenarios
