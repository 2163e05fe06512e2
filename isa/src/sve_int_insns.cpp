// SVE integer arithmetic, logic and element counts (ARM-M C8.2): RDVL, ADDVL, ADDPL, CNT<T>,
// INC<T>/DEC<T> (scalar), AND/ORR/EOR/BIC (unpredicated, predicated, bitmask immediate), DUPM,
// ADD/SUB/SUBR and the saturating SQADD/UQADD/SQSUB/UQSUB (vectors and immediate).
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// ---- RDVL, ADDVL, ADDPL
// --------------------------------------------------------------------------
std::int64_t imm6(std::uint32_t i) {
    return signExtend(bits(i, 10, 5), 6);
}
void execRdvl(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    cx.setX(rd(i), static_cast<std::uint64_t>(imm6(i) * cx.vl().bytes()));
}
std::string disRdvl(std::uint32_t i, std::uint64_t) {
    return fmt::format("rdvl\t{}, #{}", regName(rd(i), true), imm6(i));
}
void execAddvlAddpl(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned unit = bit1(i, 22) ? cx.vl().predicateBytes() : cx.vl().bytes();
    const std::int64_t offset = imm6(i) * static_cast<std::int64_t>(unit);
    cx.setXorSP(rd(i), cx.XorSP(rm(i)) + static_cast<std::uint64_t>(offset));
}
std::string disAddvlAddpl(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}, #{}", bit1(i, 22) ? "addpl" : "addvl",
                       regName(rd(i), true, true), regName(rm(i), true, true), imm6(i));
}

// ---- CNT<T>, INC<T>, DEC<T> (scalar)
// ------------------------------------------------------------
std::uint64_t elementCount(ExecContext& cx, std::uint32_t i) {
    const unsigned count = DecodePredCount(bits(i, 9, 5), 1U << sizeField(i), cx.vl());
    return std::uint64_t{count} * (bits(i, 19, 16) + 1);
}
void execCnt(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    cx.setX(rd(i), elementCount(cx, i));
}
void execIncDec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::uint64_t n = elementCount(cx, i);
    cx.setX(rd(i), bit1(i, 10) ? cx.X(rd(i)) - n : cx.X(rd(i)) + n);
}
std::string disCount(std::uint32_t i, const char* op) {
    const unsigned pattern = bits(i, 9, 5), mul = bits(i, 19, 16) + 1;
    std::string s = fmt::format("{}{}\t{}", op, "bhwd"[sizeField(i)], regName(rd(i), true));
    if (pattern != 31 || mul != 1) s += fmt::format(", {}", patternName(pattern));
    if (mul != 1) s += fmt::format(", mul #{}", mul);
    return s;
}
std::string disCnt(std::uint32_t i, std::uint64_t) {
    return disCount(i, "cnt");
}
std::string disIncDec(std::uint32_t i, std::uint64_t) {
    return disCount(i, bit1(i, 10) ? "dec" : "inc");
}

// ---- Bitwise logical operations
// -------------------------------------------------------------------
enum class Logic : std::uint8_t { And, Orr, Eor, Bic };
std::uint64_t logic(Logic op, std::uint64_t a, std::uint64_t b) {
    switch (op) {
    case Logic::And: return a & b;
    case Logic::Orr: return a | b;
    case Logic::Eor: return a ^ b;
    case Logic::Bic: return a & ~b;
    }
    return 0;
}
constexpr const char* kLogicNames[4] = {"and", "orr", "eor", "bic"};

// Unpredicated (Zd = Zn op Zm), opc insn[23:22]: AND, ORR, EOR, BIC.
void execLogicVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const auto op = static_cast<Logic>(bits(i, 23, 22));
    const ZBuf a = readZ(cx, rn(i)), b = readZ(cx, rm(i));
    ZBuf out{};
    for (unsigned e = 0; e < cx.vl().bytes() / 8; ++e)
        setElem(out.data(), e, 8, logic(op, elem(a.data(), e, 8), elem(b.data(), e, 8)));
    writeZ(cx, rd(i), out);
}
std::string disLogicVec(std::uint32_t i, std::uint64_t) {
    if (bits(i, 23, 22) == 1 && rn(i) == rm(i))
        return fmt::format("mov\t{}, {}", zreg(rd(i), 3), zreg(rn(i), 3));
    return fmt::format("{}\t{}, {}, {}", kLogicNames[bits(i, 23, 22)], zreg(rd(i), 3),
                       zreg(rn(i), 3), zreg(rm(i), 3));
}

