// Shared pseudocode helpers of the A64 semantics (ARM-M J1 shared/functions): AddWithCarry,
// DecodeBitMasks, ConditionHolds, ShiftReg, ExtendReg, and disassembly formatting.
#pragma once

#include "svesim/arch/pstate.h"

#include <cstdint>
#include <optional>
#include <string>

namespace svesim::isa {

struct AddResult {
    std::uint64_t value;
    bool n, z, c, v;
};
// AddWithCarry(x, y, carry_in) on `datasize` (32 or 64) bits.
AddResult AddWithCarry(std::uint64_t x, std::uint64_t y, bool carry, unsigned datasize);
void setNZCV(PState& p, const AddResult& r);

// DecodeBitMasks(immN, imms, immr, immediate, M): (wmask, tmask), or nothing when reserved.
struct BitMasks {
    std::uint64_t wmask, tmask;
};
std::optional<BitMasks> DecodeBitMasks(unsigned n, unsigned imms, unsigned immr, bool immediate,
                                       unsigned datasize);

// ConditionHolds(cond)
bool ConditionHolds(unsigned cond, const PState& p);

enum class ShiftType : std::uint8_t { LSL, LSR, ASR, ROR };
std::uint64_t ShiftReg(std::uint64_t value, ShiftType type, unsigned amount, unsigned datasize);
// ExtendReg: option (UXTB..SXTX) then left shift.
std::uint64_t ExtendReg(std::uint64_t value, unsigned option, unsigned shift, unsigned datasize);
std::uint64_t ror(std::uint64_t v, unsigned amount, unsigned datasize);

// Disassembly helpers in LLVM's spelling.
std::string regName(unsigned n, bool is64, bool sp_for_31 = false); // x0/w0, xzr/wzr or sp/wsp
std::string condName(unsigned cond);
std::string hexImm(std::uint64_t v);   // "0x1f"
std::string signedImm(std::int64_t v); // "#-8"
const char* shiftName(unsigned type);
const char* extendName(unsigned option);

} // namespace svesim::isa
