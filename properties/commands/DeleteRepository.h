// DeleteRepository, with and without force: RepositoryNotEmpty only for a repository holding
// images (D), and its tags, policy, uploads and images go with it.
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class DeleteRepository : public OneCall<DeleteRepository> {
 public:
  static constexpr const char* kName = "DeleteRepository";
  std::string suffix;
  bool force = false;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(DeleteRepository, suffix, force)

  DeleteRepository() = default;
  explicit DeleteRepository(const Model& m) : suffix(*GenRepo(m)), force(*rc::gen::arbitrary<bool>()) {}

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override {
    codec::Value in = {{"repositoryName", sut.Name(suffix)}};
    if (force) in["force"] = true;
    return in;
  }

  Expected Predict(const Model& m) const override {
    const Repository* repo = m.Find(suffix);
    if (repo == nullptr) return Expected::Error("RepositoryNotFoundException");
    return Expected().If(!repo->images.empty() && !force, "RepositoryNotEmptyException");
  }

  void Mutate(Model& m) const override {
    m.repositories.erase(suffix);
    std::erase_if(m.uploads, [&](const auto& u) { return u.second.repository == suffix; });
  }

  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::string name = call.sut().Name(suffix);
    call.Require(jr::StringAt(jr::Object(jr::Member(out, "repository")), "repositoryName") == name,
                 "repository.repositoryName is not " + name);
  }
};

}  // namespace ecrc::prop
