#!/usr/bin/env bash
# ctest fuzz.detects.*: replays a target's corpus against a reference server running the fault
# switches in ECRC_FUZZ_FAULTS and passes only when the target reports a broken property whose
# message matches PATTERN (so it fails for the reason the fault breaks, not any reason).
# usage: expect_violation.sh TARGET_BINARY CORPUS_DIR PATTERN
set -uo pipefail
out=$("$1" "$2" 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  echo "the corpus replayed clean although ECRC_FUZZ_FAULTS=${ECRC_FUZZ_FAULTS:-} breaks the property"
  exit 1
fi
if ! grep -qE "$3" <<<"$out"; then
  echo "the target failed (exit $status), but not with /$3/:"
  tail -20 <<<"$out"
  exit 1
fi
grep -m1 -A1 "fuzz property violated" <<<"$out" | cut -c1-300
