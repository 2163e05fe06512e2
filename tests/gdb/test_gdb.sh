#!/usr/bin/env bash
# The GDB stub end to end (docs/embedding.md "Debugging"): gdb-multiarch attaches to a running
# svesim, sets breakpoints, steps, reads Z/P/VG at VL 512, changes a register, continues to the
# end; system registers, monitor commands and watchpoints; a raw RSP client checks Ctrl-C, a debugger that vanishes mid-session, and kill; a port in
# use is refused with one line.
# Usage: test_gdb.sh SVESIM PROGRAM_DIR   (PROGRAM_DIR holds gdb_target.elf and spin.elf)
set -uo pipefail
svesim="$1"
progs="$2"
tmp=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "PASS $*"; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# Starts svesim in the background with --gdb PORT and waits until it listens.
start() { # name port args...
  local name=$1 port=$2; shift 2
  timeout 120 "$svesim" run --gdb "$port" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  local pid=$!
  pids+=("$pid")
  echo "$pid" >"$tmp/$name.pid"
  for _ in $(seq 1200); do # up to 60 s: a loaded machine may start svesim slowly
    grep -q "waiting for gdb on port $port" "$tmp/$name.err" 2>/dev/null && return 0
    sleep 0.05
  done
  fail "$name: svesim did not listen on port $port"; cat "$tmp/$name.err"
}
status_of() { # name: waits for that svesim; its exit status in $st
  local pid; pid=$(cat "$tmp/$1.pid")
  wait "$pid"; st=$?
}

if ! command -v gdb-multiarch >/dev/null; then
  echo "gdb-multiarch not installed (scripts/setup.sh installs it)"; exit 1
fi

# 1. gdb-multiarch: breakpoints, stepi, Z0/P1/VG at VL 512, a register write, run to the end.
port=$(free_port)
start gdb "$port" --max-vl 512 "$progs/gdb_target.elf"
timeout 60 gdb-multiarch -batch -nx "$progs/gdb_target.elf" \
  -ex "target remote :$port" -ex 'break *filled' -ex 'break *done' -ex continue -ex stepi \
  -ex 'printf "pc=%#lx\n", $pc' -ex 'p $z0.d.u' -ex 'p $vg' -ex 'p sizeof($z0)' -ex 'p $p1' \
  -ex 'p/x $v0.d.u' -ex continue -ex 'p $x3' -ex 'set var $x3 = 7' -ex 'x/2gx &block' \
  -ex continue >"$tmp/gdb.log" 2>&1
status_of gdb
check_log() { # description regex
  if grep -Eq -e "$2" "$tmp/gdb.log"; then pass "gdb: $1"; else fail "gdb: $1 (no /$2/)"; fi
}
check_log "stops at the breakpoint" "Breakpoint 1, 0x[0-9a-f]+ in filled"
check_log "stepi moves to the next instruction" "pc=0x40080024"
check_log "reads Z0 at VL 512 (8 doublewords)" '^\$1 = \{0, 1, 2, 3, 4, 5, 6, 7\}$'
check_log "VG is VL/64" '^\$2 = 8$'
check_log "Z registers are 64 bytes" '^\$3 = 64$'
check_log "P1 after PTRUE.B" '^\$4 = \{255, 255, 255, 255, 255, 255, 255, 255\}$'
check_log "V0 is the low 128 bits of Z0" '^\$5 = \{0x0, 0x1\}$'
check_log "second breakpoint" "Breakpoint 2, 0x[0-9a-f]+ in done"
check_log "memory read" "<block>:[[:space:]]+0x0000000000020026"
check_log "the program exit is reported" "exited with code 07"
if [[ $st -eq 7 ]]; then pass "gdb: svesim exits with the status the changed x3 gives"; else
  fail "gdb: svesim exit status $st, expected 7"; cat "$tmp/gdb.log" "$tmp/gdb.err"; fi

# 1b. For system programmers (issue 16): system registers by name, monitor commands, hardware
#     watchpoints. Expected values: gdb_target.s (CPTR_EL3 = EZ, ZCR_EL3 = 15 at max VL 512, the
#     str to block+8 at `done`+4) and the Arm ARM (CurrentEL = EL << 2).
port=$(free_port)
start sys "$port" --max-vl 512 "$progs/gdb_target.elf"
timeout 60 gdb-multiarch -batch -nx "$progs/gdb_target.elf" \
  -ex "target remote :$port" -ex 'break *done' -ex continue -ex 'p/x $CPTR_EL3' -ex 'p $CurrentEL' \
  -ex 'p/x $ZCR_EL3' -ex 'set var $ELR_EL2 = 0x1234' -ex 'p/x $ELR_EL2' -ex 'p $VTTBR_EL2' -ex 'monitor sysreg ELR_EL2' \
  -ex 'monitor info el' -ex 'monitor info vl' -ex 'monitor policy' -ex 'monitor sysreg ZCR_EL3' \
  -ex 'monitor sysreg NOPE_EL9' -ex 'monitor info worlds' -ex 'monitor help' -ex 'monitor frobnicate' \
  -ex 'set var $x3 = 7' -ex 'rwatch *(long*)((char*)&block+8)' -ex 'watch *(long*)((char*)&block+8)' \
  -ex continue -ex 'printf "pc=%#lx\n", $pc' -ex 'delete' -ex 'awatch *(long*)&block' -ex continue \
  >"$tmp/gdb.log" 2>&1
