#!/usr/bin/env bash
# Bad input to the svesim command line: each case must give its documented exit status and
# exactly one line on stderr naming the problem (docs/platform.md).
# Usage: test_cli.sh SVESIM PROGRAM_DIR   (PROGRAM_DIR: the tests/tlm programs)
set -uo pipefail
svesim="$1"
progs="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# expect NAME STATUS STDERR_REGEX COMMAND...
source "$(dirname "${BASH_SOURCE[0]}")/../support/expect.sh"

expect "program exit status passes through" 7 "" "$svesim" run "$progs/exit_code.elf"
expect "max VL 384 refused" 2 "maximum VL 384.*128, 256, 512, 1024, 2048" "$svesim" run --max-vl 384 "$progs/exit_code.elf"
expect "max VL 4096 refused" 2 "4096" "$svesim" run --max-vl 4096 "$progs/exit_code.elf"
expect "unknown policy refused" 2 "policy 'sometimes' is unknown" "$svesim" run --policy sometimes "$progs/exit_code.elf"
expect "malformed seed refused" 2 "malformed seed" "$svesim" run --policy random:12x "$progs/exit_code.elf"
expect "unknown option refused" 2 "unrecognised option" "$svesim" run --frobnicate "$progs/exit_code.elf"
expect "bad quantum refused" 2 "parameter quantum" "$svesim" run --quantum 0 "$progs/exit_code.elf"
expect "bad RAM size refused" 2 "--ram-size" "$svesim" run --ram-size lots "$progs/exit_code.elf"
expect "bad trace category refused" 2 "trace category 'cache'" "$svesim" run --trace insn,cache "$progs/exit_code.elf"
expect "unknown reset register refused" 2 "unknown system register 'FOO_EL1'" "$svesim" run --reset FOO_EL1=1 "$progs/exit_code.elf"
printf 'int_div = lots\n' >"$tmp/t.ini"
expect "bad timing value refused" 2 "timing file .*int_div" "$svesim" run --timing "$tmp/t.ini" "$progs/exit_code.elf"
# Timing and config files share one INI reader: comments after a value are comments.
printf 'exception = 60   # cycles\nint_alu = 1 ; one\n' >"$tmp/c.ini"
expect "timing file with trailing comments" 7 "" "$svesim" run --timing "$tmp/c.ini" "$progs/exit_code.elf"
printf 'max_vl = 512 # bits\n[cpu]\npolicy = zero ; a comment\n' >"$tmp/cc.ini"
expect "config file with trailing comments" 7 "" "$svesim" run --config "$tmp/cc.ini" "$progs/exit_code.elf"
printf 'warp_drive = 3\n' >"$tmp/u.ini"
expect "unknown timing key refused" 2 "unknown key 'warp_drive'" "$svesim" run --timing "$tmp/u.ini" "$progs/exit_code.elf"
expect "missing program" 2 "no PROGRAM.elf" "$svesim" run
expect "unreadable ELF" 120 "cannot open" "$svesim" run "$tmp/does-not-exist.elf"
printf 'not an elf at all' >"$tmp/text.elf"
expect "not an ELF" 121 "not an ELF" "$svesim" run "$tmp/text.elf"
head -c 100 "$progs/exit_code.elf" >"$tmp/trunc.elf"
expect "truncated ELF" 121 "truncated|malformed" "$svesim" run "$tmp/trunc.elf"
expect "non-AArch64 ELF" 122 "not an AArch64 ELF \\(e_machine [0-9]+, AArch64 is 183\\)" "$svesim" run /bin/sh
# A big-endian and an ILP32 AArch64 ELF both have e_machine 183 (AArch64): the line must name what
# is wrong, not print the AArch64 machine number as if it were the problem (issue 16). Built by
# binutils here, so the headers are the toolchain's, not ours.
if command -v aarch64-linux-gnu-as >/dev/null && command -v aarch64-linux-gnu-ld >/dev/null; then
  printf '.global _start\n_start: hlt #0xf000\n' >"$tmp/hlt.s"
  aarch64-linux-gnu-as -EB "$tmp/hlt.s" -o "$tmp/be.o" && aarch64-linux-gnu-ld -EB -Ttext=0x40080000 "$tmp/be.o" -o "$tmp/be.elf"
  expect "big-endian ELF" 122 "be.elf: a big-endian ELF; svesim runs little-endian AArch64 ELFs only$" "$svesim" run "$tmp/be.elf"
  aarch64-linux-gnu-as -mabi=ilp32 "$tmp/hlt.s" -o "$tmp/ilp32.o" && aarch64-linux-gnu-ld -m aarch64linux32 -Ttext=0x40080000 "$tmp/ilp32.o" -o "$tmp/ilp32.elf"
  expect "32-bit ELF" 122 "ilp32.elf: a 32-bit ELF \\(ELFCLASS32\\)" "$svesim" run "$tmp/ilp32.elf"
