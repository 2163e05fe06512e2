// Helpers shared by the SVE floating-point files (sve_fp_*.cpp): the element size of size
// insn[23:22] (01 half, 10 single, 11 double; 00 is unallocated for FP), the element count at
// the current VL, the Z operand spelled with that size, and the unpredicated Zd = op(Zn, Zm).
#pragma once

#include "fp/fp_regs.h"
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

// Zd = op(Zn, Zm, N, fc) element by element (unpredicated, Zm = insn[20:16]) under FPCR; the
// exceptions of every element accumulate into FPSR after the write.
template <class Op>
void unpredicatedBinary(ExecContext& cx, std::uint32_t i, Op op) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned eb = esizeBits(i) / 8;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const ZBuf a = readZ(cx, rn(i)), b = readZ(cx, rm(i));
    ZBuf r{};
    const unsigned elements = elementsOf(cx, i);
    withEsize(eb, [&](auto es) {
        constexpr unsigned esize = decltype(es)::value;
        for (unsigned e = 0; e < elements; ++e)
            setElem(r.data(), e, esize,
                    op(elem(a.data(), e, esize), elem(b.data(), e, esize), esize * 8, fc));
    });
    writeZ(cx, rd(i), r);
    scope.commit();
}

} // namespace svesim::isa::sve::fpe
