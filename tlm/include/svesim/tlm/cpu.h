// svesim::tlm::Cpu: the processor as an sc_module. One SC_THREAD runs it with temporal
// decoupling (tlm_quantumkeeper); data and instruction accesses go out through one TLM-2.0
// initiator socket (b_transport, with DMI for memory that grants it); irq and fiq inputs.
#pragma once

#include "svesim/model/gdb_server.h"
#include "svesim/model/processor.h"
#include "svesim/tlm/cpu_params.h"
#include "svesim/tlm/security_extension.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>
#include <vector>

namespace svesim::tlm {

// The Cpu's configuration. Every field named in cpuParameters() (svesim/tlm/cpu_params.h) can
// also be set by name from text: cfg.set("max_vl", "512"), cfg.load("platform.ini", "cpu0").
struct CpuConfig {
    model::ProcessorConfig processor;
    sc_core::sc_time quantum = sc_core::sc_time(1, sc_core::SC_US);
    std::string timing_source = "neoverse-v1";         // what processor.timing was loaded from
    std::uint16_t gdb_port = 0;                        // 0: no GDB stub
    std::uint64_t max_instructions = 0;                // 0: no limit
    sc_core::sc_time max_time = sc_core::SC_ZERO_TIME; // simulated-time limit (0: none)
    bool stop_simulation_on_exit = true;               // sc_stop() when the program exits

    // By-name access; throws ConfigError for an unknown name or a bad value.
    void set(std::string_view name, const std::string& value) {
        setCpuParameter(*this, name, value);
    }
    [[nodiscard]] std::string get(std::string_view name) const {
        return getCpuParameter(*this, name);
    }
    void load(const std::string& path, std::string_view instance = {}) {
        loadCpuParameterFile(*this, path, instance);
    }
};

// A quantum keeper with the Cpu's own quantum: the local time runs ahead at most up to the next
// multiple of `quantum`, and never past the global quantum's boundary if the platform set one
// (tlm_global_quantum; IEEE 1666-2011 16.2.4 lets an initiator use a smaller local quantum).
class CpuQuantumKeeper : public tlm_utils::tlm_quantumkeeper {
public:
    void setQuantum(sc_core::sc_time q) {
        quantum_ = q;
        reset();
    }
    [[nodiscard]] sc_core::sc_time quantum() const { return quantum_; }

protected:
    sc_core::sc_time compute_local_quantum() override;

private:
    sc_core::sc_time quantum_ = sc_core::sc_time(1, sc_core::SC_US);
};

// A level-sensitive interrupt input; it may be left unbound (never asserted).
using InterruptInput =
    sc_core::sc_port<sc_core::sc_signal_in_if<bool>, 1, sc_core::SC_ZERO_OR_MORE_BOUND>;

class Cpu : public sc_core::sc_module, public model::DebugMemory, private isa::MemoryBackend {
public:
    tlm_utils::simple_initiator_socket<Cpu> socket;
    InterruptInput irq;  // physical IRQ (a GIC CPU interface's nIRQ)
    InterruptInput fiq;  // physical FIQ
    InterruptInput virq; // virtual IRQ (nVIRQ): taken at EL0/EL1 when HCR_EL2.IMO = 1
    InterruptInput vfiq; // virtual FIQ (nVFIQ): taken at EL0/EL1 when HCR_EL2.FMO = 1

    Cpu(sc_core::sc_module_name name, const CpuConfig& cfg, model::Console& console);
    ~Cpu() override;
    Cpu(const Cpu&) = delete;
    Cpu& operator=(const Cpu&) = delete;
    SC_HAS_PROCESS(Cpu);

