// BatchCheckLayerAvailability: every digest the request names comes back once (E): a held layer
// AVAILABLE with its size; an absent well-formed digest UNAVAILABLE or as a MissingLayerDigest
// failure (E, sources conflict: either is accepted); a malformed digest as a failure.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class BatchCheckLayerAvailability : public OneCall<BatchCheckLayerAvailability> {
 public:
  static constexpr const char* kName = "BatchCheckLayerAvailability";
  std::string suffix;
  std::vector<std::string> digests;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(BatchCheckLayerAvailability, suffix, digests)

  BatchCheckLayerAvailability() = default;
  explicit BatchCheckLayerAvailability(const Model& m) : suffix(*GenRepo(m)) {
    std::vector<std::string> held;
    if (const Repository* repo = m.Find(suffix)) {
      for (const auto& [d, size] : repo->layers) held.push_back(d);
    }
    auto any = rc::gen::weightedOneOf<std::string>({{2, GenUnknownDigest()}, {1, rc::gen::just<std::string>("not-a-digest")}});
    auto digest = held.empty() ? any : rc::gen::weightedOneOf<std::string>({{3, rc::gen::elementOf(held)}, {1, any}});
    digests = *GenSome<std::string>(digest, 4);
  }

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override { return {{"repositoryName", sut.Name(suffix)}, {"layerDigests", digests}}; }
  Expected Predict(const Model& m) const override {
    return m.Find(suffix) ? Expected::Success() : Expected::Error("RepositoryNotFoundException");
  }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    const Repository& repo = *m.Find(suffix);
    std::map<std::string, nlohmann::json> layers, failures;
    for (const auto& l : jr::List(jr::Member(out, "layers"))) {
      std::string d = jr::StringAt(l, "layerDigest");
      call.Require(!layers.count(d), d + " is listed twice in layers");
      layers[d] = l;
    }
    for (const auto& f : jr::List(jr::Member(out, "failures"))) failures[jr::StringAt(f, "layerDigest")] = f;
    for (const auto& d : digests) {
      call.Require(layers.count(d) + failures.count(d) == 1, d + " must appear exactly once in layers or failures");
      auto held = repo.layers.find(d);
      bool well_formed = d.rfind("sha256:", 0) == 0;
      if (held != repo.layers.end()) {
        call.Require(layers.count(d) && jr::StringAt(layers[d], "layerAvailability") == "AVAILABLE", d + " is held but not AVAILABLE");
        call.Require(jr::IntAt(layers[d], "layerSize").value_or(-1) == held->second, d + " layerSize is not " + std::to_string(held->second));
      } else if (well_formed) {
        if (layers.count(d)) {
          call.Require(jr::StringAt(layers[d], "layerAvailability") == "UNAVAILABLE", d + " is not held but listed as available");
          call.sut().Chose("BatchCheckLayerAvailability absent digest UNAVAILABLE");
        } else {
          call.Require(jr::StringAt(failures[d], "failureCode") == "MissingLayerDigest", d + " is absent: failureCode should be MissingLayerDigest");
          call.sut().Chose("BatchCheckLayerAvailability absent digest MissingLayerDigest");
        }
      } else {
        call.Require(failures.count(d) > 0, "'" + d + "' is malformed but not a failure");
      }
    }
  }
};

}  // namespace ecrc::prop
