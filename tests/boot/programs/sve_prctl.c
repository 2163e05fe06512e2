/* A static arm64 Linux program for the boot tests' initramfs: sets every power-of-two vector
 * length from 16 to 256 bytes with prctl(PR_SVE_SET_VL) and checks what the kernel answers
 * against RDVL (Documentation/arch/arm64/sve.rst section 6: the kernel picks the largest
 * supported VL not above the one asked for, and returns the new configuration; a length that is
 * not a multiple of 16 is EINVAL). Prints "SVE-PRCTL: PASS max N" or a FAIL line; exit 0/1. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

static unsigned long rdvl(void) {
    unsigned long v;
    __asm__ volatile(".arch_extension sve\n\trdvl %0, #1" : "=r"(v));
    return v;
}

int main(void) {
    int fails = 0, max = 0;
    int cur = prctl(PR_SVE_GET_VL, 0, 0, 0, 0);
    if (cur < 0) {
        printf("SVE-PRCTL: FAIL PR_SVE_GET_VL: %s\n", strerror(errno));
        return 1;
    }
    printf("SVE-PRCTL: default vl %d bytes, rdvl %lu\n", cur & PR_SVE_VL_LEN_MASK, rdvl());
    for (int vl = 16; vl <= 256; vl *= 2) {
        int r = prctl(PR_SVE_SET_VL, vl, 0, 0, 0);
        if (r < 0) {
            printf("SVE-PRCTL: FAIL PR_SVE_SET_VL %d: %s\n", vl, strerror(errno));
            fails++;
            continue;
        }
        int got = r & PR_SVE_VL_LEN_MASK;
        unsigned long hw = rdvl();
        int ok = got <= vl && got % 16 == 0 && hw == (unsigned long)got;
        printf("SVE-PRCTL: asked %d got %d rdvl %lu %s\n", vl, got, hw, ok ? "ok" : "FAIL");
        if (!ok) fails++;
        if (got > max) max = got;
    }
    errno = 0;
    if (prctl(PR_SVE_SET_VL, 17, 0, 0, 0) != -1 || errno != EINVAL) {
        printf("SVE-PRCTL: FAIL PR_SVE_SET_VL 17 did not fail with EINVAL\n");
        fails++;
    }
    printf("SVE-PRCTL: %s max %d\n", fails ? "FAIL" : "PASS", max);
    return fails != 0;
}
