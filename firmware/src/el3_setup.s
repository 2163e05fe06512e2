// Per-PE EL3 controls for a Non-secure kernel at EL2 (Documentation/arm64/booting.rst, "If EL3
// is present"). Each optional control is set only when the ID registers say the feature exists,
// so that the same image runs on svesim's Armv8.2 PE and on QEMU's `-cpu max`.
.include "defs.inc"

// SCR_EL3 bits (Arm ARM D19.2.115)
.equ SCR_NS,     (1 << 0)
.equ SCR_RES1,   (3 << 4)
.equ SCR_HCE,    (1 << 8)                 // HVC enabled; SMD (bit 7) = 0: SMC enabled
.equ SCR_RW,     (1 << 10)                // the EL below is AArch64
.equ SCR_APK,    (1 << 16)                // pointer-authentication keys and instructions
.equ SCR_API,    (1 << 17)                //   not trapped to EL3
.equ SCR_ENSCXT, (1 << 25)                // SCXTNUM_ELx not trapped (FEAT_CSV2_2)
.equ SCR_ATA,    (1 << 26)                // allocation tags (FEAT_MTE2)
.equ SCR_FGTEN,  (1 << 27)                // fine-grained trap registers (FEAT_FGT)
.equ SCR_HXEN,   (1 << 38)                // HCRX_EL2 (FEAT_HCX)
.equ SCR_ENTP2,  (1 << 41)                // TPIDR2_EL0 (FEAT_SME)
// CPTR_EL3: EZ (bit 8) SVE, ESM (bit 12) SME not trapped; TFP, TTA, TAM = 0.
.equ CPTR_EZ,    (1 << 8)
.equ CPTR_ESM,   (1 << 12)
// MDCR_EL3: NSPB = 0b11 (SPE owned by Non-secure EL1), NSTB = 0b11 (TRBE likewise).
.equ MDCR_NSPB,  (3 << 12)
.equ MDCR_NSTB,  (3 << 24)
// SCTLR_EL2 with its RES1 bits, MMU, caches and alignment checks off, little-endian.
.equ SCTLR_EL2_SAFE, 0x30c50830
.equ HCR_RW,     (1 << 31)

.text
.global el3_setup
el3_setup:
    adr     x0, el3_vectors
    msr     vbar_el3, x0

    // SCR_EL3
    mov     x0, #(SCR_NS | SCR_RES1 | SCR_HCE | SCR_RW)
    mrs     x1, id_aa64isar1_el1
    mov     x2, #0xff0
    movk    x2, #0xff00, lsl #16        // APA, API [11:4]; GPA, GPI [31:24]
    tst     x1, x2
    b.eq    1f
    orr     x0, x0, #(SCR_APK | SCR_API)
1:  mrs     x1, id_aa64pfr0_el1
    ubfx    x2, x1, #56, #4             // CSV2
    cmp     x2, #2
    b.lo    1f
    orr     x0, x0, #SCR_ENSCXT
1:  mrs     x1, id_aa64pfr1_el1
    ubfx    x2, x1, #8, #4              // MTE
    cmp     x2, #2
    b.lo    1f
    orr     x0, x0, #SCR_ATA
1:  ubfx    x2, x1, #24, #4             // SME
    cbz     x2, 1f
    orr     x0, x0, #SCR_ENTP2
1:  mrs     x1, id_aa64mmfr0_el1
    ubfx    x2, x1, #56, #4             // FGT
    cbz     x2, 1f
    orr     x0, x0, #SCR_FGTEN
1:  mrs     x1, id_aa64mmfr1_el1
    ubfx    x2, x1, #40, #4             // HCX
    cbz     x2, 1f
    orr     x0, x0, #SCR_HXEN
1:  msr     scr_el3, x0

    // CPTR_EL3, then ZCR_EL3/SMCR_EL3.LEN = 15: the PE rounds down to its largest VL, the same
    // on every PE.
    mov     x0, #0
    mrs     x1, id_aa64pfr0_el1
    ubfx    x3, x1, #32, #4             // SVE
    cbz     x3, 1f
    orr     x0, x0, #CPTR_EZ
1:  mrs     x1, id_aa64pfr1_el1
    ubfx    x4, x1, #24, #4             // SME
    cbz     x4, 1f
    orr     x0, x0, #CPTR_ESM
1:  msr     cptr_el3, x0
    isb
    mov     x0, #15
    cbz     x3, 1f
    msr     S3_6_C1_C2_0, x0            // ZCR_EL3
1:  cbz     x4, 1f
    msr     S3_6_C1_C2_6, x0            // SMCR_EL3
1:
    // MDCR_EL3: no debug or PMU traps to EL3; SPE and TRBE buffers owned by Non-secure EL1.
    mov     x0, #0
    mrs     x1, id_aa64dfr0_el1
    ubfx    x2, x1, #32, #4             // PMSVer
    cbz     x2, 1f
    orr     x0, x0, #MDCR_NSPB
1:  ubfx    x2, x1, #44, #4             // TraceBuffer
    cbz     x2, 1f
    orr     x0, x0, #MDCR_NSTB
1:  msr     mdcr_el3, x0

    // GICv3 system-register interface: ICC_SRE_EL3.{Enable, DIB, DFB, SRE} (lets EL2 set
    // ICC_SRE_EL2 itself).
    mrs     x1, id_aa64pfr0_el1
    ubfx    x2, x1, #24, #4             // GIC
    cbz     x2, 1f
    mov     x0, #0xf
    msr     S3_6_C12_C12_5, x0          // ICC_SRE_EL3
    isb

1:  // The counter frequency, if the loader gave one.
    ldr     x0, [x20, #BI_CNTFRQ]
    cbz     x0, 1f
    msr     cntfrq_el0, x0

1:  // EL2's state before the kernel's own setup: no virtual offset, MMU off, AArch64 below.
    mrs     x1, id_aa64pfr0_el1
    ubfx    x2, x1, #8, #4              // EL2
    cbz     x2, 1f
    msr     cntvoff_el2, xzr
    ldr     x0, =SCTLR_EL2_SAFE
    msr     sctlr_el2, x0
    mov     x0, #HCR_RW
    msr     hcr_el2, x0
1:  isb
    ret
