// The arm64 kernel Image header (Documentation/arm64/booting.rst, "Call the kernel image"):
//   0x00 code0/code1, 0x08 text_offset, 0x10 image_size, 0x18 flags, 0x38 magic "ARM\x64".
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace svesim::boot {

enum class KernelPageSize : std::uint8_t { Unspecified, K4, K16, K64 };

struct Arm64ImageHeader {
    static constexpr std::uint32_t kMagic = 0x644d5241; // "ARM\x64", little-endian
    static constexpr std::size_t kSize = 64;

    std::uint64_t text_offset = 0; // from a 2 MiB-aligned base
    std::uint64_t image_size = 0;  // bytes the kernel needs from its start, BSS included
    std::uint64_t flags = 0;
    bool legacy = false; // image_size 0: a pre-3.17 kernel (text_offset 0x80000 assumed)

    [[nodiscard]] bool bigEndian() const { return (flags & 1) != 0; }
    [[nodiscard]] KernelPageSize pageSize() const {
        return static_cast<KernelPageSize>((flags >> 1) & 3);
    }
    // Bit 3: 1 = the 2 MiB-aligned base may be anywhere in physical memory; 0 = as close as
    // possible to the base of DRAM.
    [[nodiscard]] bool placeAnywhere() const { return (flags & 8) != 0; }
};

// Reads the header of an Image of `bytes`; `name` is for the message. Throws
// BootError(NotAnImage) for a file shorter than the header, a wrong magic (with a hint for a
// compressed or ELF file), a big-endian kernel, an image_size smaller than the file, or a
// text_offset that is not 4-byte aligned.
Arm64ImageHeader parseArm64Image(std::span<const std::uint8_t> bytes, const std::string& name);

std::string describe(KernelPageSize size);

} // namespace svesim::boot
