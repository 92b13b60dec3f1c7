#include "harness/runner/root_cause.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ecrc::runner {
namespace {

// What the operation calls of a run got back, reduced to what the causes below test.
struct Evidence {
  size_t answered = 0, unanswered = 0;
  size_t server_errors = 0, unauthenticated = 0, not_json = 0;
  std::set<std::string> operations;
  std::map<int, size_t> statuses;
  std::map<std::string, size_t> media_types;  // of the bodies that are not JSON
  std::map<std::string, size_t> error_codes;  // of the 401/403 answers, from __type or the header
  std::string first_transport_error;
};

// The error type an unauthenticated answer names, when it names one the usual ways.
std::string ErrorType(const HttpResponse& response) {
  if (const std::string* header = response.headers.Find("X-Amzn-Errortype"); header && !header->empty()) {
    return header->substr(0, header->find(':'));
  }
  if (response.body.size() > 64 * 1024) return "";  // an error document is small; do not parse a flood
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object()) {
    auto type = body.find("__type");
    if (type != body.end() && type->is_string()) {
      std::string t = type->get<std::string>();
      return t.substr(t.find('#') == std::string::npos ? 0 : t.find('#') + 1);
    }
  }
  return "";
}

template <typename Map>
typename Map::key_type MostCommon(const Map& counts) {
  return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
}

Evidence Gather(const std::vector<results::CheckResult>& results) {
  Evidence e;
  // Protocol probes send malformed requests on purpose: what a front end answers them says
  // nothing about the operations, so only operation calls count.
  for (const auto& r : results) {
    if (r.category == "protocol") continue;
    for (const auto& ex : r.exchanges) {
      if (ex.operation.empty()) continue;
      if (!ex.transport_error.empty()) {
        ++e.unanswered;
        if (e.first_transport_error.empty()) e.first_transport_error = ex.transport_error;
        continue;
      }
      const HttpResponse& response = ex.response;
      ++e.answered;
      e.operations.insert(ex.operation);
      ++e.statuses[response.status];
      if (response.status >= 500) ++e.server_errors;
      if (response.status == 401 || response.status == 403) {
        ++e.unauthenticated;
        ++e.error_codes[ErrorType(response)];
      }
      if (!nlohmann::json::accept(response.body)) {
        ++e.not_json;
        ++e.media_types[ResponseMediaType(response)];
      }
    }
  }
  return e;
}

// "HTTP 500, text/html, not JSON": the common shape of the answers, for the cause lines.
std::string Shape(const Evidence& e) {
  std::string out = "HTTP " + std::to_string(MostCommon(e.statuses));
  if (e.not_json == e.answered) out += ", " + MostCommon(e.media_types) + ", not JSON";
  return out;
}

std::string FromAnswers(const Evidence& e) {
  if (e.answered == 0) {
    return e.unanswered ? "no call got an answer (" + e.first_transport_error + "): the endpoint is not answering" : "";
  }
  std::string calls = std::to_string(e.answered) + " calls to " + std::to_string(e.operations.size()) + " operations";
  if (e.server_errors == e.answered) {
    return "every operation answered 5xx (" + Shape(e) + "; " + calls + "): the endpoint does not implement ECR Public";
  }
  if (e.unauthenticated == e.answered) {
    std::string code = MostCommon(e.error_codes);
    return "every call was rejected as unauthenticated (HTTP " + std::to_string(MostCommon(e.statuses)) + (code.empty() ? "" : " " + code) +
           "; " + calls + "): check the credentials, the region and the signing name ecr-public";
  }
  if (e.not_json == e.answered) {
    return "every answer was " + MostCommon(e.media_types) + ", not awsJson 1.1 (" + calls +
           "): is --endpoint-url an ECR Public API endpoint?";
  }
  if (e.statuses.size() == 1 && e.statuses.begin()->first >= 300) {
    return "every call answered HTTP " + std::to_string(e.statuses.begin()->first) + " (" + calls +
           "): is --endpoint-url an ECR Public API endpoint?";
  }
  return "";
}

// One prerequisite the endpoint failed, when the checks it blocked are at least half of those
// that did not pass.
std::string FromPrerequisites(const std::vector<results::CheckResult>& results) {
  std::map<std::string, size_t> blocked;
  std::map<std::string, std::string> cause;
  size_t not_passed = 0;
  for (const auto& r : results) {
    if (r.outcome >= results::Outcome::kFailed) ++not_passed;
    if (r.outcome != results::Outcome::kSkipped || r.prerequisite.empty()) continue;
    ++not_passed;
    if (++blocked[r.prerequisite] == 1) cause[r.prerequisite] = r.skip_reason;
  }
  if (blocked.empty()) return "";
  std::string operation = MostCommon(blocked);
  size_t n = blocked[operation];
  if (2 * n < not_passed) return "";
  // "prerequisite CreateRepository failed: HTTP 500 (...)" -> "CreateRepository failed: HTTP 500 (...)"
  std::string what = cause[operation];
  if (what.rfind("prerequisite ", 0) == 0) what = what.substr(13);
  return what + ", so " + std::to_string(n) + " checks that need " + operation + " were skipped";
}

}  // namespace

std::string RootCause(const std::vector<results::CheckResult>& results) {
  bool any_problem = std::any_of(results.begin(), results.end(), [](const results::CheckResult& r) {
    return r.outcome >= results::Outcome::kFailed || (r.outcome == results::Outcome::kSkipped && !r.prerequisite.empty());
  });
  if (!any_problem) return "";
  std::string cause = FromAnswers(Gather(results));
  return cause.empty() ? FromPrerequisites(results) : cause;
}

}  // namespace ecrc::runner
