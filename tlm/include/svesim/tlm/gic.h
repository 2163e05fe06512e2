// svesim::tlm::Gic: the GICv3 of gic/ (svesim::gic::Gic) as a SystemC module. Two TLM-2.0
// target sockets serve the distributor frame and the redistributor frames (QEMU virt's map by
// default: GICD at 0x0800_0000, 64 KiB; GICR at 0x080A_0000, 128 KiB per PE); per PE it drives
// irq/fiq/virq/vfiq signals that connect() binds to a Cpu's inputs. docs: gic/README.md.
#pragma once

#include "svesim/gic/gic.h"
#include "svesim/tlm/cpu.h"
#include "svesim/tlm/security_extension.h"

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace svesim::tlm {

struct GicDeviceConfig {
    gic::GicConfig gic;
    std::uint64_t distributor_base = 0x0800'0000;   // QEMU virt VIRT_GIC_DIST
    std::uint64_t redistributor_base = 0x080A'0000; // QEMU virt VIRT_GIC_REDIST
    // An access without a SecurityExtension (a debugger, a test bench) counts as this; the Cpu
    // attaches one to every access (the PE's Security state).
    bool default_secure = true;
    sc_core::sc_time access_latency = sc_core::sc_time(10, sc_core::SC_NS);
};

class Gic : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<Gic> distributor;   // map at distributor_base, kDistributorSize
    tlm_utils::simple_target_socket<Gic> redistributor; // map at redistributor_base, regionSize
    // Per PE outputs (IHI 0069 §4.1: nIRQ, nFIQ, nVIRQ, nVFIQ), driven by this module alone.
    sc_core::sc_vector<sc_core::sc_signal<bool>> irq, fiq, virq, vfiq;

    Gic(sc_core::sc_module_name name, const GicDeviceConfig& cfg);
    SC_HAS_PROCESS(Gic);

    // Binds PE `index`'s outputs to the Cpu's irq/fiq/virq/vfiq inputs and makes the PE's CPU
    // interface the device behind its ICC_*/ICH_* system registers.
    void connect(Cpu& cpu, unsigned index);
    [[nodiscard]] gic::Gic& model() { return gic_; }
    [[nodiscard]] const GicDeviceConfig& config() const { return cfg_; }
    [[nodiscard]] std::uint64_t distributorSize() const { return gic::Gic::kDistributorSize; }
    [[nodiscard]] std::uint64_t redistributorSize() const { return gic_.redistributorRegionSize(); }

    // Interrupt inputs (a device's line, a PE's timer): the level of an SPI or of a PE's PPI.
    void setSpi(gic::IntId intid, bool level) { gic_.setSpi(intid, level); }
    void setPpi(unsigned cpu, gic::IntId intid, bool level) { gic_.setPpi(cpu, intid, level); }

private:
    void b_transport_d(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void b_transport_r(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned transport_dbg_d(::tlm::tlm_generic_payload& trans);
    unsigned transport_dbg_r(::tlm::tlm_generic_payload& trans);
    // One access to either frame; `debug`: reads only, without side effects on the state
    // beyond what a read does (GIC reads have none except ICC, which is not memory-mapped).
    void access(::tlm::tlm_generic_payload& trans, bool redist);
    void drive();

    GicDeviceConfig cfg_;
    gic::Gic gic_;
    sc_core::sc_event changed_;
    std::vector<Cpu*> cpus_; // by PE index (nullptr: not connected)
};

} // namespace svesim::tlm
