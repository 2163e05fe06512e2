// A translation fault with what the syndromes need (ESR DFSC/IFSC, WnR, S1PTW, FAR, HPFAR, PAR).
#pragma once

#include <cstdint>

namespace svesim::mmu {

enum class FaultType : std::uint8_t {
    None,
    Translation,
    AddressSize,
    AccessFlag,
    Permission,
    WalkExternalAbort, // synchronous external abort on a translation table walk
};

struct Fault {
    FaultType type = FaultType::None;
    std::uint8_t level = 0;
    std::uint8_t stage = 1;
    bool s1ptw = false;    // stage 2 fault on a stage 1 translation table walk
    bool write = false;    // WnR
    bool ipaValid = false; // stage 2 faults: ipa is the faulting IPA (HPFAR_EL2)
    std::uint64_t ipa = 0;
    std::uint64_t va = 0; // the input address (FAR_ELx)

    explicit operator bool() const { return type != FaultType::None; }
};

// The long-descriptor fault status code (ESR_ELx.DFSC/IFSC, PAR_EL1.FST) of a fault
// (EncodeLDFSC).
std::uint8_t encodeLDFSC(const Fault& f);

// HPFAR_EL2 for a stage 2 fault: FIPA = IPA[47:12] in bits [39:4] (0 when no IPA is valid).
std::uint64_t hpfarValue(const Fault& f);

} // namespace svesim::mmu
