// Field extraction and arithmetic helpers for instruction semantics.
#pragma once

#include <cstdint>

namespace svesim::isa {

// 128-bit integers for multiply-high and carry computations (a GCC/Clang extension).
__extension__ using u128 = unsigned __int128;
__extension__ using i128 = __int128;

// insn[hi:lo]
constexpr std::uint32_t bits(std::uint32_t insn, unsigned hi, unsigned lo) {
    return (insn >> lo) & ((hi - lo + 1) >= 32 ? 0xFFFF'FFFFU : ((1U << (hi - lo + 1)) - 1));
}
constexpr bool bit1(std::uint32_t insn, unsigned n) {
    return ((insn >> n) & 1U) != 0;
}

// SignExtend(value<width-1:0>, 64)
constexpr std::int64_t signExtend(std::uint64_t value, unsigned width) {
    const unsigned shift = 64 - width;
    return static_cast<std::int64_t>(value << shift) >> shift;
}

constexpr std::uint64_t ones(unsigned n) {
    return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
}

// Common register fields.
constexpr unsigned rd(std::uint32_t i) {
    return bits(i, 4, 0);
}
constexpr unsigned rn(std::uint32_t i) {
    return bits(i, 9, 5);
}
constexpr unsigned rm(std::uint32_t i) {
    return bits(i, 20, 16);
}
constexpr unsigned ra(std::uint32_t i) {
    return bits(i, 14, 10);
}
constexpr unsigned rt(std::uint32_t i) {
    return bits(i, 4, 0);
}
constexpr unsigned rt2(std::uint32_t i) {
    return bits(i, 14, 10);
}

} // namespace svesim::isa
