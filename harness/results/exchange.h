// One request/response pair as evidence: what every suite records and every report shows.
#pragma once

#include <string>

#include "base/http.h"

namespace ecrc::results {

// Already redacted (harness/results/redaction.h) when it leaves the client: no credentials,
// signatures or tokens.
struct Exchange {
  std::string operation;  // empty for protocol-level probes
  HttpRequest request;
  HttpResponse response;  // meaningful only when answered()
  std::string transport_error;  // set when no response arrived

  bool answered() const { return transport_error.empty(); }
};

}  // namespace ecrc::results
