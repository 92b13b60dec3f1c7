#include "sdk/request_rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "harness/codec/codec.h"
#include "harness/codec/sample.h"
#include "sdk/botocore_vectors.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

const spec::Service& Ecr() {
  static const auto service = spec::Service::Embedded();
  return *service;
}

std::string Describe(const RequestVerdict& v) {
  std::string out;
  for (const auto& f : v.failures) {
    out += f.rule + " [" + results::SeverityName(f.severity) + ", " + FailureKindName(f.kind) + "] at '" + f.path + "': " +
           f.message + "\n";
  }
  return out;
}

std::vector<std::string> Rules(const RequestVerdict& v) {
  std::vector<std::string> rules;
  for (const auto& f : v.failures) rules.push_back(f.rule);
  return rules;
}

// A request as botocore sends DescribeImages, with `body` instead of its own.
HttpRequest Request(std::string operation, std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/";
  r.headers.Add("Host", "api.ecr-public.us-east-1.amazonaws.com");
  r.headers.Add("X-Amz-Target", "SpencerFrontendService." + operation);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = std::move(body);
  return r;
}

HttpRequest DescribeImages() { return Request("DescribeImages", R"({"repositoryName":"team/repo","imageIds":[{"imageTag":"v1"}]})"); }

// Judges `r` and expects exactly `rule` to fail (once or more), each message holding `fragments`.
RequestVerdict ExpectOnly(const HttpRequest& r, const char* rule, std::vector<std::string> fragments = {},
                          std::string_view endpoint_path = "/", const spec::Service& service = Ecr()) {
  RequestVerdict v = JudgeRequest(service, r, endpoint_path);
  EXPECT_FALSE(v.failures.empty()) << "expected " << rule << " to fail";
  for (const auto& f : v.failures) {
    EXPECT_EQ(f.rule, rule) << Describe(v);
    for (const auto& fragment : fragments) EXPECT_NE(f.message.find(fragment), std::string::npos) << fragment << " in " << f.message;
  }
  return v;
}

// --- Correct requests pass ---

TEST(RequestRules, CodecEncodedSampleRequestsPassForEveryOperation) {
  ASSERT_EQ(Ecr().operations().size(), 23u);
  int judged = 0;
  for (const auto& [name, op] : Ecr().operations()) {
    for (bool maximal : {false, true}) {
      SCOPED_TRACE(name + (maximal ? " maximal" : " minimal"));
      auto input = codec::SampleValue(*op.input, {.maximal = maximal});
      ASSERT_TRUE(input.ok()) << input.status().message();
      HttpRequest r = codec::EncodeRequest(Ecr(), op, *input);
      RequestVerdict v = JudgeRequest(Ecr(), r);
      EXPECT_TRUE(v.ok()) << Describe(v);
      EXPECT_EQ(v.operation, &op);
      EXPECT_TRUE(v.input.is_object());
      EXPECT_EQ(v.input, codec::ValueToWire(*op.input, *input));
      ++judged;
    }
  }
  EXPECT_EQ(judged, 46);
}

TEST(RequestRules, EmptyBodyOnlyWhereTheInputHasNoMembers) {
  // Per the model, GetAuthorizationToken and GetRegistryCatalogData have inputs without members.
  std::vector<std::string> memberless;
  for (const auto& [name, op] : Ecr().operations()) {
    if (op.input->members.empty()) memberless.push_back(name);
  }
  EXPECT_EQ(memberless, (std::vector<std::string>{"GetAuthorizationToken", "GetRegistryCatalogData"}));
  for (const auto& name : memberless) {
    RequestVerdict v = JudgeRequest(Ecr(), Request(name, ""));
    EXPECT_TRUE(v.ok()) << Describe(v);
    EXPECT_EQ(v.input, json::object());
  }
  // DescribeRegistries has members (maxResults, nextToken), all optional: botocore sends {}.
  EXPECT_TRUE(JudgeRequest(Ecr(), Request("DescribeRegistries", "{}")).ok());
  auto v = ExpectOnly(Request("DescribeRegistries", ""), kRuleRequestBodyJsonObject, {"empty body", "DescribeRegistries", "'{}'"});
  EXPECT_TRUE(v.input.is_null());
}

