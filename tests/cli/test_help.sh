#!/usr/bin/env bash
# A command line that explains itself (issue 16): the command list, help for every command and
# subcommand, --version, SystemC's messages off stdout, bash completion from the option tables,
# and the exit-status table pinned (code by code, and as README.md and docs/platform.md carry it).
# Usage: test_help.sh SVESIM PROGRAM_DIR
set -uo pipefail
svesim="$1"
progs=$(cd "$2" && pwd)
docs="$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "PASS $*"; }

commands="run scenario sweep plot params disasm vl-table sysregs version help completion"

# Bare svesim, --help, -h and help: the command list, one line each, exit 0.
for args in "" "--help" "-h" "help"; do
  # shellcheck disable=SC2086
  timeout 20 "$svesim" $args >"$tmp/out" 2>"$tmp/err"; st=$?
  ok=1
  for c in $commands; do grep -Eq "^  $c +[a-z]" "$tmp/out" || ok=0; done
  if [[ $st -eq 0 && $ok -eq 1 && ! -s "$tmp/err" ]]; then pass "svesim $args lists the commands"
  else fail "svesim $args: status $st"; head -5 "$tmp/out" "$tmp/err"; fi
done

# help CMD and CMD --help for every command and subcommand.
for c in run "scenario list" "scenario run" scenario sweep plot params disasm vl-table sysregs version completion; do
  # shellcheck disable=SC2086
  for form in "help $c" "$c --help"; do
    timeout 20 "$svesim" $form >"$tmp/out" 2>"$tmp/err" </dev/null; st=$?
    first=${c%% *}
    if [[ $st -eq 0 && -s "$tmp/out" && ! -s "$tmp/err" ]] && grep -q "svesim $first" "$tmp/out"; then
      pass "svesim $form"
    else fail "svesim $form: status $st"; head -3 "$tmp/out" "$tmp/err"; fi
  done
done
timeout 20 "$svesim" help nosuch >"$tmp/out" 2>"$tmp/err"; st=$?
[[ $st -eq 2 ]] && grep -q "unknown command 'nosuch'" "$tmp/err" && pass "help of an unknown command" || fail "help nosuch: $st"
timeout 20 "$svesim" scenario fly >"$tmp/out" 2>"$tmp/err"; st=$?
[[ $st -eq 2 ]] && grep -q "unknown subcommand 'fly'" "$tmp/err" && pass "unknown scenario subcommand" || fail "scenario fly: $st"

# --version: svesim's version, SystemC's, the build type.
timeout 20 "$svesim" --version >"$tmp/out" 2>"$tmp/err"; st=$?
if [[ $st -eq 0 ]] && grep -Eq "^svesim [0-9]+\.[0-9]+" "$tmp/out" && grep -Eq "^SystemC [0-9]" "$tmp/out" &&
   grep -Eq "^build type [A-Za-z]+" "$tmp/out"; then pass "--version"; else fail "--version: $st"; cat "$tmp/out" "$tmp/err"; fi

# SystemC's banner and messages never reach stdout: a run's stdout is the program's output only.
timeout 20 "$svesim" run "$progs/exit_code.elf" >"$tmp/out" 2>"$tmp/err"
if [[ ! -s "$tmp/out" ]]; then pass "no SystemC output on stdout"; else fail "stdout of a run:"; cat "$tmp/out"; fi

# SystemC's kernel messages, when asked for, go to stderr with svesim's prefix.
SVESIM_SYSTEMC_INFO=1 timeout 20 "$svesim" run --vcd "$tmp/x.vcd" "$progs/exit_code.elf" >"$tmp/out" 2>"$tmp/err"
if [[ ! -s "$tmp/out" ]] && grep -q "^svesim: SystemC: " "$tmp/err"; then pass "SystemC messages on stderr"
else fail "SystemC messages:"; cat "$tmp/out" "$tmp/err"; fi

# Bash completion, generated from the option tables.
timeout 20 "$svesim" completion bash >"$tmp/comp.bash" 2>"$tmp/err"; st=$?
if [[ $st -eq 0 ]] && bash -n "$tmp/comp.bash"; then pass "completion bash is a bash script"; else fail "completion bash: $st"; cat "$tmp/err"; fi
complete_words() { # words... : what completing the last word offers
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _svesim; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$tmp/comp.bash" "$@"
}
check_completion() { # expected words... -- words...
  local want=() got
  while [[ $1 != -- ]]; do want+=("$1"); shift; done; shift
  got=$(complete_words "$@")
  for w in "${want[@]}"; do
    grep -qx -- "$w" <<<"$got" || { fail "completion of '$*' lacks $w: $(echo $got)"; return; }
  done
  pass "completion of '$*'"
}
check_completion scenario -- svesim sc
check_completion --max-insns --max-time --max-vl -- svesim run --max
check_completion --timeout --progress --stats-json --check -- svesim run --
check_completion list run -- svesim scenario ""
check_completion --policy -- svesim scenario run --pol
check_completion --grid --resume --shard -- svesim sweep --
check_completion exit-codes run -- svesim help ""
check_completion bash -- svesim completion ""
timeout 20 "$svesim" completion zsh >"$tmp/out" 2>"$tmp/err"; st=$?
[[ $st -eq 2 ]] && grep -q "shell 'zsh' is not supported" "$tmp/err" && pass "completion zsh refused" || fail "completion zsh: $st"

# The exit-status table, pinned: every code and what it means.
timeout 20 "$svesim" help exit-codes >"$tmp/codes" 2>&1
pinned="0 1 2 70 73 117 118 119 120 121 122 123 124 125 130 143 110 111 112 113 114 115"
got=$(grep -Eo "^ +[0-9]+  " "$tmp/codes" | tr -d ' ' | tr '\n' ' ' | sed 's/ $//')
[[ $got == "$pinned" ]] && pass "exit codes are $pinned" || fail "exit codes: '$got', pinned '$pinned'"
for want in "  2  bad usage" " 73  an output file cannot be written" "117  exception storm" "118  --check found violations" \
            "119  the debugger killed the run" "120  the ELF cannot be opened" "123  the ELF does not fit" \
            "124  a limit was reached" "125  stuck: in WFI/WFE" "130  interrupted by SIGINT" "143  terminated by SIGTERM"; do
  grep -q -- "$want" "$tmp/codes" || fail "exit-code table lacks '$want'"
done
timeout 20 "$svesim" help exit-codes --markdown >"$tmp/codes.md"
for doc in README.md docs/platform.md; do
  if python3 -c 'import sys; sys.exit(open(sys.argv[1]).read() not in open(sys.argv[2]).read())' "$tmp/codes.md" "$docs/$doc"; then
    pass "$doc carries svesim help exit-codes --markdown"
  else fail "$doc's exit-status table is not svesim help exit-codes --markdown"; fi
done

echo "$failures failure(s)"
exit $((failures > 0))
