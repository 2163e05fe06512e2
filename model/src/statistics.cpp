#include "svesim/model/statistics.h"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <fmt/core.h>
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
    namespace pt = boost::property_tree;
    pt::ptree root;
    const double secs = hostSeconds();
    root.put("instructions", p.instructions());
    root.put("cycles", p.cycles());
    for (EL el : {EL::EL0, EL::EL1, EL::EL2, EL::EL3}) {
        root.put(fmt::format("per_el.{}.instructions", name(el)), p.instructionsAt(el));
        root.put(fmt::format("per_el.{}.cycles", name(el)), p.cyclesAt(el));
    }
    for (const auto& [ec, n] : by_ec_)
        root.put(fmt::format("exceptions_by_ec.{:#04x}", ec), n);
    for (const auto& [k, n] : interrupts_)
        root.put("interrupts." + k, n);
    root.put("exception_returns", erets_);
    root.put("vl_changes", vl_changes_);
    root.put("zero_or_preserve.zeroed", zeroed_);
    root.put("zero_or_preserve.preserved", preserved_);
    root.put("host_seconds", secs);
    root.put("host_mips", secs > 0 ? static_cast<double>(p.instructions()) / secs / 1e6 : 0.0);
    std::ostringstream os;
    pt::write_json(os, root);
    return os.str();
}

} // namespace svesim::model
