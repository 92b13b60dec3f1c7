#include "harness/checks/expectation.h"

#include <gtest/gtest.h>

namespace ecrc::check {
namespace {

Call MakeCall(const char* op, int status, std::string body, const char* content_type = codec::kJsonContentType) {
  auto service = spec::Service::Embedded();
  Call c;
  c.op = service->FindOperation(op);
  HttpResponse r{status, {}, std::move(body)};
  if (content_type) r.headers.Add("Content-Type", content_type);
  r.headers.Add("x-amzn-RequestId", "5a1c0a3e-0000-4000-8000-000000000000");
  c.exchange.response = r;
  c.decoded = codec::DecodeResponse(*service, *c.op, r);
  return c;
}

std::vector<results::Finding> Outcome(const Call& c, const Expectation& e) {
  std::vector<results::Finding> out;
  EvaluateOutcome(c, e, 0, &out);
  return out;
}

TEST(Expectation, DeclaredVersusUndeclaredErrors) {
  Call declared = MakeCall("DeleteRepository", 400, R"({"__type":"RepositoryNotEmptyException","message":"m"})");
  Call undeclared = MakeCall("CreateRepository", 400, R"({"__type":"RepositoryNotEmptyException","message":"m"})");
  EXPECT_TRUE(Outcome(declared, Expectation::SuccessOrDeclared()).empty());
  EXPECT_EQ(Outcome(undeclared, Expectation::SuccessOrDeclared()).size(), 1u);
  EXPECT_EQ(Outcome(undeclared, Expectation::ClientError()).size(), 1u);
  EXPECT_TRUE(Outcome(declared, Expectation::ErrorCode({"RepositoryNotEmptyException"})).empty());
  EXPECT_EQ(Outcome(declared, Expectation::Success()).size(), 1u);
  Call server_error = MakeCall("DeleteRepository", 500, R"({"__type":"ServerException","message":"m"})");
  EXPECT_EQ(Outcome(server_error, Expectation::ClientError()).size(), 1u);  // 5xx is not a client error
}

TEST(Expectation, ErrorShapeRules) {
  auto service = spec::Service::Embedded();
  auto shape = [&](const Call& c) {
    std::vector<results::Finding> out;
    ErrorShapeValid(*service, c, 0, &out);
    return out;
  };
  EXPECT_TRUE(shape(MakeCall("DeleteRepository", 400, R"({"__type":"RepositoryNotFoundException","message":"m"})")).empty());
  EXPECT_EQ(shape(MakeCall("DeleteRepository", 404, R"({"__type":"RepositoryNotFoundException","message":"m"})")).size(), 1u);
  EXPECT_TRUE(shape(MakeCall("DeleteRepository", 500, R"({"__type":"ServerException","message":"m"})")).empty());
  EXPECT_EQ(shape(MakeCall("DeleteRepository", 400, R"({"message":"m"})")).size(), 1u);  // no type
  EXPECT_EQ(shape(MakeCall("DeleteRepository", 400, R"({"__type":"RepositoryNotFoundException"})")).size(), 1u);  // no message
  EXPECT_EQ(shape(MakeCall("DeleteRepository", 400, R"({"__type":"RepositoryNotFoundException","message":"m"})", "text/html")).size(), 1u);
  // The type only in X-Amzn-ErrorType: botocore (which reads only __type) would see the code "400".
  Call header_only = MakeCall("DeleteRepository", 400, R"({"message":"m"})");
  header_only.exchange.response.headers.Add("X-Amzn-ErrorType", "RepositoryNotFoundException");
  header_only.decoded = codec::DecodeResponse(*service, *header_only.op, header_only.response());
  auto findings = shape(header_only);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "__type");
  // Both, as the reference sends them: nothing to report.
  Call both = MakeCall("DeleteRepository", 400, R"({"__type":"RepositoryNotFoundException","message":"m"})");
  both.exchange.response.headers.Add("X-Amzn-ErrorType", "RepositoryNotFoundException");
  both.decoded = codec::DecodeResponse(*service, *both.op, both.response());
  EXPECT_TRUE(shape(both).empty());
}

TEST(Expectation, EveryResponseNeedsARequestId) {
  Call c = MakeCall("CreateRepository", 200, R"({})");
  c.exchange.response.headers.entries.pop_back();
  std::vector<results::Finding> out;
  OutputShapeValid(c, 0, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "header:x-amzn-RequestId");
}

TEST(Expectation, OutputTraitsAreSeparateFromWireRules) {
  Call c = MakeCall("BatchDeleteImage", 200, R"({"imageIds":[],"failures":[{"failureCode":"nope"}],"extra":1})");
  std::vector<results::Finding> wire, traits;
  OutputShapeValid(c, 0, &wire);
  OutputTraitsRespected(c, 0, &traits);
  EXPECT_TRUE(wire.empty());
  EXPECT_EQ(traits.size(), 2u);  // an enum value not in the model, and an unknown member (an empty list is fine)
}

TEST(Expectation, OutputShapeFindingsComeFromTheDecoder) {
  std::vector<results::Finding> out;
  OutputShapeValid(MakeCall("CreateRepository", 200, R"({"repository":{"createdAt":"2024-01-01"}})"), 3, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "repository.createdAt");
  EXPECT_EQ(out[0].exchange, 3u);
}

}  // namespace
}  // namespace ecrc::check
