// PSCI 0.2 calls through HVC (the conduit of the guest contract). Neither returns.
    .include "contract.inc"

    .text
    .global psci_system_off, psci_system_reset
psci_system_off:
    ldr     x0, =PSCI_SYSTEM_OFF
    hvc     #0
    b       .

psci_system_reset:
    ldr     x0, =PSCI_SYSTEM_RESET
    hvc     #0
    b       .
