// gic_timer.S - bare-metal GICv3 and generic-timer checks on QEMU virt's memory map.
//
// Runs at EL3 on the shared runtime of tests/arch/programs/common.inc (PASS/FAIL lines, DONE
// failures=N, exit status = failures). Programs the distributor, the redistributor of PE 0, the
// ICC registers and the EL1 virtual timer; takes the timer interrupt (PPI 27) and SGIs at
// Non-secure EL1 by polling and as IRQ exceptions; checks IAR/EOIR, the running priority,
// preemption, ISTATUS; then a virtual interrupt from a list register through the ICV_* view,
// polled and taken as a vIRQ. Expected values: IHI 0069 (sections in the check names) and QEMU
// 7.2's -cpu max reset values (VTR/VMCR/CTLR), which svesim's GIC is configured to match.
//
// Run: tests/gic/programs/run.sh --qemu   (qemu-system-aarch64 -M virt,gic-version=3,...)

    .include "common.inc"

.equ GICD,              0x08000000
.equ GICR,              0x080A0000
.equ GICR_SGI,          (GICR + 0x10000)
.equ GICD_CTLR,         0x0000
.equ GICD_TYPER,        0x0004
.equ GICD_PIDR2,        0xFFE8
.equ GICR_TYPER,        0x0008
.equ GICR_WAKER,        0x0014
.equ GICR_IGROUPR0,     0x0080
.equ GICR_ISENABLER0,   0x0100
.equ GICR_IPRIORITYR,   0x0400
.equ GICR_ICFGR0,       0x0C00
.equ CTLR_RWP,          (1 << 31)
.equ HCR_IMO,           (1 << 4)
.equ HCR_FMO,           (1 << 3)
.equ HCR_GUEST,         (HCR_RW | HCR_IMO | HCR_FMO)
.equ INTID_VTIMER,      27
.equ SPURIOUS,          1023
// ICH_LR<n>_EL2: State pending [63:62] = 01, Group 1 [60], Priority [55:48]
.equ LR_PENDING_G1,     ((1 << 62) | (1 << 60))
.equ POLL_LIMIT,        20000000

// Busy-wait until (reg & mask) == want, at most POLL_LIMIT times (uses x9, x10); x0 = 1 on time.
.macro WAIT_FOR label, load, mask, want
    mov     x10, #0
    ldr     x11, =POLL_LIMIT
\label\()_loop:
    \load
    and     x9, x9, #\mask
    cmp     x9, #\want
    b.eq    \label\()_ok
    add     x10, x10, #1
    cmp     x10, x11
    b.lo    \label\()_loop
    mov     x0, #0
    b       \label\()_done
\label\()_ok:
    mov     x0, #1
\label\()_done:
.endm

