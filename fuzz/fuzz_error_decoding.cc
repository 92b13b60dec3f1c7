// Fuzz target: decoding any error response never crashes, is deterministic, follows the
// documented precedence (X-Amzn-ErrorType header, then `code`, then `__type`), and returns a
// code sanitised by Smithy's awsJson1_1 rule.
//
// Input (readable): line 1 names the operation (unknown or empty: none); then header lines
// `Name: value` up to an empty line; the rest is the body.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz/check.h"
#include "fuzz/text_input.h"
#include "harness/codec/codec.h"
#include "harness/codec/protocol_errors.h"
#include "specs/spec.h"

namespace ecrc::fuzz {
namespace {

using nlohmann::json;

bool SameError(const codec::DecodedError& a, const codec::DecodedError& b) {
  return a.code == b.code && a.raw_type == b.raw_type && a.source == b.source && a.message == b.message &&
         a.body == b.body && a.error_class == b.error_class;
}

// The sanitising rule of Smithy's awsJson1_1 (and smithy-rs): drop everything from the first ':'
// (a URI suffix), then everything up to and including the first '#' (a namespace). Stated as
// what must hold between raw and code rather than re-running the steps.
std::string SanitisingBroken(const std::string& raw, const std::string& code) {
  if (code.find(':') != std::string::npos) return "the code keeps a ':'";
  std::string_view head(raw);
  head = head.substr(0, head.find(':'));
  if (head.size() < code.size() || head.substr(head.size() - code.size()) != code) {
    return "the code is not the end of the raw type before its first ':'";
  }
  std::string_view prefix = head.substr(0, head.size() - code.size());
  size_t hashes = std::count(prefix.begin(), prefix.end(), '#');
  if (prefix.empty()) return head.find('#') == std::string_view::npos ? "" : "a namespace '#' was kept";
  if (hashes != 1 || prefix.back() != '#') return "what was cut is not exactly one namespace ending in '#'";
  return "";
}

}  // namespace
}  // namespace ecrc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ecrc;
  using namespace ecrc::fuzz;
  static const std::shared_ptr<const spec::Service> service = spec::Service::Embedded();
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const spec::Operation* op = service->FindOperation(TakeLine(rest));
  HttpResponse response;
  response.status = 400;
  while (!rest.empty()) {
    std::string_view line = TakeLine(rest);
    if (line.empty()) break;
    size_t colon = line.find(':');
    std::string_view name = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.remove_prefix(1);
    response.headers.Add(std::string(name), std::string(value));
  }
  response.body = std::string(rest);

  codec::DecodedError e = codec::DecodeError(*service, op, response);
  codec::DecodedError again = codec::DecodeError(*service, op, response);
  ECRC_FUZZ_CHECK(SameError(e, again), "two decodings of the same error disagree: " + e.code + " vs " + again.code);

  // The body as the decoder must have read it.
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded()) body = json();
  ECRC_FUZZ_CHECK(e.body == body, "the decoded body differs from the response body");

  // Precedence: the first X-Amzn-ErrorType header when it has a value, else a string `code`, else
  // a string `__type`, else nothing.
  const std::string* header = response.headers.Find("X-Amzn-ErrorType");
  auto body_string = [&](const char* key) -> const std::string* {
    if (!body.is_object()) return nullptr;
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  std::string want_source = "none";
  std::string want_raw;
  if (header && !header->empty()) {
    want_source = "header";
    want_raw = *header;
  } else if (const std::string* code = body_string("code")) {
    want_source = "body:code";
    want_raw = *code;
  } else if (const std::string* type = body_string("__type")) {
    want_source = "body:__type";
    want_raw = *type;
  }
  ECRC_FUZZ_CHECK(e.source == want_source && e.raw_type == want_raw,
                  "precedence broken: source " + e.source + " raw '" + Excerpt(e.raw_type) + "', expected " +
                      want_source + " '" + Excerpt(want_raw) + "'");

  std::string broken = SanitisingBroken(e.raw_type, e.code);
  ECRC_FUZZ_CHECK(broken.empty(), broken + ": raw '" + Excerpt(e.raw_type) + "' gave code '" + Excerpt(e.code) + "'");
  // A bare shape name is its own sanitised form.
  if (e.code.find('#') == std::string::npos) {
    ECRC_FUZZ_CHECK(codec::SanitizeErrorType(e.code) == e.code, "sanitising is not idempotent on '" + Excerpt(e.code) + "'");
  }

  // Classification against the operation's declared errors, read from the model directly.
  bool declared = false;
  if (op && !e.code.empty()) {
    for (const spec::Shape* s : op->errors) declared = declared || s->name == e.code;
  }
  codec::ErrorClass want_class = declared                          ? codec::ErrorClass::kDeclared
                                 : codec::FindProtocolError(e.code) ? codec::ErrorClass::kProtocol
                                                                    : codec::ErrorClass::kUndeclared;
  ECRC_FUZZ_CHECK(e.error_class == want_class, std::string("'") + Excerpt(e.code) + "' classified " +
                                                   codec::ErrorClassName(e.error_class) + ", expected " +
                                                   codec::ErrorClassName(want_class));

  // The message: `message`, `Message` or `errorMessage`, the first that is a string.
  std::optional<std::string> want_message;
  for (const char* key : {"message", "Message", "errorMessage"}) {
    if (const std::string* m = body_string(key)) {
      want_message = *m;
      break;
    }
  }
  ECRC_FUZZ_CHECK(e.message == want_message, "the message is not the body's first message member");
  return 0;
}
