#include "harness/report/junit.h"

#include <map>

#include "harness/report/capability_matrix.h"
#include "harness/report/report_util.h"
#include "harness/report/text_clean.h"
#include "harness/report/xml_escape.h"

namespace ecrc::report {
namespace {

constexpr size_t kMaxMessageChars = 300;

std::string Attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + XmlEscape(value, true) + "\"";
}

// One line for a failure's message attribute: CI UIs show it as the headline.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return TruncateWithMarker(text, kMaxMessageChars);
}

std::string Headline(const CheckResult& c) {
  std::string msg;
  if (!c.findings.empty()) {
    msg = c.findings.front().message;
    if (c.findings.size() > 1) msg += " (+" + std::to_string(c.findings.size() - 1) + " more)";
  } else {
    for (const auto& ex : c.exchanges) {
      if (!ex.transport_error.empty()) {
        msg = ex.transport_error;
        break;
      }
    }
    if (msg.empty()) msg = c.title.empty() ? results::OutcomeName(c.outcome) : c.title;
  }
  if (c.severity == Severity::kWarning) msg = "[warning] " + msg;
  return OneLine(msg);
}

std::string Evidence(const CheckResult& c) {
  std::string out;
  if (!c.title.empty()) out += c.title + "\n";
  out += "severity: " + std::string(results::SeverityName(c.severity)) + "; suite: " + c.suite + "; category: " + CategoryOf(c) +
         "; operations: " + (c.operations.empty() ? "(none)" : JoinStrings(c.operations, ", ")) + "\n";
  if (!c.source.empty()) out += "source: " + c.source + "\n";
  if (!c.findings.empty()) {
    out += "\nfindings:\n";
    for (size_t i = 0; i < c.findings.size(); ++i) {
      const auto& f = c.findings[i];
      out += std::to_string(i + 1) + ". " + f.message + "\n";
      if (!f.path.empty()) out += "   at: " + f.path + "\n";
      if (!f.expected.empty()) out += "   expected: " + f.expected + "\n";
      if (!f.observed.empty()) out += "   observed: " + f.observed + "\n";
      if (f.exchange && *f.exchange < c.exchanges.size()) {
        out += "   exchange " + std::to_string(*f.exchange + 1) + ": " + ExchangeSummary(c.exchanges[*f.exchange]) + "\n";
      }
    }
  }
  if (!c.exchanges.empty()) {
    out += "\nexchanges:\n";
    for (size_t i = 0; i < c.exchanges.size(); ++i) out += std::to_string(i + 1) + ". " + ExchangeSummary(c.exchanges[i]) + "\n";
  }
  if (!c.reproduction.empty()) out += "\nreproduction:\n" + c.reproduction + "\n";
  if (!c.attachment.empty()) out += "\nreplay file: " + c.attachment + "\n";
  return out;
}

std::string SystemOut(const CheckResult& c) {
  std::string out;
  for (size_t i = 0; i < c.exchanges.size(); ++i) {
    out += "--- exchange " + std::to_string(i + 1) + ": " + ExchangeSummary(c.exchanges[i]) + "\n";
    out += ExchangeToText(c.exchanges[i]);
  }
  return out;
}

struct Counts {
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void Add(const CheckResult& c) {
    ++tests;
    if (c.outcome == Outcome::kFailed) ++failures;
    if (c.outcome == Outcome::kErrored) ++errors;
    if (c.outcome == Outcome::kSkipped || c.outcome == Outcome::kDisabled) ++skipped;
  }
};

void AppendTestcase(std::string* out, const CheckResult& c, const std::string& group) {
  *out += "    <testcase" + Attr("classname", c.suite + "." + group) + Attr("name", c.id);
  std::string body;
  switch (c.outcome) {
    case Outcome::kPassed: break;
    case Outcome::kSkipped:
    case Outcome::kDisabled: {
      std::string why = c.skip_reason.empty() ? std::string(results::OutcomeName(c.outcome)) : c.skip_reason;
      if (c.outcome == Outcome::kDisabled) why = "disabled: " + why;
      body += "      <skipped" + Attr("message", OneLine(why)) + "/>\n";
      break;
    }
    case Outcome::kFailed:
    case Outcome::kErrored: {
      const char* element = c.outcome == Outcome::kFailed ? "failure" : "error";
      std::string type = c.check.empty() ? CategoryOf(c) : c.check;
      body += std::string("      <") + element + Attr("message", Headline(c)) + Attr("type", type) + ">" + XmlEscape(Evidence(c)) +
              "</" + element + ">\n";
      if (!c.exchanges.empty()) body += "      <system-out>" + XmlEscape(SystemOut(c)) + "</system-out>\n";
      break;
    }
  }
  *out += body.empty() ? "/>\n" : ">\n" + body + "    </testcase>\n";
}

}  // namespace

std::string RenderJunit(const RunReport& input) { return RenderJunitPrepared(PrepareForOutput(input)); }

std::string RenderJunitPrepared(const RunReport& r) {
  // Group order: operations by name, then cross-operation, then protocol.
  std::map<std::string, std::vector<const CheckResult*>> by_group;
  std::vector<const CheckResult*> cross, protocol;
  Counts total;
  for (const auto& c : r.checks) {
    total.Add(c);
    std::string g = GroupOf(c);
    if (g == kCrossOperationGroup) {
      cross.push_back(&c);
    } else if (g == kProtocolGroup) {
      protocol.push_back(&c);
    } else {
      by_group[g].push_back(&c);
    }
  }
  std::vector<std::pair<std::string, std::vector<const CheckResult*>>> groups(by_group.begin(), by_group.end());
  if (!cross.empty()) groups.emplace_back(kCrossOperationGroup, cross);
  if (!protocol.empty()) groups.emplace_back(kProtocolGroup, protocol);

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + Attr("name", "ecr-conform " + r.spec.uid + " @ " + r.endpoint) + Attr("tests", std::to_string(total.tests)) +
         Attr("failures", std::to_string(total.failures)) + Attr("errors", std::to_string(total.errors)) +
         Attr("time", FormatSeconds(r.duration_seconds >= 0 ? r.duration_seconds : 0)) + ">\n";
  for (const auto& [group, checks] : groups) {
    Counts counts;
    for (const auto* c : checks) counts.Add(*c);
    out += "  <testsuite" + Attr("name", group) + Attr("tests", std::to_string(counts.tests)) +
           Attr("failures", std::to_string(counts.failures)) + Attr("errors", std::to_string(counts.errors)) +
           Attr("skipped", std::to_string(counts.skipped)) + Attr("package", "ecr-conform." + r.spec.uid) + ">\n";
    out += "    <properties>\n";
    auto prop = [&](const std::string& name, const std::string& value) {
      out += "      <property" + Attr("name", name) + Attr("value", value) + "/>\n";
    };
    prop("endpoint", r.endpoint);
    prop("spec.uid", r.spec.uid);
    prop("spec.model_sha256", r.spec.model_sha256);
    auto sha = r.spec.operation_sha256.find(group);
    if (sha != r.spec.operation_sha256.end()) prop("spec.operation_sha256", sha->second);
    prop("seed", std::to_string(r.seed));
    prop("tool_version", r.tool_version);
    out += "    </properties>\n";
    for (const auto* c : checks) AppendTestcase(&out, *c, group);
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace ecrc::report
