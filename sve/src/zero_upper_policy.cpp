#include "svesim/sve/zero_upper_policy.h"

#include "svesim/arch/config_error.h"

namespace svesim {
namespace {

// splitmix64: a well-mixed, stateless hash so that each (seed, event, register) has its own coin.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

ZeroUpperPolicy ZeroUpperPolicy::parse(const std::string& text) {
    if (text == "preserve") return preserve();
    if (text == "zero") return zero();
    if (text == "qemu") return qemu();
    if (text.rfind("random:", 0) == 0) {
        const std::string seed = text.substr(7);
        try {
            return random(parseUnsigned(seed, "random seed"));
        } catch (const ConfigError&) {
            throw ConfigError("policy '" + text + "' has a malformed seed '" + seed +
                              "' (allowed: random:N with N an unsigned decimal or 0x-hex number)");
        }
    }
    throw ConfigError("policy '" + text +
                      "' is unknown (allowed: preserve, zero, qemu, random:SEED)");
}

std::string ZeroUpperPolicy::name() const {
    switch (kind_) {
    case PolicyKind::Preserve: return "preserve";
    case PolicyKind::Zero: return "zero";
    case PolicyKind::Qemu: return "qemu";
    case PolicyKind::Random: return "random:" + std::to_string(seed_);
    }
    return "?";
}

bool ZeroUpperPolicy::ConstrainUnpredictableBool(ZeroUpperSite site, RegKind kind, unsigned index,
                                                 std::uint64_t event) const {
    switch (kind_) {
    case PolicyKind::Preserve: return false;
    case PolicyKind::Zero: return true;
    case PolicyKind::Qemu:
        // QEMU keeps bits above VL zero by narrowing eagerly, so at the ASL points it never
        // zeroes; only the narrowing sites answer true.
        return site == ZeroUpperSite::ZcrNarrow || site == ZeroUpperSite::ExceptionNarrow ||
               site == ZeroUpperSite::EretNarrow;
    case PolicyKind::Random: {
        const std::uint64_t reg = (static_cast<std::uint64_t>(kind) << 8) | index;
        return (mix(mix(seed_ ^ mix(event)) ^ reg) & 1U) != 0;
    }
    }
    return false;
}

} // namespace svesim
