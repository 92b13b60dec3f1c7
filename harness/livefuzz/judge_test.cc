#include "harness/livefuzz/judge.h"

#include <gtest/gtest.h>

#include "harness/codec/codec.h"

namespace ecrc::livefuzz {
namespace {

using results::Severity;

class JudgeTest : public ::testing::Test {
 protected:
  std::shared_ptr<const spec::Service> service_ = spec::Service::Embedded();
  std::shared_ptr<const spec::Semantics> semantics_ = spec::Semantics::Embedded();
  Judge judge_{*service_, *semantics_};

  HttpRequest Request(const std::string& op, const std::string& body, const char* content_type = codec::kJsonContentType) {
    HttpRequest r;
    if (!op.empty()) r.headers.Add("X-Amz-Target", "SpencerFrontendService." + op);
    r.headers.Add("Content-Type", content_type);
    r.body = body;
    return r;
  }

  static HttpResponse Response(int status, const std::string& body, const char* type = nullptr, bool request_id = true) {
    HttpResponse r;
    r.status = status;
    r.headers.Add("Content-Type", codec::kJsonContentType);
    if (request_id) r.headers.Add("x-amzn-RequestId", "b0e8c1de-0000-4000-8000-000000000000");
    if (type) r.headers.Add("X-Amzn-ErrorType", type);
    r.body = body;
    return r;
  }

  Judgement Evaluate(const HttpRequest& request, const HttpResponse& response, MutationKind kind = MutationKind::kNone, bool sign = true) {
    return judge_.Evaluate(Inspect(*service_, request), InfoOf(kind), sign, client::TransportResult(response, request));
  }

