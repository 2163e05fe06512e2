// A template scenario program (docs/scenarios.md, "Your own scenario from scratch"): a
// hypervisor at EL2 runs one guest (EL1, VMID 1) for `rounds` entries. On every exit (HVC) it
// saves the guest's Z/P/FFR at the guest's maximum VL (gmax_vq), does work of its own at the
// host's maximum (hmax_vq) that fills the registers with its data, and restores the guest's
// state before entering it again. The guest runs at its own VL (gz1_vq). The parameters have
// the shipped scenarios' names, so the same sweep grids apply. The guest
// fills its registers once and, at every re-entry, checks them as the kernel's sve-test does.
//
// `svesim scenario run my_scenario.elf` judges it: clean. Delete the `sve_load` in
// hyp_exit and the checker reports LOSS and LEAK (the hypervisor's data in the guest), and the
// guest's own check SELFCHECK.
//
// Build with the installed macros and linker script (SHARE = <prefix>/share/svesim/scenario):
//   aarch64-linux-gnu-as -march=armv8.2-a+sve -I $SHARE my_scenario.S -o my_scenario.o
//   aarch64-linux-gnu-ld --no-warn-rwx-segments -T $SHARE/link.ld my_scenario.o -o my_scenario.elf
// The same ELF runs on qemu-system-aarch64 -M virt,virtualization=on,secure=on -cpu max -nic none
// -semihosting (without the scenario monitor: no checker, only the guest's own check).

    .include "macros.inc"           // monitor, phases, events, parameters, SVE save/load, ...

    .text
    .global _start
_start:                             // EL3, reset: enable SVE below, drop to EL2
    adr x0, stack_el3_top
    mov sp, x0
    probe_devices                   // svesim's monitor and timer (absent on QEMU)
    mov x0, #(1 << 8)               // CPTR_EL3.EZ: SVE (and FP) enabled below EL3
    msr cptr_el3, x0
    mov x0, #15
    msr s3_6_c1_c2_0, x0            // ZCR_EL3.LEN = 15: every VL allowed
    mov x0, #0x531                  // SCR_EL3: NS, RW, HCE
    msr scr_el3, x0
    isb
    mov x0, #0x3c9                  // EL2h, interrupts masked
    msr spsr_el3, x0
    adr x0, el2_init
    msr elr_el3, x0
    eret

el2_init:                           // the hypervisor
    adr x0, stack_el2_top
    mov sp, x0
    adr x0, vectors_el2
    msr vbar_el2, x0
    mov x0, #(1 << 31)              // HCR_EL2.RW
    msr hcr_el2, x0
    stage2_init                     // VTCR_EL2 and the guest's identity-mapped stage 2
    cptr_traps_off                  // no FP/SVE traps: this hypervisor switches eagerly
    param_len x0, gmax_vq
    msr s3_4_c1_c2_0, x0            // ZCR_EL2 = the guest's maximum
    param x0, gmax_vq               // tell the checker the guest's maximum VQ
    orr x0, x0, #(VMID_GUEST << 8)
    mon MON_GUEST_MAX_VQ, x0
    mov x0, #(0x33 << 16)           // CPACR_EL1: the guest uses FP and SVE
    msr cpacr_el1, x0
    param x0, rounds
    adr x1, entries_left
    str x0, [x1]
    adr x0, stack_guest_top
    msr sp_el1, x0
    mov x0, #0x3c5                  // the guest: EL1h, interrupts masked
    msr spsr_el2, x0
    adr x0, guest
    msr elr_el2, x0
    b enter_guest

enter_guest:                        // uses only x0, x1, x16, x17: an HVC's caller keeps X18-X30
    ldr x0, =((1 << 31) | 1)        // HCR_EL2: RW, VM (stage 2 on)
    msr hcr_el2, x0
    guest_vttbr x0
    msr vttbr_el2, x0
    isb
    phase_begin PH_GUEST_ENTRY      // ends at the guest's first instruction after the ERET
    eret

hyp_exit:                           // the guest's HVC
    phase_begin PH_GUEST_EXIT
    msr vttbr_el2, xzr              // the host's side: no stage 2
    mov x0, #(1 << 31)
    msr hcr_el2, x0
    isb
    adr x0, guest_sve               // save the guest's state at the VL it may use (EL2's
    sve_save x0                     // VL is ZCR_EL2's: the guest's maximum)
    phase_end PH_GUEST_EXIT
    phase_begin PH_HOST_WINDOW
    param_len x0, hmax_vq
    msr s3_4_c1_c2_0, x0            // ZCR_EL2 = the host's maximum for the hypervisor's own
    isb                             // work: its data in every register, at its VL
    fill_pattern 7, 1, 1
    param_len x0, gmax_vq
    msr s3_4_c1_c2_0, x0            // ZCR_EL2 = the guest's maximum again
    isb
    adr x0, guest_sve
    sve_load x0                     // the guest's state back (delete this line: LOSS+LEAK)
    phase_end PH_HOST_WINDOW
    adr x0, entries_left
    ldr x1, [x0]
    subs x1, x1, #1
    str x1, [x0]
    b.eq program_exit
    b enter_guest

hyp_sync_current:                   // EL2's own synchronous exceptions: a probe, or a panic
    el2_probe_handler hyp_panic
hyp_panic:
    report_event EV_HYP_PANIC
    b program_exit

    program_exit_code               // program_exit: semihosting SYS_EXIT with the status

guest:                              // EL1, VMID 1
    param_len x0, gz1_vq
    msr s3_0_c1_c2_0, x0            // the guest's own ZCR_EL1
    isb
    fill_pattern 3, 2, 3            // its data in every Z, P and FFR
1:  phase_end PH_GUEST_ENTRY
    adr x9, guest_scratch
    verify_pattern 3, x9, EV_GUEST_SELFCHECK_FAIL  // its registers as it left them?
    hvc #0                          // exit to the hypervisor
    b 1b

    .balign 0x800
vectors_el2:
    .rept 4
    b hyp_panic                     // current EL with SP0
    .balign 0x80
    .endr
    b hyp_sync_current              // current EL with SPx, synchronous
    .balign 0x80
    .rept 3
    b hyp_panic
    .balign 0x80
    .endr
    b hyp_exit                      // lower EL AArch64, synchronous: the guest's HVC
    .balign 0x80
    .rept 7
    b hyp_panic
    .balign 0x80
    .endr

    .ltorg
    scenario_data                   // exit block, device probes, self-check counts, stage 2
    .balign 8
    .global param_hmax_vq, param_gmax_vq, param_gz1_vq, param_rounds
param_hmax_vq: .quad 4              // the host's maximum VQ (--param hmax_vq=N)
param_gmax_vq: .quad 2              // the guest's maximum VQ
param_gz1_vq:  .quad 1              // the guest's own ZCR_EL1 VQ
param_rounds:  .quad 3              // guest entries
entries_left:  .quad 0
    .bss
    .balign 16
guest_sve:     .skip SVE_BUF_SIZE
guest_scratch: .skip 512
    .balign 16
    .skip 4096
stack_el3_top:
    .skip 4096
stack_el2_top:
    .skip 4096
stack_guest_top:
