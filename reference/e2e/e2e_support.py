"""Shared pieces of the end-to-end tests: start/stop `ecr-conform serve`, and a result list.

Every workflow is a function `run(url, ...) -> Results` so that the fault-observability test can
call it in-process against a server started with `--fault X`; each script's main() starts its
own server from `--binary PATH` (or uses `--url`).
"""

import argparse
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback


class Server:
    """`ecr-conform serve --port 0 [args]`: the URL is the first line of its stdout."""

    def __init__(self, binary, args=(), start_timeout=20.0):
        self.binary = binary
        self.args = list(args)
        self.start_timeout = start_timeout
        self.proc = None
        self.url = None
        self.exit_code = None
        self._stderr = None

    def start(self):
        self._stderr = tempfile.TemporaryFile()
        cmd = [self.binary, "serve", "--port", "0", *self.args]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._stderr)
        deadline = time.monotonic() + self.start_timeout
        line = b""
        fd = self.proc.stdout.fileno()
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("server did not print its URL: %r\n%s" % (cmd, self.stderr_text()))
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 1)
                if not chunk:
                    continue
                line += chunk
        self.url = line.decode().strip()
        if not self.url.startswith("http"):
            self.stop()
            raise RuntimeError("first stdout line is not a URL: %r" % self.url)
        # Keep draining stdout so a chatty server never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _drain(self):
        try:
            while self.proc.stdout.read(65536):
                pass
        except (OSError, ValueError):
            pass

    def stop(self, timeout=10.0):
        """SIGTERM, then SIGKILL after `timeout`; returns the exit code (0 = clean shutdown)."""
        if self.proc is None or self.exit_code is not None:
            return self.exit_code
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.exit_code = self.proc.returncode
        return self.exit_code

    def stderr_text(self, limit=4000):
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")[-limit:]

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def list_faults(binary):
    """Names from `ecr-conform serve --list-faults` (first word of each non-empty line)."""
    out = subprocess.run([binary, "serve", "--list-faults"], check=True, capture_output=True,
                         text=True, timeout=30).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


class Results:
    """Named pass/fail assertions; a workflow records and carries on instead of stopping."""

    def __init__(self, verbose=False):
        self.items = []  # (name, ok, detail)
        self.notes = []  # lines printed after the summary
        self.verbose = verbose

    def check(self, name, ok, detail=""):
        ok = bool(ok)
        self.items.append((name, ok, "" if ok else str(detail)))
        if self.verbose:
            print("%s %s%s" % ("PASS" if ok else "FAIL", name, "" if ok else ": %s" % detail), flush=True)
        return ok

    def equal(self, name, got, want):
        return self.check(name, got == want, "got %r, want %r" % (got, want))

    def step(self, name, fn, *args, **kwargs):
        """Runs one workflow step; an exception fails the step instead of the whole run."""
        try:
            return fn(*args, **kwargs)
        except Exception as e:  # noqa: BLE001 - any surprise is a finding
            self.check("%s completes" % name, False, "%s: %s\n%s" % (type(e).__name__, e,
                                                                    traceback.format_exc(limit=3)))
            return None

    @property
    def failures(self):
        return [(n, d) for n, ok, d in self.items if not ok]

    def summary(self):
        return "%d assertions, %d failed" % (len(self.items), len(self.failures))


def main_for(run, description, extra_args=None, west=False):
    """A script's main(): start a server (or use --url), run the workflow, report, exit 0/1.
    With `west`, a second server runs with `--region us-west-2` (its URL in args.west_url) for
    the region-bound behaviour: the server takes its region from --region, like an endpoint."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--binary", help="path of ecr-conform (a server is started with `serve --port 0`)")
    parser.add_argument("--url", help="use this running endpoint instead of starting one")
    parser.add_argument("--serve-arg", action="append", default=[], help="extra argument for `serve`")
    parser.add_argument("-v", "--verbose", action="store_true")
    if extra_args:
        extra_args(parser)
    args = parser.parse_args()
    if not args.binary and not args.url:
        parser.error("give --binary or --url")
    servers = []
    args.west_url = None
    if args.url:
        url = args.url
    else:
        servers.append(Server(args.binary, args.serve_arg).start())
        url = servers[0].url
        if west:
            servers.append(Server(args.binary, args.serve_arg + ["--region", "us-west-2"]).start())
            args.west_url = servers[1].url
    results = Results(verbose=args.verbose)
    try:
        run(url, results, args)
    finally:
        for server in servers:
            code = server.stop()
            results.check("server exits 0 on SIGTERM", code == 0, "exit code %r\n%s" % (code, server.stderr_text()))
    for name, detail in results.failures:
        print("FAIL %s: %s" % (name, detail))
    print(results.summary())
    for note in results.notes:
        print(note)
    sys.exit(1 if results.failures else 0)
