// svesim::gic::Gic: a GICv3 (IHI 0069) without LPIs or the legacy (ARE = 0) mode, as plain C++:
// the distributor (SPIs), one redistributor per PE (SGIs, PPIs), one CPU interface per PE with
// the virtualization interface (cpu_interface.h), and the irq/fiq/virq/vfiq outputs. No SystemC:
// tlm/ wraps it (svesim/tlm/gic.h). gic/README.md has the design.
#pragma once

#include "svesim/gic/cpu_interface.h"
#include "svesim/gic/gic_types.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace svesim::gic {

struct GicConfig {
    unsigned cpus = 1;
    unsigned spis = 224;             // SPIs 32..32+spis-1; a multiple of 32 (QEMU virt: 224)
    bool security_extensions = true; // two Security states (GICD_CTLR.DS = 0 at reset)
    unsigned priority_bits = 5;      // physical CPU interface, ICC_CTLR_EL1.PRIbits + 1 (QEMU: 5)
    unsigned virtual_priority_bits = 5; // ICH_VTR_EL2.PRIbits + 1 (QEMU -cpu max: 5)
    unsigned list_registers = 4;        // ICH_VTR_EL2.ListRegs + 1 (QEMU -cpu max: 4)
    // Affinity (MPIDR_EL1.Aff3:Aff2:Aff1:Aff0 as Aff3 << 24 | Aff2 << 16 | Aff1 << 8 | Aff0) of
    // each PE; empty: PE n has Aff0 = n.
    std::vector<std::uint32_t> affinity;

    // Throws svesim::ConfigError with one line for a configuration the architecture forbids.
    void validate() const;
};

// The state of one INTID (IHI 0069 §4.1.2: inactive, pending, active, active and pending).
struct IrqState {
    bool group = false;  // GICD_IGROUPR / GICR_IGROUPR0
    bool grpmod = false; // GICD_IGRPMODR / GICR_IGRPMODR0
    bool enabled = false;
    bool pend_latch = false; // edge seen or set by ISPENDR; cleared by ICPENDR/acknowledge
    bool level = false;      // the input line (level-sensitive interrupts)
    bool active = false;
    bool edge = false; // ICFGR: 1 = edge-triggered
    std::uint8_t priority = 0;
    // §4.1.2: a level-sensitive interrupt is pending while its line is asserted or a write to
    // ISPENDR latched it; an edge-triggered one from the edge until acknowledged or ICPENDR.
    [[nodiscard]] bool pending() const { return pend_latch || (!edge && level); }
};

class Gic {
public:
    explicit Gic(const GicConfig& cfg);
    Gic(const Gic&) = delete;
    Gic& operator=(const Gic&) = delete;

    void reset();
    [[nodiscard]] const GicConfig& config() const { return cfg_; }
    [[nodiscard]] unsigned cpuCount() const { return cfg_.cpus; }
    [[nodiscard]] unsigned intIdLimit() const { return kFirstSpi + cfg_.spis; }

    // Called with (cpu, line, level) whenever an output changes.
    using OutputListener = std::function<void(unsigned cpu, Line line, bool level)>;
    void setOutputListener(OutputListener l) { listener_ = std::move(l); }
    [[nodiscard]] bool output(unsigned cpu, Line line) const {
        return outputs_[cpu][static_cast<unsigned>(line)];
    }

    // Interrupt inputs: an SPI (32 <= intid < intIdLimit) or a PPI (16..31) of one PE. An
    // edge-triggered interrupt becomes pending on a rising edge.
    void setSpi(IntId intid, bool level);
    void setPpi(unsigned cpu, IntId intid, bool level);

