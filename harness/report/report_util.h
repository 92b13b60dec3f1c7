// Helpers shared by the report writers (not part of the public API): canonical ordering,
// text sanitising and the human-readable rendering of an exchange.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "harness/results/run_report.h"

namespace ecrc::report {

using results::CheckResult;
using results::Exchange;
using results::Outcome;
using results::RunReport;
using results::Severity;

// Group names for checks that do not belong to exactly one operation. Every writer groups the
// same way, so the JUnit suite, the Markdown matrix row and the HTML filter agree.
inline constexpr char kCrossOperationGroup[] = "cross-operation";
inline constexpr char kProtocolGroup[] = "protocol";

// Bodies longer than this are cut in every report (evidence, not an archive); the cut leaves a
// visible marker and is idempotent, so re-reading and re-writing a report changes nothing.
inline constexpr size_t kMaxStoredBodyBytes = 64 * 1024;
// Human-facing writers (Markdown, JUnit, HTML) show at most this much of a body.
inline constexpr size_t kMaxShownBodyBytes = 8 * 1024;

// The operation a check is filed under: its only operation, kCrossOperationGroup when it touches
// several, kProtocolGroup when it touches none.
std::string GroupOf(const CheckResult& check);

// The copy every writer renders: redacted (results::RedactReport), then normalised (Normalize
// in json_report.h). `extra_secrets` are literal values scrubbed wherever they appear.
RunReport PrepareForOutput(const RunReport& report, const std::vector<std::string>& extra_secrets = {});

// The writers on a report that already went through PrepareForOutput, so WriteReports redacts
// once rather than once per format (redaction dominates the cost of writing a large report).
nlohmann::ordered_json ToJsonPrepared(const RunReport& prepared);
std::string ToJsonStringPrepared(const RunReport& prepared);
std::string RenderJunitPrepared(const RunReport& prepared);
std::string RenderMarkdownPrepared(const RunReport& prepared);
std::string RenderHtmlPrepared(const RunReport& prepared);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view text);
// SanitizeUtf8, and control characters other than tab, LF and CR replaced by U+FFFD too, so
// a reader sees that something unprintable was there.
std::string SanitizeForDisplay(std::string_view text);
bool IsValidUtf8(std::string_view text);

// At most `max_bytes` of `text` (never splitting a UTF-8 sequence), followed by a marker saying
// how much was left out; `text` itself when it fits. The result never exceeds `max_bytes`
// unless max_bytes is smaller than the marker.
std::string TruncateWithMarker(std::string_view text, size_t max_bytes);

// An exchange as HTTP-like text (request line, headers, body; then the response or the
// transport error), bodies cut at `max_body` bytes, binary bodies shown as base64.
std::string ExchangeToText(const Exchange& exchange, size_t max_body = kMaxShownBodyBytes);
// One line: "CreateRepository → 400 RepositoryAlreadyExistsException" or "... → no response".
std::string ExchangeSummary(const Exchange& exchange);

// Failed or errored: the outcomes a reader has to look at.
inline bool IsProblem(Outcome o) { return o == Outcome::kFailed || o == Outcome::kErrored; }

// The capability matrix shared by the Markdown and HTML writers: rows are operations (plus the
// cross-operation and protocol groups), columns are check categories.
struct MatrixCell {
  size_t total = 0, passed = 0, failed_error = 0, failed_warning = 0, errored = 0, not_run = 0;
  size_t Problems() const { return failed_error + failed_warning + errored; }
  size_t Ran() const { return total - not_run; }
};
enum class CellState { kNone, kPass, kWarn, kFail };
struct CapabilityMatrix {
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::map<std::pair<std::string, std::string>, MatrixCell> cells;  // (row, column)
  const MatrixCell* Find(const std::string& row, const std::string& column) const;
};
// Rows: every operation named by a check or by the coverage section, sorted, then the
// cross-operation and protocol groups when used. Columns: the well-known categories in their
// pipeline order, then any others alphabetically; an empty category is "other".
CapabilityMatrix BuildMatrix(const RunReport& report);
// ❌ when an error-severity check failed; ⚠️ when only warnings failed or the harness errored;
// ✅ when something passed and nothing is worse; – when nothing ran.
CellState StateOf(const MatrixCell& cell);
// Emoji (✅ ❌ ⚠️) for Markdown, which GitHub renders with its own images; plain symbols
// (✓ ✗ ⚠) for HTML, where the cell colour carries the state and emoji fonts may be missing.
const char* CellGlyph(CellState state, bool emoji = true);
// "✅ 3", "❌ 1/4" (problems/ran), "–".
std::string CellText(const MatrixCell* cell, bool emoji = true);
// The category a check is counted under in the matrix.
std::string CategoryOf(const CheckResult& check);

// Emoji for an outcome, as used in headlines.
const char* OutcomeGlyph(Outcome o);
// OutcomeGlyph, except that a failed warning-severity check gets ⚠️.
const char* CheckGlyph(const CheckResult& check);

// `text` escaped for XML (and HTML) character data (attribute = true also escapes quotes and whitespace
// controls so they survive attribute normalisation); invalid UTF-8 and characters illegal in
// XML 1.0 are replaced by U+FFFD.
std::string XmlEscape(std::string_view text, bool attribute = false);

std::string JoinStrings(const std::vector<std::string>& parts, std::string_view separator);

// "12.5" style number without trailing zeros, for durations.
std::string FormatSeconds(double seconds);

}  // namespace ecrc::report
