# Helpers for tests that stop a running svesim with a signal. Sourced by tests/cli/test_nohang.sh
# and tests/scenarios/test_own_programs.sh.
#
# wait_catches PID SIGNAME: waits (up to 60 s) until process PID itself has a handler for SIGNAME
# (its SigCgt mask in /proc). PID must be svesim's own, never a wrapper's such as timeout(1): a
# wrapper catches the signal at once and forwards it, so on a loaded machine svesim could still be
# starting and die of the default action with the expected exit status but no output (seen in CI,
# stop 13). Returns 1 if the handler never appears.
wait_catches() {
  local pid=$1 num cgt
  num=$(kill -l "$2") || return 1
  for _ in $(seq 600); do
    cgt=$(awk '/^SigCgt:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
    [[ -n $cgt ]] && (((16#$cgt >> (num - 1)) & 1)) && return 0
    sleep 0.1
  done
  return 1
}

# wait_lines FILE N: waits (up to 120 s) until FILE has at least N lines.
wait_lines() {
  for _ in $(seq 1200); do
    [[ -f $1 && $(wc -l <"$1") -ge $2 ]] && return 0
    sleep 0.1
  done
  return 1
}
