#include "harness/report/json_report_reader.h"

#include <gtest/gtest.h>

#include <random>

#include "harness/report/json_report.h"
#include "harness/report/test_util.h"

namespace ecrc::report {
namespace {

using results::Outcome;
using results::RunReport;
using testing::ReadFile;
using testing::SampleReport;
using testing::TempDir;
using testing::TestData;

TEST(JsonReportReader, SampleFixtureLoads) {
  RunReport r = SampleReport();
  EXPECT_EQ(r.schema_version, 1);
  EXPECT_EQ(r.spec.uid, "ecr-public-2020-10-30");
  EXPECT_EQ(r.checks.size(), 11u);
  EXPECT_EQ(r.seed, 42u);
  EXPECT_EQ(r.coverage.errors_unprovokable.size(), 2u);
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

TEST(JsonReportReader, BadInputsNameTheJsonPath) {
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

TEST(JsonReportReader, MinimalReportWithOnlyRequiredMembersLoads) {
  auto r = ParseReport(WithCheck(R"({"id":"a","suite":"contract","severity":"warning","operations":["X"],"outcome":"skipped","future_member":{}})"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->checks[0].severity, results::Severity::kWarning);
  EXPECT_EQ(r->checks[0].outcome, Outcome::kSkipped);
}

TEST(JsonReportReader, ReadReportFileNamesTheFile) {
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
TEST(JsonReportReader, CorruptedInputsNeverCrash) {
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

}  // namespace
}  // namespace ecrc::report
