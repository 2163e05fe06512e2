// Glue between the FP core (fp.h, which knows no registers) and the FP instructions: the FPCR
// an instruction runs under, its FPSR flags, and scalar access to the SIMD&FP registers.
#pragma once

#include "fp.h"
#include "svesim/isa/exec_context.h"

#include <array>
#include <cstdint>
#include <span>

namespace svesim::isa::fp {

// One instruction's FP environment: FPCR read once, exceptions gathered and ORed into FPSR
// (the cumulative flags) by commit(), after the instruction's result is written.
class FPScope {
public:
    explicit FPScope(ExecContext& cx)
        : cx_(&cx)
        , fpcr_(static_cast<std::uint32_t>(cx.cpu().sysregs.read(SysReg::FPCR))) {}
    [[nodiscard]] FPContext ctx() { return FPContext{fpcr_, flags_}; }
    [[nodiscard]] std::uint32_t fpcr() const { return fpcr_; }
    void commit() {
        if (flags_ == 0) return;
        auto& regs = cx_->cpu().sysregs;
        regs.write(SysReg::FPSR, regs.read(SysReg::FPSR) | flags_);
    }

private:
    ExecContext* cx_;
    std::uint32_t fpcr_;
    std::uint32_t flags_ = 0;
};

// The low `bits` of V[n].
inline std::uint64_t readScalar(ExecContext& cx, unsigned n, unsigned bits) {
    const auto src = cx.sve().V(n, bits / 8);
    std::uint64_t v = 0;
    for (unsigned k = 0; k < bits / 8; ++k)
        v |= std::uint64_t{src[k]} << (8 * k);
    return v;
}
// V[d, bits] = value: the one write of the instruction (R12 zeroes the rest).
inline void writeScalar(ExecContext& cx, unsigned d, std::uint64_t value, unsigned bits) {
    std::array<std::uint8_t, 8> b{};
    for (unsigned k = 0; k < bits / 8; ++k)
        b[k] = static_cast<std::uint8_t>(value >> (8 * k));
    cx.setV(d, std::span<const std::uint8_t>(b.data(), bits / 8));
}

// A SIMD&FP register value (up to 128 bits) with Elem[] access.
struct Vec128 {
    std::array<std::uint8_t, 16> b{};
    // Elem[v, e, esize]
    [[nodiscard]] std::uint64_t elem(unsigned e, unsigned esize) const {
        std::uint64_t r = 0;
        for (unsigned k = 0; k < esize / 8; ++k)
            r |= std::uint64_t{b[e * (esize / 8) + k]} << (8 * k);
        return r;
    }
    void setElem(unsigned e, unsigned esize, std::uint64_t value) {
        for (unsigned k = 0; k < esize / 8; ++k)
            b[e * (esize / 8) + k] = static_cast<std::uint8_t>(value >> (8 * k));
    }
};
// V[n] at `bits` (64 or 128; the rest zero).
inline Vec128 readVec(ExecContext& cx, unsigned n, unsigned bits) {
    Vec128 v;
    const auto src = cx.sve().V(n, bits / 8);
    for (unsigned k = 0; k < bits / 8; ++k)
        v.b[k] = src[k];
    return v;
}
// V[d, bits] = v: the one write of the instruction (R12).
inline void writeVec(ExecContext& cx, unsigned d, const Vec128& v, unsigned bits) {
    cx.setV(d, std::span<const std::uint8_t>(v.b.data(), bits / 8));
}

// Vd = op(Vn element, esize, fc) for each element of a `datasize`-bit vector under FPCR; the
// exceptions of every element accumulate into FPSR after the write.
template <class Op>
void unaryVector(ExecContext& cx, unsigned d, unsigned n, unsigned esize, unsigned datasize,
                 Op op) {
    FPScope scope(cx);
    const FPContext fc = scope.ctx();
    const Vec128 a = readVec(cx, n, datasize);
    Vec128 r;
    for (unsigned e = 0; e < datasize / esize; ++e)
        r.setElem(e, esize, op(a.elem(e, esize), esize, fc));
    writeVec(cx, d, r, datasize);
    scope.commit();
}

} // namespace svesim::isa::fp
