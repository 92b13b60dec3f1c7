// CreateRepository: a name from the pool (collisions give RepositoryAlreadyExists), at times a
// broken name, catalog data, and tags (at times 51 of them, over the quota of 50).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class CreateRepository : public OneCall<CreateRepository> {
 public:
  static constexpr const char* kName = "CreateRepository";
  std::string suffix;
  bool broken_name = false;
  nlohmann::json catalog;  // null: none sent
  nlohmann::json tags = nlohmann::json::array();
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(CreateRepository, suffix, broken_name, catalog, tags)

  CreateRepository() = default;
  explicit CreateRepository(const Model& m) {
    broken_name = *rc::gen::weightedOneOf<bool>({{12, rc::gen::just(false)}, {1, rc::gen::just(true)}});
    suffix = broken_name ? (*GenBrokenNameSuffix(*m.limits)).value : *GenNameSuffix(*m.limits);
    if (*rc::gen::inRange(0, 3) == 0) catalog = *GenCatalogData(*m.limits);
    int count = *rc::gen::weightedOneOf<int>({{6, rc::gen::just(0)}, {3, rc::gen::inRange(1, 4)}, {1, rc::gen::just(51)}});
    if (count > 3) {
      for (int i = 0; i < count; ++i) tags.push_back({{"Key", "bulk-" + std::to_string(i)}, {"Value", *GenTagValue(*m.limits)}});
    } else if (count > 0) {
      tags = *GenTags(*m.limits, count);
    }
  }

 protected:
  codec::Value Input(const Model& m, Sut& sut) const override {
    sut.NoteCreateAttempt(suffix);
    codec::Value in = {{"repositoryName", sut.Name(suffix)}};
    if (!catalog.is_null()) in["catalogData"] = catalog;
    if (!tags.empty()) in["tags"] = tags;
    return in;
  }

  Expected Predict(const Model& m) const override {
    if (broken_name) return Expected::Error("InvalidParameterException");
    Expected e;
    e.If(m.Find(suffix) != nullptr, "RepositoryAlreadyExistsException");
    e.If(static_cast<int64_t>(DistinctKeys()) > m.limits->tags_per_repository, "TooManyTagsException");
    return e;
  }

  void Mutate(Model& m) const override {
    Repository repo;
    repo.catalog = {CatalogView(catalog)};
    for (const auto& t : tags) repo.tags[t["Key"].get<std::string>()] = t["Value"].get<std::string>();  // json-read-ok: the tags the command generated
    m.repositories[suffix] = repo;
  }

  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    std::string name = call.sut().Name(suffix);
    const auto& repo = jr::Object(jr::Member(out, "repository"));
    call.Require(jr::StringAt(repo, "repositoryName") == name, "repository.repositoryName is not " + name);
    std::string arn = jr::StringAt(repo, "repositoryArn");
    // D: CLI examples; the region field of an ECR Public ARN is empty.
    call.Require(arn.rfind("arn:aws:ecr-public::", 0) == 0 && EndsWith(arn, ":repository/" + name),
                 "repositoryArn '" + arn + "' is not arn:aws:ecr-public::<account>:repository/" + name);
    std::string uri = jr::StringAt(repo, "repositoryUri");
    // D: repositoryUri is public.ecr.aws/<registry alias>/<name>, never the account id.
    const std::string& account = call.sut().account();
    call.Require(account.empty() || uri.find("/" + account + "/") == std::string::npos,
                 "repositoryUri '" + uri + "' uses the account id where the registry alias belongs");
    call.Require(EndsWith(uri, "/" + name),
                 "repositoryUri '" + uri + "' does not end in /" + name);
    // D: CLI create-repository examples show catalogData as {} when none was given.
    call.Require(jr::Object(out).contains("catalogData") && CatalogView(jr::Member(out, "catalogData")) == CatalogView(catalog),
                 "catalogData is not what was sent: " + jr::Dump(jr::Member(out, "catalogData")));
    call.sut().BindArn(suffix, arn);
  }

 private:
  size_t DistinctKeys() const {
    std::set<std::string> keys;
    for (const auto& t : tags) keys.insert(t["Key"].get<std::string>());  // json-read-ok: the tags the command generated
    return keys.size();
  }
};

}  // namespace ecrc::prop