else
  echo "SKIP big-endian and 32-bit ELF (no aarch64-linux-gnu binutils)"
fi
expect "segment outside RAM" 123 "outside RAM" "$svesim" run --ram-size 64K "$progs/exit_code.elf"
expect "max-insns reached" 124 "stopped after --max-insns 1000" "$svesim" run --max-insns 1000 "$progs/spin.elf"
expect "stats JSON written" 7 "" "$svesim" run --stats-json "$tmp/s.json" "$progs/exit_code.elf"
if ! grep -q '"instructions"' "$tmp/s.json"; then echo "FAIL stats JSON content"; failures=$((failures + 1)); fi
expect "trace to a file" 7 "" "$svesim" run --trace all --trace-file "$tmp/trace.txt" "$progs/exit_code.elf"
if ! grep -q "hlt" "$tmp/trace.txt"; then echo "FAIL trace content"; failures=$((failures + 1)); fi
expect "unknown command" 2 "unknown command 'fly'" "$svesim" fly

# Listeners: TLM transaction trace, statistics, VCD of EL/VL/world.
expect "tlm trace" 0 "" "$svesim" run --trace tlm --trace-file "$tmp/tlm.txt" --param clobber=0 "$progs/guest_hvc.elf"
for want in "tlm debug-write +0x000040070000 .* OK" "tlm read +0x000040080000 +4 OK" "tlm dmi-granted +0x000040000000"; do
  if ! grep -Eq "$want" "$tmp/tlm.txt"; then echo "FAIL tlm trace: no /$want/"; head "$tmp/tlm.txt"; failures=$((failures + 1)); fi
done
expect "stats by EL and EC" 0 "" "$svesim" run --stats --param clobber=0 "$progs/guest_hvc.elf"
for want in "^instructions +[0-9]+" "EL1 +[1-9][0-9]* instructions" "exceptions EC 0x16 1" "host MIPS"; do
  if ! grep -Eq "$want" "$tmp/err"; then echo "FAIL stats: no /$want/"; cat "$tmp/err"; failures=$((failures + 1)); fi
done
expect "VCD written" 0 "" "$svesim" run --vcd "$tmp/state.vcd" --param clobber=0 "$progs/guest_hvc.elf"
python3 - "$tmp/state.vcd" <<'PY' || { echo "FAIL VCD content"; failures=$((failures + 1)); }
import sys
ids, values, changes = {}, {}, []
for line in open(sys.argv[1]):
    f = line.split()
    if f[:2] == ["$var", "wire"]:
        ids[f[3]] = f[4]
    elif line.startswith("#"):
        t = int(line[1:])
    elif f and f[0].startswith("b") and len(f) == 2 and f[1] in ids:
        values[ids[f[1]]] = int(f[0][1:], 2)
        changes.append((ids[f[1]], values[ids[f[1]]]))
