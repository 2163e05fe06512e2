// AdvSIMD integer "vector x indexed element" (ARM-M C4.1.x, vector and scalar): MUL, MLA,
// MLS, SMULL/UMULL, SMLAL/UMLAL, SMLSL/UMLSL, SQDMULL/SQDMLAL/SQDMLSL (and "2"), SQDMULH,
// SQRDMULH and FEAT_RDM SQRDMLAH/SQRDMLSH. H elements take Vm from V0-V15 and index H:L:M;
// S elements take Vm from M:Rm and index H:L. Saturation sets FPSR.QC. The FP forms of this
// group belong to simd_fp_*; SDOT/UDOT (FEAT_DotProd) are not implemented: UNDEFINED.
#include "simd_common.h"

namespace svesim::isa {
namespace {

using namespace simd;

unsigned opcode(std::uint32_t i) {
    return bits(i, 15, 12);
}
unsigned elemIndex(std::uint32_t i) {
    const unsigned hl = (bits(i, 11, 11) << 1) | bits(i, 21, 21);
    return sizeField(i) == 1 ? (hl << 1) | bits(i, 20, 20) : hl;
}
unsigned elemReg(std::uint32_t i) {
    return sizeField(i) == 1 ? bits(i, 19, 16) : bits(i, 20, 16);
}
bool validElem(std::uint32_t i) {
    return sizeField(i) == 1 || sizeField(i) == 2;
}
// The long forms: SMLAL..UMLSL (x010, x110), SMULL/UMULL (x1010), SQDMLAL/SQDMLSL/SQDMULL.
bool isLong(std::uint32_t i) {
    switch (opcode(i)) {
    case 0x2:
    case 0x3:
    case 0x6:
    case 0x7:
    case 0xA:
    case 0xB: return true;
    default: return false;
    }
}

// One element result (esize bits, or 2*esize for the long forms) of U:opcode.
Sat elemOp(unsigned op, bool u, std::uint64_t a, std::uint64_t b, std::uint64_t d, unsigned esize) {
    const i128 x = intOf(a, esize, u), y = intOf(b, esize, u);
    const auto plain = [](i128 v, unsigned width) {
        return Sat{static_cast<std::uint64_t>(v) & ones(width), false};
    };
    switch (op) {
    case 0x0: return plain(static_cast<i128>(d) + x * y, esize);     // MLA (U 1)
    case 0x4: return plain(static_cast<i128>(d) - x * y, esize);     // MLS (U 1)
    case 0x8: return plain(x * y, esize);                            // MUL
    case 0x2: return plain(static_cast<i128>(d) + x * y, 2 * esize); // SMLAL/UMLAL
    case 0x6: return plain(static_cast<i128>(d) - x * y, 2 * esize); // SMLSL/UMLSL
    case 0xA: return plain(x * y, 2 * esize);                        // SMULL/UMULL
    case 0x3: return SQDMLAL(a, b, d, esize, 1);
    case 0x7: return SQDMLAL(a, b, d, esize, -1);
    case 0xB: return SQDMLAL(a, b, d, esize, 0);
    case 0xC: return SQDMULH(a, b, esize, false);
    case 0xD: return u ? SQRDMLAH(a, b, d, esize, false) : SQDMULH(a, b, esize, true);
    default: return SQRDMLAH(a, b, d, esize, true); // 0xF: SQRDMLSH
    }
}

void execElemVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i), esize = ebytes * 8;
    const std::uint64_t element2 = elem(readV(cx, elemReg(i), 16), elemIndex(i), ebytes);
    Vec r{};
    bool sat = false;
    if (isLong(i)) { // Vpart[n, Q] widened, 128-bit result
        Vec a = readV(cx, rn(i), 16);
        if (Q(i)) a = upperHalf(a);
        const Vec d = readV(cx, rd(i), 16);
        for (unsigned e = 0; e < 8 / ebytes; ++e) {
            const Sat s = elemOp(opcode(i), U(i), elem(a, e, ebytes), element2,
                                 elem(d, e, 2 * ebytes), esize);
            setElem(r, e, 2 * ebytes, s.value);
            sat = sat || s.sat;
        }
        if (sat) setQC(cx);
        writeV(cx, rd(i), r, 16);
        return;
    }
    const unsigned bytes = datasizeBytes(i);
    const Vec a = readV(cx, rn(i), bytes), d = readV(cx, rd(i), bytes);
    for (unsigned e = 0; e < bytes / ebytes; ++e) {
        const Sat s =
            elemOp(opcode(i), U(i), elem(a, e, ebytes), element2, elem(d, e, ebytes), esize);
        setElem(r, e, ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, bytes);
}

void execElemScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i), rbytes = isLong(i) ? 2 * ebytes : ebytes;
    const std::uint64_t element2 = elem(readV(cx, elemReg(i), 16), elemIndex(i), ebytes);
    const Sat s = elemOp(opcode(i), U(i), elem(readV(cx, rn(i), ebytes), 0, ebytes), element2,
                         elem(readV(cx, rd(i), rbytes), 0, rbytes), ebytes * 8);
    Vec r{};
    setElem(r, 0, rbytes, s.value);
    if (s.sat) setQC(cx);
    writeV(cx, rd(i), r, rbytes);
}

