#include "svesim/tlm/ram.h"

#include "svesim/arch/config_error.h"

#include <cstring>
#include <fmt/core.h>
#include <string>

namespace svesim::tlm {

Ram::Ram(sc_core::sc_module_name name, std::uint64_t size, sc_core::sc_time latency)
    : sc_module(name)
    , socket("socket")
    , bytes_(static_cast<std::uint8_t*>(std::calloc(size, 1)))
    , size_(size)
    , latency_(latency) {
    if (!bytes_)
        throw ConfigError(fmt::format("{}: a RAM of {} MiB cannot be allocated on this host",
                                      this->name(), size >> 20));
    socket.register_b_transport(this, &Ram::b_transport);
    socket.register_get_direct_mem_ptr(this, &Ram::get_direct_mem_ptr);
    socket.register_transport_dbg(this, &Ram::transport_dbg);
}

bool Ram::access(::tlm::tlm_generic_payload& trans) {
    const std::uint64_t addr = trans.get_address();
    const unsigned len = trans.get_data_length();
    if (trans.get_byte_enable_ptr() != nullptr) {
        trans.set_response_status(::tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
        return false;
    }
    if (addr > size_ || len > size_ - addr) {
        trans.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return false;
    }
    if (trans.is_read())
        std::memcpy(trans.get_data_ptr(), bytes_.get() + addr, len);
    else if (trans.is_write())
        std::memcpy(bytes_.get() + addr, trans.get_data_ptr(), len);
    trans.set_response_status(::tlm::TLM_OK_RESPONSE);
    return true;
}

void Ram::b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    if (access(trans)) {
        trans.set_dmi_allowed(true);
        delay += latency_;
    }
}

bool Ram::get_direct_mem_ptr(::tlm::tlm_generic_payload&, ::tlm::tlm_dmi& dmi) {
    dmi.set_dmi_ptr(bytes_.get());
    dmi.set_start_address(0);
    dmi.set_end_address(size_ - 1);
    dmi.set_granted_access(::tlm::tlm_dmi::DMI_ACCESS_READ_WRITE);
    dmi.set_read_latency(latency_);
    dmi.set_write_latency(latency_);
    return true;
}

unsigned Ram::transport_dbg(::tlm::tlm_generic_payload& trans) {
    return access(trans) ? trans.get_data_length() : 0;
}

} // namespace svesim::tlm
