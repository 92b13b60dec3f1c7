// Prerequisites: calls a check needs to succeed before it can test anything (a repository to work
// in, a blob to reference). When the endpoint fails one, the check is skipped with that cause and
// the failure is charged to the prerequisite's own checks; only a harness or transport failure
// makes it errored ("errored = the harness or transport failed").
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "harness/checks/call.h"
#include "harness/results/run_report.h"

namespace ecrc::runner {

// What came back, in a few words: "HTTP 500 (text/html, not JSON)", "HTTP 400
// RepositoryNotFoundException", "HTTP 200, empty body", "no response (timeout after 10 s)".
std::string DescribeAnswer(const check::Call& call);

// The Status of a set-up call that did not give what the check needs (`missing`, when not
// empty, names what a successful answer lacked, e.g. "uploadId"): EndpointFailed("prerequisite
// CreateRepository failed: HTTP 500 (text/html, not JSON)") when the endpoint answered,
// TransportFailed when no answer came.
Status PrerequisiteFailure(const check::Call& call, const std::string& missing = "");

// Marks `r` as blocked by `status` (a failed set-up): skipped with the cause when the endpoint
// failed `operation`'s call, errored with it as the finding when the harness or transport did.
void MarkBlocked(const Status& status, const std::string& operation, results::CheckResult* r);

// A skip for a prerequisite is fair only when the prerequisite's failure is in the report. For
// each prerequisite operation that no failing error-severity check names (filtered out by
// --check or --suite, or failing only in a form its own checks do not send), the checks it
// blocked become failed with the cause as their finding, so a broken endpoint never exits 0.
void ChargeUnreportedPrerequisites(std::vector<results::CheckResult>* results);

}  // namespace ecrc::runner
