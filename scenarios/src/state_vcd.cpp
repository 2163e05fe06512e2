#include "svesim/scenarios/state_vcd.h"

#include "svesim/arch/config_error.h"
#include "svesim/scenarios/checker.h"

#include <bitset>
#include <cstdio>
#include <fstream>

namespace svesim::scenarios {

VcdWorld vcdWorldOf(const CpuState& s) {
    const auto w = DefaultWorldOf(s);
    if (!w) return {};
    if (w->kind == World::Kind::HostTask) return {1, 0};
    return {2, w->vmid};
}

BenchVcd::BenchVcd(Bench& bench, const std::string& path)
    : bench_(&bench)
    , path_(path.size() > 4 && path.compare(path.size() - 4, 4, ".vcd") == 0 ? path
                                                                             : path + ".vcd") {
    if (std::FILE* probe = std::fopen(path_.c_str(), "w"))
        std::fclose(probe);
    else
        throw ConfigError("VCD file " + path_ + " cannot be written");
    bench.processor().events().subscribe(*this, eventBit(EventKind::ExceptionEntered) |
                                                    eventBit(EventKind::ExceptionReturn) |
                                                    eventBit(EventKind::VectorLengthChange));
    const ArchState& a = bench.processor().arch();
    record(a.cpu.pstate.el, a.currentVL().bits(), 0);
}

BenchVcd::~BenchVcd() {
    close();
}

void BenchVcd::onExceptionEntered(const ExceptionEnteredEvent& e) {
    record(e.to, e.vl_bits, bench_->timePs());
}

void BenchVcd::onExceptionReturn(const ExceptionReturnEvent& e) {
    record(e.illegal ? e.from : e.to, samples_.back().vl, bench_->timePs());
}

void BenchVcd::onVectorLengthChange(const VectorLengthChange& e) {
    record(static_cast<EL>(samples_.back().el), e.new_bits, bench_->timePs());
}

void BenchVcd::record(EL el, unsigned vl_bits, std::uint64_t ps) {
    CpuState after = bench_->processor().arch().cpu; // the events come before EL changes
    after.pstate.el = el;
    const VcdWorld w = vcdWorldOf(after);
    const Sample s{ps, toUnsigned(el), vl_bits, w.kind, w.vmid};
    // The last value at a time is what a trace of that time step shows.
    if (!samples_.empty() && samples_.back().ps == ps)
        samples_.back() = s;
    else
        samples_.push_back(s);
}

void BenchVcd::close() {
    if (closed_) return;
    closed_ = true;
    bench_->processor().events().unsubscribe(*this);
    // SystemC's VCD layout (sc_create_vcd_trace_file), without its $date and $version.
    std::ofstream out(path_);
    out << "$timescale\n     1 ps\n$end\n\n$scope module SystemC $end\n";
    for (const char* v : {"aaaaa  el", "aaaab  vl", "aaaac  world", "aaaad  vmid"})
        out << "$var wire   32  " << v << " [31:0]  $end\n";
    out << "$upscope $end\n$enddefinitions  $end\n\n$comment\nAll initial values are dumped "
           "below at time 0 sec = 0 timescale units.\n$end\n\n";
    const auto bits = [](unsigned v) {
        const std::string b = std::bitset<32>(v).to_string();
        const auto one = b.find('1');
        return one == std::string::npos ? std::string("0") : b.substr(one);
    };
    Sample last{};
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        const Sample& s = samples_[i];
        const bool first = i == 0;
        const bool el = first || s.el != last.el, vl = first || s.vl != last.vl,
                   world = first || s.world != last.world, vmid = first || s.vmid != last.vmid;
        if (!(el || vl || world || vmid)) continue;
        if (first)
            out << "$dumpvars\n";
        else
            out << "#" << s.ps << "\n";
        if (el) out << "b" << bits(s.el) << " aaaaa\n";
        if (vl) out << "b" << bits(s.vl) << " aaaab\n";
        if (world) out << "b" << bits(s.world) << " aaaac\n";
        if (vmid) out << "b" << bits(s.vmid) << " aaaad\n";
        out << (first ? "$end\n\n" : "\n");
        last = s;
    }
    out << "#" << bench_->timePs() << "\n";
}

} // namespace svesim::scenarios
