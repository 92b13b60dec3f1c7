#include "harness/checks/expectation.h"

#include <algorithm>

#include "harness/codec/protocol_errors.h"

namespace ecrc::check {
namespace {

bool Contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

std::string Expectation::Describe() const {
  switch (kind) {
    case Kind::kSuccess: return "HTTP 200 with a valid output";
    case Kind::kSuccessOrDeclared: return "success, or an error the operation declares";
    case Kind::kClientError: return "a 4xx error the operation declares (or a protocol-level AWS error)";
    case Kind::kErrorCode: return "error " + Join(codes, " or ");
  }
  return "?";
}

std::string DescribeObserved(const Call& call) {
  if (!call.answered()) return "no response (" + call.transport_error() + ")";
  std::string out = "HTTP " + std::to_string(call.response().status);
  if (call.response().status >= 300 && call.response().status < 400) out += " (a redirect, not followed)";
  if (call.decoded.is_error) {
    out += " " + (call.decoded.error.code.empty() ? std::string("<no error type>") : call.decoded.error.code);
    out += std::string(" (") + codec::ErrorClassName(call.decoded.error.error_class) + ")";
  }
  return out;
}

void EvaluateOutcome(const Call& call, const Expectation& expected, size_t exchange, std::vector<results::Finding>* out) {
  if (!call.answered()) return;  // transport failures are harness errors, reported by the runner
  const auto& error = call.decoded.error;
  bool met = false;
  switch (expected.kind) {
    case Expectation::Kind::kSuccess: met = call.ok(); break;
    case Expectation::Kind::kSuccessOrDeclared:
      met = call.ok() || (call.is_error() && error.error_class == codec::ErrorClass::kDeclared);
      break;
    case Expectation::Kind::kClientError:
      met = call.is_error() && call.response().status >= 400 && call.response().status < 500 &&
            error.error_class != codec::ErrorClass::kUndeclared;
      break;
    case Expectation::Kind::kErrorCode: met = call.is_error() && Contains(expected.codes, error.code); break;
  }
  if (met) return;
  results::Finding f;
  f.message = call.op->name + ": expected " + expected.Describe() + ", got " + DescribeObserved(call);
  if (call.is_error() && error.message) f.message += ": " + *error.message;
  f.expected = expected.Describe();
  f.observed = DescribeObserved(call);
  f.exchange = exchange;
  out->push_back(std::move(f));
}

namespace {

// Fact sheet §2.1 (D/E): every response carries x-amzn-RequestId (botocore reads it into
// ResponseMetadata; support cases quote it).
void EvaluateRequestId(const Call& call, size_t exchange, std::vector<results::Finding>* out) {
  const std::string* id = call.response().headers.Find("x-amzn-RequestId");
  if (id && !id->empty()) return;
  out->push_back({call.op->name + " response has no x-amzn-RequestId header", "header:x-amzn-RequestId", "a request id", "absent", exchange});
}

// The decoder's findings on a success response: its trait violations when `traits`, else the rest.
void DecoderFindings(const Call& call, size_t exchange, bool traits, std::vector<results::Finding>* out) {
  for (const auto& v : call.decoded.findings) {
    if (codec::IsTraitViolation(v.kind) != traits) continue;
    results::Finding f;
    f.message = call.op->name + " response: " + v.ToString();
    f.path = v.kind == codec::ViolationKind::kContentType ? "header:Content-Type" : v.path;
    f.expected = v.constraint;
    f.observed = codec::ViolationKindName(v.kind);
    f.exchange = exchange;
    out->push_back(std::move(f));
  }
}

}  // namespace

void OutputShapeValid(const Call& call, size_t exchange, std::vector<results::Finding>* out) {
  if (!call.ok()) return;
  EvaluateRequestId(call, exchange, out);
  DecoderFindings(call, exchange, /*traits=*/false, out);
}

void OutputTraitsRespected(const Call& call, size_t exchange, std::vector<results::Finding>* out) {
  if (!call.ok()) return;
  DecoderFindings(call, exchange, /*traits=*/true, out);
}

void ErrorShapeValid(const spec::Service& service, const Call& call, size_t exchange, std::vector<results::Finding>* out) {
  if (!call.is_error()) return;
  const auto& error = call.decoded.error;
  EvaluateRequestId(call, exchange, out);
  auto add = [&](std::string message, std::string path, std::string expected, std::string observed) {
    out->push_back({call.op->name + " error response: " + std::move(message), std::move(path), std::move(expected), std::move(observed), exchange});
  };
  int status = call.response().status;
  if (error.code.empty()) {
    add("no error type: neither X-Amzn-ErrorType nor __type names the error", "__type", "__type: <ErrorShapeName>", "absent");
  } else if (error.body.is_object() && !error.body.contains("__type")) {
    // Fact sheet §2.2 (D/BC): botocore's awsJson parser reads only __type, so a type sent only in
    // X-Amzn-ErrorType reaches boto3 users as the code "400"; AWS always sends __type.
    add("the body has no __type, the error type came only from " + error.source + " (botocore reports the code as \"400\")", "__type",
        "__type: " + error.code, "absent from the body");
  }
  if (error.code.empty()) {
    // Reported above; no status rule applies to an error of no known type.
  } else if (const spec::Shape* shape = service.FindShape(error.code); shape && shape->exception) {
    // Fact sheet §2.2 (D): every modelled error is 400 except the fault (ServerException: 500).
    int want = shape->fault ? 500 : 400;
    if (status != want) add(error.code + " must be HTTP " + std::to_string(want), "status", std::to_string(want), std::to_string(status));
  } else if (codec::FindProtocolError(error.code) != nullptr) {
    if (status < 400 || status > 599) add("protocol error with a non-error status", "status", "4xx or 5xx", std::to_string(status));
  }
  if (error.body.is_object() && !error.message) {
    add("no `message` member in the error body", "message", "message: <text>", "absent");
  } else if (!error.body.is_object()) {
    add("error body is not a JSON object" + (error.body_problem.empty() ? std::string() : ": " + error.body_problem), "",
        "{\"__type\": ..., \"message\": ...}", "not JSON");
  }
  const std::string* content_type = call.response().headers.Find("Content-Type");
  if (!content_type || content_type->find(codec::kJsonContentType) != 0) {
    add("wrong Content-Type", "header:Content-Type", codec::kJsonContentType, content_type ? *content_type : "absent");
  }
}

}  // namespace ecrc::check
