#include "harness/codec/codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/codec/sample.h"
#include "harness/codec/validator.h"

namespace ecrc::codec {
namespace {

using nlohmann::json;

std::shared_ptr<const spec::Service> Svc() { return spec::Service::Embedded(); }

// The server-side decode of what the client-side encode produced.
Value RoundTrip(const spec::Operation& op, const Value& input) {
  HttpRequest request = EncodeRequest(*Svc(), op, input);
  auto decoded = DecodeRequest(*Svc(), request);
  EXPECT_TRUE(std::holds_alternative<DecodedRequest>(decoded)) << op.name;
  if (!std::holds_alternative<DecodedRequest>(decoded)) return json();
  const auto& d = std::get<DecodedRequest>(decoded);
  EXPECT_EQ(d.op, &op);
  EXPECT_TRUE(d.violations.empty()) << op.name << ": " << AwsValidationMessage(d.violations);
  return d.input;
}

TEST(Codec, EncodesTheAwsJson11Frame) {
  const auto* op = Svc()->FindOperation("CreateRepository");
  HttpRequest r = EncodeRequest(*Svc(), *op, json{{"repositoryName", "app"}});
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/");
  EXPECT_EQ(*r.headers.Find("x-amz-target"), "SpencerFrontendService.CreateRepository");
  EXPECT_EQ(*r.headers.Find("content-type"), "application/x-amz-json-1.1");
  EXPECT_EQ(json::parse(r.body), (json{{"repositoryName", "app"}}));
  // An operation without parameters still sends {}.
  HttpRequest empty = EncodeRequest(*Svc(), *Svc()->FindOperation("GetAuthorizationToken"), json());
  EXPECT_EQ(empty.body, "{}");
}

TEST(Codec, EncodesBlobsAsBase64) {
  const auto* op = Svc()->FindOperation("UploadLayerPart");
  Value input = {{"repositoryName", "app"}, {"uploadId", "8a4a1d2e-6b9c-4c6e-9b1f-2f3e4d5c6b7a"},
                 {"partFirstByte", 0}, {"partLastByte", 2}, {"layerPartBlob", BlobValue("abc")}};
  HttpRequest r = EncodeRequest(*Svc(), *op, input);
  EXPECT_EQ(json::parse(r.body)["layerPartBlob"], "YWJj");
  EXPECT_EQ(RoundTrip(*op, input), input);
}

TEST(Codec, EveryOperationRoundTripsItsMinimalAndMaximalInput) {
  for (const auto& [name, op] : Svc()->operations()) {
    for (bool maximal : {false, true}) {
      auto input = SampleValue(*op.input, {.maximal = maximal});
      ASSERT_TRUE(input.ok()) << name << ": " << input.status().message();
      EXPECT_TRUE(Validate(*op.input, ValueToWire(*op.input, *input)).empty()) << name;
      EXPECT_EQ(RoundTrip(op, *input), *input) << name << (maximal ? " (maximal)" : " (minimal)");
    }
  }
}

TEST(Codec, EveryOperationsMinimalAndMaximalOutputValidatesClean) {
  for (const auto& [name, op] : Svc()->operations()) {
    for (bool maximal : {false, true}) {
      auto output = SampleValue(*op.output, {.maximal = maximal});
      ASSERT_TRUE(output.ok()) << name;
      HttpResponse response{200, {}, ValueToWire(*op.output, *output).dump()};
      response.headers.Add("Content-Type", kJsonContentType);
      DecodedResponse decoded = DecodeResponse(*Svc(), op, response);
      EXPECT_FALSE(decoded.is_error);
      EXPECT_TRUE(decoded.findings.empty()) << name << ": " << AwsValidationMessage(decoded.findings);
      EXPECT_EQ(decoded.output, *output) << name;
    }
  }
}

TEST(Codec, OperationWithoutOutputMayAnswerWithAnEmptyBody) {
  DecodedResponse decoded = DecodeResponse(*Svc(), *Svc()->FindOperation("TagResource"), HttpResponse{200, {}, ""});
  EXPECT_TRUE(decoded.findings.empty());
  DecodedResponse described = DecodeResponse(*Svc(), *Svc()->FindOperation("DescribeRegistries"), HttpResponse{200, {}, ""});
  ASSERT_FALSE(described.findings.empty());
  EXPECT_EQ(described.findings[0].kind, ViolationKind::kContentType);
}

TEST(Codec, ResponseFramingProblemsAreFindings) {
  const auto* op = Svc()->FindOperation("GetRegistryCatalogData");
  HttpResponse wrong_type{200, {}, R"({"registryCatalogData":{}})"};
  wrong_type.headers.Add("Content-Type", "application/json");
  auto d = DecodeResponse(*Svc(), *op, wrong_type);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].kind, ViolationKind::kContentType);
  EXPECT_THAT(d.findings[0].constraint, ::testing::HasSubstr("'application/json'"));

