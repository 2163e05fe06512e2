// The effective SVE vector length at each Exception level (arch-rules §1; R1-R3, R_KXKNK).
#pragma once

#include "svesim/arch/cpu_state.h"

#include <array>
#include <span>
#include <string>

namespace svesim {

// A vector length in bits: a multiple of 128 from 128 to 2048.
class VectorLength {
public:
    static constexpr unsigned kMinBits = 128;
    static constexpr unsigned kMaxBits = 2048;

    static constexpr VectorLength fromBits(unsigned bits) { return VectorLength(bits); }
    static constexpr VectorLength fromQuadwords(unsigned vq) { return VectorLength(vq * 128); }

    [[nodiscard]] constexpr unsigned bits() const { return bits_; }
    [[nodiscard]] constexpr unsigned bytes() const { return bits_ / 8; }
    [[nodiscard]] constexpr unsigned quadwords() const { return bits_ / 128; }
    // Predicate and FFR length in bytes (PL = VL/8 bits).
    [[nodiscard]] constexpr unsigned predicateBytes() const { return bits_ / 64; }

    friend constexpr auto operator<=>(VectorLength, VectorLength) = default;

private:
    constexpr explicit VectorLength(unsigned bits)
        : bits_(bits) {}
    unsigned bits_;
};

// Which vector lengths the implementation supports (R3).
enum class VlSet : std::uint8_t {
    PowersOfTwo, // the current Arm ARM rule (R_NWYBP): every power of two up to the maximum
    Any,         // the pre-2022 rule QEMU and gem5 still allow: every multiple of 128
};

struct SveConfig {
    VectorLength max_vl = VectorLength::fromBits(2048);
    VlSet vl_set = VlSet::PowersOfTwo;

    // Parses a maximum VL ("512": a power of two from 128 to 2048) and a set name ("pow2" or
    // "any"); throws ConfigError with one line naming the value and what is allowed.
    static SveConfig parse(const std::string& max_vl_bits, const std::string& vl_set);
};
std::string name(VlSet s);

// ImplementedSVEVectorLength(nbits): the largest supported VL not above min(nbits, max). R3
VectorLength ImplementedSVEVectorLength(const SveConfig& cfg, unsigned nbits);

// The ZCR_ELx registers whose LEN CurrentNSVL reads for code at `el`, lowest EL first: the
// pseudocode's three steps (arch-rules §1.1 table). R1, R2
struct ZcrSet {
    std::array<SysReg, 3> regs{};
    unsigned count = 0;
    // A view into this set: only on a named set (a temporary's view would dangle, e.g. in a
    // range-for over `CurrentNSVLControls(...).list()`).
    [[nodiscard]] std::span<const SysReg> list() const& { return {regs.data(), count}; }
    std::span<const SysReg> list() const&& = delete;
};
ZcrSet CurrentNSVLControls(const CpuState& s, EL el);

// CurrentNSVL evaluated for code at `el` (the pseudocode uses PSTATE.EL): the minimum LEN of
// CurrentNSVLControls, then ImplementedSVEVectorLength. R1, R2
VectorLength CurrentNSVL(const CpuState& s, const SveConfig& cfg, EL el);
inline VectorLength CurrentNSVL(const CpuState& s, const SveConfig& cfg) {
    return CurrentNSVL(s, cfg, s.pstate.el);
}
// CurrentVL: no SME, so always the non-streaming length.
inline VectorLength CurrentVL(const CpuState& s, const SveConfig& cfg) {
    return CurrentNSVL(s, cfg);
}

// R_KXKNK: the VL that the V[] setter and MaybeZeroSVEUppers use for `el`: CurrentVL where SVE is
// enabled at `el`, 128 bits where it is disabled or trapped.
VectorLength VLWhereSVEEnabled(const CpuState& s, const SveConfig& cfg, EL el);
// The same rule from its two answers (IsSVEEnabled at `el`, CurrentVL there), for callers that
// keep them cached (isa::ExecContext).
constexpr VectorLength VLWhereSVEEnabled(bool sve_enabled, VectorLength current) {
    return sve_enabled ? current : VectorLength::fromBits(128);
}

} // namespace svesim
