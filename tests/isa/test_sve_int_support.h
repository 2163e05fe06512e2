// Register access and random state for the SVE integer, predicate and permute tests: element
// reads and writes of register images, random Z/P/X with values at the signed and unsigned
// boundaries and small shift amounts, and a harness at any VL. No architecture rule here.
#pragma once

#include "support/isa_harness.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace svesim::test::sveint {

// The VLs every case runs at: the powers of two the brief names and one that is not.
constexpr unsigned kVLs[] = {128, 256, 384, 512, 2048};

using Bytes = std::vector<std::uint8_t>;

struct Lcg {
    std::uint64_t s;
    std::uint64_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return s ^ (s >> 29);
    }
};

inline std::unique_ptr<IsaHarness> harness(unsigned vl) {
    return std::make_unique<IsaHarness>(vl, EL::EL1, Setup{.vl_set = VlSet::Any});
}

inline std::uint64_t mask(unsigned esize) {
    return esize >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (esize * 8)) - 1;
}
inline std::int64_t sext(std::uint64_t v, unsigned esize) {
    const unsigned shift = 64 - esize * 8;
    return static_cast<std::int64_t>(v << shift) >> shift;
}

// Element e of esize bytes of a register image, and predicate bit b.
inline std::uint64_t get(const Bytes& v, unsigned e, unsigned esize) {
    std::uint64_t x = 0;
    std::memcpy(&x, v.data() + static_cast<std::size_t>(e) * esize, esize);
    return x;
}
inline void put(Bytes& v, unsigned e, unsigned esize, std::uint64_t x) {
    std::memcpy(v.data() + static_cast<std::size_t>(e) * esize, &x, esize);
}
inline bool pbit(const Bytes& p, unsigned b) {
    return ((p[b / 8] >> (b % 8)) & 1U) != 0;
}
inline void setPbit(Bytes& p, unsigned b, bool v) {
    p[b / 8] =
        static_cast<std::uint8_t>((p[b / 8] & ~(1U << (b % 8))) | ((v ? 1U : 0U) << (b % 8)));
}

// Z[n], P[n] at the current VL.
inline Bytes zBytes(IsaHarness& h, unsigned n) {
    const auto z = h.arch.sve.Z(n, h.cx.vl());
    return {z.begin(), z.end()};
}
inline Bytes pBytes(IsaHarness& h, unsigned n) {
    const auto p = h.arch.sve.P(n, h.cx.vl());
    return {p.begin(), p.end()};
}
inline void setZ(IsaHarness& h, unsigned n, const Bytes& v) {
    std::memcpy(h.zFull(n).data(), v.data(), v.size());
}
inline void setP(IsaHarness& h, unsigned n, const Bytes& v) {
    std::memcpy(h.pFull(n).data(), v.data(), v.size());
}

// Random Z0-Z31 (a third of the 8-byte lanes boundary values or small numbers), P0-P15 (random
// bytes: predicate bits that no element reads are set too), X0-X30.
inline void randomize(IsaHarness& h, Lcg& r) {
    const unsigned vlb = h.vlBytes();
    for (unsigned n = 0; n < 32; ++n) {
        Bytes z(vlb);
        for (unsigned b = 0; b < vlb; b += 8) {
            std::uint64_t v = r.next();
            switch (r.next() % 9) {
            case 0: v = 0x8000'0000'0000'0000ULL; break;
            case 1: v = 0x8000'8000'8000'8000ULL >> (r.next() % 2 * 8); break;
            case 2: v = ~std::uint64_t{0}; break;
            case 3: v = 0x7F7F'7F7F'7F7F'7F7FULL; break;
            case 4: v = (r.next() % 70) * 0x0001'0001'0001'0001ULL; break; // small amounts
            case 5: v = r.next() % 70; break;
            default: break;
            }
            std::memcpy(z.data() + b, &v, 8);
        }
        setZ(h, n, z);
    }
    for (unsigned n = 0; n < 16; ++n) {
        Bytes p(vlb / 8);
        for (auto& x : p)
            x = static_cast<std::uint8_t>(r.next() % 4 == 0 ? 0xFF : r.next());
        setP(h, n, p);
    }
    for (unsigned n = 0; n < 31; ++n)
        h.setX(n, r.next() % 3 == 0 ? r.next() % 300 : r.next());
}

} // namespace svesim::test::sveint
