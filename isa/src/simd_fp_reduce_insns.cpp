// AdvSIMD floating-point reductions (ARM-M C7): across lanes FMAXV, FMINV, FMAXNMV, FMINNMV
// (4S, and 4H/8H with FEAT_FP16) and the scalar pairwise FADDP, FMAXP, FMINP, FMAXNMP,
// FMINNMP (2S, 2D, and 2H with FEAT_FP16). The FP core (fp/fp.h) does each step under FPCR.
#include "fp/fp_regs.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;
using fp::Vec128;

enum class Op : std::uint8_t { None, MaxNum, MinNum, Add, Max, Min };
// opcode 01100 (NM), 01101 (add, a = 0 only), 01111; a = bit 23 selects min.
Op opOf(std::uint32_t i) {
    const bool a = bit1(i, 23);
    switch (bits(i, 16, 12)) {
    case 0b01100: return a ? Op::MinNum : Op::MaxNum;
    case 0b01101: return a ? Op::None : Op::Add;
    case 0b01111: return a ? Op::Min : Op::Max;
    default: return Op::None;
    }
}
std::uint64_t apply(Op op, std::uint64_t x, std::uint64_t y, unsigned n, const fp::FPContext& fc) {
    switch (op) {
    case Op::MaxNum: return fp::FPMaxNum(x, y, n, fc);
    case Op::MinNum: return fp::FPMinNum(x, y, n, fc);
    case Op::Add: return fp::FPAdd(x, y, n, fc);
    case Op::Max: return fp::FPMax(x, y, n, fc);
    case Op::Min: return fp::FPMin(x, y, n, fc);
    case Op::None: break;
    }
    return 0;
}
char sizeChar(unsigned esize) {
    return esize == 16 ? 'h' : (esize == 32 ? 's' : 'd');
}

// Reduce(op, input, esize): the halves reduced separately, then combined (lo op hi).
std::uint64_t Reduce(Op op, const Vec128& v, unsigned first, unsigned count, unsigned esize,
                     const fp::FPContext& fc) {
    if (count == 1) return v.elem(first, esize);
    const unsigned half = count / 2;
    const std::uint64_t lo = Reduce(op, v, first, half, esize, fc);
    const std::uint64_t hi = Reduce(op, v, first + half, half, esize, fc);
    return apply(op, lo, hi, esize, fc);
}

// ---- Across lanes: the half forms have U = 0, the single form U = 1 and Q = 1 -----------------
unsigned acrossEsize(std::uint32_t i) {
    return bit1(i, 29) ? 32 : 16;
}
bool validAcross(std::uint32_t i) {
    const Op op = opOf(i);
    if (op == Op::None || op == Op::Add || bit1(i, 22)) return false;
    return !bit1(i, 29) || bit1(i, 30);
}
void execAcross(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned esize = acrossEsize(i), datasize = bit1(i, 30) ? 128 : 64;
    fp::FPScope scope(cx);
    const Vec128 v = fp::readVec(cx, rn(i), datasize);
    const std::uint64_t r = Reduce(opOf(i), v, 0, datasize / esize, esize, scope.ctx());
    fp::writeScalar(cx, rd(i), r, esize);
    scope.commit();
}
std::string disAcross(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[] = {"", "fmaxnmv", "fminnmv", "", "fmaxv", "fminv"};
    const unsigned esize = acrossEsize(i), lanes = (bit1(i, 30) ? 128 : 64) / esize;
    const char c = sizeChar(esize);
    return fmt::format("{}\t{}{}, v{}.{}{}", kNames[static_cast<unsigned>(opOf(i))], c, rd(i),
                       rn(i), lanes, c);
}

// ---- Scalar pairwise: half with U = 0 (sz = 0), single/double with U = 1 ----------------------
unsigned pairEsize(std::uint32_t i) {
    if (!bit1(i, 29)) return 16;
    return bit1(i, 22) ? 64 : 32;
}
bool validPair(std::uint32_t i) {
    return opOf(i) != Op::None && (bit1(i, 29) || !bit1(i, 22));
}
void execPair(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned esize = pairEsize(i);
    fp::FPScope scope(cx);
    const Vec128 v = fp::readVec(cx, rn(i), 128);
    fp::writeScalar(cx, rd(i),
                    apply(opOf(i), v.elem(0, esize), v.elem(1, esize), esize, scope.ctx()), esize);
    scope.commit();
}
std::string disPair(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[] = {"", "fmaxnmp", "fminnmp", "faddp", "fmaxp", "fminp"};
    const unsigned esize = pairEsize(i);
    const char c = sizeChar(esize);
    return fmt::format("{}\t{}{}, v{}.2{}", kNames[static_cast<unsigned>(opOf(i))], c, rd(i), rn(i),
                       c);
}

// clang-format off
const InsnDef kSimdFpReduceInsns[] = {
    insn("0 x x 01110 xx 11000 xxxxx 10 xxxxx xxxxx", "FMAXNMV_FMINNMV_FMAXV_FMINV_asimdall", execAcross, disAcross, T::FpSimd, validAcross),
    insn("0 1 x 11110 xx 11000 xxxxx 10 xxxxx xxxxx", "FADDP_FMAXP_FMINP_FMAXNMP_FMINNMP_asisdpair", execPair, disPair, T::FpSimd, validPair),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdFpReduceInsns() {
    return kSimdFpReduceInsns;
}

} // namespace svesim::isa
