// AdvSIMD floating-point multiply by element (ARM-M C7 "vector/scalar x indexed element"):
// FMLA, FMLS, FMUL, FMULX with an indexed V[m] element, vector (4H/8H with FEAT_FP16, 2S/4S,
// 2D) and scalar (H/S/D). Elements are the FP core's (fp/fp.h) under FPCR.
#include "fp/fp_regs.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;
using fp::Vec128;

enum class Op : std::uint8_t { None, Fmla, Fmls, Fmul, Fmulx };
Op opOf(std::uint32_t i) {
    const unsigned opcode = bits(i, 15, 12);
    if (bit1(i, 29)) return opcode == 9 ? Op::Fmulx : Op::None;
    switch (opcode) {
    case 1: return Op::Fmla;
    case 5: return Op::Fmls;
    case 9: return Op::Fmul;
    default: return Op::None;
    }
}
const char* opName(Op op) {
    static constexpr const char* kNames[] = {"", "fmla", "fmls", "fmul", "fmulx"};
    return kNames[static_cast<unsigned>(op)];
}
// size 00 is half precision (FEAT_FP16), 10 single, 11 double; 01 is unallocated.
unsigned esizeOf(std::uint32_t i) {
    static constexpr unsigned kSizes[4] = {16, 0, 32, 64};
    return kSizes[bits(i, 23, 22)];
}
// The index is H:L:M (half), H:L (single), H (double); M extends Rm except for half.
unsigned indexOf(std::uint32_t i) {
    const unsigned h = bits(i, 11, 11), l = bits(i, 21, 21), m = bits(i, 20, 20);
    switch (esizeOf(i)) {
    case 16: return (h << 2) | (l << 1) | m;
    case 32: return (h << 1) | l;
    default: return h;
    }
}
unsigned rmOf(std::uint32_t i) {
    return esizeOf(i) == 16 ? bits(i, 19, 16) : bits(i, 20, 16);
}
bool validCommon(std::uint32_t i) {
    const unsigned esize = esizeOf(i);
    if (opOf(i) == Op::None || esize == 0) return false;
    return !(esize == 64 && bit1(i, 21)); // double: L must be 0
}

std::uint64_t elementOp(Op op, std::uint64_t d, std::uint64_t a, std::uint64_t b, unsigned n,
                        const fp::FPContext& fc) {
    switch (op) {
    case Op::Fmla: return fp::FPMulAdd(d, a, b, n, fc);
    case Op::Fmls: return fp::FPMulAdd(d, fp::FPNeg(a, n), b, n, fc);
    case Op::Fmul: return fp::FPMul(a, b, n, fc);
    case Op::Fmulx: return fp::FPMulX(a, b, n, fc);
    case Op::None: break;
    }
    return 0;
}

char sizeChar(unsigned esize) {
    return esize == 16 ? 'h' : (esize == 32 ? 's' : 'd');
}
std::string elemRef(std::uint32_t i) {
    return fmt::format("v{}.{}[{}]", rmOf(i), sizeChar(esizeOf(i)), indexOf(i));
}

bool validVector(std::uint32_t i) {
    return validCommon(i) && !(esizeOf(i) == 64 && !bit1(i, 30)); // 1D is reserved
}
void execVector(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const Op op = opOf(i);
    const unsigned esize = esizeOf(i), datasize = bit1(i, 30) ? 128 : 64;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const Vec128 a = fp::readVec(cx, rn(i), datasize), d = fp::readVec(cx, rd(i), datasize);
    const std::uint64_t element2 = fp::readVec(cx, rmOf(i), 128).elem(indexOf(i), esize);
    Vec128 r;
    for (unsigned e = 0; e < datasize / esize; ++e)
        r.setElem(e, esize, elementOp(op, d.elem(e, esize), a.elem(e, esize), element2, esize, fc));
    fp::writeVec(cx, rd(i), r, datasize);
    scope.commit();
}
std::string disVector(std::uint32_t i, std::uint64_t) {
    const unsigned esize = esizeOf(i), lanes = (bit1(i, 30) ? 128 : 64) / esize;
    const char c = sizeChar(esize);
    return fmt::format("{}\tv{}.{}{}, v{}.{}{}, {}", opName(opOf(i)), rd(i), lanes, c, rn(i), lanes,
                       c, elemRef(i));
}

void execScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned esize = esizeOf(i);
    fp::FPScope scope(cx);
    const std::uint64_t element2 = fp::readVec(cx, rmOf(i), 128).elem(indexOf(i), esize);
    const std::uint64_t result =
        elementOp(opOf(i), fp::readScalar(cx, rd(i), esize), fp::readScalar(cx, rn(i), esize),
                  element2, esize, scope.ctx());
    fp::writeScalar(cx, rd(i), result, esize);
    scope.commit();
}
std::string disScalar(std::uint32_t i, std::uint64_t) {
    const char c = sizeChar(esizeOf(i));
    return fmt::format("{}\t{}{}, {}{}, {}", opName(opOf(i)), c, rd(i), c, rn(i), elemRef(i));
}

// clang-format off
const InsnDef kSimdFpElemInsns[] = {
    insn("0 x x 01111 xx x x xxxx xxxx x 0 xxxxx xxxxx", "FMLA_FMLS_FMUL_FMULX_asimdelem", execVector, disVector, T::FpSimd, validVector),
    insn("0 1 x 11111 xx x x xxxx xxxx x 0 xxxxx xxxxx", "FMLA_FMLS_FMUL_FMULX_asisdelem", execScalar, disScalar, T::FpSimd, validCommon),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdFpElemInsns() {
    return kSimdFpElemInsns;
}

} // namespace svesim::isa
