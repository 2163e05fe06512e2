// Instructions specialised at decode: a row may give a specialiser that extracts the operands
// of one encoding once (registers, immediates, masks, condition) and picks a handler made for
// that form. The processor's fast engine runs such handlers back to back (model/processor.cpp).
//
// A fast handler does exactly what the row's exec function does, or nothing at all: it returns
// the next PC, or kFastDeclined without having changed any state when the instruction needs
// the general path (a fault or a trap it would take, an access it cannot make directly, a
// branch to a misaligned address or to itself). Fast handlers never run with a provenance
// tracker attached or with listeners of the events the general path emits for them.
#pragma once

#include <cstdint>

namespace svesim::isa {

class ExecContext;

// The operands of one decoded instruction. Register numbers index ExecContext::fastRegs():
// 31 reads as zero (XZR), kFastSink takes writes to XZR; SP is chosen by the handler.
struct FastOps {
    std::uint64_t imm = 0;  // immediate, branch offset, address offset, or mask
    std::uint64_t imm2 = 0; // a second mask (bitfield moves)
    std::uint8_t d = 0, n = 0, m = 0, a = 0;
    std::uint8_t amount = 0; // shift or extend amount, bit number
    std::uint8_t cond = 0;   // condition code, or an extend option
};

inline constexpr unsigned kFastSink = 32;
inline constexpr std::uint64_t kFastDeclined = 1; // never a next PC (the PC is word-aligned)

using FastFn = std::uint64_t (*)(ExecContext&, const FastOps&, std::uint64_t pc);
// Fills `ops` for the encoding and returns its handler, or nullptr (no fast form).
using FastSpecialiser = FastFn (*)(std::uint32_t insn, FastOps& ops);

} // namespace svesim::isa
