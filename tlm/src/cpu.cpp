// sc_spawn (the interrupt-input method is made at end of elaboration).
#define SC_INCLUDE_DYNAMIC_PROCESSES
#include "svesim/tlm/cpu.h"

#include "svesim/arch/config_error.h"
#include "svesim/arch/el_predicates.h"
#include "svesim/isa/bits.h"
#include "svesim/tlm/security_extension.h"

#include <algorithm>
#include <utility>

namespace svesim::tlm {

using sc_core::sc_time;

namespace {
constexpr int kSigSegv = 11; // what the debugger hears when an exception storm ends the run
}

sc_time CpuQuantumKeeper::compute_local_quantum() {
    const sc_time now = sc_core::sc_time_stamp();
    sc_time local = quantum_ - sc_time::from_value(now.value() % quantum_.value());
    if (::tlm::tlm_global_quantum::instance().get() != sc_core::SC_ZERO_TIME)
        local = std::min(local, ::tlm::tlm_global_quantum::instance().compute_local_quantum());
    return local;
}

Cpu::Cpu(sc_core::sc_module_name name, const CpuConfig& cfg, model::Console& console)
    : sc_module(name)
    , socket("socket")
    , irq("irq")
    , fiq("fiq")
    , virq("virq")
    , vfiq("vfiq")
    , cfg_(cfg)
    , proc_(cfg.processor, *this, console)
    , period_(sc_time(1.0 / static_cast<double>(cfg.processor.timing.clock_hz), sc_core::SC_SEC)) {
    socket.register_invalidate_direct_mem_ptr(this, &Cpu::invalidate_direct_mem_ptr);
    if (cfg.quantum == sc_core::SC_ZERO_TIME)
        throw ConfigError("parameter quantum: a Cpu's quantum must be positive");
    qk_.setQuantum(cfg.quantum);
    proc_.setStopOnSpin(true); // a branch to itself with nothing to end it ends the run
    proc_.timer().setLevelListener([this](model::TimerId t, bool level) {
        if (timer_sink_) timer_sink_(t, level);
    });
    if (cfg.gdb_port != 0) gdb_ = std::make_unique<model::GdbServer>(proc_, *this, cfg.gdb_port);
    trans_.set_byte_enable_ptr(nullptr);
    trans_.set_extension(&security_);
    SC_THREAD(thread);
}

Cpu::~Cpu() {
    trans_.clear_extension(&security_); // not the payload's to delete
}

// The inputs may be unbound, so the method that follows them is made here, sensitive to the
// ones that are.
void Cpu::end_of_elaboration() {
    sc_core::sc_spawn_options opts;
    opts.spawn_method(); // runs once at the start too: a line already high at time 0 counts
    bool any = false;
    for (InterruptInput* in : {&irq, &fiq, &virq, &vfiq})
        if (in->size() != 0) {
            opts.set_sensitivity(&(*in)->value_changed_event());
            any = true;
        }
    if (any) sc_core::sc_spawn([this] { onInterruptLines(); }, "interrupt_inputs", &opts);
}

void Cpu::onInterruptLines() {
    auto level = [](InterruptInput& in) { return in.size() != 0 && in->read(); };
    proc_.setIrq(level(irq));
    proc_.setFiq(level(fiq));
    proc_.setVirq(level(virq));
    proc_.setVfiq(level(vfiq));
    // This runs while the Cpu thread is synchronised (at the end of its quantum or asleep in
    // WFI): the PE sees the new levels from its next instruction on.
    wake_.notify(sc_core::SC_ZERO_TIME);
}

namespace {

std::string_view responseName(::tlm::tlm_response_status s) {
    switch (s) {
    case ::tlm::TLM_OK_RESPONSE: return "OK";
    case ::tlm::TLM_INCOMPLETE_RESPONSE: return "INCOMPLETE";
    case ::tlm::TLM_GENERIC_ERROR_RESPONSE: return "GENERIC_ERROR";
    case ::tlm::TLM_ADDRESS_ERROR_RESPONSE: return "ADDRESS_ERROR";
    case ::tlm::TLM_COMMAND_ERROR_RESPONSE: return "COMMAND_ERROR";
    case ::tlm::TLM_BURST_ERROR_RESPONSE: return "BURST_ERROR";
    case ::tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE: return "BYTE_ENABLE_ERROR";
    }
    return "?";
}

std::uint64_t picoseconds(const sc_time& t) {
    return static_cast<std::uint64_t>(t / sc_time(1, sc_core::SC_PS));
}

} // namespace

void Cpu::report(BusOp op, std::uint64_t addr, std::uint64_t size, std::string_view response,
                 const sc_time& at, const sc_time& latency) {
    proc_.events().emit(BusTransactionEvent{{},
                                            op,
                                            addr,
                                            size,
                                            response,
                                            picoseconds(sc_core::sc_time_stamp() + at),
                                            picoseconds(latency)});
}

bool Cpu::transport(::tlm::tlm_command cmd, std::uint64_t addr, void* data, unsigned size) {
    ::tlm::tlm_generic_payload& trans = trans_;
    trans.set_command(cmd);
    trans.set_address(addr);
    trans.set_data_ptr(static_cast<unsigned char*>(data));
    trans.set_data_length(size);
    trans.set_streaming_width(size);
    trans.set_dmi_allowed(false);
    trans.set_response_status(::tlm::TLM_INCOMPLETE_RESPONSE);
    // Its Security attribute is the PE's Security state. (The NS bit of a Secure regime's
    // descriptors is not carried: svesim's Secure software, the EL3 firmware, runs with its MMU
    // off, where every access is Secure.)
    security_.non_secure = !IsSecure(proc_.arch().cpu);
    // The access happens at the local time of the instruction making it.
    const sc_time at =
        qk_.get_local_time() + period_ * static_cast<double>(proc_.cycles() - chunk_start_cycles_);
    sc_time delay = at;
    socket->b_transport(trans, delay);
    if (delay > at) extra_cycles_ += static_cast<std::uint64_t>((delay - at) / period_);
    if (proc_.events().listening(EventKind::BusTransaction))
        report(cmd == ::tlm::TLM_WRITE_COMMAND ? BusOp::Write : BusOp::Read, addr, size,
               responseName(trans.get_response_status()), at, delay > at ? delay - at : sc_time());
    if (!trans.is_response_ok()) return false;
    if (trans.is_dmi_allowed())
        useDirectWindow(addr, at);
    else
        proc_.requestStop(); // MMIO: synchronise before the next instruction
    return true;
}

bool Cpu::useDirectWindow(std::uint64_t addr, const sc_time& at) {
    const auto holds = [addr](const DmiRegion& r) { return addr >= r.start && addr < r.end; };
    auto it = std::find_if(dmi_regions_.begin(), dmi_regions_.end(), holds);
    if (it == dmi_regions_.end()) {
        ::tlm::tlm_dmi dmi;
        ::tlm::tlm_generic_payload req;
        req.set_command(::tlm::TLM_READ_COMMAND);
        req.set_address(addr);
        if (!socket->get_direct_mem_ptr(req, dmi) || !dmi.is_read_write_allowed()) return false;
        dmi_regions_.push_back(
            {dmi.get_dmi_ptr(), dmi.get_start_address(), dmi.get_end_address() + 1});
        it = std::prev(dmi_regions_.end());
        if (proc_.events().listening(EventKind::BusTransaction))
            report(BusOp::DmiGranted, it->start, it->end - it->start, "OK", at, sc_time());
    }
    dmi_window_ = static_cast<std::size_t>(it - dmi_regions_.begin());
    proc_.setDirectWindow(it->host, it->start, it->end);
    return true;
}

bool Cpu::read(std::uint64_t addr, void* dst, unsigned size) {
    return transport(::tlm::TLM_READ_COMMAND, addr, dst, size);
}

bool Cpu::write(std::uint64_t addr, const void* src, unsigned size) {
    return transport(::tlm::TLM_WRITE_COMMAND, addr, const_cast<void*>(src), size);
}

std::uint64_t Cpu::takeExtraCycles() {
    return std::exchange(extra_cycles_, 0);
}

void Cpu::invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end) {
    const auto overlaps = [start, end](const DmiRegion& r) {
        return r.start <= end && start < r.end;
    };
    if (dmi_window_ && overlaps(dmi_regions_[*dmi_window_])) proc_.clearDirectWindow();
    dmi_window_.reset();
    std::erase_if(dmi_regions_, overlaps);
    if (proc_.events().listening(EventKind::BusTransaction))
        report(BusOp::DmiInvalidated, start, end - start + 1, "OK", sc_time(), sc_time());
}

