// Attaches the world checker to a processor and its scenario monitor (on the SystemC platform
// or the plain bench): the checker listens to the processor's events, the monitor's phases and
// software events reach it, and program parameters are written before the start. Shared by
// `svesim run --check` and `svesim scenario run`/`sweep`.
#pragma once

#include "svesim/model/elf_image.h"
#include "svesim/scenarios/checker.h"
#include "svesim/scenarios/state_vcd.h"
#include "svesim/tlm/platform.h"
#include "svesim/tlm/state_vcd.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace svesim::app {

// Cycles spent in each monitor phase (begin..end), by phase id.
struct PhaseCycles {
    std::map<unsigned, std::vector<std::uint64_t>> durations;
    [[nodiscard]] double mean(unsigned id) const;
};

class CheckSession : private scenarios::MonitorListener {
public:
    CheckSession(model::Processor& proc, scenarios::MonitorProtocol& monitor);
    explicit CheckSession(tlm::Platform& platform)
        : CheckSession(platform.cpu.processor(), platform.monitor.protocol()) {}
    [[nodiscard]] scenarios::Checker& checker() { return checker_; }
    [[nodiscard]] const PhaseCycles& phases() const { return phases_; }
    [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }

private:
    void phaseBegin(unsigned id) override;
    void phaseEnd(unsigned id) override;
    void softwareEvent(scenarios::SoftwareEvent e, std::uint64_t arg) override;
    void guestMaxVq(unsigned vmid, unsigned vq) override;

    model::Processor* proc_;
    scenarios::Checker checker_;
    PhaseCycles phases_;
    std::map<unsigned, std::uint64_t> open_;
    std::vector<std::string> notes_;
};

// Writes `name=value` parameters into the 64-bit words at the ELF symbols `param_<name>`;
// throws ConfigError naming an unknown parameter and the ones the program defines.
void writeParameters(model::DebugMemory& memory, const model::ElfImage& image,
                     const std::map<std::string, std::uint64_t>& params);
inline void writeParameters(tlm::Platform& platform, const model::ElfImage& image,
                            const std::map<std::string, std::uint64_t>& params) {
    writeParameters(platform.cpu, image, params);
}
// The scenario programs' vector-length parameters: hmax_vq and gmax_vq are maximum VLs a
// hypervisor offers, so (like KVM, which builds its VL set from the lengths the CPU supports)
// they must be lengths the scenario platform implements: powers of two from 1 to 16 (R3,
// R_NWYBP). gz1_vq is a value a guest writes to ZCR_EL1.LEN + 1: any of 1 to 16. Throws
// ConfigError naming the value and what is allowed.
void checkVectorLengthParam(const std::string& name, std::uint64_t value);
// Parses "name=value" (value decimal or 0x-hex); throws ConfigError.
std::pair<std::string, std::uint64_t> parseParam(const std::string& text);

// The VCD's world and vmid signals (tlm::StateVcd) by the checker's default rule
// (scenarios::vcdWorldOf, docs/scenario-devices.md): 1 host task, 2 guest with its VMID, 0
// neither.
inline tlm::WorldCode vcdWorldOf(const CpuState& s) {
    const scenarios::VcdWorld w = scenarios::vcdWorldOf(s);
    return {w.kind, w.vmid};
}

} // namespace svesim::app
