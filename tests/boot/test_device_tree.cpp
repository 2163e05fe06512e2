// The boot platform's device tree, read back with libfdt. The expected nodes and cells are those
// of QEMU virt's own tree for the same machine (qemu-system-aarch64 -M virt,gic-version=3,
// dumpdtb=...: timer PPIs <1 13 4 1 14 4 1 11 4 1 10 4>, GIC maintenance <1 9 4>, PL011 <0 1 4>)
// and of the kernel's bindings (arm,gic-v3.yaml, arm,arch_timer.yaml, arm,psci.yaml).
#include "svesim/boot/boot_error.h"
#include "svesim/boot/device_tree.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <libfdt.h>
#include <random>
#include <string>
#include <vector>

using namespace svesim::boot;

namespace {

std::vector<std::uint32_t> cellsOf(const void* fdt, const char* path, const char* prop) {
    const int node = fdt_path_offset(fdt, path);
    REQUIRE(node >= 0);
    int len = 0;
    const auto* p = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, prop, &len));
    REQUIRE(p != nullptr);
    std::vector<std::uint32_t> out;
    for (int i = 0; i < len / 4; ++i)
        out.push_back(fdt32_to_cpu(p[i]));
    return out;
}

std::string stringOf(const void* fdt, const char* path, const char* prop) {
    const int node = fdt_path_offset(fdt, path);
    REQUIRE(node >= 0);
    int len = 0;
    const auto* p = static_cast<const char*>(fdt_getprop(fdt, node, prop, &len));
    REQUIRE(p != nullptr);
    return std::string(p, static_cast<std::size_t>(len));
}

// checkDeviceTree refuses `blob` with a BadDtb error whose message starts with `start`.
void checkRefused(const std::vector<std::uint8_t>& blob, const std::string& name,
                  const std::string& start) {
    CHECK_THROWS_AS(checkDeviceTree(blob, name), BootError);
    try {
        checkDeviceTree(blob, name);
    } catch (const BootError& e) {
        CHECK(e.kind() == BootError::Kind::BadDtb);
        CHECK_THAT(e.what(), Catch::StartsWith(start));
    }
}

bool hasProp(const void* fdt, const char* path, const char* prop) {
    const int node = fdt_path_offset(fdt, path);
    return node >= 0 && fdt_getprop(fdt, node, prop, nullptr) != nullptr;
}

} // namespace

