#!/usr/bin/env python3
"""Fails when a check id and the function that decides it stop being the same words.

A newcomer greps a check id from a report (`put_image_oci_manifest`) and must land on the code that
decides it, so every family keeps CamelCase(id) == the deciding function (`PutImageOciManifest`;
the part before `[` for instance ids such as `output_shape_valid[CreateRepository]`):

  - scenarios (harness/checks/scenarios/*.cc): `const Scenario kX = {"id", ..., X};` directly below
    `void X(ScenarioContext& ctx)` (at most 3 blank or comment lines between), X == CamelCase(id),
    and kX listed in the file's Add*Scenarios. A family whose ids are data (not_found.cc: one per
    precondition of the semantics file) is registered by an Add*Scenarios that directly follows its
    one function, named after its category (`not_found`: NotFound).
  - protocol probes (harness/checks/protocol_probes.cc): `const Probe kX = {"id", ..., X};` the same
    way below the function judging the answer, and listed in ProtocolProbes.
  - contract checks (harness/checks/contract_cases.cc): ids are `<family>_<verdict>` (verdict:
    accepted, rejected, error_code); each id is spelled inside the generator method
    CamelCase(family), e.g. required_member_error_code inside RequiredMember.
  - response checks (the families of harness/runner/shape_aggregates.cc, e.g. output_shape_valid):
    a function CamelCase(id) declared in a harness/checks header, defined in harness/checks, called
    by shape_aggregates.cc.
  - fuzz checks (harness/livefuzz/judge.h constants, e.g. fuzz_answer_in_time): a method or
    function CamelCase(id) defined in harness/livefuzz/judge.cc (each answer) or fuzz_loop.cc
    (what only the whole run shows: fuzz_endpoint_survives, fuzz_fixture_setup).

Usage: check_names_test.py [ROOT]       check the tree at ROOT (default: this repository)
       check_names_test.py --self-test  prove the checker reports misnamed and misplaced checks
"""

import glob
import os
import re
import sys
import tempfile

import tree_check

MAX_BETWEEN = 3  # blank or comment lines allowed between a function's end and its registration

KEYWORDS = {"if", "for", "while", "switch", "return", "catch", "sizeof", "static_assert", "decltype", "alignof"}


def camel(check_id):
    """`put_image_oci_manifest` -> `PutImageOciManifest`; the part before `[` of an instance id."""
    return "".join(part[:1].upper() + part[1:] for part in check_id.split("[")[0].split("_"))


