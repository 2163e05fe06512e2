// A64 loads and stores: single register (unsigned offset, pre/post-index, unscaled, register
// offset, literal, unprivileged) for integer and SIMD&FP registers, pairs, exclusives and
// exclusive pairs, acquire/release and LOAcquire/StoreLORelease (ARM-M C6.2). SIMD&FP
// destinations are written through V[] (R12).
#include "fast_forms.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <cstring>
#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

// ---- What one register transfer is
// ---------------------------------------------------------------
struct Transfer {
    bool vector; // SIMD&FP register
    bool load;
    bool prefetch;    // PRFM: no architectural effect
    unsigned bytes;   // access size
    bool sign_extend; // LDRS*
    bool to64;        // LDRS* into an X register
};

// size:opc (and V) of the single-register forms; nothing for unallocated combinations.
std::optional<Transfer> decodeTransfer(std::uint32_t i) {
    const unsigned size = bits(i, 31, 30), opc = bits(i, 23, 22);
    if (bit1(i, 26)) { // SIMD&FP
        if (opc >= 2 && size != 0) return std::nullopt;
        const unsigned bytes = opc >= 2 ? 16 : 1U << size;
        return Transfer{true, (opc & 1) != 0, false, bytes, false, false};
    }
    const unsigned bytes = 1U << size;
    switch (opc) {
    case 0: return Transfer{false, false, false, bytes, false, false};
    case 1: return Transfer{false, true, false, bytes, false, false};
    case 2:
        if (size == 3) return Transfer{false, true, true, 8, false, false}; // PRFM
        return Transfer{false, true, false, bytes, true, true};
    default:
        if (size >= 2) return std::nullopt;
        return Transfer{false, true, false, bytes, true, false};
    }
}

// Performs the transfer at `addr` for register rt; false if the instruction faulted.
bool doTransfer(ExecContext& cx, const Transfer& t, unsigned reg, std::uint64_t addr) {
    if (t.prefetch) return true;
    if (t.vector) {
        std::array<std::uint8_t, 16> buf{};
        if (t.load) {
            if (!cx.load(addr, buf.data(), t.bytes, t.bytes)) return false;
            cx.setV(reg, std::span(buf.data(), t.bytes));
            return true;
        }
        const auto v = cx.sve().V(reg, t.bytes);
        return cx.store(addr, v.data(), t.bytes, t.bytes);
    }
    if (t.load) {
        std::uint64_t v = 0;
        if (!cx.load64(addr, v, t.bytes)) return false;
        if (t.sign_extend) {
            v = static_cast<std::uint64_t>(signExtend(v, t.bytes * 8));
            if (!t.to64) v &= 0xFFFF'FFFF;
        }
        cx.setX(reg, v);
        return true;
    }
    return cx.store64(addr, cx.X(reg), t.bytes);
}

// Addressing: the base register (SP when 31), then the access, then writeback.
void access(ExecContext& cx, std::uint32_t i, const Transfer& t, std::int64_t offset, bool wback,
            bool post) {
    if (t.vector && !cx.checkFPEnabled()) return;
    if (!t.prefetch && !cx.checkSPAlignment(rn(i))) return; // PRFM does not check SP
    const std::uint64_t base = cx.XorSP(rn(i));
    const std::uint64_t addr = post ? base : base + static_cast<std::uint64_t>(offset);
    if (!doTransfer(cx, t, rt(i), addr)) return;
    if (wback) cx.setXorSP(rn(i), base + static_cast<std::uint64_t>(offset));
}

bool validSingle(std::uint32_t i) {
    return decodeTransfer(i).has_value();
}
// Pre- and post-indexed forms have no PRFM (size = 11, opc = 10, V = 0 is unallocated there).
bool validIndexed(std::uint32_t i) {
    return validSingle(i) && !(bits(i, 31, 30) == 3 && bits(i, 23, 22) == 2 && !bit1(i, 26));
}

