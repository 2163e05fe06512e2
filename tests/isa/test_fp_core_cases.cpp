// FP core cases evaluated by hand from the Arm ARM pseudocode (ARM-M J1
// shared/functions/float): NaN operand priority (FPProcessNaNs/FPProcessNaNs3), default NaN,
// flush-to-zero of inputs (IDC) and outputs (UFC) under FZ and FZ16, tininess detected before
// rounding, the alternative half-precision format (AHP), and the estimate algorithms.
#include "../../isa/src/fp/fp.h"

#include <catch2/catch.hpp>

using namespace svesim::isa::fp;

namespace {

constexpr std::uint32_t kRN = 0, kRP = 1U << 22, kRM = 2U << 22, kRZ = 3U << 22;

struct Run {
    std::uint32_t flags = 0;
    FPContext ctx(std::uint32_t fpcr) { return FPContext{fpcr, flags}; }
};

} // namespace

TEST_CASE("FP core: NaN operand priority is signalling first, then operand order",
          "[fp][fp_core]") {
    Run r;
    // FPProcessNaNs: op2's SNaN beats op1's QNaN; it is quietened and signals Invalid.
    CHECK(FPAdd(0x7FC00001, 0x7F800002, 32, r.ctx(kRN)) == 0x7FC00002);
    CHECK(r.flags == kIOC);
    // Two quiet NaNs: op1's, no exception.
    r.flags = 0;
    CHECK(FPMul(0xFFC00011, 0x7FC00022, 32, r.ctx(kRN)) == 0xFFC00011);
    CHECK(r.flags == 0);
    // FPProcessNaNs3(addend, op1, op2): op1's SNaN beats the addend's QNaN.
    r.flags = 0;
    CHECK(FPMulAdd(0x7FF8000000000003, 0x7FF0000000000004, 0x3FF0000000000000, 64, r.ctx(kRN)) ==
          0x7FF8000000000004);
    CHECK(r.flags == kIOC);
    // A quiet NaN addend with infinity * zero: the default NaN and Invalid Operation.
    r.flags = 0;
    CHECK(FPMulAdd(0x7FC00005, 0x7F800000, 0x00000000, 32, r.ctx(kRN)) == 0x7FC00000);
    CHECK(r.flags == kIOC);
    // DN: any NaN result is the default NaN; a quiet NaN still raises nothing.
    r.flags = 0;
    CHECK(FPSub(0xFFC01234, 0x3F800000, 32, r.ctx(kFpcrDN)) == 0x7FC00000);
    CHECK(r.flags == 0);
    CHECK(FPDefaultNaN(16) == 0x7E00);
    CHECK(FPDefaultNaN(64) == 0x7FF8000000000000);
}

TEST_CASE("FP core: FZ flushes single/double denormal inputs (IDC) and tiny results (UFC)",
          "[fp][fp_core]") {
    Run r;
    // Input: the smallest denormal is +0 under FZ; 0 + 0 = +0, Input Denormal.
    CHECK(FPAdd(0x00000001, 0x00000000, 32, r.ctx(kFpcrFZ)) == 0x00000000);
    CHECK(r.flags == kIDC);
    // Output: 2^-100 * 2^-30 = 2^-130 is below 2^-126: +0 with Underflow only (not Inexact).
    r.flags = 0;
    CHECK(FPMul(0x0D800000, 0x30800000, 32, r.ctx(kFpcrFZ)) == 0x00000000);
    CHECK(r.flags == kUFC);
    // Without FZ the same product is the exact denormal 2^-130 = 0x00080000: no exception.
    r.flags = 0;
    CHECK(FPMul(0x0D800000, 0x30800000, 32, r.ctx(kRN)) == 0x00080000);
    CHECK(r.flags == 0);
    // FZ does not apply to half precision.
    r.flags = 0;
    CHECK(FPAdd(0x0001, 0x0001, 16, r.ctx(kFpcrFZ)) == 0x0002);
    CHECK(r.flags == 0);
}

TEST_CASE("FP core: FZ16 flushes half-precision denormals without Input Denormal",
          "[fp][fp_core]") {
    Run r;
    CHECK(FPAdd(0x0001, 0x0000, 16, r.ctx(kFpcrFZ16)) == 0x0000);
    CHECK(r.flags == 0); // FPUnpack: FZ16 flushing does not signal IDC
    // A tiny half result is flushed with Underflow: 2^-10 * 2^-10 = 2^-20 < 2^-14.
    CHECK(FPMul(0x1400, 0x1400, 16, r.ctx(kFpcrFZ16)) == 0x0000);
    CHECK(r.flags == kUFC);
    // FZ16 does not apply to single precision.
    r.flags = 0;
    CHECK(FPAdd(0x00000001, 0x00000001, 32, r.ctx(kFpcrFZ16)) == 0x00000002);
    CHECK(r.flags == 0);
}

