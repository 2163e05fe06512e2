// A64 integer data processing: immediate and register forms (ARM-M C6.2).
#include "fast_forms.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <bit>
#include <fmt/core.h>
#include <limits>

namespace svesim::isa {
namespace {

using T = TimingClass;

unsigned dsize(std::uint32_t i) {
    return bit1(i, 31) ? 64 : 32;
}
bool sf(std::uint32_t i) {
    return bit1(i, 31);
}
std::string R(unsigned n, std::uint32_t i, bool sp = false) {
    return regName(n, sf(i), sp);
}
void writeResult(ExecContext& cx, unsigned d, std::uint64_t v, unsigned datasize) {
    cx.setX(d, v & ones(datasize));
}

// ---- PC-relative addressing ------------------------------------------------------------
std::int64_t adrOffset(std::uint32_t i) {
    const std::uint64_t imm = (bits(i, 23, 5) << 2) | bits(i, 30, 29);
    return signExtend(imm, 21);
}
void execAdr(ExecContext& cx, std::uint32_t i) {
    cx.setX(rd(i), cx.pc() + static_cast<std::uint64_t>(adrOffset(i)));
}
void execAdrp(ExecContext& cx, std::uint32_t i) {
    cx.setX(rd(i),
            (cx.pc() & ~std::uint64_t{0xFFF}) + (static_cast<std::uint64_t>(adrOffset(i)) << 12));
}
std::string disAdr(std::uint32_t i, std::uint64_t) {
    return fmt::format("adr\t{}, #{}", regName(rd(i), true), adrOffset(i));
}
std::string disAdrp(std::uint32_t i, std::uint64_t) {
    return fmt::format("adrp\t{}, #{}", regName(rd(i), true), adrOffset(i) * 4096);
}

// ---- Add/subtract (immediate) ------------------------------------------------------------
void execAddSubImm(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i);
    std::uint64_t imm = bits(i, 21, 10);
    if (bit1(i, 22)) imm <<= 12;
    const bool sub = bit1(i, 30), setflags = bit1(i, 29);
    const std::uint64_t op1 = cx.XorSP(rn(i));
    const AddResult r = AddWithCarry(op1, sub ? ~imm : imm, sub, n);
    if (setflags) {
        setNZCV(cx.pstate(), r);
        writeResult(cx, rd(i), r.value, n);
    } else {
        cx.setXorSP(rd(i), r.value);
    }
}
std::string disAddSubImm(std::uint32_t i, std::uint64_t) {
    const bool sub = bit1(i, 30), setflags = bit1(i, 29), shifted = bit1(i, 22);
    const unsigned imm = bits(i, 21, 10);
    const std::string shift = shifted ? ", lsl #12" : "";
    if (!sub && !setflags && !shifted && imm == 0 && (rd(i) == 31 || rn(i) == 31))
        return fmt::format("mov\t{}, {}", R(rd(i), i, true), R(rn(i), i, true));
    if (setflags && rd(i) == 31)
        return fmt::format("{}\t{}, #{}{}", sub ? "cmp" : "cmn", R(rn(i), i, true), imm, shift);
    const char* mn = sub ? (setflags ? "subs" : "sub") : (setflags ? "adds" : "add");
    return fmt::format("{}\t{}, {}, #{}{}", mn, R(rd(i), i, !setflags), R(rn(i), i, true), imm,
                       shift);
}

// ---- Logical (immediate) ------------------------------------------------------------------
std::optional<std::uint64_t> logicalImm(std::uint32_t i) {
    const auto m =
        DecodeBitMasks(bits(i, 22, 22), bits(i, 15, 10), bits(i, 21, 16), true, dsize(i));
    if (!m) return std::nullopt;
    return m->wmask;
}
bool validLogicalImm(std::uint32_t i) {
    return !(!sf(i) && bit1(i, 22)) && logicalImm(i).has_value();
}
std::uint64_t logicalOp(unsigned opc, std::uint64_t a, std::uint64_t b) {
    switch (opc) {
    case 0: return a & b;
    case 1: return a | b;
    case 2: return a ^ b;
    default: return a & b;
    }
}
void execLogicalImm(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i), opc = bits(i, 30, 29);
    const std::uint64_t result = logicalOp(opc, cx.X(rn(i)), *logicalImm(i)) & ones(n);
    if (opc == 3) {
        PState& p = cx.pstate();
        p.n = ((result >> (n - 1)) & 1) != 0;
        p.z = result == 0;
        p.c = p.v = false;
        cx.setX(rd(i), result);
    } else {
        cx.setXorSP(rd(i), result);
    }
}
// MoveWidePreferred(sf, immN, imms, immr): whether MOVZ/MOVN could encode the value.
bool moveWidePreferred(std::uint32_t i) {
    const unsigned s = bits(i, 15, 10), r = bits(i, 21, 16), width = dsize(i);
    const bool n = bit1(i, 22);
    if (width == 64 && !n) return false;
    if (width == 32 && (s >> 5) != 0) return false;
    // ARM-M: if imms < 16 then return (-immr MOD 16) <= (15 - imms);
    if (s < 16) return ((-static_cast<int>(r)) & 15) <= static_cast<int>(15 - s);
    // if imms >= width - 15 then return (immr MOD 16) <= (imms - (width - 15));
    if (s >= width - 15) return (r % 16) <= (s - (width - 15));
    return false;
}
std::string disLogicalImm(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 30, 29);
    const std::uint64_t imm = *logicalImm(i);
    if (opc == 1 && rn(i) == 31 && !moveWidePreferred(i)) {
        const std::int64_t v =
            sf(i) ? static_cast<std::int64_t>(imm) : static_cast<std::int32_t>(imm);
        return fmt::format("mov\t{}, #{}", R(rd(i), i, true), v);
    }
    if (opc == 3 && rd(i) == 31) return fmt::format("tst\t{}, #{}", R(rn(i), i), hexImm(imm));
    static constexpr const char* kMn[4] = {"and", "orr", "eor", "ands"};
    return fmt::format("{}\t{}, {}, #{}", kMn[opc], R(rd(i), i, opc != 3), R(rn(i), i),
                       hexImm(imm));
}