TEST(RequestRules, EndpointPathIsTheEndpoints) {
  HttpRequest r = DescribeImages();
  r.path = "/base/path";
  EXPECT_TRUE(JudgeRequest(Ecr(), r, "/base/path").ok());
  EXPECT_TRUE(JudgeRequest(Ecr(), DescribeImages(), "").ok());  // no path at all is "/"
}

// --- One request per rule, breaking exactly it ---

TEST(RequestRules, MethodMustBePost) {
  for (const char* method : {"GET", "PUT", "post"}) {
    HttpRequest r = DescribeImages();
    r.method = method;
    ExpectOnly(r, kRuleRequestMethodPost, {"POST", std::string("'") + method + "'"});
  }
}

TEST(RequestRules, PathMustBeTheEndpointsWithoutQuery) {
  HttpRequest r = DescribeImages();
  r.path = "/v1";
  ExpectOnly(r, kRuleRequestPath, {"'/'", "'/v1'"});
  r.path = "/?Action=DescribeImages";
  ExpectOnly(r, kRuleRequestPath, {"'/?Action=DescribeImages'"});
  r.path = "/";
  ExpectOnly(r, kRuleRequestPath, {"'/base/path'", "found '/'"}, "/base/path");
  r.path = "/base/path/";  // not what botocore sends for endpoint_url .../base/path
  ExpectOnly(r, kRuleRequestPath, {}, "/base/path");
}

TEST(RequestRules, TargetMustNameAModelledOperationWithTheModelsPrefix) {
  HttpRequest r = DescribeImages();
  r.headers.Set("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribeImages");  // private ECR's prefix
  auto v = ExpectOnly(r, kRuleRequestTarget, {"SpencerFrontendService.<Operation>", "AmazonEC2ContainerRegistry_V20150921"});
  EXPECT_EQ(v.operation, nullptr);
  EXPECT_TRUE(v.input.is_object());  // the body is still one object, just not judged against a shape

  r.headers.Set("X-Amz-Target", "SpencerFrontendService.DescribeImage");
  ExpectOnly(r, kRuleRequestTarget, {"'DescribeImage' is not an operation"});
  r.headers.Set("X-Amz-Target", "SpencerFrontendService.describeImages");
  ExpectOnly(r, kRuleRequestTarget, {"case-sensitive", "'DescribeImages'"});
  r.headers.Set("X-Amz-Target", "SpencerFrontendService.");
  ExpectOnly(r, kRuleRequestTarget);
  r.headers.Set("X-Amz-Target", "DescribeImages");
  ExpectOnly(r, kRuleRequestTarget, {"found 'DescribeImages'"});

  HttpRequest none = DescribeImages();
  none.headers.entries.erase(none.headers.entries.begin() + 1);
  ExpectOnly(none, kRuleRequestTarget, {"found none"});

  HttpRequest twice = DescribeImages();
  twice.headers.Add("x-amz-target", "SpencerFrontendService.DescribeImages");
  v = ExpectOnly(twice, kRuleRequestTarget, {"found 2"});
  EXPECT_NE(v.operation, nullptr);  // both name the same operation, so the body is still judged
  twice.headers.Set("X-Amz-Target", "SpencerFrontendService.DescribeImages");
  twice.headers.Add("X-Amz-Target", "SpencerFrontendService.PutImage");
  v = ExpectOnly(twice, kRuleRequestTarget, {"found 2", "PutImage"});
  EXPECT_EQ(v.operation, nullptr);
}

