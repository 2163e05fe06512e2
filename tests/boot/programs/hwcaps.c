/* A static arm64 Linux program for the boot tests' initramfs: every feature the kernel
 * advertises to userspace in AT_HWCAP/AT_HWCAP2 (which glibc's ifuncs and every library's
 * dispatch trust) must execute at EL0 without SIGILL: one instruction per hwcap, each from the
 * Arm ARM's FEAT_* that the kernel's arm64_elf_hwcaps table (arch/arm64/kernel/cpufeature.c)
 * derives the hwcap from, encoded by llvm-mc. HWCAP_CPUID: the kernel emulates EL0 reads of
 * the ID registers (Documentation/arch/arm64/cpu-feature-registers.rst), so MRS
 * ID_AA64ISAR0_EL1 and ID_AA64PFR0_EL1 must work, and PFR0.SVE must agree with HWCAP_SVE.
 * Conversely an instruction of a feature not advertised must raise SIGILL (the feature is absent
 * from the ID registers, so its encodings are UNDEFINED). Also prints the hwcap words so that
 * the svesim and QEMU runs can be compared.
 * One "HWCAPS: PASS|FAIL ..." line per probe; exit 0/1. */
#include <asm/hwcap.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>

struct probe {
    int word; /* 1: AT_HWCAP, 2: AT_HWCAP2 */
    unsigned long bit;
    const char* insn;
    const char* encoding; /* for the FAIL line */
};

/* x0 points at a 64-byte buffer; x9-x11, v0-v3 (z0-z3) and the flags are scratch. */
#define PROBE(name, enc)                                                                           \
    static void probe_##name(void* buf) {                                                          \
        __asm__ volatile("mov x0, %0\n\t.inst " enc                                                \
                         :                                                                         \
                         : "r"(buf)                                                                \
                         : "x0", "x9", "x10", "x11", "v0", "v1", "v2", "v3", "memory", "cc");      \
    }
PROBE(0, "0x1e602800")  /* fadd d0, d0, d0 */
PROBE(1, "0x4ea08400")  /* add v0.4s, v0.4s, v0.4s */
PROBE(2, "0x4e284820")  /* aese v0.16b, v1.16b */
PROBE(3, "0x0ee1e000")  /* pmull v0.1q, v0.1d, v1.1d */
PROBE(4, "0x5e280820")  /* sha1h s0, s1 */
PROBE(5, "0x5e024020")  /* sha256h q0, q1, v2.4s */
PROBE(6, "0x1aca4129")  /* crc32b w9, w9, w10 */
PROBE(7, "0xb82a0009")  /* ldadd w10, w9, [x0] */
PROBE(8, "0x1ee02800")  /* fadd h0, h0, h0 */
PROBE(9, "0x4e401400")  /* fadd v0.8h, v0.8h, v0.8h */
PROBE(10, "0xd5380609") /* mrs x9, ID_AA64ISAR0_EL1 */
PROBE(11, "0x6e828420") /* sqrdmlah v0.4s, v1.4s, v2.4s */
PROBE(12, "0x1e7e0009") /* fjcvtzs w9, d0 */
PROBE(13, "0x6e82c420") /* fcmla v0.4s, v1.4s, v2.4s, #0 */
PROBE(14, "0x38bfc009") /* ldaprb w9, [x0] */
PROBE(15, "0xd50b7c20") /* dc cvap, x0 */
PROBE(16, "0xce020c20") /* eor3 v0.16b, v1.16b, v2.16b, v3.16b */
PROBE(17, "0xce420c20") /* sm3ss1 v0.4s, v1.4s, v2.4s, v3.4s */
PROBE(18, "0xcec08420") /* sm4e v0.4s, v1.4s */
PROBE(19, "0x4e829420") /* sdot v0.4s, v1.16b, v2.16b */
PROBE(20, "0xce628020") /* sha512h q0, q1, v2.2d */
PROBE(21, "0x04bf5029") /* rdvl x9, #1 */
PROBE(22, "0x0e22ec20") /* fmlal v0.2s, v1.2h, v2.2h */
PROBE(23, "0xd503405f") /* msr DIT, #0 */
PROBE(24, "0x99404009") /* ldapur w9, [x0, #4] */
PROBE(25, "0xd500401f") /* cfinv */
PROBE(26, "0xd503403f") /* msr SSBS, #0 */
PROBE(27, "0xd50330ff") /* sb */
PROBE(28, "0xdac10149") /* pacia x9, x10 */
PROBE(29, "0x9acb3149") /* pacga x9, x10, x11 */
PROBE(30, "0xd50b7d20") /* dc cvadp, x0 */
PROBE(31, "0x4502d020") /* adclb z0.s, z1.s, z2.s */
PROBE(32, "0x4522e020") /* aese z0.b, z0.b, z1.b */
PROBE(33, "0x45026820") /* pmullb z0.q, z1.d, z2.d */
PROBE(34, "0x4582b020") /* bext z0.s, z1.s, z2.s */
PROBE(35, "0x4522f420") /* rax1 z0.d, z1.d, z2.d */
PROBE(36, "0x4523e020") /* sm4e z0.s, z0.s, z1.s */
PROBE(37, "0xd500405f") /* axflag */
PROBE(38, "0x1e684020") /* frint32z d0, d1 */
PROBE(39, "0x45029820") /* smmla z0.s, z1.b, z2.b */
PROBE(40, "0x64a2e420") /* fmmla z0.s, z1.s, z2.s */
PROBE(41, "0x64e2e420") /* fmmla z0.d, z1.d, z2.d */
PROBE(42, "0x64628020") /* bfdot z0.s, z1.h, z2.h */
PROBE(43, "0x4e82a420") /* smmla v0.4s, v1.16b, v2.16b */
PROBE(44, "0x6e42fc20") /* bfdot v0.4s, v1.8h, v2.8h */
PROBE(45, "0xd53b2409") /* mrs x9, RNDR */
PROBE(46, "0x9adf1149") /* irg x9, x10 */

