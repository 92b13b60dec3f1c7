// Wire behaviour of the reference server through Server::Handle: framing, protocol errors,
// validation errors, headers, body cap.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <regex>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

using ::testing::HasSubstr;

const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

TEST(ServerWire, SuccessCarriesJsonContentTypeAndRequestId) {
  TestServer t;
  Reply r = t.Call("GetRegistryCatalogData");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(*r.raw.headers.Find("content-type"), "application/x-amz-json-1.1");
  const std::string* id = r.raw.headers.Find("x-amzn-requestid");
  ASSERT_NE(id, nullptr);
  EXPECT_TRUE(std::regex_match(*id, kUuid)) << *id;
  EXPECT_EQ(r.body, (json{{"registryCatalogData", json::object()}}));
  // Request ids differ per request.
  EXPECT_NE(*t.Call("GetRegistryCatalogData").raw.headers.Find("x-amzn-requestid"), *id);
}

TEST(ServerWire, ErrorsCarryTypeInBodyAndHeader) {
  TestServer t;
  Reply r = t.Call("DescribeImages", {{"repositoryName", "missing"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["__type"], "RepositoryNotFoundException");
  EXPECT_EQ(*r.raw.headers.Find("x-amzn-errortype"), "RepositoryNotFoundException");
  EXPECT_THAT(r.message, HasSubstr("missing"));
  EXPECT_EQ(*r.raw.headers.Find("content-type"), "application/x-amz-json-1.1");
  EXPECT_NE(r.raw.headers.Find("x-amzn-requestid"), nullptr);
  // Only __type and message: every ECR Public exception but InvalidLayerPart has just message.
  EXPECT_EQ(r.body.size(), 2u);
}

TEST(ServerWire, EmptyBodyIsAcceptedForOperationsWithoutInput) {
  TestServer t;
  HttpRequest request;
  request.headers.Add("X-Amz-Target", "SpencerFrontendService.GetAuthorizationToken");
  request.headers.Add("Content-Type", "application/x-amz-json-1.1");
  EXPECT_EQ(t.Send(request).status, 200);
}

TEST(ServerWire, ProtocolErrors) {
  TestServer t;
  HttpRequest no_target;
  no_target.headers.Add("Content-Type", "application/x-amz-json-1.1");
  no_target.body = "{}";
  Reply r = t.Send(no_target);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "MissingAction");

  // AWS JSON services' code for a target they cannot route (InvalidAction is the query protocol's).
  EXPECT_EQ(t.CallRaw("NoSuchOperation", "{}").code, "UnknownOperationException");

  HttpRequest wrong_type;
  wrong_type.headers.Add("X-Amz-Target", "SpencerFrontendService.GetAuthorizationToken");
  wrong_type.headers.Add("Content-Type", "text/plain");
  wrong_type.body = "{}";
  r = t.Send(wrong_type);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "InvalidAction");

  for (const char* body : {"{", "[]", "\"x\"", "nul", "{\"repositoryName\":}"}) {
    r = t.CallRaw("CreateRepository", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(r.code, "SerializationException") << body;
    EXPECT_NE(r.raw.headers.Find("x-amzn-requestid"), nullptr);
  }
}

TEST(ServerWire, WrongJsonTypesAreSerializationErrors) {
  TestServer t;
  // A string for an integer, a number for a string, an object for a list, a string for a boolean.
  for (auto [op, body] : std::vector<std::pair<const char*, const char*>>{
           {"DescribeRepositories", R"({"maxResults":"5"})"},
           {"DescribeRepositories", R"({"nextToken":5})"},
           {"DescribeRepositories", R"({"repositoryNames":{}})"},
           {"DeleteRepository", R"({"repositoryName":"app","force":"true"})"},
           {"CreateRepository", R"({"repositoryName":"app","catalogData":[]})"}}) {
    Reply r = t.CallRaw(op, body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(r.code, "SerializationException") << body;
  }
  // A constraint violation of a well-typed member stays a validation error.
  EXPECT_EQ(t.CallRaw("DescribeRepositories", R"({"maxResults":0})").code, "InvalidParameterException");
}

TEST(ServerWire, AcceptWrongJsonTypesFaultCoercesScalars) {
  Options options = TestOptions();
  options.faults.Add(Fault::kAcceptWrongJsonTypes);
  TestServer t(options);
  EXPECT_EQ(t.CallRaw("DescribeRepositories", R"({"maxResults":"5"})").status, 200);
  // What cannot be coerced is still refused, as a validation error.
  EXPECT_EQ(t.CallRaw("DescribeRepositories", R"({"repositoryNames":{}})").code, "InvalidParameterException");
}

TEST(ServerWire, OnlyPostSlashIsServed) {
  TestServer t;
  HttpRequest get;
  get.method = "GET";
  get.headers.Add("X-Amz-Target", "SpencerFrontendService.GetAuthorizationToken");
  get.headers.Add("Content-Type", "application/x-amz-json-1.1");
  EXPECT_EQ(t.Send(get).status, 404);
  HttpRequest other_path = get;
  other_path.method = "POST";
  other_path.path = "/v2/";
  EXPECT_EQ(t.Send(other_path).status, 404);
}

TEST(ServerWire, ShapeViolationsAreInvalidParameterWithAwsMessage) {
  TestServer t;
  Reply r = t.Call("CreateRepository", {{"repositoryName", "Bad--Name"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "InvalidParameterException");
  EXPECT_THAT(r.message, HasSubstr("Invalid parameter at 'repositoryName' failed to satisfy constraint: 'Member must "
                                   "satisfy regular expression pattern"));
  r = t.Call("DescribeRepositories", {{"maxResults", 1001}});
  EXPECT_EQ(r.code, "InvalidParameterException");
  EXPECT_THAT(r.message, HasSubstr("'maxResults' failed to satisfy constraint: 'Member must have value less than or equal to 1000'"));
  EXPECT_EQ(t.Call("DescribeRepositories", {{"maxResults", 0}}).code, "InvalidParameterException");
  // A missing required member (U in the fact sheet: InvalidParameterException is the best guess).
  EXPECT_EQ(t.Call("CreateRepository", json::object()).code, "InvalidParameterException");
  // Members the model does not know. (Wrong JSON types are SerializationException: see below.)
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", "ok"}, {"bogus", 1}}).code, "InvalidParameterException");
  // Huge numbers do not crash the validator or the handlers: one past int64 is out of range, one
  // that only a double holds is not an integer at all.
  EXPECT_EQ(t.CallRaw("DescribeRepositories", R"({"maxResults":9223372036854775808})").code, "InvalidParameterException");
  EXPECT_EQ(t.CallRaw("DescribeRepositories", R"({"maxResults":22222222222222222222222222222})").code,
            "SerializationException");
}

TEST(ServerWire, OperationWithoutInvalidParameterIgnoresUnknownMembers) {
  // GetRegistryCatalogData declares no InvalidParameterException.
  TestServer t;
  EXPECT_EQ(t.CallRaw("GetRegistryCatalogData", R"({"extra":1})").status, 200);
}

TEST(ServerWire, BodyCapGives413) {
  Options options = TestOptions();
  options.max_body_bytes = 1000;
  TestServer t(options);
  Reply r = t.CallRaw("CreateRepository", "{\"repositoryName\":\"" + std::string(2000, 'a') + "\"}");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.code, "RequestEntityTooLargeException");
}

TEST(ServerWire, EveryOperationHasAHandler) {
  TestServer t;
  for (const auto& [name, op] : t.server().service().operations()) EXPECT_NE(FindHandler(name), nullptr) << name;
}

TEST(ServerWire, GarbageNeverGives5xx) {
  TestServer t;
  // Every operation with an empty object, and with members of the wrong kinds where validation
  // catches them: 200 or 400, never 5xx.
  for (const auto& [name, op] : t.server().service().operations()) {
    for (const char* body : {"{}", "{\"repositoryName\":\"x\"}", "{\"repositoryName\":[1]}", "{\"maxResults\":-1}"}) {
      Reply r = t.CallRaw(name, body);
      EXPECT_LT(r.status, 500) << name << " " << body << " " << r.raw.body;
    }
  }
}

TEST(ServerWire, NoValidationFaultStillNeverCrashes) {
  Options options = TestOptions();
  options.faults.Add(Fault::kNoInputValidation);
  TestServer t(options);
  for (const auto& [name, op] : t.server().service().operations()) {
    for (const char* body :
         {"{}", "{\"repositoryName\":5}", "{\"imageIds\":[5,null,{}]}", "{\"layerDigests\":\"x\"}",
          "{\"tags\":[{\"Key\":1}]}", "{\"maxResults\":99999999999999999999}", "{\"partFirstByte\":-5,\"partLastByte\":-9}",
          "{\"imageManifest\":{}}", "{\"catalogData\":[]}", "{\"resourceArn\":\"arn:aws:ecr-public::1:repository/\"}"}) {
      Reply r = t.CallRaw(name, body);
      EXPECT_LT(r.status, 500) << name << " " << body << " " << r.raw.body;
    }
  }
}

// Random members of random kinds for every operation, with and without validation: the answer is
// always 200 or 4xx (a cheap, deterministic stand-in for the fuzz targets).
TEST(ServerWire, RandomisedInputsNeverGive5xx) {
  for (bool validate : {true, false}) {
    Options options = TestOptions();
    if (!validate) options.faults.Add(Fault::kNoInputValidation);
    TestServer t(options);
    t.CreateRepository("app");
    t.PushImage("app", "seed", "latest");
    std::mt19937 rng(validate ? 1 : 2);
    const std::vector<json> pool = {
        nullptr, true, 0, -1, 1, 5, 1000, 1001, json(int64_t{1} << 40), json(-(int64_t{1} << 62)), 2.5, "", "app", "x",
        "sha256:" + std::string(64, 'a'), "sha256:zz", "8a4a1d2e-6b9c-4c6e-9b1f-2f3e4d5c6b7a", "YWJj", "aws:k",
        t.RepositoryArn("app"), "arn:aws:ecr-public::123456789012:repository/", std::string(300, 'q'), json::array(),
        json::array({"app", 1}), json::array({json::object()}), json::array({{{"Key", "k"}, {"Value", "v"}}}),
        json::array({{{"imageTag", "latest"}}, {{"imageDigest", "x"}}}), json::object(),
        {{"description", 5}, {"logoImageBlob", "!!"}}, {{"imageTag", json::array()}}};
    for (const auto& [name, op] : t.server().service().operations()) {
      for (int i = 0; i < 150; ++i) {
        json input = json::object();
        for (const auto& m : op.input->members) {
          if (rng() % 3 == 0) continue;
          input[m.name] = pool[rng() % pool.size()];
        }
        Reply r = t.CallRaw(name, input.dump());
        ASSERT_LT(r.status, 500) << name << " " << input.dump() << " -> " << r.raw.body;
      }
    }
  }
}

}  // namespace
}  // namespace ecrc::server::testing
