// The boot platform's device tree, written with libfdt: memory, cpus (enable-method "psci"),
// psci (1.0, conduit smc), the generic timer's PPIs, the GICv3 (distributor, redistributors,
// maintenance interrupt), the PL011 with its clock and interrupt, and /chosen (bootargs,
// stdout-path, initrd). No kaslr-seed: the kernel runs at the address it was linked for.
#pragma once

#include "svesim/boot/layout.h"
#include "svesim/boot/machine.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace svesim::boot {

std::vector<std::uint8_t> buildDeviceTree(const BootMachine& machine, const std::string& bootargs,
                                          const Region& initrd);

// A user's DTB (--dtb): throws BootError(BadDtb) with one line unless fdt_check_header accepts
// it, its totalsize fits the file and it is at most 2 MiB.
void checkDeviceTree(const std::vector<std::uint8_t>& dtb, const std::string& name);

// Sets /chosen's linux,initrd-start/end (removed when `initrd` is empty) and, if given,
// bootargs, in a DTB (creating /chosen if it is missing); throws BootError(BadDtb).
void setChosen(std::vector<std::uint8_t>& dtb, const std::optional<std::string>& bootargs,
               const Region& initrd);

} // namespace svesim::boot