class Source:
    """One C++ file: its text, the same text with comments and literal contents blanked (so braces
    and commas can be counted), and its function definitions."""

    def __init__(self, root, rel):
        self.rel = rel
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            self.text = f.read()
        self.clean = self._blank(self.text)
        self.functions = self._functions()

    @staticmethod
    def _blank(t):
        out, i, n = list(t), 0, len(t)

        def blank(a, b):
            for k in range(a, b):
                if out[k] != "\n":
                    out[k] = " "

        while i < n:
            if t.startswith("//", i):
                j = t.find("\n", i)
                j = n if j < 0 else j
                blank(i, j)
                i = j
            elif t.startswith("/*", i):
                j = t.find("*/", i + 2)
                j = n if j < 0 else j + 2
                blank(i, j)
                i = j
            elif t.startswith('R"', i) and (i == 0 or not (t[i - 1].isalnum() or t[i - 1] == "_")):
                m = re.match(r'R"([^(\s]*)\(', t[i:])
                end = t.find(")" + m.group(1) + '"', i + m.end())
                blank(i + 2, end + len(m.group(1)) + 1)
                i = end + len(m.group(1)) + 2
            elif t[i] in "\"'":
                q, j = t[i], i + 1
                while j < n and t[j] != q:
                    j += 2 if t[j] == "\\" else 1
                blank(i + 1, j)
                i = j + 1
            else:
                i += 1
        return "".join(out)

    def line_of(self, offset):
        return self.text.count("\n", 0, offset) + 1

    def where_quoted(self, text):
        """`path:line` of the first `"text"` in the file, for a problem's location."""
        return f"{self.rel}:{self.line_of(self.text.index(chr(34) + text + chr(34)))}"

    def close_of(self, open_offset):
        """Offset of the bracket closing the one at `open_offset` (in the blanked text)."""
        pairs = {"(": ")", "{": "}", "[": "]"}
        stack = []
        for k in range(open_offset, len(self.clean)):
            c = self.clean[k]
            if c in pairs:
                stack.append(pairs[c])
            elif c in ")}]":
                stack.pop()
                if not stack:
                    return k
        raise ValueError(f"{self.rel}: unbalanced bracket at line {self.line_of(open_offset)}")

    def _functions(self):
        """[(name, start, end)] of every function or method definition, `end` its closing brace."""
        found = []
        head = re.compile(r"^[ ]*(?:[\w:<>,]+[*&]?[ ]+)+[*&]?(?:\w+::)*(\w+)\(", re.M)
        for m in head.finditer(self.clean):
            if m.group(1) in KEYWORDS:
                continue
            close = self.close_of(m.end() - 1)
            rest = re.match(r"\s*(?:const\s*)?(?:override\s*)?(?::[^;{]*)?\{", self.clean[close + 1:])
            if not rest:
                continue
            brace = close + 1 + rest.end() - 1
            found.append((m.group(1), m.start(), self.close_of(brace)))
        return found

    def definition(self, name):
        for fn in self.functions:
            if fn[0] == name:
                return fn
        return None

    def enclosing(self, offset):
        inner = None
        for fn in self.functions:
            if fn[1] <= offset <= fn[2] and (inner is None or fn[1] > inner[1]):
                inner = fn
        return inner

    def literals(self):
        """[(offset, text)] of every ordinary string literal outside comments."""
        out = []
        for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', self.text):
            if self.clean[m.start()] == '"' and self.clean[m.end() - 1] == '"' and not self.text[max(0, m.start() - 1)] == "R":
                out.append((m.start(), m.group(1)))
        return out

    def split_top(self, start, end):
        """The top-level comma-separated elements of text[start:end], split on the blanked text."""
        parts, depth, last = [], 0, start
        for k in range(start, end):
            c = self.clean[k]
            if c in "({[":
                depth += 1
            elif c in ")}]":
                depth -= 1
            elif c == "," and depth == 0:
                parts.append(self.text[last:k].strip())
                last = k + 1
        parts.append(self.text[last:end].strip())
        return parts

    def lines_between(self, end_offset, start_offset):
        """The lines strictly between the line holding end_offset and the one holding start_offset."""
        a, b = self.line_of(end_offset), self.line_of(start_offset)
        return self.text.split("\n")[a:b - 1]


def registrations(src, type_name):
    """[(line, const name, id, function)] of `const <type_name> kX = {"id", ..., X};`."""
    out = []
    for m in re.finditer(r"^const " + type_name + r" (k\w+) = \{", src.clean, re.M):
        brace = m.end() - 1
        parts = src.split_top(brace + 1, src.close_of(brace))
        lit = re.fullmatch(r'"([^"]*)"', parts[0])
        out.append((m.start(), m.group(1), lit.group(1) if lit else None, parts[-1]))
    return out


def check_beside(src, offset, const, check_id, function, problems, listed_in):
    where = f"{src.rel}:{src.line_of(offset)}"
    if check_id is None:
        problems.append(f"{where}: {const}: the id is not a string literal, so grepping it finds nothing")
        return
    want = camel(check_id)
    if function != want:
        problems.append(f"{where}: {check_id}: registered with function {function}, not {want}")
    if const != "k" + want:
        problems.append(f"{where}: {check_id}: registration named {const}, not k{want}")
    fn = src.definition(function)
    if fn is None:
        problems.append(f"{where}: {check_id}: no definition of {function} in {src.rel}")
    else:
        between = src.lines_between(fn[2], offset) if fn[2] < offset else None
        if between is None or len(between) > MAX_BETWEEN or any(l.strip() and not l.strip().startswith("//") for l in between):
            problems.append(f"{where}: {check_id}: registration is not directly below {function} "
                            f"(defined at {src.rel}:{src.line_of(fn[1])})")
    if listed_in is not None and not re.search(r"\b" + const + r"\b", listed_in):
        problems.append(f"{where}: {check_id}: {const} is not listed in the family's registration function")


