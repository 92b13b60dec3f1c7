#include "harness/checks/contract_cases.h"

#include <gtest/gtest.h>

#include <set>

#include "harness/codec/validator.h"

namespace ecrc::check {
namespace {

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

TEST(ContractCases, UncertainErrorCodesAreWarnings) {
  for (const auto& c : Plan().cases) {
    for (const auto& e : c.evaluations) {
      if (e.check.find("_error_code") != std::string::npos) EXPECT_EQ(e.severity, runner::Severity::kWarning) << c.id;
      else EXPECT_EQ(e.severity, runner::Severity::kError) << c.id;
      EXPECT_FALSE(e.source.empty()) << c.id;
    }
  }
}

}  // namespace
}  // namespace ecrc::check
