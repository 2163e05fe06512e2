#include "svesim/scenarios/kernel_console.h"

#include <algorithm>
#include <array>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace svesim::scenarios {

std::string name(KernelVerdictKind k) {
    switch (k) {
    case KernelVerdictKind::Warn: return "KERNEL_WARN";
    case KernelVerdictKind::Bug: return "KERNEL_BUG";
    case KernelVerdictKind::Hang: return "KERNEL_HANG";
    }
    return "?";
}

namespace {

using K = KernelVerdictKind;

// How a rule's text must appear in the line (after the printk prefixes): at its start, or
// anywhere (messages printed with a pr_fmt prefix such as "watchdog: " or "rcu: ").
enum class At : std::uint8_t { Start, Anywhere };

struct Rule {
    std::string_view text;
    At at;
    K kind;
    std::string_view rule;
};

// The kernel's own reports, with the Linux 6.1 source that prints each. Order matters: the
// first rule that matches decides, so the specific "BUG: ..." lockups come before the generic
// "BUG: " and the spinlock hangs before the other spinlock reports.
constexpr std::array kRules{
    Rule{"BUG: soft lockup - CPU#", At::Anywhere, K::Hang,
         "soft lockup (kernel/watchdog.c, watchdog_timer_fn)"},
    Rule{"Watchdog detected hard LOCKUP on cpu", At::Anywhere, K::Hang,
         "hard lockup (kernel/watchdog_hld.c, watchdog_overflow_callback)"},
    Rule{"self-detected stall on CPU", At::Anywhere, K::Hang,
         "RCU stall (kernel/rcu/tree_stall.h, print_cpu_stall)"},
    Rule{"detected stalls on CPUs/tasks", At::Anywhere, K::Hang,
         "RCU stall (kernel/rcu/tree_stall.h, print_other_cpu_stall)"},
    Rule{"detected expedited stalls on CPUs/tasks", At::Anywhere, K::Hang,
         "RCU expedited stall (kernel/rcu/tree_exp.h, synchronize_rcu_expedited_wait)"},
    Rule{"BUG: workqueue lockup - pool", At::Anywhere, K::Hang,
         "workqueue lockup (kernel/workqueue.c, wq_watchdog_timer_fn)"},
    Rule{"BUG: spinlock recursion on CPU#", At::Start, K::Hang,
         "spinlock recursion (kernel/locking/spinlock_debug.c, spin_dump): a deadlock"},
    Rule{"BUG: spinlock cpu recursion on CPU#", At::Start, K::Hang,
         "spinlock recursion (kernel/locking/spinlock_debug.c, spin_dump): a deadlock"},
    Rule{"BUG: spinlock lockup suspected on CPU#", At::Start, K::Hang,
         "spinlock lockup (kernel/locking/spinlock_debug.c, spin_dump)"},
    Rule{"INFO: task ", At::Start, K::Hang, "hung task (kernel/hung_task.c, check_hung_task)"},
    Rule{"kernel BUG at ", At::Start, K::Bug, "BUG() (lib/bug.c, report_bug)"},
    Rule{"Unable to handle kernel ", At::Start, K::Bug,
         "kernel fault (arch/arm64/mm/fault.c, die_kernel_fault)"},
    Rule{"Internal error: ", At::Start, K::Bug, "Oops (arch/arm64/kernel/traps.c, die)"},
    Rule{"Oops: ", At::Start, K::Bug, "Oops (die() on other architectures)"},
    Rule{"Kernel panic - not syncing", At::Anywhere, K::Bug, "panic (kernel/panic.c, panic)"},
    Rule{"BUG: spinlock ", At::Start, K::Bug,
         "spinlock misuse (kernel/locking/spinlock_debug.c, spin_dump)"},
    Rule{"BUG: ", At::Start, K::Bug, "BUG report"},
    Rule{"WARNING: CPU: ", At::Start, K::Warn, "WARN() (kernel/panic.c, __warn)"},
};

constexpr std::string_view kCutHere = "------------[ cut here ]------------";
constexpr std::string_view kEndTrace = "---[ end trace";

// Skips one bracketed printk prefix whose inside is made of `allowed` characters (the
// timestamp "[    1.234567]", the caller id "[    T1]" / "[  C0]") and the blank after it.
std::string_view skipBracket(std::string_view s, std::string_view allowed) {
    if (s.empty() || s.front() != '[') return s;
    const auto close = s.find(']');
    if (close == std::string_view::npos || close < 2) return s;
    const std::string_view inside = s.substr(1, close - 1);
    if (inside.find_first_not_of(allowed) != std::string_view::npos) return s;
    s.remove_prefix(close + 1);
    if (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    return s;
}

std::string_view message(std::string_view line) {
    line = skipBracket(line, " 0123456789.");
    return skipBracket(line, " TC0123456789");
}

} // namespace

std::optional<KernelLineMatch> classifyKernelLine(std::string_view line) {
    const std::string_view msg = message(line);
    for (const Rule& r : kRules) {
        const bool hit = r.at == At::Start ? msg.starts_with(r.text)
                                           : msg.find(r.text) != std::string_view::npos;
        if (!hit) continue;
        // A hung task's line is "INFO: task NAME:PID blocked for more than N seconds."
        if (r.text == "INFO: task " &&
            msg.find(" blocked for more than ") == std::string_view::npos)
            continue;
        return KernelLineMatch{r.kind, r.rule};
    }
    return std::nullopt;
}

std::string KernelVerdict::text() const {
    std::string out = fmt::format("{} at {:.6f} s: {} ({})", name(kind), seconds, line, rule);
    for (const std::string& l : excerpt)
        out += "\n    | " + l;
    return out;
}

std::string KernelVerdict::json() const {
    return nlohmann::json{{"kind", name(kind)},
                          {"rule", rule},
                          {"line", line},
                          {"seconds", seconds},
                          {"excerpt", excerpt}}
        .dump();
}

KernelConsoleWatch::KernelConsoleWatch(std::size_t max_excerpt)
    : max_excerpt_(std::max<std::size_t>(max_excerpt, 2)) {}

void KernelConsoleWatch::feed(std::string_view bytes, double seconds) {
    for (const char c : bytes) {
        if (c == '\n') {
            line(std::move(partial_), seconds);
            partial_.clear();
        } else if (c != '\r') {
            partial_ += c;
            // A line that never ends (binary output) is cut rather than kept whole.
            if (partial_.size() > 4096) {
                line(std::move(partial_), seconds);
                partial_.clear();
            }
        }
    }
}

void KernelConsoleWatch::finish(double seconds) {
    if (!partial_.empty()) line(std::move(partial_), seconds);
    partial_.clear();
    collecting_ = false;
    cut_here_.reset();
}

void KernelConsoleWatch::line(std::string text, double seconds) {
    recent_.push_back(text);
    if (recent_.size() > max_excerpt_) recent_.pop_front();
    const std::string_view msg = message(text);
    if (msg.starts_with(kCutHere)) {
        collecting_ = false;
        cut_here_ = std::move(text);
        return;
    }
    const auto match = classifyKernelLine(text);
    if (collecting_) {
        KernelVerdict& v = verdicts_.back();
        // The rest of the same report (an Oops after "kernel BUG at", the panic it ends in).
        if (!match || match->kind == v.kind) {
            const bool end = msg.find(kEndTrace) != std::string_view::npos;
            v.excerpt.push_back(std::move(text));
            if (end || v.excerpt.size() >= max_excerpt_) collecting_ = false;
            return;
        }
        collecting_ = false;
    }
    if (!match) {
        cut_here_.reset(); // "cut here" is followed at once by what it cuts
        return;
    }
    KernelVerdict v{match->kind, std::string(match->rule), text, {}, seconds};
    if (cut_here_) v.excerpt.push_back(std::move(*cut_here_));
    cut_here_.reset();
    v.excerpt.push_back(std::move(text));
    verdicts_.push_back(std::move(v));
    collecting_ = true;
}

std::string KernelConsoleWatch::verdict() const {
    std::string out;
    for (const K k : {K::Warn, K::Bug, K::Hang}) {
        if (std::none_of(verdicts_.begin(), verdicts_.end(),
                         [k](const KernelVerdict& v) { return v.kind == k; }))
            continue;
        if (!out.empty()) out += '+';
        out += name(k);
    }
    return out.empty() ? "clean" : out;
}

} // namespace svesim::scenarios