void execUnsignedOffset(ExecContext& cx, std::uint32_t i) {
    const Transfer t = *decodeTransfer(i);
    access(cx, i, t, static_cast<std::int64_t>(bits(i, 21, 10)) * t.bytes, false, false);
}
// Unscaled (00), post-index (01), unprivileged (10), pre-index (11).
void execImm9(ExecContext& cx, std::uint32_t i) {
    const Transfer t = *decodeTransfer(i);
    const unsigned mode = bits(i, 11, 10);
    cx.unprivileged_access = mode == 2; // LDTR/STTR: AccType_UNPRIV
    access(cx, i, t, signExtend(bits(i, 20, 12), 9), (mode & 1) != 0, mode == 1);
}
void execRegOffset(ExecContext& cx, std::uint32_t i) {
    const Transfer t = *decodeTransfer(i);
    const unsigned shift = bit1(i, 12) ? static_cast<unsigned>(__builtin_ctz(t.bytes)) : 0;
    const std::uint64_t off = ExtendReg(cx.X(rm(i)), bits(i, 15, 13), shift, 64);
    access(cx, i, t, static_cast<std::int64_t>(off), false, false);
}
bool validRegOffset(std::uint32_t i) {
    return validSingle(i) && bit1(i, 14);
} // option<1> == 1

// ---- Unprivileged (LDTR/STTR family)
// ------------------------------------------------------------------------------
// At EL1 with PSTATE.UAO == 0 (and at EL2 in a host EL2&0 regime) these access memory with
// EL0's permissions (ExecContext::translateData); elsewhere they are ordinary accesses.
bool validUnprivileged(std::uint32_t i) { // integer registers only, no prefetch
    const auto t = decodeTransfer(i);
    return t.has_value() && !t->vector && !t->prefetch;
}

// ---- Literal
// ------------------------------------------------------------------------------------------
std::int64_t literalOffset(std::uint32_t i) {
    return signExtend(bits(i, 23, 5), 19) * 4;
}
void execLiteral(ExecContext& cx, std::uint32_t i) {
    const unsigned opc = bits(i, 31, 30);
    const std::uint64_t addr = cx.pc() + static_cast<std::uint64_t>(literalOffset(i));
    Transfer t{};
    if (bit1(i, 26)) {
        t = Transfer{true, true, false, 4U << opc, false, false};
        if (!cx.checkFPEnabled()) return;
    } else {
        t = opc == 3 ? Transfer{false, true, true, 8, false, false}
                     : Transfer{false, true, false, opc == 1 ? 8U : 4U, opc == 2, true};
    }
    doTransfer(cx, t, rt(i), addr);
}
bool validLiteral(std::uint32_t i) {
    return !(bit1(i, 26) && bits(i, 31, 30) == 3);
}

// ---- Disassembly of single-register forms
// --------------------------------------------------------------
std::string prfop(unsigned v) {
    static constexpr const char* kTypes[4] = {"pld", "pli", "pst", "?"};
    const unsigned type = v >> 3, target = (v >> 1) & 3;
    if (type <= 2 && target <= 2)
        return fmt::format("{}l{}{}", kTypes[type], target + 1, (v & 1) ? "strm" : "keep");
    return fmt::format("#{}", v);
}
std::string vregName(unsigned n, unsigned bytes) {
    const char c = bytes == 1 ? 'b' : bytes == 2 ? 'h' : bytes == 4 ? 's' : bytes == 8 ? 'd' : 'q';
    return fmt::format("{}{}", c, n);
}
std::string mnemonic(const Transfer& t, bool unscaled) {
    if (t.prefetch) return unscaled ? "prfum" : "prfm";
    std::string m = t.load ? (unscaled ? "ldur" : "ldr") : (unscaled ? "stur" : "str");
    if (t.sign_extend) m += "s";
    if (!t.vector) {
        if (t.bytes == 1) m += "b";
        if (t.bytes == 2) m += "h";
        if (t.bytes == 4 && t.sign_extend) m += "w";
    }
    return m;
}
std::string rtName(const Transfer& t, std::uint32_t i) {
    if (t.prefetch) return prfop(rt(i));
    if (t.vector) return vregName(rt(i), t.bytes);
    const bool x = t.sign_extend ? t.to64 : t.bytes == 8;
    return regName(rt(i), x);
}
std::string base(std::uint32_t i) {
    return regName(rn(i), true, true);
}

