#include "scenario_runner.h"

#include "check_session.h"
#include "svesim/scenarios/bench.h"
#include "svesim/scenarios/state_vcd.h"
#include "svesim/scenarios/timeline.h"
#include "svesim/tlm/stop_signals.h"

#include <chrono>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace svesim::app {
namespace {

class QuietConsole : public model::Console {
public:
    void write(int, std::string_view b) override { text.append(b); }
    int readChar() override { return -1; }
    std::string text;
};

model::ProcessorConfig processorConfig(const RunRequest& r, std::uint64_t entry) {
    model::ProcessorConfig cfg;
    cfg.arch.policy = ZeroUpperPolicy::parse(r.policy);
    for (const auto& [k, v] : r.timing)
        cfg.timing.set(k, v, "timing ");
    cfg.arch.rvbar = entry;
    return cfg;
}

constexpr std::uint64_t kRamSize = 64ULL << 20;
constexpr std::size_t kMaxViolations = 40;

// What a finished run gives, read from its checker, phases and processor (both platforms).
RunResult collect(const RunRequest& r, CheckSession& session, model::Processor& proc,
                  const scenarios::Timeline& timeline, std::string finish,
                  std::optional<int> exit_code) {
    const scenarios::Checker& checker = session.checker();
    RunResult out;
    out.verdict = checker.verdict();
    out.finish = std::move(finish);
    out.exit_code = exit_code.value_or(-1);
    out.instructions = proc.instructions();
    out.cycles = proc.cycles();
    out.entries = checker.entries();
    out.cycles_outside = checker.meanCyclesOutside();
    const PhaseCycles& ph = session.phases();
    out.entry_phase = ph.mean(1);
    out.exit_phase = ph.mean(2);
    out.save_phase = ph.mean(3);
    out.restore_phase = ph.mean(4);
    out.put_phase = ph.mean(5);
    out.window_phase = ph.mean(6);
    for (std::size_t c = 0; c < kImplClasses.size(); ++c)
        out.class_verdicts[c] = checker.verdictFor(kImplClasses[c], false);
    if (const auto pc = checker.inconclusiveAt()) out.inconclusive = fmt::format("{:#x}", *pc);
    for (const auto& v : checker.violations()) {
        if (out.violations.size() >= kMaxViolations) break;
        out.violations.push_back(v.text());
        out.violations_json.push_back(v.json());
    }
    out.summary = checker.summary();
    out.not_checked = checker.notChecked(out.finish == "exit");
    if (!r.timeline.empty()) {
        std::ofstream svg(r.timeline);
        svg << timeline.svg(fmt::format("{} under {}: {}", r.label(), r.policy, out.verdict),
                            proc.cycles(), checker.violations());
    }
    return out;
}

RunResult errorResult(const std::string& what) {
    RunResult r;
    r.violations.push_back(what);
    return r;
}

// On the plain bench, in this process.
RunResult runOnBench(const RunRequest& r) {
    try {
        const auto image = model::ElfImage::load(r.elf);
        scenarios::BenchConfig cfg;
        cfg.processor = processorConfig(r, image.entry);
        cfg.max_instructions = r.max_insns;
        cfg.ram_size = kRamSize;
        cfg.host_check = [] { return tlm::stopSignal() == 0; };
        QuietConsole console;
        scenarios::Bench bench(cfg, console);
        bench.load(image);
        writeParameters(bench, image, r.params);
        CheckSession session(bench.processor(), bench.monitor());
        model::Processor& proc = bench.processor();
        scenarios::Timeline timeline(proc.arch());
        if (!r.timeline.empty())
            proc.events().subscribe(timeline, scenarios::Timeline::interests());
        std::unique_ptr<scenarios::BenchVcd> vcd;
        if (!r.vcd.empty()) vcd = std::make_unique<scenarios::BenchVcd>(bench, r.vcd);
        const scenarios::BenchFinish f = bench.run();
        if (vcd) vcd->close();
        using F = scenarios::BenchFinish;
        const char* finish = f == F::Exit    ? "exit"
                             : f == F::Limit ? "limit"
                             : f == F::Storm ? "storm"
                             : f == F::Host  ? "interrupted"
                                             : "stuck";
        RunResult out = collect(r, session, proc, timeline, finish, bench.exitCode());
        if (f == F::Storm) out.violations.insert(out.violations.begin(), describe(*proc.storm()));
        return out;
    } catch (const std::exception& e) {
        return errorResult(e.what());
    }
}

// On the SystemC platform (call in a child process: sc_start runs once per process).
RunResult runOnSystemC(const RunRequest& r) {
    try {
        const auto image = model::ElfImage::load(r.elf);
        tlm::PlatformConfig pcfg;
        pcfg.cpu.processor = processorConfig(r, image.entry);
        pcfg.cpu.max_instructions = r.max_insns;
        pcfg.ram_size = kRamSize;
        QuietConsole console;
        tlm::Platform platform("platform", pcfg, console);
        platform.load(image);
        writeParameters(platform, image, r.params);
        CheckSession session(platform);
        model::Processor& proc = platform.cpu.processor();
        scenarios::Timeline timeline(proc.arch());
        if (!r.timeline.empty())
            proc.events().subscribe(timeline, scenarios::Timeline::interests());
        std::unique_ptr<tlm::StateVcd> vcd;
        if (!r.vcd.empty())
            vcd = std::make_unique<tlm::StateVcd>("state_vcd", platform.cpu, r.vcd, vcdWorldOf);
        sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
        sc_core::sc_start();
        const auto& storm = platform.cpu.exceptionStorm();
        const char* finish = platform.cpu.exitCode()          ? "exit"
                             : platform.cpu.budgetExhausted() ? "limit"
                             : storm                          ? "storm"
                                                              : "stuck";
        RunResult out = collect(r, session, proc, timeline, finish, platform.cpu.exitCode());
        if (storm) out.violations.insert(out.violations.begin(), model::describe(*storm));
        return out;
    } catch (const std::exception& e) {
        return errorResult(e.what());
    }
}

// A result through a pipe: one key=value per line, newlines in texts as \x1f.
std::string oneLine(std::string t) {
    for (char& c : t)
        if (c == '\n') c = '\x1f';
    return t;
}
std::string multiLine(std::string t) {
    for (char& c : t)
        if (c == '\x1f') c = '\n';
    return t;
}

std::string serialize(const RunResult& r) {
    std::ostringstream out;
    out << "verdict=" << r.verdict << "\nfinish=" << r.finish << "\nexit_code=" << r.exit_code
        << "\ninstructions=" << r.instructions << "\ncycles=" << r.cycles
        << "\nentries=" << r.entries << "\ninconclusive=" << r.inconclusive << "\n";
    // Doubles exactly (hexfloat), so that a forked run reports what an in-process one does.
    for (const auto& [k, v] : {std::pair{"cycles_outside", r.cycles_outside},
                               {"entry_phase", r.entry_phase},
                               {"exit_phase", r.exit_phase},
                               {"save_phase", r.save_phase},
                               {"restore_phase", r.restore_phase},
                               {"put_phase", r.put_phase},
                               {"window_phase", r.window_phase}})
        out << k << "=" << fmt::format("{:a}", v) << "\n";
    for (std::size_t c = 0; c < r.class_verdicts.size(); ++c)
        out << "class" << c << "=" << r.class_verdicts[c] << "\n";
    for (const auto& [k, list] : {std::pair{"violation", &r.violations},
                                  {"violation_json", &r.violations_json},
                                  {"summary", &r.summary},
                                  {"not_checked", &r.not_checked}})
        for (const std::string& v : *list)
            out << k << "=" << oneLine(v) << "\n";
    return out.str();
}

RunResult parseResult(const std::string& text) {
    RunResult r;
    r.finish.clear();
    std::istringstream in(text);
    std::string line;
    std::map<std::string, double*> doubles{
        {"cycles_outside", &r.cycles_outside}, {"entry_phase", &r.entry_phase},
        {"exit_phase", &r.exit_phase},         {"save_phase", &r.save_phase},
        {"restore_phase", &r.restore_phase},   {"put_phase", &r.put_phase},
        {"window_phase", &r.window_phase}};
    std::map<std::string, std::vector<std::string>*> lists{{"violation", &r.violations},
                                                           {"violation_json", &r.violations_json},
                                                           {"summary", &r.summary},
                                                           {"not_checked", &r.not_checked}};
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string k = line.substr(0, eq), v = line.substr(eq + 1);
        if (k == "verdict")
            r.verdict = v;
        else if (k == "finish")
            r.finish = v;
        else if (k == "exit_code")
            r.exit_code = std::stoi(v);
        else if (k == "instructions")
            r.instructions = std::stoull(v);
        else if (k == "cycles")
            r.cycles = std::stoull(v);
        else if (k == "entries")
            r.entries = std::stoull(v);
        else if (k == "inconclusive")
            r.inconclusive = v;
        else if (k.rfind("class", 0) == 0 && k.size() == 6 && k[5] >= '0' && k[5] <= '2')
            r.class_verdicts[static_cast<std::size_t>(k[5] - '0')] = v;
        else if (const auto d = doubles.find(k); d != doubles.end())
            *d->second = std::strtod(v.c_str(), nullptr);
        else if (const auto l = lists.find(k); l != lists.end())
            l->second->push_back(multiLine(v));
    }
    return r;
}

