// Test helper: the SigV4 Authorization headers botocore computes for captured requests, so tests
// can hold libcurl's signatures to the signer every AWS SDK agrees with.
#pragma once

#include <string>
#include <vector>

#include "base/http.h"
#include "harness/client/transport.h"

namespace ecrc::client::testing {

struct CapturedRequest {
  HttpRequest request;   // as it arrived at a server: X-Amz-Date included
  std::string base_url;  // the request went to base_url + request.path
  Signing signing;
};

struct BotocoreSignatures {
  bool available = false;  // false: python3 or botocore is missing (skip, do not fail)
  bool ok = false;
  std::vector<std::string> authorization;  // one per request, in order, when ok
  std::string output;                      // what the script printed, for failure messages
};

// Signs every request with botocore's SigV4Auth at its own X-Amz-Date, in one python3 process
// (importing botocore costs most of a second).
BotocoreSignatures SignWithBotocore(const std::vector<CapturedRequest>& requests);

}  // namespace ecrc::client::testing