std::string disUnsignedOffset(std::uint32_t i, std::uint64_t) {
    const Transfer t = *decodeTransfer(i);
    const std::uint64_t off = bits(i, 21, 10) * t.bytes;
    if (off == 0) return fmt::format("{}\t{}, [{}]", mnemonic(t, false), rtName(t, i), base(i));
    return fmt::format("{}\t{}, [{}, #{}]", mnemonic(t, false), rtName(t, i), base(i), off);
}
std::string disImm9(std::uint32_t i, std::uint64_t) {
    const Transfer t = *decodeTransfer(i);
    const std::int64_t off = signExtend(bits(i, 20, 12), 9);
    switch (bits(i, 11, 10)) {
    case 0:
        if (off == 0) return fmt::format("{}\t{}, [{}]", mnemonic(t, true), rtName(t, i), base(i));
        return fmt::format("{}\t{}, [{}, #{}]", mnemonic(t, true), rtName(t, i), base(i), off);
    case 1: return fmt::format("{}\t{}, [{}], #{}", mnemonic(t, false), rtName(t, i), base(i), off);
    default:
        return fmt::format("{}\t{}, [{}, #{}]!", mnemonic(t, false), rtName(t, i), base(i), off);
    }
}
std::string disUnprivileged(std::uint32_t i, std::uint64_t) {
    const Transfer t = *decodeTransfer(i);
    // LDTR/STTR spell like LDR/STR with a 't' after the "ld"/"st": ldtrsb, sttrh.
    const std::string plain = mnemonic(t, false);
    const std::string m = fmt::format("{}t{}", plain.substr(0, 2), plain.substr(2));
    const std::int64_t off = signExtend(bits(i, 20, 12), 9);
    if (off == 0) return fmt::format("{}\t{}, [{}]", m, rtName(t, i), base(i));
    return fmt::format("{}\t{}, [{}, #{}]", m, rtName(t, i), base(i), off);
}
std::string disRegOffset(std::uint32_t i, std::uint64_t) {
    const Transfer t = *decodeTransfer(i);
    const unsigned option = bits(i, 15, 13);
    const bool s = bit1(i, 12);
    const unsigned amount = static_cast<unsigned>(__builtin_ctz(t.bytes));
    const std::string m = regName(rm(i), (option & 1) != 0);
    std::string ext;
    if (option == 3)
        ext = s ? fmt::format(", lsl #{}", amount) : "";
    else
        ext = s ? fmt::format(", {} #{}", extendName(option), amount)
                : fmt::format(", {}", extendName(option));
    return fmt::format("{}\t{}, [{}, {}{}]", mnemonic(t, false), rtName(t, i), base(i), m, ext);
}
std::string disLiteral(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 31, 30);
    if (bit1(i, 26))
        return fmt::format("ldr\t{}, #{}", vregName(rt(i), 4U << opc), literalOffset(i));
    if (opc == 3) return fmt::format("prfm\t{}, #{}", prfop(rt(i)), literalOffset(i));
    return fmt::format("{}\t{}, #{}", opc == 2 ? "ldrsw" : "ldr", regName(rt(i), opc != 0),
                       literalOffset(i));
}

