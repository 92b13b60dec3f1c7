#!/usr/bin/env bash
# ctest fuzz.oss_fuzz_build: runs fuzz/build.sh with the variables OSS-Fuzz and ClusterFuzzLite
# set (clang, a minimal -O0 build, libFuzzer as the engine, a scratch $OUT), then checks that
# every target and its seed corpus zip are there and that one target runs on its seeds.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v clang++-14 >/dev/null || { echo "skipped: clang++-14 is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CC=clang-14 CXX=clang++-14
export CFLAGS="-O0 -g0 -fsanitize=fuzzer-no-link" CXXFLAGS="-O0 -g0 -fsanitize=fuzzer-no-link"
export LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT="$tmp/out" WORK="$tmp/work" SRC="$(dirname "$root")"
mkdir -p "$OUT" "$WORK"
start=$(date +%s)
nice -n 10 "$root/fuzz/build.sh" >"$tmp/build.log" 2>&1 || { tail -40 "$tmp/build.log"; exit 1; }
for source in "$root"/fuzz/fuzz_*.cc; do
  t=$(basename "$source" .cc); t=${t#fuzz_}
  [ -x "$OUT/$t" ] || { echo "missing target binary $OUT/$t"; exit 1; }
  [ -s "$OUT/${t}_seed_corpus.zip" ] || { echo "missing seed corpus $OUT/${t}_seed_corpus.zip"; exit 1; }
done
mkdir "$tmp/seeds"
python3 -m zipfile -e "$OUT/request_round_trip_seed_corpus.zip" "$tmp/seeds"
"$OUT/request_round_trip" -runs=10 "$tmp/seeds" >"$tmp/run.log" 2>&1 || { tail -20 "$tmp/run.log"; exit 1; }
grep -qE "^Done [0-9]+ runs" "$tmp/run.log" || { tail -20 "$tmp/run.log"; exit 1; }
echo "fuzz/build.sh: $(ls "$OUT" | wc -l) files in \$OUT, built and checked in $(( $(date +%s) - start )) s"
