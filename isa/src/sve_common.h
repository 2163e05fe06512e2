// Helpers shared by the SVE instruction files (isa/src/sve_*.cpp): elements and predicate bits
// of register images, the pseudocode's PredTest and DecodePredCount, register writes through the
// SveUnit setters (R11), and operand spelling in LLVM's syntax.
#pragma once

#include "svesim/isa/bits.h"
#include "svesim/isa/exec_context.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <fmt/core.h>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

namespace svesim::isa::sve {

// Register images at the largest VL: Z is VL/8 bytes, P and FFR are VL/64 bytes.
using ZBuf = std::array<std::uint8_t, VectorLength::kMaxBits / 8>;
using PBuf = std::array<std::uint8_t, VectorLength::kMaxBits / 64>;

// Instruction fields used across the SVE encodings.
constexpr unsigned sizeField(std::uint32_t i) {
    return bits(i, 23, 22);
}
constexpr unsigned pg3(std::uint32_t i) {
    return bits(i, 12, 10);
}

// Elem[vector, e, esize] of a little-endian register image; esize in bytes (1, 2, 4 or 8).
inline std::uint64_t elem(const std::uint8_t* v, unsigned e, unsigned esize) {
    std::uint64_t x = 0;
    std::memcpy(&x, v + static_cast<std::size_t>(e) * esize, esize);
    return x;
}
inline void setElem(std::uint8_t* v, unsigned e, unsigned esize, std::uint64_t x) {
    std::memcpy(v + static_cast<std::size_t>(e) * esize, &x, esize);
}
inline std::int64_t selem(const std::uint8_t* v, unsigned e, unsigned esize) {
    return signExtend(elem(v, e, esize), esize * 8);
}

// Predicate bit `b` (one bit per vector byte).
inline bool predBit(const std::uint8_t* p, unsigned b) {
    return ((p[b / 8] >> (b % 8)) & 1U) != 0;
}
// ActiveElement / ElemP: element e of `esize` bytes is governed by bit e*esize.
inline bool activeElem(const std::uint8_t* p, unsigned e, unsigned esize) {
    return predBit(p, e * esize);
}
// Sets predicate element e to `v`: bit e*esize, the other esize-1 bits zero.
inline void setPredElem(std::uint8_t* p, unsigned e, unsigned esize, bool v) {
    for (unsigned b = e * esize; b < (e + 1) * esize; ++b)
        p[b / 8] = static_cast<std::uint8_t>(p[b / 8] & ~(1U << (b % 8)));
    if (v)
        p[(e * esize) / 8] =
            static_cast<std::uint8_t>(p[(e * esize) / 8] | (1U << ((e * esize) % 8)));
}

// Copies of the registers at the current VL (so the result may name a source register).
inline ZBuf readZ(ExecContext& cx, unsigned n) {
    ZBuf b{};
    const auto z = cx.sve().Z(n, cx.vl());
    std::memcpy(b.data(), z.data(), z.size());
    return b;
}
inline PBuf readP(ExecContext& cx, unsigned n) {
    PBuf b{};
    const auto p = cx.sve().P(n, cx.vl());
    std::memcpy(b.data(), p.data(), p.size());
    return b;
}
inline PBuf readFFR(ExecContext& cx) {
    PBuf b{};
    const auto f = cx.sve().FFR(cx.vl());
    std::memcpy(b.data(), f.data(), f.size());
    return b;
}

// Register writes, always exactly VL/8 (PL/8) bytes through the zero-or-preserve setters. R11
inline void writeZ(ExecContext& cx, unsigned n, const ZBuf& v) {
    cx.sve().setZ(cx.cpu(), n, cx.vl(), std::span(v.data(), cx.vl().bytes()));
}
inline void writeP(ExecContext& cx, unsigned n, const PBuf& v) {
    cx.sve().setP(cx.cpu(), n, cx.vl(), std::span(v.data(), cx.vl().predicateBytes()));
}
inline void writeFFR(ExecContext& cx, const PBuf& v) {
    cx.sve().setFFR(cx.cpu(), cx.vl(), std::span(v.data(), cx.vl().predicateBytes()));
}

// PredTest(mask, result, esize) (ARM-M J1 shared/functions/vector): N = first active element
// true, Z = no active element true, C = NOT last active element true, V = 0.
inline void PredTest(PState& ps, const std::uint8_t* mask, const std::uint8_t* result,
                     unsigned esize, unsigned elements) {
    bool first_seen = false, first = false, any = false, last = false;
    for (unsigned e = 0; e < elements; ++e) {
        if (!activeElem(mask, e, esize)) continue;
        const bool r = activeElem(result, e, esize);
        if (!first_seen) {
            first_seen = true;
            first = r;
        }
        any = any || r;
        last = r;
    }
    ps.n = first;
    ps.z = !any;
    ps.c = !last;
    ps.v = false;
}

// DecodePredCount(pattern, esize): how many elements a PTRUE/CNT pattern selects.
inline unsigned DecodePredCount(unsigned pattern, unsigned esize, VectorLength vl) {
    const unsigned elements = vl.bytes() / esize;
    switch (pattern) {
    case 0: { // POW2
        unsigned n = 1;
        while (n * 2 <= elements)
            n *= 2;
        return n;
    }
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
    case 8: // VL1-VL8
        return elements >= pattern ? pattern : 0;
    case 9:
    case 10:
    case 11:
    case 12:
    case 13: { // VL16-VL256
        const unsigned n = 16U << (pattern - 9);
        return elements >= n ? n : 0;
    }
    case 29: return elements - elements % 4; // MUL4
    case 30: return elements - elements % 3; // MUL3
    case 31: return elements;                // ALL
    default: return 0;                       // unnamed patterns select nothing
    }
}

// An all-true governing predicate (Ones(PL)).
inline PBuf allTrue() {
    PBuf p;
    p.fill(0xFF);
    return p;
}

// LastActiveElement(mask, esize) and FirstActive's index: -1 when no element is active.
inline int LastActiveElement(const std::uint8_t* mask, unsigned esize, unsigned elements) {
    for (int e = static_cast<int>(elements) - 1; e >= 0; --e)
        if (activeElem(mask, static_cast<unsigned>(e), esize)) return e;
    return -1;
}
inline int FirstActiveElement(const std::uint8_t* mask, unsigned esize, unsigned elements) {
    for (unsigned e = 0; e < elements; ++e)
        if (activeElem(mask, e, esize)) return static_cast<int>(e);
    return -1;
}
// CountActive(mask, esize)
inline unsigned CountActive(const std::uint8_t* mask, unsigned esize, unsigned elements) {
    unsigned n = 0;
    for (unsigned e = 0; e < elements; ++e)
        n += activeElem(mask, e, esize) ? 1U : 0U;
    return n;
}

// SignedSatQ / UnsignedSatQ of `v` to `nbits` bits (the saturation flag is not used by SVE).
inline std::uint64_t SatQ(i128 v, unsigned nbits, bool is_unsigned) {
    const i128 lo = is_unsigned ? 0 : -(i128{1} << (nbits - 1));
    const i128 hi = is_unsigned ? (i128{1} << nbits) - 1 : (i128{1} << (nbits - 1)) - 1;
    if (v < lo) v = lo;
    if (v > hi) v = hi;
    return static_cast<std::uint64_t>(v) & ones(nbits);
}

// V[d, esize] = value: the low `bytes` of the value, the rest of the vector zeroed (R12).
inline void writeV(ExecContext& cx, unsigned d, std::uint64_t value, unsigned bytes) {
    std::array<std::uint8_t, 8> v{};
    std::memcpy(v.data(), &value, v.size());
    cx.setV(d, std::span<const std::uint8_t>(v.data(), bytes));
}

// Applies `f(a, b)` to the active elements of Zdn and Zm (Pg insn[12:10], Zm insn[9:5],
// esize from insn[23:22]); inactive elements keep Zdn.
// Calls f(std::integral_constant<unsigned, E>{}) for the element size E in bytes (1, 2, 4 or
// 8): element loops compiled once per element size, so that Elem[], the predicate bit and the
// stride are constants inside them.
template <class F>
decltype(auto) withEsize(unsigned esize, F&& f) {
    switch (esize) {
    case 1: return f(std::integral_constant<unsigned, 1>{});
    case 2: return f(std::integral_constant<unsigned, 2>{});
    case 4: return f(std::integral_constant<unsigned, 4>{});
    default: return f(std::integral_constant<unsigned, 8>{});
    }
}

// Zdn = f(Zdn, Zm, esize) on the active elements of Pg (insn[12:10]), size insn[23:22]; the
// element size in bytes is a constant of each instantiated loop.
template <class F>
void predicatedBinary(ExecContext& cx, std::uint32_t i, F f) {
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zm = readZ(cx, bits(i, 9, 5));
    ZBuf out = readZ(cx, rd(i));
    const unsigned bytes = cx.vl().bytes();
    withEsize(1U << sizeField(i), [&](auto es) {
        constexpr unsigned esize = decltype(es)::value;
        for (unsigned e = 0; e < bytes / esize; ++e) {
            if (!activeElem(g.data(), e, esize)) continue;
            const std::uint64_t a = elem(out.data(), e, esize), b = elem(zm.data(), e, esize);
            setElem(out.data(), e, esize, f(a, b, esize));
        }
    });
    writeZ(cx, rd(i), out);
}

// ZIP1/ZIP2, UZP1/UZP2, TRN1/TRN2 (opc 0, 1, 2; `part` 0 or 1): where element e of the result
// comes from, for `n` elements. Shared by the vector and predicate forms.
struct PermuteSource {
    bool second; // from the second operand (Zm/Pm)
    unsigned index;
};
inline PermuteSource permuteSource(unsigned opc, bool part, unsigned e, unsigned n) {
    const unsigned h = part ? 1 : 0;
    switch (opc) {
    case 0: return {(e & 1U) != 0, h * (n / 2) + e / 2}; // ZIP: interleave one half
    case 1: {                                            // UZP: even or odd of Zn:Zm
        const unsigned x = 2 * e + h;
        return {x >= n, x >= n ? x - n : x};
    }
    default: return {(e & 1U) != 0, (e & ~1U) + h}; // TRN: even or odd pairs
    }
}
inline std::string permuteName(unsigned opc, bool part) {
    static constexpr const char* kNames[3] = {"zip", "uzp", "trn"};
    return fmt::format("{}{}", kNames[opc], part ? 2 : 1);
}

// ---- Spelling
inline char sizeChar(unsigned size) {
    return "bhsd"[size & 3];
}
inline std::string zreg(unsigned n, unsigned size) {
    return fmt::format("z{}.{}", n, sizeChar(size));
}
inline std::string preg(unsigned n) {
    return fmt::format("p{}", n);
}
inline std::string pregT(unsigned n, unsigned size) {
    return fmt::format("p{}.{}", n, sizeChar(size));
}
// The pattern operand: its name, or "#n" for the unnamed encodings.
inline std::string patternName(unsigned pattern) {
    static constexpr const char* kNames[32] = {
        "pow2",  "vl1",   "vl2",   "vl3",   "vl4",   "vl5",   "vl6",   "vl7",
        "vl8",   "vl16",  "vl32",  "vl64",  "vl128", "vl256", nullptr, nullptr,
        nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
        nullptr, nullptr, nullptr, nullptr, nullptr, "mul4",  "mul3",  "all"};
    const char* name = kNames[pattern & 31];
    return name != nullptr ? std::string(name) : fmt::format("#{}", pattern);
}

// "op zdn.T, pg/m, zdn.T, zm.T" of the destructive predicated encodings.
inline std::string predicatedText(std::uint32_t i, const char* mn) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}/m, {}, {}", mn, zreg(rd(i), s), pg3(i), zreg(rd(i), s),
                       zreg(bits(i, 9, 5), s));
}
// The SIMD&FP scalar register of an element size: b3, h3, s3, d3.
inline std::string vreg(unsigned n, unsigned size) {
    return fmt::format("{}{}", sizeChar(size), n);
}

// The per-file row groups that sveInsns() concatenates.
std::span<const InsnDef> sveLoadStoreRows();
std::span<const InsnDef> svePredicateRows();
std::span<const InsnDef> sveIntegerRows();
std::span<const InsnDef> sveMoveRows();
std::span<const InsnDef> sveShiftRows();
std::span<const InsnDef> sveIntBinaryRows();
std::span<const InsnDef> sveCountRows();
std::span<const InsnDef> sveReduceRows();
std::span<const InsnDef> svePermuteRows();
std::span<const InsnDef> svePredIterRows();
std::span<const InsnDef> svePredPermuteRows();
std::span<const InsnDef> sveMulAddRows();
std::span<const InsnDef> sveUnaryRows();
std::span<const InsnDef> sveAdrRows();
std::span<const InsnDef> svePermuteZipRows();
std::span<const InsnDef> svePredBreakRows();

} // namespace svesim::isa::sve
