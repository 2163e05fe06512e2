// The firmware's boot-info block (firmware/README.md: magic "svesimBI" at 0x40, version 1, then
// eight little-endian u64 from 0x50) and the real firmware image the build produced.
#include "svesim/boot/boot_error.h"
#include "svesim/boot/firmware_info.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <iterator>

using namespace svesim::boot;

namespace {
std::uint64_t le64At(const std::vector<std::uint8_t>& b, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | b[at + static_cast<std::size_t>(i)];
    return v;
}
} // namespace

TEST_CASE("firmware: the boot-info block is found by its magic and filled at 0x50..0x90",
          "[boot][firmware]") {
    std::vector<std::uint8_t> fw(0x200, 0);
    CHECK_FALSE(hasBootInfo(fw));
    CHECK_THROWS_AS(writeBootInfo(fw, {}, "fw.bin"), BootError);
    std::memcpy(fw.data() + 0x40, "svesimBI\x01\0\0\0\x50\0\0\0", 16);
    REQUIRE(hasBootInfo(fw));
    BootMachine m;
    m.cpus = 4;
    const auto info = FirmwareBootInfo::forMachine(m, 0x4020'0000, 0x4260'0000);
    writeBootInfo(fw, info, "fw.bin");
    CHECK(le64At(fw, 0x50) == 0x4020'0000); // kernel entry
    CHECK(le64At(fw, 0x58) == 0x4260'0000); // DTB
    CHECK(le64At(fw, 0x68) == 0x0800'0000); // GICD
    CHECK(le64At(fw, 0x70) == 0x080A'0000); // GICR
    CHECK(le64At(fw, 0x78) == 4);           // PEs
    CHECK(le64At(fw, 0x80) == 0x0E00'0000); // firmware RAM
    CHECK(le64At(fw, 0x88) == 0x0900'0000); // PL011
}

#ifdef SVESIM_FIRMWARE_BIN
TEST_CASE("firmware: the built firmware.bin carries the block with QEMU virt's defaults",
          "[boot][firmware]") {
    std::ifstream in(SVESIM_FIRMWARE_BIN, std::ios::binary);
    REQUIRE(in);
    const std::vector<std::uint8_t> fw{std::istreambuf_iterator<char>(in), {}};
    REQUIRE(hasBootInfo(fw));
    CHECK(le64At(fw, 0x50) == 0);           // no kernel until the loader writes one
    CHECK(le64At(fw, 0x68) == 0x0800'0000); // firmware/src/entry.s defaults
    CHECK(le64At(fw, 0x80) == 0x0E00'0000);
}
#endif