// ---- Pairs
// -------------------------------------------------------------------------------------------------
struct PairShape {
    bool vector, load, signed32;
    unsigned bytes;
};
std::optional<PairShape> decodePair(std::uint32_t i) {
    const unsigned opc = bits(i, 31, 30);
    const bool v = bit1(i, 26), l = bit1(i, 22);
    if (opc == 3) return std::nullopt;
    if (v) return PairShape{true, l, false, 4U << opc};
    if (opc == 1 && !l) return std::nullopt;                   // STPSW does not exist
    if (opc == 1 && bits(i, 24, 23) == 0) return std::nullopt; // no LDNP of LDPSW
    return PairShape{false, l, opc == 1, opc == 2 ? 8U : 4U};
}
bool validPair(std::uint32_t i) {
    return decodePair(i).has_value();
}
void execPair(ExecContext& cx, std::uint32_t i) {
    const PairShape p = *decodePair(i);
    const unsigned mode = bits(i, 24, 23); // 00 no-allocate, 01 post, 10 offset, 11 pre
    const std::int64_t off = signExtend(bits(i, 21, 15), 7) * p.bytes;
    const bool wback = mode == 1 || mode == 3, post = mode == 1;
    if (p.vector && !cx.checkFPEnabled()) return;
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t basev = cx.XorSP(rn(i));
    const std::uint64_t addr = post ? basev : basev + static_cast<std::uint64_t>(off);
    const Transfer t{p.vector, p.load, false, p.bytes, p.signed32, p.signed32};
    if (p.load && !p.vector) {
        // Load both before writing either, so that a fault leaves the registers unchanged.
        std::uint64_t a = 0, b = 0;
        if (!cx.load64(addr, a, p.bytes) || !cx.load64(addr + p.bytes, b, p.bytes)) return;
        if (p.signed32) {
            a = static_cast<std::uint64_t>(signExtend(a, 32));
            b = static_cast<std::uint64_t>(signExtend(b, 32));
        }
        cx.setX(rt(i), a);
        cx.setX(rt2(i), b);
    } else if (p.load) {
        std::array<std::uint8_t, 32> buf{};
        if (!cx.load(addr, buf.data(), p.bytes, p.bytes) ||
            !cx.load(addr + p.bytes, buf.data() + 16, p.bytes, p.bytes))
            return;
        cx.setV(rt(i), std::span(buf.data(), p.bytes));
        cx.setV(rt2(i), std::span(buf.data() + 16, p.bytes));
    } else {
        if (!doTransfer(cx, t, rt(i), addr) || !doTransfer(cx, t, rt2(i), addr + p.bytes)) return;
    }
    if (wback) cx.setXorSP(rn(i), basev + static_cast<std::uint64_t>(off));
}
std::string disPair(std::uint32_t i, std::uint64_t) {
    const PairShape p = *decodePair(i);
    const unsigned mode = bits(i, 24, 23);
    const std::int64_t off = signExtend(bits(i, 21, 15), 7) * p.bytes;
    std::string mn = mode == 0 ? (p.load ? "ldnp" : "stnp") : (p.load ? "ldp" : "stp");
    if (p.signed32) mn += "sw";
    const auto reg = [&](unsigned n) {
        return p.vector ? vregName(n, p.bytes) : regName(n, p.bytes == 8 || p.signed32);
    };
    const std::string regs = fmt::format("{}, {}", reg(rt(i)), reg(rt2(i)));
    if (mode == 1) return fmt::format("{}\t{}, [{}], #{}", mn, regs, base(i), off);
    if (mode == 3) return fmt::format("{}\t{}, [{}, #{}]!", mn, regs, base(i), off);
    if (off == 0) return fmt::format("{}\t{}, [{}]", mn, regs, base(i));
    return fmt::format("{}\t{}, [{}, #{}]", mn, regs, base(i), off);
}

// ---- Exclusives and acquire/release
// -----------------------------------------------------------------------
unsigned exSize(std::uint32_t i) {
    return 1U << bits(i, 31, 30);
}
// The physical address the global monitor is keyed by (AArch64.SetExclusiveMonitors and
// AArch64.ExclusiveMonitorsPass use memaddrdesc.paddress, so aliases of one PA meet): the
// translation of an aligned exclusive access (within one page; after the access itself it
// hits the per-page cache). False with the abort recorded.
bool exclusivePA(ExecContext& cx, std::uint64_t va, unsigned size, bool write, std::uint64_t& pa) {
    if (!cx.translating()) {
        pa = va;
        return true;
    }
    return cx.translateData(va, size, size, write, pa);
}
// AArch64.SetExclusiveMonitors after a successful load-exclusive: the local monitor by VA
// (AArch64.MarkExclusiveVA), the global one by PA.
void setExclusiveMonitors(ExecContext& cx, std::uint64_t va, unsigned size) {
    cx.monitor = ExclusiveMonitor{true, va, size};
    GlobalMonitor* g = cx.globalMonitor();
    std::uint64_t pa = 0;
    if (g != nullptr && exclusivePA(cx, va, size, false, pa))
        g->MarkExclusiveGlobal(cx.peIndex(), pa);
}
void execLoadExclusive(ExecContext& cx, std::uint32_t i) { // LDXR, LDAXR
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t addr = cx.XorSP(rn(i));
    std::uint64_t v = 0;
    if (!cx.load64(addr, v, exSize(i), AccessKind::Ordered)) return;
    setExclusiveMonitors(cx, addr, exSize(i));
    cx.setX(rt(i), v);
}
// AArch64.ExclusiveMonitorsPass, then the store of `size` bytes from `data` when it passes, and
// the status into Ws (0 stored, 1 not).
void storeExclusive(ExecContext& cx, std::uint32_t i, const void* data, unsigned size) {
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t addr = cx.XorSP(rn(i));
    const unsigned status_reg = rm(i);
    GlobalMonitor* global = cx.globalMonitor();
    // IsExclusiveVA first; only then the translation (its abort is taken) and the global
    // monitor by PA.
    bool pass = cx.monitor.open && cx.monitor.address == addr && cx.monitor.size == size;
    if (pass && global != nullptr && (addr & (size - 1)) == 0) {
        std::uint64_t pa = 0;
        if (!exclusivePA(cx, addr, size, true, pa)) return;
        pass = global->IsExclusiveGlobal(cx.peIndex(), pa);
    }
    if (pass && !cx.store(addr, data, size, size, AccessKind::Ordered)) return;
    // Alignment is checked even when failing, as a write (AArch64.ExclusiveMonitorsPass). A
    // misaligned Ordered access faults before reaching memory, so nothing is stored.
    static constexpr std::array<std::uint8_t, 16> kNothing{};
    if (!pass && (addr & (size - 1)) != 0 &&
        !cx.store(addr, kNothing.data(), size, size, AccessKind::Ordered))
        return;
    cx.monitor.open = false;
    if (global != nullptr) global->ClearExclusiveGlobal(cx.peIndex());
    cx.setW(status_reg, pass ? 0 : 1);
}
void execStoreExclusive(ExecContext& cx, std::uint32_t i) { // STXR, STLXR
    const std::uint64_t v = cx.X(rt(i));
    storeExclusive(cx, i, &v, exSize(i));
}

