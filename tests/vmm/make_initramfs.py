#!/usr/bin/env python3
"""Writes a gzip-compressed cpio (newc) initramfs without root rights or cpio(1).

    make_initramfs.py -o OUT.cpio.gz --busybox BUSYBOX --init INIT [--add DEST=SRC]...

Holds /bin/busybox (and /bin/sh -> busybox), /init (INIT, mode 0755), the directories /dev,
/proc, /sys, /tmp, the /dev/console character device (5, 1: the kernel opens it for init's
stdin/stdout before /init runs) and every --add file at DEST (mode 0755). The format is the
kernel's Documentation/driver-api/early-userspace/buffer-format.rst: "070701" headers of
13 eight-digit hex fields, name and data each padded to 4 bytes, ending with TRAILER!!!.
Exit status: 0 written, 1 a source file is missing or unreadable, 2 usage.
"""
import argparse
import gzip
import stat
import sys


class Cpio:
    def __init__(self):
        self.out = bytearray()
        self.ino = 1

    def entry(self, name, mode, data=b"", rdev=(0, 0)):
        fields = [self.ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1],
                  len(name) + 1, 0]
        self.ino += 1
        self.out += b"070701" + b"".join(b"%08X" % f for f in fields)
        self.out += name.encode() + b"\0"
        self._pad()
        self.out += data
        self._pad()

    def _pad(self):
        self.out += b"\0" * (-len(self.out) % 4)

    def trailer(self):
        self.entry("TRAILER!!!", 0)
        return bytes(self.out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--busybox", required=True)
    ap.add_argument("--init", required=True)
    ap.add_argument("--add", action="append", default=[], metavar="DEST=SRC")
    args = ap.parse_args()

    files = [("bin/busybox", args.busybox), ("init", args.init)]
    for spec in args.add:
        dest, sep, src = spec.partition("=")
        if not sep or not dest or not src:
            print(f"make_initramfs.py: --add needs DEST=SRC, got {spec!r}", file=sys.stderr)
            return 2
        files.append((dest.lstrip("/"), src))

    cpio = Cpio()
    dirs = {"bin", "dev", "proc", "sys", "tmp"}
    for dest, _ in files:
        parts = dest.split("/")[:-1]
        dirs.update("/".join(parts[:i + 1]) for i in range(len(parts)))
    for d in sorted(dirs):
        cpio.entry(d, stat.S_IFDIR | 0o755)
    cpio.entry("dev/console", stat.S_IFCHR | 0o600, rdev=(5, 1))
    cpio.entry("bin/sh", stat.S_IFLNK | 0o777, b"busybox")
    for dest, src in files:
        try:
            with open(src, "rb") as f:
                data = f.read()
        except OSError as e:
            print(f"make_initramfs.py: {src}: {e.strerror}", file=sys.stderr)
            return 1
        cpio.entry(dest, stat.S_IFREG | 0o755, data)
    with gzip.open(args.output, "wb", compresslevel=6) as f:
        f.write(cpio.trailer())
    return 0


if __name__ == "__main__":
    sys.exit(main())
