#include "svesim/tlm/gic.h"

#include <cstring>

namespace svesim::tlm {

Gic::Gic(sc_core::sc_module_name name, const GicDeviceConfig& cfg)
    : sc_module(name)
    , distributor("distributor")
    , redistributor("redistributor")
    , irq("irq", cfg.gic.cpus)
    , fiq("fiq", cfg.gic.cpus)
    , virq("virq", cfg.gic.cpus)
    , vfiq("vfiq", cfg.gic.cpus)
    , cfg_(cfg)
    , gic_(cfg.gic) {
    distributor.register_b_transport(this, &Gic::b_transport_d);
    distributor.register_transport_dbg(this, &Gic::transport_dbg_d);
    redistributor.register_b_transport(this, &Gic::b_transport_r);
    redistributor.register_transport_dbg(this, &Gic::transport_dbg_r);
    // The model may change its outputs from any process (a Cpu's MMIO or system-register
    // access): the signals are written by drive() alone, one delta later.
    // A PE that changed its own outputs with a system-register access (acknowledge, EOI, PMR)
    // stops its quantum so that it sees them from its next instruction, as after MMIO.
    gic_.setOutputListener([this](unsigned cpu, gic::Line, bool) {
        changed_.notify(sc_core::SC_ZERO_TIME);
        if (cpu < cpus_.size() && cpus_[cpu] != nullptr) cpus_[cpu]->processor().requestStop();
    });
    SC_METHOD(drive);
    sensitive << changed_;
}

void Gic::connect(Cpu& cpu, unsigned index) {
    if (cpus_.size() <= index) cpus_.resize(index + 1, nullptr);
    cpus_[index] = &cpu;
    cpu.processor().attachGicCpuInterface(gic_.cpu(index));
    cpu.irq.bind(irq[index]);
    cpu.fiq.bind(fiq[index]);
    cpu.virq.bind(virq[index]);
    cpu.vfiq.bind(vfiq[index]);
}

void Gic::drive() {
    for (unsigned c = 0; c < gic_.cpuCount(); ++c) {
        irq[c].write(gic_.output(c, gic::Line::Irq));
        fiq[c].write(gic_.output(c, gic::Line::Fiq));
        virq[c].write(gic_.output(c, gic::Line::VIrq));
        vfiq[c].write(gic_.output(c, gic::Line::VFiq));
    }
}

void Gic::access(::tlm::tlm_generic_payload& trans, bool redist) {
    const unsigned len = trans.get_data_length();
    if (trans.get_byte_enable_ptr() != nullptr || trans.get_streaming_width() < len ||
        (len != 1 && len != 2 && len != 4 && len != 8)) {
        trans.set_response_status(::tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
        return;
    }
    bool secure = cfg_.default_secure;
    if (const SecurityExtension* ext = trans.get_extension<SecurityExtension>())
        secure = !ext->non_secure;
    const std::uint64_t off = trans.get_address();
    bool ok;
    if (trans.is_read()) {
        std::uint64_t v = 0;
        ok = redist ? gic_.redistributorRead(off, len, secure, v)
                    : gic_.distributorRead(off, len, secure, v);
        std::memcpy(trans.get_data_ptr(), &v, len); // little-endian host and guest
    } else if (trans.is_write()) {
        std::uint64_t v = 0;
        std::memcpy(&v, trans.get_data_ptr(), len);
        ok = redist ? gic_.redistributorWrite(off, len, secure, v)
                    : gic_.distributorWrite(off, len, secure, v);
    } else {
        ok = true;
    }
    trans.set_response_status(ok ? ::tlm::TLM_OK_RESPONSE : ::tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

void Gic::b_transport_d(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    access(trans, false);
    delay += cfg_.access_latency;
}

void Gic::b_transport_r(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    access(trans, true);
    delay += cfg_.access_latency;
}

// Debug reads are side-effect free (no GIC frame register has read side effects); debug writes
// are refused so that a debugger cannot change interrupt state behind the model's back.
unsigned Gic::transport_dbg_d(::tlm::tlm_generic_payload& trans) {
    if (!trans.is_read()) return 0;
    access(trans, false);
    return trans.is_response_ok() ? trans.get_data_length() : 0;
}

unsigned Gic::transport_dbg_r(::tlm::tlm_generic_payload& trans) {
    if (!trans.is_read()) return 0;
    access(trans, true);
    return trans.is_response_ok() ? trans.get_data_length() : 0;
}

} // namespace svesim::tlm
