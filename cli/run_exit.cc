#include "cli/run_exit.h"

#include "cli/context.h"

namespace ecrc::cli {

int RunExitCode(const results::RunReport& report) {
  bool errored = false, failed = false;
  for (const auto& r : report.checks) {
    errored = errored || r.outcome == results::Outcome::kErrored;
    failed = failed || (r.outcome == results::Outcome::kFailed && r.severity == results::Severity::kError);
  }
  return errored ? kExitUsage : failed ? kExitFindings : kExitOk;
}

}  // namespace ecrc::cli
