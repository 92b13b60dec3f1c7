// DescribeImageTags, paged with a small maxResults: one entry per tag (D), naming the image
// the tag is on now, with that image's details.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/image_detail.h"

namespace ecrc::prop {

class DescribeImageTags : public EcrCommand {
 public:
  static constexpr const char* kName = "DescribeImageTags";
  std::string suffix;
  int max_results = 0;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(DescribeImageTags, suffix, max_results)

  DescribeImageTags() = default;
  explicit DescribeImageTags(const Model& m) : suffix(*GenRepo(m)), max_results(*rc::gen::inRange(0, 3)) {}

  const char* Name() const override { return kName; }
  nlohmann::json Args() const override { return *this; }

  void run(const Model& m, Sut& sut) const override {
    StepCall call(sut, kName, Args());
    const Repository* repo = m.Find(suffix);
    nlohmann::json input = {{"repositoryName", sut.Name(suffix)}};
    if (!repo) {
      call.Call(kName, input, Expected::Error("RepositoryNotFoundException"));
      return;
    }
    std::map<std::string, std::string> want;
    for (const auto& [d, image] : repo->images) {
      for (const auto& t : image.tags) want[t] = d;
    }
    std::map<std::string, std::string> got;
    for (const auto& entry : CollectPages(call, kName, input, "imageTagDetails", "imageTag", max_results, want.size())) {
      std::string tag = jr::StringAt(entry, "imageTag");
      const auto& detail = jr::Object(jr::Member(entry, "imageDetail"));
      std::string d = jr::StringAt(detail, "imageDigest");
      call.Require(!got.count(tag), "tag " + tag + " is listed twice");
      got[tag] = d;
      auto it = repo->images.find(d);
      if (it != repo->images.end()) CheckImageDetail(call, *repo, it->second, detail);
    }
    if (got != want) {
      call.Require(false, "tags listed " + jr::Dump(nlohmann::json(got)) + " but the model has " + nlohmann::json(want).dump());  // json-read-ok: the model's tags
    }
  }
};

}  // namespace ecrc::prop
