// The judge's own units: reading a driver's results, comparing decoded outputs, recording and
// answering requests per announced case, and turning a case's trace into checks.
#include <gtest/gtest.h>

#include <re2/re2.h>

#include "sdk/case_checks.h"
#include "sdk/driver_results.h"
#include "sdk/judge.h"
#include "sdk/output_compare.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

std::shared_ptr<const spec::Service> Ecr() { return spec::Service::Embedded(); }

const spec::Shape& Output(const std::string& operation) { return *Ecr()->FindOperation(operation)->output; }

TEST(DriverResults, NamesEveryUnusableLineAndKeepsTheAnswers) {
  std::string text =
      "not json\n"
      "{\"case\": \"a\", \"output\": {}}\n"
      "{\"case\": \"nope\", \"output\": {}}\n"
      "[1,2]\n"
      "{\"case\": \"b\", \"error\": {\"code\": \"X\", \"message\": \"m\"}}\n"
      "{\"case\": \"b\", \"client_error\": \"again\"}\n"
      "{\"case\": \"c\", \"output\": {}, \"error\": {\"code\": \"X\"}}\n"
      "{\"case\": \"c\", \"error\": \"not an object\"}\n"
      "\n"
      "{\"case\": \"c\", \"unsupported\": \"no such operation\"}\r\n" +
      std::string(100, '[') + "\n";
  auto results = ParseDriverResults(text, {"a", "b", "c"});
  ASSERT_EQ(results.answers.size(), 3u);
  EXPECT_EQ(results.answers["a"][0].kind, DriverAnswer::Kind::kOutput);
  ASSERT_EQ(results.answers["b"].size(), 2u);
  EXPECT_EQ(results.answers["b"][0].code, "X");
  EXPECT_EQ(results.answers["b"][1].kind, DriverAnswer::Kind::kClientError);
  EXPECT_EQ(results.answers["c"][0].kind, DriverAnswer::Kind::kUnsupported);
  EXPECT_EQ(results.answers["c"][0].line, 10);
  std::string all;
  for (const auto& p : results.problems) all += p + "\n";
  EXPECT_NE(all.find("line 1: not JSON"), std::string::npos) << all;
  EXPECT_NE(all.find("line 3: answers an unknown case 'nope'"), std::string::npos) << all;
  EXPECT_NE(all.find("line 4: not an answer"), std::string::npos) << all;
  EXPECT_NE(all.find("line 7: case 'c': exactly one of"), std::string::npos) << all;
  EXPECT_NE(all.find("line 8: case 'c': \"error\" must be"), std::string::npos) << all;
  EXPECT_NE(all.find("line 11: nested deeper"), std::string::npos) << all;
}

TEST(DriverResults, MissingFileIsOneProblem) {
  auto results = ReadDriverResults("/nonexistent/results.jsonl", {"a"});
  ASSERT_EQ(results.problems.size(), 1u);
  EXPECT_NE(results.problems[0].find("never written"), std::string::npos);
}

TEST(DriverResults, GarbageForeverIsCapped) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "garbage\n";
  auto results = ParseDriverResults(text, {});
  EXPECT_EQ(results.problems.size(), 51u);
  EXPECT_EQ(results.problems.back(), "950 more problem lines not listed");
}

TEST(OutputCompare, EqualByValue) {
  const auto& shape = Output("DescribeImages");
  json expected = ExpectedDecoding(
      shape, {{"imageDetails", {{{"imagePushedAt", 1700000000.125}, {"imageSizeInBytes", 9007199254740991LL},
                                 {"imageTags", {"v1"}}, {"ecrcUnknown", 1}, {"registryId", nullptr}}}}});
  EXPECT_FALSE(expected["imageDetails"][0].contains("ecrcUnknown"));
  EXPECT_FALSE(expected["imageDetails"][0].contains("registryId"));
  // JavaScript's Date: the timestamp to the millisecond; null and an empty list for absent members.
  json observed = {{"imageDetails", {{{"imagePushedAt", 1700000000.125}, {"imageSizeInBytes", 9007199254740991.0},
                                      {"imageTags", {"v1"}}, {"registryId", nullptr}, {"artifactMediaType", nullptr}}}},
                   {"nextToken", nullptr}};
  EXPECT_TRUE(CompareOutput(shape, expected, observed).empty());
  observed["imageDetails"][0]["imagePushedAt"] = 1700000000.0;
  observed["imageDetails"][0]["repositoryName"] = "invented";
  observed["imageDetails"][0]["imageTags"] = {"v1", "v2"};
  observed["ecrcUnknown"] = 1;
  auto differences = CompareOutput(shape, expected, observed);
  ASSERT_EQ(differences.size(), 4u);
  EXPECT_EQ(differences[0].path, "imageDetails[0].imagePushedAt");
  EXPECT_EQ(differences[1].path, "imageDetails[0].imageTags");
  EXPECT_EQ(differences[2].path, "imageDetails[0].repositoryName");
  EXPECT_EQ(differences[3].path, "ecrcUnknown");
}

TEST(OutputCompare, TimestampsMustBeNumbersAndBlobsCompareByBytes) {
  const auto& shape = Output("GetAuthorizationToken");
  json expected = {{"authorizationData", {{"authorizationToken", "dG9r"}, {"expiresAt", 1700000000}}}};
  json iso = {{"authorizationData", {{"authorizationToken", "dG9r"}, {"expiresAt", "2023-11-14T22:13:20Z"}}}};
  auto differences = CompareOutput(shape, expected, iso);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].path, "authorizationData.expiresAt");
}

