// An address router: a target socket per initiator (`target`, plus addTarget() for more CPUs),
// one initiator socket per mapped range. Forwards b_transport, DMI and debug transport with the
// address made relative to the range; an address no range claims gets TLM_ADDRESS_ERROR_RESPONSE
// (the CPU turns it into an external abort). A DMI invalidation from a target goes to every
// initiator.
#pragma once

#include <memory>
#include <string>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>
#include <vector>

namespace svesim::tlm {

class Router : public sc_core::sc_module {
public:
    using InitiatorSocket = tlm_utils::simple_initiator_socket_tagged<Router>;
    using TargetSocket = tlm_utils::simple_target_socket_tagged<Router>;
    TargetSocket target; // the first initiator's

    explicit Router(sc_core::sc_module_name name);
    // A target socket for another initiator (a second Cpu); same address map.
    TargetSocket& addTarget(const std::string& name);
    // Maps [base, base + size) to a new initiator socket, which the caller binds to a target.
    InitiatorSocket& map(const std::string& name, std::uint64_t base, std::uint64_t size);

private:
    struct Range {
        std::uint64_t base, size;
        std::unique_ptr<InitiatorSocket> socket;
    };
    Range* find(std::uint64_t addr, unsigned len);
    void b_transport(int from, ::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    bool get_direct_mem_ptr(int from, ::tlm::tlm_generic_payload& trans, ::tlm::tlm_dmi& dmi);
    unsigned transport_dbg(int from, ::tlm::tlm_generic_payload& trans);
    void invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end);

    void registerTarget(TargetSocket& t, int id);
    std::vector<Range> ranges_;
    std::vector<std::unique_ptr<TargetSocket>> more_targets_;
};

} // namespace svesim::tlm
