// Fast forms of the integer data-processing rows (fast_exec.h): the rules int_insns.cpp
// applies (AddWithCarry, ShiftReg, DecodeBitMasks, ConditionHolds), with the operands
// extracted at decode and one handler per form.
#include "fast_forms.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/exec_context.h"

namespace svesim::isa {
namespace {

using fast::dest;
using fast::width;

constexpr ShiftType shiftType(bool t1, bool t0) {
    return static_cast<ShiftType>((t1 ? 2 : 0) | (t0 ? 1 : 0));
}
// AND, ORR, EOR, ANDS by opc.
template <bool O1, bool O0>
std::uint64_t logicalOp(std::uint64_t a, std::uint64_t b) {
    if constexpr (!O1 && O0)
        return a | b;
    else if constexpr (O1 && !O0)
        return a ^ b;
    else
        return a & b;
}
// ANDS/BICS: N and Z from the result, C and V cleared.
void setLogicalFlags(ExecContext& cx, std::uint64_t result, unsigned n) {
    PState& p = cx.pstate();
    p.n = ((result >> (n - 1)) & 1) != 0;
    p.z = result == 0;
    p.c = p.v = false;
}

struct Adr {
    template <bool Page>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        cx.fastRegs()[o.d] = (Page ? pc & ~std::uint64_t{0xFFF} : pc) + o.imm;
        return pc + 4;
    }
};

// ADD/ADDS/SUB/SUBS (immediate, or extended register when Ext): Rn is SP when 31, Rd is SP
// when 31 without flags.
struct AddSubSp {
    template <bool Is64, bool Sub, bool Flags, bool SpN, bool SpD, bool Ext>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        const std::uint64_t op1 = SpN ? cx.fastSP() : x[o.n];
        const std::uint64_t op2 = Ext ? ExtendReg(x[o.m], o.cond, o.amount, width(Is64)) : o.imm;
        const AddResult r = AddWithCarry(op1, Sub ? ~op2 : op2, Sub, width(Is64));
        if constexpr (Flags) setNZCV(cx.pstate(), r);
        if constexpr (SpD)
            cx.fastSP() = r.value;
        else
            x[o.d] = r.value;
        return pc + 4;
    }
};

struct AddSubShifted {
    template <bool Is64, bool Sub, bool Flags, bool T1, bool T0>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        const std::uint64_t op2 = ShiftReg(x[o.m], shiftType(T1, T0), o.amount, width(Is64));
        const AddResult r = AddWithCarry(x[o.n], Sub ? ~op2 : op2, Sub, width(Is64));
        if constexpr (Flags) setNZCV(cx.pstate(), r);
        x[o.d] = r.value;
        return pc + 4;
    }
};

struct LogicalImm {
    template <bool Is64, bool O1, bool O0, bool SpD>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        const std::uint64_t result = logicalOp<O1, O0>(x[o.n], o.imm) & ones(width(Is64));
        if constexpr (O1 && O0) setLogicalFlags(cx, result, width(Is64));
        if constexpr (SpD)
            cx.fastSP() = result;
        else
            x[o.d] = result;
        return pc + 4;
    }
};

struct LogicalReg {
    template <bool Is64, bool O1, bool O0, bool Invert, bool T1, bool T0>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        std::uint64_t op2 = ShiftReg(x[o.m], shiftType(T1, T0), o.amount, width(Is64));
        if constexpr (Invert) op2 = ~op2;
        const std::uint64_t result = logicalOp<O1, O0>(x[o.n], op2) & ones(width(Is64));
        if constexpr (O1 && O0) setLogicalFlags(cx, result, width(Is64));
        x[o.d] = result;
        return pc + 4;
    }
};

// MOVZ/MOVN: the value is known at decode; MOVK keeps the other halfwords (imm2).
struct MoveWide {
    template <bool Keep>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        x[o.d] = Keep ? (x[o.d] & o.imm2) | o.imm : o.imm;
        return pc + 4;
    }
};

// SBFM (opc 0), BFM (1), UBFM (2): wmask in imm, tmask in imm2, immr in amount, imms in a.
struct Bitfield {
    template <bool Is64, bool O1, bool O0>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        constexpr unsigned n = width(Is64);
        constexpr bool bfm = !O1 && O0, sbfm = !O1 && !O0;
        std::uint64_t* x = cx.fastRegs();
        const std::uint64_t src = x[o.n];
        const std::uint64_t dst = bfm ? x[o.d] : 0;
        const std::uint64_t bot = (dst & ~o.imm) | (ror(src, o.amount, n) & o.imm);
        std::uint64_t top = dst;
        if constexpr (sbfm) top = ((src >> o.a) & 1) ? ones(n) : 0;
        x[o.d] = ((top & ~o.imm2) | (bot & o.imm2)) & ones(n);
        return pc + 4;
    }
};

