// The awsJson1_1 request rules the SDK judge applies to every request a client sends: framing, and
// the body against the operation's input shape, each broken rule named so an SDK author knows what
// their client put on the wire wrongly and a caller's bad input is not blamed on the SDK.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/http.h"
#include "harness/results/outcome.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// Whose fault a failure is. A body that breaks a length, pattern, range, enum or required-member
// constraint carries what the caller asked for; only the judge, holding the case's input, can say
// whether the SDK changed it.
enum class FailureKind { kWire, kCallerInput };
const char* FailureKindName(FailureKind kind);  // "wire", "caller_input"

// One rule the request breaks. `rule` is a stable id (README.md, "Request rules"); `message` names
// what was expected and what was found; `path` locates it in the body (`imageIds[0].imageTag`,
// "" for the whole body or for a header).
struct RequestFailure {
  std::string rule;
  results::Severity severity = results::Severity::kError;
  FailureKind kind = FailureKind::kWire;
  std::string path;
  std::string message;
};

struct RequestVerdict {
  std::vector<RequestFailure> failures;
  // The modelled operation X-Amz-Target named, or null when it named none.
  const spec::Operation* operation = nullptr;
  // The body as parsed (wire form: blobs base64, timestamps epoch seconds), `{}` for an accepted
  // empty body; null when the body was not one JSON object.
  nlohmann::json input;

  bool ok() const { return failures.empty(); }
  bool Fails(std::string_view rule) const;
  // No error-severity wire failure: what the SDK put on the wire is right (warnings and caller
  // input aside).
  bool WireOk() const;
};

// Rule ids, in the order they are checked.
inline constexpr const char* kRuleRequestMethodPost = "request_method_post";
inline constexpr const char* kRuleRequestPath = "request_path";
inline constexpr const char* kRuleRequestTarget = "request_target";
inline constexpr const char* kRuleRequestContentType = "request_content_type";
inline constexpr const char* kRuleRequestBodyJsonObject = "request_body_json_object";
inline constexpr const char* kRuleRequestNoDuplicateKeys = "request_no_duplicate_keys";
inline constexpr const char* kRuleRequestMemberKnown = "request_member_known";
inline constexpr const char* kRuleRequestMemberType = "request_member_type";
inline constexpr const char* kRuleRequestBlobBase64 = "request_blob_base64";
inline constexpr const char* kRuleRequestTimestampEpoch = "request_timestamp_epoch";
inline constexpr const char* kRuleRequestNoNull = "request_no_null";
inline constexpr const char* kRuleRequestInputConstraint = "request_input_constraint";

struct RequestRuleLimits {
  // The largest modelled input is UploadLayerPart's 20 MiB blob, 26.7 MiB once base64-encoded.
  size_t max_body_bytes = 32 << 20;
  // The model's inputs nest fewer than 10 levels; nlohmann's parser and destructor recurse.
  int max_depth = 64;
  // A fuzzed body can break a rule millions of times; a verdict lists at most this many.
  size_t max_failures = 100;
};

// Judges `request` as a request to the endpoint whose path is `endpoint_path` ("/" for
// botocore's default endpoint). Never throws: whatever the request holds, the result is a verdict.
// Body rules run only once X-Amz-Target named a modelled operation and the body is one JSON object.
RequestVerdict JudgeRequest(const spec::Service& service, const HttpRequest& request, std::string_view endpoint_path = "/",
                            const RequestRuleLimits& limits = {});

}  // namespace ecrc::sdk
