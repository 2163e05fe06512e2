// Test support for the MMU: a fake physical memory holding page tables, descriptor bits spelled
// out as the Arm ARM's descriptor formats define them, and a small table builder.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <svesim/mmu/mmu.h>

namespace svesim::mmu::test {

struct FakeMemory : WalkMemory {
    std::map<std::uint64_t, std::uint64_t> words;
    std::set<std::uint64_t> aborting; // addresses whose read gives an external abort
    unsigned reads = 0;
    bool read64(std::uint64_t pa, std::uint64_t& v) override {
        ++reads;
        if (aborting.count(pa) != 0) return false;
        auto it = words.find(pa);
        v = it == words.end() ? 0 : it->second;
        return true;
    }
    void write(std::uint64_t pa, std::uint64_t v) { words[pa] = v; }
};

// VMSAv8-64 descriptor bits (Arm ARM D8.3).
namespace d {
inline constexpr std::uint64_t kTable = 0b11, kPage = 0b11, kBlock = 0b01;
inline constexpr std::uint64_t AF = 1ULL << 10, nG = 1ULL << 11, NS = 1ULL << 5;
inline constexpr std::uint64_t AP_RO = 1ULL << 7, AP_EL0 = 1ULL << 6; // AP[2], AP[1]
inline constexpr std::uint64_t PXN = 1ULL << 53, UXN = 1ULL << 54, XN = 1ULL << 54;
inline constexpr std::uint64_t SH_OSH = 2ULL << 8, SH_ISH = 3ULL << 8;
inline constexpr std::uint64_t PXNTable = 1ULL << 59, UXNTable = 1ULL << 60;
inline constexpr std::uint64_t APTable_NoEL0 = 1ULL << 61, APTable_RO = 1ULL << 62;
constexpr std::uint64_t attrIndx(unsigned n) {
    return std::uint64_t{n} << 2;
}
// Stage 2: MemAttr[3:0] at [5:2], S2AP[1:0] at [7:6] (bit 6 read, bit 7 write).
constexpr std::uint64_t memAttr(unsigned n) {
    return std::uint64_t{n} << 2;
}
inline constexpr std::uint64_t S2AP_R = 1ULL << 6, S2AP_W = 1ULL << 7, S2AP_RW = 3ULL << 6;
} // namespace d

// Builds tables for one walk configuration: tables are allocated upward from `next`.
struct TableBuilder {
    FakeMemory& mem;
    unsigned grain;     // 12, 14, 16
    int startLevel;     // first lookup level
    unsigned inputSize; // 64 - TxSZ
    std::uint64_t root; // the initial table (may be concatenated)
    std::uint64_t next; // the next free table

    unsigned shiftAt(int level) const {
        return grain + static_cast<unsigned>(3 - level) * (grain - 3);
    }
    std::uint64_t indexAt(std::uint64_t va, int level) const {
        const unsigned sh = shiftAt(level);
        const unsigned width = level == startLevel ? inputSize - sh : grain - 3;
        return (va >> sh) & ((std::uint64_t{1} << width) - 1);
    }
    // Writes `leaf` as the descriptor for `va` at `level`, creating tables above it. Returns the
    // address of the leaf descriptor.
    std::uint64_t map(std::uint64_t va, int level, std::uint64_t leaf,
                      std::uint64_t tableBits = 0) {
        std::uint64_t table = root;
        for (int l = startLevel; l < level; ++l) {
            const std::uint64_t slot = table + 8 * indexAt(va, l);
            auto it = mem.words.find(slot);
            if (it == mem.words.end() || (it->second & 3) != 3) {
                const std::uint64_t t = next;
                next += std::uint64_t{1} << grain;
                mem.write(slot, t | d::kTable | tableBits);
            }
            table = mem.words[slot] & 0x0000'FFFF'FFFF'F000ULL & ~((std::uint64_t{1} << grain) - 1);
        }
        const std::uint64_t slot = table + 8 * indexAt(va, level);
        mem.write(slot, leaf);
        return slot;
    }
};

// MAIR used by the tests: Attr0 Device-nGnRnE, Attr1 Normal WB RW-alloc non-transient (0xFF),
// Attr2 Normal NC (0x44), Attr3 Device-nGnRE (0x04), Attr4 Normal WT RA non-transient (0xAA),
// Attr5 Device-GRE (0x0C), Attr6 inner WB / outer NC (0x4F).
inline constexpr std::uint64_t kMair = 0x00'4F'0C'AA'04'44'FF'00ULL;

// TCR_EL1 fields.
namespace tcr {
constexpr std::uint64_t T0SZ(unsigned n) {
    return n;
}
constexpr std::uint64_t T1SZ(unsigned n) {
    return std::uint64_t{n} << 16;
}
inline constexpr std::uint64_t TG0_4K = 0ULL << 14, TG0_64K = 1ULL << 14, TG0_16K = 2ULL << 14;
inline constexpr std::uint64_t TG1_16K = 1ULL << 30, TG1_4K = 2ULL << 30, TG1_64K = 3ULL << 30;
inline constexpr std::uint64_t EPD0 = 1ULL << 7, EPD1 = 1ULL << 23, A1 = 1ULL << 22;
constexpr std::uint64_t IPS(unsigned n) {
    return std::uint64_t{n} << 32;
}
inline constexpr std::uint64_t AS = 1ULL << 36, TBI0 = 1ULL << 37, TBI1 = 1ULL << 38;
inline constexpr std::uint64_t HPD0 = 1ULL << 41, HPD1 = 1ULL << 42;
} // namespace tcr

inline AccessDesc readAt(EL el) {
    return AccessDesc{AccessType::Read, el};
}
inline AccessDesc writeAt(EL el) {
    return AccessDesc{AccessType::Write, el};
}
inline AccessDesc fetchAt(EL el) {
    return AccessDesc{AccessType::Fetch, el};
}

} // namespace svesim::mmu::test
