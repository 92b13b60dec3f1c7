// The property suite: RapidCheck generates command sequences over all 23 operations, runs each
// against the endpoint and the model, and on a disagreement shrinks to the shortest sequence that
// still fails.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/runner/call_path.h"
#include "properties/limits.h"
#include "properties/trace.h"

namespace ecrc::prop {

struct PropertyConfig {
  int cases = 200;
  int max_steps = 50;
  uint64_t seed = 1;
  // When it turns true (Ctrl-C), the remaining cases are not run.
  const std::atomic<bool>* stop = nullptr;
};

struct PropertyFailure {
  std::string description;  // why the last step disagreed with the model
  Trace trace;              // the shrunk sequence, every request and answer
  int cases_before = 0;     // cases that passed before the failing one
};

struct PropertyOutcome {
  // Not ok when the suite could not judge the endpoint: EndpointFailed when the endpoint failed
  // a case's set-up call (setup_operation names it), TransportFailed when it did not answer one,
  // Error for RapidCheck's own errors.
  Status setup;
  std::string setup_operation;
  int cases_passed = 0;
  Tally tally;                // commands counted in generated cases, not in shrink re-runs
  std::optional<PropertyFailure> failure;
};

// Names of all commands, one per operation.
std::vector<std::string> CommandNames();

PropertyOutcome RunPropertySuite(runner::CallPath& path, const Limits& limits, const PropertyConfig& config);

}  // namespace ecrc::prop
