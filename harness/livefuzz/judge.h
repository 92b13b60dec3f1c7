// Decides whether an endpoint's answer to one fuzzed request keeps the contract: what the spec
// makes of the request (valid or not, judged by the codec's validator rather than assumed from
// the mutation), and which fuzz checks the answer passes or fails. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/http.h"
#include "harness/client/transport.h"
#include "harness/codec/violation.h"
#include "harness/livefuzz/mutator.h"
#include "harness/results/run_report.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::livefuzz {

// The fuzz check families; instances are `<family>[<Operation>.<mutation>]`.
inline constexpr char kAnswerInTime[] = "fuzz_answer_in_time";
inline constexpr char kNoServerError[] = "fuzz_no_server_error";
inline constexpr char kInvalidRejected[] = "fuzz_invalid_rejected";
inline constexpr char kErrorTyped[] = "fuzz_error_typed";
inline constexpr char kErrorDeclared[] = "fuzz_error_declared";
inline constexpr char kErrorShape[] = "fuzz_error_shape";
inline constexpr char kSuccessShape[] = "fuzz_success_shape";
inline constexpr char kEndpointSurvives[] = "fuzz_endpoint_survives";
inline constexpr char kFixtureSetup[] = "fuzz_fixture_setup";

struct CheckInfo {
  const char* id;
  const char* category;  // capability-matrix column
  const char* title;
  results::Severity severity;  // when every finding is certain; uncertain ones are warnings
  const char* source;
};

const std::vector<CheckInfo>& FuzzChecks();
// Nullptr for an id that is not a fuzz check family.
const CheckInfo* FindFuzzCheck(std::string_view id);

// What the spec makes of a request, decided by codec::DecodeRequest and the validator (the same
// code the reference server and the contract checks use).
struct RequestView {
  const spec::Operation* op = nullptr;  // what X-Amz-Target names; null when it names none
  bool target_differs_in_case = false;  // no operation, but one matches ignoring case
  bool content_type_ok = false;         // application/x-amz-json-1.1
  bool body_is_object = false;          // the body parses as a JSON object (an empty body is {})
  nlohmann::json body;                  // the parsed body; null when it is not JSON
  codec::Violations violations;         // against op->input

  bool valid() const { return op && content_type_ok && body_is_object && violations.empty(); }
  // "valid", "names no operation", "body is not a JSON object", or the first violation.
  std::string Summary() const;
};

RequestView Inspect(const spec::Service& service, const HttpRequest& request);

// One failed check for one request.
struct Verdict {
  std::string check;
  results::Severity severity = results::Severity::kError;
  std::string message;
  std::string path;  // JSON path or `header:<Name>`, when the finding points somewhere
  std::string expected;
  std::string observed;
};

struct Judgement {
  std::vector<std::string> exercised;  // check families this request exercised
  std::vector<Verdict> failures;
};

class Judge {
 public:
  Judge(const spec::Service& service, const spec::Semantics& semantics) : service_(service), semantics_(semantics) {}

  // The rules, for the request `view` (built by `mutation`; sent signed or not) and what came back,
  // each decided by the private method named after its check (fuzz_answer_in_time: FuzzAnswerInTime):
  // - fuzz_answer_in_time: an answer arrives (no timeout, no dropped connection);
  // - fuzz_no_server_error: never 5xx;
  // - fuzz_invalid_rejected: a request the spec calls invalid is not accepted (2xx); where AWS
  //   behaviour is uncertain (unknown members, unanchored patterns, ambiguous framing) that finding
  //   is a warning, and an operation that declares no validation error may ignore unknown members;
  // - fuzz_error_typed: an error names its type (__type or X-Amzn-ErrorType);
  // - fuzz_error_declared: an error is one the operation declares or a documented protocol-level
  //   error (a protocol error refusing a valid, signed, plainly framed request is a warning);
  // - fuzz_success_shape: a success to a valid request has the output shape (required members,
  //   types, Content-Type, x-amzn-RequestId): SDKs fail on anything else;
  // - fuzz_error_shape: an error of the operation's has the error shape (HTTP 400, message,
  //   Content-Type, x-amzn-RequestId: check::ErrorShapeValid).
  Judgement Evaluate(const RequestView& view, const MutationInfo& mutation, bool signed_request,
                     const client::TransportResult& result) const;

 private:
  struct Answer;  // one request and its answer as the checks read them (judge.cc)

  // Each adds to `a`'s judgement; those returning bool return false when the answer leaves
  // nothing further to judge.
  bool FuzzAnswerInTime(Answer* a) const;
  bool FuzzNoServerError(Answer* a) const;
  void FuzzSuccessShape(Answer* a) const;
  void FuzzInvalidRejected(Answer* a) const;
  bool FuzzErrorTyped(Answer* a) const;
  bool FuzzErrorDeclared(Answer* a) const;
  void FuzzErrorShape(Answer* a) const;

  // Severity of accepting a request with these violations; nullopt when accepting is fine.
  std::optional<results::Severity> AcceptanceSeverity(const spec::Operation& op, const codec::Violations& violations,
                                                     bool ambiguous) const;

  const spec::Service& service_;
  const spec::Semantics& semantics_;
};

// "HTTP 400 InvalidParameterException", "HTTP 200", "no answer (timeout: ...)".
std::string DescribeAnswer(const spec::Service& service, const spec::Operation* op, const client::TransportResult& result);

}  // namespace ecrc::livefuzz