    [[nodiscard]] model::Processor& processor() { return proc_; }
    // The PE's generic timer interrupt levels (CNTP, CNTV, CNTHP, CNTHV): `sink` is called on
    // every change (the boot platform feeds the GIC's PPIs). Without a sink they stay
    // unconnected; processor().timer().interruptLevel() shows them. The Cpu re-evaluates them
    // at the end of every chunk and wakes from WFI when one is due.
    void setTimerSink(std::function<void(model::TimerId, bool)> sink) {
        timer_sink_ = std::move(sink);
    }
    // With more than one Cpu: join the platform's global exclusive monitor and event network
    // (LDXR/STXR across PEs, SEV, WFE wake-ups). Call for every Cpu before sc_start().
    void shareGlobalMonitor(isa::GlobalMonitor& monitor) {
        proc_.joinGlobalMonitor(monitor, [this] { wake_.notify(sc_core::SC_ZERO_TIME); });
    }
    // Set once the program has called SYS_EXIT.
    [[nodiscard]] std::optional<int> exitCode() const { return exit_code_; }
    // True if the run stopped because max_instructions were executed.
    [[nodiscard]] bool budgetExhausted() const { return budget_exhausted_; }
    // True if the run stopped because simulated time reached max_time.
    [[nodiscard]] bool timeLimitReached() const { return time_limit_; }
    // The exception storm that stopped the run (model::ExceptionStorm), if any.
    [[nodiscard]] const std::optional<model::ExceptionStorm>& exceptionStorm() const {
        return storm_;
    }
    // A check of the host's own (a signal, a wall-clock limit, a progress line): called about
    // every kHostCheckInstructions instructions and while the PE sleeps with other processes
    // active; when it returns false the Cpu stops the run (stoppedByHost()).
    void setHostCheck(std::function<bool()> check) { host_check_ = std::move(check); }
    [[nodiscard]] bool stoppedByHost() const { return stopped_by_host_; }
    // The PC of a branch to itself with every interrupt masked that ended the run (without a
    // debugger attached), if any.
    [[nodiscard]] const std::optional<std::uint64_t>& spinForever() const { return spin_pc_; }
    static constexpr std::uint64_t kHostCheckInstructions = 16 * 512;
    [[nodiscard]] sc_core::sc_time clockPeriod() const { return period_; }
    [[nodiscard]] sc_core::sc_time quantum() const { return qk_.quantum(); }
    // How far the PE has run ahead of SystemC time (temporal decoupling): the simulated time of
    // the instruction executing now is sc_time_stamp() + localTime().
    [[nodiscard]] sc_core::sc_time localTime() const {
        return qk_.get_local_time() +
               period_ * static_cast<double>(proc_.cycles() - chunk_start_cycles_);
    }
    // Debug transport through the socket (loader, debugger): no timing, no side effects in
    // the processor; drops predecoded instructions that a write touches.
    bool debugWrite(std::uint64_t addr, const void* data, unsigned size) override;
    bool debugRead(std::uint64_t addr, void* data, unsigned size) override;
    // The GDB stub, when the gdb_port parameter is set (the run waits for the debugger first).
    [[nodiscard]] model::GdbServer* gdb() { return gdb_.get(); }
    // True if the debugger ended the run (kill).
    [[nodiscard]] bool killedByDebugger() const { return killed_; }

private:
    void end_of_elaboration() override;
    void thread();
    // The debugger has the PE: serve it; false if it ended the run.
    bool debuggerStop(int signal, bool announce = true);
    // WFI/WFE: waits until an interrupt wakes the PE and counts the time as idle cycles.
    // Returns kSigInt if an attached debugger asked to stop first, kStopRun if the host check
    // or max_time ended the run, else 0.
    int sleep();
    // The simulated time until the PE's next armed timer fires (nullopt: none is armed).
    [[nodiscard]] std::optional<sc_core::sc_time> timerDue();
    static constexpr int kStopRun = -1;
    // max_time and (with `ask_host`) the host check, between chunks; false (and the reason
    // recorded) to stop.
    bool mayContinue(bool ask_host);
    // How often (simulated ns) a sleeping PE checks for Ctrl-C while other processes keep
    // SystemC busy.
    static constexpr double kDebuggerPollNs = 10'000;
    void finish();
    std::function<void(model::TimerId, bool)> timer_sink_;
    void onInterruptLines();
    bool read(std::uint64_t addr, void* dst, unsigned size) override;
    bool write(std::uint64_t addr, const void* src, unsigned size) override;
    std::uint64_t takeExtraCycles() override;
    bool transport(::tlm::tlm_command cmd, std::uint64_t addr, void* data, unsigned size);
    // transport_dbg for the loader and the debugger (reported as a BusTransaction).
    bool debugTransport(::tlm::tlm_command cmd, std::uint64_t addr, void* data, unsigned size);
    // A BusTransaction event (`at`: the initiator's local time offset).
    void report(BusOp op, std::uint64_t addr, std::uint64_t size, std::string_view response,
                const sc_core::sc_time& at, const sc_core::sc_time& latency);
    void invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end);

    CpuConfig cfg_;
    model::Processor proc_;
    CpuQuantumKeeper qk_;
    sc_core::sc_time period_;
    sc_core::sc_event wake_;
    std::uint64_t chunk_start_cycles_ = 0;
    std::uint64_t extra_cycles_ = 0;
    // The payload of every access, reused (a payload with an extension allocates on creation);
    // its SecurityExtension stays attached and is cleared in ~Cpu.
    SecurityExtension security_;
    ::tlm::tlm_generic_payload trans_;
    // Every DMI region granted so far; the processor's direct window is one of them (the one
    // the last direct-memory access hit), so the firmware's flash and the kernel's RAM both
    // stay direct as the PE moves between them.
    struct DmiRegion {
        std::uint8_t* host;
        std::uint64_t start, end; // [start, end)
    };
    std::vector<DmiRegion> dmi_regions_;
    std::optional<std::size_t> dmi_window_; // index into dmi_regions_
    // Makes the region holding `addr` the direct window, asking the target for it first if no
    // known region holds it; false if the target grants none.
    bool useDirectWindow(std::uint64_t addr, const sc_core::sc_time& at);
    std::optional<int> exit_code_;
    bool budget_exhausted_ = false;
    bool time_limit_ = false;
    bool stopped_by_host_ = false;
    std::optional<model::ExceptionStorm> storm_;
    std::optional<std::uint64_t> spin_pc_;
    std::function<bool()> host_check_;
    bool killed_ = false;
    std::unique_ptr<model::GdbServer> gdb_;
    model::GdbResume gdb_mode_ = model::GdbResume::Detach;
};

} // namespace svesim::tlm
