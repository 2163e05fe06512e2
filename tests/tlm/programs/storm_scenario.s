// A scenario-shaped program (the parameter words of the KVM scenarios) for `scenario run` and
// `sweep` with --dir: with rounds = 0 it waits in WFI with nothing to wake it (stuck), otherwise
// it jumps to unmapped memory (an exception storm). Both must be reported as by `run`.
    .text
    .global _start
_start:
    adr x1, param_rounds
    ldr x1, [x1]
    cbz x1, 1f
    movz x0, #0x2000, lsl #16     // 0x20000000: nothing mapped there
    br x0
1:  wfi
    b 1b
    .data
    .balign 8
    .global param_hmax_vq, param_gmax_vq, param_gz1_vq, param_rounds
param_hmax_vq: .quad 4
param_gmax_vq: .quad 2
param_gz1_vq:  .quad 1
param_rounds:  .quad 2
