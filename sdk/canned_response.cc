#include "sdk/canned_response.h"

#include "base/sha256.h"
#include "harness/codec/codec.h"

namespace ecrc::sdk {

HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  return RawResponse(status, codec::kJsonContentType, body.dump());
}

HttpResponse RawResponse(int status, std::string content_type, std::string body) {
  HttpResponse response;
  response.status = status;
  if (!content_type.empty()) response.headers.Add("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

void AddRequestIds(SdkCase& sdk_case) {
  for (size_t i = 0; i < sdk_case.responses.size(); ++i) {
    sdk_case.responses[i].headers.Set("x-amzn-RequestId", HashedUuid(sdk_case.id + "#" + std::to_string(i)));
  }
}

std::string HashedUuid(const std::string& seed) {
  std::string hex = Sha256Hex(seed);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

}  // namespace ecrc::sdk
