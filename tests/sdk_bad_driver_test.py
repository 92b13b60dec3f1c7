"""A broken driver gets a clear error from `ecr-conform sdk run`, never a crash or a hang: the run
ends on its own within a bound, exits 2 (an incomplete verdict), under a memory bound, and its
report says what the driver did wrong.

- The boto3 driver's broken-driver switches ("broken_driver" in tests/sdk_fault_expectations.json:
  {"cases": [...], "timeout": S, "errored": {check id: finding text or list}}; `{first}` and
  `{second}` stand for the ids of the cases file's first and second case): each named check is
  `errored` with a finding containing each text.
- Drivers written here (`--driver python3 SCRIPT`): invalid UTF-8, a 10 MB line, JSON nested
  100 000 levels deep; and a driver command that does not exist.
- The command line: `--case` matching nothing, and `sdk cases --out FILE`.

Where the `python3` on PATH has no boto3, the rest runs and the test exits 77 (skipped) if it passed.

usage: sdk_bad_driver_test.py BINARY [NAME ...]
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time

import process_util

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = ["DescribeImages.max", "CreateRepository.min"]
RUN_BOUND_SECONDS = 60  # a run over two cases takes a few seconds; more is a hang
DEFAULT_TIMEOUT = 30  # --timeout of the runs that should not need it
# The judge reads the results file in chunks: a run over two cases, a 10 MB line included, stays
# far below this (a buffer the size of the 256 MiB read limit, allocated up front, would not).
MAX_RSS_KIB = 200 * 1024
# `sdk cases` writes every case of the model's catalogue (sdk/case_catalog.cc).
ALL_CASES = 735

# Drivers that write what no driver should, into the results file; each must make
# sdk_driver_protocol error with a finding containing the text.
SCRIPTS = {
    "invalid_utf8": (
        r'''
import json, os
cases = json.load(open(os.environ["ECRC_SDK_CASES"]))
with open(os.environ["ECRC_SDK_RESULTS"], "wb") as out:
    for case in cases:
        out.write(b'{"case": "' + case["id"].encode() + b'", "output": {"x": "\xff\xfe\xc0\xaf"}}\n')
        out.write(b'{"case": "\xff' + case["id"].encode() + b'", "output": {}}\n')
''',
        ["not JSON: (not UTF-8)", "the driver never answered 2 of 2 cases"],
    ),
    "huge_line": (
        r'''
import json, os
cases = json.load(open(os.environ["ECRC_SDK_CASES"]))
with open(os.environ["ECRC_SDK_RESULTS"], "w") as out:
    out.write("x" * (10 << 20) + "\n")
    out.write(json.dumps({"case": cases[0]["id"], "output": {"repository": {"repositoryName": "y" * (10 << 20)}}}) + "\n")
''',
        ["line 1: not JSON: xxxx", "the driver never answered 1 of 2 cases"],
    ),
    "deep_nesting": (
        r'''
import json, os
cases = json.load(open(os.environ["ECRC_SDK_CASES"]))
with open(os.environ["ECRC_SDK_RESULTS"], "w") as out:
    for case in cases:
        out.write('{"case": ' + json.dumps(case["id"]) + ', "output": ' + "[" * 100000 + "]" * 100000 + "}\n")
''',
        ["line 1: nested deeper than 64 levels", "the driver never answered 2 of 2 cases"],
    ),
}
MAX_REPORT_BYTES = 1 << 20
SKIP = 77  # ctest's SKIP_RETURN_CODE  # the 10 MB line is quoted in an excerpt, not whole


def have_boto3():
    """The boto3 driver runs the `python3` on PATH (sdk/drivers/boto3/run)."""
    return subprocess.run(["python3", "-c", "import boto3"], capture_output=True).returncode == 0


def measured(argv, bound, env=None):
    """Runs argv, killing it after `bound` s: (exit code, seconds, peak RSS KiB, killed, output)."""
    with tempfile.TemporaryFile("w+") as out:
        result = process_util.measured(argv, bound, out, env)
        out.seek(0)
        return (*result, out.read())


def sdk_run(binary, report_dir, driver, cases, timeout, fault=None):
    env = {k: v for k, v in os.environ.items() if k != "ECRC_DRIVER_FAULTS"}
    if fault:
        env["ECRC_DRIVER_FAULTS"] = fault
    argv = [binary, "sdk", "run", "--driver", *driver, "--report-dir", report_dir, "--format", "json", "--timeout", str(timeout)]
    for glob in cases:
        argv += ["--case", glob]
    return measured(argv, timeout + RUN_BOUND_SECONDS, env)


def ended_badly(code, seconds, rss, killed, bound):
    """Problems with how a run against a broken driver ended: it must end by itself with exit 2."""
    problems = []
    if killed:
        problems.append("still running at the test's bound: killed")
    elif code < 0:
        problems.append(f"died of signal {-code}")
    elif code != 2:
        problems.append(f"exit {code}, want 2")
    if seconds > bound:
        problems.append(f"took {seconds:.1f} s, want < {bound} s")
    if rss >= MAX_RSS_KIB:
        problems.append(f"peak RSS {rss // 1024} MiB, want < {MAX_RSS_KIB // 1024} MiB")
    return problems


def errored_as_expected(report_dir, errored, substitutions):
    """Problems with the report: each named check errored, with a finding containing each text."""
    path = os.path.join(report_dir, "report.json")
    if not os.path.exists(path):
        return ["no report.json written"]
    if os.path.getsize(path) > MAX_REPORT_BYTES:
        return [f"report.json is {os.path.getsize(path)} bytes, want <= {MAX_REPORT_BYTES}"]
    with open(path) as f:
        checks = {c["id"]: c for c in json.load(f)["checks"]}
    problems = []
    for check_id, wanted in errored.items():
        check_id = check_id.format(**substitutions)
        check = checks.get(check_id)
        if check is None:
            problems.append(f"{check_id}: not in the report")
            continue
        found = [f["message"] for f in check["findings"]]
        if check["outcome"] != "errored":
            problems.append(f"{check_id}: {check['outcome']}, want errored; findings: {found[:3]}")
        for text in wanted if isinstance(wanted, list) else [wanted]:
            text = text.format(**substitutions)
            if not any(text in f for f in found):
                problems.append(f"{check_id}: no finding says {text!r}; findings: {[f[:200] for f in found[:4]]}")
    return problems


def planned_order(report_dir):
    """{first}, {second}: the ids of the cases file's first two cases, in the driver's order."""
    with open(os.path.join(report_dir, "driver", "cases.json")) as f:
        ids = [c["id"] for c in json.load(f)]
    return {"first": ids[0], "second": ids[1] if len(ids) > 1 else ""}


def broken_switch(binary, tmp, fault, entry):
    report_dir = os.path.join(tmp, fault)
    timeout = entry.get("timeout", DEFAULT_TIMEOUT)
    bound = timeout + 10 if "timeout" in entry else RUN_BOUND_SECONDS
    code, seconds, rss, killed, output = sdk_run(binary, report_dir, ["boto3"], entry["cases"], timeout, fault)
    problems = ended_badly(code, seconds, rss, killed, bound)
    if not killed:
        problems += errored_as_expected(report_dir, entry["errored"], planned_order(report_dir))
    return f"switch {fault}", code, seconds, rss, problems, output


def bad_script(binary, tmp, name):
    source, texts = SCRIPTS[name]
    script = os.path.join(tmp, name + ".py")
    with open(script, "w") as f:
        f.write(source)
    report_dir = os.path.join(tmp, name)
    code, seconds, rss, killed, output = sdk_run(binary, report_dir, [sys.executable, script], CASES, DEFAULT_TIMEOUT)
    problems = ended_badly(code, seconds, rss, killed, RUN_BOUND_SECONDS)
    if not killed:
        problems += errored_as_expected(report_dir, {"sdk_driver_protocol": texts}, {})
    return f"script {name}", code, seconds, rss, problems, output


def missing_driver(binary, tmp, driver, named):
    """A driver command that cannot be started: exit 2, the message names it."""
    code, seconds, rss, killed, output = sdk_run(binary, os.path.join(tmp, "missing-" + named.strip("/").replace("/", "-")),
                                                 driver, CASES, DEFAULT_TIMEOUT)
    problems = ended_badly(code, seconds, rss, killed, RUN_BOUND_SECONDS)
    if named not in output or "cannot start the driver" not in output:
        problems.append(f"the output does not say the driver {named!r} cannot be started")
    return f"missing driver {' '.join(driver)}", code, seconds, rss, problems, output


def no_case_matches(binary, tmp, command):
    argv = [binary, "sdk", *command, "--case", "nomatch*"]
    if command == ["run"]:
        argv += ["--driver", "boto3", "--report-dir", os.path.join(tmp, "nomatch")]
    code, seconds, rss, killed, output = measured(argv, RUN_BOUND_SECONDS)
    problems = ended_badly(code, seconds, rss, killed, RUN_BOUND_SECONDS)
    if "nomatch*" not in output:
        problems.append("the output does not name the glob 'nomatch*'")
    return f"sdk {command[0]} --case 'nomatch*'", code, seconds, rss, problems, output


def cases_file(binary, tmp):
    """`sdk cases --out FILE`: every case, each with id, input, max_attempts and operation or paginator."""
    path = os.path.join(tmp, "cases.json")
    code, seconds, rss, killed, output = measured([binary, "sdk", "cases", "--out", path], RUN_BOUND_SECONDS)
    problems = [] if code == 0 and not killed else [f"exit {code}, want 0"]
    try:
        with open(path) as f:
            cases = json.load(f)
    except (OSError, ValueError) as e:
        return "sdk cases --out", code, seconds, rss, problems + [f"{path}: {e}"], output
    if not isinstance(cases, list) or len(cases) != ALL_CASES:
        problems.append(f"want a JSON array of {ALL_CASES} cases, found {type(cases).__name__} of {len(cases)}")
        cases = cases if isinstance(cases, list) else []
    ids = [c.get("id") for c in cases if isinstance(c, dict)]
    if len(set(ids)) != len(cases):
        problems.append("case ids are missing or repeated")
    for c in cases:
        shape_ok = (
            isinstance(c, dict)
            and isinstance(c.get("id"), str)
            and isinstance(c.get("input"), dict)
            and isinstance(c.get("max_attempts"), int)
            and c["max_attempts"] >= 1
            and (isinstance(c.get("operation"), str)) != (isinstance(c.get("paginator"), str))
        )
        if not shape_ok:
            problems.append(f"not a case (id, input, max_attempts, operation or paginator): {json.dumps(c)[:200]}")
            break
    return "sdk cases --out", code, seconds, rss, problems, output


def main():
    binary = sys.argv[1]
    with open(os.path.join(HERE, "sdk_fault_expectations.json")) as f:
        broken = json.load(f)["broken_driver"]
    boto3 = have_boto3()
    jobs = [(broken_switch, fault, broken[fault]) for fault in broken] if boto3 else []
    jobs += [(bad_script, name) for name in SCRIPTS]
    jobs += [
        (missing_driver, ["/nonexistent/driver"], "/nonexistent/driver"),
        (missing_driver, ["ecrc-no-such-command", "arg"], "ecrc-no-such-command"),
        (no_case_matches, ["run"]),  # fails before any driver starts
        (no_case_matches, ["cases"]),
        (cases_file,),
    ]
    only = set(sys.argv[2:])  # fault, script or function names
    if only:
        jobs = [j for j in jobs if j[0].__name__ in only or (len(j) > 1 and isinstance(j[1], str) and j[1] in only)]
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda job: job[0](binary, tmp, *job[1:]), jobs))
    failed = False
    for name, code, seconds, rss, problems, output in results:
        print(f"{name}: exit {code}, {seconds:.1f} s, peak RSS {rss // 1024} MiB{'' if not problems else ', PROBLEM'}")
        for p in problems:
            failed = True
            print(f"  PROBLEM: {p}")
        if problems:
            print("  output (last 15 lines):\n    " + "\n    ".join(output.strip().splitlines()[-15:]))
    print(f"{len(results)} bad drivers and command lines in {time.monotonic() - started:.1f} s")
    if failed:
        return 1
    if not boto3:
        print("SKIP: the boto3 driver's switches were not run: the python3 on PATH has no boto3")
        return SKIP
    return 0


if __name__ == "__main__":
    sys.exit(main())
