// gic_timer_traps.S - the trap decisions of the GIC CPU interface and the generic timer, on
// QEMU virt (gic-version=3). Each snippet runs at a lower EL through the shared runtime
// (tests/arch/programs/common.inc) and must take exactly one exception at the expected EL with
// EC 0x18 and the MRS/MSR ISS (Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5],
// CRm [4:1], Direction [0]), or none. Rules: IHI 0069 12.2 (ICC_* accessibility: ICH_HCR_EL2,
// HCR_EL2.IMO, SCR_EL3.IRQ), ARM-M D19.11 (CNTHCTL_EL2, CNTKCTL_EL1).

    .include "common.inc"

.equ ESR_SYS,           ((EC_SYSREG << 26) | ESR_IL)
.equ ISS_IAR1_READ,     0x303019        // mrs x0, icc_iar1_el1   (3,0,12,12,0)
.equ ISS_PMR_READ,      0x30100D        // mrs x0, icc_pmr_el1    (3,0,4,6,0)
.equ ISS_SGI1R_WRITE,   0x3A3016        // msr icc_sgi1r_el1, x0  (3,0,12,11,5)
.equ ISS_SRE1_READ,     0x3A3019        // mrs x0, icc_sre_el1    (3,0,12,12,5)
.equ ISS_CNTPCT_READ,   0x32F801        // mrs x0, cntpct_el0     (3,3,14,0,1)
.equ ISS_CNTPCTL_READ,  0x32F805        // mrs x0, cntp_ctl_el0   (3,3,14,2,1)
.equ ISS_CNTVCT_READ,   0x34F801        // mrs x0, cntvct_el0     (3,3,14,0,2)
.equ SCR_IRQ,           (1 << 1)
.equ HCR_GUEST,         (HCR_RW | (1 << 4) | (1 << 3))   // RW, IMO, FMO
.equ ICH_EN,            1
.equ ICH_TC,            (1 << 10)
.equ ICH_TALL1,         (1 << 12)

