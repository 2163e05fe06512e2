// A64 SIMD&FP data processing (ARM-M C7): vector logical operations, the AdvSIMD copy group
// (DUP, INS, UMOV, SMOV), modified immediates (MOVI, MVNI, ORR, BIC, FMOV vector) and the
// scalar FMOV forms; the integer arithmetic is in simd_int_*.cpp. Every SIMD&FP destination is
// written once through V[] at its architectural width (R12); every instruction first calls
// CheckFPAdvSIMDEnabled.
#include "simd_common.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <bit>
#include <fmt/core.h>

namespace svesim::isa {
namespace {

using namespace simd;

// ---- Logical (vector, register): AdvSIMD three same, opcode 00011 ------------------------------
void execLogicalVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), opc = bits(i, 23, 22);
    const bool u = bit1(i, 29);
    const Vec a = readV(cx, rn(i), bytes), b = readV(cx, rm(i), bytes), d = readV(cx, rd(i), bytes);
    Vec r{};
    for (unsigned k = 0; k < bytes; ++k) {
        const unsigned x = a[k], y = b[k], z = d[k];
        unsigned v = 0;
        if (!u) {
            switch (opc) {
            case 0: v = x & y; break;   // AND
            case 1: v = x & ~y; break;  // BIC
            case 2: v = x | y; break;   // ORR
            default: v = x | ~y; break; // ORN
            }
        } else {
            switch (opc) {
            case 0: v = x ^ y; break;               // EOR
            case 1: v = y ^ ((y ^ x) & z); break;   // BSL: select x where d is set
            case 2: v = z ^ ((z ^ x) & y); break;   // BIT: insert x where m is set
            default: v = z ^ ((z ^ x) & ~y); break; // BIF: insert x where m is clear
            }
        }
        r[k] = static_cast<std::uint8_t>(v);
    }
    writeV(cx, rd(i), r, bytes);
}
std::string disLogicalVec(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kMn[2][4] = {{"and", "bic", "orr", "orn"},
                                              {"eor", "bsl", "bit", "bif"}};
    const bool u = bit1(i, 29);
    const unsigned opc = bits(i, 23, 22);
    if (!u && opc == 2 && rn(i) == rm(i))
        return fmt::format("mov\t{}, {}", vreg(rd(i), 0, Q(i)), vreg(rn(i), 0, Q(i)));
    return fmt::format("{}\t{}, {}, {}", kMn[u ? 1 : 0][opc], vreg(rd(i), 0, Q(i)),
                       vreg(rn(i), 0, Q(i)), vreg(rm(i), 0, Q(i)));
}

// ---- AdvSIMD copy: DUP, INS, UMOV, SMOV --------------------------------------------------------
// imm5 gives the element size (lowest set bit of imm5<3:0>) and the index above it.
unsigned copySize(std::uint32_t i) {
    const unsigned imm5 = bits(i, 20, 16);
    return static_cast<unsigned>(std::countr_zero(imm5 | 0x10U)); // 4 when reserved
}
unsigned copyIndex(std::uint32_t i) {
    return bits(i, 20, 16) >> (copySize(i) + 1);
}

// DUP (element), vector: Q=1 for D.
bool validDupElem(std::uint32_t i) {
    const unsigned size = copySize(i);
    return size < 4 && !(size == 3 && !Q(i));
}
void execDupElem(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned size = copySize(i), ebytes = 1U << size, bytes = datasizeBytes(i);
    const std::uint64_t element = elem(readV(cx, rn(i), 16), copyIndex(i), ebytes);
    Vec r{};
    for (unsigned e = 0; e < bytes / ebytes; ++e)
        setElem(r, e, ebytes, element);
    writeV(cx, rd(i), r, bytes);
}
std::string disDupElem(std::uint32_t i, std::uint64_t) {
    const unsigned size = copySize(i);
    return fmt::format("dup\t{}, {}", vreg(rd(i), size, Q(i)), elemRef(rn(i), size, copyIndex(i)));
}

