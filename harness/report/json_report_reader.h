// Reading a JSON report back (`ecr-conform diff`, `run --baseline`, the tests): strict about what
// this build's schema version requires, tolerant of members it does not know, and never throwing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.h"
#include "harness/results/run_report.h"

namespace ecrc::report {

// Reads a report from parsed JSON. On failure the message names the JSON path and what was
// wrong, e.g. `$.checks[3].outcome: expected one of disabled, skipped, passed, failed, errored;
// got "pass"`. Unknown members are ignored (forward compatibility within a schema version);
// a different schema_version, a missing required member, a wrong type, an unknown outcome or
// severity, a duplicate check id or a finding pointing at a missing exchange are errors.
// Never throws, whatever the input.
Result<results::RunReport> FromJson(const nlohmann::ordered_json& json);
// FromJson of text; text that is not JSON gives `not JSON: parse error at line L, column C: ...`.
Result<results::RunReport> ParseReport(std::string_view text);
// ParseReport of a file; every error message starts with `path: `.
Result<results::RunReport> ReadReportFile(const std::string& path);

}  // namespace ecrc::report
