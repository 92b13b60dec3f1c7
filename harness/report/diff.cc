#include "harness/report/diff.h"

#include <map>
#include <ostream>
#include <set>

#include "harness/report/json_report_reader.h"
#include "harness/report/markdown.h"
#include "harness/report/report_util.h"
#include "harness/report/text_clean.h"
#include "harness/report/verdict.h"
#include "harness/results/redaction.h"

namespace ecrc::report {
namespace {

constexpr size_t kMaxDetailChars = 200;

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return SanitizeUtf8(TruncateWithMarker(text, kMaxDetailChars));
}

std::string Detail(const CheckResult& c) {
  std::string text;
  if (!c.findings.empty()) {
    text = c.findings.front().message;
  } else if (!c.skip_reason.empty()) {
    text = c.skip_reason;
  }
  return OneLine(results::RedactText(text));
}

CheckChange MakeChange(const CheckResult* old_check, const CheckResult* new_check) {
  const CheckResult& latest = new_check ? *new_check : *old_check;
  CheckChange change;
  change.id = latest.id;
  change.title = latest.title;
  change.operations = latest.operations;
  change.severity = latest.severity;
  if (old_check) change.old_outcome = old_check->outcome;
  if (new_check) change.new_outcome = new_check->outcome;
  change.detail = Detail(latest);
  return change;
}

std::string OutcomeText(const std::optional<Outcome>& o) { return o ? results::OutcomeName(*o) : "absent"; }

std::string Transition(const CheckChange& c) { return OutcomeText(c.old_outcome) + " → " + OutcomeText(c.new_outcome); }

std::string ShortSha(const std::string& sha) { return sha.empty() ? "(absent)" : sha.substr(0, 12); }

struct Section {
  const char* title;
  const std::vector<CheckChange>* changes;
};

std::vector<Section> Sections(const ReportDiff& d) {
  return {{"New failures (regressions)", &d.new_failures}, {"Fixed", &d.fixed},
          {"Still failing", &d.still_failing},             {"Appeared (only in the new report)", &d.appeared},
          {"Disappeared (only in the old report)", &d.disappeared}, {"Other outcome changes", &d.other_changes}};
}

std::string Verdict(const ReportDiff& d) {
  if (d.HasRegressions()) return std::to_string(d.new_failures.size()) + " regression(s)";
  return "no regressions";
}

std::string FormatText(const ReportDiff& d, const std::string& old_label, const std::string& new_label) {
  std::string out = "old: " + old_label + " (" + std::to_string(d.old_total) + " checks, " + d.old_verdict + ")\n" +
                    "new: " + new_label + " (" + std::to_string(d.new_total) + " checks, " + d.new_verdict + ")\n";
  for (const auto& s : Sections(d)) {
    out += "\n" + std::string(s.title) + ": " + (s.changes->empty() ? "none" : std::to_string(s.changes->size())) + "\n";
    for (const auto& c : *s.changes) {
      out += "  " + c.id + "  " + Transition(c);
      if (c.severity == Severity::kWarning) out += "  [warning]";
      if (!c.operations.empty()) out += "  (" + JoinStrings(c.operations, ", ") + ")";
      out += "\n";
      if (!c.detail.empty()) out += "      " + c.detail + "\n";
    }
  }
  out += "\nSpec changes: " + (d.spec_changes.empty() && !d.ModelChanged() ? std::string("none") : std::to_string(d.spec_changes.size())) + "\n";
  if (d.old_uid != d.new_uid) out += "  service " + d.old_uid + " → " + d.new_uid + "\n";
  if (d.ModelChanged()) out += "  model sha256 " + ShortSha(d.old_model_sha256) + " → " + ShortSha(d.new_model_sha256) + "\n";
  for (const auto& s : d.spec_changes) {
    out += "  " + s.operation + "  " + ShortSha(s.old_sha256) + " → " + ShortSha(s.new_sha256) + "\n";
  }
  out += "\nResult: " + Verdict(d) + "\n";
  return out;
}

std::string FormatMarkdown(const ReportDiff& d, const std::string& old_label, const std::string& new_label) {
  std::string out = "# ecr-conform diff: " + std::string(d.HasRegressions() ? "❌ " : "✅ ") + Verdict(d) + "\n\n";
  out += "| | report | checks | verdict |\n|---|---|---:|---|\n";
  out += "| old | " + MarkdownCode(old_label, true) + " | " + std::to_string(d.old_total) + " | " + d.old_verdict + " |\n";
  out += "| new | " + MarkdownCode(new_label, true) + " | " + std::to_string(d.new_total) + " | " + d.new_verdict + " |\n";
  for (const auto& s : Sections(d)) {
    out += "\n## " + std::string(s.title) + " (" + std::to_string(s.changes->size()) + ")\n\n";
    if (s.changes->empty()) {
      out += "None.\n";
      continue;
    }
    out += "| check | outcome | severity | operations | detail |\n|---|---|---|---|---|\n";
    for (const auto& c : *s.changes) {
      std::string ops;
      for (size_t i = 0; i < c.operations.size(); ++i) ops += (i ? ", " : "") + MarkdownCode(c.operations[i], true);
      out += "| " + MarkdownCode(c.id, true) + " | " + Transition(c) + " | " + results::SeverityName(c.severity) + " | " + ops + " | " +
             MarkdownEscape(c.detail) + " |\n";
    }
  }
  out += "\n## Spec changes (" + std::to_string(d.spec_changes.size()) + ")\n\n";
  if (d.old_uid != d.new_uid) out += "Service " + MarkdownCode(d.old_uid) + " → " + MarkdownCode(d.new_uid) + ".\n\n";
  if (d.ModelChanged()) {
    out += "Model sha256 " + MarkdownCode(ShortSha(d.old_model_sha256)) + " → " + MarkdownCode(ShortSha(d.new_model_sha256)) + ".\n\n";
  }
  if (d.spec_changes.empty()) {
    out += "No operation changed.\n";
  } else {
    out += "| operation | old sha256 | new sha256 |\n|---|---|---|\n";
    for (const auto& s : d.spec_changes) {
      out += "| " + MarkdownCode(s.operation, true) + " | " + MarkdownCode(ShortSha(s.old_sha256), true) + " | " +
             MarkdownCode(ShortSha(s.new_sha256), true) + " |\n";
    }
  }
  return out;
}

}  // namespace

