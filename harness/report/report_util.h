// What the report writers share beyond the specialised units (capability_matrix.h,
// text_clean.h, xml_escape.h), not public API: how checks are grouped by operation, the redacted
// and normalised copy every writer renders, an exchange and an outcome shown to a reader, and
// string joining and duration formatting.
#pragma once

#include <cstddef>
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

// An exchange as HTTP-like text (request line, headers, body; then the response or the
// transport error), bodies cut at `max_body` bytes, binary bodies shown as base64.
std::string ExchangeToText(const Exchange& exchange, size_t max_body = kMaxShownBodyBytes);
// One line: "CreateRepository → 400 RepositoryAlreadyExistsException" or "... → no response".
std::string ExchangeSummary(const Exchange& exchange);

// Failed or errored: the outcomes a reader has to look at.
inline bool IsProblem(Outcome o) { return o == Outcome::kFailed || o == Outcome::kErrored; }

// Emoji for an outcome, as used in headlines.
const char* OutcomeGlyph(Outcome o);
// OutcomeGlyph, except that a failed warning-severity check gets ⚠️.
const char* CheckGlyph(const CheckResult& check);

std::string JoinStrings(const std::vector<std::string>& parts, std::string_view separator);

// "12.5" style number without trailing zeros, for durations.
std::string FormatSeconds(double seconds);

}  // namespace ecrc::report