bool Cpu::debugTransport(::tlm::tlm_command cmd, std::uint64_t addr, void* data, unsigned size) {
    ::tlm::tlm_generic_payload trans;
    trans.set_command(cmd);
    trans.set_address(addr);
    trans.set_data_ptr(static_cast<unsigned char*>(data));
    trans.set_data_length(size);
    trans.set_streaming_width(size);
    trans.set_response_status(::tlm::TLM_INCOMPLETE_RESPONSE);
    const bool ok = socket->transport_dbg(trans) == size;
    if (proc_.events().listening(EventKind::BusTransaction))
        report(cmd == ::tlm::TLM_WRITE_COMMAND ? BusOp::DebugWrite : BusOp::DebugRead, addr, size,
               ok ? "OK" : responseName(trans.get_response_status()), sc_time(), sc_time());
    return ok;
}

bool Cpu::debugWrite(std::uint64_t addr, const void* data, unsigned size) {
    const bool ok = debugTransport(::tlm::TLM_WRITE_COMMAND, addr, const_cast<void*>(data), size);
    proc_.invalidateCode(addr, size);
    return ok;
}

bool Cpu::debugRead(std::uint64_t addr, void* data, unsigned size) {
    return debugTransport(::tlm::TLM_READ_COMMAND, addr, data, size);
}

