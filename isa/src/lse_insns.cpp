// FEAT_LSE atomics (ARM-M C3.2.12, C6.2): the atomic memory operations LD<op> (and their ST<op>
// aliases), SWP, CAS and CASP. Each is one single-copy atomic read-modify-write: svesim runs one
// instruction at a time, so the read and the write are made back to back through cx.load and
// cx.store. Atomics need natural alignment even on Normal memory (no FEAT_LSE2), so both
// accesses are Ordered; the store goes through the path that clears other PEs' exclusive marks.
// The acquire/release bits only order accesses, which a one-instruction-at-a-time model keeps.
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <cstring>
#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

unsigned accessBytes(std::uint32_t i) { // size, insn[31:30]
    return 1U << bits(i, 31, 30);
}
std::string base(std::uint32_t i) {
    return regName(rn(i), true, true);
}
// The W or X register of an access of `bytes` (B, H and W use W registers).
std::string sizedReg(unsigned n, unsigned bytes) {
    return regName(n, bytes == 8);
}
const char* sizeSuffix(unsigned bytes) {
    return bytes == 1 ? "b" : bytes == 2 ? "h" : "";
}
// The ordering suffix from the acquire and release bits: "", "a", "l" or "al".
std::string ordering(bool acquire, bool release) {
    return std::string(acquire ? "a" : "") + (release ? "l" : "");
}

// ---- LD<op>, ST<op>, SWP: size 111 0 00 A R 1 Rs o3 opc 00 Rn Rt
// ----------------------------------------------------------------
enum class MemAtomicOp : std::uint8_t { ADD, BIC, EOR, ORR, SMAX, SMIN, UMAX, UMIN, SWP };

MemAtomicOp atomicOp(std::uint32_t i) {
    return bit1(i, 15) ? MemAtomicOp::SWP : static_cast<MemAtomicOp>(bits(i, 14, 12));
}

// The value written back by MemAtomic(address, op, value, ...), on `bytes`-byte operands.
std::uint64_t atomicResult(MemAtomicOp op, std::uint64_t old, std::uint64_t value, unsigned bytes) {
    const unsigned bitsize = bytes * 8;
    const std::int64_t sold = signExtend(old, bitsize), svalue = signExtend(value, bitsize);
    std::uint64_t r = 0;
    switch (op) {
    case MemAtomicOp::ADD: r = old + value; break;
    case MemAtomicOp::BIC: r = old & ~value; break;
    case MemAtomicOp::EOR: r = old ^ value; break;
    case MemAtomicOp::ORR: r = old | value; break;
    case MemAtomicOp::SMAX: r = sold > svalue ? old : value; break;
    case MemAtomicOp::SMIN: r = sold > svalue ? value : old; break;
    case MemAtomicOp::UMAX: r = old > value ? old : value; break;
    case MemAtomicOp::UMIN: r = old > value ? value : old; break;
    case MemAtomicOp::SWP: r = value; break;
    }
    return r & ones(bitsize);
}

void execMemAtomic(ExecContext& cx, std::uint32_t i) {
    const unsigned bytes = accessBytes(i);
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t addr = cx.XorSP(rn(i));
    const std::uint64_t value = cx.X(rm(i)) & ones(bytes * 8);
    std::uint64_t old = 0;
    if (!cx.load64(addr, old, bytes, AccessKind::Ordered)) return;
    if (!cx.store64(addr, atomicResult(atomicOp(i), old, value, bytes), bytes, AccessKind::Ordered))
        return;
    cx.setX(rt(i), old); // zero-extended; Rt == 31 discards it (the ST<op> aliases)
}

// Opcodes allocated before FEAT_LRCPC: o3 == 0 with any opc, or SWP (o3 == 1, opc == 000).
// LDAPR (o3 == 1, opc == 100) is v8.3 and UNDEFINED here.
bool validMemAtomic(std::uint32_t i) {
    return !bit1(i, 15) || bits(i, 14, 12) == 0;
}