assert set(ids.values()) == {"el", "vl", "world", "vmid"}, ids
els = [v for k, v in changes if k == "el"]
assert els[0] == 3 and 2 in els and 1 in els, els          # EL3 -> EL2 -> guest EL1
assert ("world", 2) in changes and ("vmid", 1) in changes   # guest1 appears
assert any(k == "vl" and v == 2048 for k, v in changes)     # ZCR_EL3 = 15 at max VL 2048
PY
if [[ -f "$tmp/state.vcd" ]]; then echo "PASS VCD content"; fi
expect "scenario VCD" 0 "" "$svesim" scenario run s2_v2_fp_enabled_bug --policy zero --vcd "$tmp/s2.vcd"
if ! grep -Eq '^\$var wire +32 +[a-z]+ +world' "$tmp/s2.vcd"; then
  echo "FAIL scenario VCD has no world signal"; failures=$((failures + 1)); fi
expect "scenario VCD directory refused" 73 "--vcd .*: directory .* does not exist" "$svesim" scenario run s1_v2_happy --policy zero --vcd "$tmp/none/x.vcd"
expect "VCD path refused" 73 "--vcd .* cannot be written" "$svesim" run --vcd "$tmp/no/such/dir/x.vcd" "$progs/exit_code.elf"

# Cpu parameters (tlm/src/cpu_params.cpp): flags, config file, `svesim params`.
expect "params lists every parameter" 0 "" "$svesim" params
for p in max_vl vl_set policy has_el2 has_el3 reset rvbar mpidr quantum timing gdb_port; do
  if ! grep -q "^$p " "$tmp/out"; then echo "FAIL params lists $p"; failures=$((failures + 1)); fi
done
# docs/embedding.md carries the table `svesim params --markdown` prints.
"$svesim" params --markdown >"$tmp/params.md"
if ! python3 -c 'import sys; sys.exit(open(sys.argv[1]).read() not in open(sys.argv[2]).read())' \
     "$tmp/params.md" "$(dirname "$0")/../../docs/embedding.md"; then
  echo "FAIL docs/embedding.md's parameter table is not svesim params --markdown"; failures=$((failures + 1))
else echo "PASS docs/embedding.md parameter table is current"; fi
printf '# all Cpus\nmax_vl = 512\n[cpu]\npolicy = zero\n[other]\npolicy = qemu\n' >"$tmp/cpu.ini"
expect "params from a config file" 0 "" "$svesim" params --config "$tmp/cpu.ini" --quantum 250ns
if ! grep -Eq "^max_vl +512 " "$tmp/out" || ! grep -Eq "^policy +zero " "$tmp/out" ||
   ! grep -Eq "^quantum +250ns " "$tmp/out"; then
  echo "FAIL params values"; cat "$tmp/out"; failures=$((failures + 1))
fi
printf 'max_vl = 512\nwarp = 9\n' >"$tmp/bad.ini"
expect "config: unknown parameter" 2 "bad.ini:2: unknown parameter 'warp'" "$svesim" run --config "$tmp/bad.ini" "$progs/exit_code.elf"
printf 'has_el2 = maybe\n' >"$tmp/bad2.ini"
expect "config: wrong type" 2 "bad2.ini:1: .*has_el2.*maybe" "$svesim" run --config "$tmp/bad2.ini" "$progs/exit_code.elf"
expect "config: missing file" 2 "config file .* cannot be read" "$svesim" run --config "$tmp/none.ini" "$progs/exit_code.elf"
expect "rvbar misaligned" 2 "parameter rvbar: '0x40080002'" "$svesim" run --rvbar 0x40080002 "$progs/exit_code.elf"
expect "mpidr RES0 bits" 2 "parameter mpidr" "$svesim" run --mpidr 0x10000000000 "$progs/exit_code.elf"
expect "gdb port out of range" 2 "parameter gdb_port: '70000'" "$svesim" run --gdb 70000 "$progs/exit_code.elf"
expect "quantum in microseconds" 7 "" "$svesim" run --quantum 2us "$progs/exit_code.elf"
expect "vl-table bad LEN" 2 "--zcr-el1 16 is out of range" "$svesim" vl-table --zcr-el1 16
# Which ZCRs constrain each EL (arch-rules §1.1): the host EL0 ignores ZCR_EL1, Secure EL1 ZCR_EL2.
expect "vl-table" 0 "" "$svesim" vl-table
for want in '^EL0 .*  ZCR_EL1, ZCR_EL2, ZCR_EL3$' '^EL0 \(VHE host.*  ZCR_EL2, ZCR_EL3$' \
            '^EL2 \(E2H=0\) .*  ZCR_EL2, ZCR_EL3$' '^EL3 .*  ZCR_EL3$' '^EL1 Secure .*  ZCR_EL1, ZCR_EL3$'; do
  if ! grep -Eq -e "$want" "$tmp/out"; then echo "FAIL vl-table row /$want/"; cat "$tmp/out"; failures=$((failures + 1)); fi
