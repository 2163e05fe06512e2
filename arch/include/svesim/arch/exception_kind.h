// The pseudocode's Exception enumeration (restricted to what svesim raises), shared by the layer
// that takes exceptions and by the events that report them.
#pragma once

#include <cstdint>
#include <string_view>

namespace svesim {

enum class Exception : std::uint8_t {
    Uncategorized, // UNDEFINED instruction, and the TGE-rerouted FP trap
    WFxTrap,
    AdvSIMDFPAccessTrap,
    IllegalState,
    SupervisorCall,
    HypervisorCall,
    MonitorCall,
    SystemRegisterTrap,
    SVEAccessTrap,
    InstructionAbort,
    PCAlignment,
    DataAbort,
    SPAlignment,
    SError,
    SoftwareBreakpoint, // BRK
    IRQ,
    FIQ,
    VirtualIRQ, // R23: taken like IRQ (vector offset 0x080), to EL1
    VirtualFIQ, // R23: taken like FIQ (vector offset 0x100), to EL1
};
inline constexpr std::size_t kExceptionCount = 19;

// "SVC", "HVC", "SVEAccessTrap", "IRQ", "vIRQ", ...
std::string_view name(Exception e);
// Interrupts and SError are asynchronous: they are not caused by the instruction at the PC.
constexpr bool isAsynchronous(Exception e) {
    return e == Exception::IRQ || e == Exception::FIQ || e == Exception::VirtualIRQ ||
           e == Exception::VirtualFIQ || e == Exception::SError;
}

} // namespace svesim
