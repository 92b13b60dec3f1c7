// PutRepositoryCatalogData: whether omitted members are cleared or kept is U, so the model keeps
// both candidates and the answer must be one of them.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class PutRepositoryCatalogData : public OneCall<PutRepositoryCatalogData> {
 public:
  static constexpr const char* kName = "PutRepositoryCatalogData";
  std::string suffix;
  nlohmann::json catalog;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(PutRepositoryCatalogData, suffix, catalog)

  PutRepositoryCatalogData() = default;
  explicit PutRepositoryCatalogData(const Model& m) : suffix(*GenRepo(m)), catalog(*GenCatalogData(*m.limits)) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override {
    return {{"repositoryName", sut.Name(suffix)}, {"catalogData", catalog}};
  }
  Expected Predict(const Model& m) const override {
    return m.Find(suffix) ? Expected::Success() : Expected::Error("RepositoryNotFoundException");
  }
  void Mutate(Model& m) const override { m.Find(suffix)->catalog = CatalogAfterPut(m.Find(suffix)->catalog, catalog); }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    auto candidates = CatalogAfterPut(m.Find(suffix)->catalog, catalog);
    nlohmann::json got = CatalogView(jr::Object(jr::Member(out, "catalogData")));
    auto it = std::find(candidates.begin(), candidates.end(), got);
    call.Require(it != candidates.end(), "catalogData " + jr::Dump(got) + " is neither what was put nor what was put merged into the old data");
    if (candidates.size() > 1 && candidates[0] != candidates[1]) call.sut().Chose(it == candidates.begin() ? "PutRepositoryCatalogData replaces" : "PutRepositoryCatalogData merges");
  }
};

}  // namespace ecrc::prop