done

expect "check: a clobbered guest register is a LOSS" 118 "" "$svesim" run --check "$progs/guest_hvc.elf"
if ! grep -q "svesim check: LOSS guest1: 1 finding in Z0 bytes \[0, 32)" "$tmp/out"; then echo "FAIL check output"; cat "$tmp/out"; failures=$((failures + 1)); fi
expect "check: an untouched guest is clean" 0 "" "$svesim" run --check --param clobber=0 "$progs/guest_hvc.elf"
if ! grep -q "verdict clean" "$tmp/out"; then echo "FAIL clean verdict"; cat "$tmp/out"; failures=$((failures + 1)); fi
expect "check: unknown parameter" 2 "unknown parameter 'bogus' \(this program defines: clobber\)" "$svesim" run --check --param bogus=1 "$progs/guest_hvc.elf"
expect "scenario: unknown scenario" 2 "unknown scenario 'nope'" "$svesim" scenario run nope
expect "scenario: VQ outside the architecture" 2 "gmax_vq=17 is outside the architecture" "$svesim" scenario run s1_v2_happy --param gmax_vq=17

expect "scenario: s2 flagged under zero, as expected" 0 "" "$svesim" scenario run s2_v2_fp_enabled_bug --policy zero --json "$tmp/s2.json" --timeline "$tmp/s2.svg"
if ! grep -q '"verdict": "LOSS+LEAK+SELFCHECK"' "$tmp/s2.json"; then echo "FAIL scenario JSON"; cat "$tmp/s2.json" | head -20; failures=$((failures + 1)); fi
if ! grep -q "<svg" "$tmp/s2.svg"; then echo "FAIL scenario timeline"; failures=$((failures + 1)); fi
# A timeline that explains without hovering (issue 16): labelled EL and log2 VL axes, the
# program's phases as bands with a legend, the violations grouped with their causes written
# out. Expected content: s2's story in docs/scenarios.md (the guest's LOSS/LEAK at its
# re-entry, after the host task's state was saved at the host's VL 512 = hmax_vq 4).
for want in '>EL0</text>' '>EL3</text>' '>VL \(bits, log2\)</text>' '>128</text>' '>256</text>' '>2048</text>' \
            '>host task</text>' '>guest entry</text>' '>vCPU put</text>' '>its cause</text>' \
            '>LOSS guest1 Z0\.\.FFR \([0-9]+ registers\) at cycle [0-9]+</text>' \
            '>LEAK guest1 ' '>SELFCHECK software at cycle' 'after: .*last saved \(VL 512\)'; do
  if ! grep -Eq "$want" "$tmp/s2.svg"; then echo "FAIL scenario timeline: no /$want/"; failures=$((failures + 1)); fi
done
if grep -q "<title>" "$tmp/s2.svg"; then echo "FAIL scenario timeline: something is said only on hover"; failures=$((failures + 1)); fi
expect "scenario: the instruction limit is its own exit status" 124 "" "$svesim" scenario run stress --policy preserve --max-insns 1000
if ! grep -q "DID NOT FINISH (instruction limit)" "$tmp/out"; then echo "FAIL limit message"; cat "$tmp/out"; failures=$((failures + 1)); fi
expect "scenario: unknown parameter" 2 "unknown parameter 'bogus' for scenario s1_v2_happy" "$svesim" scenario run s1_v2_happy --policy zero --param bogus=1

