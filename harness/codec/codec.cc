#include "harness/codec/codec.h"

#include "base/json_read.h"

#include "harness/codec/json_writer.h"
#include "harness/codec/protocol_errors.h"
#include "harness/codec/response_body.h"
#include "harness/codec/validator.h"

namespace ecrc::codec {
namespace {

using nlohmann::json;

// Smithy awsJson1_1 only defines application/x-amz-json-1.1; a charset parameter is tolerated
// because some frameworks append one.
bool IsJsonContentType(const std::string* value) {
  if (!value) return false;
  std::string_view v(*value);
  size_t semi = v.find(';');
  if (semi != std::string_view::npos) v = v.substr(0, semi);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return EqualsIgnoreCase(v, kJsonContentType);
}

std::optional<std::string> MessageOf(const json& body) {
  for (const char* key : {"message", "Message", "errorMessage"}) {
    if (auto text = jr::OptString(jr::Member(body, key))) return text;
  }
  return std::nullopt;
}

}  // namespace

const char* ErrorClassName(ErrorClass c) {
  switch (c) {
    case ErrorClass::kDeclared: return "declared";
    case ErrorClass::kProtocol: return "protocol";
    case ErrorClass::kUndeclared: return "undeclared";
  }
  return "?";
}

HttpRequest EncodeRequest(const spec::Service& service, const spec::Operation& op, const Value& input) {
  HttpRequest request;
  request.headers.entries.reserve(2);
  const std::string& prefix = service.metadata().target_prefix;
  std::string target;
  target.reserve(prefix.size() + 1 + op.name.size());
  target.append(prefix).append(1, '.').append(op.name);
  request.headers.Add("X-Amz-Target", std::move(target));
  request.headers.Add("Content-Type", kJsonContentType);
  // A Value's text is its wire form (AppendJson writes blobs as base64), so no wire copy is built.
  if (input.is_null()) {
    request.body = "{}";
  } else {
    request.body.reserve(256);
    AppendJson(input, request.body);
  }
  return request;
}

std::string SanitizeErrorType(std::string_view raw) {
  size_t colon = raw.find(':');
  if (colon != std::string_view::npos) raw = raw.substr(0, colon);
  size_t hash = raw.find('#');
  if (hash != std::string_view::npos) raw = raw.substr(hash + 1);
  return std::string(raw);
}

DecodedError DecodeError(const spec::Service& service, const spec::Operation* op, const HttpResponse& response) {
  (void)service;
  DecodedError error;
  error.body_problem = ContentEncodingProblem(response.headers);
  if (error.body_problem.empty()) {
    ParsedBody parsed = ParseResponseBody(response.body);
    error.body = std::move(parsed.value);
    error.body_problem = std::move(parsed.problem);
  }
  if (const std::string* header = response.headers.Find("X-Amzn-ErrorType"); header && !header->empty()) {
    error.raw_type = *header;
    error.source = "header";
  } else if (auto code = jr::OptString(jr::Member(error.body, "code"))) {
    error.raw_type = *code;
    error.source = "body:code";
  } else if (auto type = jr::OptString(jr::Member(error.body, "__type"))) {
    error.raw_type = *type;
    error.source = "body:__type";
  } else {
    error.source = "none";
  }
  error.code = SanitizeErrorType(error.raw_type);
  error.message = MessageOf(error.body);
  if (op && !error.code.empty() && op->DeclaresError(error.code)) {
    error.error_class = ErrorClass::kDeclared;
  } else if (FindProtocolError(error.code)) {
    error.error_class = ErrorClass::kProtocol;
  } else {
    error.error_class = ErrorClass::kUndeclared;
  }
  return error;
}

DecodedResponse DecodeResponse(const spec::Service& service, const spec::Operation& op, const HttpResponse& response,
                               const ValidateOptions& options) {
  DecodedResponse out;
  if (response.status < 200 || response.status > 299) {
    out.is_error = true;
    out.error = DecodeError(service, &op, response);
    return out;
  }
  const std::string* content_type = response.headers.Find("Content-Type");
  bool empty_body = response.body.find_first_not_of(" \t\r\n") == std::string::npos;
  // An operation without output members may answer with no body at all (Smithy awsJson1_1).
  if (!IsJsonContentType(content_type) && !(empty_body && op.output->members.empty())) {
    out.findings.push_back({"", ViolationKind::kContentType,
                            std::string("Content-Type must be ") + kJsonContentType + " (got " +
                                (content_type ? "'" + *content_type + "'" : std::string("none")) + ")"});
  }
  // A body not read leaves an empty output: readers then see every member missing (a finding
  // each), never a null they would have to test first.
  if (std::string encoding = ContentEncodingProblem(response.headers); !encoding.empty()) {
    out.findings.push_back({"", ViolationKind::kBody, std::move(encoding)});
    out.output = Value::object();
    return out;
  }
  ParsedBody parsed = empty_body ? ParsedBody{json::object(), "", ViolationKind::kBody} : ParseResponseBody(response.body);
  if (!parsed.ok()) {
    out.findings.push_back({"", parsed.kind, std::move(parsed.problem)});
    out.output = Value::object();
    return out;
  }
  json wire = std::move(parsed.value);
  if (!wire.is_object()) {
    out.findings.push_back({"", ViolationKind::kBody, "response body must be a JSON object"});
    out.output = Value::object();
    return out;
  }
  ValidateOptions response_options = options;
  response_options.empty_list_meets_min = true;
  Violations shape_findings = Validate(*op.output, wire, response_options);
  out.findings.insert(out.findings.end(), shape_findings.begin(), shape_findings.end());
  out.output = WireToValue(*op.output, std::move(wire));
  return out;
}

std::variant<DecodedRequest, ProtocolError> DecodeRequest(const spec::Service& service, const HttpRequest& request) {
  const std::string* target = request.headers.Find("X-Amz-Target");
  if (!target || target->empty()) return ProtocolError{400, kMissingAction, "Missing required header X-Amz-Target"};
  const std::string& prefix = service.metadata().target_prefix;
  const spec::Operation* op = nullptr;
  if (target->size() > prefix.size() + 1 && target->compare(0, prefix.size(), prefix) == 0 && (*target)[prefix.size()] == '.') {
    op = service.FindOperation(std::string_view(*target).substr(prefix.size() + 1));
  }
  // AWS JSON services answer a target they cannot route with UnknownOperationException (fact
  // sheet §2.2, U); InvalidAction is the query protocol's code.
  if (!op) return ProtocolError{400, kUnknownOperation, "Unknown operation " + *target};
  if (!IsJsonContentType(request.headers.Find("Content-Type"))) {
    return ProtocolError{400, kInvalidAction, std::string("Content-Type must be ") + kJsonContentType};
  }
  DecodedRequest out;
  out.op = op;
  bool empty_body = request.body.find_first_not_of(" \t\r\n") == std::string::npos;
  // Smithy: servers must accept an empty body for an operation without input.
  json wire = empty_body ? json::object() : json::parse(request.body, nullptr, false);
  if (wire.is_discarded()) return ProtocolError{400, kSerialization, "Request body is not valid JSON"};
  if (!wire.is_object()) return ProtocolError{400, kSerialization, "Request body must be a JSON object"};
  out.violations = Validate(*op->input, wire);
  out.input = WireToValue(*op->input, std::move(wire));
  return out;
}

std::optional<ProtocolError> TypeMismatchError(const Violations& violations) {
  for (const auto& v : violations) {
    if (v.kind != ViolationKind::kType) continue;
    return ProtocolError{400, kSerialization,
                         "Cannot deserialize member '" + (v.path.empty() ? std::string("body") : v.path) + "': " + v.constraint};
  }
  return std::nullopt;
}

}  // namespace ecrc::codec
