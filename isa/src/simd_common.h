// Helpers shared by the AdvSIMD instruction files (isa/src/fpsimd_insns.cpp, simd_*.cpp):
// 128-bit register images, Elem[] access, V[] reads and the one V[] write of an instruction
// (R12), the saturation functions of the pseudocode with FPSR.QC, and operand spelling in
// LLVM's syntax.
#pragma once

#include "svesim/arch/sysreg.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/exec_context.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <fmt/core.h>
#include <span>
#include <string>

namespace svesim::isa::simd {

using T = TimingClass;
using Vec = std::array<std::uint8_t, 16>;

// ---- Register images -----------------------------------------------------------------------

// The low `bytes` of V[n] (the rest zero).
inline Vec readV(ExecContext& cx, unsigned n, unsigned bytes) {
    Vec v{};
    const auto src = cx.sve().V(n, bytes);
    std::memcpy(v.data(), src.data(), bytes);
    return v;
}
// V[n, bytes * 8] = v: the one write of the instruction (R12).
inline void writeV(ExecContext& cx, unsigned n, const Vec& v, unsigned bytes) {
    cx.setV(n, std::span<const std::uint8_t>(v.data(), bytes));
}
// Elem[v, e, esize] with esize = bytes * 8 (little-endian element order).
inline std::uint64_t elem(const Vec& v, unsigned e, unsigned bytes) {
    std::uint64_t r = 0;
    std::memcpy(&r, v.data() + e * bytes, bytes);
    return r;
}
inline std::int64_t selem(const Vec& v, unsigned e, unsigned bytes) {
    return signExtend(elem(v, e, bytes), bytes * 8);
}
inline void setElem(Vec& v, unsigned e, unsigned bytes, std::uint64_t value) {
    std::memcpy(v.data() + e * bytes, &value, bytes);
}
// Vpart[v, 1] of a 128-bit register: its upper 64 bits moved to the bottom.
inline Vec upperHalf(const Vec& v) {
    Vec r{};
    std::memcpy(r.data(), v.data() + 8, 8);
    return r;
}

// ---- Instruction fields --------------------------------------------------------------------

inline bool Q(std::uint32_t i) {
    return bit1(i, 30);
}
inline bool U(std::uint32_t i) {
    return bit1(i, 29);
}
inline unsigned sizeField(std::uint32_t i) {
    return bits(i, 23, 22);
}
inline unsigned datasizeBytes(std::uint32_t i) {
    return Q(i) ? 16 : 8;
}
// The common reservation "size 11 needs Q 1" (a 1D arrangement does not exist).
inline bool validNot1D(std::uint32_t i) {
    return !(sizeField(i) == 3 && !Q(i));
}
inline bool validSizeNot3(std::uint32_t i) {
    return sizeField(i) != 3;
}

// ---- Saturation (shared/functions/integer: SignedSatQ, UnsignedSatQ) and FPSR.QC ----------

struct Sat {
    std::uint64_t value; // the esize-bit result
    bool sat;
};
inline Sat SignedSatQ(i128 x, unsigned esize) {
    const i128 max = (i128{1} << (esize - 1)) - 1, min = -(i128{1} << (esize - 1));
    if (x > max) return {static_cast<std::uint64_t>(max) & ones(esize), true};
    if (x < min) return {static_cast<std::uint64_t>(min) & ones(esize), true};
    return {static_cast<std::uint64_t>(x) & ones(esize), false};
}
inline Sat UnsignedSatQ(i128 x, unsigned esize) {
    const i128 max = (i128{1} << esize) - 1;
    if (x > max) return {ones(esize), true};
    if (x < 0) return {0, true};
    return {static_cast<std::uint64_t>(x), false};
}
inline Sat SatQ(i128 x, unsigned esize, bool is_unsigned) {
    return is_unsigned ? UnsignedSatQ(x, esize) : SignedSatQ(x, esize);
}
// FPSR.QC = 1: the cumulative saturation flag (only ever set by instructions).
inline void setQC(ExecContext& cx) {
    constexpr std::uint64_t kQC = std::uint64_t{1} << 27;
    auto& regs = cx.cpu().sysregs;
    regs.write(SysReg::FPSR, regs.raw(SysReg::FPSR) | kQC);
}
// The element as an integer of the instruction's signedness.
inline i128 intOf(std::uint64_t x, unsigned esize, bool is_unsigned) {
    return is_unsigned ? static_cast<i128>(x & ones(esize)) : i128{signExtend(x, esize)};
}

// ---- Integer arithmetic of the pseudocode at infinite precision -----------------------------

// The shift of SSHL/USHL/SQSHL/...: SInt(element2<7:0>), positive left, negative right.
inline int shiftByRegister(std::uint64_t element2) {
    return static_cast<std::int8_t>(element2 & 0xFF);
}
// (x + round_const) << shift at infinite precision, as the shift-by-register and shift-by-
// immediate pseudocode compute it (round_const = 1 << (-shift - 1) for rounding right shifts).
// Left shifts of esize or more return +-2^(esize+1): zero once truncated to esize bits, and
// saturating for SatQ, exactly as the unbounded value would.
inline i128 ShiftInt(i128 x, int shift, bool rounding, unsigned esize) {
    if (shift >= 0) {
        if (shift >= static_cast<int>(esize))
            return x == 0 ? 0 : (x > 0 ? i128{1} : i128{-1}) * (i128{1} << (esize + 1));
        return x * (i128{1} << shift);
    }
    const int n = -shift;
    if (n > 65) return rounding ? 0 : (x < 0 ? -1 : 0); // |x| < 2^64: only the sign is left
    const i128 round_const = rounding ? i128{1} << (n - 1) : 0;
    return (x + round_const) >> n;
}
// PolynomialMult(op1, op2) on esize-bit operands: a 2*esize-bit carry-less product.
inline std::uint64_t PolynomialMult(std::uint64_t a, std::uint64_t b, unsigned esize) {
    std::uint64_t r = 0;
    for (unsigned k = 0; k < esize; ++k)
        if ((b >> k) & 1) r ^= (a & ones(esize)) << k;
    return r;
}
// SQDMULH/SQRDMULH: SignedSatQ((2 * x * y + round_const) >> esize, esize).
inline Sat SQDMULH(std::uint64_t a, std::uint64_t b, unsigned esize, bool rounding) {
    const i128 x = signExtend(a, esize), y = signExtend(b, esize);
    const i128 round_const = rounding ? i128{1} << (esize - 1) : 0;
    return SignedSatQ((2 * x * y + round_const) >> esize, esize);
}
// SQRDMLAH/SQRDMLSH: SignedSatQ(((d << esize) +- 2 * x * y + round_const) >> esize, esize).
inline Sat SQRDMLAH(std::uint64_t a, std::uint64_t b, std::uint64_t d, unsigned esize, bool sub) {
    const i128 x = signExtend(a, esize), y = signExtend(b, esize), z = signExtend(d, esize);
    const i128 product = 2 * x * y, round_const = i128{1} << (esize - 1);
    const i128 accum = z * (i128{1} << esize) + (sub ? -product : product) + round_const;
    return SignedSatQ(accum >> esize, esize);
}

// SQDMLAL/SQDMLSL/SQDMULL on one element pair (accumulate = +1, -1 or 0 for SQDMULL): the
// doubled product saturates to 2*esize bits first, then the accumulation (both set QC).
inline Sat SQDMLAL(std::uint64_t a, std::uint64_t b, std::uint64_t d, unsigned esize,
                   int accumulate) {
    const Sat product =
        SignedSatQ(2 * i128{signExtend(a, esize)} * signExtend(b, esize), 2 * esize);
    if (accumulate == 0) return product;
    const i128 p = signExtend(product.value, 2 * esize), acc = signExtend(d, 2 * esize);
    const Sat r = SignedSatQ(accumulate < 0 ? acc - p : acc + p, 2 * esize);
    return {r.value, r.sat || product.sat};
}

// ---- Spelling in LLVM's syntax -------------------------------------------------------------

// Arrangement specifier from size (log2 of the element bytes) and Q.
inline const char* arrangement(unsigned size, bool q) {
    static constexpr const char* kNames[4][2] = {
        {"8b", "16b"}, {"4h", "8h"}, {"2s", "4s"}, {"1d", "2d"}};
    return kNames[size & 3][q ? 1 : 0];
}
inline char elemChar(unsigned size) {
    return "bhsdq"[size < 4 ? size : 4]; // q for 128-bit
}
inline std::string vreg(unsigned n, unsigned size, bool q) {
    return fmt::format("v{}.{}", n, arrangement(size, q));
}
// A scalar SIMD&FP register of 1 << size bytes: b0, h0, s0, d0.
inline std::string sreg(unsigned n, unsigned size) {
    return fmt::format("{}{}", elemChar(size), n);
}
inline std::string elemRef(unsigned n, unsigned size, unsigned index) {
    return fmt::format("v{}.{}[{}]", n, elemChar(size), index);
}
// The "2" suffix of the forms that read or write the upper half (Q = 1).
inline const char* part2(std::uint32_t i) {
    return Q(i) ? "2" : "";
}

} // namespace svesim::isa::simd
