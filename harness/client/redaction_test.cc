#include "harness/client/redaction.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ecrc::client {
namespace {

// Every string of an exchange, concatenated: if a secret is anywhere, it is in here.
std::string Everything(const results::Exchange& e) {
  std::string all = e.operation + e.transport_error + e.request.method + e.request.path + e.request.body + e.response.body;
  for (const auto* h : {&e.request.headers, &e.response.headers}) {
    for (const auto& [name, value] : h->entries) all += name + ": " + value + "\n";
  }
  return all;
}

TEST(RedactionTest, NoSecretSurvives) {
  Credentials creds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSIONTOKEN123", false};
  results::Exchange e;
  e.operation = "GetAuthorizationToken";
  e.request.headers.Add("X-Amz-Target", "SpencerFrontendService.GetAuthorizationToken");
  e.request.headers.Add("X-Amz-Date", "20240101T000000Z");
  e.request.headers.Add("authorization",
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ecr-public/aws4_request, "
                        "SignedHeaders=host, Signature=deadbeefSIGNATURE");
  e.request.headers.Add("X-Amz-Security-Token", "SESSIONTOKEN123");
  e.request.body = "{\"echo\":\"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\"}";
  e.response.status = 200;
  e.response.headers.Add("X-Echo", "SESSIONTOKEN123");
  e.response.body =
      R"({"authorizationData":{"authorizationToken":"QVdTOnNlY3JldFRPS0VO","expiresAt":1.7E9},)"
      R"("nested":[{"authorizationToken":"U0VDT05EVE9LRU4="}]})";
  results::Exchange r = Redacted(e, &creds);
  std::string all = Everything(r);
  for (const char* secret : {"deadbeefSIGNATURE", "SESSIONTOKEN123", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                             "QVdTOnNlY3JldFRPS0VO", "U0VDT05EVE9LRU4="}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret << " leaked:\n" << all;
  }
  // What is not secret stays, so the evidence still says what happened.
  EXPECT_EQ(*r.request.headers.Find("X-Amz-Date"), "20240101T000000Z");
  EXPECT_EQ(*r.request.headers.Find("Authorization"), kRedacted);
  EXPECT_EQ(*r.request.headers.Find("X-Amz-Target"), "SpencerFrontendService.GetAuthorizationToken");
  auto body = nlohmann::json::parse(r.response.body);
  EXPECT_EQ(body["authorizationData"]["authorizationToken"], kRedacted);
  EXPECT_EQ(body["authorizationData"]["expiresAt"], 1.7e9);
}

TEST(RedactionTest, MalformedAndEscapedBodies) {
  // Truncated JSON: the textual fallback still blanks the token.
  std::string out = RedactAuthorizationTokens(R"({"authorizationData": {"authorizationToken" : "c2VjcmV0\"x", "exp)");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos) << out;
  EXPECT_NE(out.find("\"authorizationToken\" : \"<redacted>\""), std::string::npos) << out;
  // Unterminated token string.
  out = RedactAuthorizationTokens(R"({"authorizationToken":"c2VjcmV0)");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos) << out;
  // A key written with JSON escapes is the same key.
  out = RedactAuthorizationTokens(R"({"authorization\u0054oken":"c2VjcmV0"})");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos) << out;
  // Nothing to redact: the bytes stay exactly as they were.
  std::string plain = "{ \"repositoryName\" : \"x\" }";
  EXPECT_EQ(RedactAuthorizationTokens(plain), plain);
}

TEST(RedactionTest, DummyCredentialsAreNotScrubbedFromBodies) {
  Credentials dummy{kDummyAccessKeyId, kDummySecretAccessKey, "", true};
  results::Exchange e;
  e.response.body = R"({"repository":{"repositoryName":"dummy"}})";
  EXPECT_EQ(Redacted(e, &dummy).response.body, e.response.body);
}

}  // namespace
}  // namespace ecrc::client
