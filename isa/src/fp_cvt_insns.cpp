// A64 conversions between floating-point and integer or fixed-point (ARM-M C7 "Conversion
// between floating-point and integer/fixed-point"): FCVT{N,P,M,Z,A}{S,U}, SCVTF, UCVTF (integer
// and fixed-point forms) for H (FEAT_FP16), S and D with W and X, and FMOV between a general
// register and H. The S/D/V.D[1] forms of FMOV (general) live in fpsimd_insns.cpp.
#include "fp/fp_regs.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

unsigned fpBits(std::uint32_t i) {
    static constexpr unsigned kBits[4] = {32, 64, 0, 16};
    return kBits[bits(i, 23, 22)];
}
bool validFtype(std::uint32_t i) {
    return fpBits(i) != 0;
}
unsigned intBits(std::uint32_t i) {
    return bit1(i, 31) ? 64 : 32;
}
std::string fr(unsigned n, unsigned size_bits) {
    const char c = size_bits == 16 ? 'h' : (size_bits == 32 ? 's' : 'd');
    return fmt::format("{}{}", c, n);
}

// FP to integer: V[n] converted to X[d] (intsize bits, zero-extended).
void fpToInt(ExecContext& cx, std::uint32_t i, fp::Rounding rounding, unsigned fbits,
             bool is_unsigned) {
    const unsigned n = fpBits(i), m = intBits(i);
    fp::FPScope scope(cx);
    const std::uint64_t result = fp::FPToFixed(fp::readScalar(cx, rn(i), n), n, fbits, is_unsigned,
                                               rounding, m, scope.ctx());
    cx.setX(rd(i), result);
    scope.commit();
}
// Integer to FP: X[n] (intsize bits) converted with the FPCR rounding mode into V[d].
void intToFp(ExecContext& cx, std::uint32_t i, unsigned fbits, bool is_unsigned) {
    const unsigned n = fpBits(i), m = intBits(i);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const std::uint64_t result =
        fp::FixedToFP(cx.X(rn(i)), m, fbits, is_unsigned, fc.rounding(), n, fc);
    fp::writeScalar(cx, rd(i), result, n);
    scope.commit();
}

// ---- Conversion between FP and integer ---------------------------------------------------------

// FCVT{N,P,M,Z}{S,U}: rmode names the rounding, opcode<0> the signedness; FCVTA{S,U}: rmode 00,
// opcode 10x.
bool validFcvtInt(std::uint32_t i) {
    return validFtype(i) &&
           (bits(i, 18, 17) == 0 || (bits(i, 18, 17) == 2 && bits(i, 20, 19) == 0));
}
void execFcvtInt(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const fp::Rounding rounding =
        bit1(i, 18) ? fp::Rounding::TieAway : fp::FPDecodeRounding(bits(i, 20, 19));
    fpToInt(cx, i, rounding, 0, bit1(i, 16));
}
std::string disFcvtInt(std::uint32_t i, std::uint64_t) {
    static constexpr const char kMode[4] = {'n', 'p', 'm', 'z'};
    const char mode = bit1(i, 18) ? 'a' : kMode[bits(i, 20, 19)];
    return fmt::format("fcvt{}{}\t{}, {}", mode, bit1(i, 16) ? 'u' : 's',
                       regName(rd(i), bit1(i, 31)), fr(rn(i), fpBits(i)));
}

// SCVTF/UCVTF (integer): rmode 00, opcode 01x.
void execCvtfInt(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    intToFp(cx, i, 0, bit1(i, 16));
}
std::string disCvtfInt(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}", bit1(i, 16) ? "ucvtf" : "scvtf", fr(rd(i), fpBits(i)),
                       regName(rn(i), bit1(i, 31)));
}

// FMOV (general) with a half-precision register: Wd/Xd = ZeroExtend(Hn), Hd = Wn/Xn<15:0>.
void execFmovGenH(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    if (bit1(i, 16))
        fp::writeScalar(cx, rd(i), cx.X(rn(i)) & 0xFFFF, 16);
    else
        cx.setX(rd(i), fp::readScalar(cx, rn(i), 16));
}
std::string disFmovGenH(std::uint32_t i, std::uint64_t) {
    if (bit1(i, 16)) return fmt::format("fmov\t{}, {}", fr(rd(i), 16), regName(rn(i), bit1(i, 31)));
    return fmt::format("fmov\t{}, {}", regName(rd(i), bit1(i, 31)), fr(rn(i), 16));
}

// ---- Conversion between FP and fixed-point -----------------------------------------------------
unsigned fbitsOf(std::uint32_t i) {
    return 64 - bits(i, 15, 10);
}
// A 32-bit integer has at most 32 fraction bits: scale<5> must be set.
bool validFixed(std::uint32_t i) {
    return validFtype(i) && (bit1(i, 31) || bit1(i, 15));
}
void execFcvtzFixed(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    fpToInt(cx, i, fp::Rounding::Zero, fbitsOf(i), bit1(i, 16));
}
std::string disFcvtzFixed(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}, #{}", bit1(i, 16) ? "fcvtzu" : "fcvtzs",
                       regName(rd(i), bit1(i, 31)), fr(rn(i), fpBits(i)), fbitsOf(i));
}
void execCvtfFixed(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    intToFp(cx, i, fbitsOf(i), bit1(i, 16));
}
std::string disCvtfFixed(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}, #{}", bit1(i, 16) ? "ucvtf" : "scvtf", fr(rd(i), fpBits(i)),
                       regName(rn(i), bit1(i, 31)), fbitsOf(i));
}

// clang-format off
const InsnDef kFpConvertInsns[] = {
    insn("x 0 0 11110 xx 1 xx xx x 000000 xxxxx xxxxx", "FCVTNS_FCVTNU_FCVTPS_FCVTPU_FCVTMS_FCVTMU_FCVTZS_FCVTZU_FCVTAS_FCVTAU_float2int", execFcvtInt, disFcvtInt, T::FpSimd, validFcvtInt),
    insn("x 0 0 11110 xx 1 00 01 x 000000 xxxxx xxxxx", "SCVTF_UCVTF_float2int", execCvtfInt, disCvtfInt, T::FpSimd, validFtype),
    insn("x 0 0 11110 11 1 00 11 x 000000 xxxxx xxxxx", "FMOV_H_float2int", execFmovGenH, disFmovGenH, T::FpSimd),
    insn("x 0 0 11110 xx 0 11 00 x xxxxxx xxxxx xxxxx", "FCVTZS_FCVTZU_float2fix", execFcvtzFixed, disFcvtzFixed, T::FpSimd, validFixed),
    insn("x 0 0 11110 xx 0 00 01 x xxxxxx xxxxx xxxxx", "SCVTF_UCVTF_float2fix", execCvtfFixed, disCvtfFixed, T::FpSimd, validFixed),
};
// clang-format on

} // namespace

std::span<const InsnDef> fpConvertInsns() {
    return kFpConvertInsns;
}

} // namespace svesim::isa
