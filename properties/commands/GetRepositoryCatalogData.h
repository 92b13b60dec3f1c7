// GetRepositoryCatalogData: what the last put left (one of the model's candidates). For a
// repository without catalog data, {} or RepositoryCatalogDataNotFound (U, added in 1.43.11).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class GetRepositoryCatalogData : public OneCall<GetRepositoryCatalogData> {
 public:
  static constexpr const char* kName = "GetRepositoryCatalogData";
  std::string suffix;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(GetRepositoryCatalogData, suffix)

  GetRepositoryCatalogData() = default;
  explicit GetRepositoryCatalogData(const Model& m) : suffix(*GenRepo(m)) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"repositoryName", sut.Name(suffix)}}; }
  Expected Predict(const Model& m) const override {
    const Repository* repo = m.Find(suffix);
    if (!repo) return Expected::Error("RepositoryNotFoundException");
    bool maybe_none = std::find(repo->catalog.begin(), repo->catalog.end(), nlohmann::json::object()) != repo->catalog.end();
    Expected e;
    if (maybe_none) {
      e = Expected::Error("RepositoryCatalogDataNotFoundException");
      e.or_success = true;
    }
    return e;
  }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    const auto& candidates = m.Find(suffix)->catalog;
    nlohmann::json got = CatalogView(jr::Object(jr::Member(out, "catalogData")));
    call.Require(std::find(candidates.begin(), candidates.end(), got) != candidates.end(),
                 "catalogData " + jr::Dump(got) + " is not what was put");
  }
};

}  // namespace ecrc::prop
