// The kernel console watcher (scenarios/kernel_console.h): the kernel's own reports become
// KERNEL_WARN / KERNEL_BUG / KERNEL_HANG verdicts with their excerpt and simulated time.
// Where the lines come from: the Oops is what Debian's 6.1.0-57-arm64 printed on svesim's PL011
// (`svesim boot --kernel build/debian/Image --initrd build/debian/initramfs.cpio.gz --cpus 1
// --max-insns 1000000000`, main at stop 10, before the GIC CPU interface existed); the others
// are the message formats of the Linux 6.1 sources named in each case, filled in as the kernel
// fills them (values chosen for the VMM test, e.g. svesim-vmm as PID 143).
#include "svesim/scenarios/kernel_console.h"

#include <catch2/catch.hpp>

using namespace svesim::scenarios;

namespace {

// The Oops and panic from svesim's boot of Debian's kernel, verbatim (CR LF as the PL011 got
// them).
constexpr std::string_view kSvesimOops =
    "[    0.000000] GICv3: CPU0: found redistributor 0 region 0:0x00000000080a0000\r\n"
    "[    0.000000] Internal error: Oops - Undefined instruction: 0000000002000000 [#1] SMP\r\n"
    "[    0.000000] Modules linked in:\r\n"
    "[    0.000000] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 6.1.0-57-arm64 #1  Debian "
    "6.1.192-3\r\n"
    "[    0.000000] Hardware name: svesim boot platform (QEMU virt memory map) (DT)\r\n"
    "[    0.000000] pstate: 400000c9 (nZcv daIF -PAN -UAO -TCO -DIT -SSBS BTYPE=--)\r\n"
    "[    0.000000] pc : gic_cpu_sys_reg_init+0x48/0x260\r\n"
    "[    0.000000] lr : gic_cpu_sys_reg_init+0x40/0x260\r\n"
    "[    0.000000] sp : ffff800009cb3b80\r\n"
    "[    0.000000] x29: ffff800009cb3b80 x28: 0000000000000018 x27: 0000000000000000\r\n"
    "[    0.000000] x26: 0000000000000000 x25: ffff00000296a000 x24: 0000000000000000\r\n"
    "[    0.000000] x23: ffff800009cc2000 x22: ffff800009804008 x21: ffff00003fdfc4f0\r\n"
    "[    0.000000] x20: 0000000000000000 x19: ffff800009cc2390 x18: 0000000000000006\r\n"
    "[    0.000000] x17: 00000000b1f6cfd4 x16: 000000000871b187 x15: ffff800009cb3610\r\n"
    "[    0.000000] x14: 0000000000000000 x13: 3030303061303830 x12: 3030303030303030\r\n"
    "[    0.000000] x11: 00000000ffffefff x10: ffff800009d40a10 x9 : ffff800008602c10\r\n"
    "[    0.000000] x8 : 0000000000017fe8 x7 : c0000000ffffefff x6 : 00000000a0a0a0a0\r\n"
    "[    0.000000] x5 : 0000000000000070 x4 : 0000000000000020 x3 : ffff80000a05041c\r\n"
    "[    0.000000] x2 : 0000000000000000 x1 : ffff800009ccaf00 x0 : 0000000000000000\r\n"
    "[    0.000000] Call trace:\r\n"
    "[    0.000000]  gic_cpu_sys_reg_init+0x48/0x260\r\n"
    "[    0.000000]  gic_cpu_init.part.0+0xb0/0x130\r\n"
    "[    0.000000]  gic_init_bases+0x494/0x5b4\r\n"
    "[    0.000000]  gic_of_init+0x1c0/0x274\r\n"
    "[    0.000000]  of_irq_init+0x24c/0x398\r\n"
    "[    0.000000]  irqchip_init+0x20/0x48\r\n"
    "[    0.000000]  init_IRQ+0xb4/0xcc\r\n"
    "[    0.000000]  start_kernel+0x554/0x75c\r\n"
    "[    0.000000]  __primary_switched+0xbc/0xc4\r\n"
    "[    0.000000] Code: 2a1b03e0 97e86a59 aa0003fa d3441c14 (d538cca0) \r\n"
    "[    0.000000] ---[ end trace 0000000000000000 ]---\r\n"
    "[    0.000000] Kernel panic - not syncing: Attempted to kill the idle task!\r\n";

KernelConsoleWatch watch(std::string_view log, double seconds = 1.5) {
    KernelConsoleWatch w;
    w.feed(log, seconds);
    w.finish(seconds);
    return w;
}

} // namespace

