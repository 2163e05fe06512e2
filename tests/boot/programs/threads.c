/* A static arm64 Linux program for the boot tests' initramfs (built with -march=armv8.2-a, so
 * __atomic_* are LSE instructions: LDADDAL, CASAL, SWPAL): on every online CPU (2 in the tests),
 * - 4 threads each set their own VL with prctl(PR_SVE_SET_VL) (16, 32, 64, 256 bytes: the VL is
 *   per thread, Documentation/arch/arm64/sve.rst section 6), pin themselves to CPU i % ncpus,
 *   load every Z/P/FFR with their own pattern and spin without system calls long enough to be
 *   preempted by each other (more threads than CPUs); the state must come back intact, and the
 *   VL (RDVL) must still be the thread's after sched_yield and nanosleep;
 * - the same 4 threads add to shared counters with LDADDAL, a CASAL loop and an LDAXR/STLXR
 *   loop, and increment a counter under a pthread mutex (futexes across CPUs);
 * - two threads on different CPUs play ping-pong through a condition variable.
 * Expected values: the program's own patterns and the arithmetic of the counts.
 * One "THREADS: PASS|FAIL ..." line per check; exit 0/1. */
#define _GNU_SOURCE
#include "sve_regs.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum { kThreads = 4, kAdds = 20000, kRounds = 200 };
static const int kVl[kThreads] = {16, 32, 64, 256};
static int ncpus;
static unsigned long lse_sum, cas_sum, mutex_sum, llsc_sum;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t barrier;

struct result {
    char line[3][160];
    int fails;
    long preempted; /* involuntary context switches during the spin */
};
static struct result results[kThreads];

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

static void* worker(void* arg) {
    int id = (int)(long)arg;
    struct result* r = &results[id];
    pin(id % ncpus);
    int granted = prctl(PR_SVE_SET_VL, kVl[id], 0, 0, 0);
    unsigned long vl = sve_rdvl();
    static uint8_t want[kThreads][32 * 256 + 17 * 32], got[kThreads][32 * 256 + 17 * 32];
    sve_pattern(want[id], vl, 7u * (unsigned)id + 3u);
    pthread_barrier_wait(&barrier);
    static volatile int never, loaded[kThreads];
    struct rusage ru0, ru1;
    getrusage(RUSAGE_THREAD, &ru0);
    /* Spin again until the scheduler has preempted some thread (how long a slice lasts
     * depends on the host: QEMU under load may run a whole spin inside one), at most 20 spins;
     * every spin's registers are checked. */
    static volatile int any_preempted;
    long off = -1;
    for (int round = 0; round < 20; round++) {
        sve_fill_spin_store(want[id], got[id], &loaded[id], &never, 3000000L);
        getrusage(RUSAGE_THREAD, &ru1);
        off = sve_first_difference(want[id], got[id], vl);
        if (ru1.ru_nivcsw != ru0.ru_nivcsw) any_preempted = 1;
        if (off >= 0 || any_preempted) break;
    }
    r->preempted = ru1.ru_nivcsw - ru0.ru_nivcsw;
    char where[64] = "";
    if (off >= 0) sve_describe(where, sizeof where, off, vl);
    int ok = granted >= 0 && (unsigned long)(granted & PR_SVE_VL_LEN_MASK) == vl && off < 0;
    snprintf(r->line[0], sizeof r->line[0],
             "%s thread %d cpu %d vl %lu (asked %d): Z/P/FFR kept across preemption%s%s",
             ok ? "PASS" : "FAIL", id, sched_getcpu(), vl, kVl[id], off < 0 ? "" : ": ", where);
    r->fails += !ok;

    sched_yield();
    unsigned long after_yield = sve_rdvl();
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, 0);
    unsigned long after_sleep = sve_rdvl();
    ok = after_yield == vl && after_sleep == vl;
    snprintf(r->line[1], sizeof r->line[1],
             "%s thread %d vl %lu after sched_yield %lu, nanosleep %lu", ok ? "PASS" : "FAIL", id,
             vl, after_yield, after_sleep);
    r->fails += !ok;

    pthread_barrier_wait(&barrier);
    for (int i = 0; i < kAdds; i++) {
        __atomic_fetch_add(&lse_sum, (unsigned long)id + 1, __ATOMIC_SEQ_CST);
        unsigned long old = __atomic_load_n(&cas_sum, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_sum, &old, old + 1, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_RELAXED)) {
        }
        /* Load-exclusive/store-exclusive (what code built for armv8.0 uses): the store fails
         * whenever another PE wrote the location, or an exception intervened, in between. */
        unsigned long tmp;
        unsigned int failed;
        __asm__ volatile("1: ldaxr %0, [%2]\n\t"
                         "add %0, %0, #1\n\t"
                         "stlxr %w1, %0, [%2]\n\t"
                         "cbnz %w1, 1b"
                         : "=&r"(tmp), "=&r"(failed)
                         : "r"(&llsc_sum)
                         : "memory");
        if (i % 16 == 0) {
            pthread_mutex_lock(&mutex);
            mutex_sum++;
            pthread_mutex_unlock(&mutex);
        }
    }
    snprintf(r->line[2], sizeof r->line[2], "PASS thread %d vl %lu at the end", id, sve_rdvl());
    if (sve_rdvl() != vl) {
        r->line[2][0] = 'F', r->line[2][1] = 'A', r->line[2][2] = 'I', r->line[2][3] = 'L';
        r->fails++;
    }
    return 0;
}

