// The result of one check instance: its identity, its outcome, and the findings and evidence
// behind the outcome.
#pragma once

#include <string>
#include <vector>

#include "harness/results/exchange.h"
#include "harness/results/finding.h"
#include "harness/results/outcome.h"

namespace ecrc::results {

struct CheckResult {
  std::string id;         // stable snake_case check id + instance, e.g. `required_member_rejected[CreateRepository.repositoryName]`
  std::string check;      // the check family id, e.g. `required_member_rejected`
  std::string suite;      // the suite that ran it (harness/runner/suite.h)
  std::string category;   // capability-matrix column: minimal_call, required, constraint, output_shape, error_shape, lifecycle, ...
  std::string title;      // one line on what it verifies
  Severity severity = Severity::kError;
  std::vector<std::string> operations;
  std::string source;     // model shape path (`shapes.RepositoryName.max`) or documentation URL
  Outcome outcome = Outcome::kPassed;
  std::string skip_reason;
  // Skipped because the endpoint failed this operation's call in the check's set-up (its own
  // checks carry the failure); the runner's bookkeeping, not part of the JSON form.
  std::string prerequisite;
  std::vector<Finding> findings;
  std::vector<Exchange> exchanges;
  std::string reproduction;  // shell commands (curl) that replay the failing exchange
  std::string attachment;    // path, relative to the report, of a replay file (property suite)
  std::string attachment_body;  // its content, written beside the report; not part of the JSON
};

}  // namespace ecrc::results
