"""`ecr-conform run` against a real third-party server that does not implement ECR Public (moto's
server answers an HTML 500 to every ECR Public call). The suite must blame the endpoint, not
itself: exit 1 (conformance failures), no check errored (errored means the harness or the
transport failed, and moto answers every call: any errored check here is a check that blamed the
harness for the endpoint's answer, and would make the exit code 2), checks blocked by the failed
CreateRepository skipped with that cause while CreateRepository's own check fails, the root cause
named in one line in stdout and in the report, and all of it quickly (under 10 s).

Skipped (exit 77, ctest SKIP_RETURN_CODE) with a visible message where moto's server is not
installed for this python3.

usage: moto_test.py BINARY
"""
import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

import serve_util

SKIP = 77
RUN_LIMIT_SECONDS = 10    # the acceptance bound for the whole `ecr-conform run` command
STARTUP_LIMIT_SECONDS = 90  # moto imports a lot; on a loaded machine it takes tens of seconds


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, proc, limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def main():
    binary = sys.argv[1]
    missing = [m for m in ("moto", "flask", "werkzeug") if importlib.util.find_spec(m) is None]
    if missing:
        print(f"SKIPPED: moto's server is not installed for {sys.executable} (missing: {', '.join(missing)}); "
              "pip install 'moto[server]' to run this test")
        return SKIP
    port = free_port()
    # moto logs every request: to a file, since a pipe nobody reads would fill and stall it.
    log = tempfile.TemporaryFile(mode="w+")
    moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=log, text=True)
    problems = []
    try:
        if not wait_listening(port, moto, STARTUP_LIMIT_SECONDS):
            moto.kill()
            log.seek(0)
            print(f"FAIL: moto's server did not start listening on port {port}: {log.read()[-2000:]}")
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            started = time.monotonic()
            proc = subprocess.run([binary, "run", "--endpoint-url", f"http://127.0.0.1:{port}", "--report-dir", tmp, "--format", "json,md"],
                                  capture_output=True, text=True, timeout=120)
            wall = time.monotonic() - started
            print(proc.stdout[:3000])
            print(proc.stderr[-2000:], file=sys.stderr)
            report_path = os.path.join(tmp, "report.json")
            if not os.path.exists(report_path):
                print(f"FAIL: no report written (exit {proc.returncode})")
                return 1
            with open(report_path) as f:
                report = json.load(f)
            with open(os.path.join(tmp, "report.md")) as f:
                markdown = f.read()
        checks = {c["id"]: c for c in report["checks"]}
        by_outcome = {}
        for c in report["checks"]:
            by_outcome.setdefault(c["outcome"], []).append(c)
        counts = {k: len(v) for k, v in by_outcome.items()}
        print(f"exit {proc.returncode} in {wall:.2f} s; {counts}; root cause: {report.get('root_cause')!r}")

        if proc.returncode != 1:
            problems.append(f"exit {proc.returncode}, expected 1 (conformance failures)")
        for c in by_outcome.get("errored", []):
            first = c["findings"][0]["message"] if c["findings"] else ""
            problems.append(f"{c['id']} errored although moto answered: {first}")
        root = report.get("root_cause", "")
        if "5xx" not in root or "does not implement ECR Public" not in root:
            problems.append(f"root_cause does not name the 5xx answers: {root!r}")
        if root and f"root cause: {root}" not in proc.stdout:
            problems.append("the printed summary does not show the root cause line")
        if root and "Root cause:" not in markdown:
            problems.append("report.md does not show the root cause")
        if "\n" in root:
            problems.append("the root cause is more than one line")
        # The prerequisite's own check fails; the checks it blocked are skipped naming it.
        own = checks.get("minimal_call_accepted[CreateRepository.minimal]")
        if not own or own["outcome"] != "failed":
            problems.append(f"minimal_call_accepted[CreateRepository.minimal] is {own and own['outcome']}, expected failed")
        blocked = [c for c in by_outcome.get("skipped", []) if c["skip_reason"].startswith("prerequisite CreateRepository failed: HTTP 500")]
        if len(blocked) < 100:
            problems.append(f"only {len(blocked)} checks skipped for the failed CreateRepository; "
                            f"skip reasons seen: {sorted({c['skip_reason'][:80] for c in by_outcome.get('skipped', [])})[:5]}")
        elif "not JSON" not in blocked[0]["skip_reason"]:
            problems.append(f"the skip reason does not say the answer was not JSON: {blocked[0]['skip_reason']!r}")
        if wall >= RUN_LIMIT_SECONDS:
            problems.append(f"the run took {wall:.1f} s, limit {RUN_LIMIT_SECONDS} s")
    finally:
        serve_util.stop(moto)
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
