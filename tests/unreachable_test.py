"""`ecr-conform run` against an endpoint that refuses connections: one clear line, exit 3, and no
report claiming failures.

usage: unreachable_test.py BINARY
"""
import os
import subprocess
import sys
import tempfile


def main():
    with tempfile.TemporaryDirectory() as tmp:
        report_dir = os.path.join(tmp, "report")
        proc = subprocess.run([sys.argv[1], "run", "--endpoint-url", "http://127.0.0.1:1", "--report-dir", report_dir],
                              capture_output=True, text=True, timeout=30)
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        problems = []
        if proc.returncode != 3:
            problems.append(f"exit {proc.returncode}, want 3")
        if len(lines) != 1 or "unreachable" not in lines[0]:
            problems.append(f"want one line naming the endpoint unreachable, got {lines}")
        if os.path.exists(report_dir):
            problems.append("a report was written")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
