// BatchDeleteImage: per-item failures come back in `failures` with HTTP 200 (D); by digest the
// image and its tags go (D); by tag the tag goes, and the image with its last tag (D); an image
// an index in the repository references cannot go (ImageReferencedByManifestList, E).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/image_ids.h"

namespace ecrc::prop {

class BatchDeleteImage : public OneCall<BatchDeleteImage> {
 public:
  static constexpr const char* kName = "BatchDeleteImage";
  std::string suffix;
  nlohmann::json ids = nlohmann::json::array();
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(BatchDeleteImage, suffix, ids)

  BatchDeleteImage() = default;
  explicit BatchDeleteImage(const Model& m) : suffix(*GenRepo(m)) {
    ids = *GenSome<nlohmann::json>(GenImageId(m.Find(suffix)), 3);
  }

  // Items that touch the same image, or an index and an image it references, have no documented
  // combined outcome: such batches are not generated (and not kept while shrinking).
  void checkPreconditions(const Model& m) const override {
    const Repository* repo = m.Find(suffix);
    if (!repo) return;
    std::set<std::string> targets;
    for (const auto& id : ids) {
      std::string d = Resolve(m, *repo, id);
      if (d.empty()) continue;
      RC_PRE(targets.insert(d).second);
    }
    for (const auto& d : targets) {
      for (const auto& c : repo->images.at(d).children) RC_PRE(!targets.count(c));
    }
  }

 protected:
  // Per requested id: the failure code, or "" when it is deleted.
  std::vector<std::string> Outcomes(const Model& m) const {
    const Repository& repo = *m.Find(suffix);
    std::vector<std::string> out;
    for (const auto& id : ids) {
      std::string d = Resolve(m, repo, id);
      if (d.empty()) {
        out.push_back("ImageNotFound");
        continue;
      }
      bool removes_image = id.contains("imageDigest") || repo.images.at(d).tags.size() <= 1;
      out.push_back(removes_image && !m.Parents(repo, d).empty() ? "ImageReferencedByManifestList" : "");
    }
    return out;
  }
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"repositoryName", sut.Name(suffix)}, {"imageIds", ids}}; }
  Expected Predict(const Model& m) const override {
    return m.Find(suffix) ? Expected::Success() : Expected::Error("RepositoryNotFoundException");
  }
  void Mutate(Model& m) const override {
    std::vector<std::string> outcomes = Outcomes(m);
    Repository& repo = *m.Find(suffix);
    std::vector<std::pair<std::string, std::string>> removals;  // digest, tag ("" = whole image)
    for (size_t i = 0; i < ids.size(); ++i) {
      if (!outcomes[i].empty()) continue;
      std::string d = Resolve(m, repo, ids[i]);
      removals.push_back({d, ids[i].contains("imageDigest") ? "" : ids[i]["imageTag"].get<std::string>()});  // json-read-ok: the image ids the command generated
    }
    for (const auto& [d, tag] : removals) {
      Image& image = repo.images.at(d);
      image.tags.erase(tag);
      if (tag.empty() || image.tags.empty()) repo.images.erase(d);
    }
  }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::vector<std::string> outcomes = Outcomes(m);
    const auto& deleted = jr::List(jr::Member(out, "imageIds"));
    const auto& failures = jr::List(jr::Member(out, "failures"));
    auto key = [](const nlohmann::json& id) { return id.contains("imageDigest") ? "imageDigest" : "imageTag"; };
    for (size_t i = 0; i < ids.size(); ++i) {
      const char* k = key(ids[i]);
      std::string want = ids[i][k].get<std::string>();  // json-read-ok: the image ids the command generated
      bool in_deleted = false, in_failures = false;
      std::string code;
      for (const auto& d : deleted) in_deleted = in_deleted || jr::StringAt(d, k) == want;
      for (const auto& f : failures) {
        if (jr::StringAt(jr::Member(f, "imageId"), k) == want) {
          in_failures = true;
          code = jr::StringAt(f, "failureCode");
        }
      }
      if (outcomes[i].empty()) {
        call.Require(in_deleted && !in_failures, ids[i].dump() + " should be deleted and listed in imageIds");  // json-read-ok: the image ids the command generated
      } else {
        call.Require(in_failures && !in_deleted && code == outcomes[i],
                     ids[i].dump() + " should be a failure with failureCode " + outcomes[i] + (in_failures ? ", got " + code : ""));  // json-read-ok: the image ids the command generated
      }
    }
  }
};

}  // namespace ecrc::prop
