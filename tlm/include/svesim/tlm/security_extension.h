// The Security attribute of a bus access (AxPROT[1], the NS bit) as a TLM extension. The Cpu
// attaches it to every access it makes with the PE's current Security state (IsSecure()); a
// target that banks by Security state (the GIC) reads it, and assumes its configured default
// for an initiator that attaches none (a debugger, a test bench).
#pragma once

#include <tlm>

namespace svesim::tlm {

struct SecurityExtension : ::tlm::tlm_extension<SecurityExtension> {
    bool non_secure = false;
    [[nodiscard]] tlm_extension_base* clone() const override {
        return new SecurityExtension(*this);
    }
    void copy_from(const tlm_extension_base& other) override {
        non_secure = static_cast<const SecurityExtension&>(other).non_secure;
    }
};

} // namespace svesim::tlm
