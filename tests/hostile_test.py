"""`ecr-conform run` and `ecr-conform fuzz` against one mode of tests/hostile_server.py: whatever
the endpoint sends, the command ends on its own (not by a signal) with a non-zero exit, within a
time bound, under 512 MiB of peak memory, and writes a report that names what was wrong.

usage: hostile_test.py BINARY MODE
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

import process_util

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_RSS_KIB = 512 * 1024

# Per mode: what the report must say (a regular expression, case-insensitive) and how long each
# command may take at most. The bounds catch hangs; the commands take seconds.
MODES = {
    "silent": (r"timeout|no (complete )?response|stopped answering", 60),
    "drip": (r"timeout|stalled", 60),
    "huge": (r"too large|exceeds the limit", 60),
    "endless": (r"too large|exceeds the limit", 60),
    "chunked_endless": (r"too large|exceeds the limit", 60),
    "garbage": (r"not HTTP", 60),
    "reset": (r"reset", 60),
    "deep_nesting": (r"nesting depth", 90),
    "invalid_utf8": (r"UTF-8", 90),
    "lying_length": (r"Content-Length|closed before", 60),
    "gzip_bomb": (r"Content-Encoding", 90),
    "redirect_loop": (r"redirect", 90),
    "header_flood": (r"too large|header", 60),
    "html_500": (r"not (valid )?JSON", 90),
    "wrong_types": (r"must be an? (string|integer|long|boolean|number|list|object|structure|map|timestamp|blob)|type", 90),
    "endless_pagination": (r"nextToken|pag", 90),
}


class Served:
    def __init__(self, mode):
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "hostile_server.py"), "--mode", mode, "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = self.proc.stdout.readline().strip()
        if not port.isdigit():
            self.proc.kill()
            raise RuntimeError(f"hostile_server.py --mode {mode} printed no port: {port!r}")
        self.url = f"http://127.0.0.1:{port}"

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def measured(argv, bound, out_path):
    """Runs argv; kills it after `bound` seconds. Returns (returncode, seconds, peak RSS KiB, killed)."""
    with open(out_path, "w") as out:
        return process_util.measured(argv, bound, out)


def report_text(report):
    """Everything a reader of the report sees that could name the problem."""
    parts = [json.dumps(report.get("summary", ""))]
    for c in report.get("checks", []):
        for f in c.get("findings", []):
            parts.append(json.dumps(f, ensure_ascii=False))
        for e in c.get("exchanges", []):
            parts.append(str(e.get("transport_error", "")))
        parts.append(c.get("skip_reason", "") or "")
    return "\n".join(parts)


def one(binary, mode, command, tmp, results):
    pattern, bound = MODES[mode]
    server = Served(mode)
    report_dir = os.path.join(tmp, command)
    argv = [binary, command, "--endpoint-url", server.url, "--report-dir", report_dir, "--format", "json"]
    if command == "fuzz":
        argv += ["--duration", "5s", "--seed", "1"]
    try:
        code, seconds, rss, killed = measured(argv, bound, os.path.join(tmp, command + ".out"))
    finally:
        server.stop()
    problems = []
    with open(os.path.join(tmp, command + ".out"), errors="replace") as f:
        output = f.read()
    if killed:
        problems.append(f"still running after {bound} s: killed")
    elif code < 0:
        problems.append(f"died of signal {-code}")
    elif code == 0:
        problems.append("exit 0 against a broken endpoint")
    if rss >= MAX_RSS_KIB:
        problems.append(f"peak RSS {rss // 1024} MiB, want < {MAX_RSS_KIB // 1024} MiB")
    path = os.path.join(report_dir, "report.json")
    if not os.path.exists(path):
        problems.append("no report.json written")
    else:
        with open(path) as f:
            report = json.load(f)
        if not re.search(pattern, report_text(report), re.IGNORECASE):
            problems.append(f"the report does not name the problem (/{pattern}/)")
    results.append((command, code, seconds, rss, problems, output))


def main():
    binary, mode = sys.argv[1], sys.argv[2]
    if mode not in MODES:
        print(f"unknown mode {mode}; known: {', '.join(MODES)}")
        return 2
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        # run and fuzz side by side: each against its own server, each measured on its own.
        threads = [threading.Thread(target=one, args=(binary, mode, c, tmp, results)) for c in ("run", "fuzz")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    failed = False
    for command, code, seconds, rss, problems, output in sorted(results):
        print(f"hostile {mode} {command}: exit {code}, {seconds:.1f} s wall, peak RSS {rss // 1024} MiB")
        for p in problems:
            failed = True
            print(f"  PROBLEM ({command}): {p}")
        if problems:
            print("  output (last 30 lines):\n    " + "\n    ".join(output.strip().splitlines()[-30:]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
