// The arm64 Image header, Documentation/arm64/booting.rst "Call the kernel image": the header's
// layout and flag bits are the expectations; the headers are synthetic.
#include "svesim/boot/arm64_image.h"
#include "svesim/boot/boot_error.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

using namespace svesim::boot;

namespace {

void put64(std::vector<std::uint8_t>& b, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

// A header as booting.rst lays it out, followed by `extra` bytes of "code".
std::vector<std::uint8_t> image(std::uint64_t text_offset, std::uint64_t image_size,
                                std::uint64_t flags, std::size_t extra = 64) {
    std::vector<std::uint8_t> b(64 + extra, 0);
    put64(b, 0x08, text_offset);
    put64(b, 0x10, image_size);
    put64(b, 0x18, flags);
    std::memcpy(b.data() + 0x38, "ARM\x64", 4);
    return b;
}

BootError::Kind kindOf(const std::vector<std::uint8_t>& b) {
    try {
        (void)parseArm64Image(b, "Image");
    } catch (const BootError& e) {
        return e.kind();
    }
    FAIL("no BootError");
    return BootError::Kind::Unreadable;
}

std::string messageOf(const std::vector<std::uint8_t>& b) {
    try {
        (void)parseArm64Image(b, "Image");
    } catch (const BootError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("booting.rst: text_offset, image_size and flags are little-endian at 0x08, 0x10, 0x18",
          "[boot][image]") {
    // Debian 6.1's Image: text_offset 0, image_size 0x2010000, flags 0xa (4K pages, anywhere).
    const auto h = parseArm64Image(image(0, 0x2010000, 0xa), "Image");
    CHECK(h.text_offset == 0);
    CHECK(h.image_size == 0x2010000);
    CHECK_FALSE(h.bigEndian());
    CHECK(h.pageSize() == KernelPageSize::K4);
    CHECK(h.placeAnywhere());
    CHECK_FALSE(h.legacy);
}

TEST_CASE("booting.rst: flags bits 1-2 are the page size, bit 3 the placement", "[boot][image]") {
    CHECK(parseArm64Image(image(0, 0x1000, 0 << 1), "I").pageSize() == KernelPageSize::Unspecified);
    CHECK(parseArm64Image(image(0, 0x1000, 2 << 1), "I").pageSize() == KernelPageSize::K16);
    CHECK(parseArm64Image(image(0, 0x1000, 3 << 1), "I").pageSize() == KernelPageSize::K64);
    CHECK_FALSE(parseArm64Image(image(0, 0x1000, 0), "I").placeAnywhere());
}

TEST_CASE("booting.rst: image_size 0 is a pre-3.17 kernel with text_offset 0x80000",
          "[boot][image]") {
    const auto h = parseArm64Image(image(0x1234, 0, 0, 1000), "Image");
    CHECK(h.legacy);
    CHECK(h.text_offset == 0x80000);
    CHECK(h.image_size == 64 + 1000);
}

TEST_CASE("bad input: not an Image, big-endian, truncated or inconsistent, one line each",
          "[boot][image]") {
    auto b = image(0, 0x1000, 0);
    b[0x38] = 'X';
    CHECK(kindOf(b) == BootError::Kind::NotAnImage);
    CHECK_THAT(messageOf(b), Catch::Contains("magic at offset 0x38"));
    auto gz = image(0, 0x1000, 0);
    gz[0x38] = 0;
    gz[0] = 0x1f;
    gz[1] = 0x8b;
    CHECK_THAT(messageOf(gz), Catch::Contains("gzip"));
    auto elf = image(0, 0x1000, 0);
    elf[0x38] = 0;
    std::memcpy(elf.data(),
                "\x7f"
                "ELF",
                4);
    CHECK_THAT(messageOf(elf), Catch::Contains("ELF"));

    CHECK(kindOf(image(0, 0x1000, 1)) == BootError::Kind::NotAnImage);
    CHECK_THAT(messageOf(image(0, 0x1000, 1)), Catch::Contains("big-endian"));
    CHECK(kindOf(std::vector<std::uint8_t>(63, 0)) == BootError::Kind::NotAnImage);
    CHECK_THAT(messageOf(image(0, 0x10, 0)), Catch::Contains("smaller than the file"));
    CHECK_THAT(messageOf(image(2, 0x1000, 0)), Catch::Contains("text_offset"));
    for (const auto& m : {messageOf(b), messageOf(gz), messageOf(image(0, 0x1000, 1))})
        CHECK(m.find('\n') == std::string::npos);
}