// ---- Move wide (immediate) ----------------------------------------------------------------
bool validMoveWide(std::uint32_t i) {
    return bits(i, 30, 29) != 1 && (sf(i) || !bit1(i, 22));
}
void execMoveWide(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i), opc = bits(i, 30, 29), pos = bits(i, 22, 21) * 16;
    const std::uint64_t imm = bits(i, 20, 5);
    std::uint64_t result = 0;
    if (opc == 3) { // MOVK
        result = (cx.X(rd(i)) & ~(std::uint64_t{0xFFFF} << pos)) | (imm << pos);
    } else {
        result = imm << pos;
        if (opc == 0) result = ~result; // MOVN
    }
    cx.setX(rd(i), result & ones(n));
}
std::string disMoveWide(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 30, 29), hw = bits(i, 22, 21);
    const std::uint64_t imm = bits(i, 20, 5);
    const std::string shift = hw ? fmt::format(", lsl #{}", hw * 16) : "";
    if (opc == 3) return fmt::format("movk\t{}, #{}{}", R(rd(i), i), imm, shift);
    const bool alias = !(imm == 0 && hw != 0) && (sf(i) || opc != 0 || imm != 0xFFFF);
    if (alias) {
        std::uint64_t v = imm << (hw * 16);
        if (opc == 0) v = ~v;
        const std::int64_t sv = sf(i) ? static_cast<std::int64_t>(v) : static_cast<std::int32_t>(v);
        return fmt::format("mov\t{}, #{}", R(rd(i), i), sv);
    }
    return fmt::format("{}\t{}, #{}{}", opc == 0 ? "movn" : "movz", R(rd(i), i), imm, shift);
}

