#include "harness/checks/protocol_probes.h"

#include "harness/checks/scenarios/steps.h"
#include "harness/codec/codec.h"
#include "harness/codec/protocol_errors.h"

namespace ecrc::check {
namespace {

using results::Finding;
using results::Severity;

constexpr char kSmithy[] = "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html";
constexpr char kNoSuchOperation[] = "NoSuchOperationForEcrConform";

// What a probe's X-Amz-Target names: the read-only operation, an operation the model lacks, or
// nothing (the header is left out).
enum class Target { kReadOperation, kNoSuchOperation, kNone };

// A probe as registered beside the function that judges its answer; ProtocolProbes frames the
// request for the service at hand.
struct Probe {
  const char* id;
  const char* title;
  Severity severity;
  std::string source;
  Target target;
  const char* content_type;
  const char* body;
  void (*evaluate)(const spec::Service&, const HttpResponse&, std::vector<Finding>*);
};

// A request the service cannot act on must be answered as the client's fault (4xx) with a
// decodable error, never with a 5xx or a crash (specs/ecr-public/behaviour.md §2.2).
void ClientErrorWithType(const spec::Service& service, const HttpResponse& r, std::vector<Finding>* out) {
  if (r.status < 400 || r.status > 499) {
    out->push_back({"a malformed request must get a 4xx answer", "status", "4xx", std::to_string(r.status), 0});
    return;
  }
  codec::DecodedError e = codec::DecodeError(service, nullptr, r);
  if (e.code.empty()) out->push_back({"the error names no type (X-Amzn-ErrorType or __type)", "__type", "an error type", "absent", 0});
}

void ProtocolMalformedJsonRejected(const spec::Service& service, const HttpResponse& r, std::vector<Finding>* out) {
  ClientErrorWithType(service, r, out);
}
const Probe kProtocolMalformedJsonRejected = {"protocol_malformed_json_rejected", "A body that is not JSON gets a 4xx error with a type",
    Severity::kError, kSmithy, Target::kReadOperation, codec::kJsonContentType, "{\"maxResults\": ", ProtocolMalformedJsonRejected};

void ProtocolNonObjectBodyRejected(const spec::Service& service, const HttpResponse& r, std::vector<Finding>* out) {
  ClientErrorWithType(service, r, out);
}
const Probe kProtocolNonObjectBodyRejected = {"protocol_non_object_body_rejected",
    "A JSON body that is not an object gets a 4xx error with a type", Severity::kError, kSmithy, Target::kReadOperation,
    codec::kJsonContentType, "[1, 2]", ProtocolNonObjectBodyRejected};

// An unknown X-Amz-Target: AWS JSON services answer UnknownOperationException; InvalidAction (the
// query protocol's code) is the other answer seen in the wild. Anything else is outside the set.
void ProtocolUnknownOperationRejected(const spec::Service& service, const HttpResponse& r, std::vector<Finding>* out) {
  size_t before = out->size();
  ClientErrorWithType(service, r, out);
  if (out->size() > before) return;
  std::string code = codec::DecodeError(service, nullptr, r).code;
  if (code != codec::kUnknownOperation && code != codec::kInvalidAction) {
    out->push_back({"an unknown operation must be answered as one", "__type", "UnknownOperationException (or InvalidAction)", code, 0});
  }
}
const Probe kProtocolUnknownOperationRejected = {"protocol_unknown_operation_rejected",
    "An X-Amz-Target naming no operation gets a 4xx UnknownOperationException (or InvalidAction)", Severity::kError,
    std::string(kSmithy) + "; " + steps::FactSheet("§2.2 (U: unknown X-Amz-Target)"), Target::kNoSuchOperation, codec::kJsonContentType,
    "{}", ProtocolUnknownOperationRejected};

// The warning-severity half: InvalidAction is in the set, but it is not what AWS JSON services send.
void ProtocolUnknownOperationCode(const spec::Service& service, const HttpResponse& r, std::vector<Finding>* out) {
  if (r.status < 400 || r.status > 499) return;  // the error-severity probe reports it
  std::string code = codec::DecodeError(service, nullptr, r).code;
  if (code == codec::kInvalidAction) {
    out->push_back({"InvalidAction is the query protocol's code; AWS JSON services answer UnknownOperationException", "__type",
                    codec::kUnknownOperation, code, 0});
  }
}
const Probe kProtocolUnknownOperationCode = {"protocol_unknown_operation_code",
    "An X-Amz-Target naming no operation gets UnknownOperationException, as AWS JSON services answer", Severity::kWarning,
    steps::FactSheet("§2.2 (U: Coral services answer UnknownOperationException, 400)"), Target::kNoSuchOperation, codec::kJsonContentType,
    "{}", ProtocolUnknownOperationCode};

void ProtocolMissingTargetRejected(const spec::Service& service, const HttpResponse& r, std::vector<Finding>* out) {
  ClientErrorWithType(service, r, out);
}
const Probe kProtocolMissingTargetRejected = {"protocol_missing_target_rejected", "A request without X-Amz-Target gets a 4xx error with a type",
    Severity::kError, kSmithy, Target::kNone, codec::kJsonContentType, "{}", ProtocolMissingTargetRejected};

void ProtocolEmptyBodyAccepted(const spec::Service& service, const HttpResponse& r, std::vector<Finding>* out) {
  if (r.status != 200) {
    codec::DecodedError e = codec::DecodeError(service, nullptr, r);
    out->push_back({"an empty body is an empty input and must be accepted", "status", "200", std::to_string(r.status) + " " + e.code, 0});
  }
}
const Probe kProtocolEmptyBodyAccepted = {"protocol_empty_body_accepted",
    "An empty body is read as an empty input (no required members): success", Severity::kError,
    std::string(kSmithy) + " (Empty body serialization); specs/ecr-public/behaviour.md §2.1 (D)", Target::kReadOperation,
    codec::kJsonContentType, "", ProtocolEmptyBodyAccepted};

void ProtocolForeignContentTypeNot5xx(const spec::Service&, const HttpResponse& r, std::vector<Finding>* out) {
  if (r.status >= 500) out->push_back({"a request in a foreign Content-Type must not be a server error", "status", "not 5xx", std::to_string(r.status), 0});
}
// Whether a foreign Content-Type is refused or tolerated is not documented (U): only a server
// error is wrong.
const Probe kProtocolForeignContentTypeNot5xx = {"protocol_foreign_content_type_not_5xx",
    "A request in application/json is refused or served, never a server error", Severity::kWarning, kSmithy, Target::kReadOperation,
    "application/json", "{}", ProtocolForeignContentTypeNot5xx};

HttpRequest Frame(const spec::Service& service, const std::string& operation, const char* content_type, std::string body) {
  HttpRequest r;
  if (!operation.empty()) r.headers.Add("X-Amz-Target", service.metadata().target_prefix + "." + operation);
  r.headers.Add("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}

// The first paginated operation without required members: a read that any endpoint can serve.
std::string ReadOnlyOperation(const spec::Service& service) {
  for (const auto& [name, p] : service.paginators()) {
    bool required = false;
    for (const auto& m : service.FindOperation(name)->input->members) required = required || m.required;
    if (!required) return name;
  }
  return service.operations().begin()->first;
}

}  // namespace

std::vector<ProtocolProbe> ProtocolProbes(const spec::Service& service) {
  std::string read = ReadOnlyOperation(service);
  std::vector<ProtocolProbe> probes;
  for (const Probe* p : {&kProtocolMalformedJsonRejected, &kProtocolNonObjectBodyRejected, &kProtocolUnknownOperationRejected,
                         &kProtocolUnknownOperationCode, &kProtocolMissingTargetRejected, &kProtocolEmptyBodyAccepted,
                         &kProtocolForeignContentTypeNot5xx}) {
    std::string operation = p->target == Target::kReadOperation ? read : "";
    std::string target = p->target == Target::kNoSuchOperation ? kNoSuchOperation : operation;
    probes.push_back({p->id, p->title, p->severity, p->source, operation, Frame(service, target, p->content_type, p->body), p->evaluate});
  }
  return probes;
}

}  // namespace ecrc::check
