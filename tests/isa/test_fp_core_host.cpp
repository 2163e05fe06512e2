// The FP core against an independent oracle: the host's x86 SSE/FMA unit, run through inline
// assembly with MXCSR selecting each of the four rounding modes (FZ = DN = 0 on both sides).
// Millions of random operands (random bit patterns, denormals, infinities, NaNs, nearby
// exponents for cancellation) for add, sub, mul, div, sqrt and fused multiply-add in single
// and double precision; the results and the Invalid, Divide-by-zero, Overflow and Inexact flags
// must agree. Not compared: the Underflow flag (x86 detects tininess after rounding, Arm before,
// ARM-M FPRoundBase), and NaN payloads (x86's default NaN is negative and it propagates the
// first NaN operand rather than the first signalling one): a NaN result must be a NaN.
#include "../../isa/src/fp/fp.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fmt/core.h>
#include <random>

#if defined(__x86_64__)

using namespace svesim::isa;

namespace {

// MXCSR: flags IE=0, ZE=2, OE=3, UE=4, PE=5; masks all set (bits 7..12); RC at 13..14.
constexpr std::uint32_t kMxcsrMasks = 0x1F80;
std::uint32_t readMxcsr() {
    std::uint32_t v = 0;
    asm volatile("stmxcsr %0" : "=m"(v));
    return v;
}
void writeMxcsr(std::uint32_t v) {
    asm volatile("ldmxcsr %0" : : "m"(v));
}
// Arm RMode (00 RN, 01 RP, 10 RM, 11 RZ) to x86 RC (00 RN, 01 down, 10 up, 11 RZ).
std::uint32_t x86Rc(unsigned rmode) {
    static constexpr std::uint32_t kRc[4] = {0, 2, 1, 3};
    return kRc[rmode] << 13;
}
// x86 exception flags to FPSR cumulative bits (Underflow left out: see the file comment).
std::uint32_t armFlagsOf(std::uint32_t mxcsr) {
    std::uint32_t f = 0;
    if (mxcsr & 0x01) f |= fp::kIOC;
    if (mxcsr & 0x04) f |= fp::kDZC;
    if (mxcsr & 0x08) f |= fp::kOFC;
    if (mxcsr & 0x20) f |= fp::kIXC;
    return f;
}

enum class Op { Add, Sub, Mul, Div, Sqrt, Fma };

// One host operation on raw bits; returns the result and the flags it raised.
template <class T>
std::uint64_t hostOp(Op op, std::uint64_t a, std::uint64_t b, std::uint64_t c, unsigned rmode,
                     std::uint32_t& flags) {
    T x, y, z;
    std::memcpy(&x, &a, sizeof(T));
    std::memcpy(&y, &b, sizeof(T));
    std::memcpy(&z, &c, sizeof(T));
    const std::uint32_t saved = readMxcsr();
    writeMxcsr(kMxcsrMasks | x86Rc(rmode));
    constexpr bool kD = sizeof(T) == 8;
    switch (op) {
    case Op::Add:
        if constexpr (kD)
            asm volatile("addsd %1, %0" : "+x"(x) : "x"(y));
        else
            asm volatile("addss %1, %0" : "+x"(x) : "x"(y));
        break;
    case Op::Sub:
        if constexpr (kD)
            asm volatile("subsd %1, %0" : "+x"(x) : "x"(y));
        else
            asm volatile("subss %1, %0" : "+x"(x) : "x"(y));
        break;
    case Op::Mul:
        if constexpr (kD)
            asm volatile("mulsd %1, %0" : "+x"(x) : "x"(y));
        else
            asm volatile("mulss %1, %0" : "+x"(x) : "x"(y));
        break;
    case Op::Div:
        if constexpr (kD)
            asm volatile("divsd %1, %0" : "+x"(x) : "x"(y));
        else
            asm volatile("divss %1, %0" : "+x"(x) : "x"(y));
        break;
    case Op::Sqrt:
        if constexpr (kD)
            asm volatile("sqrtsd %1, %0" : "=x"(x) : "x"(y));
        else
            asm volatile("sqrtss %1, %0" : "=x"(x) : "x"(y));
        break;
    case Op::Fma: // z = x * y + z
        if constexpr (kD)
            asm volatile("vfmadd231sd %2, %1, %0" : "+x"(z) : "x"(x), "x"(y));
        else
            asm volatile("vfmadd231ss %2, %1, %0" : "+x"(z) : "x"(x), "x"(y));
        x = z;
        break;
    }
    flags = armFlagsOf(readMxcsr());
    writeMxcsr(saved);
    std::uint64_t r = 0;
    std::memcpy(&r, &x, sizeof(T));
    return r;
}

std::uint64_t coreOp(Op op, std::uint64_t a, std::uint64_t b, std::uint64_t c, unsigned n,
                     unsigned rmode, std::uint32_t& flags) {
    flags = 0;
    const fp::FPContext fc{rmode << fp::kFpcrRModeShift, flags};
    switch (op) {
    case Op::Add: return fp::FPAdd(a, b, n, fc);
    case Op::Sub: return fp::FPSub(a, b, n, fc);
    case Op::Mul: return fp::FPMul(a, b, n, fc);
    case Op::Div: return fp::FPDiv(a, b, n, fc);
    case Op::Sqrt: return fp::FPSqrt(b, n, fc);
    case Op::Fma: return fp::FPMulAdd(c, a, b, n, fc);
    }
    return 0;
}

// Operands that reach every path: specials, denormals, random patterns, and values whose
// exponent is near `near_exp` (so that sums cancel and products land near the limits).
class Operands {
public:
    Operands(unsigned n, std::uint64_t seed)
        : n_(n)
        , e_(n == 32 ? 8 : 11)
        , f_(n == 32 ? 23 : 52)
        , rng_(seed) {}
    std::uint64_t next(std::uint64_t near_exp) {
        const std::uint64_t r = rng_(), sign = (rng_() & 1) << (n_ - 1);
        const std::uint64_t frac = r & mask(f_), emax = mask(e_);
        switch (rng_() % 10) {
        case 0: { // specials
            static constexpr int kPick = 8;
            switch (rng_() % kPick) {
            case 0: return sign;                                 // zero
            case 1: return sign | (emax << f_);                  // infinity
            case 2: return sign | (emax << f_) | (frac | 1);     // NaN (either kind)
            case 3: return sign | 1;                             // smallest denormal
            case 4: return sign | mask(f_);                      // largest denormal
            case 5: return sign | (std::uint64_t{1} << f_);      // smallest normal
            case 6: return sign | ((emax - 1) << f_) | mask(f_); // largest normal
            default: return sign | ((emax >> 1) << f_);          // 1.0
            }
        }
        case 1: return sign | frac >> (rng_() % f_); // denormal
        case 2:
        case 3: return r & mask(n_); // any pattern
        default: {                   // near a chosen exponent
            const std::int64_t e =
                static_cast<std::int64_t>(near_exp) + static_cast<std::int64_t>(rng_() % 7) - 3;
            const auto ex = static_cast<std::uint64_t>(
                std::clamp<std::int64_t>(e, 0, static_cast<std::int64_t>(emax)));
            // Few fraction bits sometimes, so that exact results and ties happen.
            const std::uint64_t fr = (rng_() & 1) ? frac : frac & ~mask(f_ - 3);
            return sign | (ex << f_) | fr;
        }
        }
    }
    std::uint64_t randomExp() { return rng_() % (mask(e_) + 1); }

private:
    static std::uint64_t mask(unsigned w) { return w >= 64 ? ~0ULL : (1ULL << w) - 1; }
    unsigned n_, e_, f_;
    std::mt19937_64 rng_;
};

bool isNaN(std::uint64_t v, unsigned n) {
    return fp::IsNaN(v, n);
}

void compareWithHost(Op op, unsigned n, int count, std::uint64_t seed) {
    Operands gen(n, seed);
    int failures = 0;
    for (int k = 0; k < count && failures < 10; ++k) {
        const std::uint64_t ea = gen.randomExp();
        // Exponents of b/c near a's, or near its complement (products near the limits).
        const std::uint64_t eb = (k & 1) ? ea : (n == 32 ? 254 : 2046) - ea;
        const std::uint64_t a = gen.next(ea), b = gen.next(eb), c = gen.next((k & 2) ? ea : eb);
        for (unsigned rmode = 0; rmode < 4; ++rmode) {
            std::uint32_t hf = 0, cf = 0;
            const std::uint64_t h = n == 32 ? hostOp<float>(op, a, b, c, rmode, hf)
                                            : hostOp<double>(op, a, b, c, rmode, hf);
            const std::uint64_t r = coreOp(op, a, b, c, n, rmode, cf);
            cf &= ~fp::kUFC;
            const bool same = isNaN(h, n) ? isNaN(r, n) : r == h;
            if (!same || hf != cf) {
                ++failures;
                UNSCOPED_INFO(fmt::format("op {} N={} rmode {}: a={:#x} b={:#x} c={:#x}: host "
                                          "{:#x} flags {:#x}, core {:#x} flags {:#x}",
                                          static_cast<int>(op), n, rmode, a, b, c, h, hf, r, cf));
            }
        }
    }
    CHECK(failures == 0);
}

// Operands for the core's host shortcut (isa/src/fp/fp_host.h: normal operands, round to
// nearest): small integers scaled by powers of two (exact results), and fused multiply-adds
// whose addend cancels the rounded product (the result is the product's rounding error), so
// that both answers of its exactness test occur often.
template <class T>
std::uint64_t bitsOfValue(T v) {
    std::uint64_t r = 0;
    std::memcpy(&r, &v, sizeof(T));
    return r;
}
template <class T>
void compareShortcut(Op op, int count, std::uint64_t seed) {
    constexpr unsigned n = sizeof(T) * 8;
    std::mt19937_64 rng(seed);
    const auto small = [&] {
        const auto m = static_cast<T>(static_cast<std::int64_t>(rng() % 2001) - 1000);
        return std::ldexp(m == 0 ? T(1) : m, static_cast<int>(rng() % 41) - 20);
    };
    const auto any = [&] {
        return std::ldexp(static_cast<T>(rng() % (std::uint64_t{1} << 40)) + T(1),
                          static_cast<int>(rng() % 81) - 60);
    };
    int failures = 0;
    for (int k = 0; k < count && failures < 10; ++k) {
        const T a = (k & 1) ? small() : any(), b = (k & 2) ? small() : any();
        T c = (k & 4) ? small() : any();
        if (op == Op::Fma && (k & 8)) c = -(a * b) + ((k & 16) ? small() * T(1e-9) : T(0));
        const std::uint64_t ab = bitsOfValue(a), bb = bitsOfValue(b), cb = bitsOfValue(c);
        std::uint32_t hf = 0, cf = 0;
        const std::uint64_t h = hostOp<T>(op, ab, bb, cb, 0, hf);
        const std::uint64_t r = coreOp(op, ab, bb, cb, n, 0, cf);
        cf &= ~fp::kUFC;
        const bool same = isNaN(h, n) ? isNaN(r, n) : r == h; // (a negative root's NaN)
        if (!same || hf != cf) {
            ++failures;
            UNSCOPED_INFO(fmt::format("op {} N={}: a={:#x} b={:#x} c={:#x}: host {:#x} flags "
                                      "{:#x}, core {:#x} flags {:#x}",
                                      static_cast<int>(op), n, ab, bb, cb, h, hf, r, cf));
        }
    }
    CHECK(failures == 0);
}

} // namespace

