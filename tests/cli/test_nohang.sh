#!/usr/bin/env bash
# No silent hang, ever (issue 16): programs that jump to unmapped memory, fault at their entry or
# at their vector, spin or sleep for ever must end with one line on stderr and the documented
# exit status (svesim help exit-codes); limits, signals and unwritable outputs likewise.
# Every svesim here runs under `timeout`, so a hang is a failure, not a stuck test.
# Usage: test_nohang.sh SVESIM PROGRAM_DIR   (PROGRAM_DIR: the tests/tlm programs)
set -uo pipefail
svesim="$1"
progs=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
source "$(dirname "${BASH_SOURCE[0]}")/../support/signals.sh"

expect() { # name expected_status stderr_regex command...   (one stderr line when regex given)
  local name=$1 want=$2 regex=$3; shift 3
  timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  local lines; lines=$(wc -l <"$tmp/err")
  if [[ $got -ne $want ]]; then
    fail "$name: exit status $got, expected $want"; head -5 "$tmp/err"
  elif [[ -n $regex ]] && ! grep -Eq -e "$regex" "$tmp/err"; then
    fail "$name: stderr does not match /$regex/:"; head -5 "$tmp/err"
  elif [[ -n $regex && $lines -ne 1 ]]; then
    fail "$name: $lines lines on stderr, expected one:"; head -5 "$tmp/err"
  else
    echo "PASS $name"
  fi
}

# Exception storms (model::ExceptionStorm): 117 with ESR, ELR, FAR and EL named.
expect "storm: jump to unmapped memory" 117 \
  "exception storm: InstructionAbort \(EC 0x21\) .* EL3 vector 0x200 .*ESR_EL3 0x86000010 ELR_EL3 0x200 FAR_EL3 0x200.* began with EC 0x21 at ELR 0x20000000" \
  "$svesim" run "$progs/unmapped_jump.elf"
expect "storm: UNDEFINED at the vector" 117 "exception storm: Uncategorized \(EC 0x00\) .*ESR_EL3 0x2000000" \
  "$svesim" run "$progs/undef_vector.elf"
expect "storm: a handler returning to the fault unchanged" 117 "exception storm: .*ELR_EL3 0x4008000c" \
  "$svesim" run "$progs/eret_loop.elf"
expect "storm: begun by an Alignment fault on Device memory, named as such" 117 \
  "exception storm: .* it began with EC 0x25 at ELR 0x40080004 \\(an Alignment fault: with SCTLR_ELx.M = 0" \
  "$svesim" run "$progs/unaligned_store.elf"
expect "no storm: the same SVC from a counting loop" 3 "" "$svesim" run "$progs/svc_loop.elf"
expect "storm: the debugger-free run ends even with --stats" 117 "" "$svesim" run --stats "$progs/unmapped_jump.elf"
grep -q "^instructions" "$tmp/err" || fail "storm with --stats: no statistics"

# Entry points refused up front (as --rvbar is).
expect "entry 0 outside the image" 123 "entry point 0x0 is outside the loaded image" "$svesim" run "$progs/entry_zero.elf"
expect "entry misaligned" 123 "entry point 0x40080002 is not 4-byte aligned" "$svesim" run "$progs/entry_misaligned.elf"

# Stuck in WFI: 125 in run and in scenario run (the same condition, the same status).
expect "run: a branch to itself with every interrupt masked" 125 "stuck at PC 0x40080004: a branch to itself at EL3" "$svesim" run "$progs/spin_self.elf"
expect "run: stuck in WFI" 125 "stopped in WFI/WFE at PC 0x40080004" "$svesim" run "$progs/wfi_forever.elf"
mkdir -p "$tmp/scen"
ln -s "$progs/storm_scenario.elf" "$tmp/scen/s1_v2_happy.elf"
expect "scenario run: stuck in WFI is 125" 125 "" "$svesim" scenario run s1_v2_happy --policy zero --dir "$tmp/scen" --param rounds=0
grep -q "DID NOT FINISH (stuck in WFI)" "$tmp/out" || fail "scenario stuck message"
expect "scenario run: an exception storm is 117" 117 "" "$svesim" scenario run s1_v2_happy --policy zero --dir "$tmp/scen"
grep -q "DID NOT FINISH (exception storm)" "$tmp/out" || fail "scenario storm result"
grep -q "exception storm: InstructionAbort" "$tmp/out" || fail "scenario storm line"
expect "sweep: an exception storm is 117" 117 "" \
  "$svesim" sweep --dir "$tmp/scen" --axis scenarios=s1_v2_happy --axis policies=zero --axis gmax_vq=2 \
  --axis hmax_vq=4 --axis gz1_vq=1 --axis timing.exception=30 --out "$tmp/storm.csv"
grep -q "did not finish (storm): exception storm: InstructionAbort" "$tmp/err" || fail "sweep storm line"

# Limits: --max-insns, --max-time (simulated), --timeout (wall) all 124.
expect "--max-time" 124 "stopped at --max-time 1ms simulated" "$svesim" run --max-time 1ms "$progs/spin.elf"
expect "--max-time: stuck in WFI is still stuck" 125 "stopped in WFI/WFE" "$svesim" run --max-time 1s "$progs/wfi_forever.elf"
expect "--timeout" 124 "stopped after --timeout 1 s of wall-clock time" "$svesim" run --timeout 1 "$progs/spin.elf"
expect "--timeout refused" 2 "--timeout 'soon'" "$svesim" run --timeout soon "$progs/spin.elf"
expect "--max-time refused" 2 "--max-time '3 days'" "$svesim" run --max-time "3 days" "$progs/spin.elf"
expect "--progress" 124 "" "$svesim" run --progress --timeout 3 "$progs/spin.elf"
grep -Eq "^svesim: [0-9.]+ M instructions, .* simulated, [0-9]+ MIPS, PC 0x40080000 at EL3" "$tmp/err" ||
  { fail "--progress line"; cat "$tmp/err"; }

