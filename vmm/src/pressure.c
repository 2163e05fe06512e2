/* svesim-sve-pressure: host SVE pressure beside svesim-vmm (issue 14 point 3; vmm/README.md).
 *
 * A second host task at another VL than the VMM's, in the spirit of the kernel's own
 * tools/testing/selftests/arm64/fp/sve-test: every round fills Z0-Z31, P0-P15, FFR, FPSR and FPCR
 * with fresh data and
 *   1. holds it live through a window of `--spins` count-down steps, no system call: whatever
 *      switches the task out meanwhile (the timer's preemption in favour of the VMM, interrupts,
 *      signals) must give every bit back;
 *   2. calls sched_yield with it live, so the scheduler runs the VMM on the same CPU: after the
 *      call the syscall ABI holds (Documentation/arch/arm64/sve.rst section 3);
 *   3. with --af-alg DRIVER, writes a message to an AF_ALG hash socket bound to DRIVER with it
 *      live: the kernel hashes it at once, in this task's system call, with kernel-mode NEON
 *      when DRIVER is a NEON implementation (sha256-arm64-neon); the syscall ABI holds after it
 *      and the digest must be FIPS 180-2's for that message.
 * It runs until SIGTERM (or --rounds), then prints one summary line and exits 0; the first
 * mismatch ends it at once with one line and a non-zero status. */
#include "cli.h"
#include "exit_codes.h"
#include "sve_state.h"

#include <errno.h>
#include <linux/if_alg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef AF_ALG
#define AF_ALG 38
#endif

enum { PRESSURE_DIGEST_WRONG = 9 };

static const char kUsage[] =
    "usage: svesim-sve-pressure [--vl BITS] [--spins N] [--rounds N] [--af-alg DRIVER]\n"
    "  --vl BITS        this task's vector length (prctl PR_SVE_SET_VL; a multiple of 128 in\n"
    "                   128..2048); default: the largest the kernel offers, or 128 when that is\n"
    "                   the kernel's default (the VMM's unless its --host-vl says otherwise)\n"
    "  --spins N        count-down steps per window with the state live (default 200000)\n"
    "  --rounds N       stop after N rounds (default: run until SIGTERM)\n"
    "  --af-alg DRIVER  hash FIPS 180-2's two-block message through AF_ALG with this SHA-256\n"
    "                   driver every round (sha256-arm64-neon: kernel-mode NEON)\n"
    "exit status: 0 stopped cleanly, 2 usage, 4 no SVE / the VL or the AF_ALG driver is not\n"
    "  offered, 7 own SVE state broken, 8 system error, 9 wrong digest (vmm/README.md)\n";

/* FIPS 180-2, appendix B.2: SHA-256 of this 448-bit message. */
static const char kMessage[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const unsigned char kDigest[32] = {
    0x24, 0x8d, 0x6a, 0x61, 0xd2, 0x06, 0x38, 0xb8, 0xe5, 0xc0, 0x26, 0x93, 0x0c, 0x3e, 0x60, 0x39,
    0xa3, 0x3c, 0xe4, 0x59, 0x64, 0xff, 0x21, 0x67, 0xf6, 0xec, 0xed, 0xd4, 0x19, 0xdb, 0x06, 0xc1};

struct options {
    unsigned vl_bits;
    unsigned long spins;
    unsigned long long rounds; /* 0: until SIGTERM */
    const char* af_alg;
};

static volatile sig_atomic_t g_stop;
static void on_term(int sig) {
    (void)sig;
    g_stop = 1;
}

static int usage_error(const char* what, const char* value) {
    return cli_usage_error("svesim-sve-pressure", kUsage, what, value);
}

static int parse_options(int argc, char** argv, struct options* o) {
    *o = (struct options){.spins = 200000};
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(kUsage, stdout);
            exit(0);
        }
        if (i + 1 >= argc) return usage_error("missing value after", a);
        const char* v = argv[++i];
        unsigned long long n;
        if (!strcmp(a, "--vl")) {
            if (cli_number(v, 2048, &n) || n < 128 || n % 128)
                return usage_error("vector length must be a multiple of 128 in 128..2048", v);
            o->vl_bits = (unsigned)n;
        } else if (!strcmp(a, "--spins")) {
            if (cli_number(v, 1000000000ull, &n)) return usage_error("--spins needs 0..10^9", v);
            o->spins = (unsigned long)n;
        } else if (!strcmp(a, "--rounds")) {
            if (cli_number(v, ~0ull, &n) || n == 0)
                return usage_error("--rounds needs a positive number", v);
            o->rounds = n;
        } else if (!strcmp(a, "--af-alg")) {
            if (!*v || strlen(v) >= sizeof(((struct sockaddr_alg*)0)->salg_name))
                return usage_error("--af-alg needs a driver name of at most 63 characters", v);
            o->af_alg = v;
        } else {
            return usage_error("unknown option", a);
        }
    }
    return 0;
}

