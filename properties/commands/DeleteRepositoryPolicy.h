// DeleteRepositoryPolicy: returns the deleted policy (D: CLI example); a second delete is
// RepositoryPolicyNotFound (E).
#pragma once

#include "properties/commands/SetRepositoryPolicy.h"
#include "base/json_read.h"

namespace ecrc::prop {

class DeleteRepositoryPolicy : public OneCall<DeleteRepositoryPolicy> {
 public:
  static constexpr const char* kName = "DeleteRepositoryPolicy";
  std::string suffix;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(DeleteRepositoryPolicy, suffix)

  DeleteRepositoryPolicy() = default;
  explicit DeleteRepositoryPolicy(const Model& m) : suffix(*GenRepo(m)) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"repositoryName", sut.Name(suffix)}}; }
  Expected Predict(const Model& m) const override { return ExpectPolicy(m, suffix); }
  void Mutate(Model& m) const override { m.Find(suffix)->policy.reset(); }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    call.Require(SamePolicy(jr::StringAt(out, "policyText"), *m.Find(suffix)->policy), "policyText is not the deleted policy (compared as JSON)");
  }
};

}  // namespace ecrc::prop