// DUP (element), scalar: writes one element (LLVM prints the MOV alias).
bool validDupScalar(std::uint32_t i) {
    return copySize(i) < 4;
}
void execDupScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << copySize(i);
    Vec r{};
    setElem(r, 0, ebytes, elem(readV(cx, rn(i), 16), copyIndex(i), ebytes));
    writeV(cx, rd(i), r, ebytes);
}
std::string disDupScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = copySize(i);
    return fmt::format("mov\t{}{}, {}", elemChar(size), rd(i), elemRef(rn(i), size, copyIndex(i)));
}

// DUP (general): size D needs Q=1.
void execDupGen(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << copySize(i), bytes = datasizeBytes(i);
    const std::uint64_t element = cx.X(rn(i));
    Vec r{};
    for (unsigned e = 0; e < bytes / ebytes; ++e)
        setElem(r, e, ebytes, element);
    writeV(cx, rd(i), r, bytes);
}
std::string disDupGen(std::uint32_t i, std::uint64_t) {
    const unsigned size = copySize(i);
    return fmt::format("dup\t{}, {}", vreg(rd(i), size, Q(i)), regName(rn(i), size == 3));
}

// INS (general): always the MOV alias.
bool validIns(std::uint32_t i) {
    return copySize(i) < 4;
}
void execInsGen(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << copySize(i);
    Vec r = readV(cx, rd(i), 16);
    setElem(r, copyIndex(i), ebytes, cx.X(rn(i)));
    writeV(cx, rd(i), r, 16);
}
std::string disInsGen(std::uint32_t i, std::uint64_t) {
    const unsigned size = copySize(i);
    return fmt::format("mov\t{}, {}", elemRef(rd(i), size, copyIndex(i)),
                       regName(rn(i), size == 3));
}

// INS (element): the source index is imm4 >> size.
unsigned insSrcIndex(std::uint32_t i) {
    return bits(i, 14, 11) >> copySize(i);
}
void execInsElem(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << copySize(i);
    const std::uint64_t element = elem(readV(cx, rn(i), 16), insSrcIndex(i), ebytes);
    Vec r = readV(cx, rd(i), 16);
    setElem(r, copyIndex(i), ebytes, element);
    writeV(cx, rd(i), r, 16);
}
std::string disInsElem(std::uint32_t i, std::uint64_t) {
    const unsigned size = copySize(i);
    return fmt::format("mov\t{}, {}", elemRef(rd(i), size, copyIndex(i)),
                       elemRef(rn(i), size, insSrcIndex(i)));
}

// UMOV: Q=0 for B/H/S into Wd, Q=1 for D into Xd.
bool validUmov(std::uint32_t i) {
    const unsigned size = copySize(i);
    return Q(i) ? size == 3 : size <= 2;
}
void execUmov(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << copySize(i);
    cx.setX(rd(i), elem(readV(cx, rn(i), 16), copyIndex(i), ebytes));
}
std::string disUmov(std::uint32_t i, std::uint64_t) {
    const unsigned size = copySize(i);
    return fmt::format("{}\t{}, {}", size >= 2 ? "mov" : "umov", regName(rd(i), Q(i)),
                       elemRef(rn(i), size, copyIndex(i)));
}