// ---- Exclusive pairs: one access of both registers, aligned to its whole size
// -----------------------------------------------------------------------------
unsigned pairHalf(std::uint32_t i) { // each register's bytes: sz, insn[30]
    return bit1(i, 30) ? 8 : 4;
}
void execLoadExclusivePair(ExecContext& cx, std::uint32_t i) { // LDXP, LDAXP
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t addr = cx.XorSP(rn(i));
    const unsigned half = pairHalf(i);
    std::array<std::uint8_t, 16> buf{};
    if (!cx.load(addr, buf.data(), 2 * half, 2 * half, AccessKind::Ordered)) return;
    setExclusiveMonitors(cx, addr, 2 * half);
    std::uint64_t first = 0, second = 0; // the first register takes the lower address
    std::memcpy(&first, buf.data(), half);
    std::memcpy(&second, buf.data() + half, half);
    cx.setX(rt(i), first);
    cx.setX(rt2(i), second);
}
void execStoreExclusivePair(ExecContext& cx, std::uint32_t i) { // STXP, STLXP
    const unsigned half = pairHalf(i);
    const std::uint64_t first = cx.X(rt(i)), second = cx.X(rt2(i));
    std::array<std::uint8_t, 16> buf{};
    std::memcpy(buf.data(), &first, half);
    std::memcpy(buf.data() + half, &second, half);
    storeExclusive(cx, i, buf.data(), 2 * half);
}
std::string disExclusivePair(std::uint32_t i, std::uint64_t) {
    const bool load = bit1(i, 22), o0 = bit1(i, 15), x = bit1(i, 30);
    const std::string regs =
        fmt::format("{}, {}, [{}]", regName(rt(i), x), regName(rt2(i), x), base(i));
    if (load) return fmt::format("{}\t{}", o0 ? "ldaxp" : "ldxp", regs);
    return fmt::format("{}\t{}, {}", o0 ? "stlxp" : "stxp", regName(rm(i), false), regs);
}

