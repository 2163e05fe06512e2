// A RAM target with DMI and debug transport.
#pragma once

#include <cstdlib>
#include <memory>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace svesim::tlm {

class Ram : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<Ram> socket;

    Ram(sc_core::sc_module_name name, std::uint64_t size,
        sc_core::sc_time latency = sc_core::sc_time(10, sc_core::SC_NS));
    [[nodiscard]] std::uint64_t size() const { return size_; }
    [[nodiscard]] std::uint8_t* data() { return bytes_.get(); }

private:
    void b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    bool get_direct_mem_ptr(::tlm::tlm_generic_payload& trans, ::tlm::tlm_dmi& dmi);
    unsigned transport_dbg(::tlm::tlm_generic_payload& trans);
    // Copies for a read or write; false if out of range.
    bool access(::tlm::tlm_generic_payload& trans);

    struct Free {
        void operator()(std::uint8_t* p) const { std::free(p); }
    };
    // calloc: large blocks come zeroed from the kernel on first touch, so a 256 MiB RAM costs
    // nothing until it is used.
    std::unique_ptr<std::uint8_t[], Free> bytes_;
    std::uint64_t size_;
    sc_core::sc_time latency_;
};

} // namespace svesim::tlm