// Predicated (Zdn = Zdn op Zm under Pg/M), opc insn[18:16]: ORR, EOR, AND, BIC.
constexpr Logic kPredLogic[4] = {Logic::Orr, Logic::Eor, Logic::And, Logic::Bic};

void execLogicPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Logic op = kPredLogic[bits(i, 17, 16)];
    predicatedBinary(cx, i,
                     [op](std::uint64_t a, std::uint64_t b, unsigned) { return logic(op, a, b); });
}
std::string disLogicPred(std::uint32_t i, std::uint64_t) {
    return predicatedText(i, kLogicNames[static_cast<unsigned>(kPredLogic[bits(i, 17, 16)])]);
}

// Bitmask immediate (Zdn = Zdn op imm), opc insn[23:22]: ORR, EOR, AND. imm13 = N:immr:imms.
std::optional<std::uint64_t> bitmaskImm(std::uint32_t i) {
    const auto m = DecodeBitMasks(bits(i, 17, 17), bits(i, 10, 5), bits(i, 16, 11), true, 64);
    if (!m) return std::nullopt;
    return m->wmask;
}
bool validLogicImm(std::uint32_t i) {
    return bitmaskImm(i).has_value();
}
constexpr Logic kImmLogic[3] = {Logic::Orr, Logic::Eor, Logic::And};
void execLogicImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Logic op = kImmLogic[bits(i, 23, 22)];
    const std::uint64_t imm = *bitmaskImm(i);
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / 8; ++e)
        setElem(out.data(), e, 8, logic(op, elem(out.data(), e, 8), imm));
    writeZ(cx, rd(i), out);
}
// <T> of a bitmask immediate: the element size N:imms encodes, at least B.
unsigned bitmaskSize(std::uint32_t i) {
    if (bit1(i, 17)) return 3;
    const unsigned imms = bits(i, 10, 5);
    return !bit1(imms, 5) ? 2 : !bit1(imms, 4) ? 1 : 0;
}
std::string disLogicImm(std::uint32_t i, std::uint64_t) {
    const unsigned size = bitmaskSize(i);
    const std::uint64_t imm = *bitmaskImm(i) & ones(8U << size);
    const Logic op = kImmLogic[bits(i, 23, 22)];
    return fmt::format("{}\t{}, {}, #{}", kLogicNames[static_cast<unsigned>(op)], zreg(rd(i), size),
                       zreg(rd(i), size), hexImm(imm));
}

// DUPM: Zd = the bitmask immediate in every 64-bit element.
void execDupm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::uint64_t imm = *bitmaskImm(i);
    ZBuf out{};
    for (unsigned e = 0; e < cx.vl().bytes() / 8; ++e)
        setElem(out.data(), e, 8, imm);
    writeZ(cx, rd(i), out);
}
// The choice LLVM makes between "dupm" and its "mov" alias: MOV only when no DUP
// (immediate) of any element size gives the same vector; then decimal when the value reads
// the same as a 16-bit number, else hex.
bool cpyImmediate(std::int64_t imm, unsigned tbits) { // a DUP immediate for tbits elements
    const auto top = static_cast<std::int64_t>(~ones(tbits));
    if ((imm & top) != 0 && (imm & top) != top) return false;
    const std::int64_t as_t = signExtend(static_cast<std::uint64_t>(imm), tbits);
    if ((imm & 0xFF) != 0) return signExtend(static_cast<std::uint64_t>(imm), 8) == as_t;
    if ((imm & 0xFF00) != 0) return signExtend(static_cast<std::uint64_t>(imm), 16) == as_t;
    return imm == 0;
}
bool replicates(std::uint64_t imm, unsigned tbits) {
    for (unsigned b = tbits; b < 64; b += tbits)
        if (((imm >> b) & ones(tbits)) != (imm & ones(tbits))) return false;
    return true;
}
bool movPreferred(std::uint64_t imm) {
    if (cpyImmediate(static_cast<std::int64_t>(imm), 64)) return false;
    for (unsigned tbits : {32U, 16U, 8U})
        if (replicates(imm, tbits) && cpyImmediate(signExtend(imm, tbits), tbits)) return false;
    return true;
}
std::string disDupm(std::uint32_t i, std::uint64_t) {
    const unsigned size = bitmaskSize(i), tbits = 8U << size;
    const std::uint64_t v = *bitmaskImm(i) & ones(tbits);
    if (!movPreferred(*bitmaskImm(i)))
        return fmt::format("dupm\t{}, #{}", zreg(rd(i), size), hexImm(v));
    std::string text;
    if (signExtend(v & 0xFFFF, 16) == signExtend(v, tbits))
        text = fmt::format("#{}", signExtend(v, tbits));
    else if ((v & 0xFFFF) == v)
        text = fmt::format("#{}", v);
    else
        text = fmt::format("#{}", hexImm(v));
    return fmt::format("mov\t{}, {}", zreg(rd(i), size), text);
}