void execLoadAcquire(ExecContext& cx, std::uint32_t i) { // LDAR
    if (!cx.checkSPAlignment(rn(i))) return;
    std::uint64_t v = 0;
    if (!cx.load64(cx.XorSP(rn(i)), v, exSize(i), AccessKind::Ordered)) return;
    cx.setX(rt(i), v);
}
void execStoreRelease(ExecContext& cx, std::uint32_t i) { // STLR
    if (!cx.checkSPAlignment(rn(i))) return;
    cx.store64(cx.XorSP(rn(i)), cx.X(rt(i)), exSize(i), AccessKind::Ordered);
}
std::string sizeSuffix(std::uint32_t i) {
    const unsigned size = bits(i, 31, 30);
    return size == 0 ? "b" : size == 1 ? "h" : "";
}
std::string disExclusive(std::uint32_t i, std::uint64_t) {
    const bool load = bit1(i, 22), o0 = bit1(i, 15), o2 = bit1(i, 23);
    const bool x = bits(i, 31, 30) == 3;
    std::string mn;
    if (o2 && o0)
        mn = load ? "ldar" : "stlr";
    else if (o2) // FEAT_LOR: LoadLOAcquire, StoreLORelease
        mn = load ? "ldlar" : "stllr";
    else if (load)
        mn = o0 ? "ldaxr" : "ldxr";
    else
        mn = o0 ? "stlxr" : "stxr";
    mn += sizeSuffix(i);
    if (!o2 && !load)
        return fmt::format("{}\t{}, {}, [{}]", mn, regName(rm(i), false), regName(rt(i), x),
                           base(i));
    return fmt::format("{}\t{}, [{}]", mn, regName(rt(i), x), base(i));
}

