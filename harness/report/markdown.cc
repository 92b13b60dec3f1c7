#include "harness/report/markdown.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "harness/report/capability_matrix.h"
#include "harness/report/report_util.h"
#include "harness/report/text_clean.h"
#include "harness/report/verdict.h"

namespace ecrc::report {
namespace {

// Lists of names longer than this are cut with "and N more" (the JSON has them all).
constexpr size_t kMaxListedNames = 200;
constexpr size_t kMaxSkippedIdsPerReason = 20;

size_t LongestBacktickRun(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::string CodeList(const std::vector<std::string>& names, size_t max = kMaxListedNames) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < max; ++i) out += (i ? ", " : "") + MarkdownCode(names[i]);
  if (names.size() > max) out += ", and " + std::to_string(names.size() - max) + " more";
  return out;
}

// The run's shared cause of failure, when it has one, before the matrix and the failures it explains.
void RootCauseLine(std::string* out, const RunReport& r) {
  if (!r.root_cause.empty()) *out += "> **Root cause:** " + MarkdownEscape(r.root_cause) + "\n\n";
}

std::string Ratio(size_t covered, size_t of) { return std::to_string(covered) + "/" + std::to_string(of); }

void Headline(std::string* out, const RunReport& r) {
  RunVerdict verdict = VerdictOf(r);
  *out += "# ECR Public conformance: " + std::string(verdict.Glyph()) + " " + verdict.Text() + "\n\n";
  auto counts = r.Counts();
  auto n = [&](Outcome o) { return std::to_string(counts.count(o) ? counts.at(o) : 0); };
  *out += "**" + std::to_string(r.checks.size()) + " checks:** " + n(Outcome::kPassed) + " passed · " + n(Outcome::kFailed) +
          " failed · " + n(Outcome::kErrored) + " errored · " + n(Outcome::kSkipped) + " skipped · " + n(Outcome::kDisabled) +
          " disabled\n\n";
  std::string model = r.spec.model_sha256.substr(0, 12);
  *out += "| | |\n|---|---|\n";
  *out += "| endpoint | " + MarkdownCode(r.endpoint, true) + (r.region.empty() ? "" : " (" + MarkdownEscape(r.region) + ")") + " |\n";
  *out += "| spec | " + MarkdownCode(r.spec.uid, true) + ", model sha256 " + MarkdownCode(model.empty() ? "?" : model, true) + " |\n";
  *out += "| suites | " + (r.suites.empty() ? std::string("–") : MarkdownEscape(JoinStrings(r.suites, ", "))) + " |\n";
  *out += "| seed | " + std::to_string(r.seed) + " |\n";
  if (!r.tool_version.empty()) *out += "| ecr-conform | " + MarkdownEscape(r.tool_version) + " |\n";
  if (!r.started_at.empty()) {
    *out += "| started | " + MarkdownEscape(r.started_at) + ", " + FormatSeconds(r.duration_seconds) + " s |\n";
  }
  *out += "\n";
}

void Matrix(std::string* out, const RunReport& r) {
  CapabilityMatrix m = BuildMatrix(r);
  *out += "## Capability matrix\n\n";
  if (m.columns.empty()) {
    *out += "No checks ran.\n\n";
    return;
  }
  *out += "| operation |";
  for (const auto& col : m.columns) *out += " " + MarkdownEscape(col) + " |";
  *out += "\n|---|";
  for (size_t i = 0; i < m.columns.size(); ++i) *out += ":-:|";
  *out += "\n";
  for (const auto& row : m.rows) {
    *out += "| " + MarkdownEscape(row) + " |";
    for (const auto& col : m.columns) *out += " " + CellText(m.Find(row, col)) + " |";
    *out += "\n";
  }
  *out += "\n✅ n: all n checks passed · ❌ p/n: p of the n checks that ran failed (error severity) · ⚠️ p/n: only "
          "warnings failed or the harness errored · –: nothing ran. `" +
          std::string(kCrossOperationGroup) + "` holds checks touching several operations (scenarios), `" + kProtocolGroup +
          "` those touching none.\n\n";
}

void CheckDetail(std::string* out, const CheckResult& c) {
  *out += "### " + std::string(CheckGlyph(c)) + " " + MarkdownCode(c.id) + "\n\n";
  if (!c.title.empty()) *out += MarkdownEscape(c.title) + "\n\n";
  *out += "- severity: " + std::string(results::SeverityName(c.severity)) + " · suite: " + MarkdownEscape(c.suite) +
          " · category: " + MarkdownEscape(CategoryOf(c)) + "\n";
  *out += "- operations: " + (c.operations.empty() ? std::string("(none: protocol level)") : CodeList(c.operations)) + "\n";
  if (!c.source.empty()) {
    bool url = c.source.rfind("https://", 0) == 0 || c.source.rfind("http://", 0) == 0;
    *out += "- source: " + (url && c.source.find_first_of(" <>()") == std::string::npos ? "<" + c.source + ">" : MarkdownCode(c.source)) +
            "\n";
  }
  if (!c.attachment.empty()) *out += "- replay file: " + MarkdownCode(c.attachment) + "\n";
  *out += "\n";
  if (!c.findings.empty()) {
    *out += "**Findings**\n\n";
    for (size_t i = 0; i < c.findings.size(); ++i) {
      const auto& f = c.findings[i];
      *out += std::to_string(i + 1) + ". " + MarkdownEscape(f.message) + "\n";
      if (!f.path.empty()) *out += "   - at " + MarkdownCode(f.path) + "\n";
      if (!f.expected.empty()) *out += "   - expected: " + MarkdownCode(f.expected) + "\n";
      if (!f.observed.empty()) *out += "   - observed: " + MarkdownCode(f.observed) + "\n";
      if (f.exchange && *f.exchange < c.exchanges.size()) *out += "   - in exchange " + std::to_string(*f.exchange + 1) + "\n";
    }
    *out += "\n";
  }
  for (size_t i = 0; i < c.exchanges.size(); ++i) {
    *out += "**Exchange " + std::to_string(i + 1) + "**: " + MarkdownEscape(ExchangeSummary(c.exchanges[i])) + "\n\n";
    *out += MarkdownFence(ExchangeToText(c.exchanges[i]), "http") + "\n";
  }
  if (!c.reproduction.empty()) *out += "**Reproduction**\n\n" + MarkdownFence(c.reproduction, "sh") + "\n";
}

void ProblemSection(std::string* out, const std::string& heading, const std::string& intro,
                    const std::vector<const CheckResult*>& checks) {
  if (checks.empty()) return;
  *out += "## " + heading + " (" + std::to_string(checks.size()) + ")\n\n";
  if (!intro.empty()) *out += intro + "\n\n";
  for (const auto* c : checks) CheckDetail(out, *c);
}

void Skipped(std::string* out, const RunReport& r) {
  std::map<std::string, std::vector<std::string>> by_reason;
  size_t total = 0;
  for (const auto& c : r.checks) {
    if (c.outcome != Outcome::kSkipped && c.outcome != Outcome::kDisabled) continue;
    std::string reason = c.skip_reason.empty() ? "(no reason given)" : c.skip_reason;
    if (c.outcome == Outcome::kDisabled) reason = "disabled: " + reason;
    by_reason[reason].push_back(c.id);
    ++total;
  }
  if (total == 0) return;
  *out += "## Skipped (" + std::to_string(total) + ")\n\n";
  for (const auto& [reason, ids] : by_reason) {
    *out += "- " + MarkdownEscape(reason) + " (" + std::to_string(ids.size()) + "): " + CodeList(ids, kMaxSkippedIdsPerReason) + "\n";
  }
  *out += "\n";
}

void CoverageSection(std::string* out, const RunReport& r) {
  const auto& cov = r.coverage;
  size_t ops_total = cov.operations_exercised.size() + cov.operations_missed.size();
  size_t pag_total = cov.paginators_verified.size() + cov.paginators_missed.size();
  size_t unprovokable = cov.errors_unprovokable.size();
  size_t err_total = cov.errors_provoked.size() + cov.errors_missed.size() + unprovokable;
  size_t con_total = cov.constraints_exercised.size() + cov.constraints_missed.size();
  *out += "## Coverage\n\n| what | covered |\n|---|---|\n";
  *out += "| operations exercised | " + Ratio(cov.operations_exercised.size(), ops_total) + " |\n";
  *out += "| paginators verified | " + Ratio(cov.paginators_verified.size(), pag_total) + " |\n";
  *out += "| declared errors provoked | " + Ratio(cov.errors_provoked.size(), err_total);
  if (unprovokable > 0) {
    *out += " (" + Ratio(cov.errors_provoked.size(), err_total - unprovokable) + " of those that can be provoked from outside; " +
            std::to_string(unprovokable) + " cannot)";
  }
  *out += " |\n";
  *out += "| constraints exercised | " + Ratio(cov.constraints_exercised.size(), con_total) + " |\n";
  if (size_t forms = cov.error_forms_decoded.size() + cov.error_forms_missed.size()) {
    *out += "| error forms decoded | " + Ratio(cov.error_forms_decoded.size(), forms) + " |\n";
  }
  if (size_t members = cov.input_members_sent.size() + cov.input_members_missed.size()) {
    *out += "| input members sent | " + Ratio(cov.input_members_sent.size(), members) + " |\n";
  }
  *out += "\n";

  auto gap = [&](const char* what, const std::vector<std::string>& names) {
    if (!names.empty()) *out += "- **" + std::string(what) + "** (" + std::to_string(names.size()) + "): " + CodeList(names) + "\n";
  };
  gap("operations not exercised", cov.operations_missed);
  gap("paginators not verified", cov.paginators_missed);
  gap("declared errors not provoked", cov.errors_missed);
  gap("constraints not exercised", cov.constraints_missed);
  if (unprovokable > 0) {
    *out += "- **declared errors that cannot be provoked from outside** (" + std::to_string(unprovokable) + "):\n";
    for (const auto& [pair, why] : cov.errors_unprovokable) *out += "  - " + MarkdownCode(pair) + ": " + MarkdownEscape(why) + "\n";
  }
  if (cov.operations_missed.empty() && cov.paginators_missed.empty() && cov.errors_missed.empty() && cov.constraints_missed.empty()) {
    *out += "- no gaps: everything that can be exercised from outside was.\n";
  }
  *out += "\n";
}

void PropertySection(std::string* out, const RunReport& r) {
  if (!r.property) return;
  const results::PropertyStats& p = *r.property;
  *out += "## Property suite\n\n" + std::to_string(p.cases) + " generated cases, " + std::to_string(p.steps) +
          " steps (at most " + std::to_string(p.max_steps) + " per case; shrink re-runs not counted).\n\n";
  *out += "| command | runs |\n|---|---|\n";
  for (const auto& [name, n] : p.commands) *out += "| " + MarkdownCode(name) + " | " + std::to_string(n) + " |\n";
  if (!p.choices.empty()) {
    *out += "\nWhere the fact sheet leaves the outcome open, the endpoint chose:\n\n";
    for (const auto& [what, n] : p.choices) *out += "- " + MarkdownEscape(what) + ": " + std::to_string(n) + "\n";
  }
  *out += "\n";
}

}  // namespace

