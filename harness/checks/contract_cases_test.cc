#include "harness/checks/contract_cases.h"

#include <gtest/gtest.h>

#include <set>

#include "harness/codec/validator.h"

namespace ecrc::check {
namespace {

using nlohmann::json;

ContractPlan Plan() { return GenerateContractCases(*spec::Service::Embedded(), *spec::Semantics::Embedded()); }

// The generator and the validator are independent: each generated case must break exactly the
// rule it names, as the validator sees it, and valid calls must break nothing.
TEST(ContractCases, EachCaseBreaksExactlyTheRuleItNames) {
  ContractPlan plan = Plan();
  ASSERT_GT(plan.cases.size(), 100u);
  for (const auto& c : plan.cases) {
    auto wire = codec::ValueToWire(*c.op->input, c.input);
    codec::Violations v = codec::Validate(*c.op->input, wire);
    const std::string& check = c.evaluations.front().check;
    if (check == "minimal_call_accepted" || check == "maximal_call_accepted") {
      EXPECT_TRUE(v.empty()) << c.id << ": " << codec::AwsValidationMessage(v);
      continue;
    }
    ASSERT_EQ(v.size(), 1u) << c.id << ": " << codec::AwsValidationMessage(v);
    std::string trait = c.id.substr(c.id.rfind('.') + 1);
    codec::ViolationKind want = trait == "required" ? codec::ViolationKind::kRequired
                                : trait == "pattern" ? codec::ViolationKind::kPattern
                                : trait == "enum"    ? codec::ViolationKind::kEnum
                                : trait == "type"    ? codec::ViolationKind::kType
                                                     : v[0].kind;  // min/max: length or range
    EXPECT_EQ(v[0].kind, want) << c.id;
    if (trait == "min" || trait == "max") {
      EXPECT_TRUE(v[0].kind == codec::ViolationKind::kLength || v[0].kind == codec::ViolationKind::kRange) << c.id;
    }
    EXPECT_EQ(c.id, c.op->name + "." + v[0].path + "." + trait);
  }
}

TEST(ContractCases, CoverEveryOperationAndEveryInputTrait) {
  ContractPlan plan = Plan();
  std::set<std::string> minimal_ops, exercised;
  for (const auto& c : plan.cases) {
    if (c.evaluations.front().check == "minimal_call_accepted") minimal_ops.insert(c.op->name);
    if (!c.constraint.empty()) exercised.insert(c.constraint);
  }
  EXPECT_EQ(minimal_ops.size(), 23u);
  for (const auto& k : {"shapes.RepositoryName.min", "shapes.RepositoryName.max", "shapes.RepositoryName.pattern",
                        "shapes.MaxResults.min", "shapes.MaxResults.max", "shapes.TagList.max", "shapes.UploadId.pattern",
                        "shapes.LogoImageBlob.max"}) {
    EXPECT_TRUE(exercised.count(k)) << k;
  }
  // Only the 20 MiB layer part is too big to send by default, and it is listed as a gap.
  ASSERT_EQ(plan.not_generated.size(), 1u);
  EXPECT_EQ(plan.not_generated[0].first.rfind("shapes.LayerPartBlob.max", 0), 0u);
}

// Every input member gets a wrong-JSON-type case whose code evaluation asks for
// SerializationException, whatever kind of shape it is.
TEST(ContractCases, WrongJsonTypeForEveryMemberKind) {
  std::set<std::string> kinds;
  size_t cases = 0;
  for (const auto& c : Plan().cases) {
    if (c.evaluations.front().check != "wrong_json_type_rejected") continue;
    ++cases;
    ASSERT_EQ(c.evaluations.size(), 2u) << c.id;
    EXPECT_EQ(c.evaluations[0].severity, results::Severity::kError) << c.id;
    EXPECT_EQ(c.evaluations[0].expectation.kind, Expectation::Kind::kClientError) << c.id;
    EXPECT_EQ(c.evaluations[1].check, "wrong_json_type_error_code") << c.id;
    EXPECT_EQ(c.evaluations[1].expectation.codes, (std::vector<std::string>{"SerializationException"})) << c.id;
    kinds.insert(c.evaluations[0].source.substr(c.evaluations[0].source.find('(')));
  }
  EXPECT_GT(cases, 80u);
  for (const char* kind : {"(string)", "(integer)", "(long)", "(boolean)", "(list)", "(structure)", "(blob)"}) {
    bool seen = false;
    for (const auto& k : kinds) seen = seen || k.rfind(kind, 0) == 0;
    EXPECT_TRUE(seen) << kind;
  }
  // The example: "maxResults": "5".
  bool max_results = false;
  for (const auto& c : Plan().cases) {
    if (c.id == "DescribeRepositories.maxResults.type") max_results = c.input.value("maxResults", json()) == "5";
  }
  EXPECT_TRUE(max_results);
}

TEST(ContractCases, UncertainErrorCodesAreWarnings) {
  for (const auto& c : Plan().cases) {
    for (const auto& e : c.evaluations) {
      if (e.check.find("_error_code") != std::string::npos) EXPECT_EQ(e.severity, results::Severity::kWarning) << c.id;
      else EXPECT_EQ(e.severity, results::Severity::kError) << c.id;
      EXPECT_FALSE(e.source.empty()) << c.id;
    }
  }
}

}  // namespace
}  // namespace ecrc::check
