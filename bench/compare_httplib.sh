#!/usr/bin/env bash
# DescribeRepositories throughput of the reference server (10 repositories stored) against a
# trivial tuned cpp-httplib handler returning a fixed 200-byte JSON, with the same wrk settings
# in the same run. Rounds alternate between the two to even out noise on a shared machine.
# Prints both rates and the ratio; the target is >= 70%.
#
# usage: bench/compare_httplib.sh [--binary ecr-conform] [--trivial trivial_httplib_server]
#                                 [--duration 10] [--rounds 2] [--connections 32]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${ECRC_BUILD_DIR:-$root/build}"
binary="$build/cli/ecr-conform"
trivial="$build/bench/trivial_httplib_server"
duration=10
rounds=2
connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --trivial) trivial=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "compare_httplib.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do
    kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# start NAME CMD...: runs CMD in the background (not in a subshell, so its pid is recorded for
# cleanup) and sets `url` from the first line of its stdout.
start() {
  local name=$1; shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 100); do
    [ -s "$work/$name.out" ] && break
    sleep 0.1
  done
  url=$(head -n1 "$work/$name.out")
}

start reference "$binary" serve --port 0
ref_url=$url
start trivial "$trivial" --port 0
triv_url=$url
[ -n "$ref_url" ] && [ -n "$triv_url" ] || { echo "compare_httplib.sh: a server did not start" >&2; exit 2; }
python3 "$root/bench/seed.py" "$ref_url" --repos 10 >/dev/null

lua="$root/bench/wrk/describe_repositories.lua"
# Both answer the same request; check the reference returns the 10 repositories.
body=$(curl -s -X POST -H 'Content-Type: application/x-amz-json-1.1' \
  -H 'X-Amz-Target: SpencerFrontendService.DescribeRepositories' -d '{}' "$ref_url/")
count=$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["repositories"]))' "$body")
[ "$count" -eq 10 ] || { echo "compare_httplib.sh: DescribeRepositories returned $count repositories" >&2; exit 2; }

rate() {  # rate URL: requests/s from one wrk run (errors make the run invalid)
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$lua" "$1")
  if grep -q -E 'Non-2xx|Socket errors' <<<"$out"; then
    echo "compare_httplib.sh: wrk saw errors against $1:" >&2
    echo "$out" >&2
    exit 1
  fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

wrk -t2 -c"$connections" -d2s -s "$lua" "$ref_url" >/dev/null   # warm-up
wrk -t2 -c"$connections" -d2s -s "$lua" "$triv_url" >/dev/null
ref_rates=(); triv_rates=()
for _ in $(seq "$rounds"); do
  ref_rates+=("$(rate "$ref_url")")
  triv_rates+=("$(rate "$triv_url")")
done
python3 - "${ref_rates[*]}" "${triv_rates[*]}" <<'PY'
import sys
ref = [float(x) for x in sys.argv[1].split()]
triv = [float(x) for x in sys.argv[2].split()]
r, t = sum(ref) / len(ref), sum(triv) / len(triv)
print("DescribeRepositories (10 repositories), reference: %s req/s, mean %.0f" % (", ".join("%.0f" % x for x in ref), r))
print("trivial cpp-httplib handler (200-byte JSON):       %s req/s, mean %.0f" % (", ".join("%.0f" % x for x in triv), t))
print("ratio: %.1f%% (target >= 70%%) %s" % (100 * r / t, "PASS" if r >= 0.7 * t else "FAIL"))
sys.exit(0 if r >= 0.7 * t else 1)
PY
