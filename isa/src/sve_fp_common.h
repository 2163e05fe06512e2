// Helpers shared by the SVE floating-point files (sve_fp_*.cpp): the element size of size
// insn[23:22] (01 half, 10 single, 11 double; 00 is unallocated for FP), the element count at
// the current VL, and the Z operand spelled with that size.
#pragma once

#include "sve_common.h"

namespace svesim::isa::sve::fpe {

inline unsigned esizeBits(std::uint32_t i) {
    return 8U << sizeField(i);
}
inline bool validSize(std::uint32_t i) {
    return sizeField(i) != 0;
}
inline unsigned elementsOf(ExecContext& cx, std::uint32_t i) {
    return cx.vl().bytes() / (esizeBits(i) / 8);
}
inline std::string z(unsigned n, std::uint32_t i) {
    return zreg(n, sizeField(i));
}

} // namespace svesim::isa::sve::fpe
