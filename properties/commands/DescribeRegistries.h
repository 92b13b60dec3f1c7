// DescribeRegistries: the caller's registry (D: only the caller's is returned), the one whose id
// the case started with, with every required member (the output shape check).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class DescribeRegistries : public OneCall<DescribeRegistries> {
 public:
  static constexpr const char* kName = "DescribeRegistries";
  int max_results = 0;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(DescribeRegistries, max_results)

  DescribeRegistries() = default;
  explicit DescribeRegistries(const Model& m) : max_results(*rc::gen::inRange(0, 3)) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override {
    codec::Value in = nlohmann::json::object();
    if (max_results > 0) in["maxResults"] = max_results;
    return in;
  }
  Expected Predict(const Model& m) const override { return Expected::Success(); }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    const auto& registries = jr::List(jr::Member(out, "registries"));
    call.Require(registries.size() == 1, "registries holds " + std::to_string(registries.size()) + " entries, not the caller's one");
    std::string id = jr::StringAt(jr::Element(registries, 0), "registryId");
    call.Require(call.sut().account().empty() || id == call.sut().account(), "registryId " + id + " is not " + call.sut().account());
    // D: CLI describe-registries, arn:aws:ecr-public::<acct>:registry/<acct>.
    call.Require(jr::StringAt(jr::Element(registries, 0), "registryArn") == "arn:aws:ecr-public::" + id + ":registry/" + id,
                 "registryArn is not arn:aws:ecr-public::" + id + ":registry/" + id);
  }
};

}  // namespace ecrc::prop
