// The implementation's answer to ConstrainUnpredictableBool(Unpredictable_SVEZEROUPPER), and
// QEMU's zero-on-narrow behaviour for lock-step comparison (arch-rules §3.6).
#pragma once

#include "svesim/arch/observer.h"

#include <cstdint>
#include <string>

namespace svesim {

enum class PolicyKind : std::uint8_t {
    Preserve, // never zero (gem5)
    Zero,     // the zero branch at every SVEZEROUPPER point; never at ERET
    Qemu,     // QEMU 7.2: zero above the new VL whenever it narrows (ZCR write, exception entry,
              // ERET) unless FP is disabled at either EL; never zero at the ASL points
    Random,   // an independent, reproducible coin per register per event
};

class ZeroUpperPolicy {
public:
    ZeroUpperPolicy() = default;
    static ZeroUpperPolicy preserve() { return ZeroUpperPolicy(PolicyKind::Preserve, 0); }
    static ZeroUpperPolicy zero() { return ZeroUpperPolicy(PolicyKind::Zero, 0); }
    static ZeroUpperPolicy qemu() { return ZeroUpperPolicy(PolicyKind::Qemu, 0); }
    static ZeroUpperPolicy random(std::uint64_t seed) {
        return ZeroUpperPolicy(PolicyKind::Random, seed);
    }
    // "preserve", "zero", "qemu" or "random:SEED" (SEED decimal or 0x-hex); throws ConfigError.
    static ZeroUpperPolicy parse(const std::string& text);

    [[nodiscard]] PolicyKind kind() const { return kind_; }
    [[nodiscard]] std::uint64_t seed() const { return seed_; }
    [[nodiscard]] std::string name() const;

    // ConstrainUnpredictableBool(Unpredictable_SVEZEROUPPER) at an ASL point, for register
    // (kind, index) in decision event number `event`. True = take the zero branch.
    [[nodiscard]] bool ConstrainUnpredictableBool(ZeroUpperSite site, RegKind kind, unsigned index,
                                                  std::uint64_t event) const;
    // Whether the policy zeroes above a narrowed VL (QEMU's aarch64_sve_narrow_vq).
    [[nodiscard]] bool zeroesOnNarrow() const { return kind_ == PolicyKind::Qemu; }

private:
    ZeroUpperPolicy(PolicyKind k, std::uint64_t seed)
        : kind_(k)
        , seed_(seed) {}
    PolicyKind kind_ = PolicyKind::Preserve;
    std::uint64_t seed_ = 0;
};

} // namespace svesim
