// Where the kernel, the initrd and the DTB go in RAM (Documentation/arm64/booting.rst):
//   - the kernel at a 2 MiB-aligned base + text_offset, image_size bytes free from there; the
//     base is RAM + 2 MiB (as QEMU places it), the lowest 2 MiB staying free;
//   - the initrd at the next 2 MiB boundary after the kernel's image_size, inside the 1 GiB
//     aligned window of at most 32 GiB that covers the kernel;
//   - the DTB at the next 2 MiB boundary after that (8-byte aligned, at most 2 MiB, alone in its
//     2 MiB block).
#pragma once

#include "svesim/boot/arm64_image.h"

#include <cstdint>
#include <string>
#include <vector>

namespace svesim::boot {

struct Region {
    std::uint64_t base = 0, size = 0;
    [[nodiscard]] std::uint64_t end() const { return base + size; }
};

struct BootLayout {
    Region kernel; // [2 MiB-aligned base + text_offset, + image_size)
    Region initrd; // size 0: none
    Region dtb;    // its size is the maximum the DTB may have (2 MiB)
    [[nodiscard]] std::uint64_t kernelEntry() const { return kernel.base; }
    // One line per region, for --dry-run and the boot log: "kernel 0x40200000 0x2010000".
    [[nodiscard]] std::vector<std::string> describe() const;
};

inline constexpr std::uint64_t kDtbMaxSize = 2ULL << 20;

// Throws BootError(DoesNotFit) naming what does not fit: the kernel's image_size, the initrd
// (e.g. larger than the memory), or the DTB's 2 MiB after them.
BootLayout placeBoot(const Region& ram, const Arm64ImageHeader& kernel, std::uint64_t initrd_size);

} // namespace svesim::boot
