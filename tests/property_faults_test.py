"""The property suite alone (`run --suite property`, fixed seed) finds the reference server's
fault switches that break the registry's behaviour, each with a shrunk reproduction of at most
6 steps; `replay` of a saved reproduction says FAILING against the faulty server and FIXED
against the correct one; bad replay input gets a clear error.

usage: property_faults_test.py BINARY
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import served  # noqa: E402

# Faults the registry model must catch. The order-dependent ones (a stale read after a delete, a
# tag left on the old image after a tag move, an untagged image dropped) need several steps.
FAULTS = [
    "stale_read_after_delete", "tag_move_keeps_old_tag", "untagged_image_deleted_on_tag_move", "image_already_exists_ignored",
    "accept_missing_layers", "digest_mismatch_ignored", "delete_nonempty_without_force", "batch_delete_fails_whole_call",
    "accept_part_gaps", "empty_upload_accepted", "no_digest_verification", "upload_not_bound_to_repository",
    "no_tag_limit", "lowercase_tag_keys", "policy_not_json_checked", "delete_policy_returns_empty", "pagination_skips",
    "pagination_repeats", "wrong_error_type", "no_input_validation", "timestamps_as_strings",
]
MAX_STEPS = 6


def run_property(binary, url, report_dir):
    return subprocess.run([binary, "run", "--endpoint-url", url, "--suite", "property", "--seed", "1", "--report-dir", report_dir,
                           "--format", "json"], capture_output=True, text=True, timeout=300)


def check_fault(binary, fault, keep_dir):
    with served(binary, "--fault", fault) as url, tempfile.TemporaryDirectory() as tmp:
        proc = run_property(binary, url, tmp)
        repro = os.path.join(tmp, "property-reproduction.json")
        if proc.returncode != 1 or not os.path.exists(repro):
            return f"{fault}: not found (exit {proc.returncode}) {proc.stdout[-300:]} {proc.stderr[-300:]}"
        data = json.load(open(repro))
        steps = [s["command"] for s in data["steps"]]
        report = json.load(open(os.path.join(tmp, "report.json")))
        agreement = [c for c in report["checks"] if c["id"] == "property_model_agreement"]
        if not agreement or agreement[0]["outcome"] != "failed" or agreement[0].get("attachment") != "property-reproduction.json":
            return f"{fault}: the report does not carry the failed check with its reproduction attached"
        print(f"{fault}: {len(steps)} steps {steps}: {data['failure'][:120]}")
        if len(steps) > MAX_STEPS:
            return f"{fault}: shrunk reproduction has {len(steps)} steps (> {MAX_STEPS}): {steps}"
        with open(os.path.join(keep_dir, fault + ".json"), "w") as f:
            json.dump(data, f)
    return None


def replay(binary, path, *flags):
    return subprocess.run([binary, "replay", path, *flags], capture_output=True, text=True, timeout=120)


def main():
    binary = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as keep:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for problem in pool.map(lambda f: check_fault(binary, f, keep), FAULTS):
                if problem:
                    problems.append(problem)

        saved = os.path.join(keep, "tag_move_keeps_old_tag.json")
        if os.path.exists(saved):
            with served(binary, "--fault", "tag_move_keeps_old_tag") as url:
                proc = replay(binary, saved, "--endpoint-url", url)
                if proc.returncode != 1 or "FAILING" not in proc.stdout:
                    problems.append(f"replay against the faulty server: exit {proc.returncode}, {proc.stdout[-300:]}")
            proc = replay(binary, saved)  # the embedded, correct server
            if proc.returncode != 0 or "FIXED" not in proc.stdout:
                problems.append(f"replay against the correct server: exit {proc.returncode}, {proc.stdout[-300:]} {proc.stderr[-300:]}")

        bad = os.path.join(keep, "not-a-repro.json")
        with open(bad, "w") as f:
            json.dump({"checks": []}, f)
        for path, needle in ((os.path.join(keep, "missing.json"), "cannot be read"), (bad, "not a property reproduction")):
            proc = replay(binary, path)
            if proc.returncode != 2 or needle not in proc.stderr:
                problems.append(f"replay {path}: exit {proc.returncode}, stderr {proc.stderr!r} (wanted exit 2 and {needle!r})")
        with open(bad, "w") as f:
            json.dump({"format": "ecr-conform-property-reproduction", "steps": [{"command": "NoSuchOperation", "args": {}}]}, f)
        proc = replay(binary, bad)
        if proc.returncode != 2 or "unknown command 'NoSuchOperation'" not in proc.stderr:
            problems.append(f"replay with an unknown command: exit {proc.returncode}, stderr {proc.stderr!r}")

    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