/* An AF_ALG hash socket bound to `driver` and the request socket accepted from it. */
static int af_alg_open(const char* driver, int* op) {
    struct sockaddr_alg sa = {.salg_family = AF_ALG};
    strcpy((char*)sa.salg_type, "hash");
    strcpy((char*)sa.salg_name, driver);
    int tfm = socket(AF_ALG, SOCK_SEQPACKET, 0);
    if (tfm < 0) {
        fprintf(stderr, "svesim-sve-pressure: no AF_ALG sockets here (%s): is algif_hash loaded?\n",
                strerror(errno));
        return VMM_NO_KVM;
    }
    if (bind(tfm, (struct sockaddr*)&sa, sizeof sa) < 0) {
        fprintf(stderr, "svesim-sve-pressure: --af-alg %s: the kernel offers no such hash (%s)\n",
                driver, strerror(errno));
        return VMM_NO_KVM;
    }
    *op = accept(tfm, NULL, 0);
    if (*op < 0) {
        fprintf(stderr, "svesim-sve-pressure: AF_ALG accept: %s\n", strerror(errno));
        return VMM_SYSTEM_ERROR;
    }
    return 0;
}

static long involuntary_switches(void) {
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_nivcsw : 0;
}

int main(int argc, char** argv) {
    struct options o;
    int rc = parse_options(argc, argv, &o);
    if (rc) return rc;
    unsigned vl_bits = o.vl_bits;
    if (!vl_bits) {
        unsigned max = sve_state_max_vl_bits();
        FILE* f = fopen("/proc/sys/abi/sve_default_vector_length", "r");
        unsigned default_bytes = 0;
        if (f) {
            if (fscanf(f, "%u", &default_bytes) != 1) default_bytes = 0;
            fclose(f);
        }
        vl_bits = max && max != default_bytes * 8 ? max : 128;
    }
    struct sve_state st;
    rc = sve_state_setup(&st, "svesim-sve-pressure", vl_bits, "--vl");
    if (rc) return rc;
    int op = -1;
    if (o.af_alg && (rc = af_alg_open(o.af_alg, &op))) return rc;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    fprintf(stderr, "svesim-sve-pressure: VL %u bits, windows of %lu steps, AF_ALG %s\n", st.vl * 8,
            o.spins, o.af_alg ? o.af_alg : "off");

    unsigned long long round = 0, preempted = 0, hashes = 0;
    long switches_before = involuntary_switches();
    char across[64];
    while (!g_stop && (!o.rounds || round < o.rounds)) {
        ++round;
        long before = involuntary_switches();
        sve_state_fill(&st, 3 * round);
        sve_state_around(&st.fill, &st.after, o.spins, -1, 0, 0, 0);
        snprintf(across, sizeof across, "window #%llu (no system call)", round);
        if ((rc = sve_state_check_kept(&st, across))) return rc;
        if (involuntary_switches() != before) ++preempted;

        sve_state_fill(&st, 3 * round + 1);
        sve_state_around(&st.fill, &st.after, 0, SYS_sched_yield, 0, 0, 0);
        snprintf(across, sizeof across, "sched_yield #%llu", round);
        if ((rc = sve_state_check_syscall(&st, across))) return rc;

        if (op < 0) continue;
        sve_state_fill(&st, 3 * round + 2);
        long n = sve_state_around(&st.fill, &st.after, 0, SYS_write, op, (long)kMessage,
                                  (long)(sizeof kMessage - 1));
        snprintf(across, sizeof across, "AF_ALG write #%llu", round);
        if ((rc = sve_state_check_syscall(&st, across))) return rc;
        if (n == -EINTR) continue;
        unsigned char digest[32];
        if (n != (long)(sizeof kMessage - 1) || read(op, digest, sizeof digest) != sizeof digest) {
            fprintf(stderr, "svesim-sve-pressure: AF_ALG request #%llu failed (%s)\n", round,
                    n < 0 ? strerror((int)-n) : strerror(errno));
            return VMM_SYSTEM_ERROR;
        }
        for (int i = 0; i < 32; ++i)
            if (digest[i] != kDigest[i]) {
                fprintf(stderr,
                        "svesim-sve-pressure: %s gave a wrong SHA-256 in request #%llu: byte %d "
                        "is 0x%02x, FIPS 180-2 appendix B.2 says 0x%02x\n",
                        o.af_alg, round, i, digest[i], kDigest[i]);
                return PRESSURE_DIGEST_WRONG;
            }
        ++hashes;
    }
    fprintf(stderr,
            "svesim-sve-pressure: exit status 0; VL %u bits, %llu rounds: own SVE state kept "
            "across %llu windows (%llu of them preempted, %ld involuntary switches), as "
            "Documentation/arch/arm64/sve.rst section 3 promises across %llu sched_yield and %llu "
            "AF_ALG %s requests\n",
            st.vl * 8, round, round, preempted, involuntary_switches() - switches_before, round,
            hashes, o.af_alg ? o.af_alg : "(off)");
    return 0;
}