void Cpu::finish() {
    qk_.sync();
    if (cfg_.stop_simulation_on_exit || killed_) sc_core::sc_stop();
}

bool Cpu::debuggerStop(int signal, bool announce) {
    gdb_mode_ = gdb_->stopped(signal, announce);
    if (gdb_mode_ != model::GdbResume::Kill) return true;
    killed_ = true;
    finish();
    return false;
}

void Cpu::thread() {
    constexpr std::uint64_t kChunk = 512;
    const std::uint64_t quantum_cycles =
        std::max<std::uint64_t>(1, static_cast<std::uint64_t>(qk_.quantum() / period_));
    std::uint64_t executed = 0;
    unsigned chunks = 0, host_chunks = 0;
    if (gdb_) {
        gdb_->waitForDebugger();
        if (!debuggerStop(model::GdbServer::kSigTrap, false)) return;
    }
    while (true) {
        const bool stepping = gdb_mode_ == model::GdbResume::Step;
        std::uint64_t budget = stepping ? 1 : std::min(kChunk, quantum_cycles);
        if (cfg_.max_instructions != 0) budget = std::min(budget, cfg_.max_instructions - executed);
        chunk_start_cycles_ = proc_.cycles();
        const model::RunResult r = proc_.run(budget);
        executed += r.executed;
        qk_.inc(period_ * static_cast<double>(proc_.cycles() - chunk_start_cycles_));
        chunk_start_cycles_ = proc_.cycles();
        proc_.timer().poll(); // a timer whose count was reached during the chunk fires now
        if (r.reason == model::StopReason::Exit) {
            exit_code_ = r.exit_code;
            if (gdb_) gdb_->exited(r.exit_code);
            finish();
            return;
        }
        if (cfg_.max_instructions != 0 && executed >= cfg_.max_instructions) {
            budget_exhausted_ = true;
            if (gdb_) gdb_->terminated(model::GdbServer::kSigXcpu);
            finish();
            return;
        }
        if (r.reason == model::StopReason::ExceptionStorm) {
            storm_ = proc_.storm();
            if (gdb_) gdb_->terminated(kSigSegv);
            finish();
            return;
        }
        // With a debugger attached the spin goes on: the user may change the state.
        if (r.reason == model::StopReason::SpinForever && !(gdb_ && gdb_->attached())) {
            spin_pc_ = proc_.arch().cpu.pc;
            finish();
            return;
        }
        if (!mayContinue((++host_chunks & 15) == 0)) {
            if (gdb_) gdb_->terminated(model::GdbServer::kSigInt);
            finish();
            return;
        }
        if (gdb_ && gdb_->attached()) {
            int signal = 0;
            if (stepping || r.reason == model::StopReason::Breakpoint || gdb_->watchpointHit())
                signal = model::GdbServer::kSigTrap;
            else if ((++chunks & 15) == 0 && gdb_->interruptRequested())
                signal = model::GdbServer::kSigInt;
            // Then on as if there had been no stop: time goes on while the debugger steps.
            if (signal != 0 && !debuggerStop(signal)) return;
        }
        if (r.reason == model::StopReason::WaitForInterrupt) {
            const int signal = sleep();
            if (signal == kStopRun) {
                if (gdb_) gdb_->terminated(model::GdbServer::kSigInt);
                finish();
                return;
            }
            if (signal != 0 && !debuggerStop(signal)) return;
            continue;
        }
        if (qk_.need_sync() || r.executed < budget) qk_.sync();
    }
}