TEST_CASE("FP core: tininess is detected before rounding (Underflow even when the rounded "
          "result is normal)",
          "[fp][fp_core]") {
    Run r;
    // (1 - 2^-24) * 2^-126 = (2^23 - 0.5) * 2^-149: a tie in the denormal range, rounded to
    // even: 2^23 * 2^-149 = 2^-126, the smallest normal. Tiny before rounding and inexact.
    CHECK(FPMul(0x3F7FFFFF, 0x00800000, 32, r.ctx(kRN)) == 0x00800000);
    CHECK(r.flags == (kUFC | kIXC));
    // Toward zero it stays the largest denormal.
    r.flags = 0;
    CHECK(FPMul(0x3F7FFFFF, 0x00800000, 32, r.ctx(kRZ)) == 0x007FFFFF);
    CHECK(r.flags == (kUFC | kIXC));
}

TEST_CASE("FP core: overflow follows the rounding mode", "[fp][fp_core]") {
    Run r;
    const std::uint32_t max = 0x7F7FFFFF;
    CHECK(FPAdd(max, max, 32, r.ctx(kRN)) == 0x7F800000);
    CHECK(FPAdd(max, max, 32, r.ctx(kRZ)) == max);
    CHECK(FPAdd(max, max, 32, r.ctx(kRM)) == max);
    CHECK(FPAdd(max, max, 32, r.ctx(kRP)) == 0x7F800000);
    CHECK(FPAdd(max | 0x80000000, max | 0x80000000, 32, r.ctx(kRP)) == (max | 0x80000000));
    CHECK(r.flags == (kOFC | kIXC));
    // An exact zero sum is +0, or -0 when rounding toward minus infinity.
    CHECK(FPAdd(0x3F800000, 0xBF800000, 32, r.ctx(kRN)) == 0x00000000);
    CHECK(FPAdd(0x3F800000, 0xBF800000, 32, r.ctx(kRM)) == 0x80000000);
}

TEST_CASE("FP core: AHP half precision in conversions", "[fp][fp_core]") {
    Run r;
    // AHP: exponent 11111 is a normal number: 0x7C00 = 2^16.
    CHECK(FPConvert(0x7C00, 16, 32, Rounding::TieEven, r.ctx(kFpcrAHP)) == 0x47800000);
    CHECK(r.flags == 0);
    // IEEE: the same bits are +infinity.
    CHECK(FPConvert(0x7C00, 16, 32, Rounding::TieEven, r.ctx(kRN)) == 0x7F800000);
    // To AHP: 2^17 is beyond the largest (131008): all-ones magnitude and Invalid, not Inexact.
    CHECK(FPConvert(0x48000000, 32, 16, Rounding::TieEven, r.ctx(kFpcrAHP)) == 0x7FFF);
    CHECK(r.flags == kIOC);
    // To AHP: NaN becomes zero and infinity the all-ones magnitude, both Invalid.
    r.flags = 0;
    CHECK(FPConvert(0xFFC00000, 32, 16, Rounding::TieEven, r.ctx(kFpcrAHP)) == 0x8000);
    CHECK(FPConvert(0xFF800000, 32, 16, Rounding::TieEven, r.ctx(kFpcrAHP)) == 0xFFFF);
    CHECK(r.flags == kIOC);
    // IEEE: NaN payloads carry over (frac<21:0> to the top of a 51-bit payload, then its top
    // 9 bits: 0x012345 >> 13 = 9), quietened.
    r.flags = 0;
    CHECK(FPConvert(0x7F812345, 32, 16, Rounding::TieEven, r.ctx(kRN)) == 0x7E09);
    CHECK(r.flags == kIOC);
    // AHP does not change arithmetic (FPUnpack ignores it).
    CHECK(FPAdd(0x7C00, 0x3C00, 16, r.ctx(kFpcrAHP)) == 0x7C00);
}

