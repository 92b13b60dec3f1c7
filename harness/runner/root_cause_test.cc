// The root-cause line names what the failures share, and nothing when they share nothing.
#include "harness/runner/root_cause.h"

#include <gtest/gtest.h>

namespace ecrc::runner {
namespace {

results::Exchange Answer(const std::string& operation, int status, const std::string& content_type, const std::string& body) {
  results::Exchange ex;
  ex.operation = operation;
  ex.response.status = status;
  if (!content_type.empty()) ex.response.headers.Add("Content-Type", content_type);
  ex.response.body = body;
  return ex;
}

results::CheckResult Check(const std::string& id, results::Outcome outcome, std::vector<results::Exchange> exchanges) {
  results::CheckResult r;
  r.id = id;
  r.outcome = outcome;
  r.exchanges = std::move(exchanges);
  return r;
}

const char kHtml[] = "<!doctype html><title>500 Internal Server Error</title>";
const char kJson[] = "application/x-amz-json-1.1";

TEST(RootCause, EveryOperationAnsweringHtml500) {
  std::vector<results::CheckResult> results = {
      Check("minimal_call[CreateRepository]", results::Outcome::kFailed, {Answer("CreateRepository", 500, "text/html; charset=utf-8", kHtml)}),
      Check("minimal_call[DescribeRegistries]", results::Outcome::kFailed, {Answer("DescribeRegistries", 500, "text/html", kHtml)}),
      // Protocol probes send malformed requests: a front end's answer to them does not count.
      [] {
        results::CheckResult probe = Check("protocol_unknown_target", results::Outcome::kPassed, {Answer("CreateRepository", 404, "text/html", kHtml)});
        probe.category = "protocol";
        return probe;
      }(),
  };
  EXPECT_EQ(RootCause(results),
            "every operation answered 5xx (HTTP 500, text/html, not JSON; 2 calls to 2 operations): the endpoint does not implement ECR Public");
}

TEST(RootCause, EveryCallUnauthenticated) {
  std::vector<results::CheckResult> results = {
      Check("a", results::Outcome::kFailed, {Answer("CreateRepository", 403, kJson, R"({"__type":"UnrecognizedClientException","message":"bad"})")}),
      Check("b", results::Outcome::kFailed, {Answer("DescribeImages", 403, kJson, R"({"__type":"UnrecognizedClientException"})")}),
  };
  EXPECT_EQ(RootCause(results),
            "every call was rejected as unauthenticated (HTTP 403 UnrecognizedClientException; 2 calls to 2 operations): check the "
            "credentials, the region and the signing name ecr-public");
}

TEST(RootCause, EveryAnswerNotJson) {
  std::vector<results::CheckResult> results = {
      Check("a", results::Outcome::kFailed, {Answer("CreateRepository", 200, "text/html", "<html>welcome</html>")}),
      Check("b", results::Outcome::kFailed, {Answer("DescribeImages", 404, "text/html", "<html>not found</html>")}),
  };
  EXPECT_EQ(RootCause(results), "every answer was text/html, not awsJson 1.1 (2 calls to 2 operations): is --endpoint-url an ECR Public API endpoint?");
}

TEST(RootCause, NoAnswerAtAll) {
  results::Exchange lost;
  lost.operation = "CreateRepository";
  lost.transport_error = "connection reset by peer";
  std::vector<results::CheckResult> results = {Check("a", results::Outcome::kErrored, {lost})};
  EXPECT_EQ(RootCause(results), "no call got an answer (connection reset by peer): the endpoint is not answering");
}

TEST(RootCause, APrerequisiteBlockingMostChecks) {
  std::vector<results::CheckResult> results = {
      Check("minimal_call[CreateRepository]", results::Outcome::kFailed, {Answer("CreateRepository", 400, kJson, R"({"__type":"X"})")}),
      Check("minimal_call[DescribeRegistries]", results::Outcome::kPassed, {Answer("DescribeRegistries", 200, kJson, "{}")}),
  };
  for (int i = 0; i < 3; ++i) {
    results::CheckResult r = Check("blocked" + std::to_string(i), results::Outcome::kSkipped, {Answer("CreateRepository", 400, kJson, R"({"__type":"X"})")});
    r.prerequisite = "CreateRepository";
    r.skip_reason = "prerequisite CreateRepository failed: HTTP 400 X";
    results.push_back(r);
  }
  EXPECT_EQ(RootCause(results), "CreateRepository failed: HTTP 400 X, so 3 checks that need CreateRepository were skipped");
}

TEST(RootCause, NothingSharedNamesNothing) {
  std::vector<results::CheckResult> results = {
      Check("a", results::Outcome::kFailed, {Answer("CreateRepository", 400, kJson, R"({"__type":"X"})")}),
      Check("b", results::Outcome::kPassed, {Answer("DescribeImages", 200, kJson, "{}")}),
  };
  EXPECT_EQ(RootCause(results), "");
  // A clean run names nothing either, however its answers look.
  std::vector<results::CheckResult> clean = {Check("c", results::Outcome::kPassed, {Answer("CreateRepository", 500, "text/html", kHtml)})};
  EXPECT_EQ(RootCause(clean), "");
}

}  // namespace
}  // namespace ecrc::runner
