// SVE predicate instructions (ARM-M C8.2): PTRUE/PTRUES, PFALSE, the predicate logical
// operations and SEL, PTEST, the FFR instructions (SETFFR, RDFFR, RDFFRS, WRFFR), WHILELT/LE/LO/LS
// and the integer compares CMP<cc> (vectors, wide elements, signed and unsigned immediates).
// Flag-setting forms set NZCV by PredTest.
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// ---- PTRUE, PTRUES, PFALSE
// ---------------------------------------------------------------------
void execPtrue(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i);
    const unsigned count = DecodePredCount(bits(i, 9, 5), esize, cx.vl());
    PBuf result{};
    for (unsigned e = 0; e < count; ++e)
        setPredElem(result.data(), e, esize, true);
    if (bit1(i, 16)) // PTRUES
        PredTest(cx.pstate(), result.data(), result.data(), esize, cx.vl().bytes() / esize);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disPtrue(std::uint32_t i, std::uint64_t) {
    const unsigned pattern = bits(i, 9, 5);
    const std::string pd = pregT(bits(i, 3, 0), sizeField(i));
    const char* mn = bit1(i, 16) ? "ptrues" : "ptrue";
    if (pattern == 31) return fmt::format("{}\t{}", mn, pd);
    return fmt::format("{}\t{}, {}", mn, pd, patternName(pattern));
}

void execPfalse(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    writeP(cx, bits(i, 3, 0), PBuf{});
}
std::string disPfalse(std::uint32_t i, std::uint64_t) {
    return fmt::format("pfalse\t{}", pregT(bits(i, 3, 0), 0));
}

