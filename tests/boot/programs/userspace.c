/* A static arm64 Linux program for the boot tests' initramfs: what userspace does beyond a
 * shell script. fork/exec/wait (the child re-executes this program, its exit status comes back
 * through waitpid); mmap/mprotect/munmap with faults recovered by a SIGSEGV handler (si_code
 * SEGV_ACCERR for a write to a read-only page, SEGV_MAPERR after munmap, si_addr the faulting
 * address: sigaction(2), Arm ARM D8 permission/translation faults as the kernel reports them),
 * and the SIGBUS/SIGILL/SIGTRAP of an unaligned exclusive, UDF and BRK;
 * /dev/urandom and getrandom; glibc's memcpy/memset/memmove/memcmp (its ifunc-selected
 * variants) on 1 MiB with every small misalignment, checked byte by byte; clock_gettime through
 * the vDSO (AT_SYSINFO_EHDR present) against nanosleep, and CNTVCT_EL0/CNTFRQ_EL0 read at EL0
 * (CNTKCTL_EL1.EL0VCTEN, which the kernel sets) agreeing with CLOCK_MONOTONIC.
 * Expected values: the program's own data and POSIX's definitions.
 * One "USERSPACE: PASS|FAIL ..." line per check; exit 0/1. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int fails;
static void check(int ok, const char* what) {
    printf("USERSPACE: %s %s\n", ok ? "PASS" : "FAIL", what);
    fails += !ok;
}

static void fork_exec_wait(const char* self) {
    pid_t pid = fork();
    if (pid == 0) {
        execl(self, self, "child", (char*)0);
        _exit(99);
    }
    int status = 0;
    pid_t w = waitpid(pid, &status, 0);
    char line[128];
    snprintf(line, sizeof line, "fork/exec/wait: child status %d (want exit 42)",
             WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    check(pid > 0 && w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 42, line);

    /* Copy-on-write: the child's writes stay in the child. */
    static volatile int shared_value = 5;
    pid = fork();
    if (pid == 0) {
        shared_value = 6;
        _exit(shared_value == 6 ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && shared_value == 5,
          "fork copy-on-write: the child's store is its own");
}

static sigjmp_buf fault_jmp;
static volatile void* fault_addr;
static volatile int fault_code;
static volatile int fault_sig;
static void on_segv(int sig, siginfo_t* si, void* ctx) {
    (void)ctx;
    fault_sig = sig;
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    siglongjmp(fault_jmp, 1);
}

static int faults_on_write(volatile char* p) {
    fault_addr = 0;
    fault_code = 0;
    if (sigsetjmp(fault_jmp, 1) == 0) {
        *p = 1;
        return 0;
    }
    return 1;
}
static int faults_on_read(volatile char* p) {
    fault_addr = 0;
    fault_code = 0;
    if (sigsetjmp(fault_jmp, 1) == 0) {
        (void)*p;
        return 0;
    }
    return 1;
}

/* on_segv (recording the siginfo and jumping back) for each signal of `sigs`, 0-terminated. */
static void catch_faults(const int* sigs) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    for (; *sigs != 0; sigs++)
        sigaction(*sigs, &sa, 0);
}

