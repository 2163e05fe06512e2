// End-of-run statistics, gathered as an Observer of the event stream plus the processor's own
// counters: instructions, cycles, per EL, exceptions by EC, VL changes, zero-or-preserve
// decisions, host time and MIPS.
#pragma once

#include "svesim/arch/observer.h"
#include "svesim/model/processor.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace svesim::model {

class Statistics : public Observer {
public:
    Statistics()
        : start_(std::chrono::steady_clock::now()) {}
    void onExceptionTaken(const ExceptionTakenEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange&) override { ++vl_changes_; }
    void onZeroUpperDecision(const ZeroUpperDecision& d) override;
    void onExceptionReturn(const ExceptionReturnEvent&) override { ++erets_; }

    // A human-readable report and a JSON document of the same figures.
    [[nodiscard]] std::string text(const Processor& p) const;
    [[nodiscard]] std::string json(const Processor& p) const;

private:
    [[nodiscard]] double hostSeconds() const;
    std::chrono::steady_clock::time_point start_;
    std::map<std::uint32_t, std::uint64_t> by_ec_;    // synchronous exceptions by EC
    std::map<std::string, std::uint64_t> interrupts_; // IRQ/FIQ by kind
    std::uint64_t vl_changes_ = 0, erets_ = 0, zeroed_ = 0, preserved_ = 0;
};

} // namespace svesim::model
