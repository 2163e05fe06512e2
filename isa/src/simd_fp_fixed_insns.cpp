// AdvSIMD floating-point conversions to and from fixed point (ARM-M C7 "shift by immediate"):
// SCVTF, UCVTF, FCVTZS, FCVTZU with #fbits, vector (4H/8H with FEAT_FP16, 2S/4S, 2D) and scalar
// (H/S/D); and FMOV (vector, immediate) half precision (4H/8H). The FP core (fp/fp.h) converts
// under FPCR.
#include "fp/fp_regs.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <bit>
#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;
using fp::Vec128;

// immh: 001x half, 01xx single, 1xxx double; 0001 is unallocated (0000 is another group).
unsigned esizeOf(std::uint32_t i) {
    const unsigned immh = bits(i, 22, 19);
    if (immh >= 8) return 64;
    if (immh >= 4) return 32;
    if (immh >= 2) return 16;
    return 0;
}
unsigned fbitsOf(std::uint32_t i) {
    return 2 * esizeOf(i) - bits(i, 22, 16);
}
bool isToFp(std::uint32_t i) {
    return bits(i, 15, 11) == 0b11100;
}
char sizeChar(unsigned esize) {
    return esize == 16 ? 'h' : (esize == 32 ? 's' : 'd');
}
const char* mnemonic(std::uint32_t i) {
    const bool u = bit1(i, 29);
    if (isToFp(i)) return u ? "ucvtf" : "scvtf";
    return u ? "fcvtzu" : "fcvtzs";
}
std::uint64_t convert(std::uint32_t i, std::uint64_t x, unsigned esize, const fp::FPContext& fc) {
    const bool u = bit1(i, 29);
    if (isToFp(i)) return fp::FixedToFP(x, esize, fbitsOf(i), u, fc.rounding(), esize, fc);
    return fp::FPToFixed(x, esize, fbitsOf(i), u, fp::Rounding::Zero, esize, fc);
}

bool validScalar(std::uint32_t i) {
    return esizeOf(i) != 0;
}
bool validVector(std::uint32_t i) {
    return esizeOf(i) != 0 && !(esizeOf(i) == 64 && !bit1(i, 30));
}
void execVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    fp::unaryVector(cx, rd(i), rn(i), esizeOf(i), bit1(i, 30) ? 128 : 64,
                    [i](std::uint64_t x, unsigned esize, const fp::FPContext& fc) {
                        return convert(i, x, esize, fc);
                    });
}
std::string disVector(std::uint32_t i, std::uint64_t) {
    const unsigned esize = esizeOf(i), lanes = (bit1(i, 30) ? 128 : 64) / esize;
    const char c = sizeChar(esize);
    return fmt::format("{}\tv{}.{}{}, v{}.{}{}, #{}", mnemonic(i), rd(i), lanes, c, rn(i), lanes, c,
                       fbitsOf(i));
}
void execScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned esize = esizeOf(i);
    fp::FPScope scope(cx);
    fp::writeScalar(cx, rd(i), convert(i, fp::readScalar(cx, rn(i), esize), esize, scope.ctx()),
                    esize);
    scope.commit();
}
std::string disScalar(std::uint32_t i, std::uint64_t) {
    const char c = sizeChar(esizeOf(i));
    return fmt::format("{}\t{}{}, {}{}, #{}", mnemonic(i), c, rd(i), c, rn(i), fbitsOf(i));
}

// FMOV (vector, immediate), half precision: imm8 = a:b:c:d:e:f:g:h.
unsigned imm8Of(std::uint32_t i) {
    return (bits(i, 18, 16) << 5) | bits(i, 9, 5);
}
void execFmovImmH(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned datasize = bit1(i, 30) ? 128 : 64;
    const std::uint64_t imm = fp::VFPExpandImm(imm8Of(i), 16);
    Vec128 r;
    for (unsigned e = 0; e < datasize / 16; ++e)
        r.setElem(e, 16, imm);
    fp::writeVec(cx, rd(i), r, datasize);
}
std::string disFmovImmH(std::uint32_t i, std::uint64_t) {
    // LLVM prints the value with eight decimals; every encodable value is exact there.
    const double v = std::bit_cast<double>(fp::VFPExpandImm(imm8Of(i), 64));
    return fmt::format("fmov\tv{}.{}h, #{:.8f}", rd(i), bit1(i, 30) ? 8 : 4, v);
}

// clang-format off
const InsnDef kSimdFpFixedInsns[] = {
    insn("0 x x 011110 xxxx xxx 111 00 1 xxxxx xxxxx", "SCVTF_UCVTF_asimdshf_C", execVector, disVector, T::FpSimd, validVector),
    insn("0 x x 011110 xxxx xxx 111 11 1 xxxxx xxxxx", "FCVTZS_FCVTZU_asimdshf_C", execVector, disVector, T::FpSimd, validVector),
    insn("0 1 x 111110 xxxx xxx 111 00 1 xxxxx xxxxx", "SCVTF_UCVTF_asisdshf_C", execScalar, disScalar, T::FpSimd, validScalar),
    insn("0 1 x 111110 xxxx xxx 111 11 1 xxxxx xxxxx", "FCVTZS_FCVTZU_asisdshf_C", execScalar, disScalar, T::FpSimd, validScalar),
    insn("0 x 0 0111100000 xxx 1111 1 1 xxxxx xxxxx", "FMOV_asimdimm_H_h", execFmovImmH, disFmovImmH, T::FpSimd),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdFpFixedInsns() {
    return kSimdFpFixedInsns;
}

} // namespace svesim::isa