def function_text(src, name):
    fn = src.definition(name)
    return src.clean[fn[1]:fn[2]] if fn else ""


def check_scenarios(root, problems):
    count, generated = 0, 0
    for path in sorted(glob.glob(os.path.join(root, "harness/checks/scenarios/*.cc"))):
        src = Source(root, os.path.relpath(path, root))
        add = re.search(r"^void (Add\w+Scenarios)\(", src.clean, re.M)
        add_text = function_text(src, add.group(1)) if add else ""
        for offset, const, check_id, function in registrations(src, "Scenario"):
            count += 1
            check_beside(src, offset, const, check_id, function, problems, add_text)
        for m in re.finditer(r"\bout->push_back\(\{", src.clean):
            enclosing = src.enclosing(m.start())
            if not enclosing or not re.fullmatch(r"Add\w+Scenarios", enclosing[0]):
                continue
            brace = m.end() - 1
            parts = src.split_top(brace + 1, src.close_of(brace))
            where = f"{src.rel}:{src.line_of(m.start())}"
            if re.fullmatch(r'"[^"]*"', parts[0]):
                problems.append(f"{where}: {parts[0][1:-1]}: registered in a list, not as `const Scenario k...` below its function")
                continue
            generated += 1
            category = re.fullmatch(r'"([^"]*)"', parts[1])
            called = re.search(r"\{\s*(\w+)\(ctx\b", parts[-1])
            if not category or not called:
                problems.append(f"{where}: a generated scenario family must name its category and call one function with ctx")
                continue
            want = camel(category.group(1))
            if called.group(1) != want:
                problems.append(f"{where}: generated family {category.group(1)}: decided by {called.group(1)}, not {want}")
            fn = src.definition(called.group(1))
            if fn:
                between = src.lines_between(fn[2], enclosing[1] + 1)
                stray = [l for l in between if l.strip() and not l.strip().startswith("//") and l.strip() != "}  // namespace"]
                if stray or len(between) > MAX_BETWEEN + 1:
                    problems.append(f"{where}: generated family {category.group(1)}: {enclosing[0]} does not directly follow "
                                    f"{called.group(1)}")
    return count, generated


def check_protocol_probes(root, problems):
    src = Source(root, "harness/checks/protocol_probes.cc")
    listed = function_text(src, "ProtocolProbes")
    regs = registrations(src, "Probe")
    for offset, const, check_id, function in regs:
        check_beside(src, offset, const, check_id, function, problems, listed)
    return len(regs)


def check_contract_cases(root, problems):
    src = Source(root, "harness/checks/contract_cases.cc")
    ids = set()
    for offset, text in src.literals():
        m = re.fullmatch(r"([a-z0-9_]+?)_(accepted|rejected|error_code)", text)
        if not m:
            continue
        ids.add(text)
        want = camel(m.group(1))
        fn = src.enclosing(offset)
        if fn is None or fn[0] != want:
            problems.append(f"{src.rel}:{src.line_of(offset)}: {text}: spelled in {fn[0] if fn else 'no function'}, "
                            f"not in {want} (the generator named after its family {m.group(1)})")
    return len(ids)