std::string MarkdownEscape(std::string_view text) {
  std::string clean = SanitizeForDisplay(text);
  std::string out;
  out.reserve(clean.size());
  auto alnum = [&](size_t i) { return i < clean.size() && std::isalnum(static_cast<unsigned char>(clean[i])); };
  for (size_t i = 0; i < clean.size(); ++i) {
    char c = clean[i];
    // An underscore inside a word never starts emphasis (GFM), so ids like minimal_call stay readable.
    if (c == '_' && i > 0 && alnum(i - 1) && alnum(i + 1)) {
      out += c;
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#': case '~': case '&':
        out += '\\';
        out += c;
        break;
      case '\n': out += ' '; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string MarkdownCode(std::string_view text, bool in_table) {
  std::string clean = SanitizeForDisplay(text);
  for (char& c : clean) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  // A pipe ends a table cell even inside a code span (GFM); escaped, it renders as a pipe.
  std::string piped;
  for (char c : clean) {
    if (c == '|' && in_table) piped += '\\';
    piped += c;
  }
  if (piped.empty()) return "` `";
  std::string fence(LongestBacktickRun(piped) + 1, '`');
  bool pad = piped.front() == '`' || piped.back() == '`' || fence.size() > 1;
  return fence + (pad ? " " : "") + piped + (pad ? " " : "") + fence;
}

std::string MarkdownFence(std::string_view text, std::string_view info) {
  std::string clean = SanitizeForDisplay(text);
  std::string fence(std::max<size_t>(3, LongestBacktickRun(clean) + 1), '`');
  std::string out = fence + std::string(info) + "\n" + clean;
  if (out.back() != '\n') out += "\n";
  return out + fence + "\n";
}

std::string RenderMarkdown(const RunReport& input) { return RenderMarkdownPrepared(PrepareForOutput(input)); }

std::string RenderMarkdownPrepared(const RunReport& r) {
  std::string out;
  Headline(&out, r);
  RootCauseLine(&out, r);
  Matrix(&out, r);
  std::vector<const CheckResult*> failed, warnings, errored;
  for (const auto& c : r.checks) {
    if (c.outcome == Outcome::kFailed) (c.severity == Severity::kError ? failed : warnings).push_back(&c);
    if (c.outcome == Outcome::kErrored) errored.push_back(&c);
  }
  ProblemSection(&out, "Failures", "", failed);
  ProblemSection(&out, "Warnings",
                 "Failed checks of severity `warning`: the documented AWS behaviour is uncertain, so these are worth a look but "
                 "not proof of non-conformance.",
                 warnings);
  ProblemSection(&out, "Errored",
                 "The harness or the transport failed (timeouts, refused connections, bugs in ecr-conform); this says nothing "
                 "about conformance.",
                 errored);
  if (failed.empty() && warnings.empty() && errored.empty() && !r.checks.empty()) out += "No failures.\n\n";
  Skipped(&out, r);
  CoverageSection(&out, r);
  PropertySection(&out, r);
  return out;
}

}  // namespace ecrc::report
