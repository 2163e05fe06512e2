// `svesim scenario run linux_kvm_vhe linux_kvm_nvhe` (issue 14 point 5): Debian's own kernel
// booted on svesim, KVM in VHE or nVHE, svesim-vmm running the shipped guests (or the user's
// --guest) beside host SVE pressure, the world checker on PE 0. Each policy is one
// `svesim boot --check --check-json` in a child process (SystemC elaborates once per process);
// its JSON becomes the same RunResult the program scenarios give, so the table, the JSON and
// the one-run agreement of `scenario run` treat both alike.
#pragma once

#include "scenario_runner.h"

#include <optional>
#include <string>

namespace svesim::app {

struct LinuxOptions {
    std::string kernel, initrd; // given by the user, else found in / made from the cache
    std::string debian_cache;   // scripts/fetch-debian.sh's cache directory
    std::string guest;          // the user's guest ELF ("" for the shipped guests)
    unsigned guest_vl = 0;      // its largest VL in bits (svesim-vmm --vl), 0 for the default
    std::string log_dir;        // where each run's console log goes
    bool verbose = false;
};

// The kernel and initramfs a Linux scenario boots.
struct LinuxKit {
    std::string kernel, initrd;
};

// Finds the kernel (--kernel, else CACHE/Image, fetching it with scripts/fetch-debian.sh when it
// is missing and the script is at hand) and makes the initramfs (--initrd, else
// scripts/make-initramfs.sh --vmm with vmm/scenario-plan.txt). std::nullopt with `why` set when
// the kernel cannot be had: the run is skipped with that message, not failed.
std::optional<LinuxKit> prepareLinuxKit(const LinuxOptions& o, std::string& why);

// One boot under `policy` (`nvhe` adds kvm-arm.mode=nvhe). Its console goes to a log file;
// with a user's guest, the guest's and the VMM's lines are shown. With `timeline`, an SVG of
// one guest exit served by the VMM.
RunResult runLinuxPoint(const scenarios::ScenarioInfo& s, const LinuxKit& kit,
                        const std::string& policy, const LinuxOptions& o,
                        const std::string& timeline = "");

} // namespace svesim::app
