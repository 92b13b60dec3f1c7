// Reads an endpoint's response body into JSON within bounds: whatever the endpoint sent, the
// parser never sees more bytes, deeper nesting or other encodings than the model can need, and
// each refusal is a one-line reason a finding can carry.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/http.h"
#include "base/json_depth.h"
#include "harness/codec/violation.h"

namespace ecrc::codec {

struct BodyLimits {
  // The transport already cuts responses off at 16 MiB; this holds for bodies from elsewhere.
  size_t max_bytes = 16 << 20;
  // The model's outputs nest fewer than 10 levels; nlohmann's parser, its destructor walk, dump()
  // and the validator all recurse, so depth is refused before any of them runs.
  int max_depth = 64;
};

struct ParsedBody {
  nlohmann::json value;  // null unless `problem` is empty
  std::string problem;   // why the body was not read, e.g. "response body is not valid UTF-8 (byte 17)"
  ViolationKind kind = ViolationKind::kBody;  // kUtf8 for invalid UTF-8, kBody otherwise
  bool ok() const { return problem.empty(); }
};

// Parses `body` as JSON unless it is too large, nests deeper than the limit or is not UTF-8.
ParsedBody ParseResponseBody(std::string_view body, const BodyLimits& limits = {});

// Why a response with these headers cannot be read as sent ("" when it can): the client never
// asks for a Content-Encoding, so any but identity is refused, never inflated (a gzip bomb stays
// the few KiB it was on the wire).
std::string ContentEncodingProblem(const Headers& headers);

}  // namespace ecrc::codec
