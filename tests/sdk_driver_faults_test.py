"""The faulty-driver matrix of `ecr-conform sdk run`: for every request or report fault of the boto3
driver (ECRC_DRIVER_FAULTS, sdk/drivers/boto3/faults.py), a run over a few cases that exercise it
must fail the checks tests/sdk_fault_expectations.json names, and a clean run over the same cases
must pass those very checks: each check can fail, and does not fail on what boto3 really does.

Each entry of "faults": {"cases": [--case globs], "checks": {check id glob: finding text}, "exit": N}.
A check id glob (`*` is the only wildcard; brackets are literal) must match at least one check of
the fault's run, and every check it matches must be `failed` with a finding (message, path,
expected, observed) containing the text (or each text of a list). The run must exit N: 1 when an
error-severity check fails, 0 when only warnings do (sdk_request_no_null, sdk_retries). Every
fault the driver lists must be in "faults" or in "broken_driver" (tests/sdk_bad_driver_test.py).

Boto3's own deviations in the clean run (sdk_error_code[*.header_only],
sdk_error_reported[resilience.truncated_body]) are not faults of ours: the selections avoid them,
and only the listed checks are compared.

Skipped (exit 77) where the `python3` on PATH has no boto3.

usage: sdk_driver_faults_test.py BINARY [FAULT ...]
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER_RUN = os.path.join(os.path.dirname(HERE), "sdk", "drivers", "boto3", "run")
RUN_BOUND_SECONDS = 120  # one run takes seconds; the bound only catches a hang
PARALLEL_RUNS = 3
SKIP = 77  # ctest's SKIP_RETURN_CODE


def glob_match(name, glob):
    """`*` matches any run of characters; everything else, brackets included, is literal (check ids contain brackets)."""
    return re.fullmatch(".*".join(re.escape(part) for part in glob.split("*")), name) is not None


def texts(value):
    return value if isinstance(value, list) else [value]


def finding_text(finding):
    return " | ".join(str(finding.get(key, "")) for key in ("message", "path", "expected", "observed"))


def have_boto3():
    """The boto3 driver runs the `python3` on PATH (sdk/drivers/boto3/run)."""
    return subprocess.run(["python3", "-c", "import boto3"], capture_output=True).returncode == 0


def listed_faults():
    out = subprocess.run([DRIVER_RUN, "--list-faults"], capture_output=True, text=True, check=True).stdout
    return [line.split(":", 1)[0] for line in out.splitlines() if line.strip()]


def sdk_run(binary, cases, report_dir, fault):
    """Runs `sdk run --driver boto3` over the cases; returns (exit code, seconds, {check id: check})."""
    env = {k: v for k, v in os.environ.items() if k != "ECRC_DRIVER_FAULTS"}
    if fault:
        env["ECRC_DRIVER_FAULTS"] = fault
    argv = [binary, "sdk", "run", "--driver", "boto3", "--report-dir", report_dir, "--format", "json"]
    for glob in cases:
        argv += ["--case", glob]
    started = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=RUN_BOUND_SECONDS)
    seconds = time.monotonic() - started
    path = os.path.join(report_dir, "report.json")
    if not os.path.exists(path):
        raise RuntimeError(f"{fault or 'clean'}: no report.json (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
    with open(path) as f:
        report = json.load(f)
    return proc.returncode, seconds, {c["id"]: c for c in report["checks"]}


def judge_fault(fault, entry, run):
    """Problems of one fault's run against its expectation; and the check ids its globs matched."""
    code, _, checks = run
    problems, matched = [], {}
    for glob, wanted in entry["checks"].items():
        ids = sorted(i for i in checks if glob_match(i, glob))
        matched[glob] = ids
        if not ids:
            problems.append(f"{fault}: no check matches {glob}")
        for i in ids:
            check = checks[i]
            found = [finding_text(f) for f in check["findings"]]
            if check["outcome"] != "failed":
                problems.append(f"{fault}: {i} is {check['outcome']}, want failed; findings: {found[:2]}")
                continue
            for text in texts(wanted):
                if not any(text in f for f in found):
                    problems.append(f"{fault}: {i} failed, but no finding says {text!r}; findings: {found[:2]}")
    failing = {i: c["severity"] for i, c in checks.items() if c["outcome"] in ("failed", "errored")}
    errored = sorted(i for i, c in checks.items() if c["outcome"] == "errored")
    strict = any(sev == "error" for sev in failing.values())
    if errored:
        problems.append(f"{fault}: checks errored (an incomplete verdict): {errored[:5]}")
    if code != entry["exit"]:
        problems.append(f"{fault}: exit {code}, want {entry['exit']}; failing: {sorted(failing)[:8]}")
    elif code != (1 if strict else 0) and not errored:
        problems.append(f"{fault}: exit {code} does not follow the failing checks' severities: {failing}")
    return problems, matched


def main():
    binary = sys.argv[1]
    if not have_boto3():
        print("SKIP: the python3 on PATH has no boto3, which the boto3 driver needs")
        return SKIP
    with open(os.path.join(HERE, "sdk_fault_expectations.json")) as f:
        expectations = json.load(f)
    faults = expectations["faults"]
    problems = []
    listed = listed_faults()
    for name in listed:
        if name not in faults and name not in expectations["broken_driver"]:
            problems.append(f"{name}: listed by the driver, but not in sdk_fault_expectations.json")
    for name in list(faults) + list(expectations["broken_driver"]):
        if name not in listed:
            problems.append(f"{name}: in sdk_fault_expectations.json, but the driver does not list it")
    names = sys.argv[2:] or list(faults)
    union = sorted({glob for name in names for glob in faults[name]["cases"]})

    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(PARALLEL_RUNS) as pool:
        clean_future = pool.submit(sdk_run, binary, union, os.path.join(tmp, "clean"), "")
        futures = {name: pool.submit(sdk_run, binary, faults[name]["cases"], os.path.join(tmp, name), name) for name in names}
        clean_code, clean_seconds, clean = clean_future.result()
        runs = {name: future.result() for name, future in futures.items()}
    total = time.monotonic() - started

    clean_errored = sorted(i for i, c in clean.items() if c["outcome"] == "errored")
    if clean_errored:
        problems.append(f"clean run: checks errored: {clean_errored[:5]}")
    print(f"clean run over {len(union)} case globs: exit {clean_code}, {clean_seconds:.1f} s, {len(clean)} checks")
    rows = []
    for name in names:
        fault_problems, matched = judge_fault(name, faults[name], runs[name])
        problems += fault_problems
        caught = sorted({i for ids in matched.values() for i in ids})
        # The same checks, on the same cases, with a correct driver: passed.
        for i in caught:
            outcome = clean[i]["outcome"] if i in clean else "absent"
            if outcome != "passed":
                problems.append(f"{name}: {i} is {outcome} in the clean run, want passed")
        code, seconds, _ = runs[name]
        rows.append((name, code, seconds, "OK" if not fault_problems else "PROBLEM", caught))
    width = max(len(r[0]) for r in rows)
    print(f"{'fault'.ljust(width)}  exit  secs  verdict  checks that failed as expected (passed when clean)")
    for name, code, seconds, verdict, caught in rows:
        print(f"{name.ljust(width)}  {code:4}  {seconds:4.1f}  {verdict:7}  {', '.join(caught)}")
    print(f"{len(names)} faults and the clean run in {total:.1f} s ({PARALLEL_RUNS} at a time)")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
