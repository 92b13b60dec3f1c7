// PutRegistryCatalogData: a display name within the model's length (any account may store one,
// D), at times one character too long (InvalidParameter, E).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class PutRegistryCatalogData : public OneCall<PutRegistryCatalogData> {
 public:
  static constexpr const char* kName = "PutRegistryCatalogData";
  std::string display_name;
  bool too_long = false;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(PutRegistryCatalogData, display_name, too_long)

  PutRegistryCatalogData() = default;
  explicit PutRegistryCatalogData(const Model& m) {
    too_long = *rc::gen::inRange(0, 8) == 0;
    display_name = too_long ? BrokenDisplayName(*m.limits).value : *GenText(*m.limits->display_name, 24);
  }

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override {
    sut.NoteDisplayNameChanged();
    return {{"displayName", display_name}};
  }
  Expected Predict(const Model& m) const override { return Expected().If(too_long, "InvalidParameterException"); }
  void Mutate(Model& m) const override { m.display_name = display_name; }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::string got = jr::StringAt(jr::Object(jr::Member(out, "registryCatalogData")), "displayName");
    call.Require(got == display_name, "displayName '" + got + "' is not the one put");
  }
};

}  // namespace ecrc::prop