std::string disMemAtomic(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kOps[8] = {"add",  "clr",  "eor",  "set",
                                            "smax", "smin", "umax", "umin"};
    const unsigned bytes = accessBytes(i);
    const bool a = bit1(i, 23), r = bit1(i, 22);
    const MemAtomicOp op = atomicOp(i);
    const std::string name = op == MemAtomicOp::SWP ? "swp" : kOps[bits(i, 14, 12)];
    // ST<op> is the preferred disassembly when the old value is discarded and not acquired.
    if (op != MemAtomicOp::SWP && rt(i) == 31 && !a)
        return fmt::format("st{}{}{}\t{}, [{}]", name, ordering(false, r), sizeSuffix(bytes),
                           sizedReg(rm(i), bytes), base(i));
    const std::string prefix = op == MemAtomicOp::SWP ? "" : "ld";
    return fmt::format("{}{}{}{}\t{}, {}, [{}]", prefix, name, ordering(a, r), sizeSuffix(bytes),
                       sizedReg(rm(i), bytes), sizedReg(rt(i), bytes), base(i));
}

// ---- CAS: size 001000 1 L 1 Rs o0 11111 Rn Rt
// -------------------------------------------------------------------
void execCAS(ExecContext& cx, std::uint32_t i) {
    const unsigned bytes = accessBytes(i);
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t addr = cx.XorSP(rn(i));
    const std::uint64_t compare = cx.X(rm(i)) & ones(bytes * 8);
    std::uint64_t old = 0;
    if (!cx.load64(addr, old, bytes, AccessKind::Ordered)) return;
    if (old == compare && !cx.store64(addr, cx.X(rt(i)), bytes, AccessKind::Ordered)) return;
    cx.setX(rm(i), old); // Rs receives the old value whether or not the compare matched
}
std::string disCAS(std::uint32_t i, std::uint64_t) {
    const unsigned bytes = accessBytes(i);
    return fmt::format("cas{}{}\t{}, {}, [{}]", ordering(bit1(i, 22), bit1(i, 15)),
                       sizeSuffix(bytes), sizedReg(rm(i), bytes), sizedReg(rt(i), bytes), base(i));
}

// ---- CASP: 0 sz 001000 0 L 1 Rs o0 11111 Rn Rt
// ------------------------------------------------------------------
// Both register pairs start at an even register (odd Rs or Rt is unallocated).
bool validCASP(std::uint32_t i) {
    return (rm(i) & 1) == 0 && (rt(i) & 1) == 0;
}
void execCASP(ExecContext& cx, std::uint32_t i) {
    const unsigned half = bit1(i, 30) ? 8 : 4; // each register of the pair
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t addr = cx.XorSP(rn(i));
    // One access of 2 * datasize bits, aligned to its whole size; the first register of each
    // pair is the lower-addressed half (little-endian).
    std::array<std::uint64_t, 2> old{}, compare{}, desired{};
    for (unsigned k = 0; k < 2; ++k) {
        compare[k] = cx.X(rm(i) + k) & ones(half * 8);
        desired[k] = cx.X(rt(i) + k) & ones(half * 8);
    }
    std::array<std::uint8_t, 16> mem{}, out{};
    if (!cx.load(addr, mem.data(), 2 * half, 2 * half, AccessKind::Ordered)) return;
    for (unsigned k = 0; k < 2; ++k)
        std::memcpy(&old[k], mem.data() + k * half, half);
    if (old == compare) {
        for (unsigned k = 0; k < 2; ++k)
            std::memcpy(out.data() + k * half, &desired[k], half);
        if (!cx.store(addr, out.data(), 2 * half, 2 * half, AccessKind::Ordered)) return;
    }
    cx.setX(rm(i), old[0]);
    cx.setX(rm(i) + 1, old[1]);
}
std::string disCASP(std::uint32_t i, std::uint64_t) {
    const unsigned half = bit1(i, 30) ? 8 : 4;
    return fmt::format("casp{}\t{}, {}, {}, {}, [{}]", ordering(bit1(i, 22), bit1(i, 15)),
                       sizedReg(rm(i), half), sizedReg(rm(i) + 1, half), sizedReg(rt(i), half),
                       sizedReg(rt(i) + 1, half), base(i));
}

// clang-format off
const InsnDef kLseInsns[] = {
    insn("xx 111 0 00 x x 1 xxxxx x xxx 00 xxxxx xxxxx", "LDADD_SWP_memop", execMemAtomic, disMemAtomic, T::Load, validMemAtomic),
    insn("xx 001000 1 x 1 xxxxx x 11111 xxxxx xxxxx", "CAS_C64_comswap", execCAS, disCAS, T::Load),
    insn("0x 001000 0 x 1 xxxxx x 11111 xxxxx xxxxx", "CASP_CP64_comswappr", execCASP, disCASP, T::Load, validCASP),
};
// clang-format on

} // namespace

std::span<const InsnDef> lseInsns() {
    return kLseInsns;
}

} // namespace svesim::isa
