// Cycle-approximate timing: a cost per instruction class, and SVE memory costs that grow with
// VL (base latency plus bytes over bandwidth, or plus elements over the gather/scatter rate).
// Defaults and sources: docs/timing.md.
#pragma once

#include "svesim/isa/timing_class.h"
#include "svesim/sve/vector_length.h"

#include <array>
#include <string>

namespace svesim::model {

struct TimingConfig {
    // Cycles charged per instruction of each class (for SVE memory classes: the base latency).
    std::array<unsigned, isa::kTimingClassCount> cost{};
    // Base latency of the store forms of the three SVE memory classes (keys sve_str_z,
    // sve_str_p, sve_st1); the class cost is their load latency.
    unsigned sve_str_z = 2, sve_str_p = 1, sve_st1 = 2;
    unsigned sve_load_bytes_per_cycle = 64;  // Neoverse V1: 2 x 256-bit load pipes
    unsigned sve_store_bytes_per_cycle = 32; // Neoverse V1: 1 x 256-bit store data path
    // Elements a gather reads / a scatter writes per cycle (see neoverseV1()).
    unsigned sve_gather_elements_per_cycle = 2;
    unsigned sve_scatter_elements_per_cycle = 1;
    std::uint64_t clock_hz = 2'000'000'000; // core clock, for converting cycles to time

    // The Neoverse V1 defaults of docs/timing.md.
    static TimingConfig neoverseV1();
    // Reads "name = value" lines (readIniFile; no sections) over the defaults: the class
    // names of isa::name(TimingClass), sve_str_z, sve_str_p, sve_st1, sve_load_bytes_per_cycle,
    // sve_store_bytes_per_cycle, sve_gather_elements_per_cycle, sve_scatter_elements_per_cycle,
    // clock_hz. Throws ConfigError naming the file, key or value on bad input.
    static TimingConfig fromFile(const std::string& path);
    // Sets one key (the names fromFile accepts); throws ConfigError prefixed with `where`.
    void set(const std::string& key, const std::string& value, const std::string& where = "");

    // The cycles one instruction of class `c` costs at vector length `vl`; `insn` tells SVE
    // stores (insn[31:29] == 0b111) from loads and gives a gather's element size.
    [[nodiscard]] unsigned instructionCost(isa::TimingClass c, VectorLength vl,
                                           std::uint32_t insn) const {
        if (c < isa::TimingClass::SveLdrStrZ || c > isa::TimingClass::SveScatter)
            return cost[static_cast<std::size_t>(c)];
        return sveMemoryCost(c, vl, insn);
    }
    // The VL-dependent cost of the SVE memory classes (SveLdrStrZ .. SveScatter).
    [[nodiscard]] unsigned sveMemoryCost(isa::TimingClass c, VectorLength vl,
                                         std::uint32_t insn) const;
};

} // namespace svesim::model
