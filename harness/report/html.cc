#include "harness/report/html.h"

#include <set>

#include "harness/report/json_report.h"
#include "harness/report/verdict.h"
#include "harness/report/report_util.h"

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

constexpr char kStyle[] = R"CSS(
:root { --pass:#1a7f37; --fail:#cf222e; --warn:#9a6700; --err:#bc4c00; --skip:#6e7781; --bg:#fff; --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --code:#f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 16px 24px 48px; max-width: 1400px; }
h1 { font-size: 24px; margin: 8px 0; } h2 { font-size: 19px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; overflow: auto; white-space: pre-wrap; word-break: break-all; max-height: 480px; }
.badge { display: inline-block; min-width: 62px; text-align: center; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; }
.o-passed { background: var(--pass); } .o-warned { background: var(--warn); } .o-failed { background: var(--fail); } .o-errored { background: var(--err); } .o-skipped { background: var(--skip); } .o-disabled { background: #afb8c1; }
.sev-warning { color: var(--warn); font-weight: 600; }
.counts span { margin-right: 12px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; } dl.meta dt { color: var(--muted); }
table { border-collapse: collapse; } th, td { border: 1px solid var(--line); padding: 3px 8px; }
table.coverage th { text-align: left; font-weight: 600; } table.matrix th.row { text-align: left; cursor: pointer; color: #0969da; } table.matrix td { text-align: center; white-space: nowrap; }
td.s-pass { background: #dafbe1; } td.s-fail { background: #ffebe9; } td.s-warn { background: #fff8c5; } td.s-none { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 8px; position: sticky; top: 0; z-index: 1; }
.filters label { color: var(--muted); } .filters select, .filters input { margin-left: 4px; }
details.check { border: 1px solid var(--line); border-radius: 6px; margin: 4px 0; }
details.check > summary { padding: 4px 8px; cursor: pointer; } details.check[open] > summary { border-bottom: 1px solid var(--line); }
details.check .ops, details.check .title { color: var(--muted); margin-left: 8px; }
details.check .body { padding: 4px 12px 8px; }
details.exchange > summary { cursor: pointer; margin: 6px 0; }
.finding { margin-bottom: 6px; } .finding .k { color: var(--muted); }
#diagnostics:empty { display: none; }
ul#js-errors:empty, pre#selftest-result:empty { display: none; }
ul#js-errors li { color: var(--fail); }
.legend { color: var(--muted); font-size: 12.5px; }
)CSS";

// Runs first: anything that goes wrong later is written into the page, so a headless browser's
// DOM dump shows it.
constexpr char kErrorCapture[] = R"JS(
(function () {
  'use strict';
  var pending = [];
  function record(message) {
    var list = document.getElementById('js-errors');
    if (!list) { pending.push(message); return; }
    var item = document.createElement('li');
    item.textContent = String(message);
    list.appendChild(item);
  }
  window.ecrcRecordError = record;
  window.ecrcFlushErrors = function () { var p = pending; pending = []; p.forEach(record); };
  window.addEventListener('error', function (e) { record('uncaught: ' + e.message + ' (line ' + e.lineno + ')'); });
  window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) { record('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI); });
  var consoleError = console.error;
  console.error = function () { record('console.error: ' + Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };
})();
)JS";

constexpr char kScript[] = R"JS(
(function () {
  'use strict';
  window.ecrcFlushErrors();
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var checks = Array.prototype.slice.call(document.querySelectorAll('#check-list > details.check'));
  var controls = {
    operation: document.getElementById('filter-operation'),
    category: document.getElementById('filter-category'),
    outcome: document.getElementById('filter-outcome'),
    severity: document.getElementById('filter-severity'),
    text: document.getElementById('filter-text')
  };
  var OUTCOMES = ['disabled', 'skipped', 'passed', 'failed', 'errored'];

  function matches(el, f) {
    var d = el.dataset;
    if (f.operation) {
      if (f.operation.charAt(0) === '@') { if (d.group !== f.operation.slice(1)) return false; }
      else if (d.operations.indexOf(' ' + f.operation + ' ') < 0) return false;
    }
    if (f.category && d.category !== f.category) return false;
    if (f.outcome === 'problems') { if (d.outcome !== 'failed' && d.outcome !== 'errored') return false; }
    else if (f.outcome && d.outcome !== f.outcome) return false;
    if (f.severity && d.severity !== f.severity) return false;
    if (f.text && (d.id + ' ' + (d.title || '')).toLowerCase().indexOf(f.text.toLowerCase()) < 0) return false;
    return true;
  }
  function current() {
    return { operation: controls.operation.value, category: controls.category.value, outcome: controls.outcome.value,
             severity: controls.severity.value, text: controls.text.value.trim() };
  }
  function apply() {
    var f = current(), shown = 0;
    checks.forEach(function (el) { var ok = matches(el, f); el.hidden = !ok; if (ok) shown++; });
    document.getElementById('shown-count').textContent = shown + ' of ' + checks.length + ' checks shown';
    document.getElementById('no-match').hidden = shown !== 0;
    return shown;
  }
  function set(f) {
    ['operation', 'category', 'outcome', 'severity', 'text'].forEach(function (k) { controls[k].value = f[k] || ''; });
    return apply();
  }
  Object.keys(controls).forEach(function (k) { controls[k].addEventListener(k === 'text' ? 'input' : 'change', apply); });
  document.getElementById('expand-failures').addEventListener('click', function () {
    checks.forEach(function (el) { if (!el.hidden && (el.dataset.outcome === 'failed' || el.dataset.outcome === 'errored')) el.open = true; });
  });
  document.getElementById('reset-filters').addEventListener('click', function () { set({}); });
  Array.prototype.forEach.call(document.querySelectorAll('table.matrix th.row'), function (th) {
    th.addEventListener('click', function () {
      var row = th.dataset.row;
      set({ operation: row === 'cross-operation' || row === 'protocol' ? '@' + row : row });
      document.getElementById('checks').scrollIntoView();
    });
  });

  // Checks every filter against the embedded JSON (the source of truth), so a test can load the
  // page headless and know the filters work, not just that the page renders.
  function selfTest() {
    var saved = current(), failures = [], assertions = 0;
    function visibleIds() { return checks.filter(function (el) { return !el.hidden; }).map(function (el) { return el.dataset.id; }); }
    function expect(name, filter, predicate) {
      set(filter);
      var got = visibleIds().join('\n');
      var want = report.checks.filter(predicate).map(function (c) { return c.id; }).join('\n');
      assertions++;
      if (got !== want) failures.push(name + ': expected [' + want.split('\n').join(', ') + '], shown [' + got.split('\n').join(', ') + ']');
    }
    function check(name, ok) { assertions++; if (!ok) failures.push(name); }
    check('one element per check, in report order',
          checks.map(function (el) { return el.dataset.id; }).join('\n') === report.checks.map(function (c) { return c.id; }).join('\n'));
    expect('no filter', {}, function () { return true; });
    OUTCOMES.forEach(function (o) { expect('outcome=' + o, { outcome: o }, function (c) { return c.outcome === o; }); });
    expect('outcome=problems', { outcome: 'problems' }, function (c) { return c.outcome === 'failed' || c.outcome === 'errored'; });
    ['error', 'warning'].forEach(function (s) { expect('severity=' + s, { severity: s }, function (c) { return c.severity === s; }); });
    var ops = {}, cats = {};
    report.checks.forEach(function (c) { c.operations.forEach(function (o) { ops[o] = true; }); cats[c.category || 'other'] = true; });
    Object.keys(ops).sort().forEach(function (o) {
      expect('operation=' + o, { operation: o }, function (c) { return c.operations.indexOf(o) >= 0; });
      expect('operation=' + o + ' & problems', { operation: o, outcome: 'problems' }, function (c) {
        return c.operations.indexOf(o) >= 0 && (c.outcome === 'failed' || c.outcome === 'errored');
      });
    });
    expect('group=cross-operation', { operation: '@cross-operation' }, function (c) { return c.operations.length > 1; });
    expect('group=protocol', { operation: '@protocol' }, function (c) { return c.operations.length === 0; });
    Object.keys(cats).sort().forEach(function (k) { expect('category=' + k, { category: k }, function (c) { return (c.category || 'other') === k; }); });
    if (report.checks.length) {
      var id = report.checks[report.checks.length - 1].id;
      expect('text=' + id, { text: id }, function (c) { return (c.id + ' ' + c.title).toLowerCase().indexOf(id.toLowerCase()) >= 0; });
    }
    // Every failure expands to all its exchanges and its reproduction.
    report.checks.forEach(function (c, i) {
      if (c.outcome !== 'failed' && c.outcome !== 'errored') return;
      var el = checks[i];
      check(c.id + ': ' + c.exchanges.length + ' exchange(s) rendered', el.querySelectorAll('details.exchange pre').length === c.exchanges.length);
      check(c.id + ': reproduction rendered', !c.reproduction || el.querySelector('pre.reproduction') !== null);
    });
    set(saved);
    return failures.length ? 'SELFTEST FAIL (' + failures.length + ' of ' + assertions + ')\n' + failures.join('\n')
                           : 'SELFTEST PASS ' + assertions + ' assertions';
  }
  window.ecrcSelfTest = selfTest;

  var hasProblems = report.checks.some(function (c) { return c.outcome === 'failed' || c.outcome === 'errored'; });
  set({ outcome: hasProblems ? 'problems' : '' });
  if (location.hash === '#selftest') document.getElementById('selftest-result').textContent = selfTest();
  document.body.setAttribute('data-ready', '1');
})();
)JS";

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
      H(VerdictOf(r).Text()) + " · " + H(r.endpoint) + "</title>\n<style>" + kStyle + "</style>\n<script>" +
      kErrorCapture + "</script>\n</head>\n<body data-ready=\"0\">\n";
  Header(&out, r);
  RootCauseBanner(&out, r);
  Matrix(&out, r);
  Checks(&out, r);
  CoverageSection(&out, r);
  out += "<section id=\"diagnostics\"><ul id=\"js-errors\"></ul><pre id=\"selftest-result\"></pre></section>\n";
  out += "<script type=\"application/json\" id=\"report-data\">" + EmbeddedJson(r) + "</script>\n";
  out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace ecrc::report
