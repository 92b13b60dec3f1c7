"""For every fault switch of the reference server, `ecr-conform run` against `serve --fault X`
must fail, and the checks that catch it must include the ones tests/fault_expectations.json names
(each entry: {"checks": [id globs], "serve": [extra serve flags], "run": [extra run flags]}).
A fault no check catches fails this test; so does a fault missing from the expectations file.
The run must exit 1 whenever an error-severity check fails; a fault caught only by warnings
(facts the fact sheet marks E/U) must still show those checks failed.

usage: fault_matrix_test.py BINARY [FAULT ...]
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from serve_util import served  # noqa: E402


def glob_match(name, glob):
    """`*` matches any run of characters; everything else, brackets included, is literal (check ids contain brackets)."""
    return re.fullmatch(".*".join(re.escape(part) for part in glob.split("*")), name) is not None


def faults(binary):
    out = subprocess.run([binary, "serve", "--list-faults"], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def run_against(binary, url, report_dir, extra):
    proc = subprocess.run([binary, "run", "--endpoint-url", url, "--report-dir", report_dir, "--format", "json", "--jobs", "1", "--suite", "contract,scenario", *extra],
                          capture_output=True, text=True, timeout=300)
    with open(os.path.join(report_dir, "report.json")) as f:
        report = json.load(f)
    failing = {c["id"]: c["severity"] for c in report["checks"] if c["outcome"] in ("failed", "errored")}
    return proc.returncode, failing


def main():
    binary = sys.argv[1]
    expectations = json.load(open(os.path.join(os.path.dirname(__file__), "fault_expectations.json")))
    names = sys.argv[2:] or faults(binary)
    problems = []
    for fault in names:
        entry = expectations.get(fault, {})
        with tempfile.TemporaryDirectory() as tmp, served(binary, "--fault", fault, *entry.get("serve", [])) as url:
            code, failing = run_against(binary, url, tmp, entry.get("run", []))
        globs = entry.get("checks") if entry else None
        caught = [g for g in (globs or []) if any(glob_match(f, g) for f in failing)]
        strict = any(sev == "error" for sev in failing.values())
        print(f"{fault}: exit {code}, {len(failing)} failing checks, e.g. {sorted(failing)[:4]}")
        if not failing or code != (1 if strict else 0):
            problems.append(f"{fault}: the suite did not fail as it should (exit {code}, {len(failing)} failing)")
        elif globs is None:
            problems.append(f"{fault}: not in fault_expectations.json; failing checks: {sorted(failing)[:10]}")
        elif len(caught) != len(globs):
            problems.append(f"{fault}: expected failures matching {globs}, caught only {caught}; failing: {sorted(failing)[:10]}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