const char* elemName(std::uint32_t i) {
    static constexpr const char* kNames[2][16] = {
        {"", "", "smlal", "sqdmlal", "", "", "smlsl", "sqdmlsl", "mul", "", "smull", "sqdmull",
         "sqdmulh", "sqrdmulh", "", ""},
        {"mla", "", "umlal", "", "mls", "", "umlsl", "", "", "", "umull", "", "", "sqrdmlah", "",
         "sqrdmlsh"}};
    return kNames[U(i) ? 1 : 0][opcode(i)];
}
std::string disElemVec(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    const std::string m = elemRef(elemReg(i), size, elemIndex(i));
    if (isLong(i))
        return fmt::format("{}{}\t{}, {}, {}", elemName(i), part2(i), vreg(rd(i), size + 1, true),
                           vreg(rn(i), size, Q(i)), m);
    return fmt::format("{}\t{}, {}, {}", elemName(i), vreg(rd(i), size, Q(i)),
                       vreg(rn(i), size, Q(i)), m);
}
std::string disElemScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", elemName(i), sreg(rd(i), isLong(i) ? size + 1 : size),
                       sreg(rn(i), size), elemRef(elemReg(i), size, elemIndex(i)));
}

// clang-format off
const InsnDef kSimdIntElemInsns[] = {
    insn("0 x 1 01111 xx x x xxxx 0x00 x 0 xxxxx xxxxx", "MLA_MLS_asimdelem_R", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 x x 01111 xx x x xxxx 0x10 x 0 xxxxx xxxxx", "SMLAL_UMLAL_SMLSL_UMLSL_asimdelem_L", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 x 0 01111 xx x x xxxx 0x11 x 0 xxxxx xxxxx", "SQDMLAL_SQDMLSL_asimdelem_L", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 x 0 01111 xx x x xxxx 1000 x 0 xxxxx xxxxx", "MUL_asimdelem_R", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 x x 01111 xx x x xxxx 1010 x 0 xxxxx xxxxx", "SMULL_UMULL_asimdelem_L", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 x 0 01111 xx x x xxxx 1011 x 0 xxxxx xxxxx", "SQDMULL_asimdelem_L", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 x 0 01111 xx x x xxxx 110x x 0 xxxxx xxxxx", "SQDMULH_SQRDMULH_asimdelem_R", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 x 1 01111 xx x x xxxx 11x1 x 0 xxxxx xxxxx", "SQRDMLAH_SQRDMLSH_asimdelem_R", execElemVec, disElemVec, T::FpSimd, validElem),
    insn("0 1 0 11111 xx x x xxxx 0x11 x 0 xxxxx xxxxx", "SQDMLAL_SQDMLSL_asisdelem_L", execElemScalar, disElemScalar, T::FpSimd, validElem),
    insn("0 1 0 11111 xx x x xxxx 1011 x 0 xxxxx xxxxx", "SQDMULL_asisdelem_L", execElemScalar, disElemScalar, T::FpSimd, validElem),
    insn("0 1 0 11111 xx x x xxxx 110x x 0 xxxxx xxxxx", "SQDMULH_SQRDMULH_asisdelem_R", execElemScalar, disElemScalar, T::FpSimd, validElem),
    insn("0 1 1 11111 xx x x xxxx 11x1 x 0 xxxxx xxxxx", "SQRDMLAH_SQRDMLSH_asisdelem_R", execElemScalar, disElemScalar, T::FpSimd, validElem),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdIntElemInsns() {
    return kSimdIntElemInsns;
}

} // namespace svesim::isa
