#include "svesim/sve/vector_length.h"

#include "svesim/arch/config_error.h"
#include "svesim/arch/el_predicates.h"
#include "svesim/arch/enables.h"

#include <algorithm>
#include <bit>

namespace svesim {

SveConfig SveConfig::parse(const std::string& max_vl_bits, const std::string& vl_set) {
    SveConfig cfg;
    unsigned long long bits = 0;
    try {
        bits = parseUnsigned(max_vl_bits, "maximum VL");
    } catch (const ConfigError&) {
        throw ConfigError("maximum VL '" + max_vl_bits +
                          "' is not a number (allowed: 128, 256, 512, 1024, 2048 bits)");
    }
    if (bits < 128 || bits > 2048 || !std::has_single_bit(bits))
        throw ConfigError("maximum VL " + max_vl_bits +
                          " is not allowed (allowed: 128, 256, 512, 1024, 2048 bits)");
    cfg.max_vl = VectorLength::fromBits(static_cast<unsigned>(bits));
    if (vl_set == "pow2" || vl_set == "powers-of-two")
        cfg.vl_set = VlSet::PowersOfTwo;
    else if (vl_set == "any")
        cfg.vl_set = VlSet::Any;
    else
        throw ConfigError("VL set '" + vl_set + "' is unknown (allowed: pow2, any)");
    return cfg;
}

std::string name(VlSet s) {
    return s == VlSet::Any ? "any" : "pow2";
}

// R3 (ARM-M J1.1.3.328): round down to a supported length.
VectorLength ImplementedSVEVectorLength(const SveConfig& cfg, unsigned nbits) {
    unsigned n = std::min(nbits, cfg.max_vl.bits());
    n = std::max(n - n % 128, 128U);
    if (cfg.vl_set == VlSet::PowersOfTwo)
        while (!std::has_single_bit(n))
            n -= 128;
    return VectorLength::fromBits(n);
}

// R1, R2 (ARM-M J1.1.3.302 CurrentNSVL): the registers its steps read. Where a step assigns
// rather than takes the minimum, no earlier register was read, so the minimum is the same.
ZcrSet CurrentNSVLControls(const CpuState& s, EL el) {
    ZcrSet z;
    const auto add = [&z](SysReg r) { z.regs[z.count++] = r; };
    if (el == EL::EL3) {
        add(SysReg::ZCR_EL3);
        return z;
    }
    const bool host_el0 = el == EL::EL0 && ELIsInHost(s, EL::EL0);
    if (el == EL::EL1 || (el == EL::EL0 && !host_el0)) add(SysReg::ZCR_EL1);
    if (el == EL::EL2 || host_el0 || EL2Enabled(s)) add(SysReg::ZCR_EL2);
    if (HaveEL(s, EL::EL3)) add(SysReg::ZCR_EL3);
    return z;
}

// R1, R2 (ARM-M J1.1.3.302 CurrentNSVL).
VectorLength CurrentNSVL(const CpuState& s, const SveConfig& cfg, EL el) {
    unsigned vl = 15;
    const ZcrSet controls = CurrentNSVLControls(s, el); // named: list() points into it
    for (SysReg r : controls.list())
        vl = std::min(vl, static_cast<unsigned>(field(s.sysregs.raw(r), 3, 0)));
    return ImplementedSVEVectorLength(cfg, (vl + 1) * 128);
}

// R_KXKNK (ARM-M B1.4.2), as the V[] setter and MaybeZeroSVEUppers apply it.
VectorLength VLWhereSVEEnabled(const CpuState& s, const SveConfig& cfg, EL el) {
    return VLWhereSVEEnabled(IsSVEEnabled(s, el), CurrentNSVL(s, cfg, el));
}

} // namespace svesim
