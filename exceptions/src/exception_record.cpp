#include "svesim/exceptions/exception_record.h"

#include <array>

namespace svesim {
namespace {

struct ExceptionInfo {
    Exception type;
    std::uint32_t ec_same_el; // EC when taken to the current EL
    std::uint32_t ec_lower;   // EC when taken from a lower EL
    std::uint64_t vector;
    bool syndrome;
};

// ARM-M D24.2.45 (ESR_ELx.EC); vector offsets R16.
constexpr std::array<ExceptionInfo, kExceptionCount> kExceptions{{
    {Exception::Uncategorized, 0x00, 0x00, 0x000, true},
    {Exception::WFxTrap, 0x01, 0x01, 0x000, true},
    {Exception::AdvSIMDFPAccessTrap, 0x07, 0x07, 0x000, true},
    {Exception::IllegalState, 0x0E, 0x0E, 0x000, true},
    {Exception::SupervisorCall, 0x15, 0x15, 0x000, true},
    {Exception::HypervisorCall, 0x16, 0x16, 0x000, true},
    {Exception::MonitorCall, 0x17, 0x17, 0x000, true},
    {Exception::SystemRegisterTrap, 0x18, 0x18, 0x000, true},
    {Exception::SVEAccessTrap, 0x19, 0x19, 0x000, true},
    {Exception::InstructionAbort, 0x21, 0x20, 0x000, true},
    {Exception::PCAlignment, 0x22, 0x22, 0x000, true},
    {Exception::DataAbort, 0x25, 0x24, 0x000, true},
    {Exception::SPAlignment, 0x26, 0x26, 0x000, true},
    {Exception::SError, 0x2F, 0x2F, 0x180, true},
    {Exception::SoftwareBreakpoint, 0x3C, 0x3C, 0x000, true},
    {Exception::IRQ, 0, 0, 0x080, false},
    {Exception::FIQ, 0, 0, 0x100, false},
    {Exception::VirtualIRQ, 0, 0, 0x080, false},
    {Exception::VirtualFIQ, 0, 0, 0x100, false},
}};

constexpr const ExceptionInfo& info(Exception e) {
    return kExceptions[static_cast<std::size_t>(e)];
}

constexpr bool tableInOrder() {
    for (std::size_t i = 0; i < kExceptions.size(); ++i)
        if (static_cast<std::size_t>(kExceptions[i].type) != i) return false;
    return true;
}
static_assert(tableInOrder());

} // namespace

std::uint64_t vectorBase(Exception e) {
    return info(e).vector;
}
bool reportsSyndrome(Exception e) {
    return info(e).syndrome;
}

std::uint32_t exceptionClass(Exception e, EL from, EL target) {
    return from == target ? info(e).ec_same_el : info(e).ec_lower;
}

std::uint32_t esrValue(const ExceptionRecord& r, EL from, EL target) {
    return (exceptionClass(r.type, from, target) << 26) | (1U << 25) | (r.iss & 0x1FF'FFFFU);
}

} // namespace svesim
