// The instruction syndrome of a Data Abort (ARM-M D24.2.45 ISS encoding for an exception from a
// Data Abort: ISV "for AArch64 loads and stores of a single general-purpose register (including
// the register specified with 0b11111), including those with Acquire/Release semantics, but
// excluding Load Exclusive or Store Exclusive and excluding those with writeback").
#include "svesim/isa/bits.h"
#include "svesim/isa/exec_context.h"

namespace svesim::isa {
namespace {

// ISV [24], SAS [23:22], SSE [21], SRT [20:16], SF [15], AR [14].
std::uint32_t syndrome(unsigned sas, bool sse, unsigned srt, bool sf, bool ar) {
    return (1U << 24) | (sas << 22) | (sse ? 1U << 21 : 0U) | (srt << 16) | (sf ? 1U << 15 : 0U) |
           (ar ? 1U << 14 : 0U);
}

// size:opc of the integer single-register forms: SAS, SSE and SF; false for PRFM and the
// unallocated size/opc combinations.
bool sizeOpc(unsigned size, unsigned opc, unsigned& sas, bool& sse, bool& sf) {
    sas = size;
    sse = opc >= 2;
    if (opc == 3 && size >= 2) return false;
    if (opc == 2 && size == 3) return false; // PRFM
    sf = opc == 2 || (opc < 2 && size == 3);
    return true;
}

} // namespace

std::uint32_t dataAbortInstructionSyndrome(std::uint32_t i) {
    const unsigned rt = bits(i, 4, 0);
    unsigned sas = 0;
    bool sse = false, sf = false;
    // Loads and stores of one register, integer (V = insn[26] = 0): xx 111 0 0x ...
    if ((i & 0x3F00'0000U) == 0x3900'0000U || (i & 0x3F20'0000U) == 0x3820'0000U ||
        (i & 0x3F20'0000U) == 0x3800'0000U) {
        const bool uimm = bits(i, 29, 24) == 0b111001;
        const bool regoff = !uimm && bit1(i, 21) && bits(i, 11, 10) == 0b10;
        const bool imm9 = !uimm && !bit1(i, 21) && (bits(i, 11, 10) & 1U) == 0; // unscaled, unpriv
        if (!(uimm || regoff || imm9)) return 0;                                // writeback forms
        if (!sizeOpc(bits(i, 31, 30), bits(i, 23, 22), sas, sse, sf)) return 0;
        return syndrome(sas, sse, rt, sf, false);
    }
    // LDR (literal), integer: opc 011 0 00 imm19 Rt.
    if ((i & 0x3F00'0000U) == 0x1800'0000U) {
        switch (bits(i, 31, 30)) {
        case 0: return syndrome(2, false, rt, false, false);
        case 1: return syndrome(3, false, rt, true, false);
        case 2: return syndrome(2, true, rt, true, false); // LDRSW
        default: return 0;                                 // PRFM
        }
    }
    // LDAR/STLR/LDLAR/STLLR: size 001000 1 L 0 Rs o0 Rt2 Rn Rt (o2 = 1, o1 = 0).
    if ((i & 0x3FA0'0000U) == 0x0880'0000U) {
        const unsigned size = bits(i, 31, 30);
        return syndrome(size, false, rt, size == 3, true);
    }
    return 0;
}

} // namespace svesim::isa
