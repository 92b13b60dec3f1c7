#!/usr/bin/env python3
"""Runs one shipped SDK driver over every case and holds its report to the triaged list.

usage: sdk_drivers_test.py ECR_CONFORM DRIVER KNOWN_DEVIATIONS_JSON

Passes when: the run finishes within the issue's time bound (boto3: 60 s); no check errored;
the driver kept the protocol; every workflow case was answered with success by the reference
(so the workflow really ran end to end); and every failing check is one the triage file lists
for this driver (tests/sdk_known_deviations.json), while every non-flaky listed deviation still
fails (a fixed SDK must update the list and the committed report).
"""
import json
import re
import subprocess
import sys
import tempfile
import time

import process_util

# The bound for boto3 over all cases; the other drivers get the same.
MAX_SECONDS = 60


def glob_match(glob, text):
    """`*` any run, `?` one character, everything else literal (check ids carry brackets)."""
    pattern = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in glob)
    return re.fullmatch(pattern, text, re.S) is not None


def matches(entry, check):
    if not glob_match(entry["checks"], check["id"]):
        return False
    needle = entry.get("observed_contains")
    if needle is None:
        return True
    return any(needle in (f.get("observed", "") + f.get("message", "")) for f in check.get("findings", []))


def main():
    binary, driver, known_path = sys.argv[1:4]
    known = json.load(open(known_path, encoding="utf-8"))[driver]
    problems = []
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        proc = subprocess.run([binary, "sdk", "run", "--driver", driver, "--report-dir", out],
                              capture_output=True, text=True, timeout=600)
        seconds = time.monotonic() - started
        print(proc.stdout[-3000:], proc.stderr[-2000:])
        report = json.load(open(f"{out}/report.json", encoding="utf-8"))
    checks = report["checks"]
    by_id = {c["id"]: c for c in checks}
    if seconds > MAX_SECONDS:
        problems.append(f"the run took {seconds:.1f} s (bound {MAX_SECONDS} s)")
    if proc.returncode not in (0, 1):
        problems.append(f"exit code {proc.returncode}")
    if by_id.get("sdk_driver_protocol", {}).get("outcome") != "passed":
        problems.append(f"sdk_driver_protocol: {by_id.get('sdk_driver_protocol')}")
    workflow = [c for c in checks if c["id"].startswith(("sdk_output_decoded[workflow.", "sdk_error_code[workflow."))]
    if len(workflow) < 20 or any(not c["id"].startswith("sdk_output_decoded[") for c in workflow):
        problems.append("the workflow did not run end to end against the reference: " +
                        ", ".join(c["id"] for c in workflow if not c["id"].startswith("sdk_output_decoded[")))
    matched = {i: 0 for i in range(len(known))}
    unexplained = []
    for c in checks:
        if c["outcome"] == "errored":
            problems.append(f"errored: {c['id']}: {c.get('findings')}")
        if c["outcome"] != "failed":
            continue
        hits = [i for i, entry in enumerate(known) if matches(entry, c)]
        for i in hits:
            matched[i] += 1
        if not hits:
            unexplained.append(c)
    for c in unexplained[:20]:
        problems.append(f"untriaged failure {c['id']}: {json.dumps(c.get('findings'))[:400]}")
    if len(unexplained) > 20:
        problems.append(f"... {len(unexplained) - 20} more untriaged failures")
    # A skip is allowed only where the SDK reported no error because a triaged failure took its place.
    for c in checks:
        if c["outcome"] == "skipped" and c["check"] == "sdk_error_message":
            sibling = by_id.get(c["id"].replace("sdk_error_message[", "sdk_error_code[", 1))
            if not sibling or sibling["outcome"] != "failed" or sibling in unexplained:
                problems.append(f"skipped without a triaged cause: {c['id']}")
        elif c["outcome"] == "skipped":
            problems.append(f"skipped: {c['id']}: {c.get('skip_reason')}")
    for i, entry in enumerate(known):
        if not entry.get("flaky") and matched[i] == 0:
            problems.append(f"listed deviation no longer fails (update the triage and the report): {entry['checks']}")
    summary = {e["checks"] + (" / " + e["observed_contains"] if "observed_contains" in e else ""): matched[i] for i, e in enumerate(known)}
    print(f"{driver}: {len(checks)} checks in {seconds:.1f} s; failures per triaged deviation: {summary}")
    return process_util.exit_status(problems)


if __name__ == "__main__":
    sys.exit(main())
