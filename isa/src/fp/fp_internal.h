// The pieces of the FP pseudocode shared by the operation files: format parameters, the exact
// "real" values the pseudocode computes with, FPUnpack, FPRoundBase and NaN processing.
#pragma once

#include "fp.h"
#include "svesim/isa/bits.h"

#include <bit>
#include <cstdint>

namespace svesim::isa::fp {

// The index of the most significant set bit of v != 0.
inline int topBit(u128 v) {
    const auto hi = static_cast<std::uint64_t>(v >> 64);
    if (hi != 0) return 127 - std::countl_zero(hi);
    return 63 - std::countl_zero(static_cast<std::uint64_t>(v));
}

// Format parameters of N-bit floating point.
struct Format {
    unsigned n, e, f; // total, exponent and fraction widths
    int bias, min_exp;
};
Format formatOf(unsigned n);

// A finite real value (-1)^neg * mant * 2^exp. mant == 0 is zero. A value computed inexactly
// (division, square root, alignment in addition) carries a sticky 1 in mant bit 0 and keeps at
// least 64 significant bits above it, so that rounding to at most 53 bits sees the same
// interval as the exact value would ("jamming").
struct Real {
    bool neg = false;
    int exp = 0;
    u128 mant = 0;
    [[nodiscard]] bool isZero() const { return mant == 0; }
};

enum class FPType : std::uint8_t { Zero, Denormal, Nonzero, Infinity, QNaN, SNaN };

struct Unpacked {
    FPType type;
    bool sign;
    Real value; // zero for zeros, infinities and NaNs
    [[nodiscard]] bool isNaN() const { return type == FPType::QNaN || type == FPType::SNaN; }
    [[nodiscard]] bool isInf() const { return type == FPType::Infinity; }
    [[nodiscard]] bool isZero() const { return type == FPType::Zero; }
};

// FPUnpack (AHP ignored) and FPUnpackCV (FZ16 ignored, AHP honoured).
Unpacked FPUnpack(std::uint64_t op, unsigned n, const FPContext& fc);
Unpacked FPUnpackCV(std::uint64_t op, unsigned n, const FPContext& fc);
// The pseudocode's FPUnpackBase with the FPCR exactly as given.
Unpacked FPUnpackBase(std::uint64_t op, unsigned n, const FPContext& fc);

// FPRoundBase(op, fpcr, rounding) for op != 0.
std::uint64_t FPRoundBase(const Real& op, unsigned n, const FPContext& fc, Rounding rounding);
// FPRound (AHP forced off) and FPRoundCV (FZ16 forced off).
std::uint64_t FPRound(const Real& op, unsigned n, const FPContext& fc, Rounding rounding);
std::uint64_t FPRound(const Real& op, unsigned n, const FPContext& fc);
std::uint64_t FPRoundCV(const Real& op, unsigned n, const FPContext& fc, Rounding rounding);

std::uint64_t FPProcessNaN(FPType type, std::uint64_t op, unsigned n, const FPContext& fc);
// (done, result)
struct NaNResult {
    bool done;
    std::uint64_t result;
};
NaNResult FPProcessNaNs(const Unpacked& u1, const Unpacked& u2, std::uint64_t op1,
                        std::uint64_t op2, unsigned n, const FPContext& fc);
NaNResult FPProcessNaNs3(const Unpacked& u1, const Unpacked& u2, const Unpacked& u3,
                         std::uint64_t op1, std::uint64_t op2, std::uint64_t op3, unsigned n,
                         const FPContext& fc);

// Exact real arithmetic.
Real realMul(const Real& a, const Real& b);
Real realAdd(const Real& a, const Real& b); // exact but for a jammed sticky bit
Real realNeg(Real a);
// Compares two finite reals: -1, 0, 1.
int realCompare(const Real& a, const Real& b);
// Compares unpacked non-NaN values (infinities included): -1, 0, 1.
int valueCompare(const Unpacked& a, const Unpacked& b);

// How far a value lies above the integer below it.
enum class Fraction : std::uint8_t { Zero, BelowHalf, Half, AboveHalf };
// RoundDown(|v|) for |v| < 2^126 and what is left over.
struct IntPart {
    u128 int_part;
    Fraction error;
};
IntPart splitMagnitude(const Real& v);
// The round_up decision of FPRoundInt/FPToFixed for int_result and its error.
bool roundUpInt(Rounding rounding, bool int_odd, bool int_negative, Fraction error);

} // namespace svesim::isa::fp
