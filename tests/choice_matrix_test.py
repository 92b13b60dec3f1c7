"""The whole suite (contract, scenario and property) against the reference server playing each
reading of open AWS behaviour: `serve --choice NAME=VALUE` for every value of every choice (the
defaults all at once), and a few random combinations. Every run must exit 0 (warnings allowed)
with no check failed at error severity: a correct endpoint may pick any documented reading.

The random combinations use a fixed seed (printed); ECRC_CHOICE_SEED=N picks another, and
ECRC_CHOICE_SEED=random a fresh one (nightly).

usage: choice_matrix_test.py BINARY [--shard I/N] [--combinations K]
  --shard I/N      run only runs I, I+N, I+2N, ... of the list (ctest starts the shards in parallel)
  --combinations K random combinations to add (default 4)
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from serve_util import served  # noqa: E402

DEFAULT_SEED = 13


def choices(binary):
    """{name: [values, default first]} from `serve --list-choices` (the default is marked '*')."""
    out = subprocess.run([binary, "serve", "--list-choices"], capture_output=True, text=True, check=True).stdout
    table = {}
    for line in out.splitlines():
        if not line.strip():
            continue
        name, values = line.split()[:2]
        values = values.split("|")
        assert values[0].endswith("*"), f"the default is not first and marked: {line}"
        table[name] = [values[0].rstrip("*")] + values[1:]
    return table


def plan(table, seed, combinations):
    """Every run as a list of NAME=VALUE settings: defaults, each other value alone, then random mixes."""
    runs = [[]]
    for name, values in table.items():
        runs += [[f"{name}={v}"] for v in values[1:]]
    rng = random.Random(seed)
    for _ in range(combinations):
        runs.append([f"{name}={rng.choice(values)}" for name, values in table.items()])
    return runs


def run_suite(binary, settings):
    flags = [arg for s in settings for arg in ("--choice", s)]
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp, served(binary, *flags) as url:
        proc = subprocess.run([binary, "run", "--endpoint-url", url, "--report-dir", tmp, "--format", "json", "--jobs", "2"],
                              capture_output=True, text=True, timeout=240)
        report_path = os.path.join(tmp, "report.json")
        report = json.load(open(report_path)) if os.path.exists(report_path) else {"checks": []}
    failing = {c["id"]: c["severity"] for c in report["checks"] if c["outcome"] in ("failed", "errored")}
    chosen = (report.get("property") or {}).get("choices", {})
    return proc, failing, chosen, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--shard", default="0/1")
    parser.add_argument("--combinations", type=int, default=4)
    args = parser.parse_args()
    seed_env = os.environ.get("ECRC_CHOICE_SEED", "")
    seed = random.SystemRandom().randrange(1 << 31) if seed_env == "random" else int(seed_env or DEFAULT_SEED)
    index, count = (int(x) for x in args.shard.split("/"))
    table = choices(args.binary)
    if len(table) < 2:
        print(f"PROBLEM: serve --list-choices lists {len(table)} choices")
        return 1
    runs = plan(table, seed, args.combinations)
    mine = runs[index::count]
    print(f"{len(table)} choices, {len(runs)} runs in all (seed {seed}; ECRC_CHOICE_SEED=N or random for others); shard {index}/{count}: {len(mine)} runs")
    problems = []
    for settings in mine:
        proc, failing, chosen, seconds = run_suite(args.binary, settings)
        errors = sorted(k for k, sev in failing.items() if sev == "error")
        warnings = sorted(k for k, sev in failing.items() if sev != "error")
        label = " ".join(settings) or "(all defaults)"
        print(f"{label}: exit {proc.returncode}, {seconds:.1f} s, {len(errors)} errors, warnings {warnings}, property choices {chosen}")
        if proc.returncode != 0 or errors:
            problems.append(f"{label}: exit {proc.returncode}, failing at error severity: {errors[:12]}\n{proc.stderr[-1500:]}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
