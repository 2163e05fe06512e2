// wfx_traps: the WFI/WFE traps of the hypervisor and monitor controls, with their priority
// and exact syndrome, on svesim and qemu-system-aarch64. Expected values are worked out by
// hand from the Arm ARM (DDI0487: D1.16.x "Wait for Interrupt/Event" traps: SCTLR_EL1.nTWI/
// nTWE (EL0 -> EL1), HCR_EL2.TWI/TWE (EL0/EL1 -> EL2), SCR_EL3.TWI/TWE (EL0-EL2 -> EL3), the
// lower EL's control first (AArch64.CheckForWFxTrap order); D24.2.45 ISS for EC 0x01: CV = 1,
// COND = 0b1110, TI = 0 WFI / 1 WFE), never taken from svesim. Only trapped WFx run here
// (an untrapped WFI with no interrupt would wait for ever). An exception return sets the
// Event Register, and a WFE that finds it set clears it instead of trapping.

    .include "common.inc"
    .include "util.inc"

.equ ESR_WFI,  0x07E00000          // EC 0x01, IL, CV, COND 0b1110, TI 0
.equ ESR_WFE,  0x07E00001          // TI 1
.equ HCR_TWI,  (HCR_RW | (1 << 13))
.equ HCR_TWE,  (HCR_RW | (1 << 14))
.equ SCR_TWI,  (SCR_DEFAULT | (1 << 12))
.equ SCR_TWE,  (SCR_DEFAULT | (1 << 13))
.equ SCTLR_NTWI, (1 << 16)
.equ SCTLR_NTWE, (1 << 18)

// WFE first clears the Event Register, which the exception return into the snippet set (a WFE
// with the Event Register set completes at once and is not trapped): `pre` is a WFE then.
// QEMU 7.2 runs WFE as a yield that never traps (docs/mmu.md): the WFE checks are SKIP there.
.macro WFX name, insn, spsr, scr, hcr, el, esr, pre=nop
    bl      clear_records
    RUN     snip_\@, \spsr, \scr, \hcr
    .ifc \pre, wfe
    bl      on_qemu
    cbz     x0, 1f
    SKIP    "\name"
    b       2f
1:
    .endif
    EXPECT  "\name", \el, \esr, t_\@
2:
    .pushsection .text.snips, "ax"
snip_\@:
    \pre
t_\@:
    \insn
    EXIT
    .popsection
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    // nTWI = nTWE = 0: EL0's WFI/WFE trap to EL1 first
    SETSYS  sctlr_el1, SCTLR1_OFF
    WFX     "EL0 WFI, SCTLR_EL1.nTWI = 0 -> EL1", wfi, SPSR_EL0T, SCR_DEFAULT, HCR_TWI, 1, ESR_WFI
    WFX     "EL0 WFE, SCTLR_EL1.nTWE = 0 -> EL1", wfe, SPSR_EL0T, SCR_DEFAULT, HCR_TWE, 1, ESR_WFE, wfe
    SETSYS  sctlr_el1, (SCTLR1_OFF | SCTLR_NTWI | SCTLR_NTWE)
    WFX     "EL0 WFI, nTWI = 1, HCR_EL2.TWI -> EL2", wfi, SPSR_EL0T, SCR_DEFAULT, HCR_TWI, 2, ESR_WFI
    WFX     "EL0 WFE, nTWE = 1, HCR_EL2.TWE -> EL2", wfe, SPSR_EL0T, SCR_DEFAULT, HCR_TWE, 2, ESR_WFE, wfe
    WFX     "EL0 WFI, nTWI = 1, SCR_EL3.TWI -> EL3", wfi, SPSR_EL0T, SCR_TWI, HCR_DEFAULT, 3, ESR_WFI
    WFX     "EL1 WFI, HCR_EL2.TWI -> EL2", wfi, SPSR_EL1H, SCR_DEFAULT, HCR_TWI, 2, ESR_WFI
    WFX     "EL1 WFE, HCR_EL2.TWE -> EL2", wfe, SPSR_EL1H, SCR_DEFAULT, HCR_TWE, 2, ESR_WFE, wfe
    WFX     "EL1 WFI, HCR_EL2.TWI and SCR_EL3.TWI -> EL2 first", wfi, SPSR_EL1H, SCR_TWI, HCR_TWI, 2, ESR_WFI
    WFX     "EL1 WFE, SCR_EL3.TWE -> EL3", wfe, SPSR_EL1H, SCR_TWE, HCR_DEFAULT, 3, ESR_WFE, wfe
    WFX     "EL2 WFI, SCR_EL3.TWI -> EL3", wfi, SPSR_EL2H, SCR_TWI, HCR_DEFAULT, 3, ESR_WFI
    SETSYS  sctlr_el1, SCTLR1_OFF
    ldp     x29, x30, [sp], #16
    ret
