#!/usr/bin/env python3
"""The product stands alone: it reads and cites nothing outside the repository, and every
`§x.y` it cites names a heading of its own behaviour reference, specs/ecr-public/behaviour.md.

Usage: standalone_test.py SOURCE_DIR {no_outside_paths|citations_resolve|check_sources ECR_CONFORM}

- no_outside_paths: no product file (everything git tracks except tests/, *_test.cc, *_test.py)
  mentions `../shared`; each hit is named file:line.
- citations_resolve: every `§N` / `§N.M` in the product (check sources, semantics.json, the judge,
  the probes, comments) is a section heading of the behaviour reference.
- check_sources: `run` (every suite) and a short `fuzz` against the embedded server; every check
  in their reports has a non-empty source citing the behaviour reference, a model path or a URL.

Each mode first runs its scanner on a planted tree and insists it finds the planted faults, so
the test cannot pass by scanning nothing.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

REFERENCE = "specs/ecr-public/behaviour.md"
OUTSIDE = "../shared"
# Data, not text that cites anything: fuzz corpora hold arbitrary bytes.
NOT_CITING = ("corpus/",)
HEADING = re.compile(r"^#{1,6}\s+§(\d+(?:\.\d+)*)\b")
CITATION = re.compile(r"§\s?(\d+(?:\.\d+)*)")
# Sections of other documents (RFC 9110 §5.1, §8.3.1) are not ours to resolve.
FOREIGN = re.compile(r"\b(?:RFC|ISO|ECMA)[\s-]*\d+(?:[\s,]*(?:and\s+)?§\s?\d+(?:\.\d+)*)+")


def is_product(path):
    name = os.path.basename(path)
    return not (path.startswith("tests/") or name.endswith("_test.cc") or name.endswith("_test.py")
                or "/briefs/" in "/" + path)


def product_files(root):
    """Tracked files (a clean clone's view); every file but build trees outside a git checkout."""
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True, capture_output=True, timeout=60).stdout
        paths = [p for p in out.decode().split("\0") if p]
    except (OSError, subprocess.SubprocessError):
        paths = []
        for d, dirs, files in os.walk(root):
            dirs[:] = [x for x in dirs if x not in (".git",) and not x.startswith("build")]
            paths += [os.path.relpath(os.path.join(d, f), root) for f in files]
    return sorted(p for p in paths if is_product(p))


def lines_of(root, path):
    try:
        with open(os.path.join(root, path), "rb") as f:
            data = f.read()
    except OSError:
        return []  # tracked but deleted in the worktree
    if b"\0" in data:
        return []  # binary
    return data.decode("utf-8", "replace").splitlines()


def outside_paths(root):
    hits = []
    for path in product_files(root):
        for n, line in enumerate(lines_of(root, path), 1):
            if OUTSIDE in line:
                hits.append(f"{path}:{n}: {line.strip()[:160]}")
    return hits


def sections(root):
    return {m.group(1) for line in lines_of(root, REFERENCE) if (m := HEADING.match(line))}


def dangling_citations(root):
    known = sections(root)
    if not known:
        return [f"{REFERENCE}: missing, or it has no '§' section headings"]
    hits = []
    for path in product_files(root):
        if path.startswith(NOT_CITING):
            continue
        for n, line in enumerate(lines_of(root, path), 1):
            text = FOREIGN.sub("", line.replace("\\u00a7", "§"))
            for m in CITATION.finditer(text):
                if m.group(1) not in known:
                    hits.append(f"{path}:{n}: §{m.group(1)} is no heading of {REFERENCE}")
    return hits


CITES_REFERENCE = re.compile(re.escape(REFERENCE) + r" §\d")
MODEL_PATH = re.compile(r"\b(?:shapes|operations|metadata)\.[A-Za-z<]")
URL = re.compile(r"https?://\S")


def bad_source(source):
    if not source.strip():
        return "empty"
    if f"{REFERENCE} {REFERENCE}" in source:
        return "names the reference twice in a row"
    if CITES_REFERENCE.search(source) or MODEL_PATH.search(source) or URL.search(source):
        return None
    return f"cites neither {REFERENCE} §x.y, a model path (shapes.…, operations.…) nor a URL"