def check_response_checks(root, problems):
    agg = Source(root, "harness/runner/shape_aggregates.cc")
    checks = [Source(root, os.path.relpath(p, root)) for p in sorted(glob.glob(os.path.join(root, "harness/checks/*.cc")))]
    headers = "".join(Source(root, os.path.relpath(p, root)).clean for p in glob.glob(os.path.join(root, "harness/checks/*.h")))
    families = re.findall(r'Family k\w+\{"(\w+)"', agg.text)
    for check_id in families:
        want = camel(check_id)
        where = agg.where_quoted(check_id)
        if not any(s.definition(want) for s in checks):
            problems.append(f"{where}: {check_id}: no function {want} defined in harness/checks")
        if not re.search(r"\b" + want + r"\(", headers):
            problems.append(f"{where}: {check_id}: {want} is not declared in a harness/checks header")
        if not re.search(r"check::" + want + r"\(", agg.clean):
            problems.append(f"{where}: {check_id}: shape_aggregates.cc does not call check::{want}")
    return len(families)


def check_fuzz_checks(root, problems):
    header = Source(root, "harness/livefuzz/judge.h")
    # The judge decides each answer; the loop decides what only the whole run shows (the endpoint
    # survived, a seed's resources could be made).
    deciders = [Source(root, rel) for rel in ("harness/livefuzz/judge.cc", "harness/livefuzz/fuzz_loop.cc")]
    ids = re.findall(r'inline constexpr char k\w+\[\] = "(fuzz_\w+)";', header.text)
    for check_id in ids:
        want = camel(check_id)
        where = header.where_quoted(check_id)
        if not any(d.definition(want) for d in deciders):
            problems.append(f"{where}: {check_id}: no function {want} in {' or '.join(d.rel for d in deciders)}")
    return len(ids)


def check(root):
    problems = []
    scenarios, generated = check_scenarios(root, problems)
    counts = {
        "scenarios": scenarios,
        "data-driven scenario families": generated,
        "protocol probes": check_protocol_probes(root, problems),
        "contract checks": check_contract_cases(root, problems),
        "response checks": check_response_checks(root, problems),
        "fuzz checks": check_fuzz_checks(root, problems),
    }
    return problems, counts


