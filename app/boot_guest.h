// `svesim boot --guest FILE.elf` (issue 14 point 7): the user's own bare-metal guest (the guest
// contract, guests/README.md) run by svesim-vmm inside the booted kernel, beside the host SVE
// pressure, instead of the shipped guests. The guest is checked first (an AArch64 ELF whose
// segments and entry lie in the VMM's guest RAM), then appended to the --initrd (an initramfs
// of scripts/make-initramfs.sh --vmm) as one more cpio archive holding /guests/user.elf and a
// /plan that replaces the shipped one — the kernel unpacks concatenated archives in order, later
// files replacing earlier ones (Documentation/driver-api/early-userspace/buffer-format.rst).
// Kept apart from boot_cmd.cpp's boot flow, which calls appendBootGuest once the initrd is read.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace svesim::app {

// --guest, --guest-vl, --dump-initrd.
void addBootGuestOptions(boost::program_options::options_description& opts);

// The guest contract's RAM under svesim-vmm (IPA 0x40000000, --mem 64 MiB: vmm/README.md).
inline constexpr std::uint64_t kGuestRamBase = 0x4000'0000, kGuestRamSize = 64ULL << 20;

// Reads and checks the guest: throws model::ElfError (Unreadable, Malformed, NotAArch64, and
// OutsideMemory for a segment outside guest RAM or an entry outside the loaded segments: exit
// statuses 120-123) with one line naming the file.
void checkGuestElf(const std::string& path);

// One file of a cpio "newc" archive.
struct CpioFile {
    std::string name; // without a leading '/'
    std::uint32_t mode;
    std::vector<std::uint8_t> data;
};
// An uncompressed cpio newc archive of `files` (and the directories their names need), ended
// by TRAILER!!!.
std::vector<std::uint8_t> cpioNewc(const std::vector<CpioFile>& files);

// The /plan for the user's guest (scripts/initramfs-init.sh's format): the host pressure in the
// background, then svesim-vmm on /guests/user.elf (with --vl when vl_bits is not 0).
std::string userGuestPlan(unsigned vl_bits);

// With --guest: checks it and appends its archive to `initrd` (zero-padded to 4 bytes first);
// writes the result to --dump-initrd when given. Throws ConfigError without --initrd, ElfError
// for a bad guest.
void appendBootGuest(const boost::program_options::variables_map& vm,
                     std::vector<std::uint8_t>& initrd);

} // namespace svesim::app