// ---- Bitfield -----------------------------------------------------------------------------
bool validBitfield(std::uint32_t i) {
    if (bits(i, 30, 29) == 3 || bit1(i, 22) != sf(i)) return false;
    if (!sf(i) && (bit1(i, 21) || bit1(i, 15))) return false;
    return true;
}
void execBitfield(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i), opc = bits(i, 30, 29), r = bits(i, 21, 16), s = bits(i, 15, 10);
    const auto m = DecodeBitMasks(bits(i, 22, 22), s, r, false, n);
    const std::uint64_t src = cx.X(rn(i));
    const std::uint64_t dst = opc == 1 ? cx.X(rd(i)) : 0; // BFM keeps the destination
    const std::uint64_t bot = (dst & ~m->wmask) | (ror(src, r, n) & m->wmask);
    std::uint64_t top = dst;
    if (opc == 0) top = ((src >> s) & 1) ? ones(n) : 0; // SBFM: replicate the sign bit
    const std::uint64_t result =
        opc == 1 ? (dst & ~m->tmask) | (bot & m->tmask) : (top & ~m->tmask) | (bot & m->tmask);
    cx.setX(rd(i), result & ones(n));
}
std::string disBitfield(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 30, 29), r = bits(i, 21, 16), s = bits(i, 15, 10), w = dsize(i);
    const std::string d = R(rd(i), i), nn = R(rn(i), i);
    if (opc == 0) { // SBFM
        if (s == w - 1) return fmt::format("asr\t{}, {}, #{}", d, nn, r);
        if (r == 0 && (s == 7 || s == 15 || s == 31)) {
            const char* mn = s == 7 ? "sxtb" : s == 15 ? "sxth" : "sxtw";
            if (s != 31 || w == 64) return fmt::format("{}\t{}, {}", mn, d, regName(rn(i), false));
        }
        if (s < r) return fmt::format("sbfiz\t{}, {}, #{}, #{}", d, nn, (w - r) % w, s + 1);
        return fmt::format("sbfx\t{}, {}, #{}, #{}", d, nn, r, s - r + 1);
    }
    if (opc == 2) { // UBFM
        if (s != w - 1 && s + 1 == r) return fmt::format("lsl\t{}, {}, #{}", d, nn, w - 1 - s);
        if (s == w - 1) return fmt::format("lsr\t{}, {}, #{}", d, nn, r);
        if (w == 32 && r == 0 && (s == 7 || s == 15))
            return fmt::format("{}\t{}, {}", s == 7 ? "uxtb" : "uxth", d, nn);
        if (s < r) return fmt::format("ubfiz\t{}, {}, #{}, #{}", d, nn, (w - r) % w, s + 1);
        return fmt::format("ubfx\t{}, {}, #{}, #{}", d, nn, r, s - r + 1);
    }
    // BFM. LLVM also prints BFC for lsb 0 (immr == 0), where the Arm ARM's alias condition
    // (imms < immr) does not hold; svesim follows LLVM's text.
    if (rn(i) == 31 && (s < r || r == 0))
        return fmt::format("bfc\t{}, #{}, #{}", d, (w - r) % w, s + 1);
    if (s < r) return fmt::format("bfi\t{}, {}, #{}, #{}", d, nn, (w - r) % w, s + 1);
    return fmt::format("bfxil\t{}, {}, #{}, #{}", d, nn, r, s - r + 1);
}

// ---- EXTR -----------------------------------------------------------------------------------
bool validExtr(std::uint32_t i) {
    return bit1(i, 22) == sf(i) && (sf(i) || !bit1(i, 15));
}
void execExtr(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i), lsb = bits(i, 15, 10);
    const std::uint64_t hi = cx.X(rn(i)) & ones(n), lo = cx.X(rm(i)) & ones(n);
    const std::uint64_t result = lsb == 0 ? lo : ((lo >> lsb) | (hi << (n - lsb)));
    cx.setX(rd(i), result & ones(n));
}
std::string disExtr(std::uint32_t i, std::uint64_t) {
    if (rn(i) == rm(i))
        return fmt::format("ror\t{}, {}, #{}", R(rd(i), i), R(rn(i), i), bits(i, 15, 10));
    return fmt::format("extr\t{}, {}, {}, #{}", R(rd(i), i), R(rn(i), i), R(rm(i), i),
                       bits(i, 15, 10));
}

