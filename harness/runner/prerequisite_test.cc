// A failed set-up is charged to whoever failed: the endpoint (skipped with the cause), the
// transport or the harness (errored); and a skip never hides the endpoint's failure from the run.
#include "harness/runner/prerequisite.h"

#include <gtest/gtest.h>

namespace ecrc::runner {
namespace {

spec::Operation Op(const std::string& name) {
  spec::Operation op;
  op.name = name;
  return op;
}

check::Call Answered(const spec::Operation& op, int status, const std::string& content_type, const std::string& body, bool is_error) {
  check::Call call;
  call.op = &op;
  HttpResponse response;
  response.status = status;
  if (!content_type.empty()) response.headers.Add("Content-Type", content_type);
  response.body = body;
  call.exchange.response = response;
  call.decoded.is_error = is_error;
  return call;
}

TEST(Prerequisite, AnHtmlServerErrorIsTheEndpointsFailure) {
  spec::Operation create = Op("CreateRepository");
  Status s = PrerequisiteFailure(Answered(create, 500, "text/html; charset=utf-8", "<!doctype html><title>500</title>", true));
  EXPECT_TRUE(s.IsEndpointFailure());
  EXPECT_EQ(s.message(), "prerequisite CreateRepository failed: HTTP 500 (text/html, not JSON)");
}

TEST(Prerequisite, ADeclaredErrorNamesItsCode) {
  spec::Operation create = Op("CreateRepository");
  check::Call call = Answered(create, 400, "application/x-amz-json-1.1", R"({"__type":"LimitExceededException"})", true);
  call.decoded.error.code = "LimitExceededException";
  EXPECT_EQ(PrerequisiteFailure(call).message(), "prerequisite CreateRepository failed: HTTP 400 LimitExceededException");
}

TEST(Prerequisite, ASuccessWithoutWhatTheCheckNeedsIsTheEndpointsFailure) {
  spec::Operation initiate = Op("InitiateLayerUpload");
  Status s = PrerequisiteFailure(Answered(initiate, 200, "application/x-amz-json-1.1", "{}", false), "uploadId");
  EXPECT_TRUE(s.IsEndpointFailure());
  EXPECT_EQ(s.message(), "prerequisite InitiateLayerUpload failed: HTTP 200 without uploadId");
}

TEST(Prerequisite, NoAnswerIsTheTransportsFailure) {
  spec::Operation create = Op("CreateRepository");
  check::Call call;
  call.op = &create;
  call.exchange.transport_error = "timeout after 10000 ms";
  Status s = PrerequisiteFailure(call);
  EXPECT_TRUE(s.IsTransportFailure());
  EXPECT_EQ(s.message(), "prerequisite CreateRepository: no response (timeout after 10000 ms)");
}

TEST(Prerequisite, OnlyTheEndpointsFailureSkips) {
  results::CheckResult skipped, errored, harness;
  MarkBlocked(Status::EndpointFailed("prerequisite CreateRepository failed: HTTP 500"), "CreateRepository", &skipped);
  EXPECT_EQ(skipped.outcome, results::Outcome::kSkipped);
  EXPECT_EQ(skipped.skip_reason, "prerequisite CreateRepository failed: HTTP 500");
  EXPECT_EQ(skipped.prerequisite, "CreateRepository");
  EXPECT_TRUE(skipped.findings.empty());
  MarkBlocked(Status::TransportFailed("prerequisite CreateRepository: no response (reset)"), "CreateRepository", &errored);
  EXPECT_EQ(errored.outcome, results::Outcome::kErrored);
  ASSERT_EQ(errored.findings.size(), 1u);
  MarkBlocked(Status::Error("semantics name no resource 'x'"), "", &harness);
  EXPECT_EQ(harness.outcome, results::Outcome::kErrored);
}

results::CheckResult Result(const std::string& id, results::Outcome outcome, const std::string& operation, const std::string& prerequisite = "") {
  results::CheckResult r;
  r.id = id;
  r.outcome = outcome;
  r.operations = {operation};
  r.prerequisite = prerequisite;
  if (!prerequisite.empty()) r.skip_reason = "prerequisite " + prerequisite + " failed: HTTP 500";
  return r;
}

TEST(Prerequisite, ASkipStandsWhenThePrerequisitesOwnCheckFails) {
  std::vector<results::CheckResult> results = {Result("minimal_call[CreateRepository]", results::Outcome::kFailed, "CreateRepository"),
                                      Result("tags_limit_50", results::Outcome::kSkipped, "TagResource", "CreateRepository")};
  ChargeUnreportedPrerequisites(&results);
  EXPECT_EQ(results[1].outcome, results::Outcome::kSkipped);
}

TEST(Prerequisite, ASkipWhosePrerequisiteNoCheckReportsFails) {
  // `--check 'tags_*'`: CreateRepository's own checks did not run, so the skip would hide it.
  std::vector<results::CheckResult> results = {Result("tags_limit_50", results::Outcome::kSkipped, "TagResource", "CreateRepository"),
                                      Result("minimal_call[TagResource]", results::Outcome::kFailed, "TagResource")};
  ChargeUnreportedPrerequisites(&results);
  EXPECT_EQ(results[0].outcome, results::Outcome::kFailed);
  ASSERT_EQ(results[0].findings.size(), 1u);
  EXPECT_NE(results[0].findings[0].message.find("prerequisite CreateRepository failed: HTTP 500"), std::string::npos);
  EXPECT_TRUE(results[0].skip_reason.empty());
}

TEST(Prerequisite, AWarningDoesNotReportThePrerequisite) {
  std::vector<results::CheckResult> results = {Result("output_traits_valid[CreateRepository]", results::Outcome::kFailed, "CreateRepository"),
                                      Result("tags_limit_50", results::Outcome::kSkipped, "TagResource", "CreateRepository")};
  results[0].severity = results::Severity::kWarning;
  ChargeUnreportedPrerequisites(&results);
  EXPECT_EQ(results[1].outcome, results::Outcome::kFailed);
}

}  // namespace
}  // namespace ecrc::runner
