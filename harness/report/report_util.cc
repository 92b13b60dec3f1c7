#include "harness/report/report_util.h"

#include <cstdio>
#include <set>
#include <nlohmann/json.hpp>

#include "base/base64.h"
#include "base/utf8.h"
#include "harness/report/json_report.h"
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

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string SanitizeForDisplay(std::string_view text) {
  std::string clean = SanitizeUtf8(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

std::string TruncateWithMarker(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  auto marker = [](size_t left_out) { return "\n… [" + std::to_string(left_out) + " more bytes not shown]"; };
  size_t reserve = marker(text.size()).size();  // an upper bound: the real count has no more digits
  size_t cut = max_bytes > reserve ? max_bytes - reserve : 0;
  // Step back to a character boundary so the kept part stays valid UTF-8.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + marker(text.size() - cut);
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

const MatrixCell* CapabilityMatrix::Find(const std::string& row, const std::string& column) const {
  auto it = cells.find({row, column});
  return it == cells.end() ? nullptr : &it->second;
}

std::string CategoryOf(const CheckResult& check) { return check.category.empty() ? "other" : check.category; }

CapabilityMatrix BuildMatrix(const RunReport& report) {
  // The order a reader expects: from the simplest call to whole scenarios.
  static const std::vector<std::string> kKnownColumns = {
      "minimal_call", "maximal_call", "required",   "constraint", "output_shape", "error_shape", "not_found",
      "pagination",   "lifecycle",    "upload",     "image",      "tags",         "policy",      "catalog",
      "auth",         "registry",     "property",   "fuzz",       "protocol",     "other"};
  CapabilityMatrix m;
  std::set<std::string> operations(report.coverage.operations_exercised.begin(), report.coverage.operations_exercised.end());
  operations.insert(report.coverage.operations_missed.begin(), report.coverage.operations_missed.end());
  bool cross = false, protocol = false;
  std::set<std::string> columns;
  for (const auto& c : report.checks) {
    std::string group = GroupOf(c);
    if (group == kCrossOperationGroup) {
      cross = true;
    } else if (group == kProtocolGroup) {
      protocol = true;
    } else {
      operations.insert(group);
    }
    std::string column = CategoryOf(c);
    columns.insert(column);
    MatrixCell& cell = m.cells[{group, column}];
    ++cell.total;
    switch (c.outcome) {
      case Outcome::kPassed: ++cell.passed; break;
      case Outcome::kFailed: ++(c.severity == Severity::kError ? cell.failed_error : cell.failed_warning); break;
      case Outcome::kErrored: ++cell.errored; break;
      case Outcome::kSkipped:
      case Outcome::kDisabled: ++cell.not_run; break;
    }
  }
  m.rows.assign(operations.begin(), operations.end());
  if (cross) m.rows.push_back(kCrossOperationGroup);
  if (protocol) m.rows.push_back(kProtocolGroup);
  for (const auto& k : kKnownColumns) {
    if (columns.erase(k)) m.columns.push_back(k);
  }
  m.columns.insert(m.columns.end(), columns.begin(), columns.end());
  return m;
}

CellState StateOf(const MatrixCell& cell) {
  if (cell.failed_error > 0) return CellState::kFail;
  if (cell.failed_warning > 0 || cell.errored > 0) return CellState::kWarn;
  if (cell.passed > 0) return CellState::kPass;
  return CellState::kNone;
}

const char* CellGlyph(CellState state, bool emoji) {
  switch (state) {
    case CellState::kPass: return emoji ? "✅" : "✓";
    case CellState::kFail: return emoji ? "❌" : "✗";
    case CellState::kWarn: return emoji ? "⚠️" : "⚠";
    case CellState::kNone: break;
  }
  return "–";
}

std::string CellText(const MatrixCell* cell, bool emoji) {
  if (cell == nullptr) return "–";
  CellState state = StateOf(*cell);
  std::string glyph = CellGlyph(state, emoji);
  switch (state) {
    case CellState::kNone: return "–";
    case CellState::kPass: return glyph + " " + std::to_string(cell->passed);
    default: return glyph + " " + std::to_string(cell->Problems()) + "/" + std::to_string(cell->Ran());
  }
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

std::string XmlEscape(std::string_view text, bool attribute) {
  std::string clean = SanitizeUtf8(text);
  std::string out;
  out.reserve(clean.size());
  for (size_t i = 0; i < clean.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(clean[i]);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += attribute ? "&quot;" : "\""; continue;
      case '\'': out += attribute ? "&apos;" : "'"; continue;
      case '\n': out += attribute ? "&#10;" : "\n"; continue;
      case '\r': out += "&#13;"; continue;  // a raw CR would be normalised away by the parser
      case '\t': out += attribute ? "&#9;" : "\t"; continue;
      default: break;
    }
    if (c < 0x20) {
      out += "\xEF\xBF\xBD";  // C0 controls other than tab, LF, CR are not XML 1.0 characters
    } else if (c == 0xEF && i + 2 < clean.size() && static_cast<unsigned char>(clean[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(clean[i + 2]) == 0xBE || static_cast<unsigned char>(clean[i + 2]) == 0xBF)) {
      out += "\xEF\xBF\xBD";  // U+FFFE and U+FFFF are not XML characters either
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
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
