// With the MMU off every data access is to Device memory: an 8-byte store to an address that
// is not 8-aligned takes an Alignment fault (Arm ARM; QEMU 7.2 does not check). The EL3 vector
// table is at 0 (VBAR_EL3's reset value here), where nothing is mapped: an exception storm that
// began with that Data Abort (tests/cli/test_nohang.sh: its line names the Alignment fault).
    .text
    .global _start
_start:
    ldr x0, =0x40090001
    str x1, [x0]
    b .