test_main:
    stp     x29, x30, [sp, #-16]!
    mov     x0, #0xF
    msr     icc_sre_el3, x0
    isb
    msr     icc_sre_el2, x0
    isb

    // ICH_HCR_EL2.TALL1: a guest's Group 1 register access traps to EL2 (before the ICV view).
    ldr     x0, =(ICH_EN | ICH_TALL1)
    msr     ich_hcr_el2, x0
    isb
    bl      clear_records
    RUN     t_iar1, SPSR_EL1H, SCR_DEFAULT, HCR_GUEST
    EXPECT  "12.2.14 ICH_HCR_EL2.TALL1 traps ICC_IAR1_EL1 at EL1 to EL2", 2, (ESR_SYS | ISS_IAR1_READ), t_iar1
    // ICH_HCR_EL2.TC: the common registers (PMR) trap to EL2.
    ldr     x0, =(ICH_EN | ICH_TC)
    msr     ich_hcr_el2, x0
    isb
    bl      clear_records
    RUN     t_pmr, SPSR_EL1H, SCR_DEFAULT, HCR_GUEST
    EXPECT  "12.2.19 ICH_HCR_EL2.TC traps ICC_PMR_EL1 at EL1 to EL2", 2, (ESR_SYS | ISS_PMR_READ), t_pmr
    msr     ich_hcr_el2, xzr
    isb
    // SGIs are not virtualised: ICC_SGI1R_EL1 at EL1 with IMO traps to EL2.
    bl      clear_records
    RUN     t_sgi1r, SPSR_EL1H, SCR_DEFAULT, HCR_GUEST
    EXPECT  "12.2.21 ICC_SGI1R_EL1 at EL1 with HCR_EL2.IMO traps to EL2", 2, (ESR_SYS | ISS_SGI1R_WRITE), t_sgi1r
    // SCR_EL3.IRQ: Group 1 registers trap to EL3 from EL2, and from EL1 unless virtualised.
    bl      clear_records
    RUN     t_iar1, SPSR_EL2H, (SCR_DEFAULT | SCR_IRQ), HCR_DEFAULT
    EXPECT  "12.2.14 SCR_EL3.IRQ traps ICC_IAR1_EL1 at EL2 to EL3", 3, (ESR_SYS | ISS_IAR1_READ), t_iar1
    bl      clear_records
    RUN     t_iar1, SPSR_EL1H, (SCR_DEFAULT | SCR_IRQ), HCR_DEFAULT
    EXPECT  "12.2.14 SCR_EL3.IRQ traps ICC_IAR1_EL1 at EL1 without IMO to EL3", 3, (ESR_SYS | ISS_IAR1_READ), t_iar1
    bl      clear_records
    RUN     t_iar1, SPSR_EL1H, (SCR_DEFAULT | SCR_IRQ), HCR_GUEST
    EXPECT_NONE "12.2.14 with IMO the EL1 access is ICV_IAR1_EL1: no trap"
    LDRESULT x19, 0
    CHECK_IMM "12.7 ICV_IAR1_EL1 with ICH_HCR_EL2.En = 0 reads 1023", x19, 1023
    // ICC_SRE_EL2.Enable = 0: EL1's ICC_SRE_EL1 accesses trap to EL2 (QEMU: Enable is RAO/WI).
    bl      on_qemu
    cbnz    x0, 1f
    mov     x0, #0x7
    msr     icc_sre_el2, x0
    isb
    bl      clear_records
    RUN     t_sre1, SPSR_EL1H, SCR_DEFAULT, HCR_DEFAULT
    EXPECT  "12.2.23 ICC_SRE_EL2.Enable = 0 traps ICC_SRE_EL1 at EL1 to EL2", 2, (ESR_SYS | ISS_SRE1_READ), t_sre1
    mov     x0, #0xF
    msr     icc_sre_el2, x0
    isb
    b       2f
1:  SKIP    "12.2.23 ICC_SRE_EL2.Enable = 0 traps ICC_SRE_EL1 at EL1 to EL2"
2:
    // CNTHCTL_EL2 (E2H = 0) EL1PCTEN = EL1PCEN = 0: EL1's physical counter and timer trap to EL2.
    msr     cnthctl_el2, xzr
    isb
    bl      clear_records
    RUN     t_cntpct, SPSR_EL1H, SCR_DEFAULT, HCR_DEFAULT
    EXPECT  "D19.11 CNTHCTL_EL2.EL1PCTEN = 0 traps CNTPCT_EL0 at EL1 to EL2", 2, (ESR_SYS | ISS_CNTPCT_READ), t_cntpct
    bl      clear_records
    RUN     t_cntpctl, SPSR_EL1H, SCR_DEFAULT, HCR_DEFAULT
    EXPECT  "D19.11 CNTHCTL_EL2.EL1PCEN = 0 traps CNTP_CTL_EL0 at EL1 to EL2", 2, (ESR_SYS | ISS_CNTPCTL_READ), t_cntpctl
    bl      clear_records
    RUN     t_cntvctl, SPSR_EL1H, SCR_DEFAULT, HCR_DEFAULT
    EXPECT_NONE "D19.11 CNTV_CTL_EL0 at EL1 is not trapped by CNTHCTL_EL2"
    mov     x0, #3
    msr     cnthctl_el2, x0
    // CNTKCTL_EL1 = 0: EL0's CNTVCT_EL0 traps to EL1; EL0VCTEN = 1 allows it.
    msr     cntkctl_el1, xzr
    isb
    bl      clear_records
    RUN     t_cntvct, SPSR_EL0T, SCR_DEFAULT, HCR_DEFAULT
    EXPECT  "D19.11 CNTKCTL_EL1.EL0VCTEN = 0 traps CNTVCT_EL0 at EL0 to EL1", 1, (ESR_SYS | ISS_CNTVCT_READ), t_cntvct
    mov     x0, #2
    msr     cntkctl_el1, x0
    isb
    bl      clear_records
    RUN     t_cntvct, SPSR_EL0T, SCR_DEFAULT, HCR_DEFAULT
    EXPECT_NONE "D19.11 CNTKCTL_EL1.EL0VCTEN = 1 lets EL0 read CNTVCT_EL0"
    bl      test_reset
    ldp     x29, x30, [sp], #16
    ret

t_iar1:
    mrs     x0, icc_iar1_el1
    RESULT  0, x0
    EXIT
t_pmr:
    mrs     x0, icc_pmr_el1
    EXIT
t_sgi1r:
    msr     icc_sgi1r_el1, x0
    EXIT
t_sre1:
    mrs     x0, icc_sre_el1
    EXIT
t_cntpct:
    mrs     x0, cntpct_el0
    EXIT
t_cntpctl:
    mrs     x0, cntp_ctl_el0
    EXIT
t_cntvctl:
    mrs     x0, cntv_ctl_el0
    EXIT
t_cntvct:
    mrs     x0, cntvct_el0
    EXIT
