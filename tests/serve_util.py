"""Starts `ecr-conform serve` for a test and stops it again: shared by the Python end-to-end tests."""
import contextlib
import subprocess


@contextlib.contextmanager
def served(binary, *flags):
    proc = subprocess.Popen([binary, "serve", "--port", "0", *flags], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        if not url.startswith("http"):
            raise RuntimeError(f"serve {' '.join(flags)} did not print its URL: {url!r} {proc.stderr.read()}")
        yield url
    finally:
        stop(proc)


def stop(proc):
    """Asks a test server to end, and kills it if it has not within 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