TEST(RequestRules, ContentTypeIsTheModelsJsonVersion) {
  for (const char* accepted : {"application/x-amz-json-1.1", "Application/X-Amz-Json-1.1", "application/x-amz-json-1.1; charset=utf-8",
                               "application/x-amz-json-1.1;charset=\"UTF-8\""}) {
    HttpRequest r = DescribeImages();
    r.headers.Set("Content-Type", accepted);
    EXPECT_TRUE(JudgeRequest(Ecr(), r).ok()) << accepted;
  }
  for (const char* refused : {"application/json", "application/x-amz-json-1.0", "application/x-amz-json-1.1; charset=iso-8859-1",
                              "application/x-amz-json-1.1; version=2", "", "application/x-amz-json-1.1x"}) {
    HttpRequest r = DescribeImages();
    r.headers.Set("Content-Type", refused);
    ExpectOnly(r, kRuleRequestContentType, {"application/x-amz-json-1.1", std::string("'") + refused});
  }
  HttpRequest none = DescribeImages();
  none.headers.entries.erase(none.headers.entries.begin() + 2);
  ExpectOnly(none, kRuleRequestContentType, {"found none"});
  HttpRequest twice = DescribeImages();
  twice.headers.Add("Content-Type", "application/x-amz-json-1.1");
  ExpectOnly(twice, kRuleRequestContentType);
}

TEST(RequestRules, BodyMustBeOneJsonObject) {
  for (const char* body : {"[]", "\"text\"", "null", "42", "{\"repositoryName\":\"team/repo\"", "{} {}", "repositoryName=r"}) {
    SCOPED_TRACE(body);
    auto v = ExpectOnly(Request("DescribeImages", body), kRuleRequestBodyJsonObject, {"one JSON object"});
    EXPECT_TRUE(v.input.is_null());
    EXPECT_NE(v.operation, nullptr);
  }
}

TEST(RequestRules, DuplicateKeysAtTheTopAndNested) {
  auto v = ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/a","repositoryName":"team/b"})"), kRuleRequestNoDuplicateKeys,
                      {"'repositoryName' again"});
  EXPECT_EQ(v.failures[0].path, "repositoryName");
  v = ExpectOnly(Request("DescribeImages",
                         R"({"repositoryName":"team/repo","imageIds":[{"imageTag":"a"},{"imageTag":"b","imageDigest":"sha256:)" +
                             std::string(64, 'a') + R"(","imageTag":"c"}]})"),
                 kRuleRequestNoDuplicateKeys, {"'imageIds[1].imageTag' again"});
  ASSERT_EQ(v.failures.size(), 1u);
  EXPECT_EQ(v.failures[0].path, "imageIds[1].imageTag");
  // The same key in sibling objects is no duplicate.
  EXPECT_TRUE(JudgeRequest(Ecr(), Request("DescribeImages", R"({"repositoryName":"team/repo","imageIds":[{"imageTag":"a"},{"imageTag":"b"}]})")).ok());
  // Nested deeper than the model, under a member no shape knows: still found (and the member is unknown).
  v = JudgeRequest(Ecr(), Request("DescribeImages", R"({"repositoryName":"team/repo","x":[[{"k":{"a":1,"a":2}}]]})"));
  EXPECT_EQ(Rules(v), (std::vector<std::string>{kRuleRequestNoDuplicateKeys, kRuleRequestMemberKnown})) << Describe(v);
  EXPECT_EQ(v.failures[0].path, "x[0][0].k.a");
}

TEST(RequestRules, OnlyModelledMembersAtEveryLevel) {
  auto v = ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","RepositoryName":"r"})"), kRuleRequestMemberKnown,
                      {"'RepositoryName'", "DescribeImagesRequest"});
  EXPECT_EQ(v.failures[0].path, "RepositoryName");
  v = ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","imageIds":[{"imageTag":"v1","tag":"v1"}]})"),
                 kRuleRequestMemberKnown, {"'imageIds[0].tag'"});
  EXPECT_EQ(v.failures[0].path, "imageIds[0].tag");
}

TEST(RequestRules, MembersOfTheRightJsonType) {
  auto v = ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","maxResults":"5"})"), kRuleRequestMemberType,
                      {"integer", "found the string '5'"});
  EXPECT_EQ(v.failures[0].path, "maxResults");
  ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","maxResults":5.5})"), kRuleRequestMemberType, {"5.5"});
  ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","imageIds":{"imageTag":"v1"}})"), kRuleRequestMemberType, {"list"});
  ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","imageIds":["v1"]})"), kRuleRequestMemberType, {"structure"});
  ExpectOnly(Request("DeleteRepository", R"({"repositoryName":"team/repo","force":"true"})"), kRuleRequestMemberType, {"boolean"});
  ExpectOnly(Request("DescribeImages", R"({"repositoryName":7})"), kRuleRequestMemberType, {"string", "found the integer 7"});
  // A null inside a list: lists are not sparse in this model, so it is a wrong value, not an absent one.
  v = ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","imageIds":[null]})"), kRuleRequestMemberType);
  EXPECT_EQ(v.failures[0].path, "imageIds[0]");
}