// ---- Logical (shifted register) ---------------------------------------------------------------
bool validShiftAmount(std::uint32_t i) {
    return sf(i) || !bit1(i, 15);
}
void execLogicalReg(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i), opc = bits(i, 30, 29);
    std::uint64_t op2 =
        ShiftReg(cx.X(rm(i)), static_cast<ShiftType>(bits(i, 23, 22)), bits(i, 15, 10), n);
    if (bit1(i, 21)) op2 = ~op2;
    const std::uint64_t result = logicalOp(opc, cx.X(rn(i)), op2) & ones(n);
    if (opc == 3) {
        PState& p = cx.pstate();
        p.n = ((result >> (n - 1)) & 1) != 0;
        p.z = result == 0;
        p.c = p.v = false;
    }
    cx.setX(rd(i), result);
}
std::string shiftSuffix(std::uint32_t i) {
    const unsigned amount = bits(i, 15, 10);
    if (amount == 0 && bits(i, 23, 22) == 0) return "";
    return fmt::format(", {} #{}", shiftName(bits(i, 23, 22)), amount);
}
std::string disLogicalReg(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 30, 29);
    const bool neg = bit1(i, 21);
    if (opc == 1 && rn(i) == 31 && bits(i, 15, 10) == 0 && bits(i, 23, 22) == 0 && !neg)
        return fmt::format("mov\t{}, {}", R(rd(i), i), R(rm(i), i));
    if (opc == 1 && rn(i) == 31 && neg)
        return fmt::format("mvn\t{}, {}{}", R(rd(i), i), R(rm(i), i), shiftSuffix(i));
    if (opc == 3 && rd(i) == 31 && !neg)
        return fmt::format("tst\t{}, {}{}", R(rn(i), i), R(rm(i), i), shiftSuffix(i));
    static constexpr const char* kMn[8] = {"and", "orr", "eor", "ands",
                                           "bic", "orn", "eon", "bics"};
    return fmt::format("{}\t{}, {}, {}{}", kMn[opc + (neg ? 4 : 0)], R(rd(i), i), R(rn(i), i),
                       R(rm(i), i), shiftSuffix(i));
}