expect "scenario: a VQ the platform does not implement" 2 "gmax_vq = 3 is not a vector length the scenario platform implements" "$svesim" scenario run s1_v2_happy --param gmax_vq=3

# svesim sweep: grids, CSV/JSON, resume and shards (docs/studies/README.md).
printf 'scenarios = s1_v2_happy, opt_current_vl_save\npolicies = preserve, zero\nhmax_vq = 4\ngmax_vq = 2, 4\ngz1_vq = 1\ntiming.exception = 30, 60\n' >"$tmp/g.grid"
expect "sweep: a small grid" 0 "" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/g.csv" --json "$tmp/g.json" --jobs 2
rows=$(($(wc -l <"$tmp/g.csv") - 1))
if [[ $rows -ne 16 ]]; then echo "FAIL sweep rows: $rows, expected 16"; failures=$((failures + 1)); fi
if ! grep -q '^"opt_current_vl_save|preserve|gmax_vq=4|.*,LEAK,' "$tmp/g.csv"; then echo "FAIL sweep verdict (opt_current_vl_save must leak under preserve)"; failures=$((failures + 1)); fi
if [[ $(grep -c '"verdict"' "$tmp/g.json") -ne 16 ]]; then echo "FAIL sweep JSON"; failures=$((failures + 1)); fi
# The exception cost must move the switch cost: the same point at 30 and 60 cycles differs.
c30=$(grep '^"s1_v2_happy|preserve|gmax_vq=4|.*t.exception=30"' "$tmp/g.csv" | cut -d, -f18)
c60=$(grep '^"s1_v2_happy|preserve|gmax_vq=4|.*t.exception=60"' "$tmp/g.csv" | cut -d, -f18)
if [[ -z $c30 || -z $c60 || $c30 -ge $c60 ]]; then echo "FAIL sweep timing axis: switch cycles $c30 vs $c60"; failures=$((failures + 1)); fi
head -9 "$tmp/g.csv" >"$tmp/r.csv"
expect "sweep: resume runs only the missing points" 0 "" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/r.csv" --resume
if ! grep -q "8 points run, 8 resumed" "$tmp/err" "$tmp/out"; then echo "FAIL sweep resume count"; cat "$tmp/err"; failures=$((failures + 1)); fi
if ! diff <(sort "$tmp/g.csv" | cut -d, -f1-19) <(sort "$tmp/r.csv" | cut -d, -f1-19) >/dev/null; then echo "FAIL sweep resume content"; failures=$((failures + 1)); fi
expect "sweep: shard 0/3" 0 "" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/s1.csv" --shard 0/3
expect "sweep: shard 1/3" 0 "" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/s2.csv" --shard 1/3
expect "sweep: shard 2/3" 0 "" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/s3.csv" --shard 2/3
shards=$(cat "$tmp/s1.csv" "$tmp/s2.csv" "$tmp/s3.csv" | grep -vc '^key,')
if [[ $shards -ne 16 ]]; then echo "FAIL sweep shards cover $shards points, expected 16"; failures=$((failures + 1)); fi
"$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/lim.csv" --max-insns 1000 >"$tmp/out" 2>"$tmp/err"
st=$?
if [[ $st -ne 124 ]]; then echo "FAIL sweep with unfinished points: exit $st, expected 124 (the instruction limit)"; failures=$((failures + 1)); fi
if [[ $(grep -c ',limit,' "$tmp/lim.csv") -ne 16 ]]; then echo "FAIL sweep keeps a row per unfinished point"; failures=$((failures + 1)); fi
if ! grep -q 'sweep: point s1_v2_happy|preserve|gmax_vq=2|.* did not finish (limit)' "$tmp/err"; then echo "FAIL sweep names the unfinished point"; failures=$((failures + 1)); fi
printf 'gmax_vq 4\n' >"$tmp/bad.grid"
expect "sweep: malformed grid line" 2 "bad.grid:1: expected 'name = value', got 'gmax_vq 4'" "$svesim" sweep --grid "$tmp/bad.grid" --out "$tmp/x.csv"
printf 'gmax_vq = 4..2\n' >"$tmp/bad.grid"
expect "sweep: empty range" 2 "4..2" "$svesim" sweep --grid "$tmp/bad.grid" --out "$tmp/x.csv"
printf 'gmax_vq = 3\n' >"$tmp/bad.grid"
expect "sweep: unimplemented VL" 2 "grid: no possible point: .* with gmax_vq = 3 \\(not implemented by the scenario platform, which offers 1, 2, 4, 8, 16\\)" "$svesim" sweep --grid "$tmp/bad.grid" --out "$tmp/x.csv"
# Nonsense stops before the first point (issue 16): one line, exit 2, --out untouched.
printf 'seeds = a\n' >"$tmp/bad.grid"
echo "previous results" >"$tmp/keep.csv"
expect "sweep: a seed that is not a number" 2 "^svesim: grid seeds: 'a' is not a seed" timeout 20 "$svesim" sweep --grid "$tmp/bad.grid" --out "$tmp/keep.csv"
if [[ $(cat "$tmp/keep.csv") != "previous results" ]]; then echo "FAIL sweep: a refused grid touched --out"; failures=$((failures + 1)); fi
expect "sweep: --jobs not a number" 2 "--jobs" "$svesim" sweep --grid "$tmp/g.grid" --jobs many --out "$tmp/keep.csv"
if [[ $(cat "$tmp/keep.csv") != "previous results" ]]; then echo "FAIL sweep: a bad --jobs truncated --out"; failures=$((failures + 1)); fi
expect "sweep: a VQ outside the architecture is refused, not left out" 2 "gmax_vq = 17 is outside the architecture" "$svesim" sweep --axis gmax_vq=2,17 --out "$tmp/x.csv"
expect "sweep: unwritable --json refused before any point" 73 "--json $tmp/no/such/p.json cannot be written" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/j.csv" --json "$tmp/no/such/p.json"
if [[ -e "$tmp/j.csv" ]]; then echo "FAIL sweep: points ran before the unwritable --json was refused"; failures=$((failures + 1)); fi
expect "sweep: unwritable --out" 73 "--out $tmp/no/such/o.csv cannot be written" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/no/such/o.csv"
# Impossible points: a guest maximum above the host's (KVM never offers it), maxima the platform
# does not implement: left out with a count, or refused with --strict.
printf 'scenarios = s1_v2_happy\npolicies = zero\nhmax_vq = 2, 4\ngmax_vq = 1..4\ngz1_vq = 1\ntiming.exception = 30\n' >"$tmp/imp.grid"
"$svesim" sweep --grid "$tmp/imp.grid" --list >"$tmp/out" 2>"$tmp/err"
if [[ $(wc -l <"$tmp/out") -ne 5 ]] || grep -Eq 'gmax_vq=(3|4)\|.*hmax_vq=2' "$tmp/out" ||
   ! grep -q "^sweep: 3 impossible points left out (2 with gmax_vq = 3 (not implemented by the scenario platform, which offers 1, 2, 4, 8, 16); 1 with gmax_vq > hmax_vq (a guest maximum VL above the host's, which KVM never offers)); --strict refuses them$" "$tmp/err"; then
  echo "FAIL sweep: impossible points left out with a count"; cat "$tmp/out" "$tmp/err"; failures=$((failures + 1))
