"""For every fault switch of the reference server, `ecr-conform run` against `serve --fault X`
must fail, and the checks that catch it must include the ones tests/fault_expectations.json names.
A fault no check catches fails this test; so does a fault missing from the expectations file.

usage: fault_matrix_test.py BINARY [FAULT ...]
"""
import fnmatch
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from serve_util import served  # noqa: E402


def faults(binary):
    out = subprocess.run([binary, "serve", "--list-faults"], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def run_against(binary, url, report_dir):
    proc = subprocess.run([binary, "run", "--endpoint-url", url, "--report-dir", report_dir, "--format", "json", "--jobs", "2"],
                          capture_output=True, text=True, timeout=300)
    with open(os.path.join(report_dir, "report.json")) as f:
        report = json.load(f)
    failing = sorted(c["id"] for c in report["checks"] if c["outcome"] in ("failed", "errored"))
    return proc.returncode, failing


def main():
    binary = sys.argv[1]
    expectations = json.load(open(os.path.join(os.path.dirname(__file__), "fault_expectations.json")))
    names = sys.argv[2:] or faults(binary)
    problems = []
    for fault in names:
        with tempfile.TemporaryDirectory() as tmp, served(binary, "--fault", fault) as url:
            code, failing = run_against(binary, url, tmp)
        globs = expectations.get(fault)
        caught = [g for g in (globs or []) if any(fnmatch.fnmatchcase(f, g) for f in failing)]
        print(f"{fault}: exit {code}, {len(failing)} failing checks, e.g. {failing[:4]}")
        if code != 1 or not failing:
            problems.append(f"{fault}: the suite did not fail (exit {code})")
        elif globs is None:
            problems.append(f"{fault}: not in fault_expectations.json; failing checks: {failing[:10]}")
        elif len(caught) != len(globs):
            problems.append(f"{fault}: expected failures matching {globs}, caught only {caught}; failing: {failing[:10]}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
