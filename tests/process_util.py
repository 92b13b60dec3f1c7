"""Runs a command under a time bound and measures it: shared by the tests that hold the product to
limits (hostile endpoints, broken SDK drivers)."""
import os
import subprocess
import threading
import time


def measured(argv, bound, out, env=None):
    """Runs argv with stdout and stderr into the open file `out`, killing it after `bound` seconds.
    Returns (exit code, seconds, peak RSS in KiB, killed)."""
    started = time.monotonic()
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
    killed = []
    timer = threading.Timer(bound, lambda: (killed.append(True), proc.kill()))
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.monotonic() - started, usage.ru_maxrss, bool(killed)


def exit_status(problems):
    """A test's verdict from its list of problems: prints each as FAIL (or "ok") and returns the
    exit status ctest reads."""
    if problems:
        print("\n".join("FAIL: " + p for p in problems))
        return 1
    print("ok")
    return 0
