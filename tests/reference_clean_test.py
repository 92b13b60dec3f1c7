"""`ecr-conform run` against the embedded reference server: every check passes (warnings
included), exit 0, and the coverage is complete except for what cannot be provoked from outside.

usage: reference_clean_test.py BINARY
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([binary, "run", "--report-dir", tmp, "--jobs", "2"], capture_output=True, text=True, timeout=110)
        print(proc.stdout)
        print(proc.stderr, file=sys.stderr)
        report = json.load(open(os.path.join(tmp, "report.json")))
        for name in ("report.junit.xml", "report.md", "report.html"):
            assert os.path.getsize(os.path.join(tmp, name)) > 0, name
    bad = [c["id"] for c in report["checks"] if c["outcome"] not in ("passed", "skipped")]
    cov = report["coverage"]
    problems = []
    if proc.returncode != 0:
        problems.append(f"exit code {proc.returncode}")
    if bad:
        problems.append(f"checks not passing: {bad[:20]}")
    if cov["operations_missed"]:
        problems.append(f"operations not exercised: {cov['operations_missed']}")
    if cov["paginators_missed"]:
        problems.append(f"paginators not verified: {cov['paginators_missed']}")
    if cov["errors_missed"]:
        problems.append(f"declared errors not provoked (and not listed as unprovokable): {cov['errors_missed']}")
    # The property suite (on by default): 200 cases of up to 50 steps, every command at least 20 runs.
    prop = report.get("property")
    if not prop:
        problems.append("the report has no property suite statistics")
    else:
        if prop["cases"] != 200 or prop["max_steps"] != 50:
            problems.append(f"property suite ran {prop['cases']} cases of at most {prop['max_steps']} steps, not 200 of 50")
        if len(prop["commands"]) != 23:
            problems.append(f"property commands that ran: {len(prop['commands'])} of 23")
        rare = {k: v for k, v in prop["commands"].items() if v < 20}
        if rare:
            problems.append(f"property commands run fewer than 20 times: {rare}")
        print(f"property suite: {prop['cases']} cases, {prop['steps']} steps, runs per command {prop['commands']}")
    skipped = [c["id"] for c in report["checks"] if c["outcome"] == "skipped"]
    print(f"{len(report['checks'])} checks, skipped: {skipped}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