TEST_CASE("FP core: FRECPE, FRSQRTE and FRECPX values of the pseudocode's algorithms",
          "[fp][fp_core]") {
    Run r;
    // RecipEstimate(256) = (2^19 DIV 513 + 1) DIV 2 = 511: 1.0 -> 0.998046875.
    CHECK(FPRecipEstimate(0x3F800000, 32, r.ctx(kRN)) == 0x3F7F8000);
    CHECK(FPRecipEstimate(0x3FF0000000000000, 64, r.ctx(kRN)) == 0x3FEFF00000000000);
    CHECK(FPRecipEstimate(0x3C00, 16, r.ctx(kRN)) == 0x3BFC);
    // RecipSqrtEstimate(128) = 511 (odd biased exponent: 1.0, 4.0); RecipSqrtEstimate(256)
    // = 361 (even biased exponent: 2.0 -> 0.705078125).
    CHECK(FPRSqrtEstimate(0x3F800000, 32, r.ctx(kRN)) == 0x3F7F8000);
    CHECK(FPRSqrtEstimate(0x40800000, 32, r.ctx(kRN)) == 0x3EFF8000);
    CHECK(FPRSqrtEstimate(0x40000000, 32, r.ctx(kRN)) == 0x3F348000);
    CHECK(r.flags == 0);
    // Zero: infinity and Divide by Zero; negative: default NaN and Invalid.
    CHECK(FPRecipEstimate(0x80000000, 32, r.ctx(kRN)) == 0xFF800000);
    CHECK(r.flags == kDZC);
    r.flags = 0;
    CHECK(FPRSqrtEstimate(0xBF800000, 32, r.ctx(kRN)) == 0x7FC00000);
    CHECK(r.flags == kIOC);
    // A reciprocal too large: infinity or the largest normal by rounding mode, Overflow.
    r.flags = 0;
    CHECK(FPRecipEstimate(0x00000001, 32, r.ctx(kRN)) == 0x7F800000);
    CHECK(FPRecipEstimate(0x00000001, 32, r.ctx(kRZ)) == 0x7F7FFFFF);
    CHECK(r.flags == (kOFC | kIXC));
    // FZ: a reciprocal below 2^-126 is flushed with Underflow.
    r.flags = 0;
    CHECK(FPRecipEstimate(0x7E800000, 32, r.ctx(kFpcrFZ)) == 0x00000000);
    CHECK(r.flags == kUFC);
    // FRECPX: the inverted exponent, no fraction; zero and denormals give the largest exponent.
    CHECK(FPRecpX(0x40000000, 32, r.ctx(kRN)) == 0x3F800000);
    CHECK(FPRecpX(0x80000001, 32, r.ctx(kRN)) == 0xFF000000);
}

TEST_CASE("FP core: conversions to integer saturate with Invalid; NaN converts to zero",
          "[fp][fp_core]") {
    Run r;
    CHECK(FPToFixed(0x4F000000, 32, 0, false, Rounding::Zero, 32, r.ctx(kRN)) == 0x7FFFFFFF);
    CHECK(r.flags == kIOC);
    r.flags = 0;
    CHECK(FPToFixed(0x7FC00000, 32, 0, false, Rounding::Zero, 64, r.ctx(kRN)) == 0);
    CHECK(r.flags == kIOC);
    r.flags = 0;
    CHECK(FPToFixed(0xBF000000, 32, 0, true, Rounding::Zero, 32, r.ctx(kRN)) == 0); // -0.5
    CHECK(r.flags == kIXC);
    r.flags = 0;
    CHECK(FPToFixed(0x40200000, 32, 0, false, Rounding::TieAway, 32, r.ctx(kRN)) == 3); // 2.5
    CHECK(FPToFixed(0x40200000, 32, 0, false, Rounding::TieEven, 32, r.ctx(kRN)) == 2);
    CHECK(FPToFixed(0xC0200000, 32, 0, false, Rounding::NegInf, 32, r.ctx(kRN)) == 0xFFFFFFFD);
    // Fixed point: 1.5 with 4 fraction bits is 24.
    CHECK(FPToFixed(0x3FC00000, 32, 4, false, Rounding::Zero, 32, r.ctx(kRN)) == 24);
    CHECK(FixedToFP(24, 32, 4, false, Rounding::TieEven, 32, r.ctx(kRN)) == 0x3FC00000);
    // INT64_MIN as signed, and as unsigned 2^63.
    CHECK(FixedToFP(0x8000000000000000, 64, 0, false, Rounding::TieEven, 64, r.ctx(kRN)) ==
          0xC3E0000000000000);
    CHECK(FixedToFP(0x8000000000000000, 64, 0, true, Rounding::TieEven, 64, r.ctx(kRN)) ==
          0x43E0000000000000);
}