// SMOV: Q=0 for B/H into Wd, Q=1 for B/H/S into Xd.
bool validSmov(std::uint32_t i) {
    const unsigned size = copySize(i);
    return Q(i) ? size <= 2 : size <= 1;
}
void execSmov(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << copySize(i);
    const std::uint64_t v = static_cast<std::uint64_t>(
        signExtend(elem(readV(cx, rn(i), 16), copyIndex(i), ebytes), ebytes * 8));
    cx.setX(rd(i), Q(i) ? v : (v & 0xFFFF'FFFFU));
}
std::string disSmov(std::uint32_t i, std::uint64_t) {
    const unsigned size = copySize(i);
    return fmt::format("smov\t{}, {}", regName(rd(i), Q(i)), elemRef(rn(i), size, copyIndex(i)));
}

// ---- Floating-point immediates -----------------------------------------------------------------
// VFPExpandImm(imm8) for N = 32 or 64.
std::uint64_t VFPExpandImm(unsigned imm8, unsigned n) {
    const unsigned e = n == 32 ? 8 : 11, f = n - e - 1;
    const std::uint64_t sign = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3;
    // exp = NOT(b):Replicate(b, E-3):imm8<5:4>
    const std::uint64_t exp = ((b ^ 1) << (e - 1)) | ((b ? ones(e - 3) : 0) << 2) | cd;
    const std::uint64_t frac = std::uint64_t{imm8 & 0xFU} << (f - 4);
    return (sign << (n - 1)) | (exp << f) | frac;
}
// LLVM prints FP immediates with eight decimals; every encodable value is exact there.
std::string fpImmText(unsigned imm8) {
    return fmt::format("#{:.8f}", std::bit_cast<double>(VFPExpandImm(imm8, 64)));
}

// ---- AdvSIMD modified immediate ----------------------------------------------------------------
unsigned modImm8(std::uint32_t i) {
    return (bits(i, 18, 16) << 5) | bits(i, 9, 5);
}
unsigned cmode(std::uint32_t i) {
    return bits(i, 15, 12);
}
bool opBit(std::uint32_t i) {
    return bit1(i, 29);
}
bool validModImm(std::uint32_t i) {
    if (bit1(i, 11)) return false; // o2 = 1: FMOV (vector, immediate) half-precision, no FP16
    return !(cmode(i) == 0xF && opBit(i) && !Q(i));
}
std::uint64_t replicate(std::uint64_t v, unsigned width) {
    std::uint64_t r = 0;
    for (unsigned k = 0; k < 64; k += width)
        r |= v << k;
    return r;
}
// AdvSIMDExpandImm(op, cmode, imm8)
std::uint64_t AdvSIMDExpandImm(bool op, unsigned cm, unsigned imm8) {
    const std::uint64_t imm = imm8;
    switch (cm >> 1) {
    case 0: return replicate(imm, 32);
    case 1: return replicate(imm << 8, 32);
    case 2: return replicate(imm << 16, 32);
    case 3: return replicate(imm << 24, 32);
    case 4: return replicate(imm, 16);
    case 5: return replicate(imm << 8, 16);
    case 6:
        return (cm & 1) == 0 ? replicate((imm << 8) | 0xFF, 32)
                             : replicate((imm << 16) | 0xFFFF, 32);
    default:
        if ((cm & 1) == 0 && !op) return replicate(imm, 8);
        if ((cm & 1) == 0) { // byte mask
            std::uint64_t r = 0;
            for (unsigned k = 0; k < 8; ++k)
                if ((imm8 >> k) & 1) r |= std::uint64_t{0xFF} << (8 * k);
            return r;
        }
        if (!op) return replicate(VFPExpandImm(imm8, 32), 32);
        return VFPExpandImm(imm8, 64);
    }
}
enum class ModOp : std::uint8_t { Movi, Mvni, Orr, Bic };
ModOp modOp(std::uint32_t i) {
    const unsigned cm = cmode(i);
    const bool logical = (cm & 1) != 0 && (cm >> 2) != 3; // 0xx1 and 10x1
    if (logical) return opBit(i) ? ModOp::Bic : ModOp::Orr;
    if (opBit(i) && cm < 0xE) return ModOp::Mvni;
    return ModOp::Movi; // includes MOVI 64-bit and FMOV
}
void execModImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i);
    const std::uint64_t imm = AdvSIMDExpandImm(opBit(i), cmode(i), modImm8(i));
    const ModOp op = modOp(i);
    Vec r{};
    if (op == ModOp::Orr || op == ModOp::Bic) r = readV(cx, rd(i), bytes);
    for (unsigned e = 0; e < bytes / 8; ++e) {
        const std::uint64_t d = elem(r, e, 8);
        std::uint64_t v = imm;
        switch (op) {
        case ModOp::Movi: v = imm; break;
        case ModOp::Mvni: v = ~imm; break;
        case ModOp::Orr: v = d | imm; break;
        case ModOp::Bic: v = d & ~imm; break;
        }
        setElem(r, e, 8, v);
    }
    writeV(cx, rd(i), r, bytes);
}
// LLVM prints a 64-bit byte mask as printf("%#016llx"): zero has no 0x prefix.
std::string byteMaskText(std::uint64_t v) {
    return v == 0 ? std::string("#0000000000000000") : fmt::format("#{:#016x}", v);
}
std::string disModImm(std::uint32_t i, std::uint64_t) {
    const unsigned cm = cmode(i), imm8 = modImm8(i);
    const bool q = Q(i), op = opBit(i);
    static constexpr const char* kMn[4] = {"movi", "mvni", "orr", "bic"};
    const char* mn = kMn[static_cast<unsigned>(modOp(i))];
    const unsigned d = rd(i);
    if (cm < 8) { // 32-bit shifted
        const unsigned shift = ((cm >> 1) & 3) * 8;
        const std::string sh = shift ? fmt::format(", lsl #{}", shift) : "";
        return fmt::format("{}\t{}, #{}{}", mn, vreg(d, 2, q), imm8, sh);
    }
    if (cm < 12) { // 16-bit shifted
        const unsigned shift = ((cm >> 1) & 1) * 8;
        const std::string sh = shift ? fmt::format(", lsl #{}", shift) : "";
        return fmt::format("{}\t{}, #{}{}", mn, vreg(d, 1, q), imm8, sh);
    }
    if (cm < 14) // 32-bit shifting ones
        return fmt::format("{}\t{}, #{}, msl #{}", mn, vreg(d, 2, q), imm8, (cm & 1) ? 16 : 8);
    if (cm == 14) {
        if (!op) return fmt::format("movi\t{}, #{}", vreg(d, 0, q), imm8);
        const std::string mask = byteMaskText(AdvSIMDExpandImm(true, cm, imm8));
        if (!q) return fmt::format("movi\td{}, {}", d, mask);
        return fmt::format("movi\t{}, {}", vreg(d, 3, true), mask);
    }
    return fmt::format("fmov\t{}, {}", vreg(d, op ? 3 : 2, q), fpImmText(imm8));
}

