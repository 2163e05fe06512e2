// A PE for the MRS/MSR access tests (test_sysreg_access.cpp, test_sysreg_traps.cpp): every
// enable open, EL2 enabled, at a chosen EL with a chosen HCR_EL2, PC = kPc.
#pragma once

#include "support/arch_fixture.h"
#include "svesim/arch/sysreg_device.h"
#include "svesim/exceptions/sysreg_access.h"

#include <catch2/catch.hpp>

namespace svesim::test {

struct SysRegPe {
    static constexpr std::uint64_t kPc = 0x6000;
    ArchState st;
    explicit SysRegPe(EL el, std::uint64_t hcr = 0, Setup setup = {})
        : st(makeConfig(setup)) {
        openEverything(st.cpu);
        setHcr(st.cpu, hcr);
        st.cpu.pstate.el = el;
        st.cpu.pc = kPc;
    }
    SysRegAccess access(SysRegEncoding e, SysRegDirection d = SysRegDirection::Read,
                        unsigned rt = 3) {
        return CheckSysRegAccess(st.cpu, e, d, rt);
    }
    void set(SysReg r, std::uint64_t v) { st.cpu.sysregs.write(r, v); }
};

// The register an access reaches (it must not take an exception).
inline SysReg reaches(const SysRegAccess& a) {
    REQUIRE(std::holds_alternative<SysReg>(a));
    return std::get<SysReg>(a);
}

// Stands for the PE's generic timer (model::TimerSysRegs) behind the CNT* device rows: without
// a device those rows are UNDEFINED; these tests pin the checks, which come before the device.
struct TimerStandIn final : SysRegDevice {
    bool provides(SysReg r) const override {
        return sysRegInfo(r).backing == SysRegBacking::Device;
    }
    std::uint64_t readSysReg(SysReg, EL) override { return 0; }
    void writeSysReg(SysReg, std::uint64_t, EL) override {}
};
inline SysRegPe& withTimer(SysRegPe& pe) {
    static TimerStandIn timer;
    pe.st.cpu.devices.attach(timer);
    return pe;
}
inline SysRegPe&& withTimer(SysRegPe&& pe) {
    return std::move(withTimer(pe));
}

} // namespace svesim::test