else echo "PASS sweep: impossible points left out with a count"; fi
expect "sweep: --strict refuses impossible points" 2 "^svesim: --strict: 3 impossible points in the grid, the first s1_v2_happy\\|zero\\|gmax_vq=3" "$svesim" sweep --grid "$tmp/imp.grid" --strict --out "$tmp/x.csv"
# The expected column per point: the scenarios whose outcome depends on the vector lengths, at
# points around their defaults. What the runs give is the oracle (the verdicts the checker and
# the programs' own reports give); the expected column must agree with every row.
printf 'scenarios = s3_v2_softirq_neon, s3_513_softirq_neon, s6_zcr_el2_tz_fixed, s17_too_small, opt_current_vl_save\npolicies = preserve, zero, random\nseeds = 1\nhmax_vq = 4\ngmax_vq = 1, 2, 4\ngz1_vq = 1, 2\ntiming.exception = 30\n' >"$tmp/exp.grid"
expect "sweep: parameter-dependent scenarios" 0 "" "$svesim" sweep --grid "$tmp/exp.grid" --out "$tmp/exp.csv" --jobs 2
python3 - "$tmp/exp.csv" <<'PY' || { echo "FAIL sweep: the expected column disagrees with the runs"; failures=$((failures + 1)); }
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 90, len(rows)
bad = [r for r in rows if r["verdict"] not in r["expected"].split("|")]
for r in bad: print(r["key"], r["verdict"], "expected", r["expected"])
# The rules must not be vacuous: both outcomes of the softirq check occur.
assert {r["expected"] for r in rows if r["scenario"] == "s3_v2_softirq_neon"} == {"WARN", "clean"}
sys.exit(1 if bad else 0)
PY
printf 'timing.warp = 1\n' >"$tmp/bad.grid"
expect "sweep: unknown timing key" 2 "warp" "$svesim" sweep --grid "$tmp/bad.grid" --out "$tmp/x.csv"
printf 'gmaxvq = 4\n' >"$tmp/bad.grid"
expect "sweep: a key no scenario has" 2 "grid gmaxvq: no scenario of the grid has this parameter" "$svesim" sweep --grid "$tmp/bad.grid" --out "$tmp/x.csv"
expect "sweep: an axis on the command line" 0 "" "$svesim" sweep --grid "$tmp/g.grid" --axis gmax_vq=8 --axis hmax_vq=8 --axis "policies = zero" --out "$tmp/ax.csv"
if [[ $(grep -c ',zero,8,8,1,' "$tmp/ax.csv") -ne 4 ]]; then echo "FAIL sweep --axis"; cat "$tmp/ax.csv"; failures=$((failures + 1)); fi
expect "sweep: a malformed --axis" 2 "--axis 'gmax_vq' is not KEY=VALUES" "$svesim" sweep --axis gmax_vq --out "$tmp/x.csv"
printf 'scenarios = s99\n' >"$tmp/bad.grid"
expect "sweep: unknown scenario" 2 "unknown scenario 's99'" "$svesim" sweep --grid "$tmp/bad.grid" --out "$tmp/x.csv"
expect "sweep: bad shard" 2 "shard" "$svesim" sweep --grid "$tmp/g.grid" --out "$tmp/x.csv" --shard 4/3
expect "sweep: missing grid file" 2 "nope.grid" "$svesim" sweep --grid "$tmp/nope.grid" --out "$tmp/x.csv"
expect "plot: a chart from the sweep" 0 "" "$svesim" plot --csv "$tmp/g.csv" --x gmax_vq --y switch_cycles --series scenario --where timing=exception=30 --out "$tmp/p.svg"
if [[ $(grep -c "<path" "$tmp/p.svg") -ne 2 ]]; then echo "FAIL plot: expected two series"; failures=$((failures + 1)); fi
expect "plot: unknown column" 2 "column 'speed'" "$svesim" plot --csv "$tmp/g.csv" --x speed --y switch_cycles --series scenario --out "$tmp/p.svg"
# Categorical axes (issue 16: `--y verdict` died with `internal error: stod`): every verdict
# that occurs is a labelled row of the y axis, each point a marker on it.
expect "plot: verdicts as categories" 0 "" "$svesim" plot --csv "$tmp/g.csv" --x gmax_vq --y verdict --series scenario --out "$tmp/v.svg"
for want in 'clean</text>' 'LEAK</text>'; do
  if ! grep -q "text-anchor=\"end\">${want}" "$tmp/v.svg"; then echo "FAIL plot: no y category $want"; failures=$((failures + 1)); fi
