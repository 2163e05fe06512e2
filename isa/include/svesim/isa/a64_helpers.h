// Shared pseudocode helpers of the A64 semantics (ARM-M J1 shared/functions): AddWithCarry,
// DecodeBitMasks, ConditionHolds, ShiftReg, ExtendReg, and disassembly formatting.
#pragma once

#include "svesim/arch/pstate.h"
#include "svesim/isa/bits.h"

#include <cstdint>
#include <optional>
#include <string>

namespace svesim::isa {

struct AddResult {
    std::uint64_t value;
    bool n, z, c, v;
};
// AddWithCarry(x, y, carry_in) on `datasize` (32 or 64) bits. (This and ShiftReg are inline:
// the integer instructions call them on every execution.)
inline AddResult AddWithCarry(std::uint64_t x, std::uint64_t y, bool carry, unsigned datasize) {
    const std::uint64_t mask = ones(datasize);
    const unsigned c_in = carry ? 1 : 0;
    x &= mask;
    y &= mask;
    const std::uint64_t result = (x + y + c_in) & mask;
    AddResult r{};
    r.value = result;
    r.n = ((result >> (datasize - 1)) & 1) != 0;
    r.z = result == 0;
    if (datasize == 64) {
        const u128 usum = static_cast<u128>(x) + y + c_in;
        r.c = (usum >> 64) != 0;
        const i128 ssum =
            static_cast<i128>(static_cast<std::int64_t>(x)) + static_cast<std::int64_t>(y) + c_in;
        r.v = ssum != static_cast<std::int64_t>(result);
    } else {
        const std::uint64_t usum = x + y + c_in;
        r.c = (usum >> 32) != 0;
        const std::int64_t ssum = static_cast<std::int64_t>(static_cast<std::int32_t>(x)) +
                                  static_cast<std::int32_t>(y) + c_in;
        r.v = ssum != static_cast<std::int32_t>(result);
    }
    return r;
}
inline void setNZCV(PState& p, const AddResult& r) {
    p.n = r.n;
    p.z = r.z;
    p.c = r.c;
    p.v = r.v;
}

// DecodeBitMasks(immN, imms, immr, immediate, M): (wmask, tmask), or nothing when reserved.
struct BitMasks {
    std::uint64_t wmask, tmask;
};
std::optional<BitMasks> DecodeBitMasks(unsigned n, unsigned imms, unsigned immr, bool immediate,
                                       unsigned datasize);

// ConditionHolds(cond) (inline: branches and conditional selects ask it on every execution).
inline bool ConditionHolds(unsigned cond, const PState& p) {
    bool result = false;
    switch (cond >> 1) {
    case 0: result = p.z; break;
    case 1: result = p.c; break;
    case 2: result = p.n; break;
    case 3: result = p.v; break;
    case 4: result = p.c && !p.z; break;
    case 5: result = p.n == p.v; break;
    case 6: result = p.n == p.v && !p.z; break;
    case 7: result = true; break;
    }
    if ((cond & 1) != 0 && cond != 0xF) result = !result;
    return result;
}

// ROR(v, amount) on `datasize` bits (a power of two: 32, 64, or a bitmask element size).
inline std::uint64_t ror(std::uint64_t v, unsigned amount, unsigned datasize) {
    amount &= datasize - 1; // amount MOD datasize, without a division
    v &= ones(datasize);
    if (amount == 0) return v;
    return ((v >> amount) | (v << (datasize - amount))) & ones(datasize);
}

enum class ShiftType : std::uint8_t { LSL, LSR, ASR, ROR };
// ShiftReg(value, type, amount) on `datasize` (32 or 64) bits.
inline std::uint64_t ShiftReg(std::uint64_t value, ShiftType type, unsigned amount,
                              unsigned datasize) {
    value &= ones(datasize);
    amount &= datasize - 1; // amount MOD datasize, without a division
    switch (type) {
    case ShiftType::LSL: return (value << amount) & ones(datasize);
    case ShiftType::LSR: return value >> amount;
    case ShiftType::ASR:
        return static_cast<std::uint64_t>(signExtend(value, datasize) >> amount) & ones(datasize);
    case ShiftType::ROR: return ror(value, amount, datasize);
    }
    return value;
}
// ExtendReg: option (UXTB..SXTX) then left shift.
std::uint64_t ExtendReg(std::uint64_t value, unsigned option, unsigned shift, unsigned datasize);

// Disassembly helpers in LLVM's spelling.
std::string regName(unsigned n, bool is64, bool sp_for_31 = false); // x0/w0, xzr/wzr or sp/wsp
std::string condName(unsigned cond);
std::string hexImm(std::uint64_t v);   // "0x1f"
std::string signedImm(std::int64_t v); // "#-8"
const char* shiftName(unsigned type);
const char* extendName(unsigned option);

} // namespace svesim::isa
