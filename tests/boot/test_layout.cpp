// Placement of kernel, initrd and DTB, Documentation/arm64/booting.rst: a 2 MiB-aligned base +
// text_offset, image_size free from there; the DTB 8-byte aligned, at most 2 MiB, alone in its
// 2 MiB block; the initrd in a 1 GiB-aligned window of at most 32 GiB covering the kernel.
#include "svesim/boot/boot_error.h"
#include "svesim/boot/layout.h"

#include <catch2/catch.hpp>

using namespace svesim::boot;

namespace {
constexpr std::uint64_t kM = 1ULL << 20;
Arm64ImageHeader header(std::uint64_t text_offset, std::uint64_t image_size) {
    Arm64ImageHeader h;
    h.text_offset = text_offset;
    h.image_size = image_size;
    return h;
}
} // namespace

TEST_CASE("booting.rst: the kernel at a 2 MiB-aligned base + text_offset, initrd and DTB after "
          "it on 2 MiB boundaries",
          "[boot][layout]") {
    // Debian 6.1's numbers: text_offset 0, image_size 0x2010000; QEMU also loads at RAM + 2 MiB.
    const auto l = placeBoot({0x4000'0000, 1024 * kM}, header(0, 0x201'0000), 0x10'0000);
    CHECK(l.kernel.base == 0x4020'0000);
    CHECK(l.kernel.size == 0x201'0000);
    CHECK(l.initrd.base == 0x4240'0000); // 0x42210000 rounded up to 2 MiB
    CHECK(l.initrd.size == 0x10'0000);
    CHECK(l.dtb.base == 0x4260'0000);
    CHECK(l.dtb.base % (2 * kM) == 0);
    CHECK(l.kernelEntry() == 0x4020'0000);

    const auto old = placeBoot({0x4000'0000, 256 * kM}, header(0x80000, 0x100'0000), 0);
    CHECK(old.kernel.base == 0x4028'0000);
    CHECK(old.initrd.size == 0);
    CHECK(old.dtb.base == 0x4140'0000);
}

TEST_CASE("bad input: an initrd larger than memory, a kernel or DTB that does not fit",
          "[boot][layout]") {
    auto kind = [](const Region& ram, std::uint64_t image_size, std::uint64_t initrd) {
        try {
            (void)placeBoot(ram, header(0, image_size), initrd);
        } catch (const BootError& e) {
            CHECK(std::string(e.what()).find("--mem") != std::string::npos);
            return e.kind();
        }
        return BootError::Kind::Unreadable;
    };
    const Region ram{0x4000'0000, 64 * kM};
    CHECK(kind(ram, 32 * kM, 128 * kM) == BootError::Kind::DoesNotFit); // larger than memory
    CHECK(kind(ram, 32 * kM, 30 * kM) == BootError::Kind::DoesNotFit);  // no room after kernel
    CHECK(kind(ram, 63 * kM, 0) == BootError::Kind::DoesNotFit);        // kernel
    CHECK(kind(ram, 61 * kM, 0) == BootError::Kind::DoesNotFit);        // DTB's 2 MiB
    CHECK(kind(ram, 59 * kM, 0) == BootError::Kind::Unreadable);        // fits: no error
}