TEST_CASE("Kernel console: names", "[scenarios][kernel_console]") {
    CHECK(name(KernelVerdictKind::Warn) == "KERNEL_WARN");
    CHECK(name(KernelVerdictKind::Bug) == "KERNEL_BUG");
    CHECK(name(KernelVerdictKind::Hang) == "KERNEL_HANG");
}

TEST_CASE("Kernel console: svesim's own Oops is one KERNEL_BUG report, the panic another",
          "[scenarios][kernel_console]") {
    const KernelConsoleWatch w = watch(kSvesimOops, 0.331);
    REQUIRE(w.verdicts().size() == 2);
    const KernelVerdict& oops = w.verdicts()[0];
    CHECK(oops.kind == KernelVerdictKind::Bug);
    CHECK(oops.rule == "Oops (arch/arm64/kernel/traps.c, die)");
    CHECK(oops.line == "[    0.000000] Internal error: Oops - Undefined instruction: "
                       "0000000002000000 [#1] SMP");
    CHECK(oops.seconds == Approx(0.331));
    // From the deciding line to the kernel's "end trace", \r stripped, nothing before it.
    REQUIRE(oops.excerpt.size() == 30);
    CHECK(oops.excerpt.front() == oops.line);
    CHECK(oops.excerpt[5] == "[    0.000000] pc : gic_cpu_sys_reg_init+0x48/0x260");
    CHECK(oops.excerpt.back() == "[    0.000000] ---[ end trace 0000000000000000 ]---");
    const KernelVerdict& panic = w.verdicts()[1];
    CHECK(panic.kind == KernelVerdictKind::Bug);
    CHECK(panic.rule == "panic (kernel/panic.c, panic)");
    CHECK(panic.excerpt.size() == 1); // svesim boot stops at the panic line
    CHECK(w.verdict() == "KERNEL_BUG");
    CHECK(oops.text().starts_with("KERNEL_BUG at 0.331000 s: [    0.000000] Internal error: "));
    CHECK(oops.text().find("\n    | [    0.000000] Call trace:") != std::string::npos);
    CHECK(oops.json().find(R"("kind":"KERNEL_BUG")") != std::string::npos);
}

TEST_CASE("Kernel console: a WARN after 'cut here' is KERNEL_WARN with the cut line first",
          "[scenarios][kernel_console]") {
    // kernel/panic.c __warn: "WARNING: CPU: %d PID: %d at %s:%d %pS"; lib/bug.c and
    // include/asm-generic/bug.h print CUT_HERE first; the report ends with "---[ end trace".
    const KernelConsoleWatch w =
        watch("[   12.000100] ------------[ cut here ]------------\r\n"
              "[   12.000200] WARNING: CPU: 0 PID: 143 at arch/arm64/kernel/fpsimd.c:383 "
              "fpsimd_save+0x13c/0x160\r\n"
              "[   12.000300] Modules linked in: sha256_arm64 algif_hash af_alg\r\n"
              "[   12.000400] ---[ end trace 0000000000000000 ]---\r\n"
              "[   12.000500] after the report\r\n");
    REQUIRE(w.verdicts().size() == 1);
    const KernelVerdict& v = w.verdicts()[0];
    CHECK(v.kind == KernelVerdictKind::Warn);
    CHECK(v.rule == "WARN() (kernel/panic.c, __warn)");
    REQUIRE(v.excerpt.size() == 4);
    CHECK(v.excerpt[0] == "[   12.000100] ------------[ cut here ]------------");
    CHECK(v.excerpt[3] == "[   12.000400] ---[ end trace 0000000000000000 ]---");
    CHECK(w.verdict() == "KERNEL_WARN");
}

