#include "svesim/boot/layout.h"

#include "svesim/boot/boot_error.h"

#include <fmt/core.h>

namespace svesim::boot {
namespace {

constexpr std::uint64_t k2M = 2ULL << 20;
constexpr std::uint64_t k1G = 1ULL << 30;
constexpr std::uint64_t k32G = 32ULL << 30;

std::uint64_t alignUp(std::uint64_t v, std::uint64_t a) {
    return (v + a - 1) & ~(a - 1);
}

std::string mib(std::uint64_t bytes) {
    return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
}

[[noreturn]] void doesNotFit(const std::string& what, const Region& ram) {
    throw BootError(BootError::Kind::DoesNotFit,
                    fmt::format("{} does not fit the RAM [{:#x}, {:#x}) ({}; raise --mem)", what,
                                ram.base, ram.end(), mib(ram.size)));
}

} // namespace

BootLayout placeBoot(const Region& ram, const Arm64ImageHeader& kernel, std::uint64_t initrd_size) {
    BootLayout l;
    const std::uint64_t base = alignUp(ram.base, k2M) + k2M;
    l.kernel = {base + kernel.text_offset, kernel.image_size};
    if (l.kernel.end() > ram.end() || l.kernel.end() < l.kernel.base)
        doesNotFit(fmt::format("the kernel (image_size {})", mib(kernel.image_size)), ram);
    const std::uint64_t initrd_base = alignUp(l.kernel.end(), k2M);
    if (initrd_size != 0) {
        if (initrd_size > ram.size || initrd_base + initrd_size > ram.end())
            doesNotFit(fmt::format("the initrd ({}) after the kernel", mib(initrd_size)), ram);
        l.initrd = {initrd_base, initrd_size};
        // booting.rst: one 1 GiB-aligned window of up to 32 GiB covers the kernel and the initrd.
        if (l.initrd.end() - (base & ~(k1G - 1)) > k32G)
            doesNotFit("the initrd within 32 GiB of the kernel's 1 GiB-aligned window", ram);
    }
    l.dtb = {alignUp(initrd_size != 0 ? l.initrd.end() : l.kernel.end(), k2M), kDtbMaxSize};
    if (l.dtb.end() > ram.end()) doesNotFit("the device tree's 2 MiB after the initrd", ram);
    return l;
}

std::vector<std::string> BootLayout::describe() const {
    std::vector<std::string> out;
    out.push_back(fmt::format("kernel {:#x} {:#x}", kernel.base, kernel.size));
    if (initrd.size != 0)
        out.push_back(fmt::format("initrd {:#x} {:#x}", initrd.base, initrd.size));
    out.push_back(fmt::format("dtb {:#x} {:#x}", dtb.base, dtb.size));
    return out;
}

} // namespace svesim::boot
