// GetRepositoryPolicy: the policy last set, or RepositoryPolicyNotFound (D).
#pragma once

#include "properties/commands/SetRepositoryPolicy.h"
#include "base/json_read.h"

namespace ecrc::prop {

class GetRepositoryPolicy : public OneCall<GetRepositoryPolicy> {
 public:
  static constexpr const char* kName = "GetRepositoryPolicy";
  std::string suffix;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(GetRepositoryPolicy, suffix)

  GetRepositoryPolicy() = default;
  explicit GetRepositoryPolicy(const Model& m) : suffix(*GenRepo(m)) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"repositoryName", sut.Name(suffix)}}; }
  Expected Predict(const Model& m) const override { return ExpectPolicy(m, suffix); }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    call.Require(SamePolicy(jr::StringAt(out, "policyText"), *m.Find(suffix)->policy), "policyText is not the policy set (compared as JSON)");
  }
};

}  // namespace ecrc::prop