double nowMs() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool forks(const RunRequest& r) {
    return r.isolate || r.engine == Engine::SystemC;
}

// Forks; the child runs the point and writes its result into a pipe.
RunningPoint startForked(const RunRequest& r) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::fflush(nullptr);
    const double t0 = nowMs();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        close(fds[0]);
        const std::string text =
            serialize(r.engine == Engine::SystemC ? runOnSystemC(r) : runOnBench(r));
        const char* p = text.data();
        std::size_t left = text.size();
        while (left > 0) {
            const ssize_t n = write(fds[1], p, left);
            if (n <= 0) break;
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    RunningPoint c;
    c.pid = pid;
    c.fd = fds[0];
    c.started_ms = t0;
    return c;
}

RunResult finishForked(const RunningPoint& c) {
    std::string text;
    char buf[4096];
    ssize_t n = 0;
    while ((n = read(c.fd, buf, sizeof buf)) > 0)
        text.append(buf, static_cast<std::size_t>(n));
    close(c.fd);
    int status = 0;
    waitpid(c.pid, &status, 0);
    RunResult res = parseResult(text);
    res.host_ms = nowMs() - c.started_ms;
    if (!WIFEXITED(status)) {
        // Whatever the worker printed before it died is not a result.
        res.finish = "crash";
        res.verdict = "ERROR";
        res.violations.insert(res.violations.begin(),
                              WIFSIGNALED(status)
                                  ? fmt::format("the worker died of signal {}", WTERMSIG(status))
                                  : std::string("the worker died"));
    } else if (res.finish.empty()) {
        res.finish = "error";
        res.verdict = "ERROR";
        res.violations.insert(res.violations.begin(), "the worker reported no result");
    }
    return res;
}

} // namespace

std::string RunRequest::label() const {
    if (scenario != nullptr) return std::string(scenario->name);
    return std::filesystem::path(elf).stem().string();
}

RunResult runPoint(const RunRequest& r) {
    if (forks(r)) return finishForked(startForked(r));
    const double t0 = nowMs();
    RunResult res = runOnBench(r);
    res.host_ms = nowMs() - t0;
    return res;
}

RunningPoint startPoint(const RunRequest& r) {
    if (forks(r)) return startForked(r);
    RunningPoint p;
    p.started_ms = nowMs();
    p.in_process = std::async(std::launch::async, [r] { return runOnBench(r); }).share();
    return p;
}

RunResult finishPoint(const RunningPoint& c) {
    if (c.pid < 0) {
        RunResult res = c.in_process.get();
        res.host_ms = nowMs() - c.started_ms;
        return res;
    }
    return finishForked(c);
}

std::string scenarioProgramDir() {
    if (const char* env = std::getenv("SVESIM_SCENARIO_DIR")) return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "svesim" / "scenarios";
        if (std::filesystem::is_directory(installed, ec)) return installed.string();
    }
    return SVESIM_SCENARIO_DIR;
}

} // namespace svesim::app
