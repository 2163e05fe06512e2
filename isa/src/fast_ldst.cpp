// Fast forms of the integer load/store rows (fast_exec.h): single registers (unsigned offset,
// unscaled, pre- and post-index, register offset) and pairs, the rules of ldst_insns.cpp with the
// operands extracted at decode. An access is made here only when it is naturally aligned, within
// one page of Normal memory that the per-page caches already translated, and in the direct window
// (ExecContext::fastData); an SP base is used only when it is 16-byte aligned. Anything else - a
// fault, an alignment or SP alignment check, Device memory, a backend access, a page of predecoded
// code, a marked exclusive monitor - is declined to the general path.
#include "fast_forms.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/exec_context.h"

#include <cstring>

namespace svesim::isa {
namespace {

using fast::dest;

constexpr unsigned sizeOf(bool s1, bool s0) {
    return 1U << ((s1 ? 2 : 0) | (s0 ? 1 : 0));
}

// The base register (SP when SpBase) and the access address, or false (declined) when SP is
// misaligned (the general path applies SCTLR_ELx.SA) or the address is not `align`-aligned.
template <bool SpBase, bool Post>
bool addressOf(ExecContext& cx, const FastOps& o, unsigned align, std::uint64_t& base,
               std::uint64_t& addr) {
    base = SpBase ? cx.fastSP() : cx.fastRegs()[o.n];
    if (SpBase && (base & 15) != 0) return false;
    addr = Post ? base : base + o.imm;
    return (addr & (align - 1)) == 0;
}
template <bool SpBase>
void writeBack(ExecContext& cx, const FastOps& o, std::uint64_t value) {
    if constexpr (SpBase)
        cx.fastSP() = value;
    else
        cx.fastRegs()[o.n] = value;
}

// The transfer of one register at `addr`: false (declined) unless naturally aligned and
// reachable through fastData.
template <unsigned Size, bool Signed, bool To64>
bool loadTo(ExecContext& cx, unsigned t, std::uint64_t addr) {
    if ((addr & (Size - 1)) != 0) return false;
    const std::uint8_t* p = cx.fastData(addr, Size, false);
    if (p == nullptr) return false;
    std::uint64_t v = 0;
    std::memcpy(&v, p, Size); // little-endian host and target
    if constexpr (Signed) {
        v = static_cast<std::uint64_t>(signExtend(v, Size * 8));
        if constexpr (!To64) v &= 0xFFFF'FFFF;
    }
    cx.fastRegs()[t] = v;
    return true;
}
template <unsigned Size>
bool storeFrom(ExecContext& cx, unsigned t, std::uint64_t addr) {
    if ((addr & (Size - 1)) != 0) return false;
    std::uint8_t* p = cx.fastData(addr, Size, true);
    if (p == nullptr) return false;
    const std::uint64_t v = cx.fastRegs()[t];
    std::memcpy(p, &v, Size);
    return true;
}

// Immediate offsets (unsigned, unscaled, pre- and post-index).
struct Load {
    template <bool S1, bool S0, bool Signed, bool To64, bool SpBase, bool Wback, bool Post>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        constexpr unsigned size = sizeOf(S1, S0);
        std::uint64_t base = 0, addr = 0;
        if (!addressOf<SpBase, Post>(cx, o, 1, base, addr) ||
            !loadTo<size, Signed, To64>(cx, o.d, addr))
            return kFastDeclined;
        if constexpr (Wback) writeBack<SpBase>(cx, o, base + o.imm);
        return pc + 4;
    }
};
struct Store {
    template <bool S1, bool S0, bool SpBase, bool Wback, bool Post>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t base = 0, addr = 0;
        if (!addressOf<SpBase, Post>(cx, o, 1, base, addr) ||
            !storeFrom<sizeOf(S1, S0)>(cx, o.d, addr))
            return kFastDeclined;
        if constexpr (Wback) writeBack<SpBase>(cx, o, base + o.imm);
        return pc + 4;
    }
};

// Register offsets: Rm extended by option (cond) and shifted by amount.
template <bool SpBase>
bool regOffsetAddress(ExecContext& cx, const FastOps& o, std::uint64_t& addr) {
    std::uint64_t base = 0;
    if (!addressOf<SpBase, true>(cx, o, 1, base, addr)) return false;
    addr = base + ExtendReg(cx.fastRegs()[o.m], o.cond, o.amount, 64);
    return true;
}
struct LoadReg {
    template <bool S1, bool S0, bool Signed, bool To64, bool SpBase>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t addr = 0;
        if (!regOffsetAddress<SpBase>(cx, o, addr) ||
            !loadTo<sizeOf(S1, S0), Signed, To64>(cx, o.d, addr))
            return kFastDeclined;
        return pc + 4;
    }
};
struct StoreReg {
    template <bool S1, bool S0, bool SpBase>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        std::uint64_t addr = 0;
        if (!regOffsetAddress<SpBase>(cx, o, addr) || !storeFrom<sizeOf(S1, S0)>(cx, o.d, addr))
            return kFastDeclined;
        return pc + 4;
    }
};

