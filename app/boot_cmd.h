// `svesim boot --kernel Image [--initrd FILE] ...`: boots an arm64 Linux kernel on the boot
// platform (tlm/boot_platform.h) through svesim's EL3 firmware (firmware/README.md), with a
// device tree of our own or the user's; docs/boot.md.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

int runBoot(const std::vector<std::string>& args);

} // namespace svesim::app
