#include "svesim/tlm/uart.h"

#include <cstring>

namespace svesim::tlm {

Uart::Uart(sc_core::sc_module_name name, model::Console& console)
    : sc_module(name)
    , socket("socket")
    , console_(&console) {
    socket.register_b_transport(this, &Uart::b_transport);
    socket.register_transport_dbg(this, &Uart::transport_dbg);
}

void Uart::access(::tlm::tlm_generic_payload& trans, bool side_effects) {
    const std::uint64_t addr = trans.get_address();
    const unsigned len = trans.get_data_length();
    if (addr >= kSize || len > 8 || addr + len > kSize) {
        trans.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    if (trans.is_write()) {
        if (addr == kDR && side_effects) {
            const char c = static_cast<char>(trans.get_data_ptr()[0]);
            console_->write(1, std::string_view(&c, 1));
        }
    } else if (trans.is_read()) {
        // FR: TXFE (bit 7) and RXFE (bit 4) set, TXFF (bit 5) clear: always ready to send,
        // nothing to receive. Every other register reads as zero.
        std::uint64_t v = addr == kFR ? 0x90 : 0;
        std::memcpy(trans.get_data_ptr(), &v, len);
    }
    trans.set_response_status(::tlm::TLM_OK_RESPONSE);
}

void Uart::b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    access(trans, true);
    delay += sc_core::sc_time(20, sc_core::SC_NS);
}

unsigned Uart::transport_dbg(::tlm::tlm_generic_payload& trans) {
    access(trans, false);
    return trans.is_response_ok() ? trans.get_data_length() : 0;
}

} // namespace svesim::tlm
