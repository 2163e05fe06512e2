/* A static arm64 Linux program for the boot tests' initramfs: an asynchronous signal (SIGALRM
 * from setitimer) arrives while the main thread spins with every Z, P and FFR loaded with a
 * pattern; the handler checks the signal frame's sve_context (Documentation/arch/arm64/sve.rst
 * section 4: SVE_MAGIC record (through an EXTRA_MAGIC record when it does not fit) after the
 * fpsimd_context, its vl the thread's VL, the live registers at
 * SVE_SIG_ZREG_OFFSET/PREG_OFFSET/FFR_OFFSET), then uses SVE and FP itself (clobbering everything),
 * and sigreturn must give the interrupted loop back its own Z/P/FFR. Done at the default VL and at
 * 16 and 256 bytes (prctl(PR_SVE_SET_VL); the kernel grants the largest VL it supports not above
 * the one asked). Expected values: the program's own pattern. One "SVE-SIGNAL: PASS|FAIL ..." line
 * per check; exit 0/1. */
#include "sve_regs.h"

#include <asm/sigcontext.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int fired, loaded;
static unsigned long cur_vl;
static uint8_t want[32 * 256 + 17 * 32], got[sizeof want], junk_in[sizeof want],
    junk_out[sizeof want];
static char frame_result[160];
static volatile double fp_result;

static void check_frame(const ucontext_t* uc) {
    const struct _aarch64_ctx* h = (const struct _aarch64_ctx*)uc->uc_mcontext.__reserved;
    int seen_fpsimd = 0;
    for (; h->magic != 0; h = (const struct _aarch64_ctx*)((const char*)h + h->size)) {
        if (h->magic == FPSIMD_MAGIC) seen_fpsimd = 1;
        if (h->magic == EXTRA_MAGIC) {
            /* A frame too big for __reserved (VL 256) continues at datap (sve.rst, signal.c). */
            h = (const struct _aarch64_ctx*)((const struct extra_context*)h)->datap;
            if (h->magic == 0) break;
        }
        if (h->magic != SVE_MAGIC) continue;
        const struct sve_context* sve = (const struct sve_context*)h;
        unsigned vq = sve_vq_from_vl(sve->vl);
        if (sve->vl != cur_vl) {
            snprintf(frame_result, sizeof frame_result, "FAIL frame vl %u, thread vl %lu", sve->vl,
                     cur_vl);
            return;
        }
        if (h->size < SVE_SIG_CONTEXT_SIZE(vq)) {
            snprintf(frame_result, sizeof frame_result, "FAIL frame without registers (size %u)",
                     h->size);
            return;
        }
        const uint8_t* base = (const uint8_t*)sve;
        for (unsigned n = 0; n < 32; n++)
            if (memcmp(base + SVE_SIG_ZREG_OFFSET(vq, n), want + n * cur_vl, cur_vl) != 0) {
                snprintf(frame_result, sizeof frame_result, "FAIL frame Z%u differs", n);
                return;
            }
        for (unsigned n = 0; n < 16; n++)
            if (memcmp(base + SVE_SIG_PREG_OFFSET(vq, n), want + 32 * cur_vl + n * (cur_vl / 8),
                       cur_vl / 8) != 0) {
                snprintf(frame_result, sizeof frame_result, "FAIL frame P%u differs", n);
                return;
            }
        if (memcmp(base + SVE_SIG_FFR_OFFSET(vq), want + 32 * cur_vl + 16 * (cur_vl / 8),
                   cur_vl / 8) != 0) {
            snprintf(frame_result, sizeof frame_result, "FAIL frame FFR differs");
            return;
        }
        snprintf(frame_result, sizeof frame_result, "PASS frame vl %u fpsimd %d", sve->vl,
                 seen_fpsimd);
        return;
    }
    snprintf(frame_result, sizeof frame_result, "FAIL no sve_context record in the frame");
}

static void on_alarm(int sig, siginfo_t* si, void* ctx) {
    (void)sig;
    (void)si;
    if (!loaded) { /* early: the registers do not hold the pattern yet; once more in 1 ms */
        struct itimerval again = {{0, 0}, {0, 1000}};
        setitimer(ITIMER_REAL, &again, 0);
        return;
    }
    check_frame((const ucontext_t*)ctx);
    /* The handler's own SVE and FP state: every register overwritten. */
    static volatile int zero, scratch;
    sve_fill_spin_store(junk_in, junk_out, &scratch, &zero, 1);
    double x = 1.0;
    for (int i = 0; i < 20; i++)
        x = x * 1.5 + 0.25;
    fp_result = x;
    fired = 1;
}

static int run_at(int ask) {
    int fails = 0;
    if (ask != 0) {
        int r = prctl(PR_SVE_SET_VL, ask, 0, 0, 0);
        if (r < 0) {
            printf("SVE-SIGNAL: FAIL PR_SVE_SET_VL %d: %s\n", ask, strerror(errno));
            return 1;
        }
    }
    cur_vl = sve_rdvl();
    sve_pattern(want, cur_vl, (unsigned)cur_vl);
    sve_pattern(junk_in, cur_vl, 1000u + (unsigned)cur_vl);
    memset(got, 0, sizeof got);
    frame_result[0] = 0;
    fired = 0;
    loaded = 0;
    struct itimerval it = {{0, 0}, {0, 5000}}; /* one shot, 5 ms */
    setitimer(ITIMER_REAL, &it, 0);
    sve_fill_spin_store(want, got, &loaded, &fired, 4000000000L);
    if (!fired) {
        printf("SVE-SIGNAL: FAIL vl %lu: no SIGALRM during the spin\n", cur_vl);
        return 1;
    }
    printf("SVE-SIGNAL: %s (vl %lu)\n", frame_result, cur_vl);
    fails += frame_result[0] != 'P';
    long off = sve_first_difference(want, got, cur_vl);
    char where[64] = "";
    if (off >= 0) sve_describe(where, sizeof where, off, cur_vl);
    printf("SVE-SIGNAL: %s sigreturn restores Z/P/FFR (vl %lu)%s%s\n", off < 0 ? "PASS" : "FAIL",
           cur_vl, off < 0 ? "" : ": ", where);
    fails += off >= 0;
    double want_fp = 1.0;
    for (int i = 0; i < 20; i++)
        want_fp = want_fp * 1.5 + 0.25;
    printf("SVE-SIGNAL: %s FP in the handler\n", fp_result == want_fp ? "PASS" : "FAIL");
    fails += fp_result != want_fp;
    return fails;
}

/* CLOCK_MONOTONIC in ms: the "all" line says how long the program ran (simulated time on svesim).
 */
static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

int main(void) {
    double start_ms = now_ms();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_alarm;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGALRM, &sa, 0);
    int fails = run_at(0) + run_at(16) + run_at(256);
    printf("SVE-SIGNAL: %s all (%.0f ms)\n", fails ? "FAIL" : "PASS", now_ms() - start_ms);
    return fails != 0;
}
