// Requests botocore's ecr-public client serialized and signed (sigv4_vectors.py), loaded for the
// sdk tests: a real SDK's correct requests, the judge's best negative control.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "base/http.h"
#include "sdk/sigv4_verifier.h"

namespace ecrc::sdk {

struct BotocoreVector {
  std::string kind;      // "client:<operation>" from a botocore client, "raw" from a bare SigV4Auth
  std::string endpoint;  // the client's endpoint_url ("" for botocore's own), or a raw request's URL
  HttpRequest request;
  SigningExpectation expected;  // `now` a little after the signing instant
};

// Runs sigv4_vectors.py for `count` vectors; empty with `skip` set when python3 or botocore is
// missing. Failures to run otherwise are gtest failures.
std::vector<BotocoreVector> BotocoreVectors(int count, std::string* skip);

// The path of an endpoint URL ("/" when it has none), as a client sends it.
std::string EndpointPath(const std::string& endpoint);

std::chrono::system_clock::time_point UtcTime(int y, unsigned mo, unsigned d, int h, int mi, int s);

}  // namespace ecrc::sdk
