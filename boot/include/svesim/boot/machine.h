// The boot platform's memory map and interrupts: QEMU virt's, so that every artefact (firmware,
// DTB, placement) can be checked on qemu-system-aarch64 -M virt. tlm/'s BootPlatform and the
// device tree are both built from this one description.
#pragma once

#include <cstdint>

namespace svesim::boot {

struct BootMachine {
    std::uint64_t flash_base = 0x0000'0000, flash_size = 64ULL << 20; // firmware, runs at EL3
    std::uint64_t gicd_base = 0x0800'0000, gicd_size = 0x1'0000;
    std::uint64_t gicr_base = 0x080A'0000;                    // one 128 KiB frame pair per PE
    static constexpr std::uint64_t kGicrFrameSize = 0x2'0000; // RD_base + SGI_base (GICv3)
    std::uint64_t uart_base = 0x0900'0000, uart_size = 0x1000;
    unsigned uart_spi = 1;                    // PL011 interrupt: SPI 1 (INTID 33)
    std::uint64_t uart_clock_hz = 24'000'000; // the apb_pclk/uartclk fixed clock
    // The firmware's own RAM (mailboxes, stacks): QEMU virt's secure RAM, not in the DTB.
    std::uint64_t firmware_ram_base = 0x0E00'0000, firmware_ram_size = 16ULL << 20;
    std::uint64_t ram_base = 0x4000'0000, ram_size = 1ULL << 30;
    unsigned cpus = 1;
    std::uint64_t cntfrq_hz = 0; // the generic timer's frequency for the firmware (0: leave)

    [[nodiscard]] std::uint64_t gicrSize() const { return kGicrFrameSize * cpus; }
    static constexpr unsigned kMaxCpus = 64;
};

// The MPIDR affinity of PE `index` (QEMU virt's GICv3 layout): Aff0 = index % 16,
// Aff1 = index / 16. The firmware computes the inverse (firmware/src/entry.s).
[[nodiscard]] constexpr std::uint64_t mpidrAffinity(unsigned index) {
    return (static_cast<std::uint64_t>(index / 16) << 8) | (index % 16);
}

// The architected PPIs of the generic timer and the GIC maintenance interrupt, as INTIDs
// (Arm BSA; the DT numbers them from 16).
inline constexpr unsigned kPpiSecurePhysTimer = 29, kPpiNonSecurePhysTimer = 30, kPpiVirtTimer = 27,
                          kPpiHypPhysTimer = 26, kPpiGicMaintenance = 25;

} // namespace svesim::boot
