// SetRepositoryPolicy: a policy document, or at times text that is not JSON (InvalidParameter,
// E: MOTO copies AWS's message). Policies are compared parsed: AWS re-serialises them (D).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

inline bool SamePolicy(const std::string& a, const std::string& b) {
  auto pa = nlohmann::json::parse(a, nullptr, false);
  auto pb = nlohmann::json::parse(b, nullptr, false);
  return !pa.is_discarded() && pa == pb;
}

// What GetRepositoryPolicy and DeleteRepositoryPolicy expect: RepositoryNotFound, else
// RepositoryPolicyNotFound when no policy is set (D), else success.
inline Expected ExpectPolicy(const Model& m, const std::string& suffix) {
  const Repository* repo = m.Find(suffix);
  if (!repo) return Expected::Error("RepositoryNotFoundException");
  return Expected().If(!repo->policy, "RepositoryPolicyNotFoundException");
}

class SetRepositoryPolicy : public OneCall<SetRepositoryPolicy> {
 public:
  static constexpr const char* kName = "SetRepositoryPolicy";
  std::string suffix;
  std::string policy;
  bool not_json = false;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(SetRepositoryPolicy, suffix, policy, not_json)

  SetRepositoryPolicy() = default;
  explicit SetRepositoryPolicy(const Model& m) : suffix(*GenRepo(m)) {
    not_json = *rc::gen::inRange(0, 8) == 0;
    policy = not_json ? "{\"Version\": \"2012-10-17\", \"Statement\": [" : *GenPolicy();
  }

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"repositoryName", sut.Name(suffix)}, {"policyText", policy}}; }
  Expected Predict(const Model& m) const override {
    // Text that is not JSON can be refused before the repository is looked up, or after.
    if (!m.Find(suffix)) return Expected::Error("RepositoryNotFoundException").If(not_json, "InvalidParameterException");
    return Expected().If(not_json, "InvalidParameterException");
  }
  void Mutate(Model& m) const override { m.Find(suffix)->policy = policy; }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    call.Require(SamePolicy(jr::StringAt(out, "policyText"), policy), "policyText is not the policy set (compared as JSON)");
    call.Require(jr::StringAt(out, "repositoryName") == call.sut().Name(suffix), "repositoryName is not " + call.sut().Name(suffix));
  }
};

}  // namespace ecrc::prop
