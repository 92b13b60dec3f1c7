#include "harness/codec/response_body.h"

#include "base/utf8.h"

namespace ecrc::codec {

ParsedBody ParseResponseBody(std::string_view body, const BodyLimits& limits) {
  ParsedBody out;
  if (body.size() > limits.max_bytes) {
    out.problem = "response body too large: " + std::to_string(body.size()) + " bytes, the limit is " + std::to_string(limits.max_bytes);
    return out;
  }
  if (auto bad = FirstInvalidUtf8(body)) {
    out.problem = "response body is not valid UTF-8 (byte " + std::to_string(*bad) + ")";
    out.kind = ViolationKind::kUtf8;
    return out;
  }
  if (int depth = JsonNestingDepth(body, limits.max_depth); depth > limits.max_depth) {
    out.problem = "response body exceeds the nesting depth limit of " + std::to_string(limits.max_depth) +
                  " (the model's outputs nest fewer than 10 levels)";
    return out;
  }
  out.value = nlohmann::json::parse(body, nullptr, false);
  if (out.value.is_discarded()) {
    out.value = nullptr;
    out.problem = "response body is not valid JSON";
  }
  return out;
}

std::string ContentEncodingProblem(const Headers& headers) {
  const std::string* encoding = headers.Find("Content-Encoding");
  if (!encoding) return "";
  std::string_view v(*encoding);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v.empty() || EqualsIgnoreCase(v, "identity")) return "";
  return "response has Content-Encoding '" + *encoding + "' although the request asked for none (no Accept-Encoding): body not read";
}

}  // namespace ecrc::codec
