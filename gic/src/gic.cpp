// The GIC's interrupt state, routing, the highest-priority pending interrupt and the outputs.
#include "svesim/gic/gic.h"

#include "svesim/arch/config_error.h"

#include <fmt/core.h>

namespace svesim::gic {

std::string_view name(Group g) {
    switch (g) {
    case Group::G0: return "G0";
    case Group::G1S: return "G1S";
    case Group::G1NS: return "G1NS";
    }
    return "G?";
}

std::string_view name(Line l) {
    switch (l) {
    case Line::Irq: return "irq";
    case Line::Fiq: return "fiq";
    case Line::VIrq: return "virq";
    case Line::VFiq: return "vfiq";
    }
    return "?";
}

void GicConfig::validate() const {
    if (cpus == 0 || cpus > 512)
        throw ConfigError(fmt::format("gic: {} CPUs (1 to 512 supported)", cpus));
    // INTIDs 32 + spis must stay below the special range 1020-1023 (IHI 0069 §2.2.1).
    if (spis % 32 != 0 || spis + kFirstSpi > kMaxSpiLimit)
        throw ConfigError(fmt::format("gic: {} SPIs (a multiple of 32, at most 960)", spis));
    if (priority_bits < 5 ||
        priority_bits > 8) // §4.8: at least 32 priority levels with two Security states
        throw ConfigError(fmt::format("gic: {} priority bits (5 to 8)", priority_bits));
    if (virtual_priority_bits < 5 ||
        virtual_priority_bits > 7) // ICH_VTR_EL2.PRIbits: 5..7 bits here
        throw ConfigError(
            fmt::format("gic: {} virtual priority bits (5 to 7)", virtual_priority_bits));
    if (list_registers == 0 || list_registers > 16) // ICH_VTR_EL2.ListRegs: 1..16
        throw ConfigError(fmt::format("gic: {} list registers (1 to 16)", list_registers));
    if (!affinity.empty() && affinity.size() != cpus)
        throw ConfigError(fmt::format("gic: {} affinities for {} CPUs", affinity.size(), cpus));
}

Gic::Gic(const GicConfig& cfg)
    : cfg_(cfg) {
    cfg_.validate();
    affinity_ = cfg_.affinity;
    if (affinity_.empty())
        for (unsigned i = 0; i < cfg_.cpus; ++i)
            affinity_.push_back(i);
    spis_.resize(cfg_.spis);
    irouter_.resize(cfg_.spis);
    redist_.resize(cfg_.cpus);
    outputs_.resize(cfg_.cpus);
    for (unsigned i = 0; i < cfg_.cpus; ++i)
        cpus_.push_back(std::make_unique<CpuInterface>(*this, i));
    reset();
}

void Gic::reset() {
    en_grp0_ = en_grp1ns_ = en_grp1s_ = false;
    ds_ = !cfg_.security_extensions;
    for (IrqState& s : spis_)
        s = IrqState{};
    for (std::uint64_t& r : irouter_)
        r = 0;
    for (Redistributor& r : redist_) {
        r = Redistributor{};
        for (IntId i = 0; i < kFirstPpi; ++i)
            r.irqs[i].edge = true; // SGIs are edge (§12.11.7)
    }
    for (auto& c : cpus_)
        c->reset();
    for (auto& o : outputs_)
        o.fill(false);
    update();
}

IrqState& Gic::state(unsigned cpu, IntId intid) {
    return intid < kFirstSpi ? redist_[cpu].irqs[intid] : spis_[intid - kFirstSpi];
}

const IrqState& Gic::irq(unsigned cpu, IntId intid) const {
    return intid < kFirstSpi ? redist_[cpu].irqs[intid] : spis_[intid - kFirstSpi];
}

// IHI 0069 §3.5 Table 3-2: IGROUPR/IGRPMODR select G0, G1S or G1NS; with DS = 1 IGRPMODR is
// RAZ/WI and Group 1 is the only non-G0 group.
Group Gic::groupOf(const IrqState& s) const {
    if (s.group) return Group::G1NS;
    return (!ds_ && s.grpmod) ? Group::G1S : Group::G0;
}

bool Gic::groupEnabled(Group g) const {
    switch (g) {
    case Group::G0: return en_grp0_;
    case Group::G1S: return en_grp1s_;
    case Group::G1NS: return en_grp1ns_;
    }
    return false;
}

bool Gic::nsHidden(const IrqState& s, bool secure) const {
    return !ds_ && !secure && groupOf(s) != Group::G1NS;
}

// GICD_IROUTER<n> (IHI 0069 §12.9.22): Aff3 [39:32], Aff2 [23:16], Aff1 [15:8], Aff0 [7:0].
// IRM (1 of N) is not supported (GICD_TYPER.No1N = 1, as QEMU).
std::optional<unsigned> Gic::spiTarget(IntId intid) const {
    const std::uint64_t r = irouter_[intid - kFirstSpi];
    const std::uint32_t aff =
        static_cast<std::uint32_t>(((r >> 8) & 0xFF'0000'00ULL) | (r & 0xFF'FFFF));
    for (unsigned c = 0; c < cfg_.cpus; ++c)
        if (affinity_[c] == aff) return c;
    return std::nullopt;
}

Gic::Hppi Gic::highestPending(unsigned cpu) const {
    Hppi best;
    const Redistributor& rd = redist_[cpu];
    if (rd.processor_sleep) return best; // §11.1: a sleeping PE's redistributor forwards nothing
    auto consider = [&](IntId id, const IrqState& s) {
        if (!s.enabled || s.active || !s.pending()) return;
        const Group g = groupOf(s);
        if (!groupEnabled(g)) return;
        if (s.priority < best.priority || (s.priority == best.priority && id < best.intid)) {
            best.intid = id;
            best.priority = s.priority;
            best.group = g;
        }
    };
    for (IntId id = 0; id < kFirstSpi; ++id)
        consider(id, rd.irqs[id]);
    for (IntId i = 0; i < cfg_.spis; ++i)
        if (spis_[i].pending() && spiTarget(kFirstSpi + i) == cpu)
            consider(kFirstSpi + i, spis_[i]);
    // A priority of 0xFF can never be signalled (it is the idle priority, §4.8.1).
    if (best.priority == 0xFF) best = Hppi{};
    return best;
}

void Gic::update() {
    if (updating_) return;
    updating_ = true;
    // The maintenance interrupt is itself a PPI of the same PE: settle it first.
    for (unsigned c = 0; c < cfg_.cpus; ++c) {
        IrqState& m = redist_[c].irqs[kPpiMaintenance];
        m.level = cpus_[c]->maintenanceLevel();
    }
    for (unsigned c = 0; c < cfg_.cpus; ++c) {
        const std::array<bool, kLineCount> now = cpus_[c]->lines();
        for (unsigned l = 0; l < kLineCount; ++l)
            if (now[l] != outputs_[c][l]) {
                outputs_[c][l] = now[l];
                if (listener_) listener_(c, static_cast<Line>(l), now[l]);
            }
    }
    updating_ = false;
}

void Gic::setSpi(IntId intid, bool level) {
    if (intid < kFirstSpi || intid >= intIdLimit()) return;
    IrqState& s = spis_[intid - kFirstSpi];
    if (s.edge && level && !s.level) s.pend_latch = true;
    s.level = level;
    update();
}

void Gic::setPpi(unsigned cpu, IntId intid, bool level) {
    if (cpu >= cfg_.cpus || intid < kFirstPpi || intid >= kFirstSpi) return;
    IrqState& s = redist_[cpu].irqs[intid];
    if (s.edge && level && !s.level) s.pend_latch = true;
    s.level = level;
    update();
}

// ICC_SGI0R/SGI1R/ASGI1R_EL1 (IHI 0069 §12.2.21): TargetList [15:0], Aff1 [23:16], INTID
// [27:24], Aff2 [39:32], IRM [40], RS [47:44], Aff3 [55:48]. An SGI becomes pending at a target
// only if its configured group is the requested one (a Secure Group 1 request may also pend a
// Group 0 SGI); Non-secure requests for Secure SGIs need GICR_NSACR, which is RAZ here (§12.11.13).
void Gic::sendSgi(unsigned from_cpu, std::uint64_t v, Group group, bool from_secure) {
    const IntId intid = static_cast<IntId>((v >> 24) & 0xF);
    const bool irm = ((v >> 40) & 1) != 0;
    const std::uint32_t aff321 = static_cast<std::uint32_t>(
        ((v >> 48) & 0xFF) << 24 | ((v >> 32) & 0xFF) << 16 | ((v >> 16) & 0xFF) << 8);
    const unsigned rs = static_cast<unsigned>((v >> 44) & 0xF);
    for (unsigned c = 0; c < cfg_.cpus; ++c) {
        if (irm) {
            if (c == from_cpu) continue;
        } else {
            const std::uint32_t aff = affinity_[c];
            if ((aff & 0xFFFF'FF00U) != aff321) continue;
            const unsigned aff0 = aff & 0xFF;
            if (aff0 / 16 != rs || ((v >> (aff0 % 16)) & 1) == 0) continue;
        }
        IrqState& s = redist_[c].irqs[intid];
        const Group configured = groupOf(s);
        const bool match = configured == group || (group == Group::G1S && configured == Group::G0);
        if (!match) continue;
        if (!from_secure && !ds_ && configured != Group::G1NS) continue;
        s.pend_latch = true;
    }
    update();
}

} // namespace svesim::gic
