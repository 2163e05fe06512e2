#include "check_session.h"

#include "svesim/arch/config_error.h"

#include <fmt/core.h>

namespace svesim::app {

double PhaseCycles::mean(unsigned id) const {
    const auto it = durations.find(id);
    if (it == durations.end() || it->second.empty()) return 0.0;
    double sum = 0;
    for (auto d : it->second)
        sum += static_cast<double>(d);
    return sum / static_cast<double>(it->second.size());
}

CheckSession::CheckSession(model::Processor& proc, scenarios::MonitorProtocol& monitor)
    : proc_(&proc)
    , checker_(proc.arch()) {
    proc_->events().subscribe(checker_, scenarios::Checker::interests());
    checker_.watchGprs(proc.context().gprs().data());
    monitor.setListener(this);
}

void CheckSession::phaseBegin(unsigned id) {
    open_[id] = proc_->cycles();
    if (proc_->events().listening(EventKind::PhaseMark))
        proc_->events().emit(PhaseMarkEvent{{}, id, true});
}

void CheckSession::phaseEnd(unsigned id) {
    if (proc_->events().listening(EventKind::PhaseMark))
        proc_->events().emit(PhaseMarkEvent{{}, id, false});
    const auto it = open_.find(id);
    if (it == open_.end()) return;
    phases_.durations[id].push_back(proc_->cycles() - it->second);
    open_.erase(it);
}

void CheckSession::softwareEvent(scenarios::SoftwareEvent e, std::uint64_t arg) {
    using K = scenarios::ViolationKind;
    switch (e) {
    case scenarios::SoftwareEvent::Warn: checker_.softwareViolation(K::Warn, arg); break;
    case scenarios::SoftwareEvent::HypPanic: checker_.softwareViolation(K::HypPanic, arg); break;
    case scenarios::SoftwareEvent::GuestSelfCheckFail:
    case scenarios::SoftwareEvent::HostSelfCheckFail:
        checker_.softwareViolation(K::SelfCheck, arg);
        break;
    case scenarios::SoftwareEvent::Note:
        notes_.push_back(fmt::format("note {:#x} at cycle {}", arg, proc_->cycles()));
        break;
    }
}

void CheckSession::guestMaxVq(unsigned vmid, unsigned vq) {
    checker_.setGuestMaxVq(vmid, vq);
}

std::pair<std::string, std::uint64_t> parseParam(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ConfigError("parameter '" + text + "' is not name=value");
    return {text.substr(0, eq),
            parseUnsigned(text.substr(eq + 1), "parameter " + text.substr(0, eq))};
}

void checkVectorLengthParam(const std::string& nm, std::uint64_t value) {
    if (nm.size() < 3 || nm.compare(nm.size() - 3, 3, "_vq") != 0) return;
    if (value < 1 || value > 16)
        throw ConfigError(
            fmt::format("{} = {} is outside the architecture (allowed: 1 to 16)", nm, value));
    // An offered maximum must be a length the platform implements (R3, R_NWYBP: every power of
    // two up to the maximum): the rule's own function answers.
    const bool offered_max = nm == "hmax_vq" || nm == "gmax_vq";
    const SveConfig platform{VectorLength::fromBits(2048), VlSet::PowersOfTwo};
    const unsigned vq = static_cast<unsigned>(value);
    if (offered_max && ImplementedSVEVectorLength(platform, vq * 128).quadwords() != vq)
        throw ConfigError(fmt::format("{} = {} is not a vector length the scenario platform "
                                      "implements (allowed: 1, 2, 4, 8, 16)",
                                      nm, value));
}

void writeParameters(model::DebugMemory& memory, const model::ElfImage& image,
                     const std::map<std::string, std::uint64_t>& params) {
    for (const auto& [nm, value] : params) {
        const auto it = image.symbols.find("param_" + nm);
        if (it == image.symbols.end()) {
            std::string known;
            for (const auto& [sym, addr] : image.symbols)
                if (sym.rfind("param_", 0) == 0)
                    known += (known.empty() ? "" : ", ") + sym.substr(6);
            throw ConfigError("unknown parameter '" + nm + "' (this program defines: " +
                              (known.empty() ? std::string("none") : known) + ")");
        }
        if (!memory.debugWrite(it->second, &value, 8))
            throw ConfigError("parameter '" + nm + "' is not in RAM");
    }
}

} // namespace svesim::app