std::string UploadLayerPart(const std::string& blob_json) {
  return R"({"repositoryName":"team/repo","uploadId":"0f8fad5b-d9cb-469f-a165-70867728950e","partFirstByte":0,"partLastByte":4,"layerPartBlob":)" + blob_json + "}";
}

TEST(RequestRules, BlobsAsValidBase64) {
  EXPECT_TRUE(JudgeRequest(Ecr(), Request("UploadLayerPart", UploadLayerPart(R"("AP8KFQ0=")"))).ok());
  auto v = ExpectOnly(Request("UploadLayerPart", UploadLayerPart(R"("\u0000\u00ff\n")")), kRuleRequestBlobBase64, {"base64"});
  EXPECT_EQ(v.failures[0].path, "layerPartBlob");
  ExpectOnly(Request("UploadLayerPart", UploadLayerPart(R"("AP8KFQ0")")), kRuleRequestBlobBase64);  // padding dropped
  // Raw bytes as an array of numbers (what a serializer without blob support writes).
  ExpectOnly(Request("UploadLayerPart", UploadLayerPart("[0,255,10,21,13]")), kRuleRequestBlobBase64, {"found an array of 5 items"});
  ExpectOnly(Request("CreateRepository", R"({"repositoryName":"team/repo","catalogData":{"logoImageBlob":"not base64!"}})"),
             kRuleRequestBlobBase64);
}

// The ECR Public model with a timestamp member in an input (it has none): the rule is generic.
std::shared_ptr<const spec::Service> ModelWith(const std::function<void(json&)>& edit) {
  std::ifstream in(std::string(ECRC_SOURCE_DIR) + "/specs/ecr-public/2020-10-30/service-2.json");
  std::stringstream text;
  text << in.rdbuf();
  json model = json::parse(text.str());
  edit(model);
  auto service = spec::Service::Load(model.dump(), "");
  EXPECT_TRUE(service.ok()) << service.status().message();
  return *service;
}

TEST(RequestRules, TimestampsAsEpochSecondNumbers) {
  auto service = ModelWith([](json& m) {
    m["shapes"]["DescribeRegistriesRequest"]["members"]["since"] = {{"shape", "CreationTimestamp"}};
  });
  for (const char* ok : {"1704067200", "1704067200.5", "0"}) {
    EXPECT_TRUE(JudgeRequest(*service, Request("DescribeRegistries", std::string(R"({"since":)") + ok + "}")).ok()) << ok;
  }
  auto v = ExpectOnly(Request("DescribeRegistries", R"({"since":"2024-01-01T00:00:00Z"})"), kRuleRequestTimestampEpoch,
                      {"epoch seconds", "'2024-01-01T00:00:00Z'"}, "/", *service);
  EXPECT_EQ(v.failures[0].path, "since");
  ExpectOnly(Request("DescribeRegistries", R"({"since":"1704067200"})"), kRuleRequestTimestampEpoch, {}, "/", *service);
}

TEST(RequestRules, TargetPrefixAndContentTypeComeFromTheModel) {
  auto service = ModelWith([](json& m) {
    m["metadata"]["targetPrefix"] = "OtherFrontend_2024";
    m["metadata"]["jsonVersion"] = "1.0";
  });
  HttpRequest r = DescribeImages();
  auto v = JudgeRequest(*service, r);
  EXPECT_EQ(Rules(v), (std::vector<std::string>{kRuleRequestTarget, kRuleRequestContentType})) << Describe(v);
  r.headers.Set("X-Amz-Target", "OtherFrontend_2024.DescribeImages");
  r.headers.Set("Content-Type", "application/x-amz-json-1.0");
  EXPECT_TRUE(JudgeRequest(*service, r).ok()) << Describe(JudgeRequest(*service, r));
}

