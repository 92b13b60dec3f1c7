// One operation call as the checks see it: the redacted exchange and its decoding.
// Checks never do I/O; whoever runs them supplies a CallFn.
#pragma once

#include <functional>
#include <string>

#include "harness/codec/codec.h"
#include "harness/results/exchange.h"
#include "specs/spec.h"

namespace ecrc::check {

struct Call {
  const spec::Operation* op = nullptr;
  codec::Value input;
  // What was sent and what came back (or exchange.transport_error), as the report keeps it.
  results::Exchange exchange;
  codec::DecodedResponse decoded;  // meaningful only when answered()

  bool answered() const { return exchange.answered(); }
  const HttpRequest& request() const { return exchange.request; }
  const HttpResponse& response() const { return exchange.response; }
  const std::string& transport_error() const { return exchange.transport_error; }
  bool ok() const { return answered() && !decoded.is_error; }
  bool is_error() const { return answered() && decoded.is_error; }
  const std::string& error_code() const { return decoded.error.code; }
};

// Sends `input` to `op` (encoding, signing and decoding included).
using CallFn = std::function<Call(const spec::Operation& op, const codec::Value& input)>;

}  // namespace ecrc::check
