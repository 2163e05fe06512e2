// A host task and a guest whose registers hold the same values. The hypervisor gives the guest
// a clean Z0 and, with param_restore = 1, gives the host task its own Z0 back on the way home;
// with param_restore = 0 it forgets, and the host task re-enters with the guest's Z0 — byte for
// byte the same values as its own. Value matching cannot see that; provenance can:
// `svesim run --check` must report LEAK host-task (guest1's data) and LOSS, and nothing with
// param_restore = 1.
    .macro host_vl
    mov x0, #1                        // VL 256 everywhere
    msr zcr_el2, x0
    msr zcr_el1, x0
    .endm
    .macro to_guest
    adr x0, host_save
    str z0, [x0]
    adr x0, guest_save
    ldr z0, [x0]
    .endm
    .macro to_host
    adr x0, guest_save
    str z0, [x0]
    adr x0, param_restore
    ldr x0, [x0]
    cbz x0, 1f
    adr x0, host_save
    ldr z0, [x0]
1:
    .endm

    .include "switch_common.inc"

    .text
host_task:
    index z0.b, #1, #1                // the host task's data
    svc #0                            // run the guest
    svc #1                            // done
guest:
    index z0.b, #1, #1                // the guest's data: the same values
    hvc #0

    .data
    .balign 8
    .global param_restore
param_restore: .quad 0