// ---- Predicate logical operations (Pd, Pg/Z, Pn, Pm) and SEL
// ---------------------------------------------------
unsigned predOp(std::uint32_t i) { // op:o2:o3
    return (bits(i, 23, 23) << 2) | (bits(i, 9, 9) << 1) | bits(i, 4, 4);
}
bool validPredLogical(std::uint32_t i) { // SEL has no flag-setting form
    return !(predOp(i) == 3 && bit1(i, 22));
}
std::uint8_t predLogical(unsigned op, std::uint8_t g, std::uint8_t n, std::uint8_t m) {
    unsigned r = 0;
    switch (op) {
    case 0: r = g & n & m; break;          // AND
    case 1: r = g & n & ~m; break;         // BIC
    case 2: r = g & (n ^ m); break;        // EOR
    case 3: r = (g & n) | (~g & m); break; // SEL
    case 4: r = g & (n | m); break;        // ORR
    case 5: r = g & (n | ~m); break;       // ORN
    case 6: r = g & ~(n | m); break;       // NOR
    default: r = g & ~(n & m); break;      // NAND
    }
    return static_cast<std::uint8_t>(r);
}
void execPredLogical(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned pl = cx.vl().predicateBytes();
    const PBuf g = readP(cx, bits(i, 13, 10)), n = readP(cx, bits(i, 8, 5)),
               m = readP(cx, bits(i, 19, 16));
    PBuf result{};
    for (unsigned b = 0; b < pl; ++b)
        result[b] = predLogical(predOp(i), g[b], n[b], m[b]);
    if (bit1(i, 22)) PredTest(cx.pstate(), g.data(), result.data(), 1, pl * 8);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disPredLogical(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[8] = {"and", "bic", "eor", "sel",
                                              "orr", "orn", "nor", "nand"};
    const unsigned op = predOp(i), d = bits(i, 3, 0), g = bits(i, 13, 10), n = bits(i, 8, 5),
                   m = bits(i, 19, 16);
    const bool s = bit1(i, 22);
    const std::string mv = s ? "movs" : "mov";
    if (op == 4 && n == m && g == n) return fmt::format("{}\t{}, {}", mv, pregT(d, 0), pregT(n, 0));
    if (op == 0 && n == m) return fmt::format("{}\t{}, p{}/z, {}", mv, pregT(d, 0), g, pregT(n, 0));
    if (op == 2 && m == g)
        return fmt::format("{}\t{}, p{}/z, {}", s ? "nots" : "not", pregT(d, 0), g, pregT(n, 0));
    if (op == 3) {
        if (m == d) return fmt::format("mov\t{}, p{}/m, {}", pregT(d, 0), g, pregT(n, 0));
        return fmt::format("sel\t{}, p{}, {}, {}", pregT(d, 0), g, pregT(n, 0), pregT(m, 0));
    }
    return fmt::format("{}{}\t{}, p{}/z, {}, {}", kNames[op], s ? "s" : "", pregT(d, 0), g,
                       pregT(n, 0), pregT(m, 0));
}

// ---- PTEST and the FFR instructions
// ----------------------------------------------------------------
void execPtest(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const PBuf g = readP(cx, bits(i, 13, 10)), n = readP(cx, bits(i, 8, 5));
    PredTest(cx.pstate(), g.data(), n.data(), 1, cx.vl().predicateBytes() * 8);
}
std::string disPtest(std::uint32_t i, std::uint64_t) {
    return fmt::format("ptest\tp{}, {}", bits(i, 13, 10), pregT(bits(i, 8, 5), 0));
}

void execSetffr(ExecContext& cx, std::uint32_t) {
    if (!cx.checkSVEEnabled()) return;
    writeFFR(cx, allTrue());
}
std::string disSetffr(std::uint32_t, std::uint64_t) {
    return "setffr";
}

void execRdffr(ExecContext& cx, std::uint32_t i) { // unpredicated
    if (!cx.checkSVEEnabled()) return;
    writeP(cx, bits(i, 3, 0), readFFR(cx));
}
std::string disRdffr(std::uint32_t i, std::uint64_t) {
    return fmt::format("rdffr\t{}", pregT(bits(i, 3, 0), 0));
}

void execRdffrPred(ExecContext& cx, std::uint32_t i) { // RDFFR, RDFFRS (Pd, Pg/Z)
    if (!cx.checkSVEEnabled()) return;
    const unsigned pl = cx.vl().predicateBytes();
    const PBuf g = readP(cx, bits(i, 8, 5)), ffr = readFFR(cx);
    PBuf result{};
    for (unsigned b = 0; b < pl; ++b)
        result[b] = static_cast<std::uint8_t>(ffr[b] & g[b]);
    if (bit1(i, 22)) PredTest(cx.pstate(), g.data(), result.data(), 1, pl * 8);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disRdffrPred(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, p{}/z", bit1(i, 22) ? "rdffrs" : "rdffr", pregT(bits(i, 3, 0), 0),
                       bits(i, 8, 5));
}

void execWrffr(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    // A value that is not monotonic (ones then zeros) leaves FFR UNKNOWN: svesim writes it.
    writeFFR(cx, readP(cx, bits(i, 8, 5)));
}
std::string disWrffr(std::uint32_t i, std::uint64_t) {
    return fmt::format("wrffr\t{}", pregT(bits(i, 8, 5), 0));
}

// ---- WHILELT, WHILELE, WHILELO, WHILELS
// ------------------------------------------------------------
void execWhile(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i);
    const unsigned elements = cx.vl().bytes() / esize;
    const unsigned rsize = bit1(i, 12) ? 64 : 32;
    const bool is_unsigned = bit1(i, 11), or_equal = bit1(i, 4);
    std::uint64_t op1 = cx.X(rn(i)) & ones(rsize);
    const std::uint64_t op2 = cx.X(rm(i)) & ones(rsize);
    PBuf result{};
    bool last = true;
    for (unsigned e = 0; e < elements; ++e) {
        bool cond = false;
        if (is_unsigned) {
            cond = or_equal ? op1 <= op2 : op1 < op2;
        } else {
            const std::int64_t a = signExtend(op1, rsize), b = signExtend(op2, rsize);
            cond = or_equal ? a <= b : a < b;
        }
        last = last && cond;
        setPredElem(result.data(), e, esize, last);
        op1 = (op1 + 1) & ones(rsize); // the operand wraps at its register width
    }
    const PBuf mask = allTrue();
    PredTest(cx.pstate(), mask.data(), result.data(), esize, elements);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disWhile(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[4] = {"whilelt", "whilele", "whilelo", "whilels"};
    const bool sf = bit1(i, 12);
    return fmt::format("{}\t{}, {}, {}", kNames[(bits(i, 11, 11) << 1) | bits(i, 4, 4)],
                       pregT(bits(i, 3, 0), sizeField(i)), regName(rn(i), sf), regName(rm(i), sf));
}

// ---- CMP<cc>
// -----------------------------------------------------------------------------------------
enum class Cmp : std::uint8_t { EQ, NE, GE, GT, LT, LE, HS, HI, LO, LS };
constexpr const char* kCmpNames[10] = {"cmpeq", "cmpne", "cmpge", "cmpgt", "cmplt",
                                       "cmple", "cmphs", "cmphi", "cmplo", "cmpls"};
bool isUnsigned(Cmp c) {
    return c >= Cmp::HS;
}
bool compare(Cmp c, std::uint64_t a, std::uint64_t b) { // a, b already extended to 64 bits
    const auto sa = static_cast<std::int64_t>(a), sb = static_cast<std::int64_t>(b);
    switch (c) {
    case Cmp::EQ: return a == b;
    case Cmp::NE: return a != b;
    case Cmp::GE: return sa >= sb;
    case Cmp::GT: return sa > sb;
    case Cmp::LT: return sa < sb;
    case Cmp::LE: return sa <= sb;
    case Cmp::HS: return a >= b;
    case Cmp::HI: return a > b;
    case Cmp::LO: return a < b;
    case Cmp::LS: return a <= b;
    }
    return false;
}

// Vector forms: insn[15:13] and ne (insn[4]); `wide` compares with the 64-bit element of Zm.
struct VecCmp {
    Cmp cmp;
    bool wide;
};
VecCmp vectorCmp(std::uint32_t i) {
    const bool ne = bit1(i, 4);
    switch (bits(i, 15, 13)) {
    case 0: return {ne ? Cmp::HI : Cmp::HS, false};
    case 1: return {ne ? Cmp::NE : Cmp::EQ, true};
    case 2: return {ne ? Cmp::GT : Cmp::GE, true};
    case 3: return {ne ? Cmp::LE : Cmp::LT, true};
    case 4: return {ne ? Cmp::GT : Cmp::GE, false};
    case 5: return {ne ? Cmp::NE : Cmp::EQ, false};
    case 6: return {ne ? Cmp::HI : Cmp::HS, true};
    default: return {ne ? Cmp::LS : Cmp::LO, true};
    }
}
bool validVectorCmp(std::uint32_t i) { // wide forms have no 64-bit element size
    return !(vectorCmp(i).wide && sizeField(i) == 3);
}
Cmp signedImmCmp(std::uint32_t i) { // op:o2:ne = insn[15], insn[13], insn[4]
    static constexpr Cmp kOps[6] = {Cmp::GE, Cmp::GT, Cmp::LT, Cmp::LE, Cmp::EQ, Cmp::NE};
    return kOps[(bits(i, 15, 15) << 2) | (bits(i, 13, 13) << 1) | bits(i, 4, 4)];
}
bool validSignedImmCmp(std::uint32_t i) {
    return !(bit1(i, 15) && bit1(i, 13));
}
Cmp unsignedImmCmp(std::uint32_t i) { // lt:ne = insn[13], insn[4]
    static constexpr Cmp kOps[4] = {Cmp::HS, Cmp::HI, Cmp::LO, Cmp::LS};
    return kOps[(bits(i, 13, 13) << 1) | bits(i, 4, 4)];
}

// The common body: element e of Zn against `other(e)` under Pg/Z, then PredTest and P[d].
template <class Other>
void compareInto(ExecContext& cx, std::uint32_t i, Cmp c, Other other) {
    const unsigned esize = 1U << sizeField(i);
    const unsigned elements = cx.vl().bytes() / esize;
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zn = readZ(cx, rn(i));
    PBuf result{};
    for (unsigned e = 0; e < elements; ++e) {
        if (!activeElem(g.data(), e, esize)) continue;
        const std::uint64_t a = isUnsigned(c)
                                    ? elem(zn.data(), e, esize)
                                    : static_cast<std::uint64_t>(selem(zn.data(), e, esize));
        setPredElem(result.data(), e, esize, compare(c, a, other(e, esize)));
    }
    PredTest(cx.pstate(), g.data(), result.data(), esize, elements);
    writeP(cx, bits(i, 3, 0), result);
}

void execCmpVec(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const VecCmp v = vectorCmp(i);
    const ZBuf zm = readZ(cx, rm(i));
    compareInto(cx, i, v.cmp, [&](unsigned e, unsigned esize) -> std::uint64_t {
        if (v.wide) return elem(zm.data(), (e * esize) / 8, 8);
        return isUnsigned(v.cmp) ? elem(zm.data(), e, esize)
                                 : static_cast<std::uint64_t>(selem(zm.data(), e, esize));
    });
}
void execCmpSignedImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const auto imm = static_cast<std::uint64_t>(signExtend(bits(i, 20, 16), 5));
    compareInto(cx, i, signedImmCmp(i), [imm](unsigned, unsigned) { return imm; });
}
void execCmpUnsignedImm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const std::uint64_t imm = bits(i, 20, 14);
    compareInto(cx, i, unsignedImmCmp(i), [imm](unsigned, unsigned) { return imm; });
}

