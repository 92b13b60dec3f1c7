// The one line a run's summary leads with when its failures share a cause ("every operation
// answered 5xx: the endpoint does not implement ECR Public"), derived from the run's evidence so
// a user reads the cause before the hundreds of checks it broke.
#pragma once

#include <string>
#include <vector>

#include "harness/results/run_report.h"

namespace ecrc::runner {

// The shared cause of the failures in `results`, or "" when they have none. Reads every check's
// exchanges (passing ones included: call it before they are dropped) and the prerequisite skips.
// Checked in order: no answers at all; every operation call answered 5xx; every one rejected as
// unauthenticated; every answer not JSON; every answer the same error status; one failed
// prerequisite blocking most of the checks that did not pass.
std::string RootCause(const std::vector<results::CheckResult>& results);

}  // namespace ecrc::runner
