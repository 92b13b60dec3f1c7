// GetAuthorizationToken: base64 of AWS:<password> with exactly one ':' (D: the AWS CLI splits
// on it), expiring in the future; outside us-east-1 UnsupportedCommand (D).
#pragma once

#include <algorithm>
#include "base/json_read.h"
#include <chrono>

#include "base/base64.h"
#include "properties/command.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class GetAuthorizationToken : public OneCall<GetAuthorizationToken> {
 public:
  static constexpr const char* kName = "GetAuthorizationToken";
  int unused = 0;  // no arguments; a member keeps the JSON form an object
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(GetAuthorizationToken, unused)

  GetAuthorizationToken() = default;
  explicit GetAuthorizationToken(const Model& m) {}

  void run(const Model& m, Sut& sut) const override {
    StepCall call(sut, kName, Args());
    bool home = sut.path().endpoint().region == "us-east-1";
    const nlohmann::json& out = call.Call(kName, nlohmann::json::object(), home ? Expected::Success() : Expected::Error("UnsupportedCommandException"));
    if (out.is_null()) return;
    const auto& data = jr::Object(jr::Member(out, "authorizationData"));
    auto decoded = Base64Decode(jr::StringAt(data, "authorizationToken"));
    call.Require(decoded.has_value(), "authorizationToken is not base64");
    const std::string& text = *decoded;
    call.Require(text.rfind("AWS:", 0) == 0 && std::count(text.begin(), text.end(), ':') == 1,
                 "the decoded token is not AWS:<password> with exactly one ':'");
    double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    call.Require(jr::Number(jr::Member(data, "expiresAt")).value_or(0) > now,
                 "expiresAt is not a time in the future (epoch seconds)");
  }

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return nlohmann::json::object(); }
  Expected Predict(const Model& m) const override { return Expected::Success(); }
};

}  // namespace ecrc::prop
