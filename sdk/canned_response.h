// The HTTP answers the judge replays for SDK cases, with the headers an AWS JSON front end sends.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/http.h"
#include "sdk/sdk_case.h"

namespace ecrc::sdk {

// `status` with `Content-Type: application/x-amz-json-1.1` and `body` as UTF-8 JSON (non-ASCII
// text sent as is, as AWS does, not as \u escapes).
HttpResponse JsonResponse(int status, const nlohmann::json& body);

// `status` with `body` as given; no Content-Type when `content_type` is empty.
HttpResponse RawResponse(int status, std::string content_type, std::string body);

// Gives every response of `sdk_case` an `x-amzn-RequestId`: a UUID-shaped value derived from the
// case id and the response's index, so files are stable from run to run and an SDK that exposes
// the id can be traced back to the exact response.
void AddRequestIds(SdkCase& sdk_case);

// A UUID-shaped id (8-4-4-4-12 lowercase hex) derived from `seed`: stable across runs, so reports diff
// cleanly.
std::string HashedUuid(const std::string& seed);

}  // namespace ecrc::sdk
