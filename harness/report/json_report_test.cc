#include "harness/report/json_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

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

TEST(JsonReport, SampleFixtureLoads) {
  RunReport r = SampleReport();
  EXPECT_EQ(r.schema_version, 1);
  EXPECT_EQ(r.spec.uid, "ecr-public-2020-10-30");
  EXPECT_EQ(r.checks.size(), 11u);
  EXPECT_EQ(r.seed, 42u);
  EXPECT_EQ(r.coverage.errors_unprovokable.size(), 2u);
}

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

// Each bad input gives an error naming the JSON path; none crashes.
struct BadInput {
  const char* name;
  std::string text;
  std::string expected_error;
};

std::string WithCheck(const std::string& check_json) {
  return R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","coverage":{},"checks":[)" +
         check_json + "]}";
}

TEST(JsonReport, BadInputsNameTheJsonPath) {
  const std::string ok_check = R"({"id":"a","suite":"contract","severity":"error","operations":[],"outcome":"passed"})";
  std::vector<BadInput> cases = {
      {"empty", "", "not JSON: parse error at line 1, column 1"},
      {"not json", "hello", "not JSON: parse error at line 1, column 1"},
      {"truncated", R"({"schema_version":1,)", "not JSON: parse error"},
      {"number overflow", R"({"schema_version":1e400})", "not JSON"},
      {"array root", "[]", "$: expected an object (an ecr-conform report), got array"},
      {"missing version", R"({"tool_version":"t"})", "$.schema_version: required member is missing"},
      {"wrong version", R"({"schema_version":2})", "$.schema_version: unsupported schema version 2; this ecr-conform reads version 1"},
      {"version as string", R"({"schema_version":"1"})", "$.schema_version: expected an integer from 0 to 2147483647, got string \"1\""},
      {"huge version", R"({"schema_version":22222222222222222222222})", "$.schema_version: expected an integer"},
      {"negative version", R"({"schema_version":-1})", "$.schema_version: expected an integer"},
      {"missing spec", R"({"schema_version":1,"tool_version":"t","endpoint":"e","checks":[],"coverage":{}})", "$.spec: required member is missing"},
      {"spec uid type", R"({"schema_version":1,"tool_version":"t","spec":{"uid":7,"model_sha256":"m"},"endpoint":"e","checks":[],"coverage":{}})",
       "$.spec.uid: expected a string, got number 7"},
      {"odd key in path",
       R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m","operation_sha256":{"Put Image":5}},"endpoint":"e","checks":[],"coverage":{}})",
       "$.spec.operation_sha256[\"Put Image\"]: expected a string (hex sha256), got number 5"},
      {"checks not array", R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","checks":{},"coverage":{}})",
       "$.checks: expected an array, got object"},
      {"missing coverage", R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","checks":[]})",
       "$.coverage: required member is missing"},
      {"bad outcome", WithCheck(ok_check + R"(,{"id":"b","suite":"s","severity":"error","operations":[],"outcome":"pass"})"),
       "$.checks[1].outcome: expected one of disabled, skipped, passed, failed, errored; got string \"pass\""},
      {"bad severity", WithCheck(R"({"id":"b","suite":"s","severity":"fatal","operations":[],"outcome":"passed"})"),
       "$.checks[0].severity: expected one of error, warning; got string \"fatal\""},
      {"missing outcome", WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[]})"), "$.checks[0].outcome: required member is missing"},
      {"operation not string", WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":["A",5],"outcome":"passed"})"),
       "$.checks[0].operations[1]: expected a string, got number 5"},
      {"empty id", WithCheck(R"({"id":"","suite":"s","severity":"error","operations":[],"outcome":"passed"})"), "$.checks[0].id: must not be empty"},
      {"duplicate id", WithCheck(ok_check + "," + ok_check), "$.checks[1].id: duplicate check id \"a\" (also at $.checks[0])"},
      {"check not object", WithCheck("null"), "$.checks[0]: expected an object, got null"},
      {"finding without message",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","findings":[{"path":"x"}]})"),
       "$.checks[0].findings[0].message: required member is missing"},
      {"finding points nowhere",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","findings":[{"message":"m","exchange":3}]})"),
       "$.checks[0].findings[0].exchange: points at exchange 3, but the check has 0 exchange(s)"},
      {"finding exchange negative",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","findings":[{"message":"m","exchange":-1}]})"),
       "$.checks[0].findings[0].exchange: expected an integer from 0 to"},
      {"header value null",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","exchanges":[{"request":{"method":"POST","path":"/","headers":[{"name":"A","value":null}]}}]})"),
       "$.checks[0].exchanges[0].request.headers[0].value: expected a string, got null"},
      {"request missing",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","exchanges":[{"operation":"X"}]})"),
       "$.checks[0].exchanges[0].request: required member is missing"},
      {"status out of range",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","exchanges":[{"request":{"method":"POST","path":"/"},"response":{"status":1000}}]})"),
       "$.checks[0].exchanges[0].response.status: expected an integer from 0 to 999, got number 1000"},
      {"status float",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","exchanges":[{"request":{"method":"POST","path":"/"},"response":{"status":200.5}}]})"),
       "$.checks[0].exchanges[0].response.status: expected an integer from 0 to 999, got number 200.5"},
      {"bad base64",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","exchanges":[{"request":{"method":"POST","path":"/","body_base64":"!!"}}]})"),
       "$.checks[0].exchanges[0].request.body_base64: is not valid padded base64"},
      {"both bodies",
       WithCheck(R"({"id":"b","suite":"s","severity":"error","operations":[],"outcome":"failed","exchanges":[{"request":{"method":"POST","path":"/","body":"","body_base64":""}}]})"),
       "$.checks[0].exchanges[0].request: has both \"body\" and \"body_base64\""},
      {"coverage list type", R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","checks":[],"coverage":{"errors_missed":"x"}})",
       "$.coverage.errors_missed: expected an array, got string \"x\""},
      {"unprovokable reason type",
       R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","checks":[],"coverage":{"errors_unprovokable":{"A:B":1}}})",
       "$.coverage.errors_unprovokable[\"A:B\"]: expected a string (the reason), got number 1"},
      {"negative duration", R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","checks":[],"coverage":{},"duration_seconds":-1})",
       "$.duration_seconds: expected a non-negative number, got number -1"},
  };
  for (const auto& c : cases) {
    auto r = ParseReport(c.text);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().message().rfind(c.expected_error, 0), 0u) << c.name << ": got " << r.status().message();
  }
}

