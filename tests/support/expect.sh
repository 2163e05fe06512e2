# expect NAME STATUS STDERR_REGEX COMMAND...: runs COMMAND (stdout to $tmp/out, stderr to
# $tmp/err) and checks its exit status and, with a regex, that stderr is exactly one line matching
# it; prints PASS/FAIL and counts failures in $failures. Sourced by the command-line tests
# (tests/cli/test_cli.sh, tests/boot/test_boot_cli.sh), which set $tmp and failures=0.
expect() { # name expected_status stderr_regex command...
  local name=$1 want=$2 regex=$3; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  local lines; lines=$(wc -l <"$tmp/err")
  if [[ $got -ne $want ]]; then
    echo "FAIL $name: exit status $got, expected $want"; cat "$tmp/err"; failures=$((failures + 1))
  elif [[ -n $regex ]] && ! grep -Eq -e "$regex" "$tmp/err"; then
    echo "FAIL $name: stderr does not match /$regex/:"; cat "$tmp/err"; failures=$((failures + 1))
  elif [[ -n $regex && $lines -ne 1 ]]; then
    echo "FAIL $name: $lines lines on stderr, expected one:"; cat "$tmp/err"; failures=$((failures + 1))
  else
    echo "PASS $name"
  fi
}
