#include "sdk/resilience_vectors.h"

#include <utility>

#include "harness/codec/codec.h"
#include "sdk/canned_response.h"
#include "sdk/case_inputs.h"
#include "sdk/output_values.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

constexpr char kRetryBehavior[] = "https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html";
constexpr char kBadGateway[] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3";
constexpr char kAwsJson11[] = "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html";
constexpr char kErrorSerialization[] =
    "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization";

constexpr char kProxyPage[] =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    "</body>\r\n</html>\r\n";

SdkCase BaseCase(const spec::Operation& op, std::string category, std::string vector, json input) {
  SdkCase c;
  c.id = category + "." + vector;
  c.operation = op.name;
  c.input = std::move(input);
  c.category = std::move(category);
  c.vector = std::move(vector);
  return c;
}

// One retryable failure, then success: a conforming client retries once and returns the output.
SdkCase RetryCase(const spec::Operation& op, std::string vector, json input, HttpResponse failure, const json& success,
                  std::string documentation) {
  SdkCase c = BaseCase(op, "retry", std::move(vector), std::move(input));
  c.documentation = std::move(documentation);
  c.source = kRetryBehavior;
  c.max_attempts = 3;
  c.responses.push_back(std::move(failure));
  c.responses.push_back(JsonResponse(200, success));
  c.expect = Expectation::kOutput;
  c.expected_output = success;
  c.expected_requests = 2;
  AddRequestIds(c);
  return c;
}

// An answer the client cannot use: it must report an error, not invent an output.
SdkCase FailureCase(const spec::Operation& op, std::string vector, json input, HttpResponse answer,
                    std::string documentation, std::string source) {
  SdkCase c = BaseCase(op, "resilience", std::move(vector), std::move(input));
  c.documentation = std::move(documentation);
  c.source = std::move(source);
  c.responses.push_back(std::move(answer));
  c.expect = Expectation::kFailure;
  AddRequestIds(c);
  return c;
}

}  // namespace

const spec::Operation* ResilienceOperation(const spec::Service& service) {
  for (const auto& [name, op] : service.operations()) {
    bool any_required = false;
    for (const auto& m : op.input->members) any_required = any_required || m.required;
    if (!any_required) return &op;
  }
  return nullptr;
}

Result<std::vector<SdkCase>> ResilienceCases(const spec::Service& service) {
  std::vector<SdkCase> out;
  const spec::Operation* op = ResilienceOperation(service);
  if (!op) return out;
  auto input = MinimalInput(*op);
  auto min = MinOutput(*op->output);
  auto max = MaxOutput(*op->output);
  for (const Status& s : {input.status(), min.status(), max.status()}) {
    if (!s.ok()) return Status::Error(op->name + ": " + s.message());
  }

  out.push_back(RetryCase(*op, "throttling", *input, JsonResponse(400, {{"__type", "ThrottlingException"}, {"message", "Rate exceeded"}}),
                          *min, "400 ThrottlingException is a throttling error: the standard retry mode retries it"));
  out.push_back(RetryCase(*op, "unavailable", *input, JsonResponse(503, {{"__type", "ServiceUnavailableException"}}), *min,
                          "503 is a transient error: the standard retry mode retries it"));

  out.push_back(FailureCase(*op, "proxy_502", *input, RawResponse(502, "text/html", kProxyPage),
                            "A proxy's HTML page for 502 Bad Gateway: no JSON to decode, so an error, never an output",
                            kBadGateway));
  // Cut on a character boundary, so the only fault is the missing half (the text stays UTF-8).
  std::string body = max->dump();
  size_t cut = body.size() / 2;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  out.push_back(FailureCase(*op, "truncated_body", *input, RawResponse(200, codec::kJsonContentType, body.substr(0, cut)),
                            "A 200 whose JSON body stops halfway: the client must fail to parse it, not return part "
                            "of an output",
                            kAwsJson11));
  out.push_back(FailureCase(*op, "empty_body_error", *input, RawResponse(500, codec::kJsonContentType, ""),
                            "A 500 with an empty body: no error type to read, still an error", kErrorSerialization));
  return out;
}

}  // namespace ecrc::sdk
