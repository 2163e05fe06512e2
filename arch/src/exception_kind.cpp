#include "svesim/arch/exception_kind.h"

#include <array>

namespace svesim {
namespace {

constexpr std::array<std::string_view, kExceptionCount> kNames{"Uncategorized",
                                                               "WFxTrap",
                                                               "AdvSIMDFPAccessTrap",
                                                               "IllegalState",
                                                               "SVC",
                                                               "HVC",
                                                               "SMC",
                                                               "SystemRegisterTrap",
                                                               "SVEAccessTrap",
                                                               "InstructionAbort",
                                                               "PCAlignment",
                                                               "DataAbort",
                                                               "SPAlignment",
                                                               "SError",
                                                               "BRK",
                                                               "IRQ",
                                                               "FIQ",
                                                               "vIRQ",
                                                               "vFIQ"};
static_assert(static_cast<std::size_t>(Exception::VirtualFIQ) + 1 == kExceptionCount);

} // namespace

std::string_view name(Exception e) {
    return kNames[static_cast<std::size_t>(e)];
}

} // namespace svesim
