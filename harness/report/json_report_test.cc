#include "harness/report/json_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "base/utf8.h"
#include "harness/report/json_report_reader.h"
#include "harness/report/report_util.h"
#include "harness/report/test_util.h"

namespace ecrc::report {
namespace {

using results::CheckResult;
using results::Outcome;
using results::RunReport;
using testing::Quote;
using testing::ReadFile;
using testing::SampleReport;
using testing::TempDir;
using testing::TestData;

TEST(JsonReport, RoundTripIsStable) {
  std::string first = ToJsonString(SampleReport());
  auto reread = ParseReport(first);
  ASSERT_TRUE(reread.ok()) << reread.status().message();
  EXPECT_EQ(ToJsonString(*reread), first);
}

// The root-cause line is written and read back; a report written before it existed (the fixture
// has none) still loads, with an empty one.
TEST(JsonReport, RootCauseRoundTripsAndMayBeAbsent) {
  RunReport r = SampleReport();
  EXPECT_EQ(r.root_cause, "");
  r.root_cause = "every operation answered 5xx (HTTP 500, text/html, not JSON; 2 calls to 2 operations): the endpoint does not implement ECR Public";
  auto j = ToJson(r);
  EXPECT_EQ(j["root_cause"], r.root_cause);
  auto reread = FromJson(j);
  ASSERT_TRUE(reread.ok()) << reread.status().message();
  EXPECT_EQ(reread->root_cause, r.root_cause);
  auto wrong = ParseReport(R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","checks":[],"coverage":{},"root_cause":5})");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("$.root_cause"), std::string::npos) << wrong.status().message();
}

TEST(JsonReport, OutputIsSortedAndIndependentOfInputOrder) {
  RunReport r = SampleReport();
  std::string canonical = ToJsonString(r);
  std::mt19937 rng(7);
  std::shuffle(r.checks.begin(), r.checks.end(), rng);
  std::shuffle(r.coverage.operations_exercised.begin(), r.coverage.operations_exercised.end(), rng);
  std::reverse(r.suites.begin(), r.suites.end());
  for (auto& c : r.checks) {
    if (!c.operations.empty()) c.operations.push_back(c.operations.front());  // duplicates collapse
  }
  EXPECT_EQ(ToJsonString(r), canonical);

  auto j = ToJson(r);
  std::vector<std::string> ids;
  for (const auto& c : j["checks"]) ids.push_back(c["id"].get<std::string>());
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  auto ops = j["coverage"]["operations_exercised"].get<std::vector<std::string>>();
  EXPECT_TRUE(std::is_sorted(ops.begin(), ops.end()));
  EXPECT_EQ(j["suites"], nlohmann::ordered_json::array({"contract", "scenario"}));
  for (const auto& c : j["checks"]) {
    auto check_ops = c["operations"].get<std::vector<std::string>>();
    EXPECT_TRUE(std::is_sorted(check_ops.begin(), check_ops.end())) << c["id"];
    EXPECT_EQ(std::adjacent_find(check_ops.begin(), check_ops.end()), check_ops.end()) << c["id"];
  }
}

TEST(JsonReport, SummaryIsDerivedFromChecks) {
  auto j = ToJson(SampleReport());
  EXPECT_EQ(j["summary"]["outcome"], "errored");
  EXPECT_EQ(j["summary"]["total"], 11);
  EXPECT_EQ(j["summary"]["counts"]["failed"], 4);
  EXPECT_EQ(j["summary"]["counts"]["passed"], 4);
  EXPECT_EQ(j["summary"]["counts"]["errored"], 1);
  EXPECT_EQ(j["summary"]["counts"]["skipped"], 1);
  EXPECT_EQ(j["summary"]["counts"]["disabled"], 1);
}

TEST(JsonReport, BinaryBodiesRoundTripAsBase64) {
  RunReport r;
  r.spec.uid = "u";
  CheckResult c;
  c.id = "binary";
  c.suite = "fuzz";
  c.outcome = Outcome::kFailed;
  results::Exchange ex;
  ex.request.body = std::string("\x00\xff\xfe\x01 layer bytes", 16);
  ex.response.body = "text body ✓";
  c.exchanges.push_back(ex);
  r.checks.push_back(c);
  auto j = ToJson(r);
  const auto& jex = j["checks"][0]["exchanges"][0];
  EXPECT_TRUE(jex["request"].contains("body_base64"));
  EXPECT_FALSE(jex["request"].contains("body"));
  EXPECT_EQ(jex["response"]["body"], "text body ✓");
  auto back = FromJson(j);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->checks[0].exchanges[0].request.body, ex.request.body);
}

