// Fault status codes (Arm ARM ESR_ELx.DFSC, long-descriptor format; EncodeLDFSC).
#include <svesim/mmu/fault.h>

namespace svesim::mmu {

std::uint8_t encodeLDFSC(const Fault& f) {
    const auto lvl = static_cast<std::uint8_t>(f.level & 3U);
    switch (f.type) {
    case FaultType::AddressSize: return static_cast<std::uint8_t>(0b000000 | lvl);
    case FaultType::Translation: return static_cast<std::uint8_t>(0b000100 | lvl);
    case FaultType::AccessFlag: return static_cast<std::uint8_t>(0b001000 | lvl);
    case FaultType::Permission: return static_cast<std::uint8_t>(0b001100 | lvl);
    case FaultType::WalkExternalAbort: return static_cast<std::uint8_t>(0b010100 | lvl);
    case FaultType::None: break;
    }
    return 0;
}

std::uint64_t hpfarValue(const Fault& f) {
    if (!f.ipaValid) return 0;
    // HPFAR_EL2.FIPA[39:4] = IPA[47:12]
    return ((f.ipa >> 12) & ((std::uint64_t{1} << 36) - 1)) << 4;
}

} // namespace svesim::mmu
