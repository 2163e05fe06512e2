#include "svesim/tlm/router.h"

namespace svesim::tlm {

Router::Router(sc_core::sc_module_name name)
    : sc_module(name)
    , target("target") {
    registerTarget(target, 0);
}

void Router::registerTarget(TargetSocket& t, int id) {
    t.register_b_transport(this, &Router::b_transport, id);
    t.register_get_direct_mem_ptr(this, &Router::get_direct_mem_ptr, id);
    t.register_transport_dbg(this, &Router::transport_dbg, id);
}

Router::TargetSocket& Router::addTarget(const std::string& name) {
    more_targets_.push_back(std::make_unique<TargetSocket>(name.c_str()));
    registerTarget(*more_targets_.back(), static_cast<int>(more_targets_.size()));
    return *more_targets_.back();
}

Router::InitiatorSocket& Router::map(const std::string& name, std::uint64_t base,
                                     std::uint64_t size) {
    auto socket = std::make_unique<InitiatorSocket>(name.c_str());
    socket->register_invalidate_direct_mem_ptr(this, &Router::invalidate_direct_mem_ptr,
                                               static_cast<int>(ranges_.size()));
    ranges_.push_back(Range{base, size, std::move(socket)});
    return *ranges_.back().socket;
}

Router::Range* Router::find(std::uint64_t addr, unsigned len) {
    for (Range& r : ranges_)
        if (addr >= r.base && addr - r.base < r.size && len <= r.size - (addr - r.base)) return &r;
    return nullptr;
}

void Router::b_transport(int, ::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const std::uint64_t addr = trans.get_address();
    Range* r = find(addr, trans.get_data_length());
    if (r == nullptr) {
        trans.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    trans.set_address(addr - r->base);
    (*r->socket)->b_transport(trans, delay);
    trans.set_address(addr);
}

bool Router::get_direct_mem_ptr(int, ::tlm::tlm_generic_payload& trans, ::tlm::tlm_dmi& dmi) {
    const std::uint64_t addr = trans.get_address();
    Range* r = find(addr, 1);
    if (r == nullptr) return false;
    trans.set_address(addr - r->base);
    const bool ok = (*r->socket)->get_direct_mem_ptr(trans, dmi);
    trans.set_address(addr);
    if (ok) {
        // Clip to the range and translate back to the router's address space.
        const std::uint64_t end = std::min<std::uint64_t>(dmi.get_end_address(), r->size - 1);
        dmi.set_start_address(dmi.get_start_address() + r->base);
        dmi.set_end_address(end + r->base);
    }
    return ok;
}

unsigned Router::transport_dbg(int, ::tlm::tlm_generic_payload& trans) {
    const std::uint64_t addr = trans.get_address();
    Range* r = find(addr, trans.get_data_length());
    if (r == nullptr) {
        trans.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return 0;
    }
    trans.set_address(addr - r->base);
    const unsigned n = (*r->socket)->transport_dbg(trans);
    trans.set_address(addr);
    return n;
}

void Router::invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end) {
    const Range& r = ranges_.at(static_cast<std::size_t>(id));
    target->invalidate_direct_mem_ptr(start + r.base, end + r.base);
    for (const auto& t : more_targets_)
        (*t)->invalidate_direct_mem_ptr(start + r.base, end + r.base);
}

} // namespace svesim::tlm