  HttpResponse not_json{200, {}, "<html>"};
  not_json.headers.Add("Content-Type", kJsonContentType);
  d = DecodeResponse(*Svc(), *op, not_json);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].kind, ViolationKind::kBody);
}

TEST(Codec, TypeMismatchesAreSerializationErrors) {
  const spec::Operation& op = *Svc()->FindOperation("DescribeRepositories");
  auto violations_of = [&](const char* body) {
    HttpRequest r = EncodeRequest(*Svc(), op, json::object());
    r.body = body;
    return std::get<DecodedRequest>(DecodeRequest(*Svc(), r)).violations;
  };
  // A string for an integer, a number for a string, an object for a list.
  for (const char* body : {R"({"maxResults":"5"})", R"({"nextToken":5})", R"({"repositoryNames":{}})",
                           R"({"repositoryNames":[7]})"}) {
    auto error = TypeMismatchError(violations_of(body));
    ASSERT_TRUE(error.has_value()) << body;
    EXPECT_EQ(error->status, 400) << body;
    EXPECT_EQ(error->code, "SerializationException") << body;
  }
  // Constraint violations alone stay validation errors, and a valid body is no error at all.
  EXPECT_FALSE(TypeMismatchError(violations_of(R"({"maxResults":0})")).has_value());
  EXPECT_FALSE(TypeMismatchError(violations_of(R"({"maxResults":5})")).has_value());
}

TEST(Codec, DecodeRequestAnswersProtocolErrors) {
  HttpRequest r = EncodeRequest(*Svc(), *Svc()->FindOperation("DescribeRegistries"), json::object());
  auto code_of = [&](const HttpRequest& req) {
    auto d = DecodeRequest(*Svc(), req);
    return std::holds_alternative<ProtocolError>(d) ? std::get<ProtocolError>(d).code : std::string("ok");
  };
  EXPECT_EQ(code_of(r), "ok");
  HttpRequest no_target = r;
  no_target.headers.Set("X-Amz-Target", "");
  EXPECT_EQ(code_of(no_target), "MissingAction");
  HttpRequest unknown = r;
  unknown.headers.Set("X-Amz-Target", "SpencerFrontendService.Nope");
  EXPECT_EQ(code_of(unknown), "UnknownOperationException");
  HttpRequest wrong_prefix = r;
  wrong_prefix.headers.Set("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribeRegistries");
  EXPECT_EQ(code_of(wrong_prefix), "UnknownOperationException");
  HttpRequest form = r;
  form.headers.Set("Content-Type", "application/x-www-form-urlencoded");
  EXPECT_EQ(code_of(form), "InvalidAction");
  HttpRequest bad_json = r;
  bad_json.body = "{\"maxResults\":";
  EXPECT_EQ(code_of(bad_json), "SerializationException");
  HttpRequest array = r;
  array.body = "[]";
  EXPECT_EQ(code_of(array), "SerializationException");
  HttpRequest empty = r;
  empty.body = "";
  EXPECT_EQ(code_of(empty), "ok");  // Smithy: an empty body is an empty input
}

}  // namespace
}  // namespace ecrc::codec

namespace ecrc::codec {
namespace {

TEST(Codec, EmptyListsMeetMinimumsInResponsesOnly) {
  auto service = spec::Service::Embedded();
  HttpResponse r{200, {}, R"({"imageIds":[],"failures":[]})"};
  r.headers.Add("Content-Type", kJsonContentType);
  EXPECT_TRUE(DecodeResponse(*service, *service->FindOperation("BatchDeleteImage"), r).findings.empty());
  Violations v = Validate(*service->FindOperation("DescribeRepositories")->input, nlohmann::json{{"repositoryNames", nlohmann::json::array()}});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, ViolationKind::kLength);
}

}  // namespace
}  // namespace ecrc::codec
