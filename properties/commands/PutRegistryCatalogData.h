// PutRegistryCatalogData: a display name within the model's length (any account may store one,
// D), at times one character too long (InvalidParameter, E); "" clears or keeps the old name (U).
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
  void Mutate(Model& m) const override { m.display_name = After(m); }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::string got = jr::StringAt(jr::Object(jr::Member(out, "registryCatalogData")), "displayName");
    auto candidates = After(m);
    call.Require(candidates.count(got), "displayName '" + got + "' is not the one put");
    if (display_name.empty() && candidates.size() > 1) {
      call.sut().Chose(got.empty() ? "PutRegistryCatalogData \"\" clears" : "PutRegistryCatalogData \"\" keeps");
    }
  }

 private:
  // "" clears the name or keeps it (U, fact sheet §4 item 18); any other name replaces it.
  std::set<std::string> After(const Model& m) const {
    std::set<std::string> out = {display_name};
    if (display_name.empty()) out.insert(m.display_name.begin(), m.display_name.end());
    return out;
  }
};

}  // namespace ecrc::prop
