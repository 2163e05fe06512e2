// FPUnpack, FPRoundBase, NaN processing and the FP constants (ARM-M J1
// shared/functions/float), on exact wide-integer values.
#include "fp_internal.h"

#include <algorithm>
#include <bit>

namespace svesim::isa::fp {

Rounding FPContext::rounding() const {
    return FPDecodeRounding((fpcr >> kFpcrRModeShift) & 3);
}

Rounding FPDecodeRounding(unsigned rmode) {
    switch (rmode & 3) {
    case 0: return Rounding::TieEven;
    case 1: return Rounding::PosInf;
    case 2: return Rounding::NegInf;
    default: return Rounding::Zero;
    }
}

Format formatOf(unsigned n) {
    switch (n) {
    case 16: return Format{16, 5, 10, 15, -14};
    case 32: return Format{32, 8, 23, 127, -126};
    default: return Format{64, 11, 52, 1023, -1022};
    }
}

namespace {
std::uint64_t signBit(bool sign, unsigned n) {
    return std::uint64_t{sign ? 1U : 0U} << (n - 1);
}
std::uint64_t pack(bool sign, std::uint64_t exp, std::uint64_t frac, unsigned n) {
    const Format fm = formatOf(n);
    return signBit(sign, n) | ((exp & ones(fm.e)) << fm.f) | (frac & ones(fm.f));
}
// Where `rem` (the bits below a cut at bit s) lies relative to half of 2^s.
Fraction classify(u128 rem, unsigned s) {
    if (rem == 0) return Fraction::Zero;
    const u128 half = u128{1} << (s - 1);
    if (rem < half) return Fraction::BelowHalf;
    return rem == half ? Fraction::Half : Fraction::AboveHalf;
}
// Splits mant at bit s (s > 0): the integer above and the fraction class below.
IntPart splitAt(u128 mant, unsigned s) {
    if (s > 128) return IntPart{0, mant == 0 ? Fraction::Zero : Fraction::BelowHalf};
    if (s == 128) return IntPart{0, classify(mant, 128)};
    return IntPart{mant >> s, classify(mant & ((u128{1} << s) - 1), s)};
}
} // namespace

std::uint64_t FPZero(bool sign, unsigned n) {
    return pack(sign, 0, 0, n);
}
std::uint64_t FPInfinity(bool sign, unsigned n) {
    return pack(sign, ones(formatOf(n).e), 0, n);
}
std::uint64_t FPMaxNormal(bool sign, unsigned n) {
    const Format fm = formatOf(n);
    return pack(sign, ones(fm.e) - 1, ones(fm.f), n);
}
std::uint64_t FPDefaultNaN(unsigned n) {
    const Format fm = formatOf(n);
    return pack(false, ones(fm.e), std::uint64_t{1} << (fm.f - 1), n);
}
std::uint64_t FPTwo(bool sign, unsigned n) {
    const Format fm = formatOf(n);
    return pack(sign, std::uint64_t{1} << (fm.e - 1), 0, n);
}
std::uint64_t FPOnePointFive(bool sign, unsigned n) {
    const Format fm = formatOf(n);
    return pack(sign, ones(fm.e - 1), std::uint64_t{1} << (fm.f - 1), n);
}
std::uint64_t FPThree(bool sign, unsigned n) {
    const Format fm = formatOf(n);
    return pack(sign, std::uint64_t{1} << (fm.e - 1), std::uint64_t{1} << (fm.f - 1), n);
}
std::uint64_t VFPExpandImm(unsigned imm8, unsigned n) {
    const Format fm = formatOf(n);
    const std::uint64_t b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3;
    // exp = NOT(b):Replicate(b, E-3):imm8<5:4>
    const std::uint64_t exp = ((b ^ 1) << (fm.e - 1)) | ((b != 0 ? ones(fm.e - 3) : 0) << 2) | cd;
    return pack(((imm8 >> 7) & 1) != 0, exp, std::uint64_t{imm8 & 0xFU} << (fm.f - 4), n);
}

bool IsNaN(std::uint64_t op, unsigned n) {
    const Format fm = formatOf(n);
    return ((op >> fm.f) & ones(fm.e)) == ones(fm.e) && (op & ones(fm.f)) != 0;
}
std::uint64_t FPAbs(std::uint64_t op, unsigned n) {
    return op & ones(n - 1);
}
std::uint64_t FPNeg(std::uint64_t op, unsigned n) {
    return (op ^ (std::uint64_t{1} << (n - 1))) & ones(n);
}

Unpacked FPUnpackBase(std::uint64_t op, unsigned n, const FPContext& fc) {
    const Format fm = formatOf(n);
    const bool sign = ((op >> (n - 1)) & 1) != 0;
    const std::uint64_t exp = (op >> fm.f) & ones(fm.e), frac = op & ones(fm.f);
    Unpacked u{FPType::Nonzero, sign, Real{sign, 0, 0}};
    if (exp == 0) {
        const bool flush = n == 16 ? fc.fz16() : fc.fz();
        if (frac == 0 || flush) {
            u.type = FPType::Zero;
            // Half-precision inputs flushed by FZ16 do not report Input Denormal.
            if (frac != 0 && n != 16) fc.raise(kIDC);
        } else {
            u.value = Real{sign, fm.min_exp - static_cast<int>(fm.f), frac};
        }
    } else if (exp == ones(fm.e) && (n != 16 || !fc.ahp())) {
        if (frac == 0)
            u.type = FPType::Infinity;
        else
            u.type = ((frac >> (fm.f - 1)) & 1) != 0 ? FPType::QNaN : FPType::SNaN;
    } else {
        u.value = Real{sign, static_cast<int>(exp) - fm.bias - static_cast<int>(fm.f),
                       frac | (std::uint64_t{1} << fm.f)};
    }
    return u;
}
Unpacked FPUnpack(std::uint64_t op, unsigned n, const FPContext& fc) {
    return FPUnpackBase(op, n, fc.with(kFpcrAHP));
}
Unpacked FPUnpackCV(std::uint64_t op, unsigned n, const FPContext& fc) {
    return FPUnpackBase(op, n, fc.with(kFpcrFZ16));
}

std::uint64_t FPRoundBase(const Real& op, unsigned n, const FPContext& fc, Rounding rounding) {
    const Format fm = formatOf(n);
    const bool sign = op.neg;
    const int exponent = op.exp + topBit(op.mant); // op = 1.xxx * 2^exponent
    // Flush-to-zero, judged on the unrounded value; it never traps.
    const bool flush = n == 16 ? fc.fz16() : fc.fz();
    if (flush && exponent < fm.min_exp) {
        fc.raise(kUFC);
        return FPZero(sign, n);
    }
    int biased_exp = std::max(exponent - fm.min_exp + 1, 0);
    // int_mant = RoundDown(mantissa * 2^F), mantissa scaled to the denormal range if needed.
    const int scale_exp = biased_exp > 0 ? exponent : fm.min_exp;
    const int shift = scale_exp - static_cast<int>(fm.f) - op.exp;
    IntPart ip{};
    if (shift <= 0)
        ip = IntPart{op.mant << -shift, Fraction::Zero};
    else
        ip = splitAt(op.mant, static_cast<unsigned>(shift));
    auto int_mant = static_cast<std::uint64_t>(ip.int_part);
    Fraction error = ip.error;
    // Underflow: tiny before rounding, and inexact.
    if (biased_exp == 0 && error != Fraction::Zero) fc.raise(kUFC);

    bool round_up = false, overflow_to_inf = false;
    switch (rounding) {
    case Rounding::TieEven:
        round_up = error == Fraction::AboveHalf || (error == Fraction::Half && (int_mant & 1) != 0);
        overflow_to_inf = true;
        break;
    case Rounding::TieAway: // not used by FPRound callers; rounds ties away for completeness
        round_up = error >= Fraction::Half;
        overflow_to_inf = true;
        break;
    case Rounding::PosInf:
        round_up = error != Fraction::Zero && !sign;
        overflow_to_inf = !sign;
        break;
    case Rounding::NegInf:
        round_up = error != Fraction::Zero && sign;
        overflow_to_inf = sign;
        break;
    case Rounding::Zero:
    case Rounding::Odd: break;
    }
    if (round_up) {
        ++int_mant;
        if (int_mant == std::uint64_t{1} << fm.f) biased_exp = 1; // denormal rounded to normal
        if (int_mant == std::uint64_t{1} << (fm.f + 1)) {         // rounded to the next binade
            ++biased_exp;
            int_mant >>= 1;
        }
    }
    // Round to odd (von Neumann rounding).
    if (error != Fraction::Zero && rounding == Rounding::Odd) int_mant |= 1;

    std::uint64_t result = 0;
    bool inexact = error != Fraction::Zero;
    if (n != 16 || !fc.ahp()) {
        if (biased_exp >= static_cast<int>(ones(fm.e))) {
            result = overflow_to_inf ? FPInfinity(sign, n) : FPMaxNormal(sign, n);
            fc.raise(kOFC);
            inexact = true;
        } else {
            result = pack(sign, static_cast<std::uint64_t>(biased_exp), int_mant, n);
        }
    } else { // alternative half precision: no infinities, overflow is Invalid Operation
        if (biased_exp >= (1 << fm.e)) {
            result = signBit(sign, n) | ones(n - 1);
            fc.raise(kIOC);
            inexact = false;
        } else {
            result = pack(sign, static_cast<std::uint64_t>(biased_exp), int_mant, n);
        }
    }
    if (inexact) fc.raise(kIXC);
    return result;
}
std::uint64_t FPRound(const Real& op, unsigned n, const FPContext& fc, Rounding rounding) {
    return FPRoundBase(op, n, fc.with(kFpcrAHP), rounding);
}
std::uint64_t FPRound(const Real& op, unsigned n, const FPContext& fc) {
    return FPRound(op, n, fc, fc.rounding());
}
std::uint64_t FPRoundCV(const Real& op, unsigned n, const FPContext& fc, Rounding rounding) {
    return FPRoundBase(op, n, fc.with(kFpcrFZ16), rounding);
}

std::uint64_t FPProcessNaN(FPType type, std::uint64_t op, unsigned n, const FPContext& fc) {
    const Format fm = formatOf(n);
    std::uint64_t result = op & ones(n);
    if (type == FPType::SNaN) {
        result |= std::uint64_t{1} << (fm.f - 1); // quieten
        fc.raise(kIOC);
    }
    if (fc.dn()) result = FPDefaultNaN(n);
    return result;
}
NaNResult FPProcessNaNs(const Unpacked& u1, const Unpacked& u2, std::uint64_t op1,
                        std::uint64_t op2, unsigned n, const FPContext& fc) {
    if (u1.type == FPType::SNaN) return {true, FPProcessNaN(u1.type, op1, n, fc)};
    if (u2.type == FPType::SNaN) return {true, FPProcessNaN(u2.type, op2, n, fc)};
    if (u1.type == FPType::QNaN) return {true, FPProcessNaN(u1.type, op1, n, fc)};
    if (u2.type == FPType::QNaN) return {true, FPProcessNaN(u2.type, op2, n, fc)};
    return {false, 0};
}
NaNResult FPProcessNaNs3(const Unpacked& u1, const Unpacked& u2, const Unpacked& u3,
                         std::uint64_t op1, std::uint64_t op2, std::uint64_t op3, unsigned n,
                         const FPContext& fc) {
    if (u1.type == FPType::SNaN) return {true, FPProcessNaN(u1.type, op1, n, fc)};
    if (u2.type == FPType::SNaN) return {true, FPProcessNaN(u2.type, op2, n, fc)};
    if (u3.type == FPType::SNaN) return {true, FPProcessNaN(u3.type, op3, n, fc)};
    if (u1.type == FPType::QNaN) return {true, FPProcessNaN(u1.type, op1, n, fc)};
    if (u2.type == FPType::QNaN) return {true, FPProcessNaN(u2.type, op2, n, fc)};
    if (u3.type == FPType::QNaN) return {true, FPProcessNaN(u3.type, op3, n, fc)};
    return {false, 0};
}

// ---- Exact real arithmetic ---------------------------------------------------------------------

Real realNeg(Real a) {
    a.neg = !a.neg;
    return a;
}
Real realMul(const Real& a, const Real& b) {
    // Both mantissas are exact and below 2^64 (unpacked values and small constants).
    return Real{a.neg != b.neg, a.exp + b.exp, a.mant * b.mant};
}
namespace {
// Shifts an exact mantissa up so that its top bit is at `top`.
Real normalizedTo(Real a, int top) {
    const int shift = top - topBit(a.mant);
    if (shift > 0) {
        a.mant <<= shift;
        a.exp -= shift;
    }
    return a;
}
} // namespace
Real realAdd(const Real& a_in, const Real& b_in) {
    if (a_in.isZero()) return b_in;
    if (b_in.isZero()) return a_in;
    // Exact operands (at most 125 significant bits) aligned with their top bit at 124: the
    // bigger one is then even, and the smaller one is shifted right with its lost bits
    // jammed into bit 0.
    Real a = normalizedTo(a_in, 124), b = normalizedTo(b_in, 124);
    if (a.exp < b.exp) std::swap(a, b);
    const int d = a.exp - b.exp;
    u128 small = 0;
    if (d >= 126)
        small = 1; // only sticky
    else if (d > 0)
        small = (b.mant >> d) | (((b.mant & ((u128{1} << d) - 1)) != 0) ? 1 : 0);
    else
        small = b.mant;
    Real r{a.neg, a.exp, 0};
    if (a.neg == b.neg) {
        r.mant = a.mant + small;
    } else if (a.mant >= small) {
        r.mant = a.mant - small;
    } else {
        r.mant = small - a.mant;
        r.neg = b.neg;
    }
    return r;
}
int realCompare(const Real& a, const Real& b) {
    const int sa = a.isZero() ? 0 : (a.neg ? -1 : 1), sb = b.isZero() ? 0 : (b.neg ? -1 : 1);
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    const int ea = a.exp + topBit(a.mant), eb = b.exp + topBit(b.mant);
    int mag = 0;
    if (ea != eb) {
        mag = ea < eb ? -1 : 1;
    } else {
        const u128 ma = normalizedTo(a, 127).mant, mb = normalizedTo(b, 127).mant;
        mag = ma == mb ? 0 : (ma < mb ? -1 : 1);
    }
    return sa * mag;
}
int valueCompare(const Unpacked& a, const Unpacked& b) {
    auto rank = [](const Unpacked& u) { return u.isInf() ? (u.sign ? -1 : 1) : 0; };
    const int ra = rank(a), rb = rank(b);
    if (ra != 0 || rb != 0) return ra == rb ? 0 : (ra < rb ? -1 : 1);
    return realCompare(a.value, b.value);
}

IntPart splitMagnitude(const Real& v) {
    if (v.isZero()) return IntPart{0, Fraction::Zero};
    if (v.exp >= 0) return IntPart{v.mant << v.exp, Fraction::Zero};
    return splitAt(v.mant, static_cast<unsigned>(-v.exp));
}
bool roundUpInt(Rounding rounding, bool int_odd, bool int_negative, Fraction error) {
    switch (rounding) {
    case Rounding::TieEven:
        return error == Fraction::AboveHalf || (error == Fraction::Half && int_odd);
    case Rounding::PosInf: return error != Fraction::Zero;
    case Rounding::NegInf: return false;
    case Rounding::Zero: return error != Fraction::Zero && int_negative;
    case Rounding::TieAway:
        return error == Fraction::AboveHalf || (error == Fraction::Half && !int_negative);
    case Rounding::Odd: break;
    }
    return false;
}

} // namespace svesim::isa::fp