TEST_CASE("Kernel console: BUG() then its Oops are one KERNEL_BUG report",
          "[scenarios][kernel_console]") {
    // lib/bug.c report_bug: "kernel BUG at %s:%u!"; arm64's die() then prints
    // "Internal error: %s: %016lx [#%d] SMP" with "Oops - BUG" (the 2025 regression's
    // BUG_ON(!may_use_simd()) in kernel_neon_begin, arch/arm64/kernel/fpsimd.c).
    const KernelConsoleWatch w = watch("------------[ cut here ]------------\n"
                                       "kernel BUG at arch/arm64/kernel/fpsimd.c:1846!\n"
                                       "Internal error: Oops - BUG: 00000000f2000800 [#1] SMP\n"
                                       "pc : kernel_neon_begin+0x9c/0xa0\n");
    REQUIRE(w.verdicts().size() == 1);
    CHECK(w.verdicts()[0].rule == "BUG() (lib/bug.c, report_bug)");
    CHECK(w.verdicts()[0].excerpt.size() == 4);
    CHECK(w.verdict() == "KERNEL_BUG");
}

TEST_CASE("Kernel console: lockups, RCU stalls, hung tasks and spinlock recursion are "
          "KERNEL_HANG",
          "[scenarios][kernel_console]") {
    struct Case {
        std::string_view line, rule;
    };
    const Case cases[] = {
        // kernel/watchdog.c: pr_emerg("BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]"),
        // pr_fmt "watchdog: ".
        {"[   52.123456] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [svesim-vmm:143]",
         "soft lockup (kernel/watchdog.c, watchdog_timer_fn)"},
        // kernel/watchdog_hld.c: pr_emerg("Watchdog detected hard LOCKUP on cpu %d").
        {"[   95.974379] watchdog: Watchdog detected hard LOCKUP on cpu 0",
         "hard lockup (kernel/watchdog_hld.c, watchdog_overflow_callback)"},
        // kernel/rcu/tree_stall.h: pr_err("INFO: %s self-detected stall on CPU"), pr_fmt "rcu: ".
        {"[   64.601362] rcu: INFO: rcu_sched self-detected stall on CPU",
         "RCU stall (kernel/rcu/tree_stall.h, print_cpu_stall)"},
        // kernel/rcu/tree_stall.h: pr_err("INFO: %s detected stalls on CPUs/tasks:").
        {"[   64.601362] rcu: INFO: rcu_sched detected stalls on CPUs/tasks:",
         "RCU stall (kernel/rcu/tree_stall.h, print_other_cpu_stall)"},
        // kernel/rcu/tree_exp.h: "INFO: %s detected expedited stalls on CPUs/tasks: {".
        {"rcu: INFO: rcu_sched detected expedited stalls on CPUs/tasks: { 0-... } 21 jiffies",
         "RCU expedited stall (kernel/rcu/tree_exp.h, synchronize_rcu_expedited_wait)"},
        // kernel/hung_task.c: pr_err("INFO: task %s:%d blocked for more than %ld seconds.").
        {"[  245.123456] INFO: task svesim-vmm:143 blocked for more than 120 seconds.",
         "hung task (kernel/hung_task.c, check_hung_task)"},
        // kernel/locking/spinlock_debug.c spin_dump: "BUG: spinlock %s on CPU#%d, %s/%d".
        {"[   10.000000] BUG: spinlock recursion on CPU#0, svesim-vmm/143",
         "spinlock recursion (kernel/locking/spinlock_debug.c, spin_dump): a deadlock"},
    };
    for (const Case& c : cases) {
        INFO(c.line);
        const auto m = classifyKernelLine(c.line);
        REQUIRE(m.has_value());
        CHECK(m->kind == KernelVerdictKind::Hang);
        CHECK(m->rule == c.rule);
    }
    const KernelConsoleWatch w = watch(std::string(cases[0].line) + "\n", 52.2);
    CHECK(w.verdict() == "KERNEL_HANG");
    CHECK(w.verdicts()[0].seconds == Approx(52.2));
}

