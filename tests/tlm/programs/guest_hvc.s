// A guest (EL1, VMID 1) fills Z0 and calls HVC; the EL2 handler clobbers Z0 when
// param_clobber is nonzero, then returns. `svesim run --check` must report LOSS guest1 Z0 when
// it does, and nothing when it does not.
    .text
    .global _start
_start:
    mov x0, #0x100                // CPTR_EL3.EZ: SVE on
    msr cptr_el3, x0
    mov x0, #15
    msr s3_6_c1_c2_0, x0          // ZCR_EL3
    mov x0, #0x531                // SCR_EL3: NS, RW, HCE (+ RES1 5:4)
    msr scr_el3, x0
    adr x0, el2_vectors
    msr vbar_el2, x0
    mov x0, #0x3c9                // EL2h, DAIF masked
    msr spsr_el3, x0
    adr x0, el2_entry
    msr elr_el3, x0
    eret
el2_entry:
    mov x0, #1                    // HCR_EL2.VM
    orr x0, x0, #(1 << 31)        // HCR_EL2.RW
    msr hcr_el2, x0
    ldr x0, =0x80023559           // VTCR_EL2: T0SZ 25, SL0 1 (level 1), 4 KiB, WB, PS 40 bits
    msr vtcr_el2, x0
    adr x0, s2_table              // a stage 2 identity map (translation is real)
    orr x0, x0, #(1 << 48)        // VTTBR_EL2.VMID = 1
    msr vttbr_el2, x0
    mov x0, #0x32ff               // CPTR_EL2: no traps (RES1 bits only)
    msr cptr_el2, x0
    mov x0, #1                    // guest maximum: 256 bits
    msr s3_4_c1_c2_0, x0          // ZCR_EL2
    mov x0, #(0x33 << 16)         // CPACR_EL1: ZEN, FPEN = 11
    msr cpacr_el1, x0
    mov x0, #1
    msr s3_0_c1_c2_0, x0          // ZCR_EL1
    mov x0, #0x3c5                // EL1h
    msr spsr_el2, x0
    adr x0, guest
    msr elr_el2, x0
    eret
guest:
    index z0.b, #1, #1
    ptrue p1.b
    hvc #0
    mov x0, #0x18
    adr x1, done
    hlt #0xf000
    .balign 8
done: .quad 0x20026, 0
    .global param_clobber
param_clobber: .quad 1
    .ltorg

    // Stage 2 level 1 blocks (1 GiB): IPA 0 Device-nGnRnE, IPA 0x40000000 Normal write-back
    // (AF, Inner Shareable, S2AP read/write).
    .balign 4096
s2_table:
    .quad 0x4C1
    .quad 0x40000000 + 0x7FD
    .fill 510, 8, 0

    .balign 0x800
el2_vectors:
    .skip 0x400
lower_sync:                       // HVC from the guest
    adr x1, param_clobber
    ldr x1, [x1]
    cbz x1, 1f
    dup z0.b, #0x55
1:  eret
