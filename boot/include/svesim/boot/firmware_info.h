// The boot-info block at offset 0x40 of svesim's firmware image (firmware/README.md), which the
// loader fills before the firmware runs: what the firmware cannot find out itself.
#pragma once

#include "svesim/boot/machine.h"

#include <cstdint>
#include <string>
#include <vector>

namespace svesim::boot {

struct FirmwareBootInfo {
    static constexpr std::size_t kOffset = 0x40;
    static constexpr std::size_t kSize = 0x50;
    static constexpr std::uint32_t kVersion = 1;

    std::uint64_t kernel_entry = 0;
    std::uint64_t dtb = 0;
    std::uint64_t cntfrq = 0;
    std::uint64_t gicd = 0; // 0: no GIC to set up
    std::uint64_t gicr = 0;
    std::uint64_t cpu_count = 1;
    std::uint64_t firmware_ram = 0;
    std::uint64_t uart = 0;

    // The block for `machine`. The firmware sets the GIC up only if the PE has a GICv3 CPU
    // interface (ID_AA64PFR0_EL1.GIC), so the block names it in any case.
    static FirmwareBootInfo forMachine(const BootMachine& machine, std::uint64_t kernel_entry,
                                       std::uint64_t dtb);
};

// True if `image` carries the block (magic "svesimBI", version 1, size >= kSize).
bool hasBootInfo(const std::vector<std::uint8_t>& image);
// Writes `info` into the image's block; throws BootError(BadFirmware) naming `name` if the image
// has none (a foreign firmware given with --firmware must find the kernel by itself: use
// hasBootInfo first).
void writeBootInfo(std::vector<std::uint8_t>& image, const FirmwareBootInfo& info,
                   const std::string& name);

} // namespace svesim::boot
