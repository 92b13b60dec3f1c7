#include "harness/runner/prerequisite.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ecrc::runner {
namespace {

bool FailsOwnCheck(const results::CheckResult& r, const std::string& operation) {
  return r.outcome == results::Outcome::kFailed && r.severity == results::Severity::kError &&
         std::find(r.operations.begin(), r.operations.end(), operation) != r.operations.end();
}

}  // namespace

std::string DescribeAnswer(const check::Call& call) {
  if (!call.answered()) return "no response (" + call.transport_error() + ")";
  const HttpResponse& response = call.response();
  std::string out = "HTTP " + std::to_string(response.status);
  if (call.decoded.is_error && !call.decoded.error.code.empty()) out += " " + call.decoded.error.code;
  if (response.body.empty()) return out + ", empty body";
  // Bodies come from the transport already bounded in size; accept() builds no document.
  if (!nlohmann::json::accept(response.body)) out += " (" + ResponseMediaType(response) + ", not JSON)";
  return out;
}

Status PrerequisiteFailure(const check::Call& call, const std::string& missing) {
  std::string operation = call.op ? call.op->name : "a set-up call";
  std::string what = DescribeAnswer(call);
  if (call.ok() && !missing.empty()) what += " without " + missing;
  if (!call.answered()) return Status::TransportFailed("prerequisite " + operation + ": " + what);
  return Status::EndpointFailed("prerequisite " + operation + " failed: " + what);
}

void MarkBlocked(const Status& status, const std::string& operation, results::CheckResult* r) {
  if (status.IsEndpointFailure()) {
    r->outcome = results::Outcome::kSkipped;
    r->skip_reason = status.message();
    r->prerequisite = operation;
    return;
  }
  r->outcome = results::Outcome::kErrored;
  r->findings.push_back({status.message(), "", "", "", std::nullopt});
}

void ChargeUnreportedPrerequisites(std::vector<results::CheckResult>* results) {
  std::set<std::string> prerequisites;
  for (const auto& r : *results) {
    if (r.outcome == results::Outcome::kSkipped && !r.prerequisite.empty()) prerequisites.insert(r.prerequisite);
  }
  for (const auto& operation : prerequisites) {
    bool reported = std::any_of(results->begin(), results->end(), [&](const results::CheckResult& r) { return FailsOwnCheck(r, operation); });
    if (reported) continue;
    for (auto& r : *results) {
      if (r.outcome != results::Outcome::kSkipped || r.prerequisite != operation) continue;
      r.outcome = results::Outcome::kFailed;
      results::Finding f{r.skip_reason + " (no check of " + operation + " in this run reports it)", "", "", "", std::nullopt};
      if (!r.exchanges.empty()) f.exchange = r.exchanges.size() - 1;
      r.findings.push_back(std::move(f));
      r.skip_reason.clear();
    }
  }
}

}  // namespace ecrc::runner
