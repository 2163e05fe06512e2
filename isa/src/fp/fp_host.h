// The FP core's host shortcut (fp_arith.cpp): FPAdd, FPSub, FPMul, FPDiv, FPSqrt and FPMulAdd of
// single and double precision on the host FPU, for the common case only. When FPCR.RMode is
// round to nearest, ties to even, every operand is a normal number and the result is a normal
// number well inside the exponent range, no flushing, NaN, infinity, overflow or underflow rule
// of the pseudocode applies: its real arithmetic and one rounding (FPRound) give exactly IEEE
// 754's correctly rounded binary32/binary64 result, and the only exception that can occur is
// Inexact. Inexact is decided from the operation's exact error, computed with error-free
// transformations (TwoSum; the residual of a product, quotient or root through a fused
// multiply-add), never from the host's exception flags. Anything else gives nothing, and the
// caller runs the pseudocode. The oracle test tests/isa/test_fp_core_host.cpp covers both paths.
#pragma once

#include "fp.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <optional>

namespace svesim::isa::fp::host {

template <class F>
struct Format;
template <>
struct Format<float> {
    using Bits = std::uint32_t;
    static constexpr int kMantBits = 23, kBias = 127, kEmin = -126, kEmax = 127, kP = 24;
};
template <>
struct Format<double> {
    using Bits = std::uint64_t;
    static constexpr int kMantBits = 52, kBias = 1023, kEmin = -1022, kEmax = 1023, kP = 53;
};

// Whether the shortcut may run under this FPCR: round to nearest, ties to even (RMode = 00).
inline bool roundsToNearest(const FPContext& fc) {
    return ((fc.fpcr >> kFpcrRModeShift) & 3U) == 0;
}

// The unbiased exponent of a normal number, or nothing for zero, denormal, infinity or NaN.
template <class F>
std::optional<int> normalExponent(F x) {
    using T = Format<F>;
    const auto e = static_cast<int>((std::bit_cast<typename T::Bits>(x) >> T::kMantBits) &
                                    ((1U << (8 * sizeof(F) - 1 - T::kMantBits)) - 1));
    if (e == 0 || e == 2 * T::kBias + 1) return std::nullopt;
    return e - T::kBias;
}
// Normal and far enough from both ends of the range that a product's, quotient's or root's
// exact error is itself representable (2p above the smallest normal) and nothing overflows.
template <class F>
bool safe(F x) {
    using T = Format<F>;
    const auto e = normalExponent(x);
    return e && *e >= T::kEmin + 2 * T::kP && *e <= T::kEmax - 2;
}

// TwoSum: s + e == a + b exactly, s = RN(a + b) (no overflow).
template <class F>
void twoSum(F a, F b, F& s, F& e) {
    s = a + b;
    const F bb = s - a;
    e = (a - (s - bb)) + (b - bb);
}

template <class F>
std::uint64_t bitsOf(F x) {
    return std::bit_cast<typename Format<F>::Bits>(x);
}
template <class F>
F valueOf(std::uint64_t bits) {
    return std::bit_cast<F>(static_cast<typename Format<F>::Bits>(bits));
}

// The result, raising Inexact when `exact` says so.
template <class F>
std::uint64_t deliver(F r, bool exact, const FPContext& fc) {
    if (!exact) fc.raise(kIXC);
    return bitsOf(r);
}

template <class F>
std::optional<std::uint64_t> addT(F a, F b, const FPContext& fc) {
    if (!normalExponent(a) || !normalExponent(b)) return std::nullopt;
    F r{}, err{};
    twoSum(a, b, r, err);
    if (!safe(r)) return std::nullopt;
    return deliver(r, err == 0, fc);
}
template <class F>
std::optional<std::uint64_t> mulT(F a, F b, const FPContext& fc) {
    if (!normalExponent(a) || !normalExponent(b)) return std::nullopt;
    const F r = a * b;
    if (!safe(r)) return std::nullopt;
    return deliver(r, std::fma(a, b, -r) == 0, fc);
}
template <class F>
std::optional<std::uint64_t> divT(F a, F b, const FPContext& fc) {
    if (!safe(a) || !safe(b)) return std::nullopt;
    const F r = a / b;
    if (!safe(r)) return std::nullopt;
    return deliver(r, std::fma(-r, b, a) == 0, fc);
}
template <class F>
std::optional<std::uint64_t> sqrtT(F a, const FPContext& fc) {
    if (!safe(a) || a < 0) return std::nullopt;
    const F r = std::sqrt(a);
    if (!safe(r)) return std::nullopt;
    return deliver(r, std::fma(-r, r, a) == 0, fc);
}
// addend + a * b with one rounding. Exact iff a*b + c - r == 0: a*b = ph + pl exactly, and the
// four terms of ph + pl + c - r are summed into a nonoverlapping expansion (Shewchuk's
// Grow-Expansion over TwoSum), which is zero only if every component is.
template <class F>
std::optional<std::uint64_t> mulAddT(F c, F a, F b, const FPContext& fc) {
    if (!normalExponent(a) || !normalExponent(b) || !normalExponent(c)) return std::nullopt;
    const F ph = a * b;
    if (!safe(ph)) return std::nullopt;
    const F r = std::fma(a, b, c);
    if (!safe(r)) return std::nullopt;
    const F pl = std::fma(a, b, -ph); // a * b = ph + pl exactly
    F s1{}, e1{}, s2{}, e2{};
    twoSum(ph, c, s1, e1);  // ph + c = s1 + e1
    twoSum(s1, -r, s2, e2); // s1 - r = s2 + e2: the expansion [e2, s2]
    F q1{}, h0{}, h1{};     // grown by e1: [h0, h1, q1]
    twoSum(e1, e2, q1, h0);
    twoSum(q1, s2, q1, h1);
    F q2{}, g0{}, g1{}, g2{}; // grown by pl: [g0, g1, g2, q2]
    twoSum(pl, h0, q2, g0);
    twoSum(q2, h1, q2, g1);
    twoSum(q2, q1, q2, g2);
    const bool exact = g0 == 0 && g1 == 0 && g2 == 0 && q2 == 0;
    return deliver(r, exact, fc);
}

// The entry points of fp_arith.cpp: `op` is called with a value of the format's host type
// (float for N = 32, double for N = 64); half precision is never taken here.
template <class Op>
std::optional<std::uint64_t> dispatch(unsigned n, const FPContext& fc, Op op) {
    if (!roundsToNearest(fc)) return std::nullopt;
    if (n == 64) return op(double{});
    if (n == 32) return op(float{});
    return std::nullopt;
}
// A two-operand operation: `op` is called with both operands as values of the host type.
template <class Op>
std::optional<std::uint64_t> binary(std::uint64_t a, std::uint64_t b, unsigned n,
                                    const FPContext& fc, Op op) {
    return dispatch(n, fc, [&](auto t) {
        using F = decltype(t);
        return op(valueOf<F>(a), valueOf<F>(b));
    });
}
inline std::optional<std::uint64_t> add(std::uint64_t a, std::uint64_t b, unsigned n,
                                        const FPContext& fc) {
    return binary(a, b, n, fc, [&](auto x, auto y) { return addT(x, y, fc); });
}
inline std::optional<std::uint64_t> sub(std::uint64_t a, std::uint64_t b, unsigned n,
                                        const FPContext& fc) {
    return binary(a, b, n, fc, [&](auto x, auto y) { return addT(x, -y, fc); });
}
inline std::optional<std::uint64_t> mul(std::uint64_t a, std::uint64_t b, unsigned n,
                                        const FPContext& fc) {
    return binary(a, b, n, fc, [&](auto x, auto y) { return mulT(x, y, fc); });
}
inline std::optional<std::uint64_t> div(std::uint64_t a, std::uint64_t b, unsigned n,
                                        const FPContext& fc) {
    return binary(a, b, n, fc, [&](auto x, auto y) { return divT(x, y, fc); });
}
inline std::optional<std::uint64_t> sqrt(std::uint64_t a, unsigned n, const FPContext& fc) {
    return dispatch(n, fc, [&](auto t) { return sqrtT(valueOf<decltype(t)>(a), fc); });
}
inline std::optional<std::uint64_t> mulAdd(std::uint64_t addend, std::uint64_t a, std::uint64_t b,
                                           unsigned n, const FPContext& fc) {
    return dispatch(n, fc, [&](auto t) {
        using F = decltype(t);
        return mulAddT(valueOf<F>(addend), valueOf<F>(a), valueOf<F>(b), fc);
    });
}

} // namespace svesim::isa::fp::host
