// A hypervisor that restores a guest's Z0 at the guest's current VL (128 bits) instead of its
// maximum (256), then lets the guest raise its own VL. The host task ran at 512 bits; what it
// left above 128 bits of Z0 is the guest's to read once its VL grows — on an implementation that
// preserves those bits. `svesim run --check` (under any policy, in one run) must say: preserve
// LEAK, zero clean, qemu clean (QEMU zeroes when the hypervisor narrows ZCR_EL2).
    .macro host_vl
    mov x0, #3                        // the host task runs at 512 bits
    msr zcr_el2, x0
    msr zcr_el1, x0
    .endm
    .macro to_guest
    adr x0, host_save
    str z0, [x0]                      // at 512 bits
    msr zcr_el2, xzr                  // the guest's current VL: 128 bits...
    msr zcr_el1, xzr
    isb
    adr x0, guest_save
    ldr z0, [x0]                      // ...is all that is restored
    mov x0, #1                        // the guest may go up to 256 bits
    msr zcr_el2, x0
    isb
    .endm
    .macro to_host
    mov x0, #3
    msr zcr_el2, x0
    msr zcr_el1, x0
    isb
    adr x0, host_save
    ldr z0, [x0]
    .endm

    .include "switch_common.inc"

    .text
host_task:
    index z0.b, #1, #1                // the host task's data, 64 bytes
    svc #0                            // run the guest
    svc #1                            // done
guest:
    mov x0, #1                        // raise its own VL to 256 bits
    msr zcr_el1, x0
    isb                               // Z0[255:128] is now readable
    hvc #0
