"""`ecr-conform fuzz` end to end.

  faults       for input-handling fault switches of the reference server, fuzzing `serve --fault X`
               must exit 1 and fail the check ids FAULTS names (globs; `*` is any run of characters)
  clean        fuzzing the embedded reference server for CLEAN_SECONDS finds nothing (exit 0)
  determinism  the same --seed against two fresh servers exercises the same classes, request for request
  hang         an endpoint that never answers yields "no answer in time" findings and a failed health probe
  cli          bad command lines exit 2 with a message naming the option; an unreachable endpoint exits 3;
               a real AWS host is refused without --allow-aws

usage: livefuzz_test.py BINARY CASE [FAULT ...]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from serve_util import served  # noqa: E402

# Each fault must fail these checks (and the run must exit 1).
FAULTS = {
    # A body that is not JSON gets 500 instead of SerializationException.
    "crash_on_malformed_json": ["fuzz_no_server_error[*.truncated_json]", "fuzz_no_server_error[*.non_object_body]"],
    # Out-of-range, oversized and missing members are served instead of rejected.
    "no_input_validation": ["fuzz_invalid_rejected[*.out_of_range]", "fuzz_invalid_rejected[*.missing_required]"],
    # Errors carry neither __type nor X-Amzn-ErrorType.
    "error_without_type": ["fuzz_error_typed[*]"],
    # RepositoryNotFound/UploadNotFound/... come back as HTTP 404 instead of 400.
    "not_found_as_404": ["fuzz_error_shape[*]"],
    # Error responses are application/json instead of application/x-amz-json-1.1.
    "wrong_content_type": ["fuzz_error_shape[*]"],
    # Error responses carry no x-amzn-RequestId.
    "missing_request_id": ["fuzz_error_shape[*]"],
    # RepositoryNotFoundException comes back as RegistryNotFoundException, which most operations do not declare
    # (it takes a valid request naming a repository that does not exist: a boundary-length name).
    "wrong_error_type": ["fuzz_error_declared[*.boundary]"],
    # Timestamps in successes are ISO strings instead of epoch seconds.
    "timestamps_as_strings": ["fuzz_success_shape[*]"],
    # ListTagsForResource always answers 500.
    "server_error_500": ["fuzz_no_server_error[ListTagsForResource.*]"],
}
# Requests per fault: enough for the seed-1 sequence to reach what the fault breaks.
FAULT_REQUESTS = {"wrong_error_type": "2000", "server_error_500": "2000"}
CLEAN_SECONDS = os.environ.get("ECRC_LIVEFUZZ_CLEAN_SECONDS", "15")


def glob_match(name, glob):
    """`*` matches any run of characters; everything else, brackets included, is literal."""
    return re.fullmatch(".*".join(re.escape(part) for part in glob.split("*")), name) is not None


def fuzz(binary, report_dir, *args, timeout=300):
    proc = subprocess.run([binary, "fuzz", "--report-dir", report_dir, "--format", "json", *args],
                          capture_output=True, text=True, timeout=timeout)
    report = None
    path = os.path.join(report_dir, "report.json")
    if os.path.exists(path):
        with open(path) as f:
            report = json.load(f)
    return proc, report


def schema_problems(report):
    """The fuzz report must follow reports/schema/report.schema.json (checked when jsonschema is installed)."""
    try:
        import jsonschema
    except ImportError:
        return []
    with open(os.path.join(os.path.dirname(__file__), "..", "reports", "schema", "report.schema.json")) as f:
        schema = json.load(f)
    try:
        jsonschema.validate(report, schema)
    except jsonschema.ValidationError as e:
        return [f"the report breaks the schema: {e.message} at {list(e.absolute_path)}"]
    return []


def failing(report):
    return {c["id"]: c["severity"] for c in report["checks"] if c["outcome"] in ("failed", "errored")}


def case_faults(binary, names):
    problems = []
    for fault in names or sorted(FAULTS):
        globs = FAULTS[fault]
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp, served(binary, "--fault", fault) as url:
            proc, report = fuzz(binary, tmp, "--endpoint-url", url, "--seed", "1", "--max-requests", FAULT_REQUESTS.get(fault, "600"), "--duration", "60s")
        if report is None:
            problems.append(f"{fault}: no report (exit {proc.returncode}): {proc.stderr.strip()}")
            continue
        bad = failing(report)
        missing = [g for g in globs if not any(glob_match(i, g) for i in bad)]
        print(f"{fault}: exit {proc.returncode}, {len(bad)} failing classes in {time.monotonic() - started:.1f} s, e.g. {sorted(bad)[:3]}")
        if proc.returncode != 1:
            problems.append(f"{fault}: exit {proc.returncode}, expected 1\n{proc.stdout}{proc.stderr}")
        problems += [f"{fault}: {p}" for p in schema_problems(report)]
        if any(not c.get("exchanges") or not c.get("reproduction") for c in report["checks"] if c["outcome"] == "failed"):
            problems.append(f"{fault}: a failed check without its exchange or curl reproduction")
        if missing:
            problems.append(f"{fault}: no failing check matches {missing}; failing: {sorted(bad)[:12]}")
    return problems


def case_clean(binary):
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        proc, report = fuzz(binary, tmp, "--duration", CLEAN_SECONDS + "s", "--seed", "1", timeout=int(CLEAN_SECONDS) + 120)
        print(proc.stdout.strip())
        print(f"clean run: exit {proc.returncode} in {time.monotonic() - started:.1f} s")
        if report is None:
            return [f"no report (exit {proc.returncode}): {proc.stderr.strip()}"]
        problems = schema_problems(report)
        bad = failing(report)
        if proc.returncode != 0 or bad:
            problems.append(f"the clean reference server must pass: exit {proc.returncode}, failing {sorted(bad)[:12]}\n{proc.stderr}")
        ids = {c["id"] for c in report["checks"]}
        if "fuzz_endpoint_survives" not in ids:
            problems.append("no fuzz_endpoint_survives check in the report")
        passed = sum(c["outcome"] == "passed" for c in report["checks"])
        kinds = {re.sub(r".*\.", "", i.split("[", 1)[1].rstrip("]")) for i in ids if "[" in i}
        if passed < 500 or len(kinds) < 20:
            problems.append(f"too little covered: {passed} passed classes, mutation kinds {sorted(kinds)}")
        if report["suites"] != ["fuzz"] or any(c["suite"] != "fuzz" for c in report["checks"]):
            problems.append("every check of a fuzz report belongs to the suite 'fuzz'")
        if report["coverage"]["operations_missed"]:
            problems.append(f"operations never fuzzed: {report['coverage']['operations_missed']}")
        return problems


def case_determinism(binary):
    runs = []
    for _ in range(2):
        with tempfile.TemporaryDirectory() as tmp, served(binary) as url:
            proc, report = fuzz(binary, tmp, "--endpoint-url", url, "--seed", "7", "--max-requests", "300")
        if report is None:
            return [f"no report (exit {proc.returncode}): {proc.stderr.strip()}"]
        if "seed 7" not in proc.stdout:
            return [f"the seed is not printed: {proc.stdout!r}"]
        # Which classes ran, and how often each failed or passed, must not depend on anything but the seed.
        runs.append(sorted((c["id"], c["outcome"]) for c in report["checks"]))
    return [] if runs[0] == runs[1] else ["the same seed exercised different classes: " + str(set(runs[0]) ^ set(runs[1]))[:500]]


def case_hang(binary):
    """An endpoint that accepts connections but never answers: every request is a finding, and so is the health probe."""
    import socket
    import socketserver
    import threading

    class Silent(socketserver.BaseRequestHandler):
        def handle(self):
            self.request.settimeout(30)
            try:
                while self.request.recv(65536):
                    pass
            except (socket.timeout, OSError):
                pass

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Silent)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"http://127.0.0.1:{server.server_address[1]}"
            proc, report = fuzz(binary, tmp, "--endpoint-url", url, "--seed", "1", "--max-requests", "3", "--timeout-ms", "300", timeout=120)
    finally:
        server.shutdown()
        server.server_close()
    if report is None:
        return [f"no report (exit {proc.returncode}): {proc.stderr.strip()}"]
    bad = failing(report)
    problems = []
    if proc.returncode != 1:
        problems.append(f"exit {proc.returncode}, expected 1: {proc.stdout}{proc.stderr}")
    if not any(glob_match(i, "fuzz_answer_in_time[*]") for i in bad) or "fuzz_endpoint_survives" not in bad:
        problems.append(f"expected fuzz_answer_in_time[...] and fuzz_endpoint_survives to fail; failing: {sorted(bad)}")
    messages = [f["message"] for c in report["checks"] for f in c.get("findings", [])]
    if not any("no answer in time" in m for m in messages):
        problems.append(f"no 'no answer in time' finding: {messages[:3]}")
    return problems


def case_cli(binary):
    problems = []

    def expect(args, code, needle, env=None):
        proc = subprocess.run([binary, "fuzz", *args], capture_output=True, text=True, timeout=60, env=env)
        text = proc.stdout + proc.stderr
        if proc.returncode != code or needle not in text:
            problems.append(f"fuzz {' '.join(args)}: exit {proc.returncode} (expected {code}), wanted {needle!r} in: {text.strip()[:400]}")

    expect(["--duration", "10x"], 2, "--duration")
    expect(["--duration", "10x"], 2, "unit not recognized")
    expect(["--duration", "60"], 2, "Missing mandatory unit")
    expect(["--duration", "0s"], 2, "--duration must be more than zero")
    expect(["--duration", "soon"], 2, "--duration")
    expect(["--max-requests", "-5", "--duration", "1s"], 2, "--max-requests")
    expect(["--timeout-ms", "0", "--duration", "1s"], 2, "--timeout-ms")
    expect(["--format", "pdf", "--duration", "1s"], 2, "--format")
    expect(["--endpoint-url", "http://127.0.0.1:1", "--duration", "1s"], 3, "unreachable")
    aws_env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="example-secret")
    expect(["--endpoint-url", "https://api.ecr-public.us-east-1.amazonaws.com", "--duration", "1s"], 2, "--allow-aws", env=aws_env)
    return problems


def main():
    binary, case = sys.argv[1], sys.argv[2]
    if case == "faults":
        problems = case_faults(binary, sys.argv[3:])
    elif case == "clean":
        problems = case_clean(binary)
    elif case == "determinism":
        problems = case_determinism(binary)
    elif case == "cli":
        problems = case_cli(binary)
    elif case == "hang":
        problems = case_hang(binary)
    else:
        print(f"unknown case {case!r}")
        return 2
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