ReportDiff DiffReports(const RunReport& old_report, const RunReport& new_report) {
  ReportDiff d;
  d.old_uid = old_report.spec.uid;
  d.new_uid = new_report.spec.uid;
  d.old_model_sha256 = old_report.spec.model_sha256;
  d.new_model_sha256 = new_report.spec.model_sha256;
  d.old_total = old_report.checks.size();
  d.new_total = new_report.checks.size();
  d.old_outcome = old_report.OverallOutcome();
  d.new_outcome = new_report.OverallOutcome();
  d.old_verdict = VerdictOf(old_report).Text();
  d.new_verdict = VerdictOf(new_report).Text();

  // std::map: ids in sorted order whatever order the inputs were in.
  std::map<std::string, std::pair<const CheckResult*, const CheckResult*>> by_id;
  for (const auto& c : old_report.checks) by_id[c.id].first = &c;
  for (const auto& c : new_report.checks) by_id[c.id].second = &c;
  for (const auto& [id, sides] : by_id) {
    const auto [old_check, new_check] = sides;
    CheckChange change = MakeChange(old_check, new_check);
    bool was_failing = old_check && IsProblem(old_check->outcome);
    bool is_failing = new_check && IsProblem(new_check->outcome);
    if (!old_check) d.appeared.push_back(change);
    if (!new_check) d.disappeared.push_back(change);
    if (is_failing && !was_failing) {
      d.new_failures.push_back(change);
    } else if (is_failing && was_failing) {
      d.still_failing.push_back(change);
    } else if (was_failing && new_check && new_check->outcome == Outcome::kPassed) {
      d.fixed.push_back(change);
    } else if (old_check && new_check && old_check->outcome != new_check->outcome) {
      d.other_changes.push_back(change);
    }
  }

  std::set<std::string> operations;
  for (const auto& [op, sha] : old_report.spec.operation_sha256) operations.insert(op);
  for (const auto& [op, sha] : new_report.spec.operation_sha256) operations.insert(op);
  for (const auto& op : operations) {
    auto o = old_report.spec.operation_sha256.find(op);
    auto n = new_report.spec.operation_sha256.find(op);
    std::string old_sha = o == old_report.spec.operation_sha256.end() ? "" : o->second;
    std::string new_sha = n == new_report.spec.operation_sha256.end() ? "" : n->second;
    if (old_sha != new_sha) d.spec_changes.push_back({op, old_sha, new_sha});
  }
  return d;
}

bool HasRegressions(const RunReport& baseline, const RunReport& current) {
  std::set<std::string> failing_before;
  for (const auto& c : baseline.checks) {
    if (IsProblem(c.outcome)) failing_before.insert(c.id);
  }
  for (const auto& c : current.checks) {
    if (IsProblem(c.outcome) && !failing_before.count(c.id)) return true;
  }
  return false;
}

std::string FormatDiff(const ReportDiff& diff, DiffFormat format, const std::string& old_label, const std::string& new_label) {
  return format == DiffFormat::kMarkdown ? FormatMarkdown(diff, old_label, new_label) : FormatText(diff, old_label, new_label);
}

int RunDiff(const std::string& old_path, const std::string& new_path, DiffFormat format, std::ostream& out, std::ostream& err) {
  auto old_report = ReadReportFile(old_path);
  if (!old_report.ok()) {
    err << "ecr-conform diff: cannot read the old report " << old_report.status().message() << "\n";
    return 2;
  }
  auto new_report = ReadReportFile(new_path);
  if (!new_report.ok()) {
    err << "ecr-conform diff: cannot read the new report " << new_report.status().message() << "\n";
    return 2;
  }
  ReportDiff d = DiffReports(*old_report, *new_report);
  out << FormatDiff(d, format, results::RedactText(old_path), results::RedactText(new_path));
  return d.HasRegressions() ? 1 : 0;
}

}  // namespace ecrc::report