TEST(RequestRules, NullForAnAbsentMemberIsAWarning) {
  auto v = ExpectOnly(Request("DescribeImages", R"({"repositoryName":"team/repo","nextToken":null,"imageIds":[{"imageTag":"v1","imageDigest":null}]})"),
                      kRuleRequestNoNull, {"null"});
  ASSERT_EQ(v.failures.size(), 2u);  // in the model's member order
  EXPECT_EQ(v.failures[0].path, "imageIds[0].imageDigest");
  EXPECT_EQ(v.failures[1].path, "nextToken");
  for (const auto& f : v.failures) {
    EXPECT_EQ(f.severity, results::Severity::kWarning);
    EXPECT_EQ(f.kind, FailureKind::kWire);
  }
  EXPECT_TRUE(v.WireOk());
  EXPECT_FALSE(v.ok());
}

TEST(RequestRules, ConstraintViolationsAreCallerInputNotWireFaults) {
  struct Case {
    const char* body;
    const char* path;
    const char* constraint;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"repositoryName":"Team/Repo"})", "repositoryName", "pattern"},           // uppercase
           {R"({"repositoryName":"team/repo","maxResults":0})", "maxResults", "range"},          // min 1
           {R"({"repositoryName":"team/repo","imageIds":[]})", "imageIds", "length"},            // min 1
           {R"({})", "repositoryName", "required"},                                      // required, absent
           {R"({"repositoryName":null})", "repositoryName", "required"}}) {              // required, null (and a warning)
    SCOPED_TRACE(c.body);
    RequestVerdict v = JudgeRequest(Ecr(), Request("DescribeImages", c.body));
    ASSERT_FALSE(v.failures.empty());
    EXPECT_EQ(v.failures[0].rule, kRuleRequestInputConstraint) << Describe(v);
    EXPECT_EQ(v.failures[0].kind, FailureKind::kCallerInput);
    EXPECT_EQ(v.failures[0].severity, results::Severity::kError);
    EXPECT_EQ(v.failures[0].path, c.path);
    EXPECT_EQ(v.failures[0].message.rfind(c.constraint, 0), 0u) << v.failures[0].message;
    for (size_t i = 1; i < v.failures.size(); ++i) EXPECT_EQ(v.failures[i].rule, kRuleRequestNoNull) << Describe(v);
    EXPECT_TRUE(v.WireOk()) << Describe(v);
    EXPECT_TRUE(v.input.is_object());  // the judge compares it with the case's input
  }
  RequestVerdict v = JudgeRequest(Ecr(), Request("PutRegistryCatalogData", R"({"displayName":")" + std::string(101, 'x') + "\"}"));
  ASSERT_EQ(Rules(v), std::vector<std::string>{kRuleRequestInputConstraint}) << Describe(v);
  EXPECT_NE(v.failures[0].message.find("less than or equal to 100"), std::string::npos) << v.failures[0].message;
}

// --- Malformed requests: a verdict, never a crash ---

TEST(RequestRules, MalformedBodiesAreRuleFailures) {
  std::string deep = std::string(65, '[') + std::string(65, ']');
  std::string deep_object = "{\"repositoryName\":\"team/repo\",\"x\":" + std::string(64, '[') + std::string(64, ']') + "}";
  std::vector<std::pair<std::string, std::string>> cases = {
      {"{\"repositoryName\":\"\xff\xfe\"}", "not UTF-8 at offset 19"},
      {"{\"repositoryName\":\"\xed\xa0\x80\"}", "not UTF-8"},  // an encoded surrogate
      {"{\"repositoryName\":\"\\ud800\"}", "not JSON"},       // an escaped lone surrogate
      {deep, "nesting at most 64"},
      {deep_object, "nesting at most 64"},
      {std::string(33 << 20, ' ') + "{}", "found 34603010 bytes"},
      {std::string("{\"a\":1}\0", 8), "not JSON"},
  };
  for (const auto& [body, fragment] : cases) {
    SCOPED_TRACE(body.substr(0, 40));
    auto v = ExpectOnly(Request("DescribeImages", body), kRuleRequestBodyJsonObject, {fragment});
    EXPECT_EQ(v.failures.size(), 1u);
  }
  // 64 levels is within bounds: judged, the unknown member reported.
  std::string at_limit = "{\"repositoryName\":\"team/repo\",\"x\":" + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_EQ(Rules(JudgeRequest(Ecr(), Request("DescribeImages", at_limit))), std::vector<std::string>{kRuleRequestMemberKnown});
}