static const struct probe probes[] = {
    {1, HWCAP_FP, "fadd d0, d0, d0", "0x1e602800"},
    {1, HWCAP_ASIMD, "add v0.4s, v0.4s, v0.4s", "0x4ea08400"},
    {1, HWCAP_AES, "aese v0.16b, v1.16b", "0x4e284820"},
    {1, HWCAP_PMULL, "pmull v0.1q, v0.1d, v1.1d", "0x0ee1e000"},
    {1, HWCAP_SHA1, "sha1h s0, s1", "0x5e280820"},
    {1, HWCAP_SHA2, "sha256h q0, q1, v2.4s", "0x5e024020"},
    {1, HWCAP_CRC32, "crc32b w9, w9, w10", "0x1aca4129"},
    {1, HWCAP_ATOMICS, "ldadd w10, w9, [x0]", "0xb82a0009"},
    {1, HWCAP_FPHP, "fadd h0, h0, h0", "0x1ee02800"},
    {1, HWCAP_ASIMDHP, "fadd v0.8h, v0.8h, v0.8h", "0x4e401400"},
    {1, HWCAP_CPUID, "mrs x9, ID_AA64ISAR0_EL1", "0xd5380609"},
    {1, HWCAP_ASIMDRDM, "sqrdmlah v0.4s, v1.4s, v2.4s", "0x6e828420"},
    {1, HWCAP_JSCVT, "fjcvtzs w9, d0", "0x1e7e0009"},
    {1, HWCAP_FCMA, "fcmla v0.4s, v1.4s, v2.4s, #0", "0x6e82c420"},
    {1, HWCAP_LRCPC, "ldaprb w9, [x0]", "0x38bfc009"},
    {1, HWCAP_DCPOP, "dc cvap, x0", "0xd50b7c20"},
    {1, HWCAP_SHA3, "eor3 v0.16b, v1.16b, v2.16b, v3.16b", "0xce020c20"},
    {1, HWCAP_SM3, "sm3ss1 v0.4s, v1.4s, v2.4s, v3.4s", "0xce420c20"},
    {1, HWCAP_SM4, "sm4e v0.4s, v1.4s", "0xcec08420"},
    {1, HWCAP_ASIMDDP, "sdot v0.4s, v1.16b, v2.16b", "0x4e829420"},
    {1, HWCAP_SHA512, "sha512h q0, q1, v2.2d", "0xce628020"},
    {1, HWCAP_SVE, "rdvl x9, #1", "0x04bf5029"},
    {1, HWCAP_ASIMDFHM, "fmlal v0.2s, v1.2h, v2.2h", "0x0e22ec20"},
    {1, HWCAP_DIT, "msr DIT, #0", "0xd503405f"},
    {1, HWCAP_ILRCPC, "ldapur w9, [x0, #4]", "0x99404009"},
    {1, HWCAP_FLAGM, "cfinv", "0xd500401f"},
    {1, HWCAP_SSBS, "msr SSBS, #0", "0xd503403f"},
    {1, HWCAP_SB, "sb", "0xd50330ff"},
    {1, HWCAP_PACA, "pacia x9, x10", "0xdac10149"},
    {1, HWCAP_PACG, "pacga x9, x10, x11", "0x9acb3149"},
    {2, HWCAP2_DCPODP, "dc cvadp, x0", "0xd50b7d20"},
    {2, HWCAP2_SVE2, "adclb z0.s, z1.s, z2.s", "0x4502d020"},
    {2, HWCAP2_SVEAES, "aese z0.b, z0.b, z1.b", "0x4522e020"},
    {2, HWCAP2_SVEPMULL, "pmullb z0.q, z1.d, z2.d", "0x45026820"},
    {2, HWCAP2_SVEBITPERM, "bext z0.s, z1.s, z2.s", "0x4582b020"},
    {2, HWCAP2_SVESHA3, "rax1 z0.d, z1.d, z2.d", "0x4522f420"},
    {2, HWCAP2_SVESM4, "sm4e z0.s, z0.s, z1.s", "0x4523e020"},
    {2, HWCAP2_FLAGM2, "axflag", "0xd500405f"},
    {2, HWCAP2_FRINT, "frint32z d0, d1", "0x1e684020"},
    {2, HWCAP2_SVEI8MM, "smmla z0.s, z1.b, z2.b", "0x45029820"},
    {2, HWCAP2_SVEF32MM, "fmmla z0.s, z1.s, z2.s", "0x64a2e420"},
    {2, HWCAP2_SVEF64MM, "fmmla z0.d, z1.d, z2.d", "0x64e2e420"},
    {2, HWCAP2_SVEBF16, "bfdot z0.s, z1.h, z2.h", "0x64628020"},
    {2, HWCAP2_I8MM, "smmla v0.4s, v1.16b, v2.16b", "0x4e82a420"},
    {2, HWCAP2_BF16, "bfdot v0.4s, v1.8h, v2.8h", "0x6e42fc20"},
    {2, HWCAP2_RNG, "mrs x9, RNDR", "0xd53b2409"},
    {2, HWCAP2_MTE, "irg x9, x10", "0x9adf1149"},
};
static void (*const run[])(void*) = {
    probe_0,  probe_1,  probe_2,  probe_3,  probe_4,  probe_5,  probe_6,  probe_7,
    probe_8,  probe_9,  probe_10, probe_11, probe_12, probe_13, probe_14, probe_15,
    probe_16, probe_17, probe_18, probe_19, probe_20, probe_21, probe_22, probe_23,
    probe_24, probe_25, probe_26, probe_27, probe_28, probe_29, probe_30, probe_31,
    probe_32, probe_33, probe_34, probe_35, probe_36, probe_37, probe_38, probe_39,
    probe_40, probe_41, probe_42, probe_43, probe_44, probe_45, probe_46,
};

