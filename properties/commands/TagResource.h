// TagResource on a repository ARN: overwrites existing keys (D); the result may hold at most 50
// keys (D: TooManyTags); a key over the model's length gives InvalidTagParameter or
// InvalidParameter (U: either is accepted).
#pragma once

#include "properties/command.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class TagResource : public OneCall<TagResource> {
 public:
  static constexpr const char* kName = "TagResource";
  std::string suffix;
  nlohmann::json tags = nlohmann::json::array();
  bool broken_key = false;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(TagResource, suffix, tags, broken_key)

  TagResource() = default;
  explicit TagResource(const Model& m) : suffix(*GenRepo(m)) {
    int mode = *rc::gen::weightedOneOf<int>({{8, rc::gen::just(0)}, {1, rc::gen::just(1)}, {2, rc::gen::just(2)}});
    if (mode == 1) {
      broken_key = true;
      tags.push_back({{"Key", BrokenTagKey(*m.limits).value}, {"Value", "v"}});
      return;
    }
    if (mode == 2) {
      // Up to the quota exactly, or one past it: the boundary both ways.
      const Repository* repo = m.Find(suffix);
      int64_t have = repo ? static_cast<int64_t>(repo->tags.size()) : 0;
      int64_t add = m.limits->tags_per_repository - have + *rc::gen::inRange(0, 2);
      for (int64_t i = 0, n = 0; n < add; ++i) {
        std::string key = "bulk-" + std::to_string(i);
        if (repo && repo->tags.count(key)) continue;
        tags.push_back({{"Key", key}, {"Value", "b"}});
        ++n;
      }
      return;
    }
    tags = *GenTags(*m.limits, 3);
  }

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"resourceArn", sut.Arn(suffix)}, {"tags", tags}}; }
  Expected Predict(const Model& m) const override {
    const Repository* repo = m.Find(suffix);
    // A key over the length limit can be refused before the repository is looked up, or after.
    if (!repo) return Expected::Error("RepositoryNotFoundException").If(broken_key, "InvalidTagParameterException").If(broken_key, "InvalidParameterException");
    if (broken_key) return Expected().If(true, "InvalidTagParameterException").If(true, "InvalidParameterException");
    std::set<std::string> keys;
    for (const auto& [k, v] : repo->tags) keys.insert(k);
    for (const auto& t : tags) keys.insert(t["Key"].get<std::string>());  // json-read-ok: the tags the command generated
    return Expected().If(static_cast<int64_t>(keys.size()) > m.limits->tags_per_repository, "TooManyTagsException");
  }
  void Mutate(Model& m) const override {
    for (const auto& t : tags) m.Find(suffix)->tags[t["Key"].get<std::string>()] = t["Value"].get<std::string>();  // json-read-ok: the tags the command generated
  }
};

}  // namespace ecrc::prop