TEST_CASE("FP core: the host shortcut's exact and inexact results agree with the host FPU",
          "[fp][fp_core]") {
    constexpr int kCount = 200000;
    std::uint64_t seed = 100;
    for (Op op : {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Sqrt, Op::Fma}) {
        if (op == Op::Fma && !__builtin_cpu_supports("fma")) continue;
        INFO(fmt::format("op {}", static_cast<int>(op)));
        compareShortcut<float>(op, kCount, seed++);
        compareShortcut<double>(op, kCount, seed++);
    }
}

TEST_CASE("FP core: add, sub, mul, div, sqrt, fma agree with the host FPU in every rounding "
          "mode (single and double)",
          "[fp][fp_core]") {
    if (!__builtin_cpu_supports("fma")) WARN("host has no FMA: fused multiply-add not checked");
    constexpr int kCount = 100000; // x 4 rounding modes x 12 op/size pairs: 4.8 M operations
    std::uint64_t seed = 1;
    for (Op op : {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Sqrt, Op::Fma}) {
        if (op == Op::Fma && !__builtin_cpu_supports("fma")) continue;
        for (unsigned n : {32U, 64U}) {
            INFO(fmt::format("op {} N={}", static_cast<int>(op), n));
            compareWithHost(op, n, kCount, seed++);
        }
    }
}

#endif
