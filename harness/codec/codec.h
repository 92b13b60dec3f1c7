// awsJson1_1 framing: spec-shaped values to HTTP requests, and HTTP responses back to validated
// values or classified errors.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "base/http.h"
#include "base/status.h"
#include "harness/codec/validator.h"
#include "harness/codec/value.h"
#include "harness/codec/violation.h"
#include "specs/spec.h"

namespace ecrc::codec {

inline constexpr char kJsonContentType[] = "application/x-amz-json-1.1";

// POST / with X-Amz-Target and Content-Type set and the wire JSON as body. Encodes whatever
// `input` holds, valid or not: validation is the caller's choice (see Validate).
HttpRequest EncodeRequest(const spec::Service& service, const spec::Operation& op, const Value& input);

// Where an error code stands relative to the operation's contract.
enum class ErrorClass { kDeclared, kProtocol, kUndeclared };
const char* ErrorClassName(ErrorClass c);

struct DecodedError {
  std::string code;          // sanitised: `ns#Name:uri` becomes `Name`; empty when none was found
  std::string raw_type;      // as sent, before sanitising
  std::string source;        // "header", "body:__type", "body:code" or "none"
  std::optional<std::string> message;  // from `message` or `Message`
  nlohmann::json body;       // the parsed body (null when it was not JSON)
  std::string body_problem;  // why `body` is null: not JSON, not UTF-8, too deep, encoded; "" when read
  ErrorClass error_class = ErrorClass::kUndeclared;
};

// `aws.protocoltests#FooError:http://internal/...` → `FooError` (Smithy awsJson1_1 rules).
std::string SanitizeErrorType(std::string_view raw);

// Decodes an error response the way Smithy's awsJson1_1 says clients must: X-Amzn-ErrorType
// header first, then `code`, then `__type` in the body. `op` may be null (no declared errors).
DecodedError DecodeError(const spec::Service& service, const spec::Operation* op, const HttpResponse& response);

struct DecodedResponse {
  bool is_error = false;
  Value output;           // success: the output as a Value (blobs decoded); null on error
  Violations findings;    // success: every way the response breaks the output shape or framing
  DecodedError error;     // error: the decoded error
};

// Success is HTTP 2xx. Findings on success cover Content-Type, body JSON and the output shape.
// The body is read within codec::BodyLimits (response_body.h); a body it refuses is a finding
// and leaves `output` null.
DecodedResponse DecodeResponse(const spec::Service& service, const spec::Operation& op, const HttpResponse& response,
                               const ValidateOptions& options = {});

// Server side: the operation named by X-Amz-Target and the input it carries.
struct DecodedRequest {
  const spec::Operation* op = nullptr;
  Value input;            // blobs decoded
  Violations violations;  // against the input shape
};

// A request that cannot be decoded yields the protocol error to answer with.
struct ProtocolError {
  int status;
  std::string code;
  std::string message;
};

// Decodes and validates a request. A missing/unknown target, a wrong Content-Type or a body that
// is not a JSON object gives a ProtocolError; shape violations are returned in `violations`.
std::variant<DecodedRequest, ProtocolError> DecodeRequest(const spec::Service& service, const HttpRequest& request);

// The error an AWS JSON front end answers, before any constraint validation, when a member holds
// a value of the wrong JSON type ("maxResults": "5", a number for a string, an object for a
// list): 400 SerializationException (fact sheet §2.2, E). nullopt when no violation is a type
// mismatch, so the violations are the operation's validation errors to answer.
std::optional<ProtocolError> TypeMismatchError(const Violations& violations);

}  // namespace ecrc::codec