// ---- FMOV (general) ------------------------------------------------------------------------
// sf:ftype:rmode:opcode<0> of the six FMOV forms; anything else is not an FMOV.
enum class FmovGen : std::uint8_t { WfromS, SfromW, XfromD, DfromX, XfromVd1, Vd1fromX, None };
FmovGen fmovGenKind(std::uint32_t i) {
    const unsigned sf = bits(i, 31, 31), ftype = bits(i, 23, 22), rmode = bits(i, 20, 19);
    const bool to_fp = bit1(i, 16);
    if (sf == 0 && ftype == 0 && rmode == 0) return to_fp ? FmovGen::SfromW : FmovGen::WfromS;
    if (sf == 1 && ftype == 1 && rmode == 0) return to_fp ? FmovGen::DfromX : FmovGen::XfromD;
    if (sf == 1 && ftype == 2 && rmode == 1) return to_fp ? FmovGen::Vd1fromX : FmovGen::XfromVd1;
    return FmovGen::None;
}
bool validFmovGen(std::uint32_t i) {
    return fmovGenKind(i) != FmovGen::None;
}
void execFmovGen(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    Vec r{};
    switch (fmovGenKind(i)) {
    case FmovGen::WfromS: cx.setX(rd(i), elem(readV(cx, rn(i), 4), 0, 4)); break;
    case FmovGen::XfromD: cx.setX(rd(i), elem(readV(cx, rn(i), 8), 0, 8)); break;
    case FmovGen::XfromVd1: cx.setX(rd(i), elem(readV(cx, rn(i), 16), 1, 8)); break;
    case FmovGen::SfromW:
        setElem(r, 0, 4, cx.W(rn(i)));
        writeV(cx, rd(i), r, 4);
        break;
    case FmovGen::DfromX:
        setElem(r, 0, 8, cx.X(rn(i)));
        writeV(cx, rd(i), r, 8);
        break;
    case FmovGen::Vd1fromX: // Vpart[d, 1] = X[n]: the low half is kept, V[d] written at 128
        r = readV(cx, rd(i), 16);
        setElem(r, 1, 8, cx.X(rn(i)));
        writeV(cx, rd(i), r, 16);
        break;
    case FmovGen::None: break;
    }
}
std::string disFmovGen(std::uint32_t i, std::uint64_t) {
    const unsigned d = rd(i), n = rn(i);
    switch (fmovGenKind(i)) {
    case FmovGen::WfromS: return fmt::format("fmov\t{}, s{}", regName(d, false), n);
    case FmovGen::SfromW: return fmt::format("fmov\ts{}, {}", d, regName(n, false));
    case FmovGen::XfromD: return fmt::format("fmov\t{}, d{}", regName(d, true), n);
    case FmovGen::DfromX: return fmt::format("fmov\td{}, {}", d, regName(n, true));
    case FmovGen::XfromVd1: return fmt::format("fmov\t{}, v{}.d[1]", regName(d, true), n);
    case FmovGen::Vd1fromX: return fmt::format("fmov\tv{}.d[1], {}", d, regName(n, true));
    case FmovGen::None: break;
    }
    return "<undefined>";
}

