// How the walker reads translation tables: through the bus, never through host pointers.
#pragma once

#include <cstdint>

namespace svesim::mmu {

class WalkMemory {
public:
    virtual ~WalkMemory() = default;
    // Reads the 64-bit little-endian word at physical address `pa` (8-byte aligned). Returns
    // false on an external abort (the walker reports a synchronous external abort on the walk).
    virtual bool read64(std::uint64_t pa, std::uint64_t& value) = 0;
};

} // namespace svesim::mmu
