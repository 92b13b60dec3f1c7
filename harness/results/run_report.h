// The results tree of a run: what every suite produces and every report writer consumes.
// Plain values; JSON (harness/report) is their persistent form and the source of truth.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/results/check_result.h"
#include "harness/results/coverage.h"

namespace ecrc::results {

struct SpecInfo {
  std::string uid;           // ecr-public-2020-10-30
  std::string model_sha256;
  std::map<std::string, std::string> operation_sha256;
};

// What the property suite ran: generated cases and steps, per-command counts and which outcome
// the endpoint chose where the fact sheet leaves one open.
struct PropertyStats {
  int64_t cases = 0;
  int64_t steps = 0;
  int max_steps = 0;
  std::map<std::string, int64_t> commands;
  std::map<std::string, int64_t> choices;
};

struct RunReport {
  int schema_version = 1;
  std::string tool_version;
  SpecInfo spec;
  std::string endpoint;       // URL, or "embedded"
  std::string region;
  uint64_t seed = 0;
  std::vector<std::string> suites;
  std::vector<CheckResult> checks;  // sorted by id
  Coverage coverage;
  std::optional<PropertyStats> property;  // present when the property suite ran
  // One line naming what most of the failures share, when they share one ("every operation
  // answered 5xx: ..."); empty when they do not.
  std::string root_cause;
  // Wall-clock facts live here only, never inside check results, so two runs diff cleanly.
  std::string started_at;
  double duration_seconds = 0;

  Outcome OverallOutcome() const;
  std::map<Outcome, size_t> Counts() const;
};

}  // namespace ecrc::results
