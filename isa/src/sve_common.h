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

// The per-file row groups that sveInsns() concatenates.
std::span<const InsnDef> sveLoadStoreRows();
std::span<const InsnDef> svePredicateRows();
std::span<const InsnDef> sveIntegerRows();
std::span<const InsnDef> sveMoveRows();

} // namespace svesim::isa::sve