    // Memory-mapped frames. `offset` is from the frame's base; accesses of 1, 2, 4 or 8 bytes
    // (IHI 0069 §12.1.3: byte access only where a register allows it, else the access is
    // ignored / reads zero). `secure`: the access's Security attribute (NS = !secure). Returns
    // false for an offset outside the frame.
    static constexpr std::uint64_t kDistributorSize = 0x10000;
    static constexpr std::uint64_t kRedistributorStride = 0x20000; // RD_base + SGI_base frames
    bool distributorRead(std::uint64_t offset, unsigned size, bool secure, std::uint64_t& value);
    bool distributorWrite(std::uint64_t offset, unsigned size, bool secure, std::uint64_t value);
    // `offset` is from the first redistributor: PE n's frames are at n * kRedistributorStride.
    bool redistributorRead(std::uint64_t offset, unsigned size, bool secure, std::uint64_t& value);
    bool redistributorWrite(std::uint64_t offset, unsigned size, bool secure, std::uint64_t value);
    [[nodiscard]] std::uint64_t redistributorRegionSize() const {
        return kRedistributorStride * cfg_.cpus;
    }

    [[nodiscard]] CpuInterface& cpu(unsigned n) { return *cpus_[n]; }
    [[nodiscard]] const CpuInterface& cpu(unsigned n) const { return *cpus_[n]; }

    // Inspection (tests, tracing).
    [[nodiscard]] const IrqState& irq(unsigned cpu, IntId intid) const;
    [[nodiscard]] Group groupOf(const IrqState& s) const;
    [[nodiscard]] bool singleSecurityState() const { return ds_; }
    // The PE an SPI is routed to (GICD_IROUTER), or nullopt if no PE has that affinity.
    [[nodiscard]] std::optional<unsigned> spiTarget(IntId intid) const;
    [[nodiscard]] std::uint32_t affinity(unsigned cpu) const { return affinity_[cpu]; }

private:
    friend class CpuInterface;

    struct Redistributor {
        std::array<IrqState, 32> irqs{};
        bool processor_sleep = true; // GICR_WAKER.ProcessorSleep
    };
    // The highest-priority pending interrupt for a PE (IHI 0069 §4.1.1 HPPI): enabled, pending,
    // not active, its group enabled in GICD_CTLR, routed to the PE; lowest priority value,
    // then lowest INTID.
    struct Hppi {
        IntId intid = kIntIdSpurious;
        std::uint8_t priority = 0xFF;
        Group group = Group::G0;
    };
    [[nodiscard]] Hppi highestPending(unsigned cpu) const;
    IrqState& state(unsigned cpu, IntId intid);
    [[nodiscard]] bool groupEnabled(Group g) const;
    // Recomputes every output and calls the listener for those that changed.
    void update();
    // The redistributor's SGI generation (ICC_SGI0R/SGI1R/ASGI1R, IHI 0069 §12.2.21).
    void sendSgi(unsigned from_cpu, std::uint64_t value, Group group, bool from_secure);

    // GICD/GICR register helpers shared by both frames (the bit-per-INTID and byte-per-INTID
    // register banks have the same layout in both, IHI 0069 §12.9 and §12.11).
    std::uint64_t readBank(unsigned cpu, std::uint64_t reg_offset, IntId first, unsigned size,
                           bool secure);
    void writeBank(unsigned cpu, std::uint64_t reg_offset, IntId first, unsigned size, bool secure,
                   std::uint64_t value);
    // A Non-secure access may not see or change a Secure interrupt (IHI 0069 §4.4.5).
    [[nodiscard]] bool nsHidden(const IrqState& s, bool secure) const;

    GicConfig cfg_;
    std::vector<std::uint32_t> affinity_;
    // GICD_CTLR in the Secure view's layout: EnableGrp0 (0), EnableGrp1NS (1), EnableGrp1S (2)
    bool en_grp0_ = false, en_grp1ns_ = false, en_grp1s_ = false;
    bool ds_ = false;
    std::vector<IrqState> spis_;
    std::vector<std::uint64_t> irouter_;
    std::vector<Redistributor> redist_;
    std::vector<std::unique_ptr<CpuInterface>> cpus_;
    std::vector<std::array<bool, kLineCount>> outputs_;
    OutputListener listener_;
    bool updating_ = false;
};

} // namespace svesim::gic
