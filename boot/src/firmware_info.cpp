#include "svesim/boot/firmware_info.h"

#include "svesim/boot/boot_error.h"

#include <array>
#include <cstring>
#include <fmt/core.h>

namespace svesim::boot {
namespace {

constexpr char kMagic[8] = {'s', 'v', 'e', 's', 'i', 'm', 'B', 'I'};

std::uint32_t le32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

void put64(std::uint8_t* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

} // namespace

FirmwareBootInfo FirmwareBootInfo::forMachine(const BootMachine& m, std::uint64_t kernel_entry,
                                              std::uint64_t dtb) {
    FirmwareBootInfo i;
    i.kernel_entry = kernel_entry;
    i.dtb = dtb;
    i.cntfrq = m.cntfrq_hz;
    i.gicd = m.gicd_base;
    i.gicr = m.gicr_base;
    i.cpu_count = m.cpus;
    i.firmware_ram = m.firmware_ram_base;
    i.uart = m.uart_base;
    return i;
}

bool hasBootInfo(const std::vector<std::uint8_t>& image) {
    const std::size_t o = FirmwareBootInfo::kOffset;
    return image.size() >= o + FirmwareBootInfo::kSize &&
           std::memcmp(image.data() + o, kMagic, sizeof kMagic) == 0 &&
           le32(image.data() + o + 8) == FirmwareBootInfo::kVersion &&
           le32(image.data() + o + 12) >= FirmwareBootInfo::kSize;
}

void writeBootInfo(std::vector<std::uint8_t>& image, const FirmwareBootInfo& info,
                   const std::string& name) {
    if (!hasBootInfo(image))
        throw BootError(BootError::Kind::BadFirmware,
                        fmt::format("{} has no svesim boot-info block (\"svesimBI\", version 1, at "
                                    "offset {:#x}; firmware/README.md)",
                                    name, FirmwareBootInfo::kOffset));
    std::uint8_t* p = image.data() + FirmwareBootInfo::kOffset + 0x10;
    const std::array values{info.kernel_entry, info.dtb,       info.cntfrq,       info.gicd,
                            info.gicr,         info.cpu_count, info.firmware_ram, info.uart};
    for (std::uint64_t v : values) {
        put64(p, v);
        p += 8;
    }
}

} // namespace svesim::boot
