// Arm floating-point semantics (ARM-M J1 shared/functions/float): the FPCR-controlled rounding,
// flushing, NaN handling and cumulative exception flags of every FP operation, for half, single
// and double precision. Operands and results are raw bit patterns (the low N bits of a
// std::uint64_t, N = 16, 32 or 64); every function is named after its pseudocode and computes
// exactly what the pseudocode's real arithmetic computes (wide-integer mantissas, one rounding).
// Nothing here knows about registers: the caller reads FPCR into an FPContext and ORs the
// accumulated flags into FPSR afterwards. FP exception traps are not implemented (FPCR's trap
// enables read as zero), so every exception only sets its cumulative flag.
#pragma once

#include <cstdint>

namespace svesim::isa::fp {

// FPRounding
enum class Rounding : std::uint8_t { TieEven, PosInf, NegInf, Zero, TieAway, Odd };

// FPSR cumulative exception flags (FPProcessException sets bit `cumul`).
inline constexpr std::uint32_t kIOC = 1U << 0; // Invalid Operation
inline constexpr std::uint32_t kDZC = 1U << 1; // Divide by Zero
inline constexpr std::uint32_t kOFC = 1U << 2; // Overflow
inline constexpr std::uint32_t kUFC = 1U << 3; // Underflow
inline constexpr std::uint32_t kIXC = 1U << 4; // Inexact
inline constexpr std::uint32_t kIDC = 1U << 7; // Input Denormal
inline constexpr std::uint32_t kCumulativeFlags = kIOC | kDZC | kOFC | kUFC | kIXC | kIDC;

// FPCR fields the FP operations read.
inline constexpr std::uint32_t kFpcrAHP = 1U << 26;
inline constexpr std::uint32_t kFpcrDN = 1U << 25;
inline constexpr std::uint32_t kFpcrFZ = 1U << 24;
inline constexpr std::uint32_t kFpcrFZ16 = 1U << 19;
inline constexpr unsigned kFpcrRModeShift = 22;

// The FPCR value an operation uses and where its exceptions accumulate.
struct FPContext {
    std::uint32_t fpcr;
    std::uint32_t& flags; // FPSR cumulative bits are ORed in here

    [[nodiscard]] bool ahp() const { return (fpcr & kFpcrAHP) != 0; }
    [[nodiscard]] bool dn() const { return (fpcr & kFpcrDN) != 0; }
    [[nodiscard]] bool fz() const { return (fpcr & kFpcrFZ) != 0; }
    [[nodiscard]] bool fz16() const { return (fpcr & kFpcrFZ16) != 0; }
    // FPRoundingMode(fpcr)
    [[nodiscard]] Rounding rounding() const;
    // FPProcessException with every trap disabled: sets the cumulative flag.
    void raise(std::uint32_t flag) const { flags |= flag; }
    // The same context with some FPCR bits forced (the pseudocode's local fpcr.X = '0').
    [[nodiscard]] FPContext with(std::uint32_t clear_bits) const {
        return FPContext{fpcr & ~clear_bits, flags};
    }
};

// FPDecodeRounding(rmode)
Rounding FPDecodeRounding(unsigned rmode);

// Constants of format N.
std::uint64_t FPZero(bool sign, unsigned n);
std::uint64_t FPInfinity(bool sign, unsigned n);
std::uint64_t FPMaxNormal(bool sign, unsigned n);
std::uint64_t FPDefaultNaN(unsigned n);
std::uint64_t FPTwo(bool sign, unsigned n);
std::uint64_t FPOnePointFive(bool sign, unsigned n);
std::uint64_t FPThree(bool sign, unsigned n);
// VFPExpandImm(imm8) for N = 16, 32, 64.
std::uint64_t VFPExpandImm(unsigned imm8, unsigned n);

bool IsNaN(std::uint64_t op, unsigned n);
std::uint64_t FPAbs(std::uint64_t op, unsigned n);
std::uint64_t FPNeg(std::uint64_t op, unsigned n);

// Arithmetic (FPCR rounding mode unless stated).
std::uint64_t FPAdd(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPSub(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPMul(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPMulX(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPDiv(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPSqrt(std::uint64_t op, unsigned n, const FPContext& fc);
// addend + op1 * op2 with one rounding.
std::uint64_t FPMulAdd(std::uint64_t addend, std::uint64_t op1, std::uint64_t op2, unsigned n,
                       const FPContext& fc);
std::uint64_t FPMax(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPMin(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPMaxNum(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
std::uint64_t FPMinNum(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
// 2.0 - op1 * op2 and (3.0 - op1 * op2) / 2, fused.
std::uint64_t FPRecipStepFused(std::uint64_t op1, std::uint64_t op2, unsigned n,
                               const FPContext& fc);
std::uint64_t FPRSqrtStepFused(std::uint64_t op1, std::uint64_t op2, unsigned n,
                               const FPContext& fc);
std::uint64_t FPRecipEstimate(std::uint64_t op, unsigned n, const FPContext& fc);
std::uint64_t FPRSqrtEstimate(std::uint64_t op, unsigned n, const FPContext& fc);
std::uint64_t FPRecpX(std::uint64_t op, unsigned n, const FPContext& fc);
// op * 2^scale with one rounding (SVE FSCALE); NaNs, zeros and infinities pass unchanged.
std::uint64_t FPScale(std::uint64_t op, std::int64_t scale, unsigned n, const FPContext& fc);
// The integer estimates of AdvSIMD URECPE and URSQRTE (32-bit elements): the operand is an
// unsigned fixed-point value in [0, 1.0), the result the 9-bit RecipEstimate /
// RecipSqrtEstimate in the top bits, or all ones when the operand is below 0.5 (0.25).
std::uint32_t UnsignedRecipEstimate(std::uint32_t op);
std::uint32_t UnsignedRSqrtEstimate(std::uint32_t op);

// Comparisons. FPCompare returns NZCV (bit 3 = N); signal_nans selects FCMPE's behaviour.
unsigned FPCompare(std::uint64_t op1, std::uint64_t op2, bool signal_nans, unsigned n,
                   const FPContext& fc);
bool FPCompareEQ(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
bool FPCompareGE(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
bool FPCompareGT(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);
// Unordered: either is a NaN (Invalid Operation for a signalling one).
bool FPCompareUN(std::uint64_t op1, std::uint64_t op2, unsigned n, const FPContext& fc);

// Conversions.
std::uint64_t FPRoundInt(std::uint64_t op, unsigned n, Rounding rounding, bool exact,
                         const FPContext& fc);
// FP (N bits) to an M-bit fixed-point integer with fbits fraction bits (saturating, IOC).
std::uint64_t FPToFixed(std::uint64_t op, unsigned n, unsigned fbits, bool is_unsigned,
                        Rounding rounding, unsigned m, const FPContext& fc);
// An M-bit fixed-point integer to FP (N bits).
std::uint64_t FixedToFP(std::uint64_t op, unsigned m, unsigned fbits, bool is_unsigned,
                        Rounding rounding, unsigned n, const FPContext& fc);
// FPConvert from M to N bits (AHP applies to a half-precision side; FZ16 does not).
std::uint64_t FPConvert(std::uint64_t op, unsigned m, unsigned n, Rounding rounding,
                        const FPContext& fc);

} // namespace svesim::isa::fp