// ---- Integer add and subtract
// --------------------------------------------------------------------
enum class Arith : std::uint8_t { Add, Sub, Subr, Sqadd, Uqadd, Sqsub, Uqsub };
constexpr const char* kArithNames[7] = {"add", "sub", "subr", "sqadd", "uqadd", "sqsub", "uqsub"};

// `b_unsigned`: the immediate forms add or subtract UInt(imm), even for SQADD/SQSUB.
std::uint64_t arith(Arith op, std::uint64_t a, std::uint64_t b, unsigned esize,
                    bool b_unsigned = false) {
    const unsigned n = esize * 8;
    const i128 sb = b_unsigned ? i128{b} : i128{signExtend(b, n)};
    switch (op) {
    case Arith::Add: return (a + b) & ones(n);
    case Arith::Sub: return (a - b) & ones(n);
    case Arith::Subr: return (b - a) & ones(n);
    case Arith::Sqadd: return SatQ(i128{signExtend(a, n)} + sb, n, false);
    case Arith::Uqadd: return SatQ(i128{a} + i128{b}, n, true);
    case Arith::Sqsub: return SatQ(i128{signExtend(a, n)} - sb, n, false);
    case Arith::Uqsub: return SatQ(i128{a} - i128{b}, n, true);
    }
    return 0;
}

// Unpredicated vectors (Zd = Zn op Zm), opc insn[12:10]: ADD, SUB, -, -, SQADD, UQADD, SQSUB,
// UQSUB.
std::optional<Arith> vecArith(std::uint32_t i) {
    switch (bits(i, 12, 10)) {
    case 0: return Arith::Add;
    case 1: return Arith::Sub;
    case 4: return Arith::Sqadd;
    case 5: return Arith::Uqadd;
    case 6: return Arith::Sqsub;
    case 7: return Arith::Uqsub;
    default: return std::nullopt;
    }
}
bool validArithVec(std::uint32_t i) {
    return vecArith(i).has_value();
}
void execArithVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Arith op = *vecArith(i);
    const ZBuf a = readZ(cx, rn(i)), b = readZ(cx, rm(i));
    ZBuf out{};
    const unsigned bytes = cx.vl().bytes();
    withEsize(1U << sizeField(i), [&](auto es) {
        constexpr unsigned esize = decltype(es)::value;
        for (unsigned e = 0; e < bytes / esize; ++e)
            setElem(out.data(), e, esize,
                    arith(op, elem(a.data(), e, esize), elem(b.data(), e, esize), esize));
    });
    writeZ(cx, rd(i), out);
}
std::string disArithVec(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", kArithNames[static_cast<unsigned>(*vecArith(i))],
                       zreg(rd(i), s), zreg(rn(i), s), zreg(rm(i), s));
}

// Predicated (Zdn = Zdn op Zm under Pg/M), opc insn[18:16]: ADD, SUB, -, SUBR.
std::optional<Arith> predArith(std::uint32_t i) {
    switch (bits(i, 18, 16)) {
    case 0: return Arith::Add;
    case 1: return Arith::Sub;
    case 3: return Arith::Subr;
    default: return std::nullopt;
    }
}
bool validArithPred(std::uint32_t i) {
    return predArith(i).has_value();
}
void execArithPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Arith op = *predArith(i);
    predicatedBinary(cx, i, [op](std::uint64_t a, std::uint64_t b, unsigned esize) {
        return arith(op, a, b, esize);
    });
}
std::string disArithPred(std::uint32_t i, std::uint64_t) {
    return predicatedText(i, kArithNames[static_cast<unsigned>(*predArith(i))]);
}