// The exclusive and ordered rows accept any value in their should-be-one register fields (Rs,
// Rt2 where unused): CONSTRAINED UNPREDICTABLE, and svesim, like LLVM, ignores them.
// clang-format off
const InsnDef kLoadStoreInsns[] = {
    withFast(insn("xx 111 0 01 00 xxxxxxxxxxxx xxxxx xxxxx", "LDR_STR_ldst_pos", execUnsignedOffset, disUnsignedOffset, T::Store, validSingle), fastLdStUnsigned),
    withFast(insn("xx 111 0 01 xx xxxxxxxxxxxx xxxxx xxxxx", "LDR_STR_ldst_pos", execUnsignedOffset, disUnsignedOffset, T::Load, validSingle), fastLdStUnsigned),
    withFast(insn("xx 111 1 01 x0 xxxxxxxxxxxx xxxxx xxxxx", "LDR_STR_ldst_pos", execUnsignedOffset, disUnsignedOffset, T::Store, validSingle), fastLdStUnsigned),
    withFast(insn("xx 111 1 01 x1 xxxxxxxxxxxx xxxxx xxxxx", "LDR_STR_ldst_pos", execUnsignedOffset, disUnsignedOffset, T::Load, validSingle), fastLdStUnsigned),
    withFast(insn("xx 111 0 00 00 0 xxxxxxxxx 00 xxxxx xxxxx", "LDUR_STUR_ldst_unscaled", execImm9, disImm9, T::Store, validSingle), fastLdStImm9),
    withFast(insn("xx 111 0 00 xx 0 xxxxxxxxx 00 xxxxx xxxxx", "LDUR_STUR_ldst_unscaled", execImm9, disImm9, T::Load, validSingle), fastLdStImm9),
    withFast(insn("xx 111 1 00 x0 0 xxxxxxxxx 00 xxxxx xxxxx", "LDUR_STUR_ldst_unscaled", execImm9, disImm9, T::Store, validSingle), fastLdStImm9),
    withFast(insn("xx 111 1 00 x1 0 xxxxxxxxx 00 xxxxx xxxxx", "LDUR_STUR_ldst_unscaled", execImm9, disImm9, T::Load, validSingle), fastLdStImm9),
    withFast(insn("xx 111 0 00 00 0 xxxxxxxxx 01 xxxxx xxxxx", "LDR_STR_ldst_immpost", execImm9, disImm9, T::Store, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 0 00 xx 0 xxxxxxxxx 01 xxxxx xxxxx", "LDR_STR_ldst_immpost", execImm9, disImm9, T::Load, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 1 00 x0 0 xxxxxxxxx 01 xxxxx xxxxx", "LDR_STR_ldst_immpost", execImm9, disImm9, T::Store, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 1 00 x1 0 xxxxxxxxx 01 xxxxx xxxxx", "LDR_STR_ldst_immpost", execImm9, disImm9, T::Load, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 0 00 00 0 xxxxxxxxx 11 xxxxx xxxxx", "LDR_STR_ldst_immpre", execImm9, disImm9, T::Store, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 0 00 xx 0 xxxxxxxxx 11 xxxxx xxxxx", "LDR_STR_ldst_immpre", execImm9, disImm9, T::Load, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 1 00 x0 0 xxxxxxxxx 11 xxxxx xxxxx", "LDR_STR_ldst_immpre", execImm9, disImm9, T::Store, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 1 00 x1 0 xxxxxxxxx 11 xxxxx xxxxx", "LDR_STR_ldst_immpre", execImm9, disImm9, T::Load, validIndexed), fastLdStImm9),
    withFast(insn("xx 111 0 00 00 1 xxxxx xxx x 10 xxxxx xxxxx", "LDR_STR_ldst_regoff", execRegOffset, disRegOffset, T::Store, validRegOffset), fastLdStRegOffset),
    withFast(insn("xx 111 0 00 xx 1 xxxxx xxx x 10 xxxxx xxxxx", "LDR_STR_ldst_regoff", execRegOffset, disRegOffset, T::Load, validRegOffset), fastLdStRegOffset),
    withFast(insn("xx 111 1 00 x0 1 xxxxx xxx x 10 xxxxx xxxxx", "LDR_STR_ldst_regoff", execRegOffset, disRegOffset, T::Store, validRegOffset), fastLdStRegOffset),
    withFast(insn("xx 111 1 00 x1 1 xxxxx xxx x 10 xxxxx xxxxx", "LDR_STR_ldst_regoff", execRegOffset, disRegOffset, T::Load, validRegOffset), fastLdStRegOffset),
    insn("xx 011 x 00 xxxxxxxxxxxxxxxxxxx xxxxx", "LDR_literal_loadlit", execLiteral, disLiteral, T::Load, validLiteral),
    withFast(insn("xx 101 x 0xx 0 xxxxxxx xxxxx xxxxx xxxxx", "STP_ldstpair", execPair, disPair, T::Store, validPair), fastLdStPair),
    withFast(insn("xx 101 x 0xx 1 xxxxxxx xxxxx xxxxx xxxxx", "LDP_ldstpair", execPair, disPair, T::Load, validPair), fastLdStPair),
    insn("xx 001000 0 1 0 xxxxx 0 xxxxx xxxxx xxxxx", "LDXR_LR32_ldstexcl", execLoadExclusive, disExclusive, T::Load),
    insn("xx 001000 0 1 0 xxxxx 1 xxxxx xxxxx xxxxx", "LDAXR_LR32_ldstexcl", execLoadExclusive, disExclusive, T::Load),
    insn("xx 001000 0 0 0 xxxxx 0 xxxxx xxxxx xxxxx", "STXR_SR32_ldstexcl", execStoreExclusive, disExclusive, T::Store),
    insn("xx 001000 0 0 0 xxxxx 1 xxxxx xxxxx xxxxx", "STLXR_SR32_ldstexcl", execStoreExclusive, disExclusive, T::Store),
    insn("xx 001000 1 1 0 xxxxx 1 xxxxx xxxxx xxxxx", "LDAR_LR32_ldstexcl", execLoadAcquire, disExclusive, T::Load),
    insn("xx 001000 1 0 0 xxxxx 1 xxxxx xxxxx xxxxx", "STLR_SL32_ldstexcl", execStoreRelease, disExclusive, T::Store),
    insn("xx 001000 1 1 0 xxxxx 0 xxxxx xxxxx xxxxx", "LDLAR_LR32_ldstexcl", execLoadAcquire, disExclusive, T::Load),
    insn("xx 001000 1 0 0 xxxxx 0 xxxxx xxxxx xxxxx", "STLLR_SL32_ldstexcl", execStoreRelease, disExclusive, T::Store),
    insn("1x 001000 0 1 1 xxxxx x xxxxx xxxxx xxxxx", "LDXP_LP32_ldstexcl", execLoadExclusivePair, disExclusivePair, T::Load),
    insn("1x 001000 0 0 1 xxxxx x xxxxx xxxxx xxxxx", "STXP_SP32_ldstexcl", execStoreExclusivePair, disExclusivePair, T::Store),
    insn("xx 111 0 00 00 0 xxxxxxxxx 10 xxxxx xxxxx", "STTR_ldst_unpriv", execImm9, disUnprivileged, T::Store, validUnprivileged),
    insn("xx 111 0 00 xx 0 xxxxxxxxx 10 xxxxx xxxxx", "LDTR_ldst_unpriv", execImm9, disUnprivileged, T::Load, validUnprivileged),
};
// clang-format on

} // namespace

std::span<const InsnDef> loadStoreInsns() {
    return kLoadStoreInsns;
}

} // namespace svesim::isa
