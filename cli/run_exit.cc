#include "cli/run_exit.h"

#include "cli/context.h"

namespace ecrc::cli {

int RunExitCode(const runner::RunReport& report) {
  bool errored = false, failed = false;
  for (const auto& r : report.checks) {
    errored = errored || r.outcome == runner::Outcome::kErrored;
    failed = failed || (r.outcome == runner::Outcome::kFailed && r.severity == runner::Severity::kError);
  }
  return errored ? kExitUsage : failed ? kExitFindings : kExitOk;
}

}  // namespace ecrc::cli