TEST(JsonReport, MinimalReportWithOnlyRequiredMembersLoads) {
  auto r = ParseReport(WithCheck(R"({"id":"a","suite":"contract","severity":"warning","operations":["X"],"outcome":"skipped","future_member":{}})"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->checks[0].severity, results::Severity::kWarning);
  EXPECT_EQ(r->checks[0].outcome, Outcome::kSkipped);
}

TEST(JsonReport, ReadReportFileNamesTheFile) {
  auto missing = ReadReportFile("/nonexistent/dir/report.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message().rfind("/nonexistent/dir/report.json: cannot open", 0), 0u) << missing.status().message();

  TempDir dir;
  auto is_dir = ReadReportFile(dir.path());
  ASSERT_FALSE(is_dir.ok());
  EXPECT_NE(is_dir.status().message().find("is a directory"), std::string::npos);

  testing::WriteFile(dir.File("bad.json"), R"({"schema_version":1,"tool_version":"t","spec":{"uid":"u","model_sha256":"m"},"endpoint":"e","checks":[1],"coverage":{}})");
  auto bad = ReadReportFile(dir.File("bad.json"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), dir.File("bad.json") + ": $.checks[0]: expected an object, got number 1");
}

// Random corruption of a valid report never crashes the reader: it either loads or says why.
TEST(JsonReport, CorruptedInputsNeverCrash) {
  std::string text = ReadFile(TestData("sample_report.json"));
  std::mt19937 rng(1234);
  const std::string alphabet = "{}[]\",:0123456789-.eE truefalsnul\\\x01\xff";
  size_t loaded = 0;
  for (int i = 0; i < 400; ++i) {
    std::string mutated = text;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t pos = rng() % mutated.size();
      switch (rng() % 3) {
        case 0: mutated[pos] = alphabet[rng() % alphabet.size()]; break;
        case 1: mutated.erase(pos, 1 + rng() % 8); break;
        default: mutated.insert(pos, 1, alphabet[rng() % alphabet.size()]); break;
      }
    }
    auto r = ParseReport(mutated);
    if (r.ok()) {
      ++loaded;
      ToJsonString(*r);  // and whatever loads can be written again
    } else {
      EXPECT_FALSE(r.status().message().empty());
    }
  }
  SUCCEED() << loaded << " of 400 mutated reports still loaded";
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
