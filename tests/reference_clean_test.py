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
    skipped = [c["id"] for c in report["checks"] if c["outcome"] == "skipped"]
    print(f"{len(report['checks'])} checks, skipped: {skipped}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
