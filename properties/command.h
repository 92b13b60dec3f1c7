// The shape every property command has: RapidCheck's Command over the abstract registry and the
// endpoint, with a name (the operation's) and JSON arguments a reproduction file can hold.
#pragma once

#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>
#include <rapidcheck.h>
#include <rapidcheck/state.h>

#include "properties/expected.h"
#include "properties/model.h"
#include "properties/step_call.h"
#include "properties/sut.h"

namespace ecrc::prop {

class EcrCommand : public rc::state::Command<Model, Sut> {
 public:
  virtual const char* Name() const = 0;
  virtual nlohmann::json Args() const = 0;
  void show(std::ostream& os) const override { os << Name() << ' ' << Args().dump(); }  // json-read-ok: generated arguments
};

// A command that makes one request: what to send, what the model expects, how a success changes
// the model and what its output must say. `Self` names the operation (kName) and declares its
// arguments with NLOHMANN_DEFINE_TYPE_INTRUSIVE, which gives Args() and replay parsing.
template <typename Self>
class OneCall : public EcrCommand {
 public:
  const char* Name() const override { return Self::kName; }
  nlohmann::json Args() const override { return static_cast<const Self&>(*this); }

  void apply(Model& m) const override {
    Expected e = Predict(m);
    if (e.success()) {
      Mutate(m);
    } else {
      Refused(m, e);
    }
  }

  void run(const Model& m, Sut& sut) const override {
    StepCall call(sut, Name(), Args());
    Expected e = Predict(m);
    const nlohmann::json& out = call.Call(Name(), Input(m, sut), e);
    if (!out.is_null()) Verify(m, call, out);
  }

 protected:
  virtual codec::Value Input(const Model& m, Sut& sut) const = 0;
  virtual Expected Predict(const Model& m) const = 0;
  virtual void Mutate(Model& m) const {}
  // The model after an error; by default an error changes nothing.
  virtual void Refused(Model& m, const Expected& e) const {}
  virtual void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const {}
};

using CommandPtr = std::shared_ptr<const rc::state::Command<Model, Sut>>;

// Rebuilds a command from its name and arguments (a reproduction's step). Fails naming the
// unknown command or the argument that does not parse.
Result<CommandPtr> ParseCommand(const std::string& name, const nlohmann::json& args);
// The generator of the next command, given the model (all 23 commands, weighted).
rc::Gen<CommandPtr> GenCommand(const Model& m);

}  // namespace ecrc::prop