TEST(RequestRules, MalformedHeadersAndHugeValuesAreCutShort) {
  HttpRequest r = DescribeImages();
  r.headers.Set("X-Amz-Target", std::string(1 << 20, 'A'));
  r.headers.Set("Content-Type", std::string(1 << 20, '\xff'));
  r.method = std::string(1 << 20, 'G');
  r.path = std::string(1 << 20, '/');
  RequestVerdict v = JudgeRequest(Ecr(), r);
  EXPECT_EQ(Rules(v), (std::vector<std::string>{kRuleRequestMethodPost, kRuleRequestPath, kRuleRequestTarget, kRuleRequestContentType}));
  for (const auto& f : v.failures) EXPECT_LT(f.message.size(), 1000u) << f.rule;
}

TEST(RequestRules, FailuresAreCapped) {
  std::string body = "{\"repositoryName\":\"team/repo\"";
  for (int i = 0; i < 100000; ++i) body += ",\"m" + std::to_string(i) + "\":1";
  body += "}";
  RequestVerdict v = JudgeRequest(Ecr(), Request("DescribeImages", body));
  EXPECT_EQ(v.failures.size(), 100u);
  EXPECT_TRUE(v.Fails(kRuleRequestMemberKnown));
  std::string dups = "{\"repositoryName\":\"team/repo\"";
  for (int i = 0; i < 100000; ++i) dups += ",\"repositoryName\":\"team/repo\"";
  dups += "}";
  EXPECT_EQ(JudgeRequest(Ecr(), Request("DescribeImages", dups)).failures.size(), 100u);
}

// --- botocore's requests: a real SDK's correct wire output passes ---

TEST(RequestRulesBotocore, BotocoreSerializedRequestsPassEveryRule) {
  std::string skip;
  auto vectors = BotocoreVectors(100, &skip);
  if (!skip.empty()) GTEST_SKIP() << skip;
  ASSERT_EQ(vectors.size(), 100u);
  std::map<std::string, int> operations;
  int raw = 0, caller_input = 0;
  for (size_t i = 0; i < vectors.size(); ++i) {
    const BotocoreVector& vec = vectors[i];
    SCOPED_TRACE("vector " + std::to_string(i) + " (" + vec.kind + ", endpoint '" + vec.endpoint + "')");
    RequestVerdict v = JudgeRequest(Ecr(), vec.request, EndpointPath(vec.endpoint));
    if (vec.kind.rfind("client:", 0) == 0) {
      // botocore validates types and required members, not patterns: its input with an uploadId
      // that is no UUID goes out as sent, the caller's input and no wire fault.
      EXPECT_TRUE(v.WireOk()) << Describe(v);
      for (const auto& f : v.failures) {
        EXPECT_EQ(f.rule, kRuleRequestInputConstraint) << Describe(v);
        EXPECT_EQ(f.kind, FailureKind::kCallerInput);
        caller_input += f.path == "uploadId" && vec.kind == "client:upload_layer_part";
      }
      ASSERT_NE(v.operation, nullptr);
      ++operations[v.operation->name];
      // What the judge parsed is what botocore serialized.
      EXPECT_EQ(v.input, json::parse(vec.request.body));
    } else {
      // Bare SigV4Auth requests with made-up bodies ({"n", "text"} or none) and paths: never an SDK's.
      EXPECT_FALSE(v.ok());
      EXPECT_FALSE(v.WireOk()) << Describe(v);
      ++raw;
    }
  }
  EXPECT_EQ(raw, 10);
  EXPECT_EQ(operations.size(), 12u);
  EXPECT_EQ(caller_input, operations["UploadLayerPart"]);
}

}  // namespace
}  // namespace ecrc::sdk
