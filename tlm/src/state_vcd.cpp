#include "svesim/tlm/state_vcd.h"

#include "svesim/arch/config_error.h"

#include <cstdio>

namespace svesim::tlm {

StateVcd::StateVcd(sc_core::sc_module_name name, Cpu& cpu, const std::string& path,
                   WorldClassifier world)
    : sc_module(name)
    , cpu_(&cpu)
    , world_(std::move(world)) {
    // sc_create_vcd_trace_file appends ".vcd" and does not report a failure to open.
    const std::string base = path.size() > 4 && path.compare(path.size() - 4, 4, ".vcd") == 0
                                 ? path.substr(0, path.size() - 4)
                                 : path;
    if (std::FILE* probe = std::fopen((base + ".vcd").c_str(), "w"))
        std::fclose(probe);
    else
        throw ConfigError("VCD file " + base + ".vcd cannot be written");
    file_ = sc_core::sc_create_vcd_trace_file(base.c_str());
    file_->set_time_unit(1, sc_core::SC_PS);
    sc_core::sc_trace(file_, el_, "el");
    sc_core::sc_trace(file_, vl_, "vl");
    sc_core::sc_trace(file_, world_sig_, "world");
    sc_core::sc_trace(file_, vmid_, "vmid");
    SC_METHOD(apply);
    sensitive << changes_;
    dont_initialize();
    cpu.processor().events().subscribe(*this, eventBit(EventKind::ExceptionEntered) |
                                                  eventBit(EventKind::ExceptionReturn) |
                                                  eventBit(EventKind::VectorLengthChange));
}

StateVcd::~StateVcd() {
    cpu_->processor().events().unsubscribe(*this);
    if (file_ != nullptr) sc_core::sc_close_vcd_trace_file(file_);
}

void StateVcd::start_of_simulation() {
    const ArchState& a = cpu_->processor().arch();
    record(a.cpu.pstate.el, a.currentVL().bits());
}

void StateVcd::onExceptionEntered(const ExceptionEnteredEvent& e) {
    record(e.to, e.vl_bits);
}

void StateVcd::onExceptionReturn(const ExceptionReturnEvent& e) {
    record(e.illegal ? e.from : e.to, last_.vl);
}

void StateVcd::onVectorLengthChange(const VectorLengthChange& e) {
    record(static_cast<EL>(last_.el), e.new_bits); // after ExceptionTaken/Return, if any
}

void StateVcd::record(EL el, unsigned vl_bits) {
    Sample s{toUnsigned(el), vl_bits, 0, 0};
    if (world_) {
        CpuState after = cpu_->processor().arch().cpu; // the events come before EL changes
        after.pstate.el = el;
        const WorldCode w = world_(after);
        s.world = w.kind;
        s.vmid = w.vmid;
    }
    last_ = s;
    pending_.push_back(s);
    changes_.notify(cpu_->localTime());
}

void StateVcd::apply() {
    if (pending_.empty()) return;
    const Sample s = pending_.front();
    pending_.pop_front();
    el_.write(s.el);
    vl_.write(s.vl);
    world_sig_.write(s.world);
    vmid_.write(s.vmid);
}

} // namespace svesim::tlm