// ---- Add/subtract (shifted and extended register), with carry
// ------------------------------------
bool validAddSubShifted(std::uint32_t i) {
    return bits(i, 23, 22) != 3 && validShiftAmount(i);
}
void addSubCommon(ExecContext& cx, std::uint32_t i, std::uint64_t op1, std::uint64_t op2,
                  bool sp_dest) {
    const unsigned n = dsize(i);
    const bool sub = bit1(i, 30), setflags = bit1(i, 29);
    const AddResult r = AddWithCarry(op1, sub ? ~op2 : op2, sub, n);
    if (setflags) setNZCV(cx.pstate(), r);
    if (sp_dest && !setflags)
        cx.setXorSP(rd(i), r.value);
    else
        cx.setX(rd(i), r.value);
}
void execAddSubShifted(ExecContext& cx, std::uint32_t i) {
    const std::uint64_t op2 =
        ShiftReg(cx.X(rm(i)), static_cast<ShiftType>(bits(i, 23, 22)), bits(i, 15, 10), dsize(i));
    addSubCommon(cx, i, cx.X(rn(i)), op2, false);
}
std::string disAddSubShifted(std::uint32_t i, std::uint64_t) {
    const bool sub = bit1(i, 30), setflags = bit1(i, 29);
    if (setflags && rd(i) == 31)
        return fmt::format("{}\t{}, {}{}", sub ? "cmp" : "cmn", R(rn(i), i), R(rm(i), i),
                           shiftSuffix(i));
    if (sub && rn(i) == 31)
        return fmt::format("{}\t{}, {}{}", setflags ? "negs" : "neg", R(rd(i), i), R(rm(i), i),
                           shiftSuffix(i));
    const char* mn = sub ? (setflags ? "subs" : "sub") : (setflags ? "adds" : "add");
    return fmt::format("{}\t{}, {}, {}{}", mn, R(rd(i), i), R(rn(i), i), R(rm(i), i),
                       shiftSuffix(i));
}
bool validAddSubExt(std::uint32_t i) {
    return bits(i, 12, 10) <= 4;
}
void execAddSubExt(ExecContext& cx, std::uint32_t i) {
    const std::uint64_t op2 = ExtendReg(cx.X(rm(i)), bits(i, 15, 13), bits(i, 12, 10), dsize(i));
    addSubCommon(cx, i, cx.XorSP(rn(i)), op2, true);
}
std::string disAddSubExt(std::uint32_t i, std::uint64_t) {
    const bool sub = bit1(i, 30), setflags = bit1(i, 29);
    const unsigned option = bits(i, 15, 13), amount = bits(i, 12, 10);
    const bool m64 = (option & 3) == 3;
    const std::string mreg = regName(rm(i), sf(i) && m64);
    const bool sp_involved = rn(i) == 31 || (rd(i) == 31 && !setflags);
    std::string ext;
    if (sp_involved && option == (sf(i) ? 3U : 2U))
        ext = amount ? fmt::format(", lsl #{}", amount) : "";
    else
        ext = amount ? fmt::format(", {} #{}", extendName(option), amount)
                     : fmt::format(", {}", extendName(option));
    if (setflags && rd(i) == 31)
        return fmt::format("{}\t{}, {}{}", sub ? "cmp" : "cmn", R(rn(i), i, true), mreg, ext);
    const char* mn = sub ? (setflags ? "subs" : "sub") : (setflags ? "adds" : "add");
    return fmt::format("{}\t{}, {}, {}{}", mn, R(rd(i), i, !setflags), R(rn(i), i, true), mreg,
                       ext);
}
void execAdcSbc(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i);
    const bool sub = bit1(i, 30), setflags = bit1(i, 29);
    const std::uint64_t op2 = sub ? ~cx.X(rm(i)) : cx.X(rm(i));
    const AddResult r = AddWithCarry(cx.X(rn(i)), op2, cx.pstate().c, n);
    if (setflags) setNZCV(cx.pstate(), r);
    cx.setX(rd(i), r.value);
}
std::string disAdcSbc(std::uint32_t i, std::uint64_t) {
    const bool sub = bit1(i, 30), setflags = bit1(i, 29);
    if (sub && rn(i) == 31)
        return fmt::format("{}\t{}, {}", setflags ? "ngcs" : "ngc", R(rd(i), i), R(rm(i), i));
    const char* mn = sub ? (setflags ? "sbcs" : "sbc") : (setflags ? "adcs" : "adc");
    return fmt::format("{}\t{}, {}, {}", mn, R(rd(i), i), R(rn(i), i), R(rm(i), i));
}

// ---- Conditional compare and select
// ----------------------------------------------------------------
void execCondCompare(ExecContext& cx, std::uint32_t i) {
    PState& p = cx.pstate();
    const unsigned n = dsize(i);
    if (ConditionHolds(bits(i, 15, 12), p)) {
        const std::uint64_t op2 = bit1(i, 11) ? bits(i, 20, 16) : cx.X(rm(i));
        const bool sub = bit1(i, 30);
        setNZCV(p, AddWithCarry(cx.X(rn(i)), sub ? ~op2 : op2, sub, n));
    } else {
        const unsigned f = bits(i, 3, 0);
        p.n = (f & 8) != 0;
        p.z = (f & 4) != 0;
        p.c = (f & 2) != 0;
        p.v = (f & 1) != 0;
    }
}
std::string disCondCompare(std::uint32_t i, std::uint64_t) {
    const std::string op2 = bit1(i, 11) ? fmt::format("#{}", bits(i, 20, 16)) : R(rm(i), i);
    return fmt::format("{}\t{}, {}, #{}, {}", bit1(i, 30) ? "ccmp" : "ccmn", R(rn(i), i), op2,
                       bits(i, 3, 0), condName(bits(i, 15, 12)));
}
void execCondSelect(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i), op = (bit1(i, 30) ? 2U : 0U) | bits(i, 10, 10);
    std::uint64_t result = 0;
    if (ConditionHolds(bits(i, 15, 12), cx.pstate())) {
        result = cx.X(rn(i));
    } else {
        result = cx.X(rm(i));
        if (op == 1) result += 1;
        if (op == 2) result = ~result;
        if (op == 3) result = ~result + 1;
    }
    cx.setX(rd(i), result & ones(n));
}
std::string disCondSelect(std::uint32_t i, std::uint64_t) {
    const unsigned op = (bit1(i, 30) ? 2U : 0U) | bits(i, 10, 10), cond = bits(i, 15, 12);
    const bool alias_ok = (cond >> 1) != 7 && rn(i) == rm(i);
    const std::string inv = condName(cond ^ 1);
    if (alias_ok && op == 1)
        return rn(i) == 31 ? fmt::format("cset\t{}, {}", R(rd(i), i), inv)
                           : fmt::format("cinc\t{}, {}, {}", R(rd(i), i), R(rn(i), i), inv);
    if (alias_ok && op == 2)
        return rn(i) == 31 ? fmt::format("csetm\t{}, {}", R(rd(i), i), inv)
                           : fmt::format("cinv\t{}, {}, {}", R(rd(i), i), R(rn(i), i), inv);
    if (alias_ok && op == 3) return fmt::format("cneg\t{}, {}, {}", R(rd(i), i), R(rn(i), i), inv);
    static constexpr const char* kMn[4] = {"csel", "csinc", "csinv", "csneg"};
    return fmt::format("{}\t{}, {}, {}, {}", kMn[op], R(rd(i), i), R(rn(i), i), R(rm(i), i),
                       condName(cond));
}

