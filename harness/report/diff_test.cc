#include "harness/report/diff.h"

#include <gtest/gtest.h>

#include <sstream>

#include "harness/report/json_report.h"
#include "harness/report/test_util.h"

namespace ecrc::report {
namespace {

using results::CheckResult;
using results::Outcome;
using results::RunReport;
using testing::TempDir;

CheckResult Check(const std::string& id, Outcome outcome, const std::string& message = "") {
  CheckResult c;
  c.id = id;
  c.check = id.substr(0, id.find('['));
  c.suite = "contract";
  c.operations = {"CreateRepository"};
  c.outcome = outcome;
  if (!message.empty()) c.findings.push_back({message, "", "", "", std::nullopt});
  return c;
}

// Two reports that differ in every way diff reports.
std::pair<RunReport, RunReport> Reports() {
  RunReport old_r, new_r;
  old_r.spec.uid = new_r.spec.uid = "ecr-public-2020-10-30";
  old_r.spec.model_sha256 = std::string(64, 'a');
  new_r.spec.model_sha256 = std::string(64, 'b');
  old_r.spec.operation_sha256 = {{"CreateRepository", "1111"}, {"DeleteRepository", "2222"}, {"RemovedOp", "3333"}};
  new_r.spec.operation_sha256 = {{"CreateRepository", "1111"}, {"DeleteRepository", "9999"}, {"AddedOp", "4444"}};
  old_r.checks = {
      Check("a_passed_then_failed", Outcome::kPassed),
      Check("b_skipped_then_errored", Outcome::kSkipped),
      Check("c_failed_then_passed", Outcome::kFailed, "old failure"),
      Check("d_failed_both", Outcome::kFailed, "old message"),
      Check("e_errored_then_failed", Outcome::kErrored, "timeout"),
      Check("f_failed_then_skipped", Outcome::kFailed, "was failing"),
      Check("g_passed_both", Outcome::kPassed),
      Check("h_only_old", Outcome::kFailed, "gone"),
      Check("k_passed_then_disabled", Outcome::kPassed),
  };
  new_r.checks = {
      Check("k_passed_then_disabled", Outcome::kDisabled),  // input order does not matter
      Check("a_passed_then_failed", Outcome::kFailed, "now \n broken: Authorization: AWS4-HMAC-SHA256 Signature=abc"),
      Check("b_skipped_then_errored", Outcome::kErrored, "connection refused"),
      Check("c_failed_then_passed", Outcome::kPassed),
      Check("d_failed_both", Outcome::kFailed, "new message"),
      Check("e_errored_then_failed", Outcome::kFailed, "now a real failure"),
      Check("f_failed_then_skipped", Outcome::kSkipped),
      Check("g_passed_both", Outcome::kPassed),
      Check("i_only_new_failing", Outcome::kFailed, "brand new check fails"),
      Check("j_only_new_passing", Outcome::kPassed),
  };
  new_r.checks[8].severity = results::Severity::kWarning;
  return {old_r, new_r};
}

std::vector<std::string> Ids(const std::vector<CheckChange>& changes) {
  std::vector<std::string> ids;
  for (const auto& c : changes) ids.push_back(c.id);
  return ids;
}

using Ids_ = std::vector<std::string>;

TEST(Diff, EverySection) {
  auto [old_r, new_r] = Reports();
  ReportDiff d = DiffReports(old_r, new_r);
  EXPECT_EQ(Ids(d.new_failures), (Ids_{"a_passed_then_failed", "b_skipped_then_errored", "i_only_new_failing"}));
  EXPECT_EQ(Ids(d.fixed), (Ids_{"c_failed_then_passed"}));
  EXPECT_EQ(Ids(d.still_failing), (Ids_{"d_failed_both", "e_errored_then_failed"}));
  EXPECT_EQ(Ids(d.appeared), (Ids_{"i_only_new_failing", "j_only_new_passing"}));
  EXPECT_EQ(Ids(d.disappeared), (Ids_{"h_only_old"}));
  EXPECT_EQ(Ids(d.other_changes), (Ids_{"f_failed_then_skipped", "k_passed_then_disabled"}));
  ASSERT_EQ(d.spec_changes.size(), 3u);
  EXPECT_EQ(d.spec_changes[0].operation, "AddedOp");
  EXPECT_EQ(d.spec_changes[0].old_sha256, "");
  EXPECT_EQ(d.spec_changes[0].new_sha256, "4444");
  EXPECT_EQ(d.spec_changes[1].operation, "DeleteRepository");
  EXPECT_EQ(d.spec_changes[1].old_sha256, "2222");
  EXPECT_EQ(d.spec_changes[1].new_sha256, "9999");
  EXPECT_EQ(d.spec_changes[2].operation, "RemovedOp");
  EXPECT_EQ(d.spec_changes[2].new_sha256, "");
  EXPECT_TRUE(d.ModelChanged());
  EXPECT_TRUE(d.HasRegressions());

  // Outcomes on both sides, absent as nullopt.
  EXPECT_EQ(d.new_failures[0].old_outcome, Outcome::kPassed);
  EXPECT_EQ(d.new_failures[0].new_outcome, Outcome::kFailed);
  EXPECT_EQ(d.new_failures[2].old_outcome, std::nullopt);
  EXPECT_EQ(d.disappeared[0].new_outcome, std::nullopt);
  // Details are one line and redacted.
  EXPECT_EQ(d.new_failures[0].detail, "now   broken: Authorization: AWS4-HMAC-SHA256 Credential=<redacted>, Signature=<redacted>");
  EXPECT_EQ(d.still_failing[0].detail, "new message");
}

TEST(Diff, HasRegressionsMatchesTheDiff) {
  auto [old_r, new_r] = Reports();
  EXPECT_TRUE(HasRegressions(old_r, new_r));
  EXPECT_FALSE(HasRegressions(new_r, new_r));  // known failures alone are not regressions
  // Only fixes and known failures: no regression.
  RunReport fixed = old_r;
  fixed.checks[2].outcome = Outcome::kPassed;
  EXPECT_FALSE(HasRegressions(old_r, fixed));
  EXPECT_FALSE(DiffReports(old_r, fixed).HasRegressions());
  // failed ↔ errored is still failing, not a regression.
  RunReport flipped = old_r;
  flipped.checks[3].outcome = Outcome::kErrored;
  EXPECT_FALSE(HasRegressions(old_r, flipped));
  // A new check that fails is a regression: the baseline does not know it.
  RunReport added = old_r;
  added.checks.push_back(Check("z_new", Outcome::kErrored));
  EXPECT_TRUE(HasRegressions(old_r, added));
  EXPECT_EQ(HasRegressions(old_r, added), DiffReports(old_r, added).HasRegressions());
}

TEST(Diff, TextFormat) {
  auto [old_r, new_r] = Reports();
  std::string text = FormatDiff(DiffReports(old_r, new_r), DiffFormat::kText, "old.json", "new.json");
  EXPECT_NE(text.find("old: old.json (9 checks, errored)\nnew: new.json (10 checks, errored)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nNew failures (regressions): 3\n  a_passed_then_failed  passed → failed  (CreateRepository)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  i_only_new_failing  absent → failed  [warning]  (CreateRepository)\n      brand new check fails\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\nFixed: 1\n  c_failed_then_passed  failed → passed"), std::string::npos) << text;
  EXPECT_NE(text.find("\nStill failing: 2\n"), std::string::npos);
  EXPECT_NE(text.find("  e_errored_then_failed  errored → failed"), std::string::npos);
  EXPECT_NE(text.find("\nAppeared (only in the new report): 2\n"), std::string::npos);
  EXPECT_NE(text.find("\nDisappeared (only in the old report): 1\n  h_only_old  failed → absent"), std::string::npos);
  EXPECT_NE(text.find("\nOther outcome changes: 2\n  f_failed_then_skipped  failed → skipped"), std::string::npos);
  EXPECT_NE(text.find("\nSpec changes: 3\n  model sha256 aaaaaaaaaaaa → bbbbbbbbbbbb\n  AddedOp  (absent) → 4444\n  DeleteRepository  2222 → 9999\n  RemovedOp  3333 → (absent)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nResult: 3 regression(s)\n"), std::string::npos);

  std::string same = FormatDiff(DiffReports(old_r, old_r), DiffFormat::kText, "a", "a");
  EXPECT_NE(same.find("New failures (regressions): none"), std::string::npos);
  EXPECT_NE(same.find("Spec changes: none"), std::string::npos);
  EXPECT_NE(same.find("Result: no regressions"), std::string::npos);
}

TEST(Diff, MarkdownFormat) {
  auto [old_r, new_r] = Reports();
  std::string md = FormatDiff(DiffReports(old_r, new_r), DiffFormat::kMarkdown, "old.json", "new.json");
  EXPECT_EQ(md.rfind("# ecr-conform diff: ❌ 3 regression(s)\n", 0), 0u) << md;
  EXPECT_NE(md.find("## New failures (regressions) (3)\n\n| check | outcome | severity | operations | detail |"), std::string::npos) << md;
  EXPECT_NE(md.find("| `a_passed_then_failed` | passed → failed | error | `CreateRepository` |"), std::string::npos) << md;
  EXPECT_NE(md.find("## Fixed (1)"), std::string::npos);
  EXPECT_NE(md.find("## Still failing (2)"), std::string::npos);
  EXPECT_NE(md.find("## Appeared (only in the new report) (2)"), std::string::npos);
  EXPECT_NE(md.find("## Disappeared (only in the old report) (1)"), std::string::npos);
  EXPECT_NE(md.find("## Other outcome changes (2)"), std::string::npos);
  EXPECT_NE(md.find("## Spec changes (3)"), std::string::npos);
  EXPECT_NE(md.find("| `DeleteRepository` | `2222` | `9999` |"), std::string::npos) << md;
  std::string same = FormatDiff(DiffReports(old_r, old_r), DiffFormat::kMarkdown, "a", "a");
  EXPECT_EQ(same.rfind("# ecr-conform diff: ✅ no regressions\n", 0), 0u);
}

TEST(Diff, RunDiffExitCodesAndBadInputs) {
  auto [old_r, new_r] = Reports();
  TempDir dir;
  testing::WriteFile(dir.File("old.json"), ToJsonString(old_r));
  testing::WriteFile(dir.File("new.json"), ToJsonString(new_r));
  std::ostringstream out, err;
  EXPECT_EQ(RunDiff(dir.File("old.json"), dir.File("new.json"), DiffFormat::kText, out, err), 1);
  EXPECT_NE(out.str().find("a_passed_then_failed"), std::string::npos);
  EXPECT_EQ(err.str(), "");

  out.str("");
  EXPECT_EQ(RunDiff(dir.File("new.json"), dir.File("new.json"), DiffFormat::kMarkdown, out, err), 0);
  EXPECT_NE(out.str().find("no regressions"), std::string::npos);

  std::ostringstream err2;
  EXPECT_EQ(RunDiff(dir.File("missing.json"), dir.File("new.json"), DiffFormat::kText, out, err2), 2);
  EXPECT_NE(err2.str().find("cannot read the old report " + dir.File("missing.json") + ": cannot open"), std::string::npos) << err2.str();

  testing::WriteFile(dir.File("garbage.json"), "{ not json");
  std::ostringstream err3;
  EXPECT_EQ(RunDiff(dir.File("old.json"), dir.File("garbage.json"), DiffFormat::kText, out, err3), 2);
  EXPECT_NE(err3.str().find("cannot read the new report " + dir.File("garbage.json") + ": not JSON: parse error at line 1, column 4"),
            std::string::npos)
      << err3.str();

  nlohmann::ordered_json wrong = ToJson(new_r);
  wrong["checks"][4]["outcome"] = 3;
  testing::WriteFile(dir.File("wrong.json"), wrong.dump());
  std::ostringstream err4;
  EXPECT_EQ(RunDiff(dir.File("old.json"), dir.File("wrong.json"), DiffFormat::kText, out, err4), 2);
  EXPECT_NE(err4.str().find(dir.File("wrong.json") + ": $.checks[4].outcome: expected a string, got number 3"), std::string::npos) << err4.str();

  nlohmann::ordered_json future = ToJson(new_r);
  future["schema_version"] = 2;
  testing::WriteFile(dir.File("future.json"), future.dump());
  std::ostringstream err5;
  EXPECT_EQ(RunDiff(dir.File("future.json"), dir.File("new.json"), DiffFormat::kText, out, err5), 2);
  EXPECT_NE(err5.str().find("$.schema_version: unsupported schema version 2"), std::string::npos) << err5.str();
}

TEST(Diff, CommittedFixturesRegress) {
  std::ostringstream out, err;
  EXPECT_EQ(RunDiff(testing::TestData("diff_old.json"), testing::TestData("diff_new.json"), DiffFormat::kText, out, err), 1) << err.str();
  EXPECT_NE(out.str().find("New failures (regressions): 1\n  minimal_call[CreateRepository]  passed → failed"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("Fixed: 1\n  push_lifecycle  failed → passed"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace ecrc::report
