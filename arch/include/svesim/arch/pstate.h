// PSTATE as the AArch64 pseudocode sees it (ProcState), restricted to what svesim implements:
// AArch64 only (nRW always 0), FEAT_PAN and FEAT_UAO; no MTE, BTI, SSBS, DIT, NMI or SME.
#pragma once

#include "svesim/arch/types.h"

#include <cstdint>

namespace svesim {

struct PState {
    bool n = false, z = false, c = false, v = false; // condition flags
    bool d = true, a = true, i = true, f = true;     // DAIF masks
    bool ss = false;                                 // software step
    bool il = false;                                 // illegal execution state
    EL el = EL::EL3;
    bool sp = true;   // stack pointer select: false = SP_EL0, true = SP_ELx
    bool pan = false; // FEAT_PAN
    bool uao = false; // FEAT_UAO

    friend bool operator==(const PState&, const PState&) = default;
};

// NZCV as the NZCV system register presents it (bits [31:28]).
constexpr std::uint64_t nzcvBits(const PState& p) {
    return (std::uint64_t{p.n} << 31) | (std::uint64_t{p.z} << 30) | (std::uint64_t{p.c} << 29) |
           (std::uint64_t{p.v} << 28);
}
// D, A, I, F as the DAIF system register presents them (bits [9:6]).
constexpr std::uint64_t daifBits(const PState& p) {
    return (std::uint64_t{p.d} << 9) | (std::uint64_t{p.a} << 8) | (std::uint64_t{p.i} << 7) |
           (std::uint64_t{p.f} << 6);
}
// The inverses, for every writer of those bit positions (MSR NZCV/DAIF, SetPSTATEFromPSR, a
// debugger's CPSR): PSTATE.{N,Z,C,V} from bits [31:28], PSTATE.{D,A,I,F} from bits [9:6].
constexpr void setNzcvBits(PState& p, std::uint64_t v) {
    p.n = ((v >> 31) & 1) != 0;
    p.z = ((v >> 30) & 1) != 0;
    p.c = ((v >> 29) & 1) != 0;
    p.v = ((v >> 28) & 1) != 0;
}
constexpr void setDaifBits(PState& p, std::uint64_t v) {
    p.d = ((v >> 9) & 1) != 0;
    p.a = ((v >> 8) & 1) != 0;
    p.i = ((v >> 7) & 1) != 0;
    p.f = ((v >> 6) & 1) != 0;
}

} // namespace svesim
