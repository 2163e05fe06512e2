#include "svesim/boot/device_tree.h"

#include "svesim/boot/boot_error.h"

#include <fmt/core.h>
#include <initializer_list>
#include <libfdt.h>

namespace svesim::boot {
namespace {

constexpr std::uint32_t kGicPhandle = 1, kClockPhandle = 2;
// GIC binding (Documentation/devicetree/bindings/interrupt-controller/arm,gic-v3.yaml): the
// first cell is 0 for an SPI, 1 for a PPI; the third is IRQ_TYPE_LEVEL_HIGH (4).
constexpr std::uint32_t kSpi = 0, kPpi = 1, kLevelHigh = 4;

[[noreturn]] void badDtb(const std::string& what, int err) {
    throw BootError(BootError::Kind::BadDtb, fmt::format("{}: {}", what, fdt_strerror(err)));
}

// The sequential-write API of libfdt over a growing buffer; every call is checked.
class Writer {
public:
    explicit Writer(std::size_t size)
        : buf_(size) {
        check(fdt_create(buf_.data(), static_cast<int>(buf_.size())));
        check(fdt_finish_reservemap(buf_.data()));
    }
    void begin(const std::string& name) { check(fdt_begin_node(buf_.data(), name.c_str())); }
    void end() { check(fdt_end_node(buf_.data())); }
    void str(const char* name, const std::string& v) {
        check(fdt_property(buf_.data(), name, v.c_str(), static_cast<int>(v.size() + 1)));
    }
    // A list of strings ("a\0b\0").
    void strs(const char* name, std::initializer_list<const char*> vs) {
        std::string all;
        for (const char* v : vs) {
            all += v;
            all.push_back('\0');
        }
        check(fdt_property(buf_.data(), name, all.data(), static_cast<int>(all.size())));
    }
    void u32(const char* name, std::uint32_t v) { check(fdt_property_u32(buf_.data(), name, v)); }
    void empty(const char* name) { check(fdt_property(buf_.data(), name, nullptr, 0)); }
    // Big-endian cells; 64-bit values as two cells.
    void cells(const char* name, std::initializer_list<std::uint64_t> vs, bool wide) {
        std::vector<fdt32_t> c;
        for (std::uint64_t v : vs) {
            if (wide) c.push_back(cpu_to_fdt32(static_cast<std::uint32_t>(v >> 32)));
            c.push_back(cpu_to_fdt32(static_cast<std::uint32_t>(v)));
        }
        check(fdt_property(buf_.data(), name, c.data(), static_cast<int>(c.size() * 4)));
    }
    void reg(std::uint64_t base, std::uint64_t size) { cells("reg", {base, size}, true); }
    void bytes(const char* name, const std::vector<std::uint8_t>& v) {
        check(fdt_property(buf_.data(), name, v.data(), static_cast<int>(v.size())));
    }
    std::vector<std::uint8_t> finish() {
        check(fdt_finish(buf_.data()));
        check(fdt_pack(buf_.data()));
        buf_.resize(fdt_totalsize(buf_.data()));
        return std::move(buf_);
    }

private:
    static void check(int err) {
        if (err < 0) badDtb("building the device tree", err);
    }
    std::vector<std::uint8_t> buf_;
};

std::string unitName(const char* node, std::uint64_t addr) {
    return fmt::format("{}@{:x}", node, addr);
}

std::vector<std::uint8_t> rngSeed() {
    std::vector<std::uint8_t> seed;
    std::uint64_t x = 0;
    while (seed.size() < 32) {
        std::uint64_t z = (x += 0x9E37'79B9'7F4A'7C15);
        z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9;
        z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EB;
        z ^= z >> 31;
        for (int b = 0; b < 8; ++b)
            seed.push_back(static_cast<std::uint8_t>(z >> (8 * b)));
    }
    return seed;
}

} // namespace

std::vector<std::uint8_t> buildDeviceTree(const BootMachine& m, const std::string& bootargs,
                                          const Region& initrd) {
    Writer w(64 * 1024 + bootargs.size());
    const std::string uart = unitName("pl011", m.uart_base);
    w.begin("");
    w.strs("compatible", {"svesim,boot", "linux,dummy-virt"});
    w.str("model", "svesim boot platform (QEMU virt memory map)");
    w.u32("#address-cells", 2);
    w.u32("#size-cells", 2);
    w.u32("interrupt-parent", kGicPhandle);

    w.begin("chosen");
    w.str("bootargs", bootargs);
    w.str("stdout-path", "/" + uart);
    // 32 bytes of rng-seed, as QEMU virt's /chosen has: a kernel that trusts the bootloader
    // (Debian's: CONFIG_RANDOM_TRUST_BOOTLOADER) credits it, so its CRNG is ready at boot.
    // Without it a PE without FEAT_RNG made the first getrandom() or /dev/urandom read wait for
    // jitter entropy (Linux 6.1 on svesim: "crng init done" at 1.8 s, ~1.2 G instructions of
    // busy waiting). Fixed bytes (SplitMix64 from 0), so that runs stay reproducible.
    w.bytes("rng-seed", rngSeed());
    if (initrd.size != 0) {
        w.cells("linux,initrd-start", {initrd.base}, true);
        w.cells("linux,initrd-end", {initrd.end()}, true);
    }
    w.end();

    w.begin(unitName("memory", m.ram_base));
    w.str("device_type", "memory");
    w.reg(m.ram_base, m.ram_size);
    w.end();

    w.begin("cpus");
    w.u32("#address-cells", 1);
    w.u32("#size-cells", 0);
    for (unsigned i = 0; i < m.cpus; ++i) {
        w.begin(unitName("cpu", mpidrAffinity(i)));
        w.str("device_type", "cpu");
        w.str("compatible", "arm,armv8");
        w.u32("reg", static_cast<std::uint32_t>(mpidrAffinity(i)));
        w.str("enable-method", "psci");
        w.end();
    }
    w.end();

    // PSCI 1.0 function ids (no cpu_on/cpu_off properties needed), through SMC to EL3.
    w.begin("psci");
    w.strs("compatible", {"arm,psci-1.0", "arm,psci-0.2", "arm,psci"});
    w.str("method", "smc");
    w.end();

    // Documentation/devicetree/bindings/timer/arm,arch_timer.yaml: secure physical,
    // non-secure physical, virtual, hypervisor physical.
    w.begin("timer");
    w.str("compatible", "arm,armv8-timer");
    w.cells("interrupts",
            {kPpi, kPpiSecurePhysTimer - 16, kLevelHigh, kPpi, kPpiNonSecurePhysTimer - 16,
             kLevelHigh, kPpi, kPpiVirtTimer - 16, kLevelHigh, kPpi, kPpiHypPhysTimer - 16,
             kLevelHigh},
            false);
    w.empty("always-on");
    w.end();

    w.begin(unitName("interrupt-controller", m.gicd_base));
    w.str("compatible", "arm,gic-v3");
    w.empty("interrupt-controller");
    w.u32("#interrupt-cells", 3);
    w.u32("#address-cells", 2);
    w.u32("#size-cells", 2);
    w.u32("#redistributor-regions", 1);
    w.cells("reg", {m.gicd_base, m.gicd_size, m.gicr_base, m.gicrSize()}, true);
    w.cells("interrupts", {kPpi, kPpiGicMaintenance - 16, kLevelHigh}, false);
    w.u32("phandle", kGicPhandle);
    w.end();

    w.begin("apb-pclk");
    w.str("compatible", "fixed-clock");
    w.u32("#clock-cells", 0);
    w.u32("clock-frequency", static_cast<std::uint32_t>(m.uart_clock_hz));
    w.str("clock-output-names", "clk24mhz");
    w.u32("phandle", kClockPhandle);
    w.end();

    w.begin(uart);
    w.strs("compatible", {"arm,pl011", "arm,primecell"});
    w.reg(m.uart_base, m.uart_size);
    w.cells("interrupts", {kSpi, m.uart_spi, kLevelHigh}, false);
    w.cells("clocks", {kClockPhandle, kClockPhandle}, false);
    w.strs("clock-names", {"uartclk", "apb_pclk"});
    w.end();

    w.end();
    return w.finish();
}

void checkDeviceTree(const std::vector<std::uint8_t>& dtb, const std::string& name) {
    if (dtb.size() < sizeof(fdt_header))
        throw BootError(BootError::Kind::BadDtb,
                        fmt::format("{} is not a device tree blob: {} bytes, shorter than the "
                                    "header",
                                    name, dtb.size()));
    if (const int err = fdt_check_header(dtb.data()); err != 0)
        badDtb(fmt::format("{} is not a device tree blob", name), err);
    if (fdt_totalsize(dtb.data()) > dtb.size())
        throw BootError(BootError::Kind::BadDtb,
                        fmt::format("{} is truncated: its header says {} bytes, the file has {}",
                                    name, fdt_totalsize(dtb.data()), dtb.size()));
    if (fdt_totalsize(dtb.data()) > kDtbMaxSize)
        throw BootError(BootError::Kind::BadDtb,
                        fmt::format("{} is larger than the 2 MiB booting.rst allows", name));
    // The header's checks leave the structure block unchecked, and libfdt's editing functions
    // (setChosen) trust it: a corrupt tag or name offset there wrote outside the buffer. The
    // whole tree is walked once here (every tag, name, property and nesting level).
    if (const int err = fdt_check_full(dtb.data(), dtb.size()); err != 0)
        badDtb(fmt::format("{} is a malformed device tree blob", name), err);
    // Nor does it look at the memory reservation map, whose count fdt_open_into uses as a size
    // even when it is an error (a map without its terminating entry: a read past the blob).
    if (const int n = fdt_num_mem_rsv(dtb.data()); n < 0)
        badDtb(fmt::format("{}'s memory reservation map", name), n);
}

void setChosen(std::vector<std::uint8_t>& dtb, const std::optional<std::string>& bootargs,
               const Region& initrd) {
    std::vector<std::uint8_t> out(fdt_totalsize(dtb.data()) + 4096 +
                                  (bootargs ? bootargs->size() : 0));
    const int size = static_cast<int>(out.size());
    if (const int err = fdt_open_into(dtb.data(), out.data(), size); err != 0)
        badDtb("opening the device tree", err);
    int chosen = fdt_path_offset(out.data(), "/chosen");
    if (chosen == -FDT_ERR_NOTFOUND) chosen = fdt_add_subnode(out.data(), 0, "chosen");
    if (chosen < 0) badDtb("adding /chosen", chosen);
    int err = 0;
    if (bootargs)
        err = fdt_setprop(out.data(), chosen, "bootargs", bootargs->c_str(),
                          static_cast<int>(bootargs->size() + 1));
    if (err == 0 && initrd.size != 0) {
        err = fdt_setprop_u64(out.data(), chosen, "linux,initrd-start", initrd.base);
        if (err == 0) err = fdt_setprop_u64(out.data(), chosen, "linux,initrd-end", initrd.end());
    } else if (err == 0) {
        for (const char* p : {"linux,initrd-start", "linux,initrd-end"}) {
            const int e = fdt_delprop(out.data(), chosen, p);
            if (e != 0 && e != -FDT_ERR_NOTFOUND) err = e;
        }
    }
    if (err == 0) err = fdt_pack(out.data());
    if (err != 0) badDtb("editing /chosen", err);
    out.resize(fdt_totalsize(out.data()));
    dtb = std::move(out);
}

} // namespace svesim::boot
