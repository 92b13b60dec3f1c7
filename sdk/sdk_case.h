// One SDK conformance case: what the driver is asked to call (the part written to the cases file),
// how the judge answers the requests of that case, and what a conforming SDK reports back.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/http.h"

namespace ecrc::sdk {

// What a conforming SDK reports for a case.
enum class Expectation {
  kOutput,   // `output`: the decoded response (expected_output)
  kError,    // `error` with expected_error_code (and the message the judge sent)
  kFailure,  // any `error` or `client_error`: the answer was unusable (non-JSON proxy page, truncated body)
  kPages,    // `output` is the list of pages (expected_output is that array); tokens sent back verbatim
};
const char* ExpectationName(Expectation expectation);

struct SdkCase {
  // Stable and unique: "<Operation>.<vector>" ("DescribeImages.max"),
  // "<Operation>.<Error>.<form>" ("DescribeImages.RepositoryNotFoundException.namespaced_type"),
  // "paginator.<Operation>", "workflow.<nn>.<Operation>".
  std::string id;
  std::string operation;   // the modelled operation called
  bool paginator = false;  // the driver runs the SDK's paginator to the end
  // Wire form: model member names, blobs base64, timestamps epoch seconds. Valid under the model.
  nlohmann::json input = nlohmann::json::object();
  // Attempts the driver configures its client to make (1: no retries). Only the retry cases ask
  // for more, so 5xx error cases are not slowed down by backoff.
  int max_attempts = 1;

  // Capability column of the report: output, error, retry, resilience, paginator, workflow.
  std::string category;
  std::string vector;         // the vector's name: max, min, unknown_members, namespaced_type, ...
  std::string documentation;  // why the case exists
  std::string source;         // where its rule comes from (model path or documentation URL)

  // The answers to the case's requests, in order; the last one repeats for any further request.
  // Empty: the reference server answers (workflow cases), and the expected output is what it sent.
  std::vector<HttpResponse> responses;

  Expectation expect = Expectation::kOutput;
  // kOutput: the decoded output in wire form, without unknown members or nulls; null when the
  // reference answers. kPages: one such object per page.
  nlohmann::json expected_output;
  std::string expected_error_code;     // kError: the error's shape name
  std::string expected_error_message;  // kError: the message the judge sent ("" when none)
  // kPages: the nextToken values the SDK must send back verbatim, one per request after the first.
  std::vector<std::string> page_tokens;
  // Retry cases: requests a conforming SDK makes (the failures it retries, then the success).
  int expected_requests = 1;

  bool answered_by_reference() const { return responses.empty(); }
  // The part of the case a driver sees: {"id", "operation"|"paginator", "input", "max_attempts"}.
  nlohmann::json ToDriverJson() const;
};

}  // namespace ecrc::sdk
