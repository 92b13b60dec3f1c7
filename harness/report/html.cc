#include "harness/report/html.h"

#include <set>

#include "harness/report/capability_matrix.h"
#include "harness/report/html_assets.h"
#include "harness/report/json_report.h"
#include "harness/report/report_util.h"
#include "harness/report/verdict.h"
#include "harness/report/xml_escape.h"

namespace ecrc::report {
namespace {

std::string H(std::string_view text) { return XmlEscape(text, false); }
std::string A(std::string_view text) { return XmlEscape(text, true); }

const char* StateClass(CellState s) {
  switch (s) {
    case CellState::kPass: return "s-pass";
    case CellState::kFail: return "s-fail";
    case CellState::kWarn: return "s-warn";
    case CellState::kNone: break;
  }
  return "s-none";
}

std::string Badge(Outcome o) {
  return std::string("<span class=\"badge o-") + results::OutcomeName(o) + "\">" + results::OutcomeName(o) + "</span>";
}

bool IsHttpUrl(const std::string& s) { return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0; }

// The report JSON inside <script type="application/json">: `<`, `>` and `&` only occur inside
// JSON strings, where \u escapes are equivalent, so escaping them keeps `</script>` out.
std::string EmbeddedJson(const RunReport& r) {
  std::string json = ToJsonPrepared(r).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size() + 64);
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

// A stylesheet or script of the page (html/*.css, html/*.js). The error capture script runs
// first, in <head>: anything that goes wrong later is written into the page, so a headless
// browser's DOM dump shows it.
std::string_view Asset(std::string_view name) { return FindEmbeddedFile(HtmlAssetFiles(), name); }

void Header(std::string* out, const RunReport& r) {
  RunVerdict verdict = VerdictOf(r);
  *out += "<header>\n<h1><span class=\"badge " + std::string(verdict.BadgeClass()) + "\">" + H(verdict.Text()) +
          "</span> ECR Public conformance</h1>\n<p class=\"counts\"><strong>" +
          std::to_string(r.checks.size()) + " checks</strong>: ";
  auto counts = r.Counts();
  for (Outcome o : {Outcome::kPassed, Outcome::kFailed, Outcome::kErrored, Outcome::kSkipped, Outcome::kDisabled}) {
    *out += "<span>" + std::to_string(counts.count(o) ? counts.at(o) : 0) + " " + results::OutcomeName(o) + "</span>";
  }
  *out += "</p>\n<dl class=\"meta\">";
  auto meta = [&](const char* k, const std::string& v) { *out += "<dt>" + std::string(k) + "</dt><dd>" + v + "</dd>"; };
  meta("endpoint", "<code>" + H(r.endpoint) + "</code>" + (r.region.empty() ? "" : " (" + H(r.region) + ")"));
  meta("spec", "<code>" + H(r.spec.uid) + "</code>, model sha256 <code title=\"" + A(r.spec.model_sha256) + "\">" +
                   H(r.spec.model_sha256.substr(0, 12)) + "</code>");
  meta("suites", H(r.suites.empty() ? "–" : JoinStrings(r.suites, ", ")));
  meta("seed", std::to_string(r.seed));
  if (!r.tool_version.empty()) meta("ecr-conform", H(r.tool_version));
  if (!r.started_at.empty()) meta("started", H(r.started_at) + ", " + FormatSeconds(r.duration_seconds) + " s");
  *out += "</dl>\n<nav><a href=\"#matrix\">Capability matrix</a> · <a href=\"#checks\">Checks</a> · <a href=\"#coverage\">Coverage</a></nav>\n</header>\n";
}

// The run's shared cause of failure, when it has one, right under the header: read before the
// hundreds of checks it broke.
void RootCauseBanner(std::string* out, const RunReport& r) {
  if (r.root_cause.empty()) return;
  *out += "<p id=\"root-cause\" style=\"border-left: 4px solid var(--fail); padding: 4px 10px; background: #ffebe9;\"><strong>Root cause:</strong> " +
          H(r.root_cause) + "</p>\n";
}

void Matrix(std::string* out, const RunReport& r) {
  CapabilityMatrix m = BuildMatrix(r);
  *out += "<section id=\"matrix\">\n<h2>Capability matrix</h2>\n";
  if (m.columns.empty()) {
    *out += "<p>No checks ran.</p>\n</section>\n";
    return;
  }
  *out += "<table class=\"matrix\"><thead><tr><th>operation</th>";
  for (const auto& col : m.columns) *out += "<th>" + H(col) + "</th>";
  *out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : m.rows) {
    *out += "<tr><th class=\"row\" data-row=\"" + A(row) + "\" title=\"show these checks\">" + H(row) + "</th>";
    for (const auto& col : m.columns) {
      const MatrixCell* cell = m.Find(row, col);
      *out += "<td class=\"" + std::string(StateClass(cell ? StateOf(*cell) : CellState::kNone)) + "\">" + H(CellText(cell, /*emoji=*/false)) + "</td>";
    }
    *out += "</tr>\n";
  }
  *out += "</tbody></table>\n<p class=\"legend\">✓ n: all n checks passed · ✗ p/n: p of the n checks that ran failed "
          "(error severity) · ⚠ p/n: only warnings failed or the harness errored · –: nothing ran. <code>cross-operation</code> "
          "holds checks touching several operations, <code>protocol</code> those touching none. Click an operation to filter "
          "the checks.</p>\n</section>\n";
}

void Check(std::string* out, const CheckResult& c) {
  std::string outcome = results::OutcomeName(c.outcome);
  *out += "<details class=\"check\" data-id=\"" + A(c.id) + "\" data-title=\"" + A(c.title) + "\" data-operations=\" " +
          A(JoinStrings(c.operations, " ")) + " \" data-group=\"" + A(GroupOf(c)) + "\" data-category=\"" + A(CategoryOf(c)) +
          "\" data-outcome=\"" + outcome + "\" data-severity=\"" + results::SeverityName(c.severity) + "\">\n<summary>" +
          Badge(c.outcome) + " <code>" + H(c.id) + "</code>";
  if (c.severity == Severity::kWarning) *out += " <span class=\"sev-warning\">warning</span>";
  *out += "<span class=\"ops\">" + H(c.operations.empty() ? "(protocol)" : JoinStrings(c.operations, ", ")) + "</span>";
  if (!c.title.empty()) *out += "<span class=\"title\">" + H(c.title) + "</span>";
  *out += "</summary>\n<div class=\"body\">\n<dl class=\"meta\">";
  auto meta = [&](const char* k, const std::string& v) { *out += "<dt>" + std::string(k) + "</dt><dd>" + v + "</dd>"; };
  meta("check", "<code>" + H(c.check) + "</code>");
  meta("suite", H(c.suite));
  meta("category", H(CategoryOf(c)));
  meta("severity", results::SeverityName(c.severity));
  if (!c.source.empty()) {
    meta("source", IsHttpUrl(c.source) ? "<a href=\"" + A(c.source) + "\" rel=\"noopener noreferrer\">" + H(c.source) + "</a>"
                                        : "<code>" + H(c.source) + "</code>");
  }
  if (!c.skip_reason.empty()) meta("reason", H(c.skip_reason));
  if (!c.attachment.empty()) meta("replay file", "<code>" + H(c.attachment) + "</code>");
  *out += "</dl>\n";
  if (!c.findings.empty()) {
    *out += "<h4>Findings</h4>\n<ol>\n";
    for (const auto& f : c.findings) {
      *out += "<li class=\"finding\">" + H(f.message);
      if (!f.path.empty()) *out += "<br><span class=\"k\">at</span> <code>" + H(f.path) + "</code>";
      if (!f.expected.empty()) *out += "<br><span class=\"k\">expected</span> <code>" + H(f.expected) + "</code>";
      if (!f.observed.empty()) *out += "<br><span class=\"k\">observed</span> <code>" + H(f.observed) + "</code>";
      if (f.exchange && *f.exchange < c.exchanges.size()) {
        *out += "<br><span class=\"k\">in exchange</span> " + std::to_string(*f.exchange + 1);
      }
      *out += "</li>\n";
    }
    *out += "</ol>\n";
  }
  bool problem = IsProblem(c.outcome);
  for (size_t i = 0; i < c.exchanges.size(); ++i) {
    *out += std::string("<details class=\"exchange\"") + (problem ? " open" : "") + "><summary>Exchange " + std::to_string(i + 1) +
            ": " + H(ExchangeSummary(c.exchanges[i])) + "</summary>\n<pre>" + H(ExchangeToText(c.exchanges[i])) + "</pre>\n</details>\n";
  }
  if (!c.reproduction.empty()) *out += "<h4>Reproduction</h4>\n<pre class=\"reproduction\">" + H(c.reproduction) + "</pre>\n";
  *out += "</div>\n</details>\n";
}

void Checks(std::string* out, const RunReport& r) {
  std::set<std::string> operations, categories;
  for (const auto& c : r.checks) {
    operations.insert(c.operations.begin(), c.operations.end());
    categories.insert(CategoryOf(c));
  }
  *out += "<section id=\"checks\">\n<h2>Checks</h2>\n<div class=\"filters\" id=\"filters\">\n"
          "<label>Operation<select id=\"filter-operation\"><option value=\"\">all</option>";
  for (const auto& op : operations) *out += "<option value=\"" + A(op) + "\">" + H(op) + "</option>";
  *out += "<option value=\"@cross-operation\">(cross-operation checks)</option><option value=\"@protocol\">(protocol checks)</option>"
          "</select></label>\n<label>Category<select id=\"filter-category\"><option value=\"\">all</option>";
  for (const auto& cat : categories) *out += "<option value=\"" + A(cat) + "\">" + H(cat) + "</option>";
  *out += "</select></label>\n<label>Outcome<select id=\"filter-outcome\"><option value=\"\">all</option>"
          "<option value=\"problems\">failed or errored</option>";
  for (const char* o : {"failed", "errored", "passed", "skipped", "disabled"}) {
    *out += std::string("<option value=\"") + o + "\">" + o + "</option>";
  }
  *out += "</select></label>\n<label>Severity<select id=\"filter-severity\"><option value=\"\">all</option>"
          "<option value=\"error\">error</option><option value=\"warning\">warning</option></select></label>\n"
          "<label>Search<input id=\"filter-text\" type=\"search\" placeholder=\"check id or title\"></label>\n"
          "<button type=\"button\" id=\"expand-failures\">Expand failures</button>\n"
          "<button type=\"button\" id=\"reset-filters\">Show all</button>\n<span id=\"shown-count\"></span>\n</div>\n"
          "<div id=\"check-list\">\n";
  for (const auto& c : r.checks) Check(out, c);
  *out += "</div>\n<p id=\"no-match\" hidden>No check matches the filters.</p>\n</section>\n";
}

void CodeList(std::string* out, const char* what, const std::vector<std::string>& names) {
  if (names.empty()) return;
  *out += "<li><strong>" + std::string(what) + "</strong> (" + std::to_string(names.size()) + "): ";
  for (size_t i = 0; i < names.size(); ++i) *out += (i ? ", " : "") + std::string("<code>") + H(names[i]) + "</code>";
  *out += "</li>\n";
}

void CoverageSection(std::string* out, const RunReport& r) {
  const auto& cov = r.coverage;
  auto ratio = [](size_t a, size_t b) { return std::to_string(a) + "/" + std::to_string(b); };
  size_t unprovokable = cov.errors_unprovokable.size();
  size_t err_total = cov.errors_provoked.size() + cov.errors_missed.size() + unprovokable;
  *out += "<section id=\"coverage\">\n<h2>Coverage</h2>\n<table class=\"coverage\"><tbody>\n";
  *out += "<tr><th>operations exercised</th><td>" +
          ratio(cov.operations_exercised.size(), cov.operations_exercised.size() + cov.operations_missed.size()) + "</td></tr>\n";
  *out += "<tr><th>paginators verified</th><td>" +
          ratio(cov.paginators_verified.size(), cov.paginators_verified.size() + cov.paginators_missed.size()) + "</td></tr>\n";
  *out += "<tr><th>declared errors provoked</th><td>" + ratio(cov.errors_provoked.size(), err_total);
  if (unprovokable) {
    *out += " (" + ratio(cov.errors_provoked.size(), err_total - unprovokable) + " of those that can be provoked from outside; " +
            std::to_string(unprovokable) + " cannot)";
  }
  *out += "</td></tr>\n<tr><th>constraints exercised</th><td>" +
          ratio(cov.constraints_exercised.size(), cov.constraints_exercised.size() + cov.constraints_missed.size()) +
          "</td></tr>\n</tbody></table>\n<ul>\n";
  CodeList(out, "operations not exercised", cov.operations_missed);
  CodeList(out, "paginators not verified", cov.paginators_missed);
  CodeList(out, "declared errors not provoked", cov.errors_missed);
  CodeList(out, "constraints not exercised", cov.constraints_missed);
  if (unprovokable) {
    *out += "<li><strong>declared errors that cannot be provoked from outside</strong> (" + std::to_string(unprovokable) + "):<ul>\n";
    for (const auto& [pair, why] : cov.errors_unprovokable) *out += "<li><code>" + H(pair) + "</code>: " + H(why) + "</li>\n";
    *out += "</ul></li>\n";
  }
  *out += "</ul>\n</section>\n";
}

}  // namespace

std::string RenderHtml(const RunReport& input) { return RenderHtmlPrepared(PrepareForOutput(input)); }

std::string RenderHtmlPrepared(const RunReport& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n<title>ECR Public conformance: " +
      H(VerdictOf(r).Text()) + " · " + H(r.endpoint) + "</title>\n<style>\n" + std::string(Asset("report_css")) +
      "</style>\n<script>\n" + std::string(Asset("error_capture_js")) + "</script>\n</head>\n<body data-ready=\"0\">\n";
  Header(&out, r);
  RootCauseBanner(&out, r);
  Matrix(&out, r);
  Checks(&out, r);
  CoverageSection(&out, r);
  out += "<section id=\"diagnostics\"><ul id=\"js-errors\"></ul><pre id=\"selftest-result\"></pre></section>\n";
  out += "<script type=\"application/json\" id=\"report-data\">" + EmbeddedJson(r) + "</script>\n";
  out += "<script>\n" + std::string(Asset("report_js")) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace ecrc::report