static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int turn, pingpong_cpu_seen[2];

static void* player(void* arg) {
    int me = (int)(long)arg;
    pin(me % ncpus);
    for (int i = 0; i < kRounds; i++) {
        pthread_mutex_lock(&mutex);
        while (turn % 2 != me)
            pthread_cond_wait(&cond, &mutex);
        turn++;
        pingpong_cpu_seen[me] = sched_getcpu();
        pthread_cond_broadcast(&cond);
        pthread_mutex_unlock(&mutex);
    }
    return 0;
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
    int fails = 0;
    ncpus = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (ncpus < 1) ncpus = 1;
    printf("THREADS: %d cpu(s)\n", ncpus);
    pthread_barrier_init(&barrier, 0, kThreads);
    pthread_t t[kThreads];
    for (long i = 0; i < kThreads; i++)
        pthread_create(&t[i], 0, worker, (void*)i);
    for (int i = 0; i < kThreads; i++)
        pthread_join(t[i], 0);
    for (int i = 0; i < kThreads; i++) {
        for (int l = 0; l < 3; l++)
            printf("THREADS: %s\n", results[i].line[l]);
        fails += results[i].fails;
    }
    long preempted = 0;
    for (int i = 0; i < kThreads; i++)
        preempted += results[i].preempted;
    printf("THREADS: %s %ld involuntary context switches during the spins (preemption seen)\n",
           preempted > 0 ? "PASS" : "FAIL", preempted);
    fails += preempted <= 0;
    unsigned long want_lse = 0;
    for (int i = 0; i < kThreads; i++)
        want_lse += (unsigned long)(i + 1) * kAdds;
    unsigned long want_mutex = (unsigned long)kThreads * ((kAdds + 15) / 16);
    printf("THREADS: %s LSE fetch_add %lu (want %lu)\n", lse_sum == want_lse ? "PASS" : "FAIL",
           lse_sum, want_lse);
    printf("THREADS: %s CAS loop %lu (want %lu)\n",
           cas_sum == (unsigned long)kThreads * kAdds ? "PASS" : "FAIL", cas_sum,
           (unsigned long)kThreads * kAdds);
    printf("THREADS: %s mutex %lu (want %lu)\n", mutex_sum == want_mutex ? "PASS" : "FAIL",
           mutex_sum, want_mutex);
    printf("THREADS: %s LDAXR/STLXR loop %lu (want %lu)\n",
           llsc_sum == (unsigned long)kThreads * kAdds ? "PASS" : "FAIL", llsc_sum,
           (unsigned long)kThreads * kAdds);
    fails += llsc_sum != (unsigned long)kThreads * kAdds;
    fails += (lse_sum != want_lse) + (cas_sum != (unsigned long)kThreads * kAdds) +
             (mutex_sum != want_mutex);

    pthread_t p[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&p[i], 0, player, (void*)i);
    for (int i = 0; i < 2; i++)
        pthread_join(p[i], 0);
    int ok = turn == 2 * kRounds;
    printf("THREADS: %s condvar ping-pong %d turns (cpus %d and %d)\n", ok ? "PASS" : "FAIL", turn,
           pingpong_cpu_seen[0], pingpong_cpu_seen[1]);
    fails += !ok;
    printf("THREADS: %s all (%.0f ms)\n", fails ? "FAIL" : "PASS", now_ms() - start_ms);
    return fails != 0;
}