// LDP/STP/LDNP/STNP of W or X registers: Rt in d, Rt2 in a.
struct Pair {
    template <bool IsLoad, bool Is64, bool SpBase, bool Wback, bool Post>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        constexpr unsigned size = Is64 ? 8 : 4;
        std::uint64_t base = 0, addr = 0;
        if (!addressOf<SpBase, Post>(cx, o, size, base, addr)) return kFastDeclined;
        std::uint8_t* p = cx.fastData(addr, 2 * size, !IsLoad);
        if (p == nullptr) return kFastDeclined;
        std::uint64_t* x = cx.fastRegs();
        if constexpr (IsLoad) {
            std::uint64_t a = 0, b = 0;
            std::memcpy(&a, p, size);
            std::memcpy(&b, p + size, size);
            x[o.d] = a;
            x[o.a] = b;
        } else {
            const std::uint64_t a = x[o.d], b = x[o.a];
            std::memcpy(p, &a, size);
            std::memcpy(p + size, &b, size);
        }
        if constexpr (Wback) writeBack<SpBase>(cx, o, base + o.imm);
        return pc + 4;
    }
};

// A single integer transfer (no SIMD&FP, no PRFM): addressed by `offset` (reg_offset false)
// or by Rm (ops m, cond and amount set by the caller).
FastFn single(std::uint32_t i, FastOps& o, std::uint64_t offset, bool wback, bool post,
              bool reg_offset = false) {
    if (bit1(i, 26)) return nullptr; // SIMD&FP
    const unsigned size = bits(i, 31, 30), opc = bits(i, 23, 22);
    const bool s1 = (size & 2) != 0, s0 = (size & 1) != 0, sp = rn(i) == 31;
    o.n = static_cast<std::uint8_t>(rn(i));
    o.imm = offset;
    if (opc == 0) {
        o.d = static_cast<std::uint8_t>(rt(i)); // a store of 31 stores zero
        return reg_offset ? fast::pick<StoreReg>(s1, s0, sp)
                          : fast::pick<Store>(s1, s0, sp, wback, post);
    }
    if (opc == 2 && size == 3) return nullptr; // PRFM
    if (opc == 3 && size >= 2) return nullptr; // unallocated
    o.d = dest(rt(i));
    // opc 1: zero-extending; 2: LDRS* into X; 3: LDRS* into W.
    return reg_offset ? fast::pick<LoadReg>(s1, s0, opc >= 2, opc == 2, sp)
                      : fast::pick<Load>(s1, s0, opc >= 2, opc == 2, sp, wback, post);
}

} // namespace

FastFn fastLdStUnsigned(std::uint32_t i, FastOps& o) {
    return single(i, o, std::uint64_t{bits(i, 21, 10)} << bits(i, 31, 30), false, false);
}

// Unscaled (mode 00), post-index (01), pre-index (11); unprivileged (10) is not a fast form.
FastFn fastLdStImm9(std::uint32_t i, FastOps& o) {
    const unsigned mode = bits(i, 11, 10);
    if (mode == 2) return nullptr;
    return single(i, o, static_cast<std::uint64_t>(signExtend(bits(i, 20, 12), 9)), mode != 0,
                  mode == 1);
}

// Rm extended by option insn[15:13], shifted by the access size when S (insn[12]).
FastFn fastLdStRegOffset(std::uint32_t i, FastOps& o) {
    o.m = static_cast<std::uint8_t>(rm(i));
    o.cond = static_cast<std::uint8_t>(bits(i, 15, 13));
    o.amount = static_cast<std::uint8_t>(bit1(i, 12) ? bits(i, 31, 30) : 0);
    return single(i, o, 0, false, false, true);
}

FastFn fastLdStPair(std::uint32_t i, FastOps& o) {
    const unsigned opc = bits(i, 31, 30);
    if (bit1(i, 26) || (opc != 0 && opc != 2)) return nullptr; // SIMD&FP, LDPSW
    const bool is64 = opc == 2, load = bit1(i, 22);
    const unsigned mode = bits(i, 24, 23); // 00 no-allocate, 01 post, 10 offset, 11 pre
    o.imm = static_cast<std::uint64_t>(signExtend(bits(i, 21, 15), 7) * (is64 ? 8 : 4));
    o.n = static_cast<std::uint8_t>(rn(i));
    o.d = load ? dest(rt(i)) : static_cast<std::uint8_t>(rt(i));
    o.a = load ? dest(rt2(i)) : static_cast<std::uint8_t>(rt2(i));
    return fast::pick<Pair>(load, is64, rn(i) == 31, mode == 1 || mode == 3, mode == 1);
}

} // namespace svesim::isa
