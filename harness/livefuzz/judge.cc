#include "harness/livefuzz/judge.h"

#include <algorithm>

#include "harness/checks/call.h"
#include "harness/checks/expectation.h"
#include "harness/codec/codec.h"
#include "harness/codec/protocol_errors.h"

namespace ecrc::livefuzz {
namespace {

using nlohmann::json;
using results::Severity;
using ViolationKind = codec::ViolationKind;

constexpr char kSheet22[] = "specs/ecr-public/behaviour.md §2.2";

const std::vector<CheckInfo> kChecks = {
    {kAnswerInTime, "fuzz", "A fuzzed request gets an answer within the per-request timeout", Severity::kError,
     "specs/ecr-public/behaviour.md §2.1, §2.2 (every request is answered: a success or a typed error)"},
    {kNoServerError, "fuzz", "A fuzzed request never gets a 5xx: bad input is the client's fault", Severity::kError,
     "specs/ecr-public/behaviour.md §2.2 (D): only ServerException is 5xx, and it is the server's own fault"},
    {kInvalidRejected, "fuzz", "A request the model calls invalid is rejected, not served", Severity::kError,
     "model traits (required, type, length, range, pattern, enum); specs/ecr-public/behaviour.md §2.2 (E)"},
    {kErrorTyped, "error_shape", "An error names its type in __type or X-Amzn-ErrorType", Severity::kError,
     "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html (Operation error serialization); "
     "specs/ecr-public/behaviour.md §2.2 (D)"},
    {kErrorDeclared, "fuzz", "An error is one the operation declares, or a documented protocol-level error", Severity::kError,
     "model: operations.<Operation>.errors; https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/CommonErrors.html"},
    {kErrorShape, "error_shape", "An error of the operation has the awsJson error shape (HTTP 400, message, Content-Type, request id)",
     Severity::kError, "specs/ecr-public/behaviour.md §2.1, §2.2 (D): every modelled error is HTTP 400 except ServerException (500)"},
    {kSuccessShape, "output_shape", "A success to a valid fuzzed request has the operation's output shape and a request id", Severity::kError,
     "model: operations.<Operation>.output; specs/ecr-public/behaviour.md §2.1 (D/E: Content-Type, x-amzn-RequestId)"},
    {kEndpointSurvives, "fuzz", "After the fuzzing, a valid call still succeeds", Severity::kError,
     "specs/ecr-public/behaviour.md §2.2 (client input never breaks the server)"},
    {kFixtureSetup, "fuzz", "The resources the fuzzed requests name can be made", Severity::kError,
     "specs/ecr-public/semantics.json resources; specs/ecr-public/behaviour.md §4.4, §5.1 (how each is made)"},
};

bool AllOf(const codec::Violations& vs, std::initializer_list<ViolationKind> kinds) {
  return std::all_of(vs.begin(), vs.end(), [&](const codec::Violation& v) { return std::find(kinds.begin(), kinds.end(), v.kind) != kinds.end(); });
}

std::string Label(const RequestView& view) { return view.op ? view.op->name : std::string("(no operation)"); }

}  // namespace

const std::vector<CheckInfo>& FuzzChecks() { return kChecks; }

const CheckInfo* FindFuzzCheck(std::string_view id) {
  for (const auto& c : kChecks) {
    if (id == c.id) return &c;
  }
  return nullptr;
}

std::string RequestView::Summary() const {
  if (!op) return "names no operation";
  if (!body_is_object) return body.is_null() ? "body is not JSON" : "body is not a JSON object";
  if (!violations.empty()) {
    std::string s = "invalid: " + violations.front().ToString();
    if (violations.size() > 1) s += " (and " + std::to_string(violations.size() - 1) + " more)";
    return s;
  }
  return content_type_ok ? "valid" : "valid body, foreign Content-Type";
}

RequestView Inspect(const spec::Service& service, const HttpRequest& request) {
  RequestView view;
  // Framing first, on an empty body: which operation the target names and whether the
  // Content-Type is right, decided by the codec exactly as the reference server decides it.
  HttpRequest probe;
  probe.headers = request.headers;
  auto framed = codec::DecodeRequest(service, probe);
  if (auto* d = std::get_if<codec::DecodedRequest>(&framed)) {
    view.op = d->op;
    view.content_type_ok = true;
  } else if (std::get<codec::ProtocolError>(framed).code == codec::kInvalidAction) {
    probe.headers.Set("Content-Type", codec::kJsonContentType);
    auto retry = codec::DecodeRequest(service, probe);
    if (auto* d = std::get_if<codec::DecodedRequest>(&retry)) view.op = d->op;  // the target is fine; the Content-Type is not
  }
  if (!view.op) {
    if (const std::string* target = request.headers.Find("X-Amz-Target")) {
      for (const auto& [name, op] : service.operations()) {
        view.target_differs_in_case = view.target_differs_in_case || EqualsIgnoreCase(*target, service.metadata().target_prefix + "." + name);
      }
    }
    view.body = json::parse(request.body, nullptr, false);
    if (view.body.is_discarded()) view.body = json();
    return view;
  }
  // Then the body, as the operation's input.
  HttpRequest body_only;
  body_only.headers.Add("X-Amz-Target", service.metadata().target_prefix + "." + view.op->name);
  body_only.headers.Add("Content-Type", codec::kJsonContentType);
  body_only.body = request.body;
  auto decoded = codec::DecodeRequest(service, body_only);
  view.body = json::parse(request.body, nullptr, false);
  if (view.body.is_discarded()) view.body = json();
  if (auto* d = std::get_if<codec::DecodedRequest>(&decoded)) {
    view.body_is_object = true;
    view.violations = std::move(d->violations);
  }
  return view;
}

std::string DescribeAnswer(const spec::Service& service, const spec::Operation* op, const client::TransportResult& result) {
  if (!result.ok()) return std::string("no answer (") + client::TransportErrorKindName(result.error().kind) + ": " + result.error().message + ")";
  const HttpResponse& r = result.response();
  std::string out = "HTTP " + std::to_string(r.status);
  if (r.status >= 300 && r.status < 400) out += " (a redirect, not followed)";
  if (r.status < 200 || r.status > 299) {
    codec::DecodedError e = codec::DecodeError(service, op, r);
    out += " " + (e.code.empty() ? std::string("<no error type>") : e.code);
    // Why the body said nothing (too deep, not UTF-8, encoded, not JSON), when it said nothing.
    if (e.code.empty() && !e.body_problem.empty()) out += " (" + e.body_problem + ")";
  }
  return out;
}

std::optional<Severity> Judge::AcceptanceSeverity(const spec::Operation& op, const codec::Violations& violations, bool ambiguous) const {
  if (AllOf(violations, {ViolationKind::kUnknownMember})) {
    // An operation that declares none of the validation errors cannot refuse unknown members
    // with an error of its own, and ignoring them is what many AWS services do.
    bool can_refuse = false;
    for (const auto& code : semantics_.validation_error_codes()) can_refuse = can_refuse || op.DeclaresError(code);
    if (!can_refuse) return std::nullopt;
  }
  if (ambiguous) return Severity::kWarning;
  // Whether AWS rejects unknown members is not documented (U), and Smithy patterns are not
  // anchored, so a full-match violation may be accepted (fact sheet §2.2, U).
  if (AllOf(violations, {ViolationKind::kUnknownMember, ViolationKind::kPattern})) return Severity::kWarning;
  return Severity::kError;
}

// One request and its answer as the checks read them, and the judgement they build.
struct Judge::Answer {
  const RequestView& view;
  const MutationInfo& mutation;
  bool signed_request;
  const client::TransportResult& result;
  std::string label;     // "<Operation> <mutation>", the start of every message
  std::string observed;  // DescribeAnswer
  // A foreign Content-Type on a request naming an operation leaves open what a server should do.
  bool ambiguous = mutation.ambiguous || (view.op && !view.content_type_ok);
  bool is_error = false;  // set by FuzzNoServerError, once an answer is known to have arrived
  codec::DecodedError error{};  // decoded when is_error
  Judgement judgement{};

