// GICv3 set-up that only Secure software can do (Arm IHI 0069, "Configuration of the GIC by
// Secure software"): when the distributor has two security states (GICD_CTLR.DS = 0), affinity
// routing is enabled for both, and every interrupt is made Non-secure Group 1 so that the kernel
// can use it; every PE's redistributor is woken. With DS = 1 (one security state) the kernel does
// all of this itself, and only the wake-up is done here. Nothing at all without a GIC: when
// ID_AA64PFR0_EL1.GIC says the PE has no GICv3 CPU interface, or boot-info GICD is 0.
.include "defs.inc"

.equ GICD_CTLR,      0x0000
.equ GICD_TYPER,     0x0004
.equ GICD_IGROUPR,   0x0080
.equ GICD_IGRPMODR,  0x0d00
.equ CTLR_RWP,       31
.equ CTLR_DS,        6
.equ CTLR_ARE_S_NS,  (3 << 4)
.equ CTLR_ENABLES,   (7 << 0)          // EnableGrp0, EnableGrp1NS, EnableGrp1S
.equ GICR_TYPER,     0x0008
.equ GICR_WAKER,     0x0014
.equ GICR_SGI,       0x10000           // the SGI_base frame
.equ GICR_FRAME,     0x20000           // RD_base + SGI_base
.equ TYPER_LAST,     4
.equ TYPER_VLPIS,    1                 // two more 64 KiB frames (GICv4)
.equ WAKER_PROCESSOR_SLEEP, 1         // bit numbers
.equ WAKER_CHILDREN_ASLEEP, 2

.text
// Primary PE only.
.global gic_distributor_setup
gic_distributor_setup:
    mrs     x0, id_aa64pfr0_el1
    ubfx    x0, x0, #24, #4             // GIC: no CPU interface, no GICv3 to set up
    cbz     x0, 9f
    ldr     x0, [x20, #BI_GICD]
    cbz     x0, 9f
    ldr     w1, [x0, #GICD_CTLR]
    tbnz    w1, #CTLR_DS, 9f
    mov     w1, #CTLR_ARE_S_NS
    str     w1, [x0, #GICD_CTLR]
    mov     x5, x30
    bl      wait_rwp
    ldr     w2, [x0, #GICD_TYPER]
    and     w2, w2, #0x1f               // ITLinesNumber: 32 * (N + 1) interrupt ids
    mov     x3, #1                      // register 0 (SGIs, PPIs) is banked: the redistributor's
    add     x6, x0, #GICD_IGROUPR
    add     x7, x0, #GICD_IGRPMODR
    mov     w4, #-1
1:  cmp     x3, x2
    b.hi    2f
    str     w4, [x6, x3, lsl #2]
    str     wzr, [x7, x3, lsl #2]
    add     x3, x3, #1
    b       1b
2:  mov     w1, #(CTLR_ARE_S_NS | CTLR_ENABLES)
    str     w1, [x0, #GICD_CTLR]
    bl      wait_rwp
    mov     x30, x5
9:  ret

// x0 = GICD; waits until GICD_CTLR.RWP is clear (a bounded wait: a model without RWP is fine).
wait_rwp:
    mov     x8, #0x100000
1:  ldr     w9, [x0, #GICD_CTLR]
    tbz     w9, #CTLR_RWP, 2f
    subs    x8, x8, #1
    b.ne    1b
2:  ret

// Every PE: find this PE's redistributor by GICR_TYPER.Affinity, wake it, and (DS = 0) make its
// SGIs and PPIs Non-secure Group 1.
.global gic_redistributor_setup
gic_redistributor_setup:
    mrs     x4, id_aa64pfr0_el1
    ubfx    x4, x4, #24, #4
    cbz     x4, 9f
    ldr     x4, [x20, #BI_GICD]
    cbz     x4, 9f
    ldr     x0, [x20, #BI_GICR]
    mrs     x1, mpidr_el1
    ubfx    x2, x1, #32, #8             // Aff3
    and     x1, x1, #0xffffff           // Aff2.Aff1.Aff0
    orr     x1, x1, x2, lsl #24
1:  ldr     x2, [x0, #GICR_TYPER]
    cmp     x1, x2, lsr #32
    b.eq    2f
    tbnz    x2, #TYPER_LAST, 9f         // not found: nothing to wake
    add     x0, x0, #GICR_FRAME
    tbz     x2, #TYPER_VLPIS, 1b
    add     x0, x0, #GICR_FRAME
    b       1b
2:  ldr     w2, [x0, #GICR_WAKER]
    bic     w2, w2, #(1 << WAKER_PROCESSOR_SLEEP)
    str     w2, [x0, #GICR_WAKER]
    mov     x3, #0x100000
3:  ldr     w2, [x0, #GICR_WAKER]
    tbz     w2, #WAKER_CHILDREN_ASLEEP, 4f
    subs    x3, x3, #1
    b.ne    3b
4:  ldr     w2, [x4, #GICD_CTLR]
    tbnz    w2, #CTLR_DS, 9f
    add     x0, x0, #GICR_SGI
    mov     w2, #-1
    str     w2, [x0, #GICD_IGROUPR]     // GICR_IGROUPR0: same offset in the SGI frame
    str     wzr, [x0, #GICD_IGRPMODR]   // GICR_IGRPMODR0
9:  ret
