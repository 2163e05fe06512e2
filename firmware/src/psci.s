// EL3's vector table and the SMC handler: PSCI 1.1 (Arm DEN 0022) and SMCCC 1.1 (Arm DEN
// 0028). Results in x0; x1-x17 are preserved (SMCCC 1.1). Any exception at EL3 other than an
// SMC from a lower EL is a firmware fault: one line on the PL011 and a semihosting exit.
.include "defs.inc"

.macro unexpected_vector offset
    .balign 0x80
    mov     x0, #\offset
    b       unexpected
.endm

.text
.balign 0x800
.global el3_vectors
el3_vectors:
    unexpected_vector 0x000             // current EL, SP_EL0
    unexpected_vector 0x080
    unexpected_vector 0x100
    unexpected_vector 0x180
    unexpected_vector 0x200             // current EL, SP_ELx
    unexpected_vector 0x280
    unexpected_vector 0x300
    unexpected_vector 0x380
    .balign 0x80                        // lower EL, AArch64: synchronous
    b       smc_entry
    unexpected_vector 0x480
    unexpected_vector 0x500
    unexpected_vector 0x580
    unexpected_vector 0x600             // lower EL, AArch32
    unexpected_vector 0x680
    unexpected_vector 0x700
    unexpected_vector 0x780

