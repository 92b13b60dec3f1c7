// DescribeRepositories by name (any missing name fails the whole call, E/M) or as a listing,
// paged with a small maxResults and filtered to the case's prefix (other cases share the list).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"

namespace ecrc::prop {

class DescribeRepositories : public EcrCommand {
 public:
  static constexpr const char* kName = "DescribeRepositories";
  std::vector<std::string> names;  // empty: list everything
  int max_results = 0;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(DescribeRepositories, names, max_results)

  DescribeRepositories() = default;
  explicit DescribeRepositories(const Model& m) {
    if (*rc::gen::arbitrary<bool>()) {
      names = *GenSome<std::string>(GenRepo(m), 3);
    } else {
      max_results = *rc::gen::inRange(0, 4);
    }
  }

  const char* Name() const override { return kName; }
  nlohmann::json Args() const override { return *this; }

  void run(const Model& m, Sut& sut) const override {
    StepCall call(sut, kName, Args());
    if (!names.empty()) {
      nlohmann::json full = nlohmann::json::array();
      bool missing = false;
      for (const auto& n : names) {
        full.push_back(sut.Name(n));
        missing = missing || m.Find(n) == nullptr;
      }
      Expected e = missing ? Expected::Error("RepositoryNotFoundException") : Expected::Success();
      const nlohmann::json& out = call.Call(kName, {{"repositoryNames", full}}, e);
      if (out.is_null()) return;
      CheckSame(call, jr::List(jr::Member(out, "repositories")), std::set<std::string>(names.begin(), names.end()));
      return;
    }
    // Other cases' repositories may be listed too; the bound counts what the model knows plus slack.
    auto items = CollectPages(call, kName, nlohmann::json::object(), "repositories", "repositoryName", max_results, m.repositories.size() + 1000);
    nlohmann::json mine = nlohmann::json::array();
    for (const auto& r : items) {
      if (jr::StringAt(r, "repositoryName").rfind(sut.prefix(), 0) == 0) mine.push_back(r);
    }
    std::set<std::string> expected;
    for (const auto& [suffix, repo] : m.repositories) expected.insert(suffix);
    CheckSame(call, mine, expected);
  }

 private:
  static void CheckSame(StepCall& call, const nlohmann::json& got, const std::set<std::string>& expected) {
    std::multiset<std::string> seen;
    for (const auto& r : got) {
      std::string name = jr::StringAt(r, "repositoryName");
      seen.insert(name);
      call.Require(EndsWith(jr::StringAt(r, "repositoryUri"), "/" + name), "repositoryUri of " + name + " does not end in /" + name);
      call.Require(EndsWith(jr::StringAt(r, "repositoryArn"), ":repository/" + name), "repositoryArn of " + name + " does not end in :repository/" + name);
    }
    std::multiset<std::string> want;
    for (const auto& s : expected) want.insert(call.sut().Name(s));
    if (seen != want) {
      std::string listed, model;
      for (const auto& s : seen) listed += " " + s;
      for (const auto& s : want) model += " " + s;
      call.Require(false, "repositories listed [" + listed + " ] but the model holds [" + model + " ]");
    }
  }
};

}  // namespace ecrc::prop
