// AdvSIMD integer "three same" (ARM-M C4.1.x: AdvSIMD three same, scalar three same, and the
// FEAT_RDM three same extra): halving, saturating, compare, shift by register, max/min,
// absolute difference, multiply(-accumulate), polynomial multiply, doubling multiply high and
// the pairwise forms. One element function per opcode serves the vector and scalar encodings;
// saturation sets FPSR.QC. AND..BIF (vector) live in fpsimd_insns.cpp.
#include "simd_common.h"

namespace svesim::isa {
namespace {

using namespace simd;

unsigned opcode(std::uint32_t i) {
    return bits(i, 15, 11);
}

// One element of the three-same operation `op` (U:opcode) on esize-bit elements a (Vn), b (Vm)
// and d (the old Vd, for the accumulating forms).
Sat sameElem(unsigned op, bool u, std::uint64_t a, std::uint64_t b, std::uint64_t d,
             unsigned esize) {
    const i128 x = intOf(a, esize, u), y = intOf(b, esize, u);
    const std::uint64_t m = ones(esize);
    const auto plain = [m](i128 v) { return Sat{static_cast<std::uint64_t>(v) & m, false}; };
    const auto mask = [m](bool c) { return Sat{c ? m : 0, false}; };
    switch (op) {
    case 0x00: return plain((x + y) >> 1);                                  // SHADD/UHADD
    case 0x01: return SatQ(x + y, esize, u);                                // SQADD/UQADD
    case 0x02: return plain((x + y + 1) >> 1);                              // SRHADD/URHADD
    case 0x04: return plain((x - y) >> 1);                                  // SHSUB/UHSUB
    case 0x05: return SatQ(x - y, esize, u);                                // SQSUB/UQSUB
    case 0x06: return mask(x > y);                                          // CMGT/CMHI
    case 0x07: return mask(x >= y);                                         // CMGE/CMHS
    case 0x08: return plain(ShiftInt(x, shiftByRegister(b), false, esize)); // SSHL/USHL
    case 0x09: return SatQ(ShiftInt(x, shiftByRegister(b), false, esize), esize, u); // SQSHL
    case 0x0A: return plain(ShiftInt(x, shiftByRegister(b), true, esize));           // SRSHL/URSHL
    case 0x0B: return SatQ(ShiftInt(x, shiftByRegister(b), true, esize), esize, u);  // SQRSHL
    case 0x0C: return plain(x > y ? x : y);                                          // SMAX/UMAX
    case 0x0D: return plain(x < y ? x : y);                                          // SMIN/UMIN
    case 0x0E: return plain(x > y ? x - y : y - x);                                  // SABD/UABD
    case 0x0F: return plain(static_cast<i128>(d) + (x > y ? x - y : y - x));         // SABA/UABA
    case 0x10: return plain(u ? x - y : x + y);                                      // ADD/SUB
    case 0x11: return mask(u ? (a & m) == (b & m) : (a & b & m) != 0);               // CMTST/CMEQ
    case 0x12: return plain(u ? d - a * b : d + a * b);                              // MLA/MLS
    case 0x13: return plain(u ? PolynomialMult(a, b, esize) : a * b);                // MUL/PMUL
    case 0x14: return plain(x > y ? x : y);                                          // SMAXP/UMAXP
    case 0x15: return plain(x < y ? x : y);                                          // SMINP/UMINP
    case 0x16: return SQDMULH(a, b, esize, u); // SQDMULH/SQRDMULH
    case 0x17: return plain(x + y);            // ADDP
    default: return {0, false};
    }
}

bool isPairwise(unsigned op) {
    return op >= 0x14 && op != 0x16;
}

// clang-format off
constexpr const char* kMnemonic[2][24] = {
    {"shadd", "sqadd", "srhadd", "", "shsub", "sqsub", "cmgt", "cmge", "sshl", "sqshl", "srshl",
     "sqrshl", "smax", "smin", "sabd", "saba", "add", "cmtst", "mla", "mul", "smaxp", "sminp",
     "sqdmulh", "addp"},
    {"uhadd", "uqadd", "urhadd", "", "uhsub", "uqsub", "cmhi", "cmhs", "ushl", "uqshl", "urshl",
     "uqrshl", "umax", "umin", "uabd", "uaba", "sub", "cmeq", "mls", "pmul", "umaxp", "uminp",
     "sqrdmulh", ""}};
// clang-format on

// ---- Vector ----------------------------------------------------------------------------------
bool validSameVec(std::uint32_t i) {
    const unsigned op = opcode(i), size = sizeField(i);
    switch (op) {
    case 0x00:
    case 0x02:
    case 0x04:
    case 0x0C:
    case 0x0D:
    case 0x0E:
    case 0x0F:
    case 0x12:
    case 0x14:
    case 0x15: return size != 3;
    case 0x13: return U(i) ? size == 0 : size != 3;
    case 0x16: return size == 1 || size == 2;
    case 0x17: return !U(i) && validNot1D(i);
    default: return validNot1D(i);
    }
}
void execSameVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), ebytes = 1U << sizeField(i), esize = ebytes * 8;
    const unsigned op = opcode(i), elements = bytes / ebytes;
    const Vec a = readV(cx, rn(i), bytes), b = readV(cx, rm(i), bytes), d = readV(cx, rd(i), bytes);
    Vec r{};
    bool sat = false;
    for (unsigned e = 0; e < elements; ++e) {
        Sat s{};
        if (isPairwise(op)) { // concat = Vm:Vn; element e pairs concat[2e] and concat[2e+1]
            const auto pick = [&](unsigned k) {
                return k < elements ? elem(a, k, ebytes) : elem(b, k - elements, ebytes);
            };
            s = sameElem(op, U(i), pick(2 * e), pick(2 * e + 1), 0, esize);
        } else {
            s = sameElem(op, U(i), elem(a, e, ebytes), elem(b, e, ebytes), elem(d, e, ebytes),
                         esize);
        }
        setElem(r, e, ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, bytes);
}
std::string disSameVec(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", kMnemonic[U(i) ? 1 : 0][opcode(i)],
                       vreg(rd(i), size, Q(i)), vreg(rn(i), size, Q(i)), vreg(rm(i), size, Q(i)));
}

