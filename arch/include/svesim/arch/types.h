// Basic architectural value types shared by every layer.
#pragma once

#include <cstdint>
#include <string_view>

namespace svesim {

// An AArch64 Exception level.
enum class EL : std::uint8_t { EL0 = 0, EL1 = 1, EL2 = 2, EL3 = 3 };

constexpr unsigned toUnsigned(EL el) {
    return static_cast<unsigned>(el);
}
constexpr EL elFromUnsigned(unsigned v) {
    return static_cast<EL>(v & 3U);
}
constexpr std::string_view name(EL el) {
    switch (el) {
    case EL::EL0: return "EL0";
    case EL::EL1: return "EL1";
    case EL::EL2: return "EL2";
    case EL::EL3: return "EL3";
    }
    return "EL?";
}

// Bit-field helpers over 64-bit register values.
constexpr std::uint64_t bit(unsigned n) {
    return std::uint64_t{1} << n;
}
constexpr bool bitSet(std::uint64_t v, unsigned n) {
    return ((v >> n) & 1U) != 0;
}
constexpr std::uint64_t field(std::uint64_t v, unsigned hi, unsigned lo) {
    const unsigned width = hi - lo + 1;
    const std::uint64_t mask = width >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << width) - 1;
    return (v >> lo) & mask;
}
constexpr std::uint64_t withField(std::uint64_t v, unsigned hi, unsigned lo, std::uint64_t f) {
    const unsigned width = hi - lo + 1;
    const std::uint64_t mask = (width >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << width) - 1)
                               << lo;
    return (v & ~mask) | ((f << lo) & mask);
}

} // namespace svesim