// ---- Data-processing (3 source) -----------------------------------------------------------------
void execMulAdd(ExecContext& cx, std::uint32_t i) { // MADD / MSUB
    const unsigned n = dsize(i);
    const std::uint64_t prod = cx.X(rn(i)) * cx.X(rm(i));
    const std::uint64_t result = bit1(i, 15) ? cx.X(ra(i)) - prod : cx.X(ra(i)) + prod;
    cx.setX(rd(i), result & ones(n));
}
std::string disMulAdd(std::uint32_t i, std::uint64_t) {
    const bool sub = bit1(i, 15);
    if (ra(i) == 31)
        return fmt::format("{}\t{}, {}, {}", sub ? "mneg" : "mul", R(rd(i), i), R(rn(i), i),
                           R(rm(i), i));
    return fmt::format("{}\t{}, {}, {}, {}", sub ? "msub" : "madd", R(rd(i), i), R(rn(i), i),
                       R(rm(i), i), R(ra(i), i));
}
void execMulLong(ExecContext& cx, std::uint32_t i) { // SMADDL/SMSUBL/UMADDL/UMSUBL
    const bool u = bit1(i, 23);
    const std::uint64_t a = cx.W(rn(i)), b = cx.W(rm(i));
    const std::uint64_t prod =
        u ? a * b
          : static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(a)) *
                                       static_cast<std::int32_t>(b));
    cx.setX(rd(i), bit1(i, 15) ? cx.X(ra(i)) - prod : cx.X(ra(i)) + prod);
}
std::string disMulLong(std::uint32_t i, std::uint64_t) {
    const bool u = bit1(i, 23), sub = bit1(i, 15);
    const std::string d = regName(rd(i), true), n = regName(rn(i), false),
                      m = regName(rm(i), false);
    if (ra(i) == 31)
        return fmt::format("{}{}\t{}, {}, {}", u ? "u" : "s", sub ? "mnegl" : "mull", d, n, m);
    return fmt::format("{}{}\t{}, {}, {}, {}", u ? "u" : "s", sub ? "msubl" : "maddl", d, n, m,
                       regName(ra(i), true));
}
void execMulHigh(ExecContext& cx, std::uint32_t i) { // SMULH/UMULH
    if (bit1(i, 23)) {
        const u128 p = static_cast<u128>(cx.X(rn(i))) * cx.X(rm(i));
        cx.setX(rd(i), static_cast<std::uint64_t>(p >> 64));
    } else {
        const i128 p = static_cast<i128>(static_cast<std::int64_t>(cx.X(rn(i)))) *
                       static_cast<std::int64_t>(cx.X(rm(i)));
        cx.setX(rd(i), static_cast<std::uint64_t>(static_cast<u128>(p) >> 64));
    }
}
std::string disMulHigh(std::uint32_t i, std::uint64_t) {
    return fmt::format("{}\t{}, {}, {}", bit1(i, 23) ? "umulh" : "smulh", regName(rd(i), true),
                       regName(rn(i), true), regName(rm(i), true));
}