// ---- Scalar ----------------------------------------------------------------------------------
bool validSameScalar(std::uint32_t i) {
    const unsigned size = sizeField(i);
    switch (opcode(i)) {
    case 0x01:
    case 0x05:
    case 0x09:
    case 0x0B: return true;
    case 0x16: return size == 1 || size == 2;
    case 0x06:
    case 0x07:
    case 0x08:
    case 0x0A:
    case 0x10:
    case 0x11: return size == 3;
    default: return false;
    }
}
void execSameScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i);
    const Vec a = readV(cx, rn(i), ebytes), b = readV(cx, rm(i), ebytes);
    const Sat s = sameElem(opcode(i), U(i), elem(a, 0, ebytes), elem(b, 0, ebytes), 0, ebytes * 8);
    Vec r{};
    setElem(r, 0, ebytes, s.value);
    if (s.sat) setQC(cx);
    writeV(cx, rd(i), r, ebytes);
}
std::string disSameScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", kMnemonic[U(i) ? 1 : 0][opcode(i)], sreg(rd(i), size),
                       sreg(rn(i), size), sreg(rm(i), size));
}

// ---- FEAT_RDM: SQRDMLAH/SQRDMLSH (vector and scalar), three same extra -----------------------
bool validRdmVec(std::uint32_t i) {
    return sizeField(i) == 1 || sizeField(i) == 2;
}
void execRdm(ExecContext& cx, std::uint32_t i, unsigned bytes) {
    const unsigned ebytes = 1U << sizeField(i);
    const bool sub = bit1(i, 11);
    const Vec a = readV(cx, rn(i), bytes), b = readV(cx, rm(i), bytes), d = readV(cx, rd(i), bytes);
    Vec r{};
    bool sat = false;
    for (unsigned e = 0; e < bytes / ebytes; ++e) {
        const Sat s =
            SQRDMLAH(elem(a, e, ebytes), elem(b, e, ebytes), elem(d, e, ebytes), ebytes * 8, sub);
        setElem(r, e, ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, bytes);
}
void execRdmVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    execRdm(cx, i, datasizeBytes(i));
}
void execRdmScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    execRdm(cx, i, 1U << sizeField(i));
}
const char* rdmName(std::uint32_t i) {
    return bit1(i, 11) ? "sqrdmlsh" : "sqrdmlah";
}
std::string disRdmVec(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", rdmName(i), vreg(rd(i), size, Q(i)),
                       vreg(rn(i), size, Q(i)), vreg(rm(i), size, Q(i)));
}
std::string disRdmScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", rdmName(i), sreg(rd(i), size), sreg(rn(i), size),
                       sreg(rm(i), size));
}

