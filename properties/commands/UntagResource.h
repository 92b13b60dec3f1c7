// UntagResource: removes the keys named; an absent key is a no-op (E).
#pragma once

#include "properties/command.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class UntagResource : public OneCall<UntagResource> {
 public:
  static constexpr const char* kName = "UntagResource";
  std::string suffix;
  std::vector<std::string> keys;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(UntagResource, suffix, keys)

  UntagResource() = default;
  explicit UntagResource(const Model& m) : suffix(*GenRepo(m)) {
    std::vector<std::string> held;
    if (const Repository* repo = m.Find(suffix)) {
      for (const auto& [k, v] : repo->tags) held.push_back(k);
    }
    auto key = held.empty() ? GenTagKey(*m.limits)
                            : rc::gen::weightedOneOf<std::string>({{3, rc::gen::elementOf(held)}, {1, GenTagKey(*m.limits)}});
    keys = *GenSome<std::string>(key, 3);
  }

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"resourceArn", sut.Arn(suffix)}, {"tagKeys", keys}}; }
  Expected Predict(const Model& m) const override {
    return m.Find(suffix) ? Expected::Success() : Expected::Error("RepositoryNotFoundException");
  }
  void Mutate(Model& m) const override {
    for (const auto& k : keys) m.Find(suffix)->tags.erase(k);
  }
};

}  // namespace ecrc::prop
