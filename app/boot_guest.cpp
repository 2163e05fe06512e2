#include "boot_guest.h"

#include "exit_codes.h"
#include "svesim/arch/config_error.h"
#include "svesim/model/elf_image.h"

#include <fmt/core.h>
#include <fstream>
#include <iterator>
#include <set>
#include <span>

namespace po = boost::program_options;

namespace svesim::app {

void addBootGuestOptions(po::options_description& opts) {
    opts.add_options()("guest", po::value<std::string>(),
                       "run this guest ELF (guests/README.md's contract) under svesim-vmm beside "
                       "the host SVE pressure instead of the shipped guests; needs an --initrd of "
                       "scripts/make-initramfs.sh --vmm")(
        "guest-vl", po::value<std::string>(),
        "with --guest: the guest's largest vector length in bits (svesim-vmm --vl)")(
        "dump-initrd", po::value<std::string>(),
        "write the initrd the kernel gets (with --guest's archive appended) to FILE");
}

void checkGuestElf(const std::string& path) {
    using model::ElfError;
    model::ElfImage image;
    try {
        image = model::ElfImage::load(path);
    } catch (const ElfError& e) {
        throw ElfError(e.kind(), std::string("--guest ") + e.what());
    }
    const std::uint64_t end = kGuestRamBase + kGuestRamSize;
    bool entry_loaded = false;
    for (const model::ElfSegment& s : image.segments) {
        if (s.address < kGuestRamBase || s.data.size() > end - s.address || s.address >= end)
            throw ElfError(ElfError::Kind::OutsideMemory,
                           fmt::format("--guest {}: segment [{:#x}, {:#x}) lies outside guest RAM "
                                       "[{:#x}, {:#x}) (the guest contract, guests/README.md)",
                                       path, s.address, s.address + s.data.size(), kGuestRamBase,
                                       end));
        entry_loaded |= image.entry >= s.address && image.entry - s.address < s.data.size();
    }
    if (!entry_loaded)
        throw ElfError(ElfError::Kind::OutsideMemory,
                       fmt::format("--guest {}: the entry point {:#x} is not in a loaded segment",
                                   path, image.entry));
}

namespace {

void append(std::vector<std::uint8_t>& out, std::string_view text) {
    out.insert(out.end(), text.begin(), text.end());
}

void pad4(std::vector<std::uint8_t>& out) {
    out.resize((out.size() + 3) & ~std::size_t{3}, 0);
}

// One newc entry: "070701", then 13 eight-digit hex fields (inode, mode, uid, gid, nlink, mtime,
// filesize, devmajor, devminor, rdevmajor, rdevminor, namesize with its NUL, check 0), the
// name, padding to 4 bytes, the data, padding to 4 bytes (buffer-format.rst).
void entry(std::vector<std::uint8_t>& out, std::uint32_t ino, const std::string& name,
           std::uint32_t mode, std::span<const std::uint8_t> data) {
    append(out, "070701");
    for (const std::uint64_t f :
         {std::uint64_t{ino}, std::uint64_t{mode}, std::uint64_t{0}, std::uint64_t{0},
          std::uint64_t{1}, std::uint64_t{0}, std::uint64_t{data.size()}, std::uint64_t{0},
          std::uint64_t{0}, std::uint64_t{0}, std::uint64_t{0}, std::uint64_t{name.size() + 1},
          std::uint64_t{0}})
        append(out, fmt::format("{:08X}", f));
    append(out, name);
    out.push_back(0);
    pad4(out);
    out.insert(out.end(), data.begin(), data.end());
    pad4(out);
}

std::vector<std::uint8_t> readFile(const std::string& path, const std::string& flag) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(fmt::format("{} {} cannot be read", flag, path));
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

std::vector<std::uint8_t> cpioNewc(const std::vector<CpioFile>& files) {
    std::set<std::string> dirs;
    for (const CpioFile& f : files)
        for (auto slash = f.name.find('/'); slash != std::string::npos;
             slash = f.name.find('/', slash + 1))
            dirs.insert(f.name.substr(0, slash));
    std::vector<std::uint8_t> out;
    std::uint32_t ino = 1;
    for (const std::string& d : dirs)
        entry(out, ino++, d, 0040755, {});
    for (const CpioFile& f : files)
        entry(out, ino++, f.name, 0100000 | f.mode, f.data);
    entry(out, ino, "TRAILER!!!", 0, {});
    return out;
}

std::string userGuestPlan(unsigned vl_bits) {
    return fmt::format("# svesim boot --guest: the user's guest instead of the shipped ones\n"
                       "& 0 /bin/svesim-sve-pressure --af-alg sha256-arm64-neon\n"
                       "0 {}/guests/user.elf\n",
                       vl_bits ? fmt::format("--vl {} ", vl_bits) : std::string());
}

void appendBootGuest(const po::variables_map& vm, std::vector<std::uint8_t>& initrd) {
    if (vm.count("guest")) {
        if (!vm.count("initrd"))
            throw ConfigError("--guest needs --initrd: an initramfs made by "
                              "scripts/make-initramfs.sh --vmm (svesim-vmm, the host pressure)");
        unsigned vl = 0;
        if (vm.count("guest-vl")) {
            const auto bits = parseUnsigned(vm["guest-vl"].as<std::string>(), "--guest-vl");
            if (bits < 128 || bits > 2048 || bits % 128)
                throw ConfigError(fmt::format(
                    "--guest-vl {} is not a vector length (a multiple of 128 in 128..2048)", bits));
            vl = static_cast<unsigned>(bits);
        }
        const std::string path = vm["guest"].as<std::string>();
        checkGuestElf(path);
        const std::string plan = userGuestPlan(vl);
        const std::vector<std::uint8_t> archive =
            cpioNewc({{"guests/user.elf", 0644, readFile(path, "--guest")},
                      {"plan", 0644, std::vector<std::uint8_t>(plan.begin(), plan.end())}});
        pad4(initrd);
        initrd.insert(initrd.end(), archive.begin(), archive.end());
    } else if (vm.count("guest-vl")) {
        throw ConfigError("--guest-vl needs --guest");
    }
    if (vm.count("dump-initrd")) {
        const std::string out = vm["dump-initrd"].as<std::string>();
        std::ofstream f(out, std::ios::binary);
        f.write(reinterpret_cast<const char*>(initrd.data()),
                static_cast<std::streamsize>(initrd.size()));
        if (!f) throw OutputError(fmt::format("--dump-initrd {} cannot be written", out));
    }
}

} // namespace svesim::app