// CSEL, CSINC, CSINV, CSNEG.
struct CondSelect {
    template <bool Is64, bool Op1, bool Op0>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        std::uint64_t result = 0;
        if (ConditionHolds(o.cond, cx.pstate())) {
            result = x[o.n];
        } else {
            result = x[o.m];
            if constexpr (!Op1 && Op0) result += 1;
            if constexpr (Op1 && !Op0) result = ~result;
            if constexpr (Op1 && Op0) result = ~result + 1;
        }
        x[o.d] = result & ones(width(Is64));
        return pc + 4;
    }
};

// CCMN/CCMP (register or immediate): the comparison when the condition holds, else the flags
// of nzcv (imm2).
struct CondCompare {
    template <bool Is64, bool Sub, bool Imm>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        PState& p = cx.pstate();
        if (ConditionHolds(o.cond, p)) {
            std::uint64_t* x = cx.fastRegs();
            const std::uint64_t op2 = Imm ? o.imm : x[o.m];
            setNZCV(p, AddWithCarry(x[o.n], Sub ? ~op2 : op2, Sub, width(Is64)));
        } else {
            p.n = (o.imm2 & 8) != 0;
            p.z = (o.imm2 & 4) != 0;
            p.c = (o.imm2 & 2) != 0;
            p.v = (o.imm2 & 1) != 0;
        }
        return pc + 4;
    }
};

// MADD/MSUB.
struct MulAdd {
    template <bool Is64, bool Sub>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        const std::uint64_t prod = x[o.n] * x[o.m];
        x[o.d] = (Sub ? x[o.a] - prod : x[o.a] + prod) & ones(width(Is64));
        return pc + 4;
    }
};

// NOP and the hints that execute as NOP.
struct Nop {
    template <bool>
    static std::uint64_t fn(ExecContext&, const FastOps&, std::uint64_t pc) {
        return pc + 4;
    }
};

std::int64_t adrOffset(std::uint32_t i) {
    return signExtend((bits(i, 23, 5) << 2) | bits(i, 30, 29), 21);
}

} // namespace

FastFn fastAdr(std::uint32_t i, FastOps& o) {
    o.d = dest(rd(i));
    o.imm = static_cast<std::uint64_t>(adrOffset(i));
    return fast::pick<Adr>(false);
}
FastFn fastAdrp(std::uint32_t i, FastOps& o) {
    o.d = dest(rd(i));
    o.imm = static_cast<std::uint64_t>(adrOffset(i)) << 12;
    return fast::pick<Adr>(true);
}

// ADD/ADDS/SUB/SUBS (immediate): Rn is SP when 31, Rd is SP when 31 without flags.
FastFn fastAddSubImm(std::uint32_t i, FastOps& o) {
    const bool flags = bit1(i, 29);
    o.imm = std::uint64_t{bits(i, 21, 10)} << (bit1(i, 22) ? 12 : 0);
    o.n = static_cast<std::uint8_t>(rn(i));
    o.d = flags ? dest(rd(i)) : static_cast<std::uint8_t>(rd(i));
    return fast::pick<AddSubSp>(bit1(i, 31), bit1(i, 30), flags, rn(i) == 31, !flags && rd(i) == 31,
                                false);
}

FastFn fastAddSubShifted(std::uint32_t i, FastOps& o) {
    o.d = dest(rd(i));
    o.n = static_cast<std::uint8_t>(rn(i));
    o.m = static_cast<std::uint8_t>(rm(i));
    o.amount = static_cast<std::uint8_t>(bits(i, 15, 10));
    return fast::pick<AddSubShifted>(bit1(i, 31), bit1(i, 30), bit1(i, 29), bit1(i, 23),
                                     bit1(i, 22));
}

// AND/ORR/EOR (immediate): Rd is SP when 31; ANDS writes XZR.
FastFn fastLogicalImm(std::uint32_t i, FastOps& o) {
    const unsigned n = width(bit1(i, 31));
    const auto m = DecodeBitMasks(bits(i, 22, 22), bits(i, 15, 10), bits(i, 21, 16), true, n);
    if (!m) return nullptr; // reserved: the row's validity check refused it already
    const bool flags = bits(i, 30, 29) == 3;
    o.imm = m->wmask;
    o.n = static_cast<std::uint8_t>(rn(i));
    o.d = flags ? dest(rd(i)) : static_cast<std::uint8_t>(rd(i));
    return fast::pick<LogicalImm>(bit1(i, 31), bit1(i, 30), bit1(i, 29), !flags && rd(i) == 31);
}

