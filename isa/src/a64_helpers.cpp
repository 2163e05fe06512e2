#include "svesim/isa/a64_helpers.h"

#include "svesim/isa/bits.h"

#include <fmt/core.h>

namespace svesim::isa {

namespace {
std::uint64_t replicate(std::uint64_t v, unsigned esize, unsigned datasize) {
    std::uint64_t out = 0;
    for (unsigned i = 0; i < datasize; i += esize)
        out |= (v & ones(esize)) << i;
    return out;
}
} // namespace

// ARM-M J1 shared/functions/bitmasks/DecodeBitMasks.
std::optional<BitMasks> DecodeBitMasks(unsigned n, unsigned imms, unsigned immr, bool immediate,
                                       unsigned datasize) {
    const unsigned combined = (n << 6) | (~imms & 0x3F);
    if (combined == 0) return std::nullopt;
    int len = 6;
    while (len >= 0 && ((combined >> len) & 1) == 0)
        --len;
    if (len < 1) return std::nullopt;
    const unsigned esize = 1U << len;
    if (esize > datasize) return std::nullopt;
    const unsigned levels = esize - 1;
    if (immediate && (imms & levels) == levels) return std::nullopt;
    const unsigned s = imms & levels;
    const unsigned r = immr & levels;
    const unsigned diff = (s - r) & levels;
    const std::uint64_t welem = ones(s + 1);
    const std::uint64_t telem = ones(diff + 1);
    return BitMasks{replicate(ror(welem, r, esize), esize, datasize),
                    replicate(telem, esize, datasize)};
}

std::uint64_t ExtendReg(std::uint64_t value, unsigned option, unsigned shift, unsigned datasize) {
    const unsigned len = 8U << (option & 3);
    std::uint64_t v = value & ones(len);
    if ((option & 4) != 0) v = static_cast<std::uint64_t>(signExtend(v, len));
    return (v << shift) & ones(datasize);
}

std::string regName(unsigned n, bool is64, bool sp_for_31) {
    if (n == 31) return sp_for_31 ? (is64 ? "sp" : "wsp") : (is64 ? "xzr" : "wzr");
    return fmt::format("{}{}", is64 ? 'x' : 'w', n);
}

std::string condName(unsigned cond) {
    static constexpr const char* kNames[16] = {"eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc",
                                               "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
    return kNames[cond & 15];
}

std::string hexImm(std::uint64_t v) {
    return fmt::format("{:#x}", v);
}
std::string signedImm(std::int64_t v) {
    return fmt::format("#{}", v);
}

const char* shiftName(unsigned type) {
    static constexpr const char* kNames[4] = {"lsl", "lsr", "asr", "ror"};
    return kNames[type & 3];
}

const char* extendName(unsigned option) {
    static constexpr const char* kNames[8] = {"uxtb", "uxth", "uxtw", "uxtx",
                                              "sxtb", "sxth", "sxtw", "sxtx"};
    return kNames[option & 7];
}

} // namespace svesim::isa
