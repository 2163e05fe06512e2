// FP arithmetic (ARM-M J1 shared/functions/float): FPAdd, FPSub, FPMul, FPMulX, FPDiv, FPSqrt,
// FPScale, FPMulAdd, FPMax/FPMin(Num), the fused Newton-Raphson steps and the comparisons.
#include "fp_host.h"
#include "fp_internal.h"

#include <algorithm>
#include <bit>

namespace svesim::isa::fp {
namespace {

// The shared tail of FPAdd/FPSub/FPMulAdd/the steps: an exact zero takes its sign from the
// rounding mode, anything else is rounded.
std::uint64_t roundSum(const Real& sum, unsigned n, const FPContext& fc, Rounding rounding) {
    if (sum.isZero()) return FPZero(rounding == Rounding::NegInf, n);
    return FPRound(sum, n, fc, rounding);
}

// a / b for nonzero exact a, b: at least 64 quotient bits, the remainder jammed into bit 0.
Real realDiv(const Real& a, const Real& b) {
    const int sa = 125 - topBit(a.mant), sb = 61 - topBit(b.mant);
    const u128 num = a.mant << sa, den = b.mant << sb;
    const u128 q = num / den, r = num % den;
    return Real{a.neg != b.neg, (a.exp - sa) - (b.exp - sb), q | (r != 0 ? 1 : 0)};
}

// floor(sqrt(v)) and whether it is exact.
u128 isqrt(u128 v, bool& exact) {
    u128 res = 0, bit = u128{1} << 126;
    while (bit > v)
        bit >>= 2;
    u128 x = v;
    while (bit != 0) {
        if (x >= res + bit) {
            x -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    exact = x == 0;
    return res;
}
// sqrt(a) for positive exact a: about 63 result bits, the remainder jammed into bit 0.
Real realSqrt(const Real& a) {
    int shift = 125 - topBit(a.mant);
    if (((a.exp - shift) & 1) != 0) ++shift; // even exponent (126 bits then)
    bool exact = false;
    const u128 root = isqrt(a.mant << shift, exact);
    return Real{false, (a.exp - shift) / 2, root | (exact ? 0 : 1)};
}

} // namespace

std::uint64_t FPAdd(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    if (const auto r = host::add(op1, op2, n, fc)) return *r; // normal operands: fp_host.h
    const Rounding rounding = fc.rounding();
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    const NaNResult nan = FPProcessNaNs(u1, u2, op1, op2, n, fc);
    if (nan.done) return nan.result;
    if (u1.isInf() && u2.isInf() && u1.sign != u2.sign) {
        fc.raise(kIOC);
        return FPDefaultNaN(n);
    }
    if ((u1.isInf() && !u1.sign) || (u2.isInf() && !u2.sign)) return FPInfinity(false, n);
    if ((u1.isInf() && u1.sign) || (u2.isInf() && u2.sign)) return FPInfinity(true, n);
    if (u1.isZero() && u2.isZero() && u1.sign == u2.sign) return FPZero(u1.sign, n);
    return roundSum(realAdd(u1.value, u2.value), n, fc, rounding);
}

std::uint64_t FPSub(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    if (const auto r = host::sub(op1, op2, n, fc)) return *r; // normal operands: fp_host.h
    const Rounding rounding = fc.rounding();
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    const NaNResult nan = FPProcessNaNs(u1, u2, op1, op2, n, fc);
    if (nan.done) return nan.result;
    if (u1.isInf() && u2.isInf() && u1.sign == u2.sign) {
        fc.raise(kIOC);
        return FPDefaultNaN(n);
    }
    if ((u1.isInf() && !u1.sign) || (u2.isInf() && u2.sign)) return FPInfinity(false, n);
    if ((u1.isInf() && u1.sign) || (u2.isInf() && !u2.sign)) return FPInfinity(true, n);
    if (u1.isZero() && u2.isZero() && u1.sign != u2.sign) return FPZero(u1.sign, n);
    return roundSum(realAdd(u1.value, realNeg(u2.value)), n, fc, rounding);
}

namespace {
// FPMul and FPMulX differ only in infinity * zero.
std::uint64_t mulCommon(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc,
                        bool mulx) {
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    const NaNResult nan = FPProcessNaNs(u1, u2, op1, op2, n, fc);
    if (nan.done) return nan.result;
    const bool sign = u1.sign != u2.sign;
    if ((u1.isInf() && u2.isZero()) || (u1.isZero() && u2.isInf())) {
        if (mulx) return FPTwo(sign, n);
        fc.raise(kIOC);
        return FPDefaultNaN(n);
    }
    if (u1.isInf() || u2.isInf()) return FPInfinity(sign, n);
    if (u1.isZero() || u2.isZero()) return FPZero(sign, n);
    return FPRound(realMul(u1.value, u2.value), n, fc);
}
} // namespace

std::uint64_t FPMul(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    if (const auto r = host::mul(op1, op2, n, fc)) return *r; // normal operands: fp_host.h
    return mulCommon(op1, op2, n, fc, false);
}
std::uint64_t FPMulX(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    return mulCommon(op1, op2, n, fc, true);
}

std::uint64_t FPDiv(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    if (const auto r = host::div(op1, op2, n, fc)) return *r; // normal operands: fp_host.h
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    const NaNResult nan = FPProcessNaNs(u1, u2, op1, op2, n, fc);
    if (nan.done) return nan.result;
    const bool sign = u1.sign != u2.sign;
    if ((u1.isInf() && u2.isInf()) || (u1.isZero() && u2.isZero())) {
        fc.raise(kIOC);
        return FPDefaultNaN(n);
    }
    if (u1.isInf() || u2.isZero()) {
        if (!u1.isInf()) fc.raise(kDZC);
        return FPInfinity(sign, n);
    }
    if (u1.isZero() || u2.isInf()) return FPZero(sign, n);
    return FPRound(realDiv(u1.value, u2.value), n, fc);
}

std::uint64_t FPScale(std::uint64_t op, std::int64_t scale, unsigned n, const FPContext& fc) {
    const Unpacked u = FPUnpack(op, n, fc);
    if (u.isNaN()) return FPProcessNaN(u.type, op, n, fc);
    if (u.isZero()) return FPZero(u.sign, n);
    if (u.isInf()) return FPInfinity(u.sign, n);
    // Past +-2^17 every finite value of every format has over- or underflowed already.
    Real v = u.value;
    v.exp += static_cast<int>(std::clamp<std::int64_t>(scale, -(1 << 17), 1 << 17));
    return FPRound(v, n, fc);
}

std::uint64_t FPSqrt(std::uint64_t op, unsigned n, const FPContext& fc) {
    if (const auto r = host::sqrt(op, n, fc)) return *r; // normal operands: fp_host.h
    const Unpacked u = FPUnpack(op, n, fc);
    if (u.isNaN()) return FPProcessNaN(u.type, op, n, fc);
    if (u.isZero()) return FPZero(u.sign, n);
    if (u.isInf() && !u.sign) return FPInfinity(false, n);
    if (u.sign) {
        fc.raise(kIOC);
        return FPDefaultNaN(n);
    }
    return FPRound(realSqrt(u.value), n, fc);
}

std::uint64_t FPMulAdd(std::uint64_t addend, std::uint64_t op1, std::uint64_t op2, unsigned n,
                       const FPContext& fc) {
    if (const auto r = host::mulAdd(addend, op1, op2, n, fc)) return *r; // fp_host.h
    const Rounding rounding = fc.rounding();
    const Unpacked ua = FPUnpack(addend, n, fc), u1 = FPUnpack(op1, n, fc),
                   u2 = FPUnpack(op2, n, fc);
    const bool inf_times_zero = (u1.isInf() && u2.isZero()) || (u1.isZero() && u2.isInf());
    NaNResult nan = FPProcessNaNs3(ua, u1, u2, addend, op1, op2, n, fc);
    // A quiet NaN addend does not hide the Invalid Operation of infinity * zero.
    if (ua.type == FPType::QNaN && inf_times_zero) {
        fc.raise(kIOC);
        nan.result = FPDefaultNaN(n);
    }
    if (nan.done) return nan.result;
    const bool sign_p = u1.sign != u2.sign;
    const bool inf_p = u1.isInf() || u2.isInf(), zero_p = u1.isZero() || u2.isZero();
    if (inf_times_zero || (ua.isInf() && inf_p && ua.sign != sign_p)) {
        fc.raise(kIOC);
        return FPDefaultNaN(n);
    }
    if ((ua.isInf() && !ua.sign) || (inf_p && !sign_p)) return FPInfinity(false, n);
    if ((ua.isInf() && ua.sign) || (inf_p && sign_p)) return FPInfinity(true, n);
    if (ua.isZero() && zero_p && ua.sign == sign_p) return FPZero(ua.sign, n);
    return roundSum(realAdd(ua.value, realMul(u1.value, u2.value)), n, fc, rounding);
}

namespace {
// FPMax (is_max) and FPMin.
std::uint64_t maxMin(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc,
                     bool is_max) {
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    const NaNResult nan = FPProcessNaNs(u1, u2, op1, op2, n, fc);
    if (nan.done) return nan.result;
    const int c = valueCompare(u1, u2);
    const Unpacked& u = (is_max ? c > 0 : c < 0) ? u1 : u2;
    if (u.isInf()) return FPInfinity(u.sign, n);
    // Zeros of either sign compare equal: max prefers +0, min prefers -0.
    if (u.isZero()) return FPZero(is_max ? (u1.sign && u2.sign) : (u1.sign || u2.sign), n);
    return FPRound(u.value, n, fc);
}
// FPMaxNum/FPMinNum: a single quiet NaN loses against a number.
std::uint64_t maxMinNum(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc,
                        bool is_max) {
    const FPType t1 = FPUnpack(op1, n, fc).type, t2 = FPUnpack(op2, n, fc).type;
    if (t1 == FPType::QNaN && t2 != FPType::QNaN)
        op1 = FPInfinity(is_max, n);
    else if (t1 != FPType::QNaN && t2 == FPType::QNaN)
        op2 = FPInfinity(is_max, n);
    return maxMin(op1, op2, n, fc, is_max);
}
} // namespace

std::uint64_t FPMax(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    return maxMin(op1, op2, n, fc, true);
}
std::uint64_t FPMin(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    return maxMin(op1, op2, n, fc, false);
}
std::uint64_t FPMaxNum(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    return maxMinNum(op1, op2, n, fc, true);
}
std::uint64_t FPMinNum(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    return maxMinNum(op1, op2, n, fc, false);
}

namespace {
// FPRecipStepFused (constant 2, no halving) and FPRSqrtStepFused (constant 3, halved).
std::uint64_t stepFused(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc,
                        bool rsqrt) {
    const Rounding rounding = fc.rounding();
    op1 = FPNeg(op1, n);
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    const NaNResult nan = FPProcessNaNs(u1, u2, op1, op2, n, fc);
    if (nan.done) return nan.result;
    if ((u1.isInf() && u2.isZero()) || (u1.isZero() && u2.isInf()))
        return rsqrt ? FPOnePointFive(false, n) : FPTwo(false, n);
    if (u1.isInf() || u2.isInf()) return FPInfinity(u1.sign != u2.sign, n);
    Real sum = realAdd(Real{false, 0, rsqrt ? 3U : 2U}, realMul(u1.value, u2.value));
    if (rsqrt) --sum.exp;
    return roundSum(sum, n, fc, rounding);
}
} // namespace

std::uint64_t FPRecipStepFused(std::uint64_t op1, std::uint64_t op2, unsigned n,
                               const FPContext& fc) {
    return stepFused(op1, op2, n, fc, false);
}
std::uint64_t FPRSqrtStepFused(std::uint64_t op1, std::uint64_t op2, unsigned n,
                               const FPContext& fc) {
    return stepFused(op1, op2, n, fc, true);
}

unsigned FPCompare(std::uint64_t op1, std::uint64_t op2, bool signal_nans, unsigned n,
                   const FPContext& fc) {
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    if (u1.isNaN() || u2.isNaN()) {
        if (u1.type == FPType::SNaN || u2.type == FPType::SNaN || signal_nans) fc.raise(kIOC);
        return 0b0011;
    }
    const int c = valueCompare(u1, u2);
    return c == 0 ? 0b0110 : (c < 0 ? 0b1000 : 0b0010);
}
bool FPCompareEQ(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    if (u1.isNaN() || u2.isNaN()) {
        if (u1.type == FPType::SNaN || u2.type == FPType::SNaN) fc.raise(kIOC);
        return false;
    }
    return valueCompare(u1, u2) == 0;
}
bool FPCompareGE(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    if (u1.isNaN() || u2.isNaN()) {
        fc.raise(kIOC);
        return false;
    }
    return valueCompare(u1, u2) >= 0;
}
bool FPCompareGT(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    if (u1.isNaN() || u2.isNaN()) {
        fc.raise(kIOC);
        return false;
    }
    return valueCompare(u1, u2) > 0;
}

bool FPCompareUN(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc) {
    const Unpacked u1 = FPUnpack(op1, n, fc), u2 = FPUnpack(op2, n, fc);
    if (u1.type == FPType::SNaN || u2.type == FPType::SNaN) fc.raise(kIOC);
    return u1.isNaN() || u2.isNaN();
}

} // namespace svesim::isa::fp
