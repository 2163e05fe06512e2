// What the kernel itself reports is a verdict too (issue 14 point 4): the Linux console watched
// for the lines of its own checks — WARN(), BUG()/Oops, panic, the soft/hard lockup detectors,
// RCU stall warnings, hung tasks and the spinlock debug checks — each turned into a typed
// verdict with the log excerpt around it and the simulated time it appeared at. Plain C++: it
// is fed the console's bytes and the time (svesim boot --check feeds it the PL011's output).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace svesim::scenarios {

enum class KernelVerdictKind : std::uint8_t {
    Warn, // KERNEL_WARN: a WARN()/WARN_ON() fired ("WARNING: CPU: ... PID: ... at ...")
    Bug,  // KERNEL_BUG: BUG()/Oops/"BUG: ..."/panic: the kernel found itself broken
    Hang, // KERNEL_HANG: a lockup, RCU stall, hung task or spinlock recursion: no progress
};
std::string name(KernelVerdictKind k); // "KERNEL_WARN", "KERNEL_BUG", "KERNEL_HANG"

// One console line's classification: its kind and which of the kernel's messages it is (the
// source that prints it, for the report).
struct KernelLineMatch {
    KernelVerdictKind kind;
    std::string_view rule;
};
// Classifies one console line (a printk timestamp "[    1.234567] " and caller id "[T1] " in
// front are skipped). nullopt: not one of the kernel's reports.
std::optional<KernelLineMatch> classifyKernelLine(std::string_view line);

struct KernelVerdict {
    KernelVerdictKind kind;
    std::string rule;                 // which kernel message (classifyKernelLine's rule)
    std::string line;                 // the line that decided the kind, as printed
    std::vector<std::string> excerpt; // the report: from its first line ("cut here") on
    double seconds = 0;               // simulated time at which the deciding line appeared
    // "KERNEL_BUG at 0.331200 s: <line> (<rule>)", then the excerpt, indented.
    [[nodiscard]] std::string text() const;
    // One JSON object on one line: kind, rule, line, seconds, excerpt (a list).
    [[nodiscard]] std::string json() const;
};

class KernelConsoleWatch {
public:
    // `max_excerpt`: lines kept per report (the deciding line and what follows it, up to the
    // kernel's "---[ end trace ... ]---" or the next report).
    explicit KernelConsoleWatch(std::size_t max_excerpt = 40);

    // Console output as it arrives (any chunking); `seconds` is the simulated time now.
    void feed(std::string_view bytes, double seconds);
    // A last line without its newline counts too (call once the run is over).
    void finish(double seconds);
    // A verdict found outside the console (svesim boot --check's no-progress rule).
    void add(KernelVerdict v) { verdicts_.push_back(std::move(v)); }
    // The last console lines seen (up to the excerpt length), for such a verdict's excerpt.
    [[nodiscard]] std::vector<std::string> recentLines() const {
        return {recent_.begin(), recent_.end()};
    }

    [[nodiscard]] const std::vector<KernelVerdict>& verdicts() const { return verdicts_; }
    // Distinct kinds in a fixed order, joined by '+' ("KERNEL_WARN+KERNEL_BUG"), or "clean".
    [[nodiscard]] std::string verdict() const;

private:
    void line(std::string text, double seconds);

    std::size_t max_excerpt_;
    std::string partial_;
    // A "cut here" line waits for the WARNING/BUG line that follows it; its text opens that
    // report's excerpt.
    std::optional<std::string> cut_here_;
    bool collecting_ = false; // lines go to the last verdict's excerpt
    std::vector<KernelVerdict> verdicts_;
    std::deque<std::string> recent_;
};

} // namespace svesim::scenarios
