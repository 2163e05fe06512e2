// A VCD of a bench run's Exception level, vector length and world over simulated time, for
// GTKWave: the same signals, times and values as tlm::StateVcd writes on the SystemC platform
// (each change at the simulated time of the instruction or exception that made it; the last
// value at each time).
#pragma once

#include "svesim/arch/observer.h"
#include "svesim/scenarios/bench.h"

#include <cstdint>
#include <string>
#include <vector>

namespace svesim::scenarios {

// What the `world` and `vmid` signals show, by the checker's default rule (DefaultWorldOf):
// 0 outside any world (firmware, kernel, hypervisor), 1 a host task, 2 a guest with its VMID.
struct VcdWorld {
    unsigned kind = 0;
    unsigned vmid = 0;
};
VcdWorld vcdWorldOf(const CpuState& s);

class BenchVcd : private Observer {
public:
    // Throws ConfigError if `path` cannot be created (".vcd" is appended if missing, as
    // SystemC does).
    BenchVcd(Bench& bench, const std::string& path);
    ~BenchVcd() override;
    BenchVcd(const BenchVcd&) = delete;
    BenchVcd& operator=(const BenchVcd&) = delete;
    // Writes the file (also done by the destructor).
    void close();

private:
    struct Sample {
        std::uint64_t ps;
        unsigned el, vl, world, vmid;
    };
    void onExceptionEntered(const ExceptionEnteredEvent& e) override;
    void onExceptionReturn(const ExceptionReturnEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange& e) override;
    void record(EL el, unsigned vl_bits, std::uint64_t ps);

    Bench* bench_;
    std::string path_;
    std::vector<Sample> samples_;
    bool closed_ = false;
};

} // namespace svesim::scenarios
