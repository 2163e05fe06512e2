#!/usr/bin/env python3
"""Boot benchmark (issue 13 point 8, issue 15): Debian's kernel from reset to the initramfs's
`Run /init` line and to its PSCI SYSTEM_OFF, on svesim (`svesim boot`) and on
qemu-system-aarch64 with the same firmware, device tree, placement and initramfs, side by side:
wall seconds to /init and to power-off, instructions and MIPS (svesim's own count; QEMU's JIT
does not count them). Targets: under 60 s to /init (issue 13), under 10 s (issue 15).

Usage: bench/boot.py [--build DIR] [--runs vhe:1,nvhe:1,vhe:2] [--no-qemu]
Needs build/debian (bash scripts/fetch-debian.sh && bash scripts/make-initramfs.sh).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time


def timed_run(cmd, marker):
    """Runs cmd; returns (status, seconds to the first stdout line containing marker or None,
    total seconds, stderr text)."""
    t0 = time.monotonic()
    seen = None
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL)
        for raw in p.stdout:
            if seen is None and marker in raw.decode(errors="replace"):
                seen = time.monotonic() - t0
        status = p.wait()
        total = time.monotonic() - t0
        err.seek(0)
        return status, seen, total, err.read().decode(errors="replace")


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(here, "build"))
    ap.add_argument("--runs", default="vhe:1,nvhe:1,vhe:2")
    ap.add_argument("--no-qemu", action="store_true")
    a = ap.parse_args()
    svesim = os.path.join(a.build, "app", "svesim")
    cache = os.path.join(a.build, "debian")
    image, initrd = os.path.join(cache, "Image"), os.path.join(cache, "initramfs.cpio.gz")
    for f in (svesim, image, initrd):
        if not os.path.exists(f):
            sys.exit(f"bench/boot.py: {f} is missing (build svesim; scripts/fetch-debian.sh, "
                     "scripts/make-initramfs.sh)")
    marker = "Run /init as init process"
    print(f"{'run':<14} {'machine':<8} {'to /init s':>10} {'to off s':>9} "
          f"{'instructions':>13} {'MIPS':>6} {'status':>6}")
    for run in a.runs.split(","):
        mode, cpus = run.split(":")
        append = ["--append", "kvm-arm.mode=nvhe"] if mode == "nvhe" else []
        base = [svesim, "boot", "--kernel", image, "--initrd", initrd, "--cpus", cpus,
                "--mem", "1G"] + append
        status, to_init, total, err = timed_run(base, marker)
        m = re.search(r"svesim boot: (\d+) instructions in", err)
        insns = int(m.group(1)) if m else 0
        print(f"{mode + ' ' + cpus + ' PE':<14} {'svesim':<8} {to_init or float('nan'):>10.1f} "
              f"{total:>9.1f} {insns:>13,} {insns / total / 1e6:>6.1f} {status:>6}")
        if a.no_qemu:
            continue
        with tempfile.TemporaryDirectory() as work:
            dtb, fw = os.path.join(work, "svesim.dtb"), os.path.join(work, "firmware.bin")
            layout = subprocess.run(base + ["--dump-dtb", dtb, "--dump-firmware", fw, "--dry-run"],
                                    capture_output=True, text=True, check=True).stdout
            addr = dict(line.split()[:2] for line in layout.splitlines() if len(line.split()) >= 2)
            qemu = ["qemu-system-aarch64", "-M", "virt,secure=on,virtualization=on,gic-version=3",
                    "-cpu", "max", "-smp", cpus, "-m", "1G", "-nic", "none", "-nographic",
                    "-semihosting", "-no-reboot", "-bios", fw,
                    "-device", f"loader,file={image},addr={addr['kernel']},force-raw=on",
                    "-device", f"loader,file={dtb},addr={addr['dtb']},force-raw=on",
                    "-device", f"loader,file={initrd},addr={addr['initrd']},force-raw=on"]
            status, to_init, total, _ = timed_run(qemu, marker)
            print(f"{'':<14} {'qemu':<8} {to_init or float('nan'):>10.1f} {total:>9.1f} "
                  f"{'-':>13} {'-':>6} {status:>6}")


if __name__ == "__main__":
    main()
