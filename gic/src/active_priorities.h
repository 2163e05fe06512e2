// Internal: the active-priority registers (ICC_AP0R/AP1R<n>, ICH_AP0R/AP1R<n>) as 4 x 32 bits,
// bit n = group priority n << (minimum BPR + 1) (IHI 0069 §4.8.4).
#pragma once

#include <array>
#include <bit>
#include <cstdint>

namespace svesim::gic {

using ActivePriorities = std::array<std::uint32_t, 4>;

// The highest active priority (the lowest set bit), or -1 if none is active.
inline int lowestActiveBit(const ActivePriorities& a) {
    for (unsigned i = 0; i < a.size(); ++i)
        if (a[i] != 0) return static_cast<int>(i * 32 + std::countr_zero(a[i]));
    return -1;
}

// Priority drop: clears the highest active priority.
inline void dropHighestActive(ActivePriorities& a) {
    for (std::uint32_t& w : a)
        if (w != 0) {
            w &= w - 1;
            return;
        }
}

inline void markActive(ActivePriorities& a, unsigned bit) {
    a[bit / 32] |= 1U << (bit % 32);
}

} // namespace svesim::gic
