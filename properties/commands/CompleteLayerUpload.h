// CompleteLayerUpload: the digest of what was uploaded, or a wrong one (InvalidLayer, D); an
// empty upload (EmptyUpload, D); small parts before the last (LayerPartTooSmall, D); a layer the
// repository holds (LayerAlreadyExists, D). Which of several applies first is not documented, so
// each is accepted; after such an error whether the upload lives on is U, so the model drops it.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class CompleteLayerUpload : public OneCall<CompleteLayerUpload> {
 public:
  static constexpr const char* kName = "CompleteLayerUpload";
  int handle = -1;
  std::string suffix;
  bool wrong_digest = false;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(CompleteLayerUpload, handle, suffix, wrong_digest)

  CompleteLayerUpload() = default;
  explicit CompleteLayerUpload(const Model& m) {
    // Uploads holding one part are preferred: they are the ones that can complete.
    std::vector<int> handles, ready;
    for (const auto& [h, u] : m.uploads) {
      handles.push_back(h);
      if (u.part_sizes.size() == 1) ready.push_back(h);
    }
    if (!handles.empty() && *rc::gen::inRange(0, 10) != 0) {
      handle = ready.empty() || *rc::gen::inRange(0, 4) == 0 ? *rc::gen::elementOf(handles) : *rc::gen::elementOf(ready);
      suffix = *rc::gen::inRange(0, 10) == 0 ? *GenRepo(m) : m.uploads.at(handle).repository;
    } else {
      suffix = *GenRepo(m);
    }
    wrong_digest = *rc::gen::inRange(0, 8) == 0;
  }

  void checkPreconditions(const Model& m) const override { RC_PRE(handle == -1 || m.uploads.count(handle) > 0); }

 protected:
  std::string Digest(const Model& m) const {
    std::string bytes = handle >= 0 ? m.uploads.at(handle).bytes : "";
    return DigestOf(wrong_digest ? bytes + "wrong" : bytes);
  }
  codec::Value Input(const Model& m, Sut& sut) const override {
    return {{"repositoryName", sut.Name(suffix)}, {"uploadId", sut.UploadId(handle)}, {"layerDigests", {Digest(m)}}};
  }
  Expected Predict(const Model& m) const override {
    const Repository* repo = m.Find(suffix);
    if (!repo) return Expected::Error("RepositoryNotFoundException");
    if (handle < 0 || m.uploads.at(handle).repository != suffix) return Expected::Error("UploadNotFoundException");
    const Upload& u = m.uploads.at(handle);
    if (u.part_sizes.empty()) return Expected::Error("EmptyUploadException");
    bool small = false;
    for (size_t i = 0; i + 1 < u.part_sizes.size(); ++i) small = small || u.part_sizes[i] < m.limits->min_part_bytes;
    return Expected()
        .If(small, "LayerPartTooSmallException")
        .If(wrong_digest, "InvalidLayerException")
        .If(repo->layers.count(DigestOf(u.bytes)) > 0, "LayerAlreadyExistsException");
  }
  void Mutate(Model& m) const override {
    const Upload& u = m.uploads.at(handle);
    m.Find(suffix)->layers[DigestOf(u.bytes)] = static_cast<int64_t>(u.bytes.size());
    m.uploads.erase(handle);
  }
  void Refused(Model& m, const Expected& e) const override {
    bool gated = e.errors.size() == 1 && (e.errors[0] == "RepositoryNotFoundException" || e.errors[0] == "UploadNotFoundException");
    if (!gated && handle >= 0) m.uploads.erase(handle);
  }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::string digest = Digest(m);
    call.Require(jr::StringAt(out, "layerDigest") == digest, "layerDigest is not " + digest);
    call.Require(jr::StringAt(out, "uploadId") == call.sut().UploadId(handle), "uploadId is not the upload's");
  }
};

}  // namespace ecrc::prop