done
# VQ axes on a log2 scale: a tick at each length, none between (was 4.75, 8.5, 12.25).
expect "plot: a VQ axis" 0 "" "$svesim" plot --csv "$(dirname "$0")/../../docs/studies/switch_cost.csv" --x gmax_vq --y switch_cycles --series scenario --where gz1_vq=1 --out "$tmp/q.svg"
ticks=$(grep -o 'text-anchor="middle">[^<]*</text>' "$tmp/q.svg" | sed 's/.*">//; s/<.*//' | grep -v '[a-z]' | tr '\n' ' ')
if [[ $ticks != "1 2 4 8 16 " ]]; then echo "FAIL plot: VQ ticks '$ticks', expected '1 2 4 8 16 '"; failures=$((failures + 1)); else echo "PASS plot: VQ ticks at the lengths"; fi
grep -q "gmax_vq (log2 scale)" "$tmp/q.svg" || { echo "FAIL plot: the log2 axis is not labelled so"; failures=$((failures + 1)); }
# Any column on either axis: a chart or one line, never an internal error.
cols=$(head -1 "$tmp/g.csv" | tr ',' ' ' | sed 's/^key //')
bad=0
for c in $cols; do
  for axis in x y; do
    other=$([[ $axis == x ]] && echo y || echo x)
    "$svesim" plot --csv "$tmp/g.csv" --$axis "$c" --$other verdict --series policy --out "$tmp/any.svg" >/dev/null 2>"$tmp/err"
    st=$?
    if [[ $st -ne 0 ]] || ! grep -q "</svg>" "$tmp/any.svg"; then echo "FAIL plot --$axis $c: status $st"; cat "$tmp/err"; bad=1; fi
  done