TEST_CASE("Kernel console: other BUG: lines and spinlock misuse are KERNEL_BUG; ordinary lines "
          "are nothing",
          "[scenarios][kernel_console]") {
    // kernel/sched/core.c __schedule_bug: "BUG: scheduling while atomic: %s/%d/0x%08x".
    CHECK(classifyKernelLine("BUG: scheduling while atomic: svesim-vmm/143/0x00000002")->kind ==
          KernelVerdictKind::Bug);
    CHECK(classifyKernelLine("[    3.1] BUG: spinlock already unlocked on CPU#0, sh/1")->rule ==
          "spinlock misuse (kernel/locking/spinlock_debug.c, spin_dump)");
    // arch/arm64/mm/fault.c die_kernel_fault.
    CHECK(classifyKernelLine("[    1.0] Unable to handle kernel NULL pointer dereference at "
                             "virtual address 0000000000000000")
              ->kind == KernelVerdictKind::Bug);
    // The printk caller id (CONFIG_PRINTK_CALLER) is skipped like the timestamp.
    CHECK(classifyKernelLine("[   56.861369][   C16] rcu: INFO: rcu_sched self-detected stall on "
                             "CPU")
              ->kind == KernelVerdictKind::Hang);
    // Not reports: the boot's own lines, user space, a hung-task-like line that is not one.
    for (std::string_view ordinary : {
             "[    0.000000] psci: PSCIv1.1 detected in firmware.",
             "[    0.716286] kvm [1]: Hyp mode initialized successfully",
             "SVESIM-INIT: reached /init",
             "FAIL sve_fill: Z7 byte 0 is 0x00, expected 0x0b (VL 128 bits, check 40)",
             "svesim-vmm: guest did not power off within 3 s (--timeout), 86 exits",
             "INFO: task list printed",
             "a line mentioning BUG: in the middle",
         }) {
        INFO(ordinary);
        CHECK_FALSE(classifyKernelLine(ordinary).has_value());
    }
    CHECK(watch("SVESIM-INIT: done\n").verdict() == "clean");
}

TEST_CASE("Kernel console: bytes in any chunking, a last line without newline, excerpt bound",
          "[scenarios][kernel_console]") {
    KernelConsoleWatch w(3);
    const std::string log = "x\nBUG: scheduling while atomic: a/1/0x2\r\n1\n2\n3\n4\n"
                            "WARNING: CPU: 0 PID: 1 at kernel/x.c:1 f+0x0/0x4";
    for (std::size_t i = 0; i < log.size(); ++i)
        w.feed(log.substr(i, 1), static_cast<double>(i));
    CHECK(w.verdicts().size() == 1); // the WARNING line has no newline yet
    w.finish(99.0);
    REQUIRE(w.verdicts().size() == 2);
    CHECK(w.verdicts()[0].excerpt ==
          std::vector<std::string>{"BUG: scheduling while atomic: a/1/0x2", "1", "2"});
    // The time at which its newline arrived (the feed's time is the byte's index here).
    CHECK(w.verdicts()[0].seconds == static_cast<double>(log.find('\n', 2)));
    CHECK(w.verdicts()[1].kind == KernelVerdictKind::Warn);
    CHECK(w.verdicts()[1].seconds == 99.0);
    CHECK(w.verdict() == "KERNEL_WARN+KERNEL_BUG");
}
