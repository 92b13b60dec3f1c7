// Writing the JSON form of a run's results: the persistent source of truth every other report and
// `ecr-conform diff` are derived from (schema: reports/README.md, reports/schema/report.schema.json;
// json_report_reader.h reads it back).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "harness/results/run_report.h"

namespace ecrc::report {

// The schema version this build writes and the only one it reads.
inline constexpr int kReportSchemaVersion = 1;

// Puts a report in canonical form so two runs diff cleanly: checks sorted by id; suites,
// each check's operations and every coverage list sorted and de-duplicated; bodies and
// reproductions longer than kMaxStoredBodyBytes cut with a visible marker. Findings, exchanges
// and headers keep the runner's order (it carries meaning: findings point at exchanges by index,
// headers are evidence as sent). Idempotent.
void Normalize(results::RunReport* report);

// The report as JSON: redacted (results::RedactReport) and normalised first, so the output never
// holds credentials and is byte-for-byte stable for equal inputs. Never throws.
nlohmann::ordered_json ToJson(const results::RunReport& report);
// ToJson pretty-printed with a trailing newline; invalid UTF-8 in strings other than bodies
// (bodies that are not UTF-8 are stored as base64) is replaced by U+FFFD.
std::string ToJsonString(const results::RunReport& report);

}  // namespace ecrc::report