smc_entry:
    stp     x4, x5, [sp, #-0x60]!
    stp     x6, x7, [sp, #0x10]
    stp     x19, x20, [sp, #0x20]
    stp     x21, x22, [sp, #0x30]
    stp     x29, x30, [sp, #0x40]
    mrs     x4, esr_el3
    lsr     x4, x4, #26
    cmp     x4, #0x17                   // SMC from AArch64
    b.eq    1f
    mov     x0, #0x400
    b       unexpected
1:  adr     x20, boot_info
    ldr     x21, [x20, #BI_FW_RAM]
    mov     x22, x0
    mov     x6, x1
    mov     x7, x2
    mrs     x0, mpidr_el1
    bl      mpidr_to_index              // uses x1, x2
    mov     x19, x0
    mov     x1, x6
    mov     x2, x7
    mov     w0, w22                     // the function id is W0
    tbnz    w0, #30, 2f                 // SMC32 ids take 32-bit arguments
    mov     w1, w1
    mov     w2, w2
    mov     w3, w3
2:
.macro dispatch id, handler
    ldr     w4, =\id
    cmp     w0, w4
    b.eq    \handler
.endm
    dispatch PSCI_VERSION, psci_version
    dispatch PSCI_CPU_SUSPEND32, psci_cpu_suspend
    dispatch PSCI_CPU_SUSPEND64, psci_cpu_suspend
    dispatch PSCI_CPU_OFF, psci_cpu_off
    dispatch PSCI_CPU_ON32, psci_cpu_on
    dispatch PSCI_CPU_ON64, psci_cpu_on
    dispatch PSCI_AFFINITY_INFO32, psci_affinity_info
    dispatch PSCI_AFFINITY_INFO64, psci_affinity_info
    dispatch PSCI_MIGRATE_INFO_TYPE, psci_migrate_info_type
    dispatch PSCI_SYSTEM_OFF, psci_system_off
    dispatch PSCI_SYSTEM_RESET, psci_system_reset
    dispatch PSCI_FEATURES, psci_features
    dispatch SMCCC_VERSION, smccc_version
    dispatch SMCCC_ARCH_FEATURES, smccc_arch_features
    mov     x0, #PSCI_NOT_SUPPORTED
smc_return:
    ldp     x6, x7, [sp, #0x10]
    ldp     x19, x20, [sp, #0x20]
    ldp     x21, x22, [sp, #0x30]
    ldp     x29, x30, [sp, #0x40]
    ldp     x4, x5, [sp], #0x60
    eret

psci_version:
    ldr     x0, =PSCI_VERSION_1_1
    b       smc_return

// Every power state is a standby state here: WFI, then success.
psci_cpu_suspend:
    dsb     sy
    wfi
    mov     x0, #PSCI_SUCCESS
    b       smc_return

psci_cpu_off:
    bl      mailbox
    str     xzr, [x1, #MBOX_STATE]      // STATE_OFF
    dsb     sy
    bl      set_stack                   // nothing of this call is returned to
    b       cpu_wait

// x1 = target MPIDR, x2 = entry point, x3 = context id. The target starts at the highest
// Non-secure EL (EL2 when implemented: a kernel that dropped to EL1 in nVHE mode still wants its
// secondaries at EL2, as its boot PE was), as TF-A does.
psci_cpu_on:
    mov     x5, x1
    mov     x6, x2
    mov     x0, x1
    bl      mpidr_to_index
    mov     x1, x5
    mov     x2, x6
    tbnz    x0, #63, invalid_parameters
    add     x4, x21, x0, lsl #MBOX_SHIFT
    ldr     x0, [x4, #MBOX_STATE]
    cmp     x0, #STATE_ON
    b.eq    1f
    cmp     x0, #STATE_ON_PENDING
    b.eq    2f
    str     x2, [x4, #MBOX_ENTRY]
    str     x3, [x4, #MBOX_CONTEXT]
    dmb     sy
    mov     x0, #STATE_ON_PENDING
    str     x0, [x4, #MBOX_STATE]
    dsb     sy
    sev
    mov     x0, #PSCI_SUCCESS
    b       smc_return
1:  mov     x0, #PSCI_ALREADY_ON
    b       smc_return
2:  mov     x0, #PSCI_ON_PENDING
    b       smc_return

// x1 = target affinity, x2 = lowest affinity level (only level 0 is supported).
// Returns ON 0, OFF 1, ON_PENDING 2.
psci_affinity_info:
    cbnz    x2, invalid_parameters
    mov     x5, x1
    mov     x0, x1
    bl      mpidr_to_index
    mov     x1, x5
    mov     x2, xzr
    tbnz    x0, #63, invalid_parameters
    add     x4, x21, x0, lsl #MBOX_SHIFT
    ldr     x4, [x4, #MBOX_STATE]
    mov     x0, #1                      // OFF
    cmp     x4, #STATE_ON
    csel    x0, xzr, x0, eq
    mov     x5, #2
    cmp     x4, #STATE_ON_PENDING
    csel    x0, x5, x0, eq
    b       smc_return

psci_migrate_info_type:
    mov     x0, #MIGRATE_NOT_REQUIRED
    b       smc_return

psci_system_off:
    mov     x1, #EXIT_SYSTEM_OFF
    b       semihosting_exit

psci_system_reset:
    mov     x1, #EXIT_SYSTEM_RESET
    b       semihosting_exit

// x1 = a function id: 0 if implemented (CPU_SUSPEND: original power_state format, platform-
// coordinated), else NOT_SUPPORTED.
psci_features:
    adr     x4, implemented
1:  ldr     w5, [x4], #4
    cbz     w5, 2f
    cmp     w5, w1
    b.ne    1b
    mov     x0, #PSCI_SUCCESS
    b       smc_return
2:  mov     x0, #PSCI_NOT_SUPPORTED
    b       smc_return

smccc_version:
    ldr     x0, =SMCCC_VERSION_1_1
    b       smc_return

// x1 = a function id: its answer from `arch_features` (pairs id, result), else NOT_SUPPORTED.
// The Spectre-v2, SSBD and Spectre-BHB workarounds are not required
// (SMCCC_ARCH_WORKAROUND_RET_UNAFFECTED): a simulated PE does not speculate.
smccc_arch_features:
    adr     x4, arch_features
1:  ldp     w5, w0, [x4], #8
    cbz     w5, 2f
    cmp     w5, w1
    b.ne    1b
    sxtw    x0, w0
    b       smc_return
2:  mov     x0, #PSCI_NOT_SUPPORTED
    b       smc_return

invalid_parameters:
    mov     x0, #PSCI_INVALID_PARAMETERS
    b       smc_return

.section .rodata
.balign 4
implemented:
    .word   PSCI_VERSION, PSCI_CPU_SUSPEND32, PSCI_CPU_SUSPEND64, PSCI_CPU_OFF
    .word   PSCI_CPU_ON32, PSCI_CPU_ON64, PSCI_AFFINITY_INFO32, PSCI_AFFINITY_INFO64
    .word   PSCI_MIGRATE_INFO_TYPE, PSCI_SYSTEM_OFF, PSCI_SYSTEM_RESET, PSCI_FEATURES
    .word   SMCCC_VERSION, 0
arch_features:
    .word   SMCCC_VERSION, PSCI_SUCCESS
    .word   SMCCC_ARCH_FEATURES, PSCI_SUCCESS
    .word   SMCCC_ARCH_WORKAROUND_1, SMCCC_WORKAROUND_NOT_REQUIRED
    .word   SMCCC_ARCH_WORKAROUND_2, SMCCC_WORKAROUND_NOT_REQUIRED
    .word   SMCCC_ARCH_WORKAROUND_3, SMCCC_WORKAROUND_NOT_REQUIRED
    .word   0, 0
