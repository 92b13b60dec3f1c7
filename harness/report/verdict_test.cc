// The run verdict: a run whose only failures are warnings exits 0, so every report says "passed
// with N warnings" rather than "failed", while the check-level outcome stays `failed`.
#include "harness/report/verdict.h"

#include <gtest/gtest.h>

#include "harness/report/diff.h"
#include "harness/report/html.h"
#include "harness/report/json_report.h"
#include "harness/report/markdown.h"

namespace ecrc::report {
namespace {

using results::CheckResult;
using results::Outcome;
using results::RunReport;
using results::Severity;

CheckResult Check(const std::string& id, Outcome outcome, Severity severity = Severity::kError) {
  CheckResult c;
  c.id = id;
  c.check = id;
  c.suite = "contract";
  c.outcome = outcome;
  c.severity = severity;
  return c;
}

RunReport Report(std::vector<CheckResult> checks) {
  RunReport r;
  r.spec.uid = "ecr-public-2020-10-30";
  r.endpoint = "http://127.0.0.1:1";
  r.checks = std::move(checks);
  return r;
}

RunReport WarningsOnly() {
  return Report({Check("a", Outcome::kPassed), Check("b", Outcome::kFailed, Severity::kWarning),
                 Check("c", Outcome::kFailed, Severity::kWarning), Check("d", Outcome::kSkipped)});
}

TEST(Verdict, DerivedLikeTheExitCode) {
  EXPECT_EQ(VerdictOf(Report({Check("a", Outcome::kPassed)})).Text(), "passed");
  RunVerdict warned = VerdictOf(WarningsOnly());
  EXPECT_EQ(warned.kind, RunVerdict::Kind::kPassedWithWarnings);
  EXPECT_EQ(warned.warnings, 2u);
  EXPECT_EQ(warned.Text(), "passed with 2 warnings");
  EXPECT_STREQ(warned.Name(), "passed_with_warnings");
  EXPECT_EQ(VerdictOf(Report({Check("b", Outcome::kFailed, Severity::kWarning)})).Text(), "passed with 1 warning");
  // One error-severity failure makes it failed, whatever the warnings; an errored check wins.
  RunReport failed = WarningsOnly();
  failed.checks.push_back(Check("e", Outcome::kFailed));
  EXPECT_EQ(VerdictOf(failed).Text(), "failed");
  failed.checks.push_back(Check("f", Outcome::kErrored));
  EXPECT_EQ(VerdictOf(failed).Text(), "errored");
  EXPECT_EQ(VerdictOf(Report({Check("d", Outcome::kSkipped)})).kind, RunVerdict::Kind::kSkipped);
  EXPECT_EQ(VerdictOf(Report({})).kind, RunVerdict::Kind::kSkipped);
  // The lattice is untouched: the run's outcome is still the max of its checks.
  EXPECT_EQ(WarningsOnly().OverallOutcome(), Outcome::kFailed);
}

TEST(Verdict, EveryReportSaysPassedWithWarnings) {
  RunReport r = WarningsOnly();
  auto json = ToJson(r);
  EXPECT_EQ(json["summary"]["outcome"], "failed");  // the lattice, for scripts that read it
  EXPECT_EQ(json["summary"]["verdict"], "passed_with_warnings");
  EXPECT_EQ(json["summary"]["warnings"], 2);
  std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("# ECR Public conformance: ✅ passed with 2 warnings\n"), std::string::npos) << md.substr(0, 200);
  std::string html = RenderHtml(r);
  EXPECT_NE(html.find("<span class=\"badge o-warned\">passed with 2 warnings</span> ECR Public conformance</h1>"), std::string::npos);
  EXPECT_NE(html.find("<title>ECR Public conformance: passed with 2 warnings"), std::string::npos);
  EXPECT_EQ(html.find("<title>ECR Public conformance: failed"), std::string::npos);
  ReportDiff d = DiffReports(Report({Check("a", Outcome::kPassed)}), r);
  std::string text = FormatDiff(d, DiffFormat::kText, "old.json", "new.json");
  EXPECT_NE(text.find("new: new.json (4 checks, passed with 2 warnings)"), std::string::npos) << text;
  EXPECT_NE(text.find("old: old.json (1 checks, passed)"), std::string::npos) << text;
  std::string diff_md = FormatDiff(d, DiffFormat::kMarkdown, "old.json", "new.json");
  EXPECT_NE(diff_md.find("| 4 | passed with 2 warnings |"), std::string::npos) << diff_md;
}

TEST(Verdict, FailedRunStillSaysFailed) {
  RunReport r = WarningsOnly();
  r.checks.push_back(Check("e", Outcome::kFailed));
  auto json = ToJson(r);
  EXPECT_EQ(json["summary"]["verdict"], "failed");
  EXPECT_EQ(json["summary"]["warnings"], 2);
  EXPECT_NE(RenderMarkdown(r).find("# ECR Public conformance: ❌ failed\n"), std::string::npos);
  EXPECT_NE(RenderHtml(r).find("<span class=\"badge o-failed\">failed</span> ECR Public conformance"), std::string::npos);
}

}  // namespace
}  // namespace ecrc::report
