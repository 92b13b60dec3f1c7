// UploadLayerPart: the next part of an upload, at times at a wrong offset (InvalidLayerPart, D),
// sent to another repository than the upload's (UploadNotFound, D) or for an unknown upload.
// Content comes from a small pool so that equal layers meet (LayerAlreadyExists).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class UploadLayerPart : public OneCall<UploadLayerPart> {
 public:
  static constexpr const char* kName = "UploadLayerPart";
  int handle = -1;       // -1: an upload id the endpoint never gave
  std::string suffix;    // the repository the part is sent to
  std::string hex;       // the part's bytes
  int64_t offset_error = 0;  // added to the right first byte
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(UploadLayerPart, handle, suffix, hex, offset_error)

  UploadLayerPart() = default;
  explicit UploadLayerPart(const Model& m) {
    // Fresh uploads are preferred: a second part under 5 MiB dooms the upload (LayerPartTooSmall),
    // so most sequences should complete single-part layers and go on to push images.
    std::vector<int> handles, fresh;
    for (const auto& [h, u] : m.uploads) {
      handles.push_back(h);
      if (u.part_sizes.empty()) fresh.push_back(h);
    }
    if (!handles.empty() && *rc::gen::inRange(0, 8) != 0) {
      handle = fresh.empty() || *rc::gen::inRange(0, 4) == 0 ? *rc::gen::elementOf(handles) : *rc::gen::elementOf(fresh);
      const Upload& u = m.uploads.at(handle);
      suffix = *rc::gen::inRange(0, 8) == 0 ? *GenRepo(m) : u.repository;
    } else {
      suffix = *GenRepo(m);
    }
    hex = ToHex(*rc::gen::weightedOneOf<std::string>(
        {{3, rc::gen::element<std::string>("layer-one", "layer-two", "config {}")}, {1, GenBlobBytes()}}));
    offset_error = *rc::gen::weightedOneOf<int64_t>({{8, rc::gen::just<int64_t>(0)}, {1, rc::gen::element<int64_t>(-1, 1, 7)}});
  }

  void checkPreconditions(const Model& m) const override { RC_PRE(handle == -1 || m.uploads.count(handle) > 0); }

 protected:
  int64_t First(const Model& m) const {
    int64_t received = handle >= 0 ? static_cast<int64_t>(m.uploads.at(handle).bytes.size()) : 0;
    return std::max<int64_t>(0, received + offset_error);
  }
  codec::Value Input(const Model& m, Sut& sut) const override {
    std::string bytes = FromHex(hex);
    int64_t first = First(m);
    return {{"repositoryName", sut.Name(suffix)}, {"uploadId", sut.UploadId(handle)}, {"partFirstByte", first},
            {"partLastByte", first + static_cast<int64_t>(bytes.size()) - 1}, {"layerPartBlob", codec::BlobValue(bytes)}};
  }
  Expected Predict(const Model& m) const override {
    if (!m.Find(suffix)) return Expected::Error("RepositoryNotFoundException");
    if (handle < 0 || m.uploads.at(handle).repository != suffix) return Expected::Error("UploadNotFoundException");
    int64_t received = static_cast<int64_t>(m.uploads.at(handle).bytes.size());
    return Expected().If(First(m) != received, "InvalidLayerPartException");
  }
  void Mutate(Model& m) const override {
    Upload& u = m.uploads.at(handle);
    std::string bytes = FromHex(hex);
    u.bytes += bytes;
    u.part_sizes.push_back(static_cast<int64_t>(bytes.size()));
  }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    int64_t last = First(m) + static_cast<int64_t>(hex.size() / 2) - 1;
    // D: CLIp example, lastByteReceived is the part's last byte.
    call.Require(jr::IntAt(out, "lastByteReceived").value_or(-2) == last, "lastByteReceived is not " + std::to_string(last));
  }
};

}  // namespace ecrc::prop