// ---- Data-processing (2 source)
// -------------------------------------------------------------------
void execDiv(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i);
    const std::uint64_t a = cx.X(rn(i)) & ones(n), b = cx.X(rm(i)) & ones(n);
    std::uint64_t result = 0;
    if (b != 0) {
        if (bit1(i, 10)) { // SDIV: round toward zero; INT_MIN / -1 wraps
            const std::int64_t sa = signExtend(a, n), sb = signExtend(b, n);
            result = (sa == std::numeric_limits<std::int64_t>::min() && sb == -1)
                         ? static_cast<std::uint64_t>(sa)
                         : static_cast<std::uint64_t>(sa / sb);
        } else {
            result = a / b;
        }
    }
    cx.setX(rd(i), result & ones(n));
}
void execShiftV(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i);
    const unsigned amount = static_cast<unsigned>(cx.X(rm(i)) % n);
    cx.setX(rd(i), ShiftReg(cx.X(rn(i)), static_cast<ShiftType>(bits(i, 11, 10)), amount, n));
}
std::string disTwoSource(std::uint32_t i, std::uint64_t) {
    const unsigned op = bits(i, 15, 10);
    const char* mn = op == 2 ? "udiv" : op == 3 ? "sdiv" : shiftName(op & 3);
    return fmt::format("{}\t{}, {}, {}", mn, R(rd(i), i), R(rn(i), i), R(rm(i), i));
}

// ---- Data-processing (1 source)
// --------------------------------------------------------------------
std::uint64_t reverseBytesIn(std::uint64_t v, unsigned container, unsigned n) {
    std::uint64_t out = 0;
    for (unsigned base = 0; base < n; base += container)
        for (unsigned b = 0; b < container; b += 8)
            out |= ((v >> (base + b)) & 0xFF) << (base + container - 8 - b);
    return out;
}
void execOneSource(ExecContext& cx, std::uint32_t i) {
    const unsigned n = dsize(i), op = bits(i, 15, 10);
    const std::uint64_t v = cx.X(rn(i)) & ones(n);
    std::uint64_t result = 0;
    switch (op) {
    case 0: // RBIT
        for (unsigned b = 0; b < n; ++b)
            if ((v >> b) & 1) result |= std::uint64_t{1} << (n - 1 - b);
        break;
    case 1: result = reverseBytesIn(v, 16, n); break;
    case 2: result = reverseBytesIn(v, 32, n); break;
    case 3: result = reverseBytesIn(v, 64, n); break;
    case 4:
        result = n == 64 ? std::countl_zero(v) : std::countl_zero(static_cast<std::uint32_t>(v));
        break;
    case 5: { // CLS
        const std::uint64_t x = (v ^ (v >> 1)) & ones(n - 1);
        // CLS = CountLeadingZeroBits(x[N-1:1] EOR x[N-2:0]): bit N-1 of x is always 0.
        result =
            (n == 64 ? std::countl_zero(x) : std::countl_zero(static_cast<std::uint32_t>(x))) - 1;
        break;
    }
    default: break;
    }
    cx.setX(rd(i), result & ones(n));
}
bool validOneSource(std::uint32_t i) {
    const unsigned op = bits(i, 15, 10);
    return op <= 5 && !(op == 3 && !sf(i));
}
std::string disOneSource(std::uint32_t i, std::uint64_t) {
    const unsigned op = bits(i, 15, 10);
    const char* mn = "rbit";
    switch (op) {
    case 1: mn = "rev16"; break;
    case 2: mn = sf(i) ? "rev32" : "rev"; break;
    case 3: mn = "rev"; break;
    case 4: mn = "clz"; break;
    case 5: mn = "cls"; break;
    default: break;
    }
    return fmt::format("{}\t{}, {}", mn, R(rd(i), i), R(rn(i), i));
}