  static std::vector<std::string> Failed(const Judgement& j, Severity severity) {
    std::vector<std::string> out;
    for (const auto& v : j.failures) {
      if (v.severity == severity) out.push_back(v.check);
    }
    return out;
  }
  static bool Exercised(const Judgement& j, const char* check) {
    return std::find(j.exercised.begin(), j.exercised.end(), check) != j.exercised.end();
  }
};

using Checks = std::vector<std::string>;

TEST_F(JudgeTest, InspectUsesTheCodecsView) {
  RequestView valid = Inspect(*service_, Request("DescribeRegistries", "{\"maxResults\":5}"));
  EXPECT_TRUE(valid.valid());
  EXPECT_EQ(valid.op->name, "DescribeRegistries");
  EXPECT_TRUE(Inspect(*service_, Request("DescribeRegistries", "")).valid());  // an empty body is {}

  RequestView foreign = Inspect(*service_, Request("DescribeRegistries", "{}", "application/json"));
  ASSERT_NE(foreign.op, nullptr);
  EXPECT_FALSE(foreign.content_type_ok);
  EXPECT_TRUE(foreign.body_is_object);

  RequestView untargeted = Inspect(*service_, Request("", "{}"));
  EXPECT_EQ(untargeted.op, nullptr);
  EXPECT_EQ(untargeted.Summary(), "names no operation");
  EXPECT_EQ(Inspect(*service_, Request("NoSuchOperation", "{}")).op, nullptr);

  RequestView array = Inspect(*service_, Request("DescribeRegistries", "[1]"));
  EXPECT_FALSE(array.body_is_object);
  EXPECT_EQ(array.Summary(), "body is not a JSON object");
  EXPECT_EQ(Inspect(*service_, Request("DescribeRegistries", "{\"maxResults\":")).Summary(), "body is not JSON");

  RequestView range = Inspect(*service_, Request("DescribeRegistries", "{\"maxResults\":0}"));
  EXPECT_FALSE(range.valid());
  ASSERT_EQ(range.violations.size(), 1u);
  EXPECT_EQ(range.violations[0].kind, codec::ViolationKind::kRange);
}

TEST_F(JudgeTest, ValidRequestServedPasses) {
  Judgement j = Evaluate(Request("DescribeRegistries", "{}"), Response(200, "{\"registries\":[]}"));
  EXPECT_TRUE(j.failures.empty());
  EXPECT_TRUE(Exercised(j, kAnswerInTime));
  EXPECT_TRUE(Exercised(j, kNoServerError));
  EXPECT_FALSE(Exercised(j, kInvalidRejected));
}

TEST_F(JudgeTest, InvalidRequestServedIsAFinding) {
  Judgement j = Evaluate(Request("DescribeRegistries", "{\"maxResults\":0}"), Response(200, "{\"registries\":[]}"), MutationKind::kOutOfRange);
  EXPECT_EQ(Failed(j, Severity::kError), Checks{kInvalidRejected});
  EXPECT_NE(j.failures[0].message.find("accepted an invalid request"), std::string::npos);
  EXPECT_EQ(j.failures[0].path, "maxResults");

  Judgement not_json = Evaluate(Request("DescribeRegistries", "{\"max"), Response(200, "{}"), MutationKind::kTruncatedJson);
  EXPECT_EQ(Failed(not_json, Severity::kError), Checks{kInvalidRejected});

  Judgement untargeted = Evaluate(Request("NoSuchOperation", "{}"), Response(200, "{}"), MutationKind::kUnknownTarget);
  EXPECT_EQ(Failed(untargeted, Severity::kError), Checks{kInvalidRejected});
  // Matching the target ignoring case is undocumented either way.
  Judgement lower = Evaluate(Request("describeregistries", "{}"), Response(200, "{}"), MutationKind::kUnknownTarget);
  EXPECT_EQ(Failed(lower, Severity::kWarning), Checks{kInvalidRejected});
}

TEST_F(JudgeTest, UncertainAcceptanceIsAWarning) {
  // Unknown members: AWS behaviour undocumented.
  Judgement unknown = Evaluate(Request("DescribeRegistries", "{\"bogus\":1}"), Response(200, "{}"), MutationKind::kUnknownMember);
  EXPECT_EQ(Failed(unknown, Severity::kWarning), Checks{kInvalidRejected});
  EXPECT_TRUE(Failed(unknown, Severity::kError).empty());
  // A pattern violation: Smithy patterns are not anchored.
  Judgement pattern = Evaluate(Request("DeleteRepository", "{\"repositoryName\":\"abc!\"}"), Response(200, "{}"), MutationKind::kInvalidValue);
  EXPECT_EQ(Failed(pattern, Severity::kWarning), Checks{kInvalidRejected});
  // Duplicate keys: which one wins differs between parsers.
  Judgement dup = Evaluate(Request("DescribeRegistries", "{\"maxResults\":5,\"maxResults\":0}"), Response(200, "{}"), MutationKind::kDuplicateKey);
  EXPECT_EQ(Failed(dup, Severity::kWarning), Checks{kInvalidRejected});
}

TEST_F(JudgeTest, AnOperationWithoutValidationErrorsMayIgnoreUnknownMembers) {
  Judgement j = Evaluate(Request("GetRegistryCatalogData", "{\"bogus\":1}"), Response(200, "{\"registryCatalogData\":{}}"),
                         MutationKind::kUnknownMember);
  EXPECT_TRUE(j.failures.empty());
}

TEST_F(JudgeTest, ForeignContentTypeMayBeServedOrRefused) {
  EXPECT_TRUE(Evaluate(Request("DescribeRegistries", "{}", "application/json"), Response(200, "{}"), MutationKind::kWrongContentType).failures.empty());
  Judgement refused = Evaluate(Request("DescribeRegistries", "{}", "application/json"),
                               Response(400, R"({"__type":"InvalidAction","message":"no"})", "InvalidAction"), MutationKind::kWrongContentType);
  EXPECT_TRUE(refused.failures.empty());
}

TEST_F(JudgeTest, ServerErrorsAreFindings) {
  Judgement j = Evaluate(Request("DescribeRegistries", "{\"max"), Response(500, R"({"__type":"ServerException","message":"boom"})", "ServerException"),
                         MutationKind::kTruncatedJson);
  EXPECT_EQ(Failed(j, Severity::kError), Checks{kNoServerError});
  EXPECT_EQ(j.failures[0].observed, "HTTP 500 ServerException");
}

TEST_F(JudgeTest, DeclaredAndProtocolErrorsPass) {
  auto declared = Response(400, R"({"__type":"InvalidParameterException","message":"bad"})", "InvalidParameterException");
  Judgement j = Evaluate(Request("DescribeRegistries", "{\"maxResults\":0}"), declared, MutationKind::kOutOfRange);
  EXPECT_TRUE(j.failures.empty());
  EXPECT_TRUE(Exercised(j, kInvalidRejected));
  EXPECT_TRUE(Exercised(j, kErrorDeclared));
  EXPECT_TRUE(Exercised(j, kErrorShape));

  auto serialization = Response(400, R"({"__type":"SerializationException","message":"bad json"})", "SerializationException");
  EXPECT_TRUE(Evaluate(Request("DescribeRegistries", "{\"max"), serialization, MutationKind::kTruncatedJson).failures.empty());
  auto unknown_op = Response(400, R"({"__type":"UnknownOperationException","message":"?"})");
  EXPECT_TRUE(Evaluate(Request("NoSuchOperation", "{}"), unknown_op, MutationKind::kUnknownTarget).failures.empty());
  // A state-dependent error on a valid request is declared.
  auto not_found = Response(400, R"({"__type":"RepositoryNotFoundException","message":"no"})", "RepositoryNotFoundException");
  EXPECT_TRUE(Evaluate(Request("DeleteRepository", "{\"repositoryName\":\"ecrc-x\"}"), not_found).failures.empty());
}

TEST_F(JudgeTest, UntypedErrorIsAFinding) {
  Judgement j = Evaluate(Request("DescribeRegistries", "{\"max"), Response(400, R"({"message":"bad"})"), MutationKind::kTruncatedJson);
  EXPECT_EQ(Failed(j, Severity::kError), Checks{kErrorTyped});
}

TEST_F(JudgeTest, UndeclaredErrorIsAFinding) {
  Judgement j = Evaluate(Request("DescribeRegistries", "{\"maxResults\":0}"), Response(400, R"({"__type":"ValidationException","message":"bad"})"),
                         MutationKind::kOutOfRange);
  EXPECT_EQ(Failed(j, Severity::kError), Checks{kErrorDeclared});
  // A huge body may be refused by a front end with its own error: only a warning.
  Judgement huge = Evaluate(Request("DescribeRegistries", "{}"), Response(413, R"({"__type":"RequestEntityTooLargeException","message":"big"})"),
                            MutationKind::kHugeBody);
  EXPECT_EQ(Failed(huge, Severity::kWarning), Checks{kErrorDeclared});
}

TEST_F(JudgeTest, ValidRequestRefusedWithProtocolErrorIsAWarning) {
  auto serialization = Response(400, R"({"__type":"SerializationException","message":"?"})", "SerializationException");
  Judgement j = Evaluate(Request("DescribeRegistries", "{}"), serialization);
  EXPECT_EQ(Failed(j, Severity::kWarning), Checks{kErrorDeclared});
  // Unsigned, an authentication error is the expected answer.
  EXPECT_TRUE(Evaluate(Request("DescribeRegistries", "{}"), serialization, MutationKind::kNone, /*sign=*/false).failures.empty());
  auto auth = Response(403, R"({"__type":"MissingAuthenticationTokenException","message":"?"})");
  EXPECT_TRUE(Evaluate(Request("DescribeRegistries", "{}"), auth, MutationKind::kNone, /*sign=*/false).failures.empty());
}

TEST_F(JudgeTest, ErrorShapeFollowsTheContractChecks) {
  auto as_404 = Response(404, R"({"__type":"RepositoryNotFoundException","message":"no"})", "RepositoryNotFoundException");
  Judgement j = Evaluate(Request("DeleteRepository", "{\"repositoryName\":\"ecrc-x\"}"), as_404);
  EXPECT_EQ(Failed(j, Severity::kError), Checks{kErrorShape});
  EXPECT_EQ(j.failures[0].expected, "400");

  auto no_request_id = Response(400, R"({"__type":"InvalidParameterException","message":"bad"})", "InvalidParameterException", false);
  EXPECT_EQ(Failed(Evaluate(Request("DescribeRegistries", "{\"maxResults\":0}"), no_request_id, MutationKind::kOutOfRange), Severity::kError),
            Checks{kErrorShape});
}

TEST_F(JudgeTest, NoAnswerIsAFinding) {
  HttpRequest request = Request("DescribeRegistries", "{}");
  client::TransportResult timeout(client::TransportError{client::TransportErrorKind::kTimeout, "no complete response within 1 s"}, request);
  Judgement j = judge_.Evaluate(Inspect(*service_, request), InfoOf(MutationKind::kNone), true, timeout);
  EXPECT_EQ(Failed(j, Severity::kError), Checks{kAnswerInTime});
  EXPECT_NE(j.failures[0].message.find("no answer in time"), std::string::npos);
  EXPECT_EQ(j.exercised, Checks{kAnswerInTime});
}

TEST_F(JudgeTest, ASuccessToAValidRequestMustHaveTheOutputShape) {
  const char* good = R"({"registryCatalogData":{"displayName":"x"}})";
  Judgement fine = Evaluate(Request("GetRegistryCatalogData", "{}"), Response(200, good));
  EXPECT_TRUE(fine.failures.empty());
  EXPECT_TRUE(Exercised(fine, kSuccessShape));
  // registryCatalogData is required.
  Judgement missing = Evaluate(Request("GetRegistryCatalogData", "{}"), Response(200, "{}"));
  EXPECT_EQ(Failed(missing, Severity::kError), Checks{kSuccessShape});
  // Timestamps are epoch seconds, not strings.
  Judgement iso = Evaluate(Request("GetAuthorizationToken", "{}"),
                           Response(200, R"({"authorizationData":{"authorizationToken":"QVdTOng=","expiresAt":"2026-11-27T12:00:00Z"}})"));
  EXPECT_EQ(Failed(iso, Severity::kError), Checks{kSuccessShape});
  Judgement no_id = Evaluate(Request("GetRegistryCatalogData", "{}"), Response(200, good, nullptr, /*request_id=*/false));
  EXPECT_EQ(Failed(no_id, Severity::kError), Checks{kSuccessShape});
}

TEST_F(JudgeTest, EveryCheckFamilyIsDescribed) {
  for (const char* id : {kAnswerInTime, kNoServerError, kInvalidRejected, kErrorTyped, kErrorDeclared, kErrorShape, kSuccessShape, kEndpointSurvives,
                         kFixtureSetup}) {
    const CheckInfo* info = FindFuzzCheck(id);
    ASSERT_NE(info, nullptr) << id;
    EXPECT_NE(std::string(info->title), "");
    EXPECT_NE(std::string(info->source), "");
  }
  EXPECT_EQ(FindFuzzCheck("nope"), nullptr);
}

}  // namespace
}  // namespace ecrc::livefuzz
