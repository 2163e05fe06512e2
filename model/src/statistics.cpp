#include "svesim/model/statistics.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace svesim::model {

void Statistics::onExceptionTaken(const ExceptionTakenEvent& e) {
    if (e.asynchronous && e.kind != Exception::SError)
        ++interrupts_[std::string(name(e.kind))];
    else
        ++by_ec_[e.esr >> 26];
}

void Statistics::onZeroUpperDecision(const ZeroUpperDecision& d) {
    if (d.zeroed)
        ++zeroed_;
    else
        ++preserved_;
}

double Statistics::hostSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Statistics::text(const Processor& p) const {
    const double secs = hostSeconds();
    std::string out;
    out += fmt::format("instructions      {}\n", p.instructions());
    out += fmt::format("cycles            {}\n", p.cycles());
    for (EL el : {EL::EL0, EL::EL1, EL::EL2, EL::EL3})
        out += fmt::format("  {}             {} instructions, {} cycles\n", name(el),
                           p.instructionsAt(el), p.cyclesAt(el));
    for (const auto& [ec, n] : by_ec_)
        out += fmt::format("exceptions EC {:#04x} {}\n", ec, n);
    for (const auto& [k, n] : interrupts_)
        out += fmt::format("interrupts {:<7}{}\n", k, n);
    out += fmt::format("exception returns {}\n", erets_);
    out += fmt::format("VL changes        {}\n", vl_changes_);
    out += fmt::format("zero-or-preserve  {} zeroed, {} preserved\n", zeroed_, preserved_);
    out += fmt::format("host time         {:.3f} s\n", secs);
    out += fmt::format("host MIPS         {:.2f}\n",
                       secs > 0 ? static_cast<double>(p.instructions()) / secs / 1e6 : 0.0);
    return out;
}

std::string Statistics::json(const Processor& p) const {
    const double secs = hostSeconds();
    nlohmann::json root{{"instructions", p.instructions()}, {"cycles", p.cycles()}};
    for (EL el : {EL::EL0, EL::EL1, EL::EL2, EL::EL3})
        root["per_el"][std::string(name(el))] = {{"instructions", p.instructionsAt(el)},
                                                 {"cycles", p.cyclesAt(el)}};
    root["exceptions_by_ec"] = nlohmann::json::object();
    for (const auto& [ec, n] : by_ec_)
        root["exceptions_by_ec"][fmt::format("{:#04x}", ec)] = n;
    root["interrupts"] = nlohmann::json::object();
    for (const auto& [k, n] : interrupts_)
        root["interrupts"][k] = n;
    root["exception_returns"] = erets_;
    root["vl_changes"] = vl_changes_;
    root["zero_or_preserve"] = {{"zeroed", zeroed_}, {"preserved", preserved_}};
    root["host_seconds"] = secs;
    root["host_mips"] = secs > 0 ? static_cast<double>(p.instructions()) / secs / 1e6 : 0.0;
    return root.dump(2) + "\n";
}

} // namespace svesim::model
