// GetRegistryCatalogData: the display name last put ("" and absent read the same; after a put of
// "" the old name or none: U whether "" clears it).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class GetRegistryCatalogData : public OneCall<GetRegistryCatalogData> {
 public:
  static constexpr const char* kName = "GetRegistryCatalogData";
  int unused = 0;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(GetRegistryCatalogData, unused)

  GetRegistryCatalogData() = default;
  explicit GetRegistryCatalogData(const Model& m) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return nlohmann::json::object(); }
  Expected Predict(const Model& m) const override { return Expected::Success(); }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::string got = jr::StringAt(jr::Object(jr::Member(out, "registryCatalogData")), "displayName");
    call.Require(m.display_name.count(got), "displayName '" + got + "' is not '" + *m.display_name.rbegin() + "'");
  }
};

}  // namespace ecrc::prop