std::string cmpHead(std::uint32_t i, Cmp c) {
    return fmt::format("{}\t{}, p{}/z, {}", kCmpNames[static_cast<unsigned>(c)],
                       pregT(bits(i, 3, 0), sizeField(i)), pg3(i), zreg(rn(i), sizeField(i)));
}
std::string disCmpVec(std::uint32_t i, std::uint64_t) {
    const VecCmp v = vectorCmp(i);
    return fmt::format("{}, {}", cmpHead(i, v.cmp), zreg(rm(i), v.wide ? 3 : sizeField(i)));
}
std::string disCmpSignedImm(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}, #{}", cmpHead(i, signedImmCmp(i)), signExtend(bits(i, 20, 16), 5));
}
std::string disCmpUnsignedImm(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}, #{}", cmpHead(i, unsignedImmCmp(i)), bits(i, 20, 14));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00100101 xx 01100 x 111000 xxxxx 0 xxxx", "PTRUE_P_S", execPtrue, disPtrue, T::SvePred),
    insn("00100101 00 011000 111001 00000 0 xxxx", "PFALSE_P", execPfalse, disPfalse, T::SvePred),
    insn("00100101 x x 00 xxxx 01 xxxx x xxxx x xxxx", "AND_ORR_EOR_BIC_ORN_NOR_NAND_SEL_P_P_PP", execPredLogical, disPredLogical, T::SvePred, validPredLogical),
    insn("00100101 01 010000 11 xxxx 0 xxxx 0 0000", "PTEST_P_P", execPtest, disPtest, T::SvePred),
    insn("00100101 00 101100 1001 0000 0000 0000", "SETFFR_F", execSetffr, disSetffr, T::SvePred),
    insn("00100101 00 011001 1111 0000 000 0 xxxx", "RDFFR_P_F", execRdffr, disRdffr, T::SvePred),
    insn("00100101 0 x 011000 1111 000 xxxx 0 xxxx", "RDFFR_RDFFRS_P_P_F", execRdffrPred, disRdffrPred, T::SvePred),
    insn("00100101 00 101000 1001 000 xxxx 00000", "WRFFR_F_P", execWrffr, disWrffr, T::SvePred),
    insn("00100101 xx 1 xxxxx 000 x x 1 xxxxx x xxxx", "WHILELT_WHILELE_WHILELO_WHILELS_P_P_RR", execWhile, disWhile, T::SvePred),
    insn("00100100 xx 0 xxxxx xxx xxx xxxxx x xxxx", "CMP_P_P_ZZ_CMP_P_P_ZW", execCmpVec, disCmpVec, T::SveAlu, validVectorCmp),
    insn("00100101 xx 0 xxxxx x 0 x xxx xxxxx x xxxx", "CMP_P_P_ZI_signed", execCmpSignedImm, disCmpSignedImm, T::SveAlu, validSignedImmCmp),
    insn("00100100 xx 1 xxxxxxx x xxx xxxxx x xxxx", "CMP_P_P_ZI_unsigned", execCmpUnsignedImm, disCmpUnsignedImm, T::SveAlu),
};
// clang-format on

} // namespace

std::span<const InsnDef> svePredicateRows() {
    return kRows;
}

} // namespace svesim::isa::sve
