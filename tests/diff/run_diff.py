#!/usr/bin/env python3
"""Differential execution of random EL0 programs on svesim and QEMU user mode.

Program i (0 <= i < --count) has seed --seed + i and runs at VL --vls[i % len(--vls)], on
both simulators; the final X0-X30, NZCV, FPSR, Z0-Z31, P0-P15, FFR and the scratch memory
must agree byte for byte. A mismatch prints the program's seed and VL, the registers that
differ, the program's disassembly, the command that reproduces it, and (by bisection over
the program's body) the first instruction after which the two disagree.

Exit status: 0 all agreed, 1 some program disagreed or failed, 2 usage error, 77 skipped
(qemu-aarch64 or the cross assembler is missing or unusable).
"""

import argparse
import concurrent.futures
import os
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

SKIP = 77
DEFAULT_VLS = "128,256,512,2048,384"


# ---- the image ------------------------------------------------------------------------------
def read_object(path):
    """(bytes of .text, {symbol: offset}) of an assembled program; no relocations allowed."""
    with open(path, "rb") as f:
        data = f.read()
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    secs = []
    for i in range(shnum):
        secs.append(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize))
    strtab_off = secs[shstrndx][4]

    def name(off, base):
        end = data.index(b"\0", base + off)
        return data[base + off:end].decode()

    text = None
    text_idx = None
    symbols = {}
    for i, s in enumerate(secs):
        nm = name(s[0], strtab_off)
        if nm == ".text":
            text = data[s[4]:s[4] + s[5]]
            text_idx = i
        if s[1] == 4 and s[5]:  # SHT_RELA
            raise RuntimeError("%s has relocations (section %s)" % (path, nm))
    for s in secs:
        if s[1] == 2:  # SHT_SYMTAB
            stroff = secs[s[6]][4]
            for k in range(s[5] // 24):
                st_name, info, other, shndx, value, size = struct.unpack_from(
                    "<IBBHQQ", data, s[4] + k * 24)
                if shndx == text_idx and st_name:
                    symbols[name(st_name, stroff)] = value
    return text, symbols


def write_elf(path, image, entry):
    """A static ET_EXEC AArch64 ELF with one RWX PT_LOAD segment at gen.IMAGE_BASE."""
    ehdr = struct.pack("<4sBBBBB7sHHIQQQIHHHHHH", b"\x7fELF", 2, 1, 1, 0, 0, b"\0" * 7,
                       2, 183, 1, entry, 64, 0, 0, 64, 56, 1, 64, 0, 0)
    phdr = struct.pack("<IIQQQQQQ", 1, 7, 0x1000, gen.IMAGE_BASE, gen.IMAGE_BASE, len(image),
                       len(image), 0x1000)
    with open(path, "wb") as f:
        f.write(ehdr + phdr + b"\0" * (0x1000 - len(ehdr) - len(phdr)) + image)
    os.chmod(path, 0o755)   # qemu-aarch64 refuses to load a file without execute permission


# ---- the dump -------------------------------------------------------------------------------
def fields(vl):
    """[(name, offset, size)] of the output buffer at VL `vl` bits."""
    vb = vl // 8
    pb = vb // 8
    out = [("X%d" % i, 8 * i, 8) for i in range(31)]
    out += [("NZCV", 248, 8), ("FPSR", 256, 8), ("FPCR", gen.FPCR_OFFSET, 8)]
    out += [("Z%d" % i, gen.Z_OFFSET + i * vb, vb) for i in range(32)]
    pbase = gen.Z_OFFSET + 32 * vb
    out += [("P%d" % i, pbase + i * pb, pb) for i in range(16)]
    out += [("FFR", pbase + 16 * pb, pb)]
    base = gen.DUMP_REGS_SIZE
    mid = gen.SCRATCH_SIZE // 2
    out += [("mem[x28%+#x]" % (o - mid), base + o, 8) for o in range(0, gen.SCRATCH_SIZE, 8)]
    return out


def hexval(b):
    """Little-endian lanes of 64 bits, lane 0 first, each printed most-significant first."""
    if len(b) <= 8:
        return "%0*x" % (2 * len(b), int.from_bytes(b, "little"))
    return " ".join("%016x" % int.from_bytes(b[i:i + 8], "little") for i in range(0, len(b), 8))


def diff_fields(vl, a, b, limit=40):
    lines = []
    for nm, off, size in fields(vl):
        x, y = a[off:off + size], b[off:off + size]
        if x != y:
            lines.append("  %-14s qemu   %s" % (nm, hexval(x)))
            lines.append("  %-14s svesim %s" % ("", hexval(y)))
            if len(lines) >= 2 * limit:
                lines.append("  ...")
                break
    if not lines and a != b:
        lines.append("  (difference only in unused dump bytes)")
    return lines


# ---- running --------------------------------------------------------------------------------
class Tools:
    def __init__(self, args):
        self.svesim = args.svesim
        self.qemu = args.qemu
        self.asm = args.assembler
        self.objdump = args.objdump
        self.timeout = args.timeout
        self.max_insns = args.max_insns


class Outcome:
    """What one simulator did: `out` (the dump) or `error` (a one-line description)."""

    def __init__(self, out=None, error=None):
        self.out, self.error = out, error


def decode_exception(stdout):
    esr, elr, far, vec = struct.unpack_from("<QQQQ", stdout, 8)
    kinds = ["current EL SP0 sync", "current EL SP0 IRQ", "current EL SP0 FIQ",
             "current EL SP0 SError", "current EL SPx sync", "current EL SPx IRQ",
             "current EL SPx FIQ", "current EL SPx SError", "lower EL sync", "lower EL IRQ",
             "lower EL FIQ", "lower EL SError"]
    kind = kinds[vec] if vec < len(kinds) else "vector %d" % vec
    return elr, ("EL1 took an unexpected exception (%s): ESR_EL1 %#x (EC %#x), ELR_EL1 %#x, "
                 "FAR_EL1 %#x" % (kind, esr, esr >> 26, elr, far))


def run_one(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", "timed out after %d s" % timeout
    return p.returncode, p.stdout, p.stderr.decode(errors="replace").strip()


def simulate(tools, kind, elf, vl):
    if kind == "qemu":
        cmd = [tools.qemu, "-cpu", "max,sve-default-vector-length=%d" % (vl // 8), elf]
    else:
        # 1 MiB of RAM holds the image (0x40080000 + 48 KiB) and starts much faster than the
        # default 256 MiB.
        cmd = [tools.svesim, "run", "--ram-size", "1M", "--max-vl", "2048",
               "--max-insns", str(tools.max_insns)]
        if vl & (vl - 1):
            cmd += ["--vl-set", "any"]
        cmd.append(elf)
    rc, out, err = run_one(cmd, tools.timeout)
    if rc is None:
        return Outcome(error=err)
    if out.startswith(b"EXCEPTN!") and len(out) >= 40:
        elr, msg = decode_exception(out)
        o = Outcome(error=msg)
        o.elr = elr
        return o
    if rc != 0:
        sig = " (signal %d)" % -rc if rc < 0 else ""
        return Outcome(error="exit status %d%s%s" % (rc, sig, (": " + err[-400:]) if err else ""))
    if len(out) != gen.OUT_SIZE:
        return Outcome(error="wrote %d bytes, expected %d%s" % (len(out), gen.OUT_SIZE,
                                                                 (": " + err[-400:]) if err else ""))
    return Outcome(out=out)


def build(tools, workdir, text):
    src = os.path.join(workdir, "prog.s")
    obj = os.path.join(workdir, "prog.o")
    with open(src, "w") as f:
        f.write(text)
    p = subprocess.run([tools.asm, "-march=armv8.2-a+sve", "-o", obj, src],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        raise RuntimeError("assembler failed:\n" + p.stdout.decode(errors="replace"))
    image, syms = read_object(obj)
    q = os.path.join(workdir, "qemu.elf")
    s = os.path.join(workdir, "svesim.elf")
    write_elf(q, image, gen.IMAGE_BASE + syms["_start_linux"])
    write_elf(s, image, gen.IMAGE_BASE + syms["_start_svesim"])
    return obj, syms, q, s


def compare(tools, workdir, prog, stop=None):
    """(agree, qemu Outcome, svesim Outcome, object path, symbols)."""
    obj, syms, q, s = build(tools, workdir, prog.text(stop))
    qo = simulate(tools, "qemu", q, prog.vl)
    so = simulate(tools, "svesim", s, prog.vl)
    agree = qo.out is not None and so.out is not None and qo.out == so.out
    return agree, qo, so, obj, syms


def disassembly(tools, obj, syms, mark=None, start_sym="body_items", stop_sym="body_dump"):
    start = gen.IMAGE_BASE + syms[start_sym]
    stop = gen.IMAGE_BASE + syms[stop_sym]
    p = subprocess.run([tools.objdump, "-d",
                        "--adjust-vma=%#x" % gen.IMAGE_BASE,
                        "--start-address=%#x" % start, "--stop-address=%#x" % stop, obj],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = []
    started = False
    for line in p.stdout.decode(errors="replace").splitlines():
        if not started:
            started = line.strip().endswith(">:")
            if not started:
                continue
        if mark is not None and line.strip().startswith("%x:" % mark):
            line += "   <== here"
        lines.append(line)
    return lines


def describe(o):
    return "ok" if o.out is not None else o.error


def bisect(tools, workdir, prog):
    """A k such that the first k - 1 body items agree and the first k disagree (0: even the
    setup block alone disagrees). The whole program is known to disagree."""
    ok0, _, _, _, _ = compare(tools, workdir, prog, 0)
    if not ok0:
        return 0
    lo, hi = 0, len(prog.body)   # lo agrees, hi disagrees
    while hi - lo > 1:
        mid = (lo + hi) // 2
        ok, _, _, _, _ = compare(tools, workdir, prog, mid)
        if ok:
            lo = mid
        else:
            hi = mid
    return hi


BRANCHES = ("b", "bl", "br", "blr", "cbz", "cbnz", "tbz", "tbnz")


def mnemonic(item):
    """The mnemonic of the instruction a body item is about: the forward branch of a branch
    item, the load of a literal-load item, else the last instruction (the ones before it only
    make an address or an index, or a predicate for WRFFR, or are a MOVPRFX)."""
    for x in item:                          # a word-drawn item: LLVM's text is the comment
        if x.startswith(".inst"):
            return x.split("//", 1)[1].split()[0]
    insns = [x.split()[0] for x in item
             if not x.endswith(":") and not x.startswith(".") and ": ." not in x]
    if not insns:
        return "?"
    if any(": ." in x for x in item):
        return insns[0]
    if item[-1].endswith(":"):
        for m in insns:
            if m in BRANCHES or m.startswith("b."):
                return m
    return insns[-1]


def report(tools, args, workdir, prog, qo, so, obj, syms, culprits):
    out = []
    w = out.append
    w("=" * 78)
    w("MISMATCH: program seed %d at VL %d (classes %s, %d body items)"
      % (prog.seed, prog.vl, ",".join(prog.classes), len(prog.body)))
    w("reproduce: %s" % repro_cmd(args, prog))
    w("qemu:   %s" % describe(qo))
    w("svesim: %s" % describe(so))
    mark = getattr(so, "elr", None) or getattr(qo, "elr", None)
    if qo.out is not None and so.out is not None:
        w("registers and memory that differ (64-bit lanes, lane 0 first):")
        out.extend(diff_fields(prog.vl, qo.out, so.out))
    if mark is not None:
        lines = [x for x in disassembly(tools, obj, syms, mark, "image_start", "body_end")
                 if x.endswith("<== here")]
        w("the exception was taken at: %s" % (lines[0].strip() if lines else "%#x" % mark))
    w("program body disassembly (setup and dump blocks omitted):")
    out.extend("  " + line for line in disassembly(tools, obj, syms, mark))
    if not args.no_bisect:
        k = bisect(tools, workdir, prog)
        if k == 0:
            w("bisection: the setup block alone already disagrees")
            agree, q2, s2, _, _ = compare(tools, workdir, prog, 0)
            w("  qemu: %s; svesim: %s" % (describe(q2), describe(s2)))
            if q2.out is not None and s2.out is not None:
                out.extend(diff_fields(prog.vl, q2.out, s2.out, 10))
        else:
            culprits.append(mnemonic(prog.body[k - 1]))
            w("bisection: the first %d items agree, the first %d disagree; item %d is:"
              % (k - 1, k, k - 1))
            out.extend("    " + line for line in prog.body[k - 1])
            agree, q2, s2, _, _ = compare(tools, workdir, prog, k)
            w("  after it: qemu %s; svesim %s" % (describe(q2), describe(s2)))
            if q2.out is not None and s2.out is not None:
                out.extend(diff_fields(prog.vl, q2.out, s2.out, 10))
    if args.keep_dir:
        dst = os.path.join(args.keep_dir, "seed%d_vl%d.s" % (prog.seed, prog.vl))
        with open(dst, "w") as f:
            f.write(prog.text())
        w("program source kept in %s" % dst)
    return "\n".join(out)


def repro_cmd(args, prog):
    cmd = ["python3", os.path.abspath(__file__), "--svesim", args.svesim, "--seed", str(prog.seed),
           "--count", "1", "--vls", str(prog.vl), "--classes", ",".join(prog.classes)]
    if args.length is not None:
        cmd += ["--length", str(args.length)]
    if args.state != "full":
        cmd += ["--state", args.state]
    if args.avoid:
        cmd += ["--avoid", args.avoid]
    if args.fpcr != "random":
        cmd += ["--fpcr", args.fpcr]
    return shlex.join(cmd)


def print_word_stats(word_stats):
    """What happened to the words each word-drawn class drew (all programs together)."""
    print("word-drawn classes: words drawn in the class's encoding groups, valid for LLVM, "
          "safe after patching, of those not decoded by svesim (skipped), and placed in "
          "programs:")
    print("  %-12s %8s %8s %8s %8s %8s %8s" % ("class", "drawn", "valid", "safe", "unimpl",
                                              "unimpl%", "placed"))
    for c in sorted(word_stats):
        st = word_stats[c]
        safe = st.get("safe", 0)
        print("  %-12s %8d %8d %8d %8d %7.1f%% %8d" % (
            c, st.get("drawn", 0), st.get("valid", 0), safe, st.get("unimplemented", 0),
            100.0 * st.get("unimplemented", 0) / safe if safe else 0, st.get("placed", 0)))
        if st.get("movprfx paired"):
            print("  %-12s %d MOVPRFX paired with a successor llvm-mc's assembler accepts"
                  % ("", st["movprfx paired"]))
        why = sorted(((k[8:], v) for k, v in st.items() if k.startswith("unsafe: ")),
                     key=lambda kv: -kv[1])
        if why or st.get("patched word invalid"):
            print("  %-12s left out: %s" % ("", ", ".join(
                ["%s %d" % kv for kv in why] +
                (["patched word invalid %d" % st["patched word invalid"]]
                 if st.get("patched word invalid") else []))))


# ---- main -----------------------------------------------------------------------------------
def probe(tools):
    """Checks that the assembler and qemu work; returns an error string or None."""
    for name, path in (("qemu-aarch64", tools.qemu), ("assembler", tools.asm),
                       ("objdump", tools.objdump)):
        if not path or not shutil.which(path):
            return "%s not found (%s)" % (name, path)
    with tempfile.TemporaryDirectory(prefix="svesim-diff-probe-") as d:
        try:
            prog = gen.Program(1, 256, ["int"], 1)
            _, _, q, _ = build(tools, d, prog.text())
        except Exception as e:  # noqa: BLE001
            return "cannot assemble a probe program: %s" % e
        o = simulate(tools, "qemu", q, 256)
        if o.out is None:
            return "qemu-aarch64 cannot run a probe program: %s" % o.error
    return None


def main():
    ap = argparse.ArgumentParser(description="svesim vs QEMU differential test")
    ap.add_argument("--svesim", default=os.environ.get("SVESIM"), help="the svesim binary")
    ap.add_argument("--count", type=int, default=2000, help="programs in total (default 2000)")
    ap.add_argument("--seed", type=int,
                    help="first program seed (default: $SVESIM_DIFF_SEED, else the clock)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--vls", default=DEFAULT_VLS, help="VLs in bits, used round robin")
    ap.add_argument("--classes", default=",".join(gen.TEMPLATE_CLASSES),
                    help="instruction classes: template classes (the default: %s) and "
                         "word-drawn classes (%s: random words of the architecture's "
                         "encoding groups that llvm-mc accepts; the ones svesim does not "
                         "decode are counted and skipped)"
                         % (",".join(gen.TEMPLATE_CLASSES), ",".join(gen.WORD_CLASSES)))
    ap.add_argument("--require-implemented", action="store_true",
                    help="fail when a word-drawn class meets a safe LLVM-valid word svesim "
                         "does not decode, instead of skipping it")
    ap.add_argument("--fpcr", choices=["random", "zero"], default="random",
                    help="FPCR at the start of every program: random RMode, FZ, DN, AHP, FZ16 "
                         "(default), or zero")
    ap.add_argument("--llvm-mc", default=None, help="llvm-mc for the word-drawn classes")
    ap.add_argument("--length", type=int, help="body items per program (default 20-120)")
    ap.add_argument("--state", choices=sorted(gen.STATES), default="full",
                    help="register state set up and compared: full (X, Z, P, FFR; default), "
                         "fp (X and V only) or x (X only), for a model without SVE or "
                         "SIMD&FP loads and stores")
    ap.add_argument("--avoid", metavar="REGEX",
                    help="leave out every body item with a line matching REGEX (e.g. to look "
                         "past a known bug: --avoid '^sq(add|sub) z.*#')")
    ap.add_argument("--max-failures", type=int, default=3,
                    help="stop after this many mismatches (default 3)")
    ap.add_argument("--no-bisect", action="store_true", help="do not bisect a mismatch")
    ap.add_argument("--keep-dir", help="save the source of every failing program here")
    ap.add_argument("--qemu", default="qemu-aarch64")
    ap.add_argument("--assembler", default="aarch64-linux-gnu-as")
    ap.add_argument("--objdump", default="aarch64-linux-gnu-objdump")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per simulator run")
    ap.add_argument("--max-insns", type=int, default=1000000)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()

    classes = [c for c in args.classes.split(",") if c]
    bad = [c for c in classes if c not in gen.CLASSES]
    if bad or not classes:
        ap.error("unknown class %s (known: %s)" % (",".join(bad), ",".join(gen.CLASSES)))
    bad = [c for c in classes if c not in gen.STATES[args.state]]
    if bad:
        ap.error("class %s needs more than --state %s" % (",".join(bad), args.state))
    try:
        vls = [int(v) for v in args.vls.split(",") if v]
    except ValueError:
        ap.error("--vls takes a comma-separated list of bit counts")
    if not vls or any(v % 128 or not 128 <= v <= 2048 for v in vls):
        ap.error("every VL must be a multiple of 128 from 128 to 2048")
    if not args.svesim or not os.access(args.svesim, os.X_OK):
        ap.error("--svesim must name the svesim binary (got %r)" % args.svesim)
    if args.seed is None and os.environ.get("SVESIM_DIFF_SEED"):
        args.seed = int(os.environ["SVESIM_DIFF_SEED"], 0)
    if args.seed is None:
        args.seed = int(time.time() * 1000) % 1000000007
    if args.keep_dir:
        os.makedirs(args.keep_dir, exist_ok=True)

    tools = Tools(args)
    why = probe(tools)
    oracle = None
    if not why and any(c in gen.WORD_CLASSES for c in classes):
        try:
            oracle = gen.words.Oracle(args.svesim, args.llvm_mc)
        except RuntimeError as e:
            why = str(e)
    if why:
        print("SKIP: %s" % why)
        return SKIP

    print("svesim diff: %d programs, seeds %d..%d, VLs %s, classes %s, %d jobs"
          % (args.count, args.seed, args.seed + args.count - 1, ",".join(map(str, vls)),
             ",".join(classes), args.jobs), flush=True)
    t0 = time.time()
    lock = threading.Lock()
    state = {"done": 0, "failed": 0, "stop": False}
    failures = []
    culprits = []
    word_stats = {}
    unimplemented = {}    # mnemonic -> (count, example word, text, seed)

    def task(i):
        if state["stop"]:
            return
        try:
            prog = gen.Program(args.seed + i, vls[i % len(vls)], classes, args.length,
                               args.state, args.avoid, oracle, args.fpcr)
        except Exception as e:  # noqa: BLE001
            with lock:
                state["done"] += 1
                state["failed"] += 1
                text = "ERROR: generating program seed %d: %s" % (args.seed + i, e)
                failures.append(text)
                print(text, flush=True)
            return
        with lock:
            for c, st in prog.word_stats.items():
                agg = word_stats.setdefault(c, {})
                for k, v in st.items():
                    agg[k] = agg.get(k, 0) + v
            for w, t in prog.unimplemented:
                m = t.split()[0]
                n, ex = unimplemented.get(m, (0, None))
                unimplemented[m] = (n + 1, ex or (w, t, prog.seed))
        with tempfile.TemporaryDirectory(prefix="svesim-diff-") as d:
            try:
                agree, qo, so, obj, syms = compare(tools, d, prog)
            except Exception as e:  # noqa: BLE001
                text = "ERROR: program seed %d at VL %d: %s\nreproduce: %s" % (
                    prog.seed, prog.vl, e, repro_cmd(args, prog))
                agree = False
            else:
                text = None
            with lock:
                state["done"] += 1
                if agree:
                    if not args.quiet and state["done"] % 100 == 0:
                        print("  %d/%d programs agree so far (%.0f s)"
                              % (state["done"], args.count, time.time() - t0), flush=True)
                    return
                state["failed"] += 1
                if state["failed"] >= args.max_failures:
                    state["stop"] = True
                if state["failed"] > args.max_failures:
                    return
            if text is None:
                text = report(tools, args, d, prog, qo, so, obj, syms, culprits)
            with lock:
                failures.append(text)
                print(text, flush=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        list(ex.map(task, range(args.count)))

    elapsed = time.time() - t0
    if word_stats:
        print_word_stats(word_stats)
    if args.require_implemented and unimplemented:
        print("svesim diff: FAILED (--require-implemented): %d distinct mnemonics of safe "
              "LLVM-valid words svesim does not decode:" % len(unimplemented))
        for m, (n, (w, t, seed)) in sorted(unimplemented.items(), key=lambda kv: -kv[1][0]):
            print("  %-10s %5d words, e.g. %08x %s (program seed %d)" % (m, n, w, t, seed))
        return 1
    if state["failed"]:
        ran = state["done"]
        print("svesim diff: FAILED: %d of %d programs run disagreed%s (%.1f s)"
              % (state["failed"], ran,
                 "; stopped early after %d mismatches" % args.max_failures
                 if ran < args.count else "", elapsed))
        if culprits:
            counts = {}
            for m in culprits:
                counts[m] = counts.get(m, 0) + 1
            print("first disagreeing instruction (by bisection), per mnemonic: %s"
                  % ", ".join("%s %d" % kv for kv in sorted(counts.items(),
                                                            key=lambda kv: -kv[1])))
        return 1
    print("svesim diff: all %d programs agree (%.1f s)" % (args.count, elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
