#include "scenario_runner.h"

#include "check_session.h"
#include "svesim/scenarios/timeline.h"

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

// Runs one scenario under one policy in this (child) process; returns the result lines.
std::string runInChild(const RunRequest& r) {
    std::ostringstream out;
    try {
        const auto image = model::ElfImage::load(r.elf);
        tlm::PlatformConfig pcfg;
        pcfg.cpu.processor.arch.policy = ZeroUpperPolicy::parse(r.policy);
        for (const auto& [k, v] : r.timing)
            pcfg.cpu.processor.timing.set(k, v, "timing ");
        pcfg.cpu.processor.arch.rvbar = image.entry;
        pcfg.cpu.max_instructions = r.max_insns;
        pcfg.ram_size = 64ULL << 20;
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
        const auto& checker = session.checker();
        const char* finish = platform.cpu.exitCode()          ? "exit"
                             : platform.cpu.budgetExhausted() ? "limit"
                                                              : "stuck";
        out << "verdict=" << checker.verdict() << "\n"
            << "finish=" << finish << "\n"
            << "exit_code=" << platform.cpu.exitCode().value_or(-1) << "\n"
            << "instructions=" << proc.instructions() << "\n"
            << "cycles=" << proc.cycles() << "\n"
            << "entries=" << checker.entries() << "\n"
            << "cycles_outside=" << checker.meanCyclesOutside() << "\n"
            << "entry_phase=" << session.phases().mean(1) << "\n"
            << "exit_phase=" << session.phases().mean(2) << "\n"
            << "restore_phase=" << session.phases().mean(4) << "\n"
            << "put_phase=" << session.phases().mean(5) << "\n"
            << "window_phase=" << session.phases().mean(6) << "\n";
        for (const ImplClass c : kImplClasses)
            out << "class_" << name(c) << "=" << checker.verdictFor(c, false) << "\n";
        if (const auto pc = checker.inconclusiveAt())
            out << "inconclusive=" << fmt::format("{:#x}", *pc) << "\n";
        std::size_t shown = 0;
        for (const auto& v : checker.violations()) {
            if (++shown > 40) break;
            std::string t = v.text();
            for (char& c : t)
                if (c == '\n') c = '\x1f';
            out << "violation=" << t << "\n";
            out << "violation_json=" << v.json() << "\n";
        }
        for (const std::string& line : checker.summary())
            out << "summary=" << line << "\n";
        if (!r.timeline.empty()) {
            std::ofstream svg(r.timeline);
            svg << timeline.svg(
                fmt::format("{} under {}: {}", r.scenario->name, r.policy, checker.verdict()),
                proc.cycles(), checker.violations());
        }
    } catch (const std::exception& e) {
        out << "verdict=ERROR\nfinish=error\nviolation=" << e.what() << "\n";
    }
    return out.str();
}

RunResult parseResult(const std::string& text) {
    RunResult r;
    std::istringstream in(text);
    std::string line;
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
        else if (k == "violation_json")
            r.violations_json.push_back(v);
        else if (k == "summary")
            r.summary.push_back(v);
        else if (k == "class_preserve")
            r.class_verdicts[0] = v;
        else if (k == "class_zero")
            r.class_verdicts[1] = v;
        else if (k == "class_qemu")
            r.class_verdicts[2] = v;
        else if (k == "inconclusive")
            r.inconclusive = v;
        else if (k == "cycles_outside")
            r.cycles_outside = std::stod(v);
        else if (k == "entry_phase")
            r.entry_phase = std::stod(v);
        else if (k == "exit_phase")
            r.exit_phase = std::stod(v);
        else if (k == "restore_phase")
            r.restore_phase = std::stod(v);
        else if (k == "put_phase")
            r.put_phase = std::stod(v);
        else if (k == "window_phase")
            r.window_phase = std::stod(v);
        else if (k == "violation") {
            std::string t = v;
            for (char& c : t)
                if (c == '\x1f') c = '\n';
            r.violations.push_back(t);
        }
    }
    return r;
}

double nowMs() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

// Forks; the child runs the scenario and writes its result into a pipe.
RunningChild startForked(const RunRequest& r) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::fflush(nullptr);
    const double t0 = nowMs();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        close(fds[0]);
        const std::string text = runInChild(r);
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
    return RunningChild{pid, fds[0], t0};
}

RunResult finishForked(const RunningChild& c) {
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
