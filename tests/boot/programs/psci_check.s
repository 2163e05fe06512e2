// A tiny arm64 "kernel" Image (booting.rst header) that checks the firmware's PSCI and SMCCC
// answers, against Arm DEN 0022 (PSCI 1.1) and DEN 0028 (SMCCC 1.1), then powers off with
// SYSTEM_OFF (exit 0) — or, at the first wrong answer, SYSTEM_RESET (the firmware's exit 64),
// with the number of the failed check in x20 (readable in a trace). Entered at EL2 by the
// firmware with x0 = DTB; runs with the MMU off, so only aligned accesses.
.equ PSCI_VERSION, 0x84000000
.equ CPU_OFF, 0x84000002
.equ CPU_ON, 0xC4000003
.equ AFFINITY_INFO, 0xC4000004
.equ MIGRATE_INFO_TYPE, 0x84000006
.equ SYSTEM_OFF, 0x84000008
.equ SYSTEM_RESET, 0x84000009
.equ PSCI_FEATURES, 0x8400000A
.equ SMCCC_VERSION, 0x80000000
.equ SMCCC_ARCH_FEATURES, 0x80000001

.text
.global _start
_start:
    b       start
    .word   0
    .quad   0                   // text_offset
    .quad   0x10000             // image_size
    .quad   0xa                 // flags: little-endian, 4K pages, anywhere
    .quad   0, 0, 0
    .ascii  "ARM\x64"
    .word   0

// check id, fn, x1, x2, x3, expected
.macro check id, fn, a1, a2, a3, want
    mov     x20, #\id
    ldr     x0, =\fn
    ldr     x1, =\a1
    ldr     x2, =\a2
    ldr     x3, =\a3
    smc     #0
    ldr     x9, =\want
    cmp     x0, x9
    b.ne    fail
.endm

start:
    adr     x21, flag
    str     xzr, [x21]
    check   1, PSCI_VERSION, 0, 0, 0, 0x10001
    check   2, SMCCC_VERSION, 0, 0, 0, 0x10001
    check   3, PSCI_FEATURES, CPU_ON, 0, 0, 0
    check   4, PSCI_FEATURES, SMCCC_VERSION, 0, 0, 0
    check   5, PSCI_FEATURES, 0x84000005, 0, 0, -1            // CPU_MIGRATE: not implemented
    check   6, SMCCC_ARCH_FEATURES, 0x80008000, 0, 0, 1        // WORKAROUND_1 not required
    check   7, SMCCC_ARCH_FEATURES, 0x80007FFF, 0, 0, 1        // WORKAROUND_2
    check   8, SMCCC_ARCH_FEATURES, 0x80003FFF, 0, 0, 1        // WORKAROUND_3
    check   9, SMCCC_ARCH_FEATURES, 0x8000ff00, 0, 0, -1
    check   10, MIGRATE_INFO_TYPE, 0, 0, 0, 2
    check   11, 0xC400ffff, 0, 0, 0, -1                        // unknown function
    check   12, AFFINITY_INFO, 0, 0, 0, 0                      // PE 0: ON
    check   13, AFFINITY_INFO, 1, 0, 0, 1                      // PE 1: OFF
    check   14, AFFINITY_INFO, 0, 1, 0, -2                     // level 1: INVALID_PARAMETERS
    check   15, CPU_ON, 0x10, 0, 0, -2                         // MPIDR 0x10: no such PE
    adr     x10, secondary
    mov     x20, #16
    ldr     x0, =CPU_ON
    mov     x1, #1
    mov     x2, x10
    ldr     x3, =0x5eed
    smc     #0
    cbnz    x0, fail
    mov     x20, #17                                            // ALREADY_ON, or ON_PENDING
    ldr     x0, =CPU_ON                                         // if PE 1 has not run yet,
    mov     x1, #1                                              // or SUCCESS if it already ran
    mov     x2, x10                                             // and turned itself off again
    mov     x3, #0                                              // (then it runs once more with
    smc     #0                                                  // context id 0)
    cbz     x0, 3f
    cmn     x0, #4
    b.eq    3f
    cmn     x0, #5
    b.ne    fail
3:
    // The secondary writes its context id and CPU_OFFs: wait until it did both.
    mov     x20, #18
1:  ldr     x0, [x21]
    ldr     x1, =0x5eed
    cmp     x0, x1
    b.ne    1b
    mov     x20, #19
2:  ldr     x0, =AFFINITY_INFO
    mov     x1, #1
    mov     x2, #0
    smc     #0
    cmp     x0, #1                                              // OFF again
    b.ne    2b
    ldr     x0, =SYSTEM_OFF
    smc     #0
fail:
    ldr     x0, =SYSTEM_RESET
    smc     #0
    b       .

// PE 1: entered at EL2 with x0 = the context id.
secondary:
    mrs     x1, CurrentEL
    cmp     x1, #8                                              // EL2
    b.ne    1f
    cbz     x0, 1f                                              // the second CPU_ON's run
    adr     x2, flag
    str     x0, [x2]
    dsb     sy
1:  ldr     x0, =CPU_OFF
    smc     #0
    b       .

.balign 8
flag:
    .quad   0
