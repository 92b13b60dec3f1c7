// The results tree of a run: what every suite produces and every report writer consumes.
// Plain values; JSON (harness/report) is their persistent form and the source of truth.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/http.h"

namespace ecrc::runner {

// The lattice of the OCI distribution conformance suite: a parent's outcome is the max of its
// children's. Failed = the target broke the contract; errored = the harness or transport failed
// (a timeout is never non-conformance); skipped = unsupported or filtered out.
enum class Outcome { kDisabled = 0, kSkipped = 1, kPassed = 2, kFailed = 3, kErrored = 4 };
const char* OutcomeName(Outcome o);
Outcome OutcomeFromName(const std::string& name, bool* ok = nullptr);
inline Outcome MaxOutcome(Outcome a, Outcome b) { return a < b ? b : a; }

// error: a D/M fact was broken; warning: an E/U fact (AWS behaviour uncertain) was not met.
enum class Severity { kError, kWarning };
const char* SeverityName(Severity s);

// One request/response pair as evidence, already redacted (no credentials, signatures or tokens).
struct Exchange {
  std::string operation;  // empty for protocol-level probes
  HttpRequest request;
  HttpResponse response;
  std::string transport_error;  // set when no response arrived
};

struct Finding {
  std::string message;   // what was wrong, for a human
  std::string path;      // JSON path in the body or "header:<Name>", when it points somewhere
  std::string expected;  // what the contract says
  std::string observed;  // what the endpoint did
  std::optional<size_t> exchange;  // index into CheckResult::exchanges
};

struct CheckResult {
  std::string id;         // stable snake_case check id + instance, e.g. `required_member_rejected[CreateRepository.repositoryName]`
  std::string check;      // the check family id, e.g. `required_member_rejected`
  std::string suite;      // contract | scenario | property | fuzz
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

// How much of the contract the run touched; each gap is listed by name.
struct Coverage {
  std::vector<std::string> operations_exercised;
  std::vector<std::string> operations_missed;
  std::vector<std::string> errors_provoked;      // "Operation:ErrorName"
  std::vector<std::string> errors_missed;
  std::map<std::string, std::string> errors_unprovokable;  // "Operation:ErrorName" -> why it cannot be provoked from outside
  std::vector<std::string> constraints_exercised;  // "shapes.RepositoryName.max"
  std::vector<std::string> constraints_missed;
  std::vector<std::string> paginators_verified;
  std::vector<std::string> paginators_missed;
};

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

}  // namespace ecrc::runner
