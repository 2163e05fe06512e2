// Helpers for the architecture tests: build a PE in a given configuration, put it at an EL,
// and record the events it reports. No architecture rule is restated here.
#pragma once

#include "svesim/exceptions/arch_state.h"

#include <cstdint>
#include <vector>

namespace svesim::test {

struct Setup {
    bool has_el2 = true;
    bool has_el3 = true;
    unsigned max_vl = 2048;
    VlSet vl_set = VlSet::PowersOfTwo;
    ZeroUpperPolicy policy = ZeroUpperPolicy::preserve();
};

inline ArchConfig makeConfig(const Setup& s) {
    ArchConfig c;
    c.features.has_el2 = s.has_el2;
    c.features.has_el3 = s.has_el3;
    c.sve.max_vl = VectorLength::fromBits(s.max_vl);
    c.sve.vl_set = s.vl_set;
    c.policy = s.policy;
    return c;
}

// A PE with every enable open (CPACR_EL1.{ZEN,FPEN} = 11, CPTR_EL2/EL3 not trapping, EZ = 1),
// EL2 enabled and AArch64 everywhere (SCR_EL3.{NS,RW,HCE} = 1, HCR_EL2.RW = 1), all ZCR LEN = 15.
inline void openEverything(CpuState& s) {
    s.sysregs.write(SysReg::SCR_EL3, bit(scr::NS) | bit(scr::RW) | bit(scr::HCE));
    s.sysregs.write(SysReg::HCR_EL2, bit(hcr::RW));
    s.sysregs.write(SysReg::CPACR_EL1, (0x3ULL << 16) | (0x3ULL << 20));
    // No trap in either CPTR_EL2 layout: TZ/TFP clear (E2H=0), ZEN/FPEN = 11 (E2H=1).
    s.sysregs.write(SysReg::CPTR_EL2, (0x3ULL << 16) | (0x3ULL << 20));
    s.sysregs.write(SysReg::CPTR_EL3, bit(cptr::EZ));
    for (SysReg r : {SysReg::ZCR_EL1, SysReg::ZCR_EL2, SysReg::ZCR_EL3})
        s.sysregs.write(r, 15);
}

inline void setLen(CpuState& s, unsigned el1, unsigned el2, unsigned el3) {
    s.sysregs.write(SysReg::ZCR_EL1, el1);
    s.sysregs.write(SysReg::ZCR_EL2, el2);
    s.sysregs.write(SysReg::ZCR_EL3, el3);
}

inline void setHcr(CpuState& s, std::uint64_t bits) {
    s.sysregs.write(SysReg::HCR_EL2, bits | bit(hcr::RW));
}

// Fills every Z, P and FFR byte of the full-width storage with a nonzero, register-specific
// pattern, so that "preserved" and "zeroed" are distinguishable everywhere.
inline void fillPattern(SveUnit& sve, std::uint8_t salt = 0) {
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n) {
        auto z = sve.zStorage(n);
        for (std::size_t i = 0; i < z.size(); ++i)
            z[i] = static_cast<std::uint8_t>(((n * 37 + i * 11 + salt) % 255) + 1);
    }
    for (unsigned n = 0; n < SveUnit::kNumP; ++n) {
        auto p = sve.pStorage(n);
        for (std::size_t i = 0; i < p.size(); ++i)
            p[i] = static_cast<std::uint8_t>(((n * 13 + i * 7 + salt) % 255) + 1);
    }
    auto f = sve.ffrStorage();
    for (std::size_t i = 0; i < f.size(); ++i)
        f[i] = static_cast<std::uint8_t>(((i * 5 + salt) % 255) + 1);
}

struct Snapshot {
    std::vector<std::vector<std::uint8_t>> z, p;
    std::vector<std::uint8_t> ffr;
};

inline Snapshot snapshot(const SveUnit& sve) {
    Snapshot s;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        s.z.emplace_back(sve.zStorage(n).begin(), sve.zStorage(n).end());
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        s.p.emplace_back(sve.pStorage(n).begin(), sve.pStorage(n).end());
    s.ffr.assign(sve.ffrStorage().begin(), sve.ffrStorage().end());
    return s;
}

inline bool allZero(const std::vector<std::uint8_t>& v, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (v[i] != 0) return false;
    return true;
}
inline bool same(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                 std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

class Recorder : public Observer {
public:
    std::vector<ZeroUpperDecision> decisions;
    std::vector<VectorLengthChange> vl_changes;
    std::vector<ExceptionTakenEvent> taken;
    std::vector<ExceptionReturnEvent> returns;
    std::vector<SysRegWriteEvent> writes;
    void onZeroUpperDecision(const ZeroUpperDecision& e) override { decisions.push_back(e); }
    void onVectorLengthChange(const VectorLengthChange& e) override { vl_changes.push_back(e); }
    void onExceptionTaken(const ExceptionTakenEvent& e) override { taken.push_back(e); }
    void onExceptionReturn(const ExceptionReturnEvent& e) override { returns.push_back(e); }
    void onSysRegWrite(const SysRegWriteEvent& e) override { writes.push_back(e); }
};

} // namespace svesim::test
