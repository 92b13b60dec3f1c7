// The exit code of `ecr-conform run` from its report: the one place that decides what CI sees.
#pragma once

#include "harness/results/run_report.h"

namespace ecrc::cli {

// kExitUsage (2) when a check errored (the harness or the transport failed: the verdict is
// incomplete); else kExitFindings (1) when an error-severity check failed; else kExitOk (0),
// warnings and skips included. A check skipped because the endpoint failed its prerequisite is
// not an error of the harness: that failure is carried by the prerequisite's own checks (or by the
// skipped check itself, turned failed, when none of them ran), so such a run exits 1.
int RunExitCode(const results::RunReport& report);

}  // namespace ecrc::cli