// A judge on loopback with two cases: one canned, one answered by the reference.
class JudgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SdkCase canned;
    canned.id = "canned";
    canned.operation = "DescribeRegistries";
    HttpResponse first{503, {}, "{}"};
    HttpResponse second{200, {}, "{\"registries\":[]}"};
    canned.responses = {first, second};
    SdkCase live;
    live.id = "live";
    live.operation = "InitiateLayerUpload";
    judge_ = std::make_unique<Judge>(Ecr(), std::vector<SdkCase>{canned, live});
  }

  HttpResponse Send(const std::string& path, const std::string& body, const std::string& target = "") {
    HttpRequest request;
    request.path = path;
    request.body = body;
    if (!target.empty()) request.headers.Add("X-Amz-Target", "SpencerFrontendService." + target);
    request.headers.Add("Content-Type", "application/x-amz-json-1.1");
    return judge_->Handle(request);
  }

  std::unique_ptr<Judge> judge_;
};

TEST_F(JudgeTest, RecordsRequestsUnderTheAnnouncedCaseAndAnswersInOrder) {
  EXPECT_EQ(Send("/", "{}", "DescribeRegistries").status, 200);  // no case yet: the reference answers
  EXPECT_EQ(Send(kCaseControlPath, "{\"case\": \"canned\"}").status, 200);
  EXPECT_EQ(Send("/", "{}", "DescribeRegistries").status, 503);
  EXPECT_EQ(Send("/", "{}", "DescribeRegistries").status, 200);
  EXPECT_EQ(Send("/", "{}", "DescribeRegistries").status, 200);  // the last answer repeats
  EXPECT_EQ(Send(kCaseControlPath, "{\"case\": \"unknown\"}").status, 400);
  EXPECT_EQ(Send(kCaseControlPath, "not json").status, 400);
  auto traces = judge_->Traces();
  ASSERT_EQ(traces.size(), 2u);
  EXPECT_EQ(traces[0].case_id, "");
  EXPECT_EQ(traces[1].case_id, "canned");
  EXPECT_EQ(traces[1].requests.size(), 3u);
  // Unsigned: the verifier says so for every request.
  EXPECT_TRUE(traces[1].requests[0].signature.Fails(kRuleAuthorizationPresent));
  auto problems = judge_->ControlProblems();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].message.find("unknown case 'unknown'"), std::string::npos);
}

TEST_F(JudgeTest, PlannedUploadIdIsTheOneTheReferenceHandsOut) {
  Send(kCaseControlPath, "{\"case\": \"live\"}");
  Send("/", "{\"repositoryName\": \"rr\"}", "CreateRepository");
  auto answer = Send("/", "{\"repositoryName\": \"rr\"}", "InitiateLayerUpload");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(json::parse(answer.body)["uploadId"], PlannedUploadId("live"));
  const auto* pattern = Ecr()->FindShape("UploadId");
  ASSERT_NE(pattern, nullptr);
  EXPECT_TRUE(pattern->MatchesPattern(PlannedUploadId("live"))) << PlannedUploadId("live");
  EXPECT_NE(PlannedUploadId("live", 1), PlannedUploadId("live"));
}

TEST(CaseChecks, UnansweredCaseIsErroredAndUnsupportedIsSkipped) {
  SdkCase c;
  c.id = "DescribeRegistries.min";
  c.operation = "DescribeRegistries";
  c.category = "output";
  c.expected_output = json::object();
  c.responses = {HttpResponse{200, {}, "{}"}};
  CaseCheckContext context{*Ecr(), "replay {case}", "secret-key-1234"};
  auto checks = JudgeCase(context, c, nullptr, nullptr);
  ASSERT_FALSE(checks.empty());
  for (const auto& check : checks) EXPECT_EQ(check.outcome, results::Outcome::kErrored) << check.id;
  EXPECT_EQ(checks.back().reproduction, "replay DescribeRegistries.min");

  std::vector<DriverAnswer> unsupported{{DriverAnswer::Kind::kUnsupported, {}, "", "no such operation", 1}};
  for (const auto& check : JudgeCase(context, c, nullptr, &unsupported)) {
    EXPECT_EQ(check.outcome, results::Outcome::kSkipped) << check.id;
  }
}

TEST(CaseChecks, WrongErrorCodeFailsWithBothCodesNamed) {
  SdkCase c;
  c.id = "DescribeRegistries.ServerException.bare";
  c.operation = "DescribeRegistries";
  c.category = "error";
  c.expect = Expectation::kError;
  c.expected_error_code = "ServerException";
  c.expected_error_message = "m";
  c.responses = {HttpResponse{500, {}, "{}"}};
  CaseCheckContext context{*Ecr(), "", ""};
  std::vector<DriverAnswer> answer{{DriverAnswer::Kind::kError, {}, "ServerExceptionX", "m", 1}};
  bool saw = false;
  for (const auto& check : JudgeCase(context, c, nullptr, &answer)) {
    if (check.check != "sdk_error_code") continue;
    saw = true;
    ASSERT_EQ(check.outcome, results::Outcome::kFailed);
    EXPECT_EQ(check.findings[0].expected, "ServerException");
    EXPECT_EQ(check.findings[0].observed, "ServerExceptionX");
  }
  EXPECT_TRUE(saw);
}

}  // namespace
}  // namespace ecrc::sdk
