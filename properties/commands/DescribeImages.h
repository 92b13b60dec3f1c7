// DescribeImages by id (any id naming no image fails the whole call: ImageNotFound, M/E) or as
// a listing, paged with a small maxResults: every image exactly once, with its tags (omitted when
// untagged, E), media types and size.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/image_detail.h"
#include "properties/commands/image_ids.h"

namespace ecrc::prop {

class DescribeImages : public EcrCommand {
 public:
  static constexpr const char* kName = "DescribeImages";
  std::string suffix;
  nlohmann::json ids = nlohmann::json::array();  // empty: list every image
  int max_results = 0;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(DescribeImages, suffix, ids, max_results)

  DescribeImages() = default;
  explicit DescribeImages(const Model& m) : suffix(*GenRepo(m)) {
    if (*rc::gen::inRange(0, 3) == 0) {
      ids = *GenSome<nlohmann::json>(GenImageId(m.Find(suffix)), 2);
    } else {
      max_results = *rc::gen::inRange(0, 3);
    }
  }

  const char* Name() const override { return kName; }
  nlohmann::json Args() const override { return *this; }

  void run(const Model& m, Sut& sut) const override {
    StepCall call(sut, kName, Args());
    const Repository* repo = m.Find(suffix);
    nlohmann::json input = {{"repositoryName", sut.Name(suffix)}};
    std::multiset<std::string> want;
    nlohmann::json details;
    if (!ids.empty()) {
      bool missing = false;
      for (const auto& id : ids) {
        std::string d = repo ? Resolve(m, *repo, id) : "";
        missing = missing || d.empty();
        want.insert(d);
      }
      input["imageIds"] = ids;
      Expected e = !repo ? Expected::Error("RepositoryNotFoundException") : missing ? Expected::Error("ImageNotFoundException") : Expected::Success();
      const nlohmann::json& out = call.Call(kName, input, e);
      if (out.is_null()) return;
      details = jr::List(jr::Member(out, "imageDetails"));
    } else {
      if (!repo) {
        call.Call(kName, input, Expected::Error("RepositoryNotFoundException"));
        return;
      }
      for (const auto& [d, image] : repo->images) want.insert(d);
      details = CollectPages(call, kName, input, "imageDetails", "imageDigest", max_results, repo->images.size());
    }
    std::multiset<std::string> got;
    for (const auto& detail : details) {
      std::string d = jr::StringAt(detail, "imageDigest");
      got.insert(d);
      auto it = repo->images.find(d);
      if (it == repo->images.end()) continue;  // reported below as a difference
      std::set<std::string> tags;
      for (const auto& t : jr::List(jr::Member(detail, "imageTags"))) tags.insert(jr::String(t));
      call.Require(tags == it->second.tags, d + ": imageTags differ from the model's " + nlohmann::json(it->second.tags).dump());  // json-read-ok: the model's tags
      call.Require(jr::StringAt(detail, "repositoryName") == sut.Name(suffix), d + ": repositoryName is not " + sut.Name(suffix));
      CheckImageDetail(call, *repo, it->second, detail);
    }
    // Two ids of one image: whether it is listed once or twice is not documented, so by id the
    // sets are compared; a listing must hold each image once.
    bool same = ids.empty() ? got == want : std::set<std::string>(got.begin(), got.end()) == std::set<std::string>(want.begin(), want.end());
    if (!same) {
      call.Require(false, "images listed " + jr::Dump(nlohmann::json(got)) + " but the model holds " + nlohmann::json(want).dump());  // json-read-ok: the model's images
    }
  }
};

}  // namespace ecrc::prop
