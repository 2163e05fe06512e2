// The optimisation proposed in v2 (Daniel Kiss, seed thread): "Maybe we shouldn't save the
// guest's sve_max_vl here, would enough to save up to the actual VL."
//
// The guest's state is loaded and saved only up to its own VL gz1 (ZCR_EL2 = gz1-1 for the
// load, ZCR_EL1 = gz1-1 at the put). Between its runs the host task runs at hmax and fills
// the registers with its own data. Nothing clears the bytes above gz1 when the guest comes
// back, and the guest may raise its own ZCR_EL1 up to gmax and read them.
//
//   step              EL  ZCR_EL1  ZCR_EL2  VL
//   put: save         1   gz1-1    15       gz1  (bytes above gz1 not saved)
//   host task runs    0   hmax-1   hmax-1   hmax (its data in every byte)
//   trap: load        2   gz1-1    gz1-1    gz1  (bytes above gz1 not loaded)
//
// Expected: LEAK under preserve (the host task's bytes between gz1 and gmax are exposable to
// the guest); clean under zero and qemu (the load at gz1 zeroes above gz1: the zero branch of
// the Z[] setter, or QEMU's narrowing); either under random.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ SAVE_AT_CURRENT_VL, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