test_main:
    stp     x29, x30, [sp, #-16]!
    // EL3 firmware duties (Linux's booting.rst): system registers on, lower ELs may use them.
    mov     x0, #0xF
    msr     icc_sre_el3, x0
    isb
    msr     icc_sre_el2, x0
    isb
    mrs     x19, icc_sre_el3
    CHECK_IMM "12.2.24 ICC_SRE_EL3 SRE|DFB|DIB|Enable", x19, 0xF
    mrs     x19, icc_sre_el1
    CHECK_IMM "12.2.22 ICC_SRE_EL1 SRE|DFB|DIB (RAO/WI)", x19, 0x7

    // Identification (IHI 0069 12.9.38, 12.1.13, 12.10.33).
    ldr     x20, =GICD
    ldr     w19, [x20, #GICD_TYPER]
    mov     x1, #0x41F
    and     x19, x19, x1
    CHECK_IMM "12.9.38 GICD_TYPER ITLinesNumber 7, SecurityExtn", x19, 0x407
    ldr     x1, =GICD_PIDR2
    ldr     w19, [x20, x1]
    ubfx    x19, x19, #4, #4
    CHECK_IMM "12.1.13 GICD_PIDR2.ArchRev = 3", x19, 3
    ldr     x20, =GICR
    ldr     x19, [x20, #GICR_TYPER]
    ldr     x1, =0xFFFFFFFF00000010
    and     x19, x19, x1
    CHECK_IMM "12.10.33 GICR_TYPER Last = 1, affinity 0", x19, 0x10
    ldr     w19, [x20, #GICR_WAKER]
    CHECK_IMM "12.10.39 GICR_WAKER reset ProcessorSleep|ChildrenAsleep", x19, 0x6
    ldr     x20, =GICR_SGI
    ldr     w19, [x20, #GICR_ICFGR0]
    CHECK_IMM "12.11.7 GICR_ICFGR0 SGIs edge-triggered", x19, 0xAAAAAAAA
    mrs     x19, icc_ctlr_el1
    CHECK_IMM "12.2.6 ICC_CTLR_EL1 PRIbits 4, IDbits 1, A3V", x19, 0x8C00
    mrs     x19, icc_ctlr_el3
    CHECK_IMM "12.2.7 ICC_CTLR_EL3 PRIbits 4, IDbits 1, A3V, nDS", x19, 0x28C00
    mrs     x19, ich_vtr_el2
    CHECK_IMM "12.4.10 ICH_VTR_EL2 4 LRs, 5 PRE/PRI bits, TDS, nV4, A3V, IDbits 1", x19, 0x90B80003
    mrs     x19, ich_vmcr_el2
    CHECK_IMM "12.4.8 ICH_VMCR_EL2 reset VFIQEn, VBPR1 3, VBPR0 2", x19, 0x4C0008
    mrs     x19, cntfrq_el0
    CHECK_IMM "D11.1.2 CNTFRQ_EL0 62.5 MHz", x19, 62500000

    // Distributor: affinity routing, all groups on (Secure access from EL3), wait for RWP.
    ldr     x20, =GICD
    mov     w0, #0x37
    str     w0, [x20, #GICD_CTLR]
    WAIT_FOR rwp, "ldr w9, [x20, #GICD_CTLR]", CTLR_RWP, 0
    ldr     w19, [x20, #GICD_CTLR]
    CHECK_IMM "12.9.4 GICD_CTLR EnableGrp0/1NS/1S, ARE_S, ARE_NS", x19, 0x37
    // Redistributor awake.
    ldr     x20, =GICR
    str     wzr, [x20, #GICR_WAKER]
    WAIT_FOR wake, "ldr w9, [x20, #GICR_WAKER]", 0x4, 0
    CHECK_IMM "11.1 GICR_WAKER.ChildrenAsleep clears", x0, 1
    // SGI 1 (priority 0x40), SGI 2 (0x90) and PPI 27 (0x80): Group 1 Non-secure, enabled.
    ldr     x20, =GICR_SGI
    ldr     w0, =((1 << INTID_VTIMER) | (1 << 1) | (1 << 2))
    str     w0, [x20, #GICR_IGROUPR0]
    mov     w1, #0x40
    strb    w1, [x20, #(GICR_IPRIORITYR + 1)]
    mov     w1, #0x90
    strb    w1, [x20, #(GICR_IPRIORITYR + 2)]
    mov     w1, #0x80
    strb    w1, [x20, #(GICR_IPRIORITYR + INTID_VTIMER)]
    str     w0, [x20, #GICR_ISENABLER0]
    ldr     w19, [x20, #GICR_IGROUPR0]
    CHECK_IMM "12.11.9 GICR_IGROUPR0 holds the Group 1 NS bits", x19, ((1 << INTID_VTIMER) | 6)
    ldrb    w19, [x20, #(GICR_IPRIORITYR + INTID_VTIMER)]
    CHECK_IMM "12.11.22 GICR_IPRIORITYR byte access", x19, 0x80
    // CPU interface: mask 0xF8, Group 1 enabled for both Security states.
    mov     x0, #0xFF
    msr     icc_pmr_el1, x0
    mov     x0, #3
    msr     icc_igrpen1_el3, x0
    isb
    mrs     x19, icc_pmr_el1
    CHECK_IMM "12.2.19 ICC_PMR_EL1 keeps 5 priority bits", x19, 0xF8
    // Timer controls: no virtual offset, nothing trapped.
    msr     cntvoff_el2, xzr
    mov     x0, #3
    msr     cnthctl_el2, x0
    isb

    // Non-secure EL1 with interrupts masked: polling, then with our IRQ vectors.
    RUN     el1_physical, SPSR_EL1H, SCR_DEFAULT, HCR_DEFAULT
    EXPECT_NONE "EL1 physical part: no unexpected exception"
    bl      test_reset                  // restores VBAR_EL1 and the records
    adr     x0, vectors_el1
    msr     vbar_el1, x0

    // Virtual interface: a list register for the guest at EL1 (IMO/FMO = 1).
    mov     x0, #1
    msr     ich_hcr_el2, x0             // En
    ldr     x0, =(0xF8000000 | 2)       // VPMR 0xF8, VENG1
    msr     ich_vmcr_el2, x0
    ldr     x0, =(LR_PENDING_G1 | (0xA0 << 48) | 40)
    msr     ich_lr0_el2, x0
    ldr     x0, =(LR_PENDING_G1 | (0xB0 << 48) | 41)
    msr     ich_lr1_el2, x0
    isb
    RUN     el1_virtual, SPSR_EL1H, SCR_DEFAULT, HCR_GUEST
    EXPECT_NONE "EL1 virtual part: no unexpected exception"
    mrs     x19, ich_lr0_el2
    lsr     x19, x19, #62
    CHECK_IMM "12.4.9 ICH_LR0_EL2.State invalid after the guest's EOI", x19, 0
    mrs     x19, ich_lr1_el2
    lsr     x19, x19, #62
    CHECK_IMM "12.4.9 ICH_LR1_EL2.State invalid after the vIRQ handler's EOI", x19, 0
    mrs     x19, ich_elrsr_el2
    and     x19, x19, #0xF
    CHECK_IMM "12.4.6 ICH_ELRSR_EL2 every LR empty", x19, 0xF
    msr     ich_hcr_el2, xzr
    bl      test_reset
    adr     x0, vectors_el1
    msr     vbar_el1, x0
    ldp     x29, x30, [sp], #16
    ret

// ---------------------------------------------------------------- Non-secure EL1, physical
el1_physical:
    mrs     x19, icc_bpr1_el1
    CHECK_IMM "12.2.4 ICC_BPR1_EL1 Non-secure reset 3", x19, 3
    mrs     x19, icc_rpr_el1
    CHECK_IMM "12.2.20 ICC_RPR_EL1 idle", x19, 0xFF
    mrs     x19, icc_hppir1_el1
    CHECK_IMM "12.2.12 ICC_HPPIR1_EL1 nothing pending", x19, SPURIOUS

    // The EL1 virtual timer, polled. A compare value far away first: not met.
    mrs     x0, cntvct_el0
    mov     x1, #1
    lsl     x1, x1, #40
    add     x0, x0, x1
    msr     cntv_cval_el0, x0
    mov     x0, #1
    msr     cntv_ctl_el0, x0
    isb
    mrs     x19, cntv_ctl_el0
    CHECK_IMM "D11.2.4 CNTV_CTL_EL0 ENABLE, ISTATUS 0 before CVAL", x19, 1
    mov     x0, #100
    msr     cntv_tval_el0, x0           // CVAL = CNTVCT + 100
    isb
    WAIT_FOR tmr, "mrs x9, cntv_ctl_el0", 4, 4
    CHECK_IMM "D11.2.4 CNTV_CTL_EL0.ISTATUS sets once CNTVCT >= CVAL", x0, 1
    mrs     x0, cntv_cval_el0
    mrs     x1, cntvct_el0
    cmp     x1, x0
    cset    x19, hs
    CHECK_IMM "D11.2.4 CNTVCT_EL0 >= CNTV_CVAL_EL0 when ISTATUS", x19, 1
    WAIT_FOR hppi, "mrs x9, icc_hppir1_el1", 0x3FF, INTID_VTIMER
    CHECK_IMM "12.2.12 ICC_HPPIR1_EL1 names the timer PPI 27", x0, 1
    mrs     x19, isr_el1
    and     x19, x19, #0x80
    CHECK_IMM "ISR_EL1.I: the masked IRQ is pending", x19, 0x80
    mrs     x19, icc_iar1_el1
    CHECK_IMM "12.2.14 ICC_IAR1_EL1 acknowledges PPI 27", x19, INTID_VTIMER
    mrs     x19, icc_rpr_el1
    CHECK_IMM "12.2.20 ICC_RPR_EL1 = the timer's priority", x19, 0x80
    mrs     x19, icc_hppir1_el1
    CHECK_IMM "4.1.1 an active level interrupt is not the HPPI", x19, SPURIOUS
    mrs     x19, cntv_ctl_el0
    CHECK_IMM "D11.2.4 ISTATUS stays 1 after the acknowledge", x19, 5
    mov     x0, #3
    msr     cntv_ctl_el0, x0            // IMASK: the PPI level drops
    isb
    mrs     x19, cntv_ctl_el0
    CHECK_IMM "D11.2.4 CNTV_CTL_EL0 ENABLE|IMASK|ISTATUS", x19, 7
    mov     x0, #INTID_VTIMER
    msr     icc_eoir1_el1, x0
    isb
    mrs     x19, icc_rpr_el1
    CHECK_IMM "12.2.10 ICC_EOIR1_EL1 drops the running priority", x19, 0xFF
    mrs     x19, icc_hppir1_el1
    CHECK_IMM "4.1.2 the masked timer is no longer pending", x19, SPURIOUS

    // SGIs to ourselves (Aff3.Aff2.Aff1 = 0, TargetList bit 0): preemption by priority.
    ldr     x0, =((2 << 24) | 1)
    msr     icc_sgi1r_el1, x0
    isb
    mrs     x19, icc_iar1_el1
    CHECK_IMM "12.2.21 ICC_SGI1R_EL1 SGI 2 to self, acknowledged", x19, 2
    ldr     x0, =((1 << 24) | 1)
    msr     icc_sgi1r_el1, x0
    isb
    mrs     x19, icc_hppir1_el1
    CHECK_IMM "12.2.12 SGI 1 pending while SGI 2 is active", x19, 1
    mrs     x19, icc_iar1_el1
    CHECK_IMM "4.8.5 SGI 1 (0x40) preempts SGI 2 (0x90)", x19, 1
    mrs     x19, icc_rpr_el1
    CHECK_IMM "4.8.4 running priority 0x40", x19, 0x40
    mov     x0, #1
    msr     icc_eoir1_el1, x0
    isb
    mrs     x19, icc_rpr_el1
    CHECK_IMM "4.8.4 after EOI of SGI 1 the running priority is SGI 2's 0x90", x19, 0x90
    mov     x0, #2
    msr     icc_eoir1_el1, x0
    isb
    mrs     x19, icc_rpr_el1
    CHECK_IMM "4.8.4 idle again", x19, 0xFF

    // Taken as exceptions: the IRQ vector (current EL, SP_ELx: 0x280) logs the INTIDs.
    adr     x0, gic_vectors_el1
    msr     vbar_el1, x0
    adr     x0, irq_log
    str     xzr, [x0]
    isb
    mov     x0, #100
    msr     cntv_tval_el0, x0
    mov     x0, #1
    msr     cntv_ctl_el0, x0
    isb
    msr     daifclr, #2
    WAIT_FOR irq1, "ldr x9, irq_log", 0xFF, 1
    msr     daifset, #2
    CHECK_IMM "IRQ exception taken for the timer", x0, 1
    ldr     x19, irq_log + 8
    CHECK_IMM "12.2.14 the IRQ handler's IAR1 read PPI 27", x19, INTID_VTIMER
    ldr     x19, irq_vector
    CHECK_IMM "D1.10.2 IRQ from the current EL with SP_ELx: vector offset 0x280", x19, 0x280
    ldr     x0, =((2 << 24) | 1)
    msr     icc_sgi1r_el1, x0
    isb
    msr     daifclr, #2
    WAIT_FOR irq2, "ldr x9, irq_log", 0xFF, 2
    msr     daifset, #2
    ldr     x19, irq_log + 16
    CHECK_IMM "an SGI taken as an IRQ exception: INTID 2", x19, 2
    mrs     x19, icc_rpr_el1
    CHECK_IMM "the handlers' EOIs left the running priority idle", x19, 0xFF
    EXIT

// ---------------------------------------------------------------- Non-secure EL1 as a guest
el1_virtual:
    mrs     x19, icc_hppir1_el1         // ICV_HPPIR1_EL1 with HCR_EL2.IMO = 1
    CHECK_IMM "12.7 ICV_HPPIR1_EL1 names the list register's vINTID 40", x19, 40
    mrs     x19, icc_iar1_el1
    CHECK_IMM "12.7 ICV_IAR1_EL1 acknowledges vINTID 40", x19, 40
    mrs     x19, icc_rpr_el1
    CHECK_IMM "12.7 ICV_RPR_EL1 = the list register's priority", x19, 0xA0
    mov     x0, #40
    msr     icc_eoir1_el1, x0
    isb
    mrs     x19, icc_rpr_el1
    CHECK_IMM "12.7 ICV_EOIR1_EL1 drops the virtual running priority", x19, 0xFF
    mrs     x19, icc_pmr_el1
    CHECK_IMM "12.7 ICV_PMR_EL1 reads ICH_VMCR_EL2.VPMR", x19, 0xF8
    // ICH_LR1_EL2 (vINTID 41, priority 0xB0) waited behind LR0: now the highest pending.
    mrs     x19, icc_hppir1_el1
    CHECK_IMM "12.7 ICV_HPPIR1_EL1 then names vINTID 41", x19, 41
    adr     x0, gic_vectors_el1
    msr     vbar_el1, x0
    adr     x0, irq_log
    str     xzr, [x0]
    isb
    msr     daifclr, #2
    WAIT_FOR virq, "ldr x9, irq_log", 0xFF, 1
    msr     daifset, #2
    CHECK_IMM "4.9 a vIRQ from ICH_LR1_EL2 is taken at EL1", x0, 1
    ldr     x19, irq_log + 8
    CHECK_IMM "12.7 the vIRQ handler's ICV_IAR1_EL1 read vINTID 41", x19, 41
    EXIT

// ---------------------------------------------------------------- EL1 vectors with IRQ handling
// Synchronous exceptions (the exit call) go to the shared handler; IRQs (physical, or virtual
// with HCR_EL2.IMO = 1) are acknowledged through ICC_IAR1_EL1 (ICV_IAR1_EL1 for a guest), logged,
// and ended with EOIR1; the timer is masked first so that its level drops.
.macro IRQ_ENTRY off
    .balign 0x80
    sub     sp, sp, #64
    stp     x0, x1, [sp, #0]
    mov     x0, #\off
    b       gic_irq_el1
.endm

    .section .text.vectors, "ax"
    .balign 2048
gic_vectors_el1:
    VENTRY  1, 0x000
    IRQ_ENTRY 0x080
    VENTRY  1, 0x100
    VENTRY  1, 0x180
    VENTRY  1, 0x200
    IRQ_ENTRY 0x280
    VENTRY  1, 0x300
    VENTRY  1, 0x380
    VENTRY  1, 0x400
    IRQ_ENTRY 0x480
    VENTRY  1, 0x500
    VENTRY  1, 0x580
    VENTRY  1, 0x600
    VENTRY  1, 0x680
    VENTRY  1, 0x700
    VENTRY  1, 0x780

gic_irq_el1:
    stp     x2, x3, [sp, #16]
    adr     x1, irq_vector
    str     x0, [x1]
    mrs     x0, icc_iar1_el1
    adr     x1, irq_log
    ldr     x2, [x1]
    add     x3, x1, #8
    str     x0, [x3, x2, lsl #3]
    add     x2, x2, #1
    str     x2, [x1]
    cmp     x0, #INTID_VTIMER
    b.ne    1f
    mov     x2, #3
    msr     cntv_ctl_el0, x2            // IMASK
    isb
1:  msr     icc_eoir1_el1, x0
    isb
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp, #0]
    add     sp, sp, #64
    eret

    .data
    .balign 8
irq_vector:     .quad 0
irq_log:        .quad 0                 // count, then the INTIDs read
                .fill 8, 8, 0