FastFn fastLogicalReg(std::uint32_t i, FastOps& o) {
    o.d = dest(rd(i));
    o.n = static_cast<std::uint8_t>(rn(i));
    o.m = static_cast<std::uint8_t>(rm(i));
    o.amount = static_cast<std::uint8_t>(bits(i, 15, 10));
    return fast::pick<LogicalReg>(bit1(i, 31), bit1(i, 30), bit1(i, 29), bit1(i, 21), bit1(i, 23),
                                  bit1(i, 22));
}

FastFn fastMoveWide(std::uint32_t i, FastOps& o) {
    const std::uint64_t mask = ones(width(bit1(i, 31)));
    const unsigned opc = bits(i, 30, 29), pos = bits(i, 22, 21) * 16;
    const std::uint64_t value = std::uint64_t{bits(i, 20, 5)} << pos;
    o.d = dest(rd(i));
    if (opc == 3) { // MOVK
        o.imm = value & mask;
        o.imm2 = ~(std::uint64_t{0xFFFF} << pos) & mask;
        return fast::pick<MoveWide>(true);
    }
    o.imm = (opc == 0 ? ~value : value) & mask; // MOVN : MOVZ
    return fast::pick<MoveWide>(false);
}

FastFn fastBitfield(std::uint32_t i, FastOps& o) {
    const unsigned n = width(bit1(i, 31)), r = bits(i, 21, 16), s = bits(i, 15, 10);
    const auto m = DecodeBitMasks(bits(i, 22, 22), s, r, false, n);
    if (!m) return nullptr;
    o.imm = m->wmask;
    o.imm2 = m->tmask;
    o.amount = static_cast<std::uint8_t>(r);
    o.a = static_cast<std::uint8_t>(s);
    o.n = static_cast<std::uint8_t>(rn(i));
    o.d = dest(rd(i));
    return fast::pick<Bitfield>(bit1(i, 31), bit1(i, 30), bit1(i, 29));
}

FastFn fastCondSelect(std::uint32_t i, FastOps& o) {
    o.d = dest(rd(i));
    o.n = static_cast<std::uint8_t>(rn(i));
    o.m = static_cast<std::uint8_t>(rm(i));
    o.cond = static_cast<std::uint8_t>(bits(i, 15, 12));
    return fast::pick<CondSelect>(bit1(i, 31), bit1(i, 30), bit1(i, 10));
}

FastFn fastAddSubExt(std::uint32_t i, FastOps& o) {
    const bool flags = bit1(i, 29);
    o.n = static_cast<std::uint8_t>(rn(i));
    o.m = static_cast<std::uint8_t>(rm(i));
    o.d = flags ? dest(rd(i)) : static_cast<std::uint8_t>(rd(i));
    o.cond = static_cast<std::uint8_t>(bits(i, 15, 13)); // option
    o.amount = static_cast<std::uint8_t>(bits(i, 12, 10));
    return fast::pick<AddSubSp>(bit1(i, 31), bit1(i, 30), flags, rn(i) == 31, !flags && rd(i) == 31,
                                true);
}

FastFn fastCondCompare(std::uint32_t i, FastOps& o) {
    o.n = static_cast<std::uint8_t>(rn(i));
    o.m = static_cast<std::uint8_t>(rm(i));
    o.imm = bits(i, 20, 16);
    o.imm2 = bits(i, 3, 0);
    o.cond = static_cast<std::uint8_t>(bits(i, 15, 12));
    return fast::pick<CondCompare>(bit1(i, 31), bit1(i, 30), bit1(i, 11));
}

FastFn fastMulAdd(std::uint32_t i, FastOps& o) {
    o.d = dest(rd(i));
    o.n = static_cast<std::uint8_t>(rn(i));
    o.m = static_cast<std::uint8_t>(rm(i));
    o.a = static_cast<std::uint8_t>(ra(i));
    return fast::pick<MulAdd>(bit1(i, 31), bit1(i, 15));
}

// HINT: WFE, WFI, SEV and SEVL (2 to 5) act; every other hint is a NOP here (system_insns.cpp).
FastFn fastHint(std::uint32_t i, FastOps&) {
    const unsigned op = bits(i, 11, 5);
    if (op >= 2 && op <= 5) return nullptr;
    return fast::pick<Nop>(false);
}

} // namespace svesim::isa