// Immediate (Zdn = Zdn op imm8{, LSL #8}), opc insn[18:16]: ADD, SUB, -, SUBR, SQADD, UQADD,
// SQSUB, UQSUB. The immediate is unsigned.
std::optional<Arith> immArith(std::uint32_t i) {
    switch (bits(i, 18, 16)) {
    case 0: return Arith::Add;
    case 1: return Arith::Sub;
    case 3: return Arith::Subr;
    case 4: return Arith::Sqadd;
    case 5: return Arith::Uqadd;
    case 6: return Arith::Sqsub;
    case 7: return Arith::Uqsub;
    default: return std::nullopt;
    }
}
bool validArithImm(std::uint32_t i) { // no LSL #8 for byte elements
    return immArith(i).has_value() && !(sizeField(i) == 0 && bit1(i, 13));
}
std::uint64_t shiftedImm8(std::uint32_t i) {
    return std::uint64_t{bits(i, 12, 5)} << (bit1(i, 13) ? 8 : 0);
}
void execArithImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Arith op = *immArith(i);
    const std::uint64_t imm = shiftedImm8(i);
    ZBuf out = readZ(cx, rd(i));
    const unsigned bytes = cx.vl().bytes();
    withEsize(1U << sizeField(i), [&](auto es) {
        constexpr unsigned esize = decltype(es)::value;
        for (unsigned e = 0; e < bytes / esize; ++e)
            setElem(out.data(), e, esize, arith(op, elem(out.data(), e, esize), imm, esize, true));
    });
    writeZ(cx, rd(i), out);
}
std::string disArithImm(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    // LLVM prints the shifted value, except that #0, LSL #8 keeps its shift.
    const std::string imm = bits(i, 12, 5) == 0 && bit1(i, 13) ? std::string("#0, lsl #8")
                                                               : fmt::format("#{}", shiftedImm8(i));
    return fmt::format("{}\t{}, {}, {}", kArithNames[static_cast<unsigned>(*immArith(i))],
                       zreg(rd(i), s), zreg(rd(i), s), imm);
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 1 0 1 11111 01010 xxxxxx xxxxx", "RDVL_R_I", execRdvl, disRdvl, T::SveAlu),
    insn("00000100 0 x 1 xxxxx 01010 xxxxxx xxxxx", "ADDVL_ADDPL_R_RI", execAddvlAddpl, disAddvlAddpl, T::SveAlu),
    insn("00000100 xx 10 xxxx 11100 0 xxxxx xxxxx", "CNTB_CNTH_CNTW_CNTD_R_S", execCnt, disCnt, T::SveAlu),
    insn("00000100 xx 11 xxxx 11100 x xxxxx xxxxx", "INCB_DECB_R_RS", execIncDec, disIncDec, T::SveAlu),
    insn("00000100 xx 1 xxxxx 001100 xxxxx xxxxx", "AND_ORR_EOR_BIC_Z_ZZ", execLogicVec, disLogicVec, T::SveAlu),
    insn("00000100 xx 011 0 xx 000 xxx xxxxx xxxxx", "ORR_EOR_AND_BIC_Z_P_ZZ", execLogicPred, disLogicPred, T::SveAlu),
    insn("00000101 0x 0000 xxxxxxxxxxxxx xxxxx", "ORR_EOR_Z_ZI", execLogicImm, disLogicImm, T::SveAlu, validLogicImm),
    insn("00000101 10 0000 xxxxxxxxxxxxx xxxxx", "AND_Z_ZI", execLogicImm, disLogicImm, T::SveAlu, validLogicImm),
    insn("00000101 11 0000 xxxxxxxxxxxxx xxxxx", "DUPM_Z_I", execDupm, disDupm, T::SveAlu, validLogicImm),
    insn("00000100 xx 1 xxxxx 000 xxx xxxxx xxxxx", "ADD_SUB_SQADD_UQADD_SQSUB_UQSUB_Z_ZZ", execArithVec, disArithVec, T::SveAlu, validArithVec),
    insn("00000100 xx 000 xxx 000 xxx xxxxx xxxxx", "ADD_SUB_SUBR_Z_P_ZZ", execArithPred, disArithPred, T::SveAlu, validArithPred),
    insn("00100101 xx 100 xxx 11 x xxxxxxxx xxxxx", "ADD_SUB_SUBR_SQADD_UQADD_SQSUB_UQSUB_Z_ZI", execArithImm, disArithImm, T::SveAlu, validArithImm),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveIntegerRows() {
    return kRows;
}

} // namespace svesim::isa::sve
