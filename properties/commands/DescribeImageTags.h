// DescribeImageTags, paged with a small maxResults: one entry per tag (D), naming the image
// the tag is on now, with that image's details; untagged images left out or each listed once
// without imageTag (U).
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
    std::set<std::string> untagged;
    for (const auto& [d, image] : repo->images) {
      for (const auto& t : image.tags) want[t] = d;
      if (image.tags.empty()) untagged.insert(d);
    }
    std::map<std::string, std::string> got;
    std::set<std::string> untagged_listed;
    for (const auto& entry : CollectPages(call, kName, input, "imageTagDetails", "imageTag", max_results, want.size() + untagged.size())) {
      const auto& detail = jr::Object(jr::Member(entry, "imageDetail"));
      std::string d = jr::StringAt(detail, "imageDigest");
      if (jr::Member(entry, "imageTag").is_null()) {
        // Whether untagged images are listed (as entries without imageTag) is U (fact sheet §4 item 7).
        call.Require(untagged.count(d) && untagged_listed.insert(d).second,
                     "an entry without imageTag names " + d + ", which is not an untagged image (or is listed twice)");
        auto it = repo->images.find(d);
        if (it != repo->images.end()) CheckImageDetail(call, *repo, it->second, detail);
        continue;
      }
      std::string tag = jr::StringAt(entry, "imageTag");
      call.Require(!got.count(tag), "tag " + tag + " is listed twice");
      got[tag] = d;
      auto it = repo->images.find(d);
      if (it != repo->images.end()) CheckImageDetail(call, *repo, it->second, detail);
    }
    if (got != want) {
      call.Require(false, "tags listed " + jr::Dump(nlohmann::json(got)) + " but the model has " + nlohmann::json(want).dump());  // json-read-ok: the model's tags
    }
    if (!untagged.empty()) {
      call.Require(untagged_listed.empty() || untagged_listed == untagged, "some untagged images are listed, others not");
      call.sut().Chose(untagged_listed.empty() ? "DescribeImageTags leaves untagged images out" : "DescribeImageTags lists untagged images");
    }
  }
};

}  // namespace ecrc::prop