// ---- FMOV (scalar, immediate) and FMOV (register): ftype 00 = S, 01 = D ----------------------
unsigned fpBytes(std::uint32_t i) {
    return bit1(i, 22) ? 8 : 4;
}
char fpReg(std::uint32_t i) {
    return bit1(i, 22) ? 'd' : 's';
}
void execFmovImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = fpBytes(i);
    Vec r{};
    setElem(r, 0, bytes, VFPExpandImm(bits(i, 20, 13), bytes * 8));
    writeV(cx, rd(i), r, bytes);
}
std::string disFmovImm(std::uint32_t i, std::uint64_t) {
    return fmt::format("fmov\t{}{}, {}", fpReg(i), rd(i), fpImmText(bits(i, 20, 13)));
}
void execFmovReg(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = fpBytes(i);
    writeV(cx, rd(i), readV(cx, rn(i), bytes), bytes);
}
std::string disFmovReg(std::uint32_t i, std::uint64_t) {
    return fmt::format("fmov\t{}{}, {}{}", fpReg(i), rd(i), fpReg(i), rn(i));
}

// clang-format off
const InsnDef kFpSimdInsns[] = {
    insn("0 x x 01110 xx 1 xxxxx 00011 1 xxxxx xxxxx", "AND_BIC_ORR_ORN_EOR_BSL_BIT_BIF_asimdsame", execLogicalVec, disLogicalVec, T::FpSimd),
    insn("0 x 0 01110000 xxxxx 0 0000 1 xxxxx xxxxx", "DUP_asimdins_DV_v", execDupElem, disDupElem, T::FpSimd, validDupElem),
    insn("0 x 0 01110000 xxxxx 0 0001 1 xxxxx xxxxx", "DUP_asimdins_DR_r", execDupGen, disDupGen, T::FpSimd, validDupElem),
    insn("0 1 0 01110000 xxxxx 0 0011 1 xxxxx xxxxx", "INS_asimdins_IR_r", execInsGen, disInsGen, T::FpSimd, validIns),
    insn("0 x 0 01110000 xxxxx 0 0101 1 xxxxx xxxxx", "SMOV_asimdins_W_w_X_x", execSmov, disSmov, T::FpSimd, validSmov),
    insn("0 x 0 01110000 xxxxx 0 0111 1 xxxxx xxxxx", "UMOV_asimdins_W_w_X_x", execUmov, disUmov, T::FpSimd, validUmov),
    insn("0 1 1 01110000 xxxxx 0 xxxx 1 xxxxx xxxxx", "INS_asimdins_IV_v", execInsElem, disInsElem, T::FpSimd, validIns),
    insn("0 1 0 11110000 xxxxx 0 0000 1 xxxxx xxxxx", "DUP_asisdone_only", execDupScalar, disDupScalar, T::FpSimd, validDupScalar),
    insn("0 x x 0111100000 xxx xxxx x 1 xxxxx xxxxx", "MOVI_MVNI_ORR_BIC_FMOV_asimdimm", execModImm, disModImm, T::FpSimd, validModImm),
    insn("x 0 0 11110 xx 1 0x 11x 000000 xxxxx xxxxx", "FMOV_float2int_float_gen", execFmovGen, disFmovGen, T::FpSimd, validFmovGen),
    insn("0 0 0 11110 0x 1 xxxxxxxx 100 00000 xxxxx", "FMOV_S_D_floatimm", execFmovImm, disFmovImm, T::FpSimd),
    insn("0 0 0 11110 0x 1 0000 00 10000 xxxxx xxxxx", "FMOV_S_D_floatdp1", execFmovReg, disFmovReg, T::FpSimd),
};
// clang-format on

} // namespace

std::span<const InsnDef> fpSimdInsns() {
    return kFpSimdInsns;
}

} // namespace svesim::isa