done
if [[ $bad -eq 0 ]]; then echo "PASS plot: every column on either axis"; else failures=$((failures + 1)); fi
expect "plot: a log2 scale of text is one line" 2 "column 'verdict' holds '.*', not a number, so --y-scale categories" "$svesim" plot --csv "$tmp/g.csv" --x gmax_vq --y verdict --y-scale log2 --out "$tmp/p.svg"
expect "plot: unknown scale" 2 "--x-scale 'cubic' is unknown" "$svesim" plot --csv "$tmp/g.csv" --x gmax_vq --y verdict --x-scale cubic --out "$tmp/p.svg"
expect "plot: unwritable --out" 73 "--out $tmp/no/p.svg cannot be written" "$svesim" plot --csv "$tmp/g.csv" --x gmax_vq --y verdict --out "$tmp/no/p.svg"

# Semihosting input (docs/platform.md): SYS_READ gives a line at a time from a pipe and nothing at
# the end of input; SYS_GET_CMDLINE is the program's path as given (read_lines.s echoes both).
got=$(printf 'hello\nworld, longer\n' | "$svesim" run "$progs/read_lines.elf" 2>&1)
st=$?
want="<hello
><world, longer
><$progs/read_lines.elf>"
if [[ $st -eq 20 && $got == "$want" ]]; then echo "PASS semihosting SYS_READ line by line"
else echo "FAIL semihosting SYS_READ: status $st, output: $got"; failures=$((failures + 1)); fi
got=$("$svesim" run "$progs/read_lines.elf" </dev/null 2>&1)
st=$?
if [[ $st -eq 0 && $got == "<><><$progs/read_lines.elf>" ]]; then echo "PASS semihosting SYS_READ at the end of input"
else echo "FAIL semihosting SYS_READ at EOF: status $st, output: $got"; failures=$((failures + 1)); fi

echo "$failures failure(s)"
exit $((failures > 0))
