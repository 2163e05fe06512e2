// svesim::tlm::Cpu: the processor as an sc_module. One SC_THREAD runs it with temporal
// decoupling (tlm_quantumkeeper); data and instruction accesses go out through one TLM-2.0
// initiator socket (b_transport, with DMI for memory that grants it); irq and fiq inputs.
#pragma once

#include "svesim/model/processor.h"

#include <optional>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

namespace svesim::tlm {

struct CpuConfig {
    model::ProcessorConfig processor;
    sc_core::sc_time quantum = sc_core::sc_time(1, sc_core::SC_US);
    std::uint64_t max_instructions = 0;  // 0: no limit
    bool stop_simulation_on_exit = true; // sc_stop() when the program exits
};

class Cpu : public sc_core::sc_module, private isa::MemoryBackend {
public:
    tlm_utils::simple_initiator_socket<Cpu> socket;
    sc_core::sc_in<bool> irq;
    sc_core::sc_in<bool> fiq;

    Cpu(sc_core::sc_module_name name, const CpuConfig& cfg, model::Console& console);
    SC_HAS_PROCESS(Cpu);

    [[nodiscard]] model::Processor& processor() { return proc_; }
    // Set once the program has called SYS_EXIT.
    [[nodiscard]] std::optional<int> exitCode() const { return exit_code_; }
    // True if the run stopped because max_instructions were executed.
    [[nodiscard]] bool budgetExhausted() const { return budget_exhausted_; }
    [[nodiscard]] sc_core::sc_time clockPeriod() const { return period_; }
    // Debug transport through the socket (loader, debugger): no timing, no side effects in
    // the processor; drops predecoded instructions that a write touches.
    bool debugWrite(std::uint64_t addr, const void* data, unsigned size);
    bool debugRead(std::uint64_t addr, void* data, unsigned size);

private:
    void thread();
    void onInterruptLines();
    bool read(std::uint64_t addr, void* dst, unsigned size) override;
    bool write(std::uint64_t addr, const void* src, unsigned size) override;
    std::uint64_t takeExtraCycles() override;
    bool transport(::tlm::tlm_command cmd, std::uint64_t addr, void* data, unsigned size);
    void invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end);

    CpuConfig cfg_;
    model::Processor proc_;
    tlm_utils::tlm_quantumkeeper qk_;
    sc_core::sc_time period_;
    sc_core::sc_event wake_;
    std::uint64_t chunk_start_cycles_ = 0;
    std::uint64_t extra_cycles_ = 0;
    bool dmi_valid_ = false;
    std::optional<int> exit_code_;
    bool budget_exhausted_ = false;
};

} // namespace svesim::tlm
