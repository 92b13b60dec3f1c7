#!/usr/bin/env python3
"""Reads every `#include "..."` of the C++ sources and fails on one that breaks the layering.

The layers, lowest first (README, Layout; ../shared design doc, Rules):

    base <- specs <- codec <- results <- {client, checks} <- runner <- {report, properties, livefuzz, sdk} <- cli

A unit may include its own folder and any lower layer, never a higher one and never a sibling on
its own layer. Besides:
  - reference/ sees only base, specs and codec; nothing in the suite includes reference/ (the
    two sides meet only on the wire), except the leaves that start or drive it;
  - fuzz/, cli/, bench/ and tests/ are leaves: nothing else includes them.

Usage: architecture_test.py [ROOT]       check the tree at ROOT (default: this repository)
       architecture_test.py --self-test  prove the checker rejects forbidden includes
"""
import os
import re
import sys
import tempfile

import tree_check

# Folder prefix -> (component, layer). Longest prefix wins.
LAYERS = {
    "base": ("base", 0),
    "specs": ("specs", 1),
    "harness/codec": ("codec", 2),
    "harness/results": ("results", 3),
    "harness/client": ("client", 4),
    "harness/checks": ("checks", 4),
    "harness/runner": ("runner", 5),
    "harness/report": ("report", 6),
    "properties": ("properties", 6),
    "harness/livefuzz": ("livefuzz", 6),
    "sdk": ("sdk", 6),
    "cli": ("cli", 7),
}
REFERENCE = "reference"
REFERENCE_SEES = {"base", "specs", "codec", "reference"}
# Leaves may include every layer; the reference only as its driver: they start it or fuzz it.
LEAVES = {"fuzz", "cli", "bench", "tests"}
MAY_INCLUDE_REFERENCE = {"fuzz", "cli", "bench", "tests", "sdk"}
SKIP_DIRS = {".git", "corpus", "reports", "node_modules"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def component(path):
    """(component, layer) of a repository-relative path; layer None outside the layered parts."""
    path = path.replace(os.sep, "/")
    best = None
    for prefix, value in LAYERS.items():
        if path == prefix or path.startswith(prefix + "/"):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, value)
    if best:
        return best[1]
    top = path.split("/", 1)[0]
    return (top, None)


def violation(src, dst):
    """Why `src` may not include `dst` (both repository-relative), or None."""
    (s, s_layer), (d, d_layer) = component(src), component(dst)
    if s == d:
        return None
    if d in LEAVES:
        return f"{d}/ is a leaf: nothing includes it"
    if d == REFERENCE:
        if s in MAY_INCLUDE_REFERENCE:
            return None
        return "the suite never includes the reference server: the two meet only on the wire"
    if s == REFERENCE:
        if d in REFERENCE_SEES:
            return None
        return f"the reference server sees only base, specs and codec, not {d}"
    if s in LEAVES:
        return None
    if s_layer is None or d_layer is None:
        return None
    if d_layer > s_layer:
        return f"{s} (layer {s_layer}) may not include the higher layer {d} (layer {d_layer})"
    if d_layer == s_layer:
        return f"{s} and {d} are siblings on layer {s_layer}: neither includes the other"
    return None


def sources(root):
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith("build")
                       and not (rel_dir == "." and d.startswith("."))]
        for name in filenames:
            if name.endswith((".h", ".cc", ".cpp", ".hpp")):
                yield os.path.normpath(os.path.join(rel_dir, name))


def check(root):
    problems, files, includes = [], 0, 0
    for rel in sorted(sources(root)):
        files += 1
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                if not os.path.exists(os.path.join(root, target)):
                    continue  # a system or generated header named with quotes
                includes += 1
                why = violation(rel, target)
                if why:
                    problems.append(f"{rel}:{number}: #include \"{target}\": {why}")
    return problems, files, includes


def self_test():
    """A small tree with one allowed and several forbidden includes: each must be reported."""
    cases = {
        "base/a.h": ['#include "harness/runner/r.h"'],
        "harness/codec/c.h": ['#include "specs/s.h"', '#include "harness/results/x.h"'],
        "harness/client/k.h": ['#include "harness/checks/call.h"'],
        "harness/checks/call.h": ['#include "reference/server.h"'],
        "reference/server.h": ['#include "harness/client/k.h"'],
        "harness/runner/r.h": ['#include "cli/main.h"'],
        "cli/main.h": ['#include "harness/runner/r.h"', '#include "reference/server.h"'],
        "specs/s.h": [], "harness/results/x.h": [],
    }
    expected = {
        ("base/a.h", "harness/runner/r.h"),
        ("harness/codec/c.h", "harness/results/x.h"),
        ("harness/client/k.h", "harness/checks/call.h"),
        ("harness/checks/call.h", "reference/server.h"),
        ("reference/server.h", "harness/client/k.h"),
        ("harness/runner/r.h", "cli/main.h"),
    }
    with tempfile.TemporaryDirectory() as root:
        for rel, lines in cases.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write("\n".join(lines) + "\n")
        problems, _, _ = check(root)
    got = set()
    for p in problems:
        src = p.split(":", 1)[0]
        dst = re.search(r'#include "([^"]+)"', p).group(1)
        got.add((src, dst))
    if got != expected:
        print("self-test FAILED")
        print("  missed:", sorted(expected - got))
        print("  unexpected:", sorted(got - expected))
        return 1
    print(f"self-test: all {len(expected)} forbidden includes reported, the allowed ones not")
    return 0


def main(argv):
    def summarised(root):
        problems, files, includes = check(root)
        return problems, f"layering holds: {includes} project includes in {files} files"
    return tree_check.run(argv, summarised, self_test, "include(s) break the layering (see tests/architecture_test.py's docstring)")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