# Signals: statistics and files complete, 130 / 143. svesim runs without a timeout(1) wrapper
# (its own --timeout bounds it) so that $! is svesim and wait_catches sees its own handler.
for sig in INT TERM; do
  want=$([[ $sig == INT ]] && echo 130 || echo 143)
  "$svesim" run --timeout 60 --stats --stats-json "$tmp/$sig.json" --vcd "$tmp/$sig.vcd" \
    --trace exc --trace-file "$tmp/$sig.trace" "$progs/spin.elf" >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  wait_catches "$pid" "$sig" || fail "SIG$sig: svesim never installed its handler"
  sleep 0.5 # let it run a little
  kill -"$sig" "$pid"
  wait "$pid"; st=$?
  if [[ $st -ne $want ]]; then fail "SIG$sig: exit status $st, expected $want"; cat "$tmp/err"
  elif ! grep -q "^instructions " "$tmp/err"; then fail "SIG$sig: no statistics"; cat "$tmp/err"
  elif ! grep -Eq "svesim: (interrupted by SIGINT|terminated by SIGTERM) at PC" "$tmp/err"; then fail "SIG$sig: no line"
  elif ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/$sig.json"; then fail "SIG$sig: JSON incomplete"
  elif ! grep -q "enddefinitions" "$tmp/$sig.vcd"; then fail "SIG$sig: VCD incomplete"
  else echo "PASS SIG$sig stops cleanly with $want"; fi
done

# gdb `kill` is 119 in every mode, also with --check after violations were found (was 118);
# `monitor info worlds` answers from the checker.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The guest's SYS_EXIT (its HLT): by then the checker has seen the clobbered Z0.
done_addr=$(aarch64-linux-gnu-objdump -d "$progs/guest_hvc.elf" 2>/dev/null | awk '/\thlt\t/ {sub(":", "", $1); print $1; exit}')
if [[ -n $done_addr ]]; then
  timeout 60 "$svesim" run --check --gdb "$port" "$progs/guest_hvc.elf" >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  python3 - "$port" "$done_addr" <<'PY' || fail "kill with --check: RSP client"
import socket, sys, time
for _ in range(600):  # up to 60 s: a loaded machine may start svesim slowly
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); break
    except OSError:
        time.sleep(0.1)
s.settimeout(30)
buf = b""
def send(p): s.sendall(b"$%s#%02x" % (p, sum(p) & 0xFF))
def recv():
    global buf
    while True:
        a = buf.find(b"$"); e = buf.find(b"#", a + 1) if a >= 0 else -1
        if a >= 0 and e >= 0 and len(buf) >= e + 3:
            body, buf = buf[a + 1:e], buf[e + 3:]; s.sendall(b"+"); return body
        buf += s.recv(65536)
send(b"?"); recv()
send(b"Z0,%s,4" % sys.argv[2].lstrip("0").encode()); r = recv(); assert r == b"OK", r
send(b"c"); r = recv(); assert r[:1] in (b"S", b"T") and r[1:3] == b"05", r  # at the HLT
# With --check, `monitor info worlds` is the checker's: the guest the PE is in, its verdict.
send(b"qRcmd," + b"info worlds".hex().encode()); r = bytes.fromhex(recv().decode())
assert r.startswith(b"now: guest1; worlds seen: guest1; verdict so far: LOSS"), r
send(b"k"); time.sleep(0.3)
PY
  wait "$pid"; st=$?
  if [[ $st -eq 119 ]] && grep -q "svesim check: .*LOSS" "$tmp/out"; then echo "PASS kill with --check after violations is 119 (the findings printed)"
  else fail "kill with --check: status $st, expected 119"; cat "$tmp/err"; fi
else
  echo "SKIP kill with --check (no aarch64-linux-gnu-objdump)"
fi

# Outputs that cannot be written: 73, before anything runs (spin.elf would run for ever).
expect "--stats-json unwritable" 73 "--stats-json $tmp/no/x.json cannot be written" "$svesim" run --stats-json "$tmp/no/x.json" "$progs/spin.elf"
expect "--trace-file unwritable" 73 "--trace-file" "$svesim" run --trace-file "$tmp/no/x.txt" "$progs/spin.elf"
expect "--vcd unwritable" 73 "--vcd" "$svesim" run --vcd "$tmp/no/x.vcd" "$progs/spin.elf"

# RAM the host cannot give: one line, 2 (only where the host really cannot give 64 GiB).
mem_kb=$(awk '/^(MemTotal|SwapTotal):/ {s += $2} END {print s}' /proc/meminfo)
if [[ $(cat /proc/sys/vm/overcommit_memory) != 1 && $mem_kb -lt $((60 * 1024 * 1024)) ]]; then
  expect "--ram-size 64G on a smaller host" 2 "a RAM of 65536 MiB cannot be allocated on this host" "$svesim" run --ram-size 64G "$progs/exit_code.elf"
else
  echo "SKIP --ram-size 64G (this host could give it)"
fi

echo "$failures failure(s)"
exit $((failures > 0))
