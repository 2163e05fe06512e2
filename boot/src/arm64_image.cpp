#include "svesim/boot/arm64_image.h"

#include "svesim/boot/boot_error.h"

#include <cstring>
#include <fmt/core.h>

namespace svesim::boot {
namespace {

std::uint64_t le64(std::span<const std::uint8_t> b, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | b[at + static_cast<std::size_t>(i)];
    return v;
}

// What a file with the wrong magic probably is, for the message.
std::string guess(std::span<const std::uint8_t> b) {
    if (b.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b)
        return " (it is gzip-compressed: give the uncompressed Image, e.g. zcat vmlinuz > Image)";
    if (b.size() >= 4 && std::memcmp(b.data(),
                                     "\x7f"
                                     "ELF",
                                     4) == 0)
        return " (it is an ELF file such as vmlinux: give arch/arm64/boot/Image)";
    return "";
}

[[noreturn]] void notAnImage(const std::string& name, const std::string& why) {
    throw BootError(BootError::Kind::NotAnImage,
                    fmt::format("{} is not an arm64 kernel Image: {}", name, why));
}

} // namespace

Arm64ImageHeader parseArm64Image(std::span<const std::uint8_t> bytes, const std::string& name) {
    if (bytes.size() < Arm64ImageHeader::kSize)
        notAnImage(name, fmt::format("{} bytes, shorter than the {}-byte header", bytes.size(),
                                     Arm64ImageHeader::kSize));
    const auto magic = static_cast<std::uint32_t>(le64(bytes, 0x38) & 0xffffffffU);
    if (magic != Arm64ImageHeader::kMagic)
        notAnImage(name, fmt::format("no \"ARM\\x64\" magic at offset 0x38{}", guess(bytes)));
    Arm64ImageHeader h;
    h.text_offset = le64(bytes, 0x08);
    h.image_size = le64(bytes, 0x10);
    h.flags = le64(bytes, 0x18);
    if (h.bigEndian())
        notAnImage(name, "a big-endian kernel (flags bit 0); svesim is little-endian");
    if (h.image_size == 0) {
        // booting.rst: before 3.17 image_size is 0 and text_offset can be assumed to be 0x80000.
        h.legacy = true;
        h.text_offset = 0x80000;
        h.image_size = bytes.size();
    }
    if (h.image_size < bytes.size())
        notAnImage(name, fmt::format("image_size {:#x} is smaller than the file ({:#x} bytes)",
                                     h.image_size, bytes.size()));
    if ((h.text_offset & 3) != 0 || h.text_offset >= (2ULL << 20))
        notAnImage(name, fmt::format("text_offset {:#x} is not a 4-byte aligned offset inside "
                                     "a 2 MiB block",
                                     h.text_offset));
    return h;
}

std::string describe(KernelPageSize size) {
    switch (size) {
    case KernelPageSize::K4: return "4K pages";
    case KernelPageSize::K16: return "16K pages";
    case KernelPageSize::K64: return "64K pages";
    case KernelPageSize::Unspecified: break;
    }
    return "page size unspecified";
}

} // namespace svesim::boot