def self_test():
    """A small tree with one check of each family named right and others named wrong or placed
    away from their function: each wrong one must be reported, the right ones not."""
    files = {
        "harness/checks/scenarios/a.cc": """
void GoodOne(ScenarioContext& ctx) {
  if (x) { y(); }
}
const Scenario kGoodOne = {"good_one", "a", "title", Severity::kError, {"Op"}, FactSheet("s"), GoodOne};

void OldName(ScenarioContext& ctx) {}
const Scenario kRenamedOne = {"renamed_one", "a", "t", Severity::kError, {"Op"}, FactSheet("s"), OldName};

void FarAway(ScenarioContext& ctx) {}

int x = 1;
const Scenario kFarAway = {"far_away", "a", "t", Severity::kError, {"Op"}, FactSheet("s"), FarAway};

void Unlisted(ScenarioContext& ctx) {}
const Scenario kUnlisted = {"unlisted", "a", "t", Severity::kError, {"Op"}, FactSheet("s"), Unlisted};

void AddAScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kGoodOne, kRenamedOne, kFarAway});
  out->push_back({"in_a_list", "a", "t", Severity::kError, {"Op"}, FactSheet("s"), Unlisted});
}
""",
        "harness/checks/scenarios/gen.cc": """
void Decide(ScenarioContext& ctx, const std::string& a) {}
}  // namespace

void AddGenScenarios(std::vector<Scenario>* out) {
  out->push_back({p + "[" + n + "]", "generated_family", "t", Severity::kError, {n}, "s", [](ScenarioContext& ctx) { Decide(ctx, p); }});
}
""",
        "harness/checks/scenarios/gen2.cc": """
void OtherFamily(ScenarioContext& ctx, const std::string& a) {}

int Helper() { return 1; }
}  // namespace

void AddGen2Scenarios(std::vector<Scenario>* out) {
  out->push_back({p + "[" + n + "]", "other_family", "t", Severity::kError, {n}, "s", [](ScenarioContext& ctx) { OtherFamily(ctx, p); }});
}
""",
        "harness/checks/protocol_probes.cc": """
void ProtocolGood(const spec::Service& s, const HttpResponse& r, std::vector<Finding>* out) {}
const Probe kProtocolGood = {"protocol_good", "t", Severity::kError, "s", Target::kNone, "ct", "{}", ProtocolGood};
void Rule(const spec::Service& s, const HttpResponse& r, std::vector<Finding>* out) {}
const Probe kProtocolBad = {"protocol_bad", "t", Severity::kError, "s", Target::kNone, "ct", "{}", Rule};
std::vector<ProtocolProbe> ProtocolProbes(const spec::Service& service) {
  for (const Probe* p : {&kProtocolGood, &kProtocolBad}) {}
}
""",
        "harness/checks/contract_cases.cc": """
class Generator {
  void RequiredMember(const spec::Operation& op) {
    Add(op, {{"required_member_rejected", "required"}, ValidationCode("required_member_error_code")});
  }
  void Traits(const spec::Operation& op) {
    auto emit = [&](const std::string& trait) { Add({{"constraint_violation_rejected", "constraint"}}); };
  }
};
""",
        "harness/checks/expectation.h": "void OutputShapeValid(const Call& call);\n",
        "harness/checks/expectation.cc": "void OutputShapeValid(const Call& call) {}\nvoid EvaluateErrorShape(const Call& call) {}\n",
        "harness/runner/shape_aggregates.cc": """
constexpr Family kOutputShape{"output_shape_valid", "output_shape", "t", Severity::kError};
constexpr Family kErrorShape{"error_shape_valid", "error_shape", "t", Severity::kError};
void ShapeAggregates::Add(const check::Call& call) {
  check::OutputShapeValid(call);
  check::EvaluateErrorShape(call);
}
""",
        "harness/livefuzz/judge.h": """
inline constexpr char kAnswerInTime[] = "fuzz_answer_in_time";
inline constexpr char kNoServerError[] = "fuzz_no_server_error";
inline constexpr char kEndpointSurvives[] = "fuzz_endpoint_survives";
inline constexpr char kFixtureSetup[] = "fuzz_fixture_setup";
""",
        "harness/livefuzz/judge.cc": """
bool Judge::FuzzAnswerInTime(Answer* a) const { return true; }
""",
        "harness/livefuzz/fuzz_loop.cc": """
results::CheckResult FuzzFixtureSetup(const spec::Operation& op, const Status& why) { return {}; }
""",
    }
    expected = [
        "renamed_one: registered with function OldName, not RenamedOne",
        "far_away: registration is not directly below FarAway",
        "unlisted: kUnlisted is not listed",
        "in_a_list: registered in a list",
        "generated family generated_family: decided by Decide, not GeneratedFamily",
        "generated family other_family: AddGen2Scenarios does not directly follow OtherFamily",
        "protocol_bad: registered with function Rule, not ProtocolBad",
        "constraint_violation_rejected: spelled in Traits, not in ConstraintViolation",
        "error_shape_valid: no function ErrorShapeValid defined",
        "error_shape_valid: ErrorShapeValid is not declared",
        "error_shape_valid: shape_aggregates.cc does not call check::ErrorShapeValid",
        "fuzz_no_server_error: no function FuzzNoServerError",
        "fuzz_endpoint_survives: no function FuzzEndpointSurvives",
    ]
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write(text)
        problems, _ = check(root)
    missed = [e for e in expected if not any(e in p for p in problems)]
    unexpected = [p for p in problems if not any(e in p for e in expected)]
    if missed or unexpected or len(problems) != len(expected):
        print("self-test FAILED")
        for e in missed:
            print("  missed:", e)
        for p in unexpected:
            print("  unexpected:", p)
        return 1
    print(f"self-test: all {len(expected)} misnamed or misplaced checks reported, the right ones not")
    return 0


def main(argv):
    def summarised(root):
        problems, counts = check(root)
        summary = "every check id is its deciding function's name: " + ", ".join(f"{family} {n}" for family, n in counts.items())
        return problems, summary
    return tree_check.run(argv, summarised, self_test,
                          "check name(s) no longer match the function that decides them (see tests/check_names_test.py's docstring)")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
