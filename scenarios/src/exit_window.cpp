#include "svesim/scenarios/exit_window.h"

#include <fmt/core.h>

namespace svesim::scenarios {

ExitWindow::ExitWindow(const ArchState& arch, unsigned nth, WorldClassifier classify)
    : arch_(&arch)
    , classify_(classify)
    , nth_(nth == 0 ? 1 : nth)
    , live_(arch, std::move(classify)) {}

EventMask ExitWindow::interests() {
    return eventBit(EventKind::ExceptionTaken) | eventBit(EventKind::ExceptionEntered) |
           eventBit(EventKind::ExceptionReturn) | eventBit(EventKind::VectorLengthChange) |
           eventBit(EventKind::SysRegWrite) | eventBit(EventKind::ZeroUpperDecision);
}

void ExitWindow::onExceptionTaken(const ExceptionTakenEvent& e) {
    if (state_ == State::Done) return;
    // Emitted before the entry: the PE is still in the world that leaves.
    const auto w = classify_(arch_->cpu);
    if (!w || w->kind != World::Kind::Guest || toUnsigned(e.to) < 2) return;
    guest_ = *w;
    host_seen_ = false;
    begin_ = e.ctx.cycle;
    live_.restartAt(e.ctx.cycle);
    state_ = State::Recording;
}

void ExitWindow::onExceptionEntered(const ExceptionEnteredEvent& e) {
    if (state_ == State::Recording) live_.onExceptionEntered(e);
}

void ExitWindow::onExceptionReturn(const ExceptionReturnEvent& e) {
    if (state_ != State::Recording) return;
    live_.onExceptionReturn(e);
    const auto w = classify_(arch_->cpu);
    if (!w) return;
    if (w->kind == World::Kind::HostTask) {
        host_seen_ = true;
        return;
    }
    if (*w != guest_) return;
    state_ = State::Waiting; // back in the guest: the window is over
    if (!host_seen_) return; // handled in the kernel alone: not the exit this shows
    ++served_;
    kept_ = Kept{live_, name(guest_), served_, begin_, e.ctx.cycle};
    if (served_ >= nth_) state_ = State::Done;
}

void ExitWindow::onVectorLengthChange(const VectorLengthChange& e) {
    if (state_ == State::Recording) live_.onVectorLengthChange(e);
}
void ExitWindow::onSysRegWrite(const SysRegWriteEvent& e) {
    if (state_ == State::Recording) live_.onSysRegWrite(e);
}
void ExitWindow::onZeroUpperDecision(const ZeroUpperDecision& e) {
    if (state_ == State::Recording) live_.onZeroUpperDecision(e);
}

std::string ExitWindow::svg(const std::string& title) const {
    if (!kept_) return "";
    return kept_->timeline.svg(
        fmt::format("{}: {}'s exit #{} served by a host task, {} cycles (cycle {} to {})", title,
                    kept_->guest, kept_->index, kept_->end - kept_->begin, kept_->begin,
                    kept_->end),
        kept_->end, {});
}

} // namespace svesim::scenarios
