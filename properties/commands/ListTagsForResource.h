// ListTagsForResource: exactly the model's tags, as {Key, Value} (D), in any order.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class ListTagsForResource : public OneCall<ListTagsForResource> {
 public:
  static constexpr const char* kName = "ListTagsForResource";
  std::string suffix;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(ListTagsForResource, suffix)

  ListTagsForResource() = default;
  explicit ListTagsForResource(const Model& m) : suffix(*GenRepo(m)) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"resourceArn", sut.Arn(suffix)}}; }
  Expected Predict(const Model& m) const override {
    return m.Find(suffix) ? Expected::Success() : Expected::Error("RepositoryNotFoundException");
  }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::map<std::string, std::string> got;
    for (const auto& t : jr::List(jr::Member(out, "tags"))) {
      std::string key = jr::StringAt(t, "Key");
      call.Require(!got.count(key), "tag key '" + key + "' is listed twice");
      got[key] = jr::StringAt(t, "Value");
    }
    const auto& want = m.Find(suffix)->tags;
    if (got != want) {
      nlohmann::json g = got, w = want;
      call.Require(false, "tags " + jr::Dump(g) + " differ from the model's " + w.dump());  // json-read-ok: the model's tags
    }
  }
};

}  // namespace ecrc::prop