// clang-format off
const InsnDef kSimdIntSameInsns[] = {
    insn("0 x x 01110 xx 1 xxxxx 00000 1 xxxxx xxxxx", "SHADD_UHADD_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 00001 1 xxxxx xxxxx", "SQADD_UQADD_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 00010 1 xxxxx xxxxx", "SRHADD_URHADD_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 00100 1 xxxxx xxxxx", "SHSUB_UHSUB_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 00101 1 xxxxx xxxxx", "SQSUB_UQSUB_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 00110 1 xxxxx xxxxx", "CMGT_CMHI_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 00111 1 xxxxx xxxxx", "CMGE_CMHS_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01000 1 xxxxx xxxxx", "SSHL_USHL_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01001 1 xxxxx xxxxx", "SQSHL_UQSHL_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01010 1 xxxxx xxxxx", "SRSHL_URSHL_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01011 1 xxxxx xxxxx", "SQRSHL_UQRSHL_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01100 1 xxxxx xxxxx", "SMAX_UMAX_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01101 1 xxxxx xxxxx", "SMIN_UMIN_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01110 1 xxxxx xxxxx", "SABD_UABD_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 01111 1 xxxxx xxxxx", "SABA_UABA_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 10000 1 xxxxx xxxxx", "ADD_SUB_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 10001 1 xxxxx xxxxx", "CMTST_CMEQ_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 10010 1 xxxxx xxxxx", "MLA_MLS_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 10011 1 xxxxx xxxxx", "MUL_PMUL_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 10100 1 xxxxx xxxxx", "SMAXP_UMAXP_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 10101 1 xxxxx xxxxx", "SMINP_UMINP_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x x 01110 xx 1 xxxxx 10110 1 xxxxx xxxxx", "SQDMULH_SQRDMULH_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 x 0 01110 xx 1 xxxxx 10111 1 xxxxx xxxxx", "ADDP_asimdsame", execSameVec, disSameVec, T::FpSimd, validSameVec),
    insn("0 1 x 11110 xx 1 xxxxx 00001 1 xxxxx xxxxx", "SQADD_UQADD_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 00101 1 xxxxx xxxxx", "SQSUB_UQSUB_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 00110 1 xxxxx xxxxx", "CMGT_CMHI_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 00111 1 xxxxx xxxxx", "CMGE_CMHS_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 01000 1 xxxxx xxxxx", "SSHL_USHL_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 01001 1 xxxxx xxxxx", "SQSHL_UQSHL_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 01010 1 xxxxx xxxxx", "SRSHL_URSHL_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 01011 1 xxxxx xxxxx", "SQRSHL_UQRSHL_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 10000 1 xxxxx xxxxx", "ADD_SUB_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 10001 1 xxxxx xxxxx", "CMTST_CMEQ_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 1 x 11110 xx 1 xxxxx 10110 1 xxxxx xxxxx", "SQDMULH_SQRDMULH_asisdsame", execSameScalar, disSameScalar, T::FpSimd, validSameScalar),
    insn("0 x 1 01110 xx 0 xxxxx 1000x 1 xxxxx xxxxx", "SQRDMLAH_SQRDMLSH_asimdsame2", execRdmVec, disRdmVec, T::FpSimd, validRdmVec),
    insn("0 1 1 11110 xx 0 xxxxx 1000x 1 xxxxx xxxxx", "SQRDMLAH_SQRDMLSH_asisdsame2", execRdmScalar, disRdmScalar, T::FpSimd, validRdmVec),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdIntSameInsns() {
    return kSimdIntSameInsns;
}

} // namespace svesim::isa
