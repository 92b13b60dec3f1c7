// The per-command coverage checks of the property suite fail for a command that never ran.
#include "properties/property_suite.h"

#include <gtest/gtest.h>

namespace ecrc::prop {
namespace {

TEST(PropertySuiteTest, ACommandThatNeverRanFails) {
  auto checks = CommandExercisedChecks({"CreateRepository", "PutImage"}, {{"CreateRepository", 12}}, 200, /*suite_passed=*/true);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].id, "property_command_exercised[CreateRepository]");
  EXPECT_EQ(checks[0].outcome, results::Outcome::kPassed);
  EXPECT_EQ(checks[1].outcome, results::Outcome::kFailed);
  ASSERT_EQ(checks[1].findings.size(), 1u);
  EXPECT_NE(checks[1].findings[0].message.find("PutImage never ran in 200 cases"), std::string::npos);
}

TEST(PropertySuiteTest, AStoppedSuiteSkipsTheCounts) {
  auto checks = CommandExercisedChecks({"PutImage"}, {}, 3, /*suite_passed=*/false);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].outcome, results::Outcome::kSkipped);
}

}  // namespace
}  // namespace ecrc::prop
