"""Audit: no unchecked nlohmann accessor reads JSON in harness/ or properties/, where decoded
responses are read. Every read of endpoint data goes through base/json_read.h (never throws);
the accessors below throw or are undefined on a wrong type, a missing member or invalid UTF-8.

Flagged on a line:
  .value("k", d)        throws on a non-object receiver or a member of another type
  .get<T>()             throws on another type, is undefined out of range (allowed on a line
                        that tests the type first: is_string(), is_number_integer(), ...)
  x["k"] read           inserts on a non-const object, throws on a non-object, undefined on a
                        const one without the key (assignments `x["k"] = ...` build JSON: fine)
  .dump()               throws on invalid UTF-8 (use jr::Dump, or dump(..., replace))

A line may carry `json-read-ok: <why>` (or the line above it may) when the JSON it reads was
built by the suite itself (generated inputs, manifests it wrote); ALLOWED_FILES lists whole files
that never see endpoint data. Prints file:line for each unchecked read; exit 1 if any.

usage: json_read_audit.py SOURCE_DIR
"""
import os
import re
import sys

SCANNED = ["harness", "properties"]
# Whole files that never read an endpoint's JSON, with why.
ALLOWED_FILES = {
    "harness/codec/json_writer.cc": "serialises Values the suite holds; switches on the type before every get<>",
    "harness/codec/validator.cc": "the validator: every get<> follows a type test of the same value a few lines up",
    "harness/codec/sample.cc": "builds sample inputs from the model",
    "harness/livefuzz/mutator.cc": "mutates the suite's own requests",
    "harness/client/botocore_check.cc": "writes the suite's own requests for botocore to re-sign",
    "properties/generators.cc": "generates inputs",
}
ALLOWED_DIRS = {
    "harness/report/": "reads and writes report files (the suite's own JSON); dumps use the replace handler",
}

CHECKS = [
    (re.compile(r'\.value\(\s*[^)\s]'), ".value(key, default) on JSON"),  # optional's .value() takes none
    (re.compile(r'\.get<'), ".get<> without a type test"),
    (re.compile(r'\[\s*"[A-Za-z_]\w*"\s*\](?!\s*(=[^=]|\.push_back|\.emplace))'), "operator[] read of a member"),
    (re.compile(r'\.dump\(\)'), ".dump() without the replace error handler"),
]
TYPE_TEST = re.compile(r'\bis_(string|number|number_integer|number_unsigned|number_float|boolean|object|array|null|binary)\(\)')
MARK = "json-read-ok:"


def audit(root):
    problems = []
    for top in SCANNED:
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith((".cc", ".h")) or name.endswith("_test.cc"):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if rel in ALLOWED_FILES or any(rel.startswith(d) for d in ALLOWED_DIRS):
                    continue
                with open(path, encoding="utf-8") as f:
                    lines = f.read().split("\n")
                for i, line in enumerate(lines):
                    code = line.split("//", 1)[0]
                    if MARK in line or (i > 0 and MARK in lines[i - 1]):
                        continue
                    for pattern, what in CHECKS:
                        if not pattern.search(code):
                            continue
                        if what.startswith(".get<") and TYPE_TEST.search(code):
                            continue
                        problems.append(f"{rel}:{i + 1}: {what}: {line.strip()}")
    return problems


def self_test():
    """The audit must be able to fail: each rule catches a planted read, and the marker excuses it."""
    import tempfile
    planted = ['x.value(key, "")', 'x["k"].get<std::string>()', 'std::string s = x["k"];', 'x.dump()']
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "harness"))
        with open(os.path.join(tmp, "harness", "planted.cc"), "w") as f:
            f.write("\n".join(planted + ['x["k"] = 1;', 'if (x["k"].is_string()) y = x["k"].get<int>();  // json-read-ok: test']) + "\n")
        found = audit(tmp)
    lines = sorted({int(p.split(":")[1]) for p in found})
    if lines != [1, 2, 3, 4]:
        print("audit self-test failed: flagged lines", lines, "want [1, 2, 3, 4]:", *found, sep="\n  ")
        return False
    return True


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    if not self_test():
        return 1
    problems = audit(root)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} unchecked JSON reads: use base/json_read.h (or mark `{MARK} <why>` where the JSON is the suite's own)")
        return 1
    print("no unchecked JSON reads in " + ", ".join(SCANNED))
    return 0


if __name__ == "__main__":
    sys.exit(main())