  void Fail(const char* check, Severity severity, std::string message, std::string expected, std::string path = "") {
    judgement.failures.push_back({check, severity, label + ": " + std::move(message), std::move(path), std::move(expected), observed});
  }
};

Judgement Judge::Evaluate(const RequestView& view, const MutationInfo& mutation, bool signed_request,
                          const client::TransportResult& result) const {
  Answer a{view, mutation, signed_request, result, Label(view) + " " + mutation.name, DescribeAnswer(service_, view.op, result)};
  if (!FuzzAnswerInTime(&a) || !FuzzNoServerError(&a)) return std::move(a.judgement);
  FuzzSuccessShape(&a);
  FuzzInvalidRejected(&a);
  if (!a.is_error) return std::move(a.judgement);
  // An error answer exercises both of these, even when the first one's failure ends the judging.
  a.judgement.exercised.push_back(kErrorTyped);
  a.judgement.exercised.push_back(kErrorDeclared);
  if (FuzzErrorTyped(&a) && FuzzErrorDeclared(&a)) FuzzErrorShape(&a);
  return std::move(a.judgement);
}

bool Judge::FuzzAnswerInTime(Answer* a) const {
  a->judgement.exercised.push_back(kAnswerInTime);
  if (a->result.ok()) return true;
  const auto& e = a->result.error();
  switch (e.kind) {
    case client::TransportErrorKind::kTimeout: a->Fail(kAnswerInTime, Severity::kError, "no answer in time", "an answer within the timeout"); break;
    case client::TransportErrorKind::kUnreachable:
      a->Fail(kAnswerInTime, Severity::kError, "the endpoint stopped accepting connections", "an answer");
      break;
    case client::TransportErrorKind::kTooLarge: a->Fail(kAnswerInTime, Severity::kError, "the answer is too large", "an answer of sane size"); break;
    case client::TransportErrorKind::kOther: a->Fail(kAnswerInTime, Severity::kError, "no answer: " + e.message, "an answer"); break;
    case client::TransportErrorKind::kNotSent: break;  // the run stopped it: nothing to judge
  }
  return false;
}

bool Judge::FuzzNoServerError(Answer* a) const {
  const HttpResponse& r = a->result.response();
  a->judgement.exercised.push_back(kNoServerError);
  a->is_error = r.status < 200 || r.status > 299;
  if (a->is_error) a->error = codec::DecodeError(service_, a->view.op, r);
  if (r.status < 500) return true;
  // A 503 ServiceUnavailable is how AWS sheds load, not a verdict on the input.
  bool shedding = r.status == 503 && codec::FindProtocolError(a->error.code) != nullptr;
  a->Fail(kNoServerError, shedding ? Severity::kWarning : Severity::kError, "server error for a request that is " + a->view.Summary(),
          "a success or a 4xx error, never 5xx", "status");
  return false;
}

void Judge::FuzzSuccessShape(Answer* a) const {
  if (a->is_error || !a->view.valid()) return;
  a->judgement.exercised.push_back(kSuccessShape);
  // What breaks an SDK (framing, request id, required members, types); trait violations of
  // outputs are the contract suite's warnings.
  const HttpResponse& r = a->result.response();
  check::Call call;
  call.op = a->view.op;
  call.exchange.response = r;
  call.decoded = codec::DecodeResponse(service_, *a->view.op, r);
  std::vector<results::Finding> shape;
  check::OutputShapeValid(call, 0, &shape);
  for (const auto& f : shape) {
    a->judgement.failures.push_back({kSuccessShape, Severity::kError, a->label + ": " + f.message, f.path, f.expected, f.observed});
  }
}

void Judge::FuzzInvalidRejected(Answer* a) const {
  const RequestView& view = a->view;
  // Every invalid request exercises it; an error answer passes it.
  if (!view.valid() && (view.content_type_ok || !view.op)) a->judgement.exercised.push_back(kInvalidRejected);
  if (a->is_error) return;
  if (!view.op) {
    // Whether AWS matches the target case-insensitively is not documented (fact sheet §2.2, U).
    a->Fail(kInvalidRejected, view.target_differs_in_case ? Severity::kWarning : Severity::kError, "accepted a request that names no operation",
            "a 4xx protocol error (InvalidAction, UnknownOperationException, ...)", "header:X-Amz-Target");
  } else if (!view.content_type_ok) {
    // Whether a foreign Content-Type is refused or tolerated is not documented (U); serving it
    // is fine as long as the body is valid.
    if (!view.body_is_object || !view.violations.empty()) {
      a->judgement.exercised.push_back(kInvalidRejected);
      a->Fail(kInvalidRejected, Severity::kWarning, "accepted a request with a foreign Content-Type whose body is " + view.Summary(),
              "a 4xx error");
    }
  } else if (!view.body_is_object) {
    a->Fail(kInvalidRejected, a->ambiguous ? Severity::kWarning : Severity::kError, "accepted a request whose " + view.Summary(),
            "a 4xx error (SerializationException)", "body");
  } else if (!view.violations.empty()) {
    if (auto severity = AcceptanceSeverity(*view.op, view.violations, a->ambiguous)) {
      a->Fail(kInvalidRejected, *severity, "accepted an invalid request (" + view.violations.front().ToString() + ")",
              "a 4xx error (InvalidParameterException or another declared error)", view.violations.front().path);
    }
  }
}

bool Judge::FuzzErrorTyped(Answer* a) const {
  // A 1xx or 3xx answer is no error to type: fuzz_error_declared reports its status.
  if (a->result.response().status < 400 || !a->error.code.empty()) return true;
  a->Fail(kErrorTyped, Severity::kError, "the error names no type (neither X-Amzn-ErrorType nor __type)", "__type: <ErrorShapeName>",
          "__type");
  return false;
}

bool Judge::FuzzErrorDeclared(Answer* a) const {
  const RequestView& view = a->view;
  if (a->result.response().status < 400) {
    a->Fail(kErrorDeclared, Severity::kError, "unexpected HTTP status for a request that is " + view.Summary(), "a success or a 4xx error",
            "status");
    return false;
  }
  const std::string& code = a->error.code;
  bool declared = view.op && view.op->DeclaresError(code);
  bool protocol = codec::FindProtocolError(code) != nullptr;
  if (!declared && !protocol) {
    a->Fail(kErrorDeclared, a->ambiguous ? Severity::kWarning : Severity::kError,
            "error " + code + " is neither declared by the operation nor a protocol-level error (request " + view.Summary() + ")",
            view.op ? "an error " + view.op->name + " declares, or a protocol-level error" : "a protocol-level error");
  } else if (!declared && view.valid() && a->signed_request && !a->ambiguous) {
    a->Fail(kErrorDeclared, Severity::kWarning, "a valid request was refused with the protocol-level error " + code,
            "success or an error " + view.op->name + " declares");
  }
  return true;
}

void Judge::FuzzErrorShape(Answer* a) const {
  if (!a->view.op) return;
  a->judgement.exercised.push_back(kErrorShape);
  check::Call call;
  call.op = a->view.op;
  call.exchange.response = a->result.response();
  call.decoded.is_error = true;
  call.decoded.error = a->error;
  std::vector<results::Finding> shape;
  check::ErrorShapeValid(service_, call, 0, &shape);
  for (const auto& f : shape) {
    a->judgement.failures.push_back({kErrorShape, Severity::kError, a->label + ": " + f.message, f.path, f.expected, f.observed});
  }
}

}  // namespace ecrc::livefuzz