def bad_sources(report):
    out = []
    for c in report.get("checks", []):
        why = bad_source(c.get("source", ""))
        if why:
            out.append(f"{c.get('id', '?')}: source {c.get('source', '')!r} {why}")
    return out


def planted_tree(tmp):
    """A small git-less tree with one fault of each kind, and things that must not be flagged."""
    files = {
        REFERENCE: "# Ref\n## §2 Cross\n### §2.2 Errors\n",
        "harness/a.cc": 'x = FactSheet("§2.2 (D)");\ny = "§2.9 (E)";\n// RFC 9110 §5.1, §8.3.1\n',
        "specs/s.json": '{"source": "specs/ecr-public/behaviour.md \\u00a77.1"}\n',
        "README.md": "see ../shared/docs/x.md\n",
        "tests/t.py": "../shared and §9.9 are fine in tests\n",
        "harness/a_test.cc": "// ../shared §9.9\n",
        "corpus/c/input": "§9.9\n",
    }
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(tmp, path)), exist_ok=True)
        with open(os.path.join(tmp, path), "w") as f:
            f.write(text)


def expect_planted(found, wanted, what):
    if sorted(h.split(": ")[0] for h in found) != sorted(wanted):
        sys.exit(f"FAIL: the {what} scanner is broken: on the planted tree it reported {found}, expected {wanted}")


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        planted_tree(tmp)
        expect_planted(outside_paths(tmp), ["README.md:1"], "outside-path")
        expect_planted(dangling_citations(tmp), ["harness/a.cc:2", "specs/s.json:1"], "citation")
    good = {"checks": [{"id": "a", "source": REFERENCE + " §5.1 (D)"}, {"id": "b", "source": "shapes.X.max"},
                       {"id": "c", "source": "https://smithy.io/x"}]}
    bad = {"checks": [{"id": "d", "source": ""}, {"id": "e", "source": "fact sheet §2.2"},
                      {"id": "f", "source": "../shared/docs/ecr-public-semantics.md §2.2"},
                      {"id": "g", "source": f"{REFERENCE} {REFERENCE} §4 [D]"}]}
    if bad_sources(good) or len(bad_sources(bad)) != 4:
        sys.exit(f"FAIL: the source scanner is broken: {bad_sources(good)} / {bad_sources(bad)}")


def run_report(binary, args):
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [binary] + args + ["--report-dir", tmp, "--format", "json"]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
        path = os.path.join(tmp, "report.json")
        if not os.path.exists(path):
            sys.exit(f"FAIL: {' '.join(cmd)} exited {p.returncode} without report.json\n{p.stderr[-2000:]}")
        with open(path) as f:
            return json.load(f)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, mode = sys.argv[1], sys.argv[2]
    self_test()
    if mode == "no_outside_paths":
        hits = outside_paths(root)
        what = f"product files mention {OUTSIDE}, which users do not have"
    elif mode == "citations_resolve":
        hits = dangling_citations(root)
        what = f"citations name no section of {REFERENCE}"
    elif mode == "check_sources" and len(sys.argv) == 4:
        # Every suite of `run` (its default), and the judge's checks through a short `fuzz`.
        run = run_report(sys.argv[3], ["run", "--property-cases", "20"])
        fuzz = run_report(sys.argv[3], ["fuzz", "--seed", "1", "--max-requests", "400"])
        for name, report, least in (("run", run, 300), ("fuzz", fuzz, 5)):
            if len(report.get("checks", [])) < least:
                sys.exit(f"FAIL: {name} reported only {len(report.get('checks', []))} checks")
        hits = bad_sources(run) + bad_sources(fuzz)
        what = "checks have an empty or uncited source"
        print(f"{len(run['checks'])} run checks and {len(fuzz['checks'])} fuzz checks read")
    else:
        sys.exit(__doc__)
    if hits:
        print(f"FAIL: {len(hits)} {what}:")
        print("\n".join(hits))
        return 1
    print(f"ok: {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