static sigjmp_buf trap;
static volatile int trapped_sig;
static void on_trap(int sig) {
    trapped_sig = sig;
    siglongjmp(trap, 1);
}

static uint64_t read_pfr0(void) {
    uint64_t v;
    __asm__ volatile("mrs %0, ID_AA64PFR0_EL1" : "=r"(v));
    return v;
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
    unsigned long hw[3] = {0, getauxval(AT_HWCAP), getauxval(AT_HWCAP2)};
    printf("HWCAPS: AT_HWCAP %#lx AT_HWCAP2 %#lx\n", hw[1], hw[2]);
    signal(SIGILL, on_trap);
    signal(SIGBUS, on_trap);
    signal(SIGSEGV, on_trap);
    int fails = 0, advertised = 0;
    static uint64_t buf[8] __attribute__((aligned(64)));
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        const struct probe* p = &probes[i];
        int has = (hw[p->word] & p->bit) != 0;
        advertised += has;
        trapped_sig = 0;
        if (sigsetjmp(trap, 1) == 0) run[i](buf);
        /* Advertised: must execute. Not advertised: the ID registers say the feature is absent,
         * and an instruction of an absent feature is UNDEFINED (Arm ARM C6.2: each
         * instruction's "if !IsFeatureImplemented(FEAT_x) then UNDEFINED"), so SIGILL. */
        int ok = has ? trapped_sig == 0 : trapped_sig == SIGILL;
        printf("HWCAPS: %s hwcap%s bit %d %s: %s (%s) %s\n", ok ? "PASS" : "FAIL",
               p->word == 2 ? "2" : "", __builtin_ctzl(p->bit), has ? "advertised" : "absent",
               p->insn, p->encoding, trapped_sig ? strsignal(trapped_sig) : "executed");
        fails += !ok;
    }
    if (hw[1] & HWCAP_CPUID) {
        uint64_t pfr0 = read_pfr0();
        int sve_field = (int)((pfr0 >> 32) & 0xf);
        int ok = (sve_field != 0) == ((hw[1] & HWCAP_SVE) != 0);
        printf("HWCAPS: %s ID_AA64PFR0_EL1 %#llx at EL0: SVE field %d, HWCAP_SVE %d\n",
               ok ? "PASS" : "FAIL", (unsigned long long)pfr0, sve_field, (hw[1] & HWCAP_SVE) != 0);
        fails += !ok;
    }
    printf("HWCAPS: %s all (%d of %zu advertised, %.0f ms)\n", fails ? "FAIL" : "PASS", advertised,
           sizeof probes / sizeof probes[0], now_ms() - start_ms);
    return fails != 0;
}
