// SVE floating-point complex arithmetic (ARM-M C8.2, FEAT_SVE): FCADD (predicated, merging,
// rotations 90 and 270), FCMLA (predicated vectors, rotations 0/90/180/270) and FCMLA
// (indexed, H and S). Elements are pairs (real, imaginary); arithmetic is the FP core's
// (fp/fp.h) under FPCR, and the exceptions of the elements computed accumulate into FPSR. Z is
// written through the SveUnit setter (R11).
#include "fp/fp_regs.h"
#include "sve_fp_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;
using fpe::esizeBits;
using fpe::validSize;
using fpe::z;

// ---- FCADD Zdn, Pg/M, Zdn, Zm, #rot: rot (insn[16]) 0 is #90, 1 is #270
void execFcadd(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    const bool sub_i = !bit1(i, 16), sub_r = bit1(i, 16);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf b = readZ(cx, rn(i)); // Zm is insn[9:5]
    ZBuf r = readZ(cx, rd(i));       // operand1; inactive elements keep it
    for (unsigned pr = 0; pr < cx.vl().bytes() / (2 * eb); ++pr) {
        const unsigned er = 2 * pr, ei = 2 * pr + 1;
        std::uint64_t elt2_r = elem(b.data(), er, eb), elt2_i = elem(b.data(), ei, eb);
        const std::uint64_t acc_r = elem(r.data(), er, eb), acc_i = elem(r.data(), ei, eb);
        if (activeElem(p.data(), er, eb)) {
            if (sub_i) elt2_i = fp::FPNeg(elt2_i, n);
            setElem(r.data(), er, eb, fp::FPAdd(acc_r, elt2_i, n, fc));
        }
        if (activeElem(p.data(), ei, eb)) {
            if (sub_r) elt2_r = fp::FPNeg(elt2_r, n);
            setElem(r.data(), ei, eb, fp::FPAdd(acc_i, elt2_r, n, fc));
        }
    }
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disFcadd(std::uint32_t i, std::uint64_t) {
    return fmt::format("fcadd\t{}, p{}/m, {}, {}, #{}", z(rd(i), i), pg3(i), z(rd(i), i),
                       z(rn(i), i), bit1(i, 16) ? 270 : 90);
}

// One FCMLA pair: addend (real, imaginary) += op1[sel_a] * (+-op2[sel_a], +-op2[sel_b]) for the
// elements `do_r`/`do_i` say, with rot = 0..3 for #0, #90, #180, #270.
struct Pair {
    std::uint64_t r, i;
};
Pair fcmlaPair(unsigned rot, Pair addend, Pair op1, Pair op2, bool do_r, bool do_i, unsigned n,
               const fp::FPContext& fc) {
    const bool sel_a = (rot & 1) != 0;
    const bool neg_i = (rot & 2) != 0, neg_r = (rot & 1) != ((rot >> 1) & 1);
    const std::uint64_t elt1_a = sel_a ? op1.i : op1.r;
    std::uint64_t elt2_a = sel_a ? op2.i : op2.r, elt2_b = sel_a ? op2.r : op2.i;
    if (do_r) {
        if (neg_r) elt2_a = fp::FPNeg(elt2_a, n);
        addend.r = fp::FPMulAdd(addend.r, elt1_a, elt2_a, n, fc);
    }
    if (do_i) {
        if (neg_i) elt2_b = fp::FPNeg(elt2_b, n);
        addend.i = fp::FPMulAdd(addend.i, elt1_a, elt2_b, n, fc);
    }
    return addend;
}
Pair pairAt(const ZBuf& v, unsigned pr, unsigned eb) {
    return Pair{elem(v.data(), 2 * pr, eb), elem(v.data(), 2 * pr + 1, eb)};
}
void setPair(ZBuf& v, unsigned pr, unsigned eb, Pair x) {
    setElem(v.data(), 2 * pr, eb, x.r);
    setElem(v.data(), 2 * pr + 1, eb, x.i);
}

// ---- FCMLA Zda, Pg/M, Zn, Zm, #rot (rot insn[14:13])
void execFcmla(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8, rot = bits(i, 14, 13);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf a = readZ(cx, rn(i)), b = readZ(cx, rm(i)), d = readZ(cx, rd(i));
    ZBuf r{};
    for (unsigned pr = 0; pr < cx.vl().bytes() / (2 * eb); ++pr)
        setPair(r, pr, eb,
                fcmlaPair(rot, pairAt(d, pr, eb), pairAt(a, pr, eb), pairAt(b, pr, eb),
                          activeElem(p.data(), 2 * pr, eb), activeElem(p.data(), 2 * pr + 1, eb), n,
                          fc));
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disFcmla(std::uint32_t i, std::uint64_t) {
    return fmt::format("fcmla\t{}, p{}/m, {}, {}, #{}", z(rd(i), i), pg3(i), z(rn(i), i),
                       z(rm(i), i), 90 * bits(i, 14, 13));
}

// ---- FCMLA Zda, Zn, Zm[index], #rot (rot insn[11:10]): H (insn[22] = 0) index insn[20:19],
// Zm insn[18:16]; S (insn[22] = 1) index insn[20], Zm insn[19:16]. The pair `index` of each
// 128-bit segment of Zm.
unsigned idxEsize(std::uint32_t i) {
    return bit1(i, 22) ? 32 : 16;
}
unsigned idxIndex(std::uint32_t i) {
    return idxEsize(i) == 16 ? bits(i, 20, 19) : bits(i, 20, 20);
}
unsigned idxZm(std::uint32_t i) {
    return idxEsize(i) == 16 ? bits(i, 18, 16) : bits(i, 19, 16);
}
void execFcmlaIdx(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = idxEsize(i), eb = n / 8, rot = bits(i, 11, 10);
    const unsigned per_segment = 128 / (2 * n);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const ZBuf a = readZ(cx, rn(i)), b = readZ(cx, idxZm(i)), d = readZ(cx, rd(i));
    ZBuf r{};
    for (unsigned pr = 0; pr < cx.vl().bytes() / (2 * eb); ++pr) {
        const unsigned s = pr - pr % per_segment + idxIndex(i);
        setPair(r, pr, eb,
                fcmlaPair(rot, pairAt(d, pr, eb), pairAt(a, pr, eb), pairAt(b, s, eb), true, true,
                          n, fc));
    }
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disFcmlaIdx(std::uint32_t i, std::uint64_t) {
    const unsigned size = idxEsize(i) == 16 ? 1 : 2;
    return fmt::format("fcmla\t{}, {}, {}[{}], #{}", zreg(rd(i), size), zreg(rn(i), size),
                       zreg(idxZm(i), size), idxIndex(i), 90 * bits(i, 11, 10));
}

// clang-format off
const InsnDef kSveFpComplexInsns[] = {
    insn("01100100 xx 00000 x 100 xxx xxxxx xxxxx", "FCADD_Z_P_ZZ", execFcadd, disFcadd, T::SveAlu, validSize),
    insn("01100100 xx 0 xxxxx 0 xx xxx xxxxx xxxxx", "FCMLA_Z_P_ZZZ", execFcmla, disFcmla, T::SveAlu, validSize),
    insn("01100100 1x 1 xxxxx 0001 xx xxxxx xxxxx", "FCMLA_Z_ZZZi", execFcmlaIdx, disFcmlaIdx, T::SveAlu),
};
// clang-format on

} // namespace
} // namespace svesim::isa::sve

namespace svesim::isa {
std::span<const InsnDef> sveFpComplexInsns() {
    return sve::kSveFpComplexInsns;
}
} // namespace svesim::isa