status_of sys
check_log "a system register by name" '^\$1 = 0x100$'
check_log "CurrentEL at EL3" '^\$2 = 12$'
check_log "ZCR_EL3" '^\$3 = 0xf$'
check_log "a system register written" '^\$4 = 0x1234$'
check_log "... in the PE, not in a gdb variable" '^ELR_EL2 = 0x1234$'
check_log "VTTBR_EL2 exists" '^\$5 = 0$'
check_log "monitor info el" '^EL3 \(CurrentEL 0xc\), SP_EL3; HCR_EL2 0x0'
check_log "monitor info vl" '^VL 512 bits \(VG 8\) at EL3; ZCR_EL1.LEN 0, ZCR_EL2.LEN 0, ZCR_EL3.LEN 15; implemented maximum 512 bits$'
check_log "monitor policy" '^zero-or-preserve policy: preserve$'
check_log "monitor sysreg" '^ZCR_EL3 = 0xf$'
check_log "monitor sysreg unknown" "^unknown system register 'NOPE_EL9'"
check_log "monitor info worlds" '^EL3; HCR_EL2.VM 0'
check_log "monitor help" 'monitor sysreg +sysreg NAME'
check_log "an unknown monitor command lists the commands" "^unknown monitor command 'frobnicate'; svesim's are:"
check_log "a write watchpoint stops at the store" 'Old value = 0'
check_log "with the new value" 'New value = 7'
check_log "right after the store, as on hardware" '^pc=0x40080034$'
check_log "a read watchpoint is not hit by a store" '^Hardware read watchpoint [0-9]+:'
if grep -Eq '^Value = ' "$tmp/gdb.log"; then fail "gdb: the read watchpoint or the access watchpoint on block fired (nothing reads block)"; else pass "gdb: watchpoints on other kinds of access stay quiet"; fi
check_log "the run then ends" "exited with code 07"

# 2. gdb kill ends the run with status 119.
port=$(free_port)
start kill "$port" "$progs/gdb_target.elf"
timeout 60 gdb-multiarch -batch -nx "$progs/gdb_target.elf" -ex "target remote :$port" \
  -ex 'break *done' -ex continue -ex kill >"$tmp/kill.log" 2>&1
status_of kill
if [[ $st -eq 119 ]] && grep -q "killed the run" "$tmp/kill.err"; then pass "gdb: kill"; else
  fail "gdb: kill gave status $st"; cat "$tmp/kill.log" "$tmp/kill.err"; fi

# 3. A raw client: malformed packets, interrupt (0x03) while running, then vanish without
#    detaching; and Ctrl-C while the PE sleeps in WFI with nothing else to wake it.
cat >"$tmp/rsp.py" <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.settimeout(30)
buf = b""
def send(p):
    s.sendall(b"$%s#%02x" % (p, sum(p) & 0xFF))
def recv():
    global buf
    while True:
        start = buf.find(b"$")
        end = buf.find(b"#", start + 1) if start >= 0 else -1
        if start >= 0 and end >= 0 and len(buf) >= end + 3:
            body, buf = buf[start + 1:end], buf[end + 3:]
            s.sendall(b"+")
            return body
        chunk = s.recv(65536)
        if not chunk:
            sys.exit("connection closed")
        buf += chunk
def ask(p):
    send(p)
    return recv()
assert ask(b"?") == b"S05"
for bad in (b"Z0", b"z1", b"Z0,zz,4", b"m", b"mzz,4", b"p", b"pfffffffffff", b"P22=zz", b"G00",
            b"qXfer:features:read:target.xml:zz,1", b"qXfer:features:read:other.xml:0,10"):
    reply = ask(bad)
    assert reply.startswith(b"E") or reply == b"", (bad, reply)
assert ask(b"m40080000,4") != b""  # still serving
send(b"c"); time.sleep(0.3); s.sendall(b"\x03")
assert recv() == b"S02"
assert len(ask(b"p20")) == 16
if sys.argv[2] == "vanish":
    send(b"c"); time.sleep(0.1)
    s.close()
else:
    send(b"k"); time.sleep(0.2)
PY
port=$(free_port)
start raw "$port" --max-insns 200000000 "$progs/spin.elf"
if python3 "$tmp/rsp.py" "$port" vanish; then
  pass "raw: malformed packets refused; Ctrl-C stops the running PE (S02)"; else fail "raw: client"; fi
status_of raw
if [[ $st -eq 124 ]] && grep -q "debugger disconnected; the run goes on" "$tmp/raw.err"; then
  pass "raw: a vanished debugger detaches and the run finishes"; else
  fail "raw: status $st after disconnect"; cat "$tmp/raw.err"; fi
port=$(free_port)
start wfi "$port" "$progs/wfi_irq.elf"
if python3 "$tmp/rsp.py" "$port" kill; then pass "raw: Ctrl-C reaches a PE asleep in WFI"; else
  fail "raw: Ctrl-C in WFI"; fi
status_of wfi
if [[ $st -eq 119 ]]; then pass "raw: kill after the WFI interrupt"; else
  fail "raw: WFI run status $st"; cat "$tmp/wfi.err"; fi

# 4. A port in use is refused at once with one line.
port=$(free_port)
python3 -c "import socket,time; s=socket.socket(); s.bind(('0.0.0.0', $port)); s.listen(); open('$tmp/busy.ready', 'w').close(); time.sleep(30)" &
pids+=($!)
for _ in $(seq 200); do [[ -f $tmp/busy.ready ]] && break; sleep 0.05; done
timeout 10 "$svesim" run --gdb "$port" "$progs/gdb_target.elf" >"$tmp/busy.out" 2>"$tmp/busy.err"
st=$?
if [[ $st -eq 2 && $(wc -l <"$tmp/busy.err") -eq 1 ]] && grep -q "gdb_port $port: .*in use" "$tmp/busy.err"; then
  pass "port in use refused"; else fail "port in use: status $st"; cat "$tmp/busy.err"; fi

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
