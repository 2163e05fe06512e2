// Internal: where the shared per-INTID register banks lie in a GICD or GICR SGI_base frame.
#pragma once

#include <cstdint>

namespace svesim::gic {

// True if `offset` (within the frame) lies in one of the banks register_banks.cpp serves.
bool bankRegion(std::uint64_t offset);

} // namespace svesim::gic

#include <optional>

namespace svesim::gic {
// The CoreSight ID registers every GIC frame has at 0xFFD0-0xFFFC (PIDR2.ArchRev = 3).
std::optional<std::uint32_t> gicIdRegister(std::uint64_t offset);
} // namespace svesim::gic
