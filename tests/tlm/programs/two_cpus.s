// Two PEs, one program, shared RAM. Each reads MPIDR_EL1.Aff0, enables SVE at EL3 with the
// largest VL its configuration allows and stores RDVL into slots[Aff0]; then both add 1 to
// `counter` 1000 times with LDAXR/STLXR (only the global exclusive monitor keeps the other PE's
// updates). PE 0 then raises `flag` and sends an event (SEV); PE 1 waits for it in WFE.
// Exit status: VL in bytes (PE 0), 100 + VL in bytes (PE 1).
    .text
    .global _start
_start:
    mrs x1, mpidr_el1
    and x1, x1, #0xff
    mov x0, #(1 << 8)                       // CPTR_EL3.EZ
    msr cptr_el3, x0
    mov x0, #15
    msr zcr_el3, x0
    isb
    rdvl x2, #1
    adr x3, slots
    str x2, [x3, x1, lsl #3]
    adr x4, counter
    mov x6, #1000
1:  ldaxr x5, [x4]
    add x5, x5, #1
    stlxr w7, x5, [x4]
    cbnz w7, 1b
    subs x6, x6, #1
    b.ne 1b
    adr x4, flag
    cbnz x1, pe1
    mov x5, #1
    str x5, [x4]
    sev
    b exit
pe1:
    sevl                                    // the first WFE falls through
2:  wfe
    ldr x5, [x4]
    cbz x5, 2b
    add x2, x2, #100
exit:
    adr x1, block                           // block[Aff0] = {0x20026, status}
    mrs x9, mpidr_el1
    and x9, x9, #0xff
    add x1, x1, x9, lsl #4
    str x2, [x1, #8]
    mov x0, #0x18                           // SYS_EXIT
    hlt #0xf000

    .balign 8
slots:   .quad 0, 0
counter: .quad 0
flag:    .quad 0
block:   .quad 0x20026, 0, 0x20026, 0
