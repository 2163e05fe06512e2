// The table-free estimate algorithms of the Arm ARM (ARM-M J1 shared/functions/float):
// FPRecipEstimate with RecipEstimate, FPRSqrtEstimate with RecipSqrtEstimate, FPRecpX, and the
// integer UnsignedRecipEstimate / UnsignedRSqrtEstimate that read the same two estimates.
#include "fp_internal.h"

#include <bit>

namespace svesim::isa::fp {
namespace {

// The binade of a nonzero finite value: |value| in [2^e, 2^(e+1)).
int binade(const Real& v) {
    return v.exp + topBit(v.mant);
}

// RecipEstimate(a): a in 256..511 is a fixed-point value in [0.5, 1.0); the result in
// 256..511 is the reciprocal in [1.0, 2.0), both rounded to nearest.
unsigned RecipEstimate(unsigned a) {
    a = a * 2 + 1;
    const unsigned b = (1U << 19) / a;
    return (b + 1) / 2;
}
// RecipSqrtEstimate(a): a in 128..511 is a fixed-point value in [0.25, 1.0).
unsigned RecipSqrtEstimate(unsigned a) {
    if (a < 256) {
        a = a * 2 + 1; // units of 1/512, rounded to nearest
    } else {
        a = (a >> 1) << 1; // discard the bottom bit
        a = (a + 1) * 2;   // units of 1/256, rounded to nearest
    }
    std::uint64_t b = 512;
    while (std::uint64_t{a} * (b + 1) * (b + 1) < (std::uint64_t{1} << 28))
        ++b;
    return static_cast<unsigned>((b + 1) / 2);
}

// The operand's fraction left-aligned to 52 bits and its biased exponent.
void fractionAndExp(std::uint64_t op, unsigned n, std::uint64_t& fraction, int& exp) {
    const Format fm = formatOf(n);
    fraction = (op & ones(fm.f)) << (52 - fm.f);
    exp = static_cast<int>((op >> fm.f) & ones(fm.e));
}

} // namespace

std::uint64_t FPRecipEstimate(std::uint64_t op, unsigned n, const FPContext& fc) {
    const Format fm = formatOf(n);
    const Unpacked u = FPUnpack(op, n, fc);
    const bool sign = u.sign;
    if (u.isNaN()) return FPProcessNaN(u.type, op, n, fc);
    if (u.isInf()) return FPZero(sign, n);
    if (u.isZero()) {
        fc.raise(kDZC);
        return FPInfinity(sign, n);
    }
    // The reciprocal overflows: |value| < 2^-16 / 2^-128 / 2^-1024.
    const int tiny = n == 16 ? -16 : (n == 32 ? -128 : -1024);
    if (binade(u.value) < tiny) {
        bool overflow_to_inf = false;
        switch (fc.rounding()) {
        case Rounding::TieEven: overflow_to_inf = true; break;
        case Rounding::PosInf: overflow_to_inf = !sign; break;
        case Rounding::NegInf: overflow_to_inf = sign; break;
        default: break;
        }
        fc.raise(kOFC);
        fc.raise(kIXC);
        return overflow_to_inf ? FPInfinity(sign, n) : FPMaxNormal(sign, n);
    }
    // The reciprocal is tiny and flushed: |value| >= 2^14 / 2^126 / 2^1022.
    const bool flush = n == 16 ? fc.fz16() : fc.fz();
    const int large = n == 16 ? 14 : (n == 32 ? 126 : 1022);
    if (flush && binade(u.value) >= large) {
        fc.raise(kUFC);
        return FPZero(sign, n);
    }
    // Scale to a fixed-point value in [0.5, 1.0) in steps of 1/512.
    std::uint64_t fraction = 0;
    int exp = 0;
    fractionAndExp(op, n, fraction, exp);
    if (exp == 0) {
        if (((fraction >> 51) & 1) == 0) {
            exp = -1;
            fraction = (fraction & ones(50)) << 2;
        } else {
            fraction = (fraction & ones(51)) << 1;
        }
    }
    const unsigned scaled = 256U | static_cast<unsigned>((fraction >> 44) & 0xFF);
    int result_exp = (n == 16 ? 29 : (n == 32 ? 253 : 2045)) - exp;
    const unsigned estimate = RecipEstimate(scaled);
    // The estimate in [1.0, 2.0) becomes the result's fraction, denormalized if needed.
    fraction = std::uint64_t{estimate & 0xFF} << 44;
    if (result_exp == 0) {
        fraction = (std::uint64_t{1} << 51) | (fraction >> 1);
    } else if (result_exp == -1) {
        fraction = (std::uint64_t{1} << 50) | (fraction >> 2);
        result_exp = 0;
    }
    return (std::uint64_t{sign ? 1U : 0U} << (n - 1)) |
           ((static_cast<std::uint64_t>(result_exp) & ones(fm.e)) << fm.f) |
           (fraction >> (52 - fm.f));
}

std::uint64_t FPRSqrtEstimate(std::uint64_t op, unsigned n, const FPContext& fc) {
    const Format fm = formatOf(n);
    const Unpacked u = FPUnpack(op, n, fc);
    if (u.isNaN()) return FPProcessNaN(u.type, op, n, fc);
    if (u.isZero()) {
        fc.raise(kDZC);
        return FPInfinity(u.sign, n);
    }
    if (u.sign) {
        fc.raise(kIOC);
        return FPDefaultNaN(n);
    }
    if (u.isInf()) return FPZero(false, n);
    // Scale to a fixed-point value in [0.25, 1.0) in steps of 1/512, keeping the parity of
    // the exponent.
    std::uint64_t fraction = 0;
    int exp = 0;
    fractionAndExp(op, n, fraction, exp);
    if (exp == 0) {
        while (((fraction >> 51) & 1) == 0) {
            fraction = (fraction << 1) & ones(52);
            --exp;
        }
        fraction = (fraction << 1) & ones(52);
    }
    // An even biased exponent is an odd power of two: the value scales into [0.5, 1.0).
    const unsigned scaled = (exp & 1) == 0
                                ? (256U | static_cast<unsigned>((fraction >> 44) & 0xFF))
                                : (128U | static_cast<unsigned>((fraction >> 45) & 0x7F));
    const int result_exp = ((n == 16 ? 44 : (n == 32 ? 380 : 3068)) - exp) / 2;
    const unsigned estimate = RecipSqrtEstimate(scaled);
    return ((static_cast<std::uint64_t>(result_exp) & ones(fm.e)) << fm.f) |
           (std::uint64_t{estimate & 0xFF} << (fm.f - 8));
}

std::uint64_t FPRecpX(std::uint64_t op, unsigned n, const FPContext& fc) {
    const Format fm = formatOf(n);
    const Unpacked u = FPUnpack(op, n, fc);
    if (u.isNaN()) return FPProcessNaN(u.type, op, n, fc);
    const std::uint64_t exp = (op >> fm.f) & ones(fm.e);
    const std::uint64_t sign = op & (std::uint64_t{1} << (n - 1));
    // Zeros and denormals give the largest finite exponent, others the inverted exponent.
    const std::uint64_t result_exp = exp == 0 ? ones(fm.e) - 1 : (~exp & ones(fm.e));
    return sign | (result_exp << fm.f);
}

// UnsignedRecipEstimate: operand<31:23> is a fixed-point value in [0.5, 1.0).
std::uint32_t UnsignedRecipEstimate(std::uint32_t op) {
    if ((op >> 31) == 0) return 0xFFFFFFFFU;
    return (RecipEstimate(op >> 23) & 0x1FFU) << 23;
}
// UnsignedRSqrtEstimate: operand<31:23> is a fixed-point value in [0.25, 1.0).
std::uint32_t UnsignedRSqrtEstimate(std::uint32_t op) {
    if ((op >> 30) == 0) return 0xFFFFFFFFU;
    return (RecipSqrtEstimate(op >> 23) & 0x1FFU) << 23;
}

} // namespace svesim::isa::fp
