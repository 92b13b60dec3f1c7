// Fuzz target: whatever request reaches the reference server, it answers 2xx with a body valid
// for the operation's output shape, or 4xx with an error the operation declares or a documented
// protocol-level error; never 5xx, never a crash.
//
// Input (readable): up to 6 requests separated by lines `%%`. Each request is line 1: the
// X-Amz-Target value (empty: no header), line 2: the Content-Type (empty: none), then the body.
// `${uploadId}` and `${nextToken}` in a body stand for the latest such value the server answered
// within this input, so inputs can chain uploads and pages. Every input starts from the same
// registry (see reference_fixture.h).
#include <cstdint>
#include <string>

#include "fuzz/check.h"
#include "fuzz/reference_fixture.h"
#include "fuzz/text_input.h"
#include "harness/codec/codec.h"
#include "harness/codec/protocol_errors.h"

namespace ecrc::fuzz {
namespace {

using nlohmann::json;

// Enough for the longest chain the fixture needs (initiate, two parts, complete, put, describe);
// longer inputs only repeat requests and cost time per execution.
constexpr size_t kMaxRequests = 6;
constexpr std::string_view kSeparator = "\n%%\n";

void ReplaceAll(std::string& text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The operation the target names, asked of the model (not of the codec under test).
const spec::Operation* TargetOperation(const spec::Service& service, const std::string* target) {
  if (!target) return nullptr;
  std::string prefix = service.metadata().target_prefix + ".";
  if (target->size() <= prefix.size() || target->compare(0, prefix.size(), prefix) != 0) return nullptr;
  return service.FindOperation(std::string_view(*target).substr(prefix.size()));
}

void CheckAnswer(const spec::Service& service, const HttpRequest& request, const HttpResponse& response) {
  const std::string* target = request.headers.Find("X-Amz-Target");
  const spec::Operation* op = TargetOperation(service, target);
  // Only built when a check fails: it costs more than the checks themselves.
  auto what = [&] {
    return (target ? Excerpt(*target, 80) : std::string("(no target)")) + " " + Excerpt(request.body, 200) + " -> " +
           std::to_string(response.status) + " " + Excerpt(response.body, 300);
  };
  ECRC_FUZZ_CHECK(response.status >= 200 && response.status < 500, "status outside 2xx-4xx: " + what());
  ECRC_FUZZ_CHECK(response.headers.Find("x-amzn-RequestId") != nullptr, "no x-amzn-RequestId: " + what());
  const std::string* content_type = response.headers.Find("Content-Type");
  ECRC_FUZZ_CHECK(content_type && *content_type == codec::kJsonContentType, "wrong Content-Type: " + what());

  if (response.status < 300) {
    ECRC_FUZZ_CHECK(op != nullptr, "success for a request that names no operation: " + what());
    codec::DecodedResponse decoded = codec::DecodeResponse(service, *op, response);
    ECRC_FUZZ_CHECK(!decoded.is_error && decoded.findings.empty(),
                    "the output breaks " + op->name + "'s output shape: " + Describe(decoded.findings) + what());
    return;
  }
  codec::DecodedError error = codec::DecodeError(service, op, response);
  // The server sends both forms (Smithy awsJson1_1), and they agree.
  const json& body = error.body;
  auto type = body.find("__type");  // end() when the body is not an object
  ECRC_FUZZ_CHECK(error.source == "header" && type != body.end() && type->is_string() &&
                      type->get_ref<const std::string&>() == error.code,
                  "the error type is not in both the header and __type: " + what());
  ECRC_FUZZ_CHECK(error.message.has_value(), "an error without a message: " + what());
  bool declared = false;
  if (op) {
    for (const spec::Shape* s : op->errors) declared = declared || (s->name == error.code && !s->fault);
  }
  ECRC_FUZZ_CHECK(declared || codec::FindProtocolError(error.code) != nullptr,
                  "error " + error.code + " is neither declared by " + (op ? op->name : std::string("the (unknown) operation")) +
                      " nor a protocol error: " + what());
}

std::string LatestMember(const HttpResponse& response, const char* member, const std::string& fallback) {
  if (response.status != 200 || response.body.find(member) == std::string::npos) return fallback;
  json body = json::parse(response.body, nullptr, false);
  if (!body.is_object()) return fallback;
  auto it = body.find(member);
  return it != body.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace
}  // namespace ecrc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ecrc;
  using namespace ecrc::fuzz;
  static ReferenceFixture& fixture = ReferenceFixture::Shared();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string upload_id = "00000000-0000-0000-0000-000000000000";
  std::string next_token = "none";
  for (size_t n = 0; n < kMaxRequests && (n == 0 || !input.empty()); ++n) {
    size_t end = input.find(kSeparator);
    std::string_view text = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + kSeparator.size());

    HttpRequest request;
    std::string_view target = TakeLine(text);
    std::string_view content_type = TakeLine(text);
    if (!target.empty()) request.headers.Add("X-Amz-Target", std::string(target));
    if (!content_type.empty()) request.headers.Add("Content-Type", std::string(content_type));
    request.body = std::string(text);
    ReplaceAll(request.body, "${uploadId}", upload_id);
    ReplaceAll(request.body, "${nextToken}", next_token);

    HttpResponse response = fixture.server().Handle(request);
    CheckAnswer(fixture.service(), request, response);
    upload_id = LatestMember(response, "uploadId", upload_id);
    next_token = LatestMember(response, "nextToken", next_token);
  }
  fixture.Restore();
  return 0;
}