TEST_CASE("device tree: memory, psci cpus, psci smc, timer PPIs, GICv3 and PL011 as QEMU virt "
          "describes them",
          "[boot][dtb]") {
    BootMachine m;
    m.cpus = 2;
    m.ram_size = 512ULL << 20;
    const auto dtb = buildDeviceTree(m, "console=ttyAMA0", {0x4240'0000, 0x1234});
    const void* f = dtb.data();
    REQUIRE(fdt_check_header(f) == 0);
    CHECK(cellsOf(f, "/memory@40000000", "reg") ==
          std::vector<std::uint32_t>{0, 0x4000'0000, 0, 0x2000'0000});
    CHECK(cellsOf(f, "/cpus/cpu@1", "reg") == std::vector<std::uint32_t>{1});
    CHECK(stringOf(f, "/cpus/cpu@0", "enable-method") == std::string("psci\0", 5));
    CHECK(stringOf(f, "/psci", "method") == std::string("smc\0", 4));
    CHECK(stringOf(f, "/psci", "compatible").rfind("arm,psci-1.0", 0) == 0);
    CHECK(cellsOf(f, "/timer", "interrupts") ==
          std::vector<std::uint32_t>{1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4});
    CHECK(cellsOf(f, "/interrupt-controller@8000000", "reg") ==
          std::vector<std::uint32_t>{0, 0x0800'0000, 0, 0x1'0000, 0, 0x080A'0000, 0, 0x4'0000});
    CHECK(cellsOf(f, "/interrupt-controller@8000000", "interrupts") ==
          std::vector<std::uint32_t>{1, 9, 4});
    CHECK(cellsOf(f, "/pl011@9000000", "interrupts") == std::vector<std::uint32_t>{0, 1, 4});
    CHECK(stringOf(f, "/pl011@9000000", "clock-names") == std::string("uartclk\0apb_pclk\0", 17));
    CHECK(cellsOf(f, "/chosen", "linux,initrd-start") ==
          std::vector<std::uint32_t>{0, 0x4240'0000});
    CHECK(cellsOf(f, "/chosen", "linux,initrd-end") == std::vector<std::uint32_t>{0, 0x4240'1234});
    CHECK(stringOf(f, "/chosen", "stdout-path") == std::string("/pl011@9000000\0", 15));
    CHECK_FALSE(hasProp(f, "/chosen", "kaslr-seed"));
    // QEMU virt's /chosen/rng-seed: 32 bytes (hw/arm/virt.c create_fdt), credited by a kernel
    // with CONFIG_RANDOM_TRUST_BOOTLOADER (drivers/of/fdt.c early_init_dt_scan_chosen).
    int seed_len = 0;
    const int chosen = fdt_path_offset(f, "/chosen");
    const auto* seed =
        static_cast<const std::uint8_t*>(fdt_getprop(f, chosen, "rng-seed", &seed_len));
    REQUIRE(seed != nullptr);
    CHECK(seed_len == 32);
    CHECK(std::any_of(seed, seed + seed_len, [](std::uint8_t b) { return b != 0; }));
}

TEST_CASE("device tree: a user's DTB is checked and its /chosen gets the initrd", "[boot][dtb]") {
    std::vector<std::uint8_t> junk(100, 0x5a);
    checkRefused(junk, "junk.dtb", "junk.dtb is not a device tree blob");
    auto dtb = buildDeviceTree(BootMachine{}, "old", {});
    CHECK_FALSE(hasProp(dtb.data(), "/chosen", "linux,initrd-start"));
    auto truncated = dtb;
    truncated.resize(truncated.size() / 2);
    CHECK_THROWS_AS(checkDeviceTree(truncated, "t.dtb"), BootError);
    checkDeviceTree(dtb, "ours.dtb");
    setChosen(dtb, std::string("console=ttyAMA0 new"), {0x5000'0000, 0x10});
    CHECK(stringOf(dtb.data(), "/chosen", "bootargs") == std::string("console=ttyAMA0 new\0", 20));
    CHECK(cellsOf(dtb.data(), "/chosen", "linux,initrd-end") ==
          std::vector<std::uint32_t>{0, 0x5000'0010});
    setChosen(dtb, std::nullopt, {});
    CHECK(stringOf(dtb.data(), "/chosen", "bootargs") == std::string("console=ttyAMA0 new\0", 20));
    CHECK_FALSE(hasProp(dtb.data(), "/chosen", "linux,initrd-start"));
}

// A corrupt structure block or a reservation map without its terminating entry passed the
// header's checks, and libfdt's fdt_open_into (under setChosen) then read past the blob and
// corrupted the heap (found by mutating a DTB for `svesim boot --dtb`). Every mutation below
// must be refused with a BootError or edited cleanly; the ASan+UBSan job sees any stray access.
TEST_CASE("device tree: a corrupt user DTB is refused before libfdt edits it", "[boot][dtb]") {
    const auto good = buildDeviceTree(BootMachine{}, "console=ttyAMA0", {});
    const auto be32 = [](std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
        for (unsigned i = 0; i < 4; ++i)
            b[at + i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
    };
    const std::size_t rsv = fdt_off_mem_rsvmap(good.data());
    const std::size_t structure = fdt_off_dt_struct(good.data());
    REQUIRE(fdt_num_mem_rsv(good.data()) == 0);

    auto no_terminator = good; // the map's first entry (its terminator) gets a size
    be32(no_terminator, rsv + 12, 0x1000);
    checkRefused(no_terminator, "r.dtb", "r.dtb");
    auto bad_tag = good; // the root's FDT_BEGIN_NODE becomes an unknown tag
    be32(bad_tag, structure, 0xdeadbeef);
    checkRefused(bad_tag, "t.dtb", "t.dtb is a malformed device tree blob");

    std::mt19937 rng(2026);
    unsigned refused = 0, edited = 0;
    for (int i = 0; i < 3000; ++i) {
        auto b = good;
        const int changes = 1 + static_cast<int>(rng() % 4);
        for (int c = 0; c < changes; ++c) {
            // Mostly the header, the reservation map and the first nodes.
            const std::size_t span =
                rng() % 4 == 0 ? b.size() : std::min<std::size_t>(b.size(), 200);
            b[rng() % span] = static_cast<std::uint8_t>(rng());
        }
        if (rng() % 8 == 0) b.resize(rng() % b.size());
        try {
            checkDeviceTree(b, "m.dtb");
        } catch (const BootError&) {
            ++refused;
            continue;
        }
        try {
            setChosen(b, std::string("console=ttyAMA0 x"), {0x4800'0000, 0x1000});
            ++edited;
        } catch (const BootError&) {
            ++refused;
        }
    }
    CHECK(refused > 100);
    CHECK(edited > 100); // mutations that kept a valid tree (names, values) are edited
}
