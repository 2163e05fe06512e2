// A PL011-style UART: enough to print (DR, FR); everything else reads as zero.
#pragma once

#include "svesim/model/semihosting.h"

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace svesim::tlm {

class Uart : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<Uart> socket;
    static constexpr std::uint64_t kSize = 0x1000;
    static constexpr std::uint64_t kDR = 0x000, kFR = 0x018;

    Uart(sc_core::sc_module_name name, model::Console& console);

private:
    void b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned transport_dbg(::tlm::tlm_generic_payload& trans);
    void access(::tlm::tlm_generic_payload& trans, bool side_effects);

    model::Console* console_;
};

} // namespace svesim::tlm
