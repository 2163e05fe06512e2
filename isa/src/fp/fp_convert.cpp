// FP conversions (ARM-M J1 shared/functions/float): FPRoundInt, FPToFixed, FixedToFP,
// FPConvert and FPConvertNaN.
#include "fp_internal.h"

#include <bit>

namespace svesim::isa::fp {
namespace {

// RoundDown(value) and the error above it, for |value| < 2^126, as a signed 128-bit integer.
struct Floor {
    i128 int_result;
    Fraction error;
};
Floor signedFloor(const Real& v) {
    const IntPart ip = splitMagnitude(v);
    const auto mag = static_cast<i128>(ip.int_part);
    if (!v.neg || ip.error == Fraction::Zero) return Floor{v.neg ? -mag : mag, ip.error};
    // -(I + f) = -(I + 1) + (1 - f): the error class mirrors around one half.
    Fraction e = ip.error;
    if (e == Fraction::BelowHalf)
        e = Fraction::AboveHalf;
    else if (e == Fraction::AboveHalf)
        e = Fraction::BelowHalf;
    return Floor{-mag - 1, e};
}
i128 roundFloor(const Floor& f, Rounding rounding) {
    const bool up = roundUpInt(rounding, (f.int_result & 1) != 0, f.int_result < 0, f.error);
    return f.int_result + (up ? 1 : 0);
}
Real realOfInt(i128 v) {
    return Real{v < 0, 0, static_cast<u128>(v < 0 ? -v : v)};
}

// FPConvertNaN: the payload's top bits carried over, quietened.
std::uint64_t FPConvertNaN(std::uint64_t op, unsigned m, unsigned n) {
    const bool sign = ((op >> (m - 1)) & 1) != 0;
    std::uint64_t frac = 0; // 51 bits
    switch (m) {
    case 64: frac = op & ones(51); break;
    case 32: frac = (op & ones(22)) << 29; break;
    default: frac = (op & ones(9)) << 42; break;
    }
    const std::uint64_t s = std::uint64_t{sign ? 1U : 0U} << (n - 1);
    switch (n) {
    case 64: return s | (ones(12) << 51) | frac;
    case 32: return s | (ones(9) << 22) | (frac >> 29);
    default: return s | (ones(6) << 9) | (frac >> 42);
    }
}

} // namespace

std::uint64_t FPRoundInt(std::uint64_t op, unsigned n, Rounding rounding, bool exact,
                         const FPContext& fc) {
    const Unpacked u = FPUnpack(op, n, fc);
    if (u.isNaN()) return FPProcessNaN(u.type, op, n, fc);
    if (u.isInf()) return FPInfinity(u.sign, n);
    if (u.isZero()) return FPZero(u.sign, n);
    // At 2^F and above every value is an integer already (and below 2^126).
    if (u.value.exp >= 0) return FPRound(u.value, n, fc, Rounding::Zero);
    const Floor f = signedFloor(u.value);
    const i128 int_result = roundFloor(f, rounding);
    const std::uint64_t result =
        int_result == 0 ? FPZero(u.sign, n) : FPRound(realOfInt(int_result), n, fc, Rounding::Zero);
    if (f.error != Fraction::Zero && exact) fc.raise(kIXC);
    return result;
}

std::uint64_t FPToFixed(std::uint64_t op, unsigned n, unsigned fbits, bool is_unsigned,
                        Rounding rounding, unsigned m, const FPContext& fc) {
    const Unpacked u = FPUnpack(op, n, fc);
    if (u.isNaN()) fc.raise(kIOC); // a NaN converts as zero and signals Invalid Operation
    Floor f{0, Fraction::Zero};
    bool huge = u.isInf(); // far beyond any M-bit range: saturates whatever the rounding
    if (!u.isInf() && !u.value.isZero()) {
        Real v = u.value;
        v.exp += static_cast<int>(fbits);
        if (v.exp + topBit(v.mant) >= 100)
            huge = true;
        else
            f = signedFloor(v);
    }
    const i128 int_result =
        huge ? (u.sign ? -(i128{1} << 100) : (i128{1} << 100)) : roundFloor(f, rounding);
    // SatQ(int_result, M, unsigned)
    const i128 hi = is_unsigned ? (i128{1} << m) - 1 : (i128{1} << (m - 1)) - 1;
    const i128 lo = is_unsigned ? 0 : -(i128{1} << (m - 1));
    i128 result = int_result;
    bool overflow = false;
    if (int_result > hi) {
        result = hi;
        overflow = true;
    } else if (int_result < lo) {
        result = lo;
        overflow = true;
    }
    if (overflow)
        fc.raise(kIOC);
    else if (f.error != Fraction::Zero)
        fc.raise(kIXC);
    return static_cast<std::uint64_t>(result) & ones(m);
}

std::uint64_t FixedToFP(std::uint64_t op, unsigned m, unsigned fbits, bool is_unsigned,
                        Rounding rounding, unsigned n, const FPContext& fc) {
    op &= ones(m);
    const bool neg = !is_unsigned && ((op >> (m - 1)) & 1) != 0;
    const std::uint64_t mag = neg ? (~op + 1) & ones(m) : op; // |SInt(op)| fits in M bits
    if (mag == 0) return FPZero(false, n);
    return FPRound(Real{neg, -static_cast<int>(fbits), mag}, n, fc, rounding);
}

std::uint64_t FPConvert(std::uint64_t op, unsigned m, unsigned n, Rounding rounding,
                        const FPContext& fc) {
    const Unpacked u = FPUnpackCV(op, m, fc);
    const bool alt_hp = n == 16 && fc.ahp();
    if (u.isNaN()) {
        std::uint64_t result = 0;
        if (alt_hp)
            result = FPZero(u.sign, n);
        else if (fc.dn())
            result = FPDefaultNaN(n);
        else
            result = FPConvertNaN(op, m, n);
        if (u.type == FPType::SNaN || alt_hp) fc.raise(kIOC);
        return result;
    }
    if (u.isInf()) {
        if (alt_hp) {
            fc.raise(kIOC);
            return (std::uint64_t{u.sign ? 1U : 0U} << (n - 1)) | ones(n - 1);
        }
        return FPInfinity(u.sign, n);
    }
    if (u.isZero()) return FPZero(u.sign, n);
    return FPRoundCV(u.value, n, fc, rounding);
}

} // namespace svesim::isa::fp
