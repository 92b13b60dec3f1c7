#!/usr/bin/env bash
# Load test of the reference server: 64 concurrent keep-alive connections (wrk) send a mix of
# reads and writes for 30 s. Passes when no response is a 5xx and no connection was dropped
# (wrk's connect/read/write/timeout errors); prints the server's peak RSS (VmHWM).
#
# usage: bench/server_load.sh [--binary build/cli/ecr-conform] [--duration 30] [--connections 64]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary="${ECRC_BUILD_DIR:-$root/build}/cli/ecr-conform"
duration=30
connections=64
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "server_load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "server_load.sh: wrk is not installed (scripts/deps installs it)" >&2; exit 2; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The server's stdout goes to a file; its first line is the URL.
"$binary" serve --port 0 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do
  [ -s "$work/server.out" ] && break
  sleep 0.1
done
url=$(head -n1 "$work/server.out")
[ -n "$url" ] || { echo "server_load.sh: the server printed no URL" >&2; cat "$work/server.err" >&2; exit 2; }

seed_env=$(python3 "$root/bench/seed.py" "$url" --repos 10)
# shellcheck disable=SC2086
export $seed_env
rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")

wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$root/bench/wrk/mixed_load.lua" "$url" \
  | tee "$work/wrk.out"

hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
alive=yes
kill -0 "$server_pid" 2>/dev/null || alive=no
line=$(grep '^LOAD ' "$work/wrk.out" || true)
get() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
five=$(get 5xx); connect=$(get connect); read_e=$(get read); write_e=$(get write); timeout_e=$(get timeout)
dropped=$(( ${connect:-1} + ${read_e:-1} + ${write_e:-1} + ${timeout_e:-1} ))
echo "server_load: requests=$(get requests) 2xx=$(get 2xx) 4xx=$(get 4xx) 5xx=${five:-?} dropped_connections=$dropped" \
     "rss_before_kib=$rss_before peak_rss_kib=$hwm server_alive=$alive"
if [ -z "$line" ] || [ "${five:-1}" -ne 0 ] || [ "$dropped" -ne 0 ] || [ "$alive" != yes ]; then
  echo "server_load: FAIL" >&2
  exit 1
fi
echo "server_load: PASS"
