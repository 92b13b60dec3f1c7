#include "harness/report/report_util.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/base64.h"
#include "base/utf8.h"
#include "harness/report/json_report.h"
#include "harness/report/text_clean.h"
#include "harness/results/redaction.h"

namespace ecrc::report {
namespace {

std::string ErrorType(const results::Exchange& ex) {
  if (const std::string* h = ex.response.headers.Find("x-amzn-ErrorType")) {
    return h->substr(0, h->find(':'));
  }
  if (ex.response.body.empty() || ex.response.body.size() > kMaxStoredBodyBytes) return "";
  nlohmann::json j = nlohmann::json::parse(ex.response.body, nullptr, false);
  if (j.is_object()) {
    auto it = j.find("__type");
    if (it != j.end() && it->is_string()) {
      std::string t = it->get<std::string>();
      size_t hash = t.rfind('#');
      return hash == std::string::npos ? t : t.substr(hash + 1);
    }
  }
  return "";
}

void AppendHeaders(std::string* out, const Headers& headers) {
  for (const auto& [name, value] : headers.entries) *out += name + ": " + value + "\n";
}

void AppendBody(std::string* out, const std::string& body, size_t max_body) {
  if (body.empty()) return;
  *out += "\n";
  if (IsValidUtf8(body)) {
    *out += TruncateWithMarker(body, max_body);
  } else {
    *out += "[binary body, " + std::to_string(body.size()) + " bytes, shown as base64]\n";
    *out += TruncateWithMarker(Base64Encode(body), max_body);
  }
  *out += "\n";
}

}  // namespace

std::string GroupOf(const CheckResult& check) {
  if (check.operations.empty()) return kProtocolGroup;
  // Normalised reports hold distinct operations; be robust to a raw one with duplicates.
  for (const auto& op : check.operations) {
    if (op != check.operations.front()) return kCrossOperationGroup;
  }
  return check.operations.front();
}

RunReport PrepareForOutput(const RunReport& report, const std::vector<std::string>& extra_secrets) {
  RunReport copy = report;
  results::RedactReport(&copy, extra_secrets);
  Normalize(&copy);
  return copy;
}

std::string ExchangeToText(const Exchange& ex, size_t max_body) {
  std::string out = ex.request.method + " " + ex.request.path + "\n";
  AppendHeaders(&out, ex.request.headers);
  AppendBody(&out, ex.request.body, max_body);
  out += "\n";
  if (!ex.transport_error.empty() && ex.response.status == 0) {
    out += "(no response: " + ex.transport_error + ")\n";
    return out;
  }
  out += "HTTP " + std::to_string(ex.response.status) + "\n";
  AppendHeaders(&out, ex.response.headers);
  AppendBody(&out, ex.response.body, max_body);
  if (!ex.transport_error.empty()) out += "\n(transport error: " + ex.transport_error + ")\n";
  return out;
}

std::string ExchangeSummary(const Exchange& ex) {
  std::string out = ex.operation.empty() ? "protocol probe" : ex.operation;
  out += " " + ex.request.method + " " + ex.request.path;
  if (!ex.transport_error.empty() && ex.response.status == 0) return out + " → no response (" + ex.transport_error + ")";
  out += " → HTTP " + std::to_string(ex.response.status);
  std::string type = ErrorType(ex);
  if (!type.empty()) out += " " + type;
  return out;
}

const char* OutcomeGlyph(Outcome o) {
  switch (o) {
    case Outcome::kPassed: return "✅";
    case Outcome::kFailed: return "❌";
    case Outcome::kErrored: return "⚠️";
    case Outcome::kSkipped: return "⏭️";
    case Outcome::kDisabled: return "–";
  }
  return "?";
}

const char* CheckGlyph(const CheckResult& check) {
  if (check.outcome == Outcome::kFailed && check.severity == Severity::kWarning) return "⚠️";
  return OutcomeGlyph(check.outcome);
}

std::string JoinStrings(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string FormatSeconds(double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", seconds);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace ecrc::report
