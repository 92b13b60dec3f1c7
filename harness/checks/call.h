// One operation call as the checks see it: what was sent, what came back, and its decoding.
// Checks never do I/O; whoever runs them supplies a CallFn.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "base/http.h"
#include "harness/codec/codec.h"
#include "specs/spec.h"

namespace ecrc::check {

struct Call {
  const spec::Operation* op = nullptr;
  codec::Value input;
  HttpRequest request;
  std::optional<HttpResponse> response;  // absent when the transport failed
  std::string transport_error;
  codec::DecodedResponse decoded;

  bool ok() const { return response && !decoded.is_error; }
  bool is_error() const { return response && decoded.is_error; }
  const std::string& error_code() const { return decoded.error.code; }
};

// Sends `input` to `op` (encoding, signing and decoding included).
using CallFn = std::function<Call(const spec::Operation& op, const codec::Value& input)>;

}  // namespace ecrc::check