static void memory(void) {
    catch_faults((const int[]){SIGSEGV, 0});
    long page = sysconf(_SC_PAGESIZE);
    char* m = mmap(0, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(m != MAP_FAILED, "mmap 4 pages");
    if (m == MAP_FAILED) return;
    int zero = 1;
    for (long i = 0; i < 4 * page; i++)
        zero &= m[i] == 0;
    check(zero, "anonymous pages read as zero");
    memset(m, 0x5a, 4 * page);
    check(mprotect(m + page, page, PROT_READ) == 0, "mprotect page 1 read-only");
    char line[160];
    int f = faults_on_write(m + page + 8);
    snprintf(line, sizeof line,
             "write to read-only page: SIGSEGV %d si_code %d (SEGV_ACCERR %d) addr ok %d", f,
             fault_code, SEGV_ACCERR, fault_addr == m + page + 8);
    check(f && fault_code == SEGV_ACCERR && fault_addr == m + page + 8, line);
    check(!faults_on_read(m + page + 8) && m[page + 8] == 0x5a, "read of the read-only page");
    check(!faults_on_write(m + 2 * page), "write to the next page (still writable)");
    check(mprotect(m + page, page, PROT_NONE) == 0 && faults_on_read(m + page + 1) &&
              fault_code == SEGV_ACCERR,
          "read of a PROT_NONE page faults (SEGV_ACCERR)");
    check(mprotect(m + page, page, PROT_READ | PROT_WRITE) == 0 && !faults_on_write(m + page) &&
              m[page + 100] == 0x5a,
          "mprotect back to read-write keeps the data");
    check(munmap(m + 3 * page, page) == 0, "munmap page 3");
    f = faults_on_read(m + 3 * page + 16);
    snprintf(line, sizeof line, "read of an unmapped page: SIGSEGV %d si_code %d (SEGV_MAPERR %d)",
             f, fault_code, SEGV_MAPERR);
    check(f && fault_code == SEGV_MAPERR && fault_addr == m + 3 * page + 16, line);
    f = faults_on_write((volatile char*)(uintptr_t)16);
    check(f && fault_code == SEGV_MAPERR && fault_addr == (void*)16,
          "write to address 16: SEGV_MAPERR");
    munmap(m, 3 * page);

    /* glibc's string functions (ifunc-selected for this CPU) against byte loops. */
    size_t n = 1u << 20;
    uint8_t* a = malloc(n + 64);
    uint8_t* b = malloc(n + 64);
    int ok = a && b;
    for (size_t i = 0; ok && i < n + 64; i++)
        a[i] = (uint8_t)(i * 2654435761u >> 13);
    static const int offs[][2] = {{0, 0}, {5, 3}, {15, 13}, {1, 0}, {0, 7}};
    for (size_t k = 0; ok && k < sizeof offs / sizeof offs[0]; k++) {
        int sa_off = offs[k][0], da_off = offs[k][1];
        size_t len = n - (size_t)(sa_off * 4099 + da_off);
        memset(b, 0xee, n + 64);
        memcpy(b + da_off, a + sa_off, len);
        for (size_t i = 0; i < n + 64; i++) {
            uint8_t want =
                (i >= (size_t)da_off && i < da_off + len) ? a[i - da_off + sa_off] : 0xee;
            if (b[i] != want) {
                printf("USERSPACE: memcpy src+%d dst+%d len %zu differs at %zu\n", sa_off, da_off,
                       len, i);
                ok = 0;
                break;
            }
        }
    }
    check(ok, "memcpy 1 MiB, source/destination misaligned");
    ok = a && b;
    for (int off = 0; ok && off < 16; off += 7) {
        memset(b, 0, n + 64);
        memset(b + off, 0xa5, n - 33);
        for (size_t i = 0; i < n + 64; i++)
            if (b[i] != ((i >= (size_t)off && i < off + n - 33) ? 0xa5 : 0)) {
                ok = 0;
                break;
            }
        memset(b + off, 0, n - 33); /* memset 0 (DC ZVA in glibc) */
        for (size_t i = 0; ok && i < n + 64; i++)
            if (b[i] != 0) ok = 0;
    }
    check(ok, "memset 1 MiB (value and zero), misaligned");
    ok = a && b;
    if (ok) {
        memcpy(b, a, n);
        memmove(b + 3, b, n - 3);
        for (size_t i = 3; i < n; i++)
            if (b[i] != a[i - 3]) {
                ok = 0;
                break;
            }
        memcpy(b, a, n);
        ok &= memcmp(a, b, n) == 0;
        b[n - 1] ^= 1;
        ok &=
            memcmp(a, b, n) != 0 && strlen((char*)a) == (size_t)((char*)memchr(a, 0, n) - (char*)a);
    }
    check(ok, "memmove overlapping, memcmp, strlen/memchr");
    free(a);
    free(b);
}

/* The other synchronous exceptions EL0 code meets, as the kernel reports them (arch/arm64/mm/
 * fault.c, kernel/traps.c): an unaligned load-exclusive is an Alignment fault (SIGBUS,
 * BUS_ADRALN, si_addr the address; exclusives always check alignment), UDF is UNDEFINED
 * (SIGILL, ILL_ILLOPC, si_addr the instruction), BRK is a Breakpoint (SIGTRAP, TRAP_BRKPT). */
static void other_faults(void) {
    catch_faults((const int[]){SIGBUS, SIGILL, SIGTRAP, 0});
    static uint64_t words[4];
    char* odd = (char*)words + 4;
    char line[160];
    fault_sig = 0;
    if (sigsetjmp(fault_jmp, 1) == 0) {
        uint64_t v;
        __asm__ volatile("ldxr %0, [%1]\n\tclrex" : "=r"(v) : "r"(odd) : "memory");
    }
    snprintf(line, sizeof line, "unaligned LDXR: signal %d si_code %d (SIGBUS %d, BUS_ADRALN %d)",
             fault_sig, fault_code, SIGBUS, BUS_ADRALN);
    check(fault_sig == SIGBUS && fault_code == BUS_ADRALN && fault_addr == odd, line);
    fault_sig = 0;
    static volatile uintptr_t udf_pc;
    if (sigsetjmp(fault_jmp, 1) == 0)
        __asm__ volatile("adr x9, 1f\n\tstr x9, [%0]\n1:\tudf #0x5a"
                         :
                         : "r"(&udf_pc)
                         : "x9", "memory");
    snprintf(line, sizeof line,
             "UDF: signal %d si_code %d (SIGILL %d, ILL_ILLOPC %d), si_addr at it %d", fault_sig,
             fault_code, SIGILL, ILL_ILLOPC, fault_addr == (void*)udf_pc);
    check(fault_sig == SIGILL && fault_code == ILL_ILLOPC && fault_addr == (void*)udf_pc, line);
    fault_sig = 0;
    if (sigsetjmp(fault_jmp, 1) == 0) __asm__ volatile("brk #0x7" ::: "memory");
    snprintf(line, sizeof line, "BRK: signal %d si_code %d (SIGTRAP %d, TRAP_BRKPT %d)", fault_sig,
             fault_code, SIGTRAP, TRAP_BRKPT);
    check(fault_sig == SIGTRAP && fault_code == TRAP_BRKPT, line);
}

static void randomness(void) {
    uint8_t r1[64], r2[64];
    int fd = open("/dev/urandom", O_RDONLY);
    int ok = fd >= 0 && read(fd, r1, sizeof r1) == (ssize_t)sizeof r1 &&
             read(fd, r2, sizeof r2) == (ssize_t)sizeof r2 && memcmp(r1, r2, sizeof r1) != 0;
    if (fd >= 0) close(fd);
    check(ok, "/dev/urandom: two 64-byte reads differ");
    ok = getrandom(r1, sizeof r1, 0) == (ssize_t)sizeof r1 &&
         getrandom(r2, sizeof r2, GRND_NONBLOCK) == (ssize_t)sizeof r2 &&
         memcmp(r1, r2, sizeof r1) != 0;
    check(ok, "getrandom: two 64-byte reads differ");
}

static uint64_t cntvct(void) {
    uint64_t v;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v));
    return v;
}
static uint64_t cntfrq(void) {
    uint64_t v;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
    return v;
}
static double seconds(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void timers(void) {
    char line[200];
    check(getauxval(AT_SYSINFO_EHDR) != 0, "vDSO mapped (AT_SYSINFO_EHDR)");
    double m0 = seconds(CLOCK_MONOTONIC), r0 = seconds(CLOCK_REALTIME);
    uint64_t c0 = cntvct();
    /* 500 ms: long enough that a host descheduling the emulator between two reads (QEMU under
     * load) stays inside the tolerance below, short enough to catch a wrong counter scale. */
    struct timespec ts = {0, 500000000};
    int slept = nanosleep(&ts, 0);
    double m1 = seconds(CLOCK_MONOTONIC), r1 = seconds(CLOCK_REALTIME);
    uint64_t c1 = cntvct();
    double dm = m1 - m0, freq = (double)cntfrq(), dc = (double)(c1 - c0) / freq;
    snprintf(line, sizeof line, "nanosleep 500 ms: %d, CLOCK_MONOTONIC advanced %.4f s", slept, dm);
    check(slept == 0 && dm >= 0.500 && dm < 10.0, line);
    check(r1 - r0 >= 0.499 && r1 - r0 < 10.0, "CLOCK_REALTIME advanced with it");
    snprintf(line, sizeof line,
             "CNTVCT_EL0 at EL0 (CNTFRQ %.0f Hz): %.4f s vs CLOCK_MONOTONIC %.4f s", freq, dc, dm);
    check(freq > 0 && dc >= 0.500 && dc < dm + 0.05 && dc > dm - 0.05, line);
    /* CLOCK_MONOTONIC never goes back across many calls (vDSO reading the counter). */
    int ok = 1;
    struct timespec prev, now;
    clock_gettime(CLOCK_MONOTONIC, &prev);
    for (int i = 0; i < 10000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec < prev.tv_sec || (now.tv_sec == prev.tv_sec && now.tv_nsec < prev.tv_nsec))
            ok = 0;
        prev = now;
    }
    check(ok, "CLOCK_MONOTONIC non-decreasing over 10000 vDSO calls");
    struct timespec res;
    check(clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 && res.tv_nsec > 0 &&
              res.tv_nsec <= 1000000,
          "clock_getres(CLOCK_MONOTONIC) <= 1 ms");
}

/* CLOCK_MONOTONIC in ms: the "all" line says how long the program ran (simulated time on svesim).
 */
static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

int main(int argc, char** argv) {
    double start_ms = now_ms();
    if (argc > 1 && strcmp(argv[1], "child") == 0) return 42;
    double t0 = now_ms();
    fork_exec_wait("/proc/self/exe");
    double t1 = now_ms();
    memory();
    other_faults();
    double t2 = now_ms();
    randomness();
    timers();
    printf("USERSPACE: fork/exec %.0f ms, memory %.0f ms, random and timers %.0f ms\n", t1 - t0,
           t2 - t1, now_ms() - t2);
    printf("USERSPACE: %s all (%.0f ms)\n", fails ? "FAIL" : "PASS", now_ms() - start_ms);
    return fails != 0;
}
