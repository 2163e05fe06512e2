// Fast forms of the branch rows (fast_exec.h), the rules of branch_insns.cpp with the offset
// and registers extracted at decode. A branch to itself or to a misaligned address is declined:
// the general path takes the PC alignment fault and sees a branch that spins for ever.
#include "fast_forms.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/exec_context.h"

namespace svesim::isa {
namespace {

using fast::width;

// The taken target, or the decline of a branch to itself.
std::uint64_t taken(std::uint64_t pc, std::uint64_t offset) {
    return offset == 0 ? kFastDeclined : pc + offset;
}

struct B {
    template <bool Link>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        if (o.imm == 0) return kFastDeclined;
        if constexpr (Link) cx.fastRegs()[30] = pc + 4;
        return pc + o.imm;
    }
};

struct BCond {
    template <bool>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        return ConditionHolds(o.cond, cx.pstate()) ? taken(pc, o.imm) : pc + 4;
    }
};

struct Cbz {
    template <bool Is64, bool NonZero>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        const std::uint64_t v = cx.fastRegs()[o.n] & ones(width(Is64));
        return (v == 0) != NonZero ? taken(pc, o.imm) : pc + 4;
    }
};

struct Tbz {
    template <bool NonZero>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        const bool set = ((cx.fastRegs()[o.n] >> o.amount) & 1) != 0;
        return set == NonZero ? taken(pc, o.imm) : pc + 4;
    }
};

// BR, RET (Link false) and BLR.
struct BranchReg {
    template <bool Link>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t* x = cx.fastRegs();
        const std::uint64_t target = x[o.n];
        if ((target & 3) != 0 || target == pc) return kFastDeclined;
        if constexpr (Link) x[30] = pc + 4;
        return target;
    }
};

std::uint64_t offset(std::uint32_t i, unsigned hi, unsigned lo) {
    return static_cast<std::uint64_t>(signExtend(bits(i, hi, lo), hi - lo + 1) * 4);
}

} // namespace

FastFn fastB(std::uint32_t i, FastOps& o) {
    o.imm = offset(i, 25, 0);
    return fast::pick<B>(bit1(i, 31));
}
FastFn fastBCond(std::uint32_t i, FastOps& o) {
    o.imm = offset(i, 23, 5);
    o.cond = static_cast<std::uint8_t>(bits(i, 3, 0));
    return fast::pick<BCond>(false);
}
FastFn fastCbz(std::uint32_t i, FastOps& o) {
    o.imm = offset(i, 23, 5);
    o.n = static_cast<std::uint8_t>(rt(i));
    return fast::pick<Cbz>(bit1(i, 31), bit1(i, 24));
}
FastFn fastTbz(std::uint32_t i, FastOps& o) {
    o.imm = offset(i, 18, 5);
    o.n = static_cast<std::uint8_t>(rt(i));
    o.amount = static_cast<std::uint8_t>((bits(i, 31, 31) << 5) | bits(i, 23, 19));
    return fast::pick<Tbz>(bit1(i, 24));
}
FastFn fastBranchReg(std::uint32_t i, FastOps& o) {
    o.n = static_cast<std::uint8_t>(rn(i));
    return fast::pick<BranchReg>(bits(i, 22, 21) == 1);
}

} // namespace svesim::isa