bool Cpu::mayContinue(bool ask_host) {
    if (cfg_.max_time != sc_core::SC_ZERO_TIME &&
        sc_core::sc_time_stamp() + localTime() >= cfg_.max_time) {
        time_limit_ = true;
        return false;
    }
    if (ask_host && host_check_ && !host_check_()) {
        stopped_by_host_ = true;
        return false;
    }
    return true;
}

std::optional<sc_time> Cpu::timerDue() {
    const model::GenericTimer& t = proc_.timer();
    const std::optional<std::uint64_t> next = t.nextEventCount();
    if (!next) return std::nullopt;
    const std::uint64_t now = t.physicalCount();
    const std::uint64_t ticks = *next > now ? *next - now : 1;
    // Counter ticks to core cycles (rounded up: the count must have reached `next`).
    const auto cycles =
        static_cast<std::uint64_t>((static_cast<isa::u128>(ticks) * cfg_.processor.timing.clock_hz +
                                    model::GenericTimer::kDefaultFrequency - 1) /
                                   model::GenericTimer::kDefaultFrequency);
    return period_ * static_cast<double>(std::max<std::uint64_t>(cycles, 1));
}

int Cpu::sleep() {
    qk_.sync();
    sc_time slept_from = sc_core::sc_time_stamp();
    // The idle cycles up to now (the counter runs on while the PE sleeps), then the timers.
    const auto catch_up = [&] {
        const auto cycles =
            static_cast<std::uint64_t>((sc_core::sc_time_stamp() - slept_from) / period_);
        proc_.addIdleCycles(cycles);
        slept_from += period_ * static_cast<double>(cycles);
        proc_.timer().poll();
    };
    int signal = 0;
    while (!proc_.wakeUpPending()) {
        const bool debugger = gdb_ && gdb_->attached();
        const bool limited = host_check_ || cfg_.max_time != sc_core::SC_ZERO_TIME;
        const std::optional<sc_time> due = timerDue();
        if (!debugger && !limited) {
            if (due)
                sc_core::wait(*due, wake_);
            else
                sc_core::wait(wake_);
            catch_up();
            continue;
        }
        // Nothing else in the platform can wake the PE: with a debugger, wait for Ctrl-C;
        // otherwise the simulation ends here (starvation: stuck in WFI).
        if (!due && !sc_core::sc_pending_activity()) {
            if (!debugger) {
                sc_core::wait(wake_);
                continue;
            }
            gdb_->waitForInterruptRequest();
            signal = model::GdbServer::kSigInt;
            break;
        }
        // Others keep SystemC busy: look at Ctrl-C, the host check and max_time now and then.
        sc_time step(kDebuggerPollNs, sc_core::SC_NS);
        if (due) step = std::min(step, *due);
        if (cfg_.max_time != sc_core::SC_ZERO_TIME) {
            if (sc_core::sc_time_stamp() >= cfg_.max_time) {
                time_limit_ = true;
                signal = kStopRun;
                break;
            }
            step = std::min(step, cfg_.max_time - sc_core::sc_time_stamp());
        }
        sc_core::wait(step, wake_);
        catch_up();
        if (debugger && gdb_->interruptRequested()) {
            signal = model::GdbServer::kSigInt;
            break;
        }
        if (!mayContinue(true)) {
            signal = kStopRun;
            break;
        }
    }
    catch_up();
    return signal;
}

} // namespace svesim::tlm
