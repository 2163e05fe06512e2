#include "svesim/model/timing.h"

#include "svesim/arch/config_error.h"
#include "svesim/model/ini_file.h"

#include <fmt/core.h>

namespace svesim::model {

using isa::TimingClass;

// Values and sources: docs/timing.md. "V1" = Arm Neoverse V1 Software Optimization Guide as
// transcribed in LLVM's AArch64SchedNeoverseV1.td; "assumption" = not published by Arm.
TimingConfig TimingConfig::neoverseV1() {
    TimingConfig t;
    auto set = [&](TimingClass c, unsigned v) { t.cost[static_cast<std::size_t>(c)] = v; };
    set(TimingClass::IntAlu, 1);  // V1: ALU 1c
    set(TimingClass::IntMul, 2);  // V1: MUL/MADD 2c
    set(TimingClass::IntDiv, 12); // V1: SDIV/UDIV X 12c (W: 12c worst case)
    set(TimingClass::Branch, 1);  // V1: B/BL/BR 1c
    set(TimingClass::Load, 4);    // V1: LDR X L1 hit 4c
    set(TimingClass::Store, 1);   // V1: STR 1c issue
    set(TimingClass::FpSimd, 2);  // V1: ASIMD basic ops 2c
    // V1: FP divide S 10c, D 15c, H 7c; square root S 10c, D 16c, H 7c (scalar; ASIMD the
    // same, Q-form H 13c). The divider is not pipelined (throughput 1/7): the D-form latency.
    set(TimingClass::FpDivSqrt, 15);
    set(TimingClass::SveAlu, 2); // V1: SVE integer basic 2c
    // V1: SVE FDIV/FDIVR S 10c, D 15c, H 13c; FSQRT S 10c, D 16c, H 13c: the D-form latency.
    set(TimingClass::SveFpDivSqrt, 15);
    set(TimingClass::SveIntDiv, 20);    // V1: SVE SDIV/UDIV D 20c, S 12c: the D-form latency
    set(TimingClass::SvePred, 2);       // V1: RDFFR/SETFFR/WRFFR 2c; predicate logic 1-2c
    set(TimingClass::SveLdrStrZ, 6);    // V1: LDR Z 6c (STR Z 2c: see instructionCost)
    set(TimingClass::SveLdrStrP, 6);    // V1: LDR P 6c (STR P 1c)
    set(TimingClass::SveContigLdSt, 6); // V1: LD1* 6c (ST1* 2c)
    set(TimingClass::SveFirstFault, 6); // V1: LDFF1B/W/D 6c (H 7c), LDNF1* 6c
    // Gathers and scatters cost a base plus one access per element at the element rate. At V1's
    // own VL of 256 bits this gives V1's figures: gather 7 + 8/2 = 11c for 32-bit elements and
    // 7 + 4/2 = 9c for 64-bit ones (V1: "gather load, vector + imm" 11c / 9c); scatter 2 + 8/1 =
    // 10c and 2 + 4/1 = 6c (V1: scatter store 32-bit 10c, 64-bit 6c).
    set(TimingClass::SveGather, 7);
    set(TimingClass::SveScatter, 2);
    set(TimingClass::Mrs, 2);             // assumption (LLVM placeholder 1c)
    set(TimingClass::Msr, 6);             // assumption: system register writes serialise
    set(TimingClass::Barrier, 20);        // assumption: ISB/DSB/DMB pipeline drain
    set(TimingClass::ExceptionEntry, 30); // assumption: pipeline flush + vector fetch
    set(TimingClass::Eret, 6);            // V2: ERETAA 6c (closest published figure)
    set(TimingClass::Wfi, 1);             // the wait itself is counted in cycles until the IRQ
    return t;
}

void TimingConfig::set(const std::string& key, const std::string& value, const std::string& where) {
    const bool per_cycle = key.find("per_cycle") != std::string::npos;
    const auto number = [&](unsigned long long max) {
        const auto v = parseUnsigned(value, where + key);
        if (v > max || (v == 0 && per_cycle))
            throw ConfigError(where + key + " = " + value + " is out of range (allowed: " +
                              (per_cycle ? "1" : "0") + " to " + std::to_string(max) + ")");
        return v;
    };
    if (key == "sve_load_bytes_per_cycle") {
        sve_load_bytes_per_cycle = static_cast<unsigned>(number(4096));
    } else if (key == "sve_store_bytes_per_cycle") {
        sve_store_bytes_per_cycle = static_cast<unsigned>(number(4096));
    } else if (key == "sve_gather_elements_per_cycle") {
        sve_gather_elements_per_cycle = static_cast<unsigned>(number(4096));
    } else if (key == "sve_scatter_elements_per_cycle") {
        sve_scatter_elements_per_cycle = static_cast<unsigned>(number(4096));
    } else if (key == "sve_str_z") {
        sve_str_z = static_cast<unsigned>(number(1'000'000));
    } else if (key == "sve_str_p") {
        sve_str_p = static_cast<unsigned>(number(1'000'000));
    } else if (key == "sve_st1") {
        sve_st1 = static_cast<unsigned>(number(1'000'000));
    } else if (key == "clock_hz") {
        clock_hz = number(100'000'000'000ULL);
        if (clock_hz == 0) throw ConfigError(where + "clock_hz must be positive");
    } else {
        for (std::size_t c = 0; c < isa::kTimingClassCount; ++c)
            if (isa::name(static_cast<TimingClass>(c)) == key) {
                cost[c] = static_cast<unsigned>(number(1'000'000));
                return;
            }
        throw ConfigError(where + "unknown key '" + key +
                          "' (allowed: the instruction classes of docs/timing.md, sve_str_z, "
                          "sve_str_p, sve_st1, sve_load_bytes_per_cycle, "
                          "sve_store_bytes_per_cycle, sve_gather_elements_per_cycle, "
                          "sve_scatter_elements_per_cycle, clock_hz)");
    }
}

TimingConfig TimingConfig::fromFile(const std::string& path) {
    TimingConfig t = neoverseV1();
    for (const IniEntry& e : readIniFile(path, "timing file")) {
        const std::string where = fmt::format("timing file {}:{}: ", path, e.line);
        if (!e.section.empty())
            throw ConfigError(where + "a timing file has no sections ([" + e.section + "])");
        t.set(e.key, e.value, where);
    }
    return t;
}

unsigned TimingConfig::sveMemoryCost(TimingClass c, VectorLength vl, std::uint32_t insn) const {
    const auto over = [](unsigned bytes, unsigned per_cycle) {
        return (bytes + per_cycle - 1) / per_cycle;
    };
    const bool store = (insn >> 29) == 0b111;
    const unsigned bw = store ? sve_store_bytes_per_cycle : sve_load_bytes_per_cycle;
    switch (c) {
    case TimingClass::SveLdrStrZ:
        return (store ? sve_str_z : cost[static_cast<std::size_t>(c)]) + over(vl.bytes(), bw);
    case TimingClass::SveContigLdSt:
        return (store ? sve_st1 : cost[static_cast<std::size_t>(c)]) + over(vl.bytes(), bw);
    case TimingClass::SveFirstFault:
        return cost[static_cast<std::size_t>(c)] + over(vl.bytes(), bw);
    case TimingClass::SveGather:
    case TimingClass::SveScatter: {
        const unsigned elements = vl.bits() / isa::sveGatherScatterElementBits(insn);
        return cost[static_cast<std::size_t>(c)] +
               over(elements, c == TimingClass::SveGather ? sve_gather_elements_per_cycle
                                                          : sve_scatter_elements_per_cycle);
    }
    case TimingClass::SveLdrStrP:
        return (store ? sve_str_p : cost[static_cast<std::size_t>(c)]) +
               over(vl.predicateBytes(), bw);
    default: return cost[static_cast<std::size_t>(c)];
    }
}

} // namespace svesim::model
