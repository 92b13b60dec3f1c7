// InitiateLayerUpload: a new upload bound to the repository; the endpoint's upload id is bound
// to the model's handle for the commands that follow.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class InitiateLayerUpload : public OneCall<InitiateLayerUpload> {
 public:
  static constexpr const char* kName = "InitiateLayerUpload";
  std::string suffix;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(InitiateLayerUpload, suffix)

  InitiateLayerUpload() = default;
  explicit InitiateLayerUpload(const Model& m) : suffix(*GenRepo(m)) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"repositoryName", sut.Name(suffix)}}; }
  Expected Predict(const Model& m) const override {
    return m.Find(suffix) ? Expected::Success() : Expected::Error("RepositoryNotFoundException");
  }
  void Mutate(Model& m) const override { m.uploads[m.next_upload++] = Upload{suffix, "", {}}; }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::string id = jr::StringAt(out, "uploadId");
    call.Require(!id.empty(), "no uploadId");
    call.Require(jr::IntAt(out, "partSize").value_or(0) > 0,
                 "partSize is not a positive number of bytes");
    call.sut().BindUpload(m.next_upload, id);
  }
};

}  // namespace ecrc::prop