TEST(JsonReport, LongBodiesAreCutWithAMarkerIdempotently) {
  RunReport r;
  CheckResult c;
  c.id = "big";
  c.suite = "contract";
  results::Exchange ex;
  ex.response.body = std::string(200 * 1024, 'a') + "é";
  c.exchanges.push_back(ex);
  r.checks.push_back(c);
  Normalize(&r);
  const std::string& cut = r.checks[0].exchanges[0].response.body;
  EXPECT_LE(cut.size(), kMaxStoredBodyBytes);
  EXPECT_NE(cut.find("more bytes not shown"), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(cut));
  RunReport again = r;
  Normalize(&again);
  EXPECT_EQ(again.checks[0].exchanges[0].response.body, cut);
}

TEST(JsonReport, InvalidUtf8OutsideBodiesDoesNotThrow) {
  RunReport r;
  CheckResult c;
  c.id = "utf8";
  c.suite = "fuzz";
  c.findings.push_back({"bad \xc3\x28 byte", "", "", "\xff", std::nullopt});
  r.checks.push_back(c);
  std::string text = ToJsonString(r);
  EXPECT_TRUE(IsValidUtf8(text));
  EXPECT_TRUE(ParseReport(text).ok());
}

// The documented JSON Schema accepts the fixture and what the writer produces, and rejects a
// report that breaks it (so the validation is real).
TEST(JsonReport, OutputValidatesAgainstTheJsonSchema) {
  if (testing::Run("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available: JSON Schema validation NOT run";
  }
  TempDir dir;
  testing::WriteFile(dir.File("written.json"), ToJsonString(SampleReport()));
  nlohmann::ordered_json broken = ToJson(SampleReport());
  broken["checks"][0]["outcome"] = "pass";
  testing::WriteFile(dir.File("broken.json"), broken.dump());
  const std::string script =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "jsonschema.Draft202012Validator.check_schema(schema)\n"
      "v = jsonschema.Draft202012Validator(schema)\n"
      "for path in sys.argv[2:]:\n"
      "    errors = sorted(v.iter_errors(json.load(open(path))), key=lambda e: list(e.path))\n"
      "    where = lambda e: '$' + ''.join('[%d]' % p if isinstance(p, int) else '.' + p for p in e.absolute_path)\n"
      "    print(path.rsplit('/', 1)[-1], len(errors), '; '.join(where(e) + ': ' + e.message for e in errors[:3]))\n";
  testing::WriteFile(dir.File("validate.py"), script);
  std::string out;
  int rc = testing::Run("python3 " + Quote(dir.File("validate.py")) + " " + Quote(testing::SourceDir() + "/reports/schema/report.schema.json") +
                            " " + Quote(TestData("sample_report.json")) + " " + Quote(dir.File("written.json")) + " " +
                            Quote(dir.File("broken.json")),
                        &out);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("sample_report.json 0 "), std::string::npos) << out;
  EXPECT_NE(out.find("written.json 0 "), std::string::npos) << out;
  EXPECT_NE(out.find("broken.json 1 $.checks[0].outcome"), std::string::npos) << out;
}

}  // namespace
}  // namespace ecrc::report