// clang-format off
const InsnDef kIntegerInsns[] = {
    withFast(insn("0 xx 10000 xxxxxxxxxxxxxxxxxxx xxxxx", "ADR_only_pcreladdr", execAdr, disAdr, T::IntAlu), fastAdr),
    withFast(insn("1 xx 10000 xxxxxxxxxxxxxxxxxxx xxxxx", "ADRP_only_pcreladdr", execAdrp, disAdrp, T::IntAlu), fastAdrp),
    withFast(insn("x xx 100010 x xxxxxxxxxxxx xxxxx xxxxx", "ADD_SUB_addsub_imm", execAddSubImm, disAddSubImm, T::IntAlu), fastAddSubImm),
    withFast(insn("x xx 100100 x xxxxxx xxxxxx xxxxx xxxxx", "LOGICAL_log_imm", execLogicalImm, disLogicalImm, T::IntAlu, validLogicalImm), fastLogicalImm),
    withFast(insn("x xx 100101 xx xxxxxxxxxxxxxxxx xxxxx", "MOVN_MOVZ_MOVK_movewide", execMoveWide, disMoveWide, T::IntAlu, validMoveWide), fastMoveWide),
    withFast(insn("x xx 100110 x xxxxxx xxxxxx xxxxx xxxxx", "SBFM_BFM_UBFM_bitfield", execBitfield, disBitfield, T::IntAlu, validBitfield), fastBitfield),
    insn("x 00 100111 x 0 xxxxx xxxxxx xxxxx xxxxx", "EXTR_extract", execExtr, disExtr, T::IntAlu, validExtr),
    withFast(insn("x xx 01010 xx x xxxxx xxxxxx xxxxx xxxxx", "LOGICAL_log_shift", execLogicalReg, disLogicalReg, T::IntAlu, validShiftAmount), fastLogicalReg),
    withFast(insn("x xx 01011 xx 0 xxxxx xxxxxx xxxxx xxxxx", "ADD_SUB_addsub_shift", execAddSubShifted, disAddSubShifted, T::IntAlu, validAddSubShifted), fastAddSubShifted),
    withFast(insn("x xx 01011 00 1 xxxxx xxxxxx xxxxx xxxxx", "ADD_SUB_addsub_ext", execAddSubExt, disAddSubExt, T::IntAlu, validAddSubExt), fastAddSubExt),
    insn("x xx 11010000 xxxxx 000000 xxxxx xxxxx", "ADC_SBC_addsub_carry", execAdcSbc, disAdcSbc, T::IntAlu),
    withFast(insn("x x1 11010010 xxxxx xxxx x0 xxxxx 0 xxxx", "CCMN_CCMP_condcmp", execCondCompare, disCondCompare, T::IntAlu), fastCondCompare),
    withFast(insn("x x0 11010100 xxxxx xxxx 0x xxxxx xxxxx", "CSEL_CSINC_CSINV_CSNEG_condsel", execCondSelect, disCondSelect, T::IntAlu), fastCondSelect),
    withFast(insn("x 00 11011 000 xxxxx x xxxxx xxxxx xxxxx", "MADD_MSUB_dp_3src", execMulAdd, disMulAdd, T::IntMul), fastMulAdd),
    insn("1 00 11011 x01 xxxxx x xxxxx xxxxx xxxxx", "SMADDL_UMADDL_dp_3src", execMulLong, disMulLong, T::IntMul),
    insn("1 00 11011 x10 xxxxx 0 xxxxx xxxxx xxxxx", "SMULH_UMULH_dp_3src", execMulHigh, disMulHigh, T::IntMul),
    insn("x 0 0 11010110 xxxxx 00001x xxxxx xxxxx", "UDIV_SDIV_dp_2src", execDiv, disTwoSource, T::IntDiv),
    insn("x 0 0 11010110 xxxxx 0010xx xxxxx xxxxx", "LSLV_LSRV_ASRV_RORV_dp_2src", execShiftV, disTwoSource, T::IntAlu),
    insn("x 1 0 11010110 00000 xxxxxx xxxxx xxxxx", "RBIT_REV_CLZ_CLS_dp_1src", execOneSource, disOneSource, T::IntAlu, validOneSource),
};
// clang-format on

} // namespace

std::span<const InsnDef> integerInsns() {
    return kIntegerInsns;
}

} // namespace svesim::isa
