#include "harness/results/redaction.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include <nlohmann/json.hpp>

namespace ecrc::results {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Every string of an exchange, concatenated: if a secret is anywhere, it is in here.
std::string Everything(const Exchange& e) {
  std::string all = e.operation + e.transport_error + e.request.method + e.request.path + e.request.body + e.response.body;
  for (const auto* h : {&e.request.headers, &e.response.headers}) {
    for (const auto& [name, value] : h->entries) all += name + ": " + value + "\n";
  }
  return all;
}

// ---- The one list of what is secret. ----

TEST(Redaction, SensitiveHeaders) {
  EXPECT_TRUE(IsSensitiveHeader("Authorization"));
  EXPECT_TRUE(IsSensitiveHeader("x-amz-security-token"));
  EXPECT_TRUE(IsSensitiveHeader("Proxy-Authorization"));
  EXPECT_TRUE(IsSensitiveHeader("X-Amz-Signature"));
  EXPECT_TRUE(IsSensitiveHeader("X-Amz-Credential"));
  EXPECT_FALSE(IsSensitiveHeader("X-Amz-Target"));
  EXPECT_FALSE(IsSensitiveHeader("X-Amz-Date"));
}

TEST(Redaction, SecretJsonMembers) {
  for (const char* name : {"authorizationToken", "AuthorizationToken", "password", "secretAccessKey", "sessionToken",
                           "aws_session_token", "x-amz-signature"}) {
    EXPECT_TRUE(IsSecretJsonMember(name)) << name;
  }
  EXPECT_FALSE(IsSecretJsonMember("nextToken")) << "a page token is evidence";
  EXPECT_FALSE(IsSecretJsonMember("repositoryName"));
  EXPECT_FALSE(IsSecretJsonMember("authorizationTokens"));
}

// ---- The client's pass: each exchange as it becomes evidence. ----

TEST(Redaction, NoSecretSurvivesAnExchange) {
  const std::string secret_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  const std::string session_token = "SESSIONTOKEN123";
  LiteralSecrets secrets({secret_key, session_token});
  Exchange e;
  e.operation = "GetAuthorizationToken";
  e.request.headers.Add("X-Amz-Target", "SpencerFrontendService.GetAuthorizationToken");
  e.request.headers.Add("X-Amz-Date", "20240101T000000Z");
  e.request.headers.Add("authorization",
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ecr-public/aws4_request, "
                        "SignedHeaders=host, Signature=deadbeefSIGNATURE");
  e.request.headers.Add("X-Amz-Security-Token", session_token);
  e.request.body = "{\"echo\":\"" + secret_key + "\"}";
  e.response.status = 200;
  e.response.headers.Add("X-Echo", session_token);
  e.response.body =
      R"({"authorizationData":{"authorizationToken":"QVdTOnNlY3JldFRPS0VO","expiresAt":1.7E9},)"
      R"("nested":[{"authorizationToken":"U0VDT05EVE9LRU4="}]})";
  Exchange r = Redacted(e, secrets);
  std::string all = Everything(r);
  for (const std::string& secret : {std::string("deadbeefSIGNATURE"), session_token, secret_key,
                                    std::string("QVdTOnNlY3JldFRPS0VO"), std::string("U0VDT05EVE9LRU4=")}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret << " leaked:\n" << all;
  }
  // What is not secret stays, so the evidence still says what happened.
  EXPECT_EQ(*r.request.headers.Find("X-Amz-Date"), "20240101T000000Z");
  EXPECT_EQ(*r.request.headers.Find("Authorization"), kRedacted);
  EXPECT_EQ(*r.request.headers.Find("X-Amz-Security-Token"), kRedacted);
  EXPECT_EQ(*r.request.headers.Find("X-Amz-Target"), "SpencerFrontendService.GetAuthorizationToken");
  EXPECT_EQ(r.request.body, "{\"echo\":\"<redacted>\"}");
  EXPECT_EQ(*r.response.headers.Find("X-Echo"), kRedacted);
  auto body = nlohmann::json::parse(r.response.body);
  EXPECT_EQ(body["authorizationData"]["authorizationToken"], kRedacted);
  EXPECT_EQ(body["nested"][0]["authorizationToken"], kRedacted);
  EXPECT_EQ(body["authorizationData"]["expiresAt"], 1.7e9);
}

TEST(Redaction, LiteralSecretsLeaveNoTraceInPathOrTransportError) {
  const std::string secret_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  Exchange e;
  e.request.path = "/?echo=" + secret_key;
  e.transport_error = "connection reset after sending " + secret_key + " and SESSIONTOKEN123";
  Exchange r = Redacted(e, LiteralSecrets({secret_key, "SESSIONTOKEN123"}));
  EXPECT_EQ(r.request.path, "/?echo=<redacted>");
  EXPECT_EQ(r.transport_error, "connection reset after sending <redacted> and <redacted>");
}

TEST(Redaction, MalformedAndEscapedBodies) {
  // Truncated JSON: the textual fallback still blanks the token.
  std::string out = RedactSecretMembers(R"({"authorizationData": {"authorizationToken" : "c2VjcmV0\"x", "exp)");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos) << out;
  EXPECT_NE(out.find("\"authorizationToken\" : \"<redacted>\""), std::string::npos) << out;
  // Unterminated token string.
  out = RedactSecretMembers(R"({"authorizationToken":"c2VjcmV0)");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos) << out;
  // A key written with JSON escapes is the same key.
  out = RedactSecretMembers(R"({"authorization\u0054oken":"c2VjcmV0"})");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos) << out;
  // Nothing to redact: the bytes stay exactly as they were.
  std::string plain = "{ \"repositoryName\" : \"x\" }";
  EXPECT_EQ(RedactSecretMembers(plain), plain);
  std::string paged = "{ \"nextToken\" : \"opaque-page-token\" }";
  EXPECT_EQ(RedactSecretMembers(paged), paged);
}

TEST(Redaction, EveryListedMemberIsBlankedInBodies) {
  EXPECT_EQ(RedactSecretMembers(R"({"Credentials":{"SessionToken":"FQoGtoken","SecretAccessKey":"wJalr"},"n":1})"),
            R"({"Credentials":{"SecretAccessKey":"<redacted>","SessionToken":"<redacted>"},"n":1})");
}

TEST(Redaction, NestingTooDeepToParseFallsBackToText) {
  std::string deep = std::string(100, '[') + R"({"authorizationToken":"c2VjcmV0"})" + std::string(100, ']');
  std::string out = RedactSecretMembers(deep);
  EXPECT_EQ(out, std::string(100, '[') + R"({"authorizationToken":"<redacted>"})" + std::string(100, ']'));
}

TEST(Redaction, NoSecretsGivenScrubsNoLiterals) {
  Exchange e;
  e.response.body = R"({"repository":{"repositoryName":"dummy"}})";
  EXPECT_EQ(Redacted(e).response.body, e.response.body);
  EXPECT_EQ(Redacted(e, LiteralSecrets({"dummy"})).response.body, e.response.body) << "shorter than kMinSecretLength";
}

// ---- Literal secrets: the same matches whether searched for or indexed. ----

TEST(Redaction, LiteralSecretsAndTheirUrlEncodedForm) {
  std::vector<std::string> secrets = {"abc/def+ghi=jkl", "short"};
  EXPECT_EQ(RedactText("a abc/def+ghi=jkl b abc%2Fdef%2Bghi%3Djkl c short", secrets), "a <redacted> b <redacted> c short");
  EXPECT_EQ(LiteralSecrets(secrets).Replace("a abc/def+ghi=jkl b abc%2Fdef%2Bghi%3Djkl c short"),
            "a <redacted> b <redacted> c short");
}

TEST(Redaction, LongestSecretAtAPlaceGoesAsAWhole) {
  LiteralSecrets secrets({"TOKEN-ABCDEFGH", "TOKEN-ABCDEFGH-AND-MORE", "ABCDEFGH-AND"});
  EXPECT_EQ(secrets.Replace("x TOKEN-ABCDEFGH-AND-MORE y TOKEN-ABCDEFGH-AND z"), "x <redacted> y <redacted>-AND z");
}

TEST(Redaction, SearchedAndIndexedSecretsAgree) {
  // A few values are searched for; past kMaxSearched they are indexed. Padding the list with
  // values that never occur switches the strategy and must not change a single byte.
  std::vector<std::string> few = {"SECRET-alpha-1", "SECRET-alpha-12345", "alpha-12345-tail", "zzzzzzzzzz"};
  std::vector<std::string> many = few;
  for (int i = 0; i < 40; ++i) many.push_back("unused-secret-value-" + std::to_string(i));
  LiteralSecrets searched(few), indexed(many);
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"SECRET-", "alpha-", "1", "12345", "-tail", "zz", "zzzzzzzz", " ", "x",
                                           "SECRET-alpha-12345-tail"};
  int changed = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int n = rng() % 12; n > 0; --n) text += pieces[rng() % pieces.size()];
    std::string out = searched.Replace(text);
    EXPECT_EQ(out, indexed.Replace(text)) << text;
    changed += out != text;
  }
  EXPECT_GT(changed, 500) << "the texts must hold secrets, or the comparison proves nothing";
}

// ---- The writers' pass: free text and whole reports. ----

TEST(Redaction, SigV4AuthorizationKeepsOnlySchemeAndSignedHeaders) {
  std::string v = RedactHeaderValue(
      "authorization",
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/ecr-public/aws4_request, SignedHeaders=host;x-amz-date, "
      "Signature=deadbeefdeadbeef");
  EXPECT_EQ(v, "AWS4-HMAC-SHA256 Credential=<redacted>, SignedHeaders=host;x-amz-date, Signature=<redacted>");
  EXPECT_EQ(RedactHeaderValue("Authorization", v), v);  // idempotent
  EXPECT_EQ(RedactHeaderValue("Authorization", "Basic QVdTOnBhc3N3b3Jk"), "Basic <redacted>");
  EXPECT_EQ(RedactHeaderValue("Authorization", "opaque"), "<redacted>");
  EXPECT_EQ(RedactHeaderValue("X-Amz-Security-Token", "FQoG123"), "<redacted>");
  EXPECT_EQ(RedactHeaderValue("Authorization", ""), "");  // an empty header is evidence
  // What the client's pass leaves is stable under the writers' pass.
  EXPECT_EQ(RedactHeaderValue("Authorization", kRedacted), kRedacted);
}

TEST(Redaction, TextPatterns) {
  struct Case {
    std::string in, out;
  };
  std::vector<Case> cases = {
      {"curl -H 'Authorization: AWS4-HMAC-SHA256 Credential=AK/x, SignedHeaders=host, Signature=abc' http://h/",
       "curl -H 'Authorization: AWS4-HMAC-SHA256 Credential=<redacted>, SignedHeaders=host, Signature=<redacted>' http://h/"},
      {"X-Amz-Security-Token: FQoGverylongtoken\nX-Amz-Target: T", "X-Amz-Security-Token: <redacted>\nX-Amz-Target: T"},
      {"-H \"x-amz-security-token:abc123456\"", "-H \"x-amz-security-token:<redacted>\""},
      {"GET /v2/?X-Amz-Algorithm=AWS4&X-Amz-Credential=AK%2F2025&X-Amz-Signature=0123abcd&X-Amz-Security-Token=tok%2B1",
       "GET /v2/?X-Amz-Algorithm=AWS4&X-Amz-Credential=<redacted>&X-Amz-Signature=<redacted>&X-Amz-Security-Token=<redacted>"},
      {R"({"authorizationData":{"authorizationToken":"QVdTOnBhc3N3b3Jk","expiresAt":1}})",
       R"({"authorizationData":{"authorizationToken":"<redacted>","expiresAt":1}})"},
      {R"({ "AuthorizationToken" : "a\"b" , "x": 1})", R"({ "AuthorizationToken" : "<redacted>" , "x": 1})"},
      {R"("message":"{\"authorizationToken\":\"QVdTOnBhc3N3b3Jk\"}")", R"("message":"{\"authorizationToken\":\"<redacted>\"}")"},
      {R"({"headers":{"Authorization":"Bearer abc.def.ghi"}})", R"({"headers":{"Authorization":"<redacted>"}})"},
      {R"({"nextToken":"opaque-page-token","password":"hunter2hunter2"})", R"({"nextToken":"opaque-page-token","password":"<redacted>"})"},
      {"curl --user AKID:wJalrSECRET http://h/", "curl --user AKID:<redacted> http://h/"},
      {"curl -u 'AKID:wJalr SECRET' http://h/", "curl -u 'AKID:<redacted>' http://h/"},
      {"curl --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" http://h/", "curl --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" http://h/"},
      {"curl --user=AKID:secret123 http://h/", "curl --user=AKID:<redacted> http://h/"},
      {"sort -u file.txt", "sort -u file.txt"},
      {"https://AKID:secretkey@ecr.example.com/path", "https://AKID:<redacted>@ecr.example.com/path"},
      {"http://127.0.0.1:5000/", "http://127.0.0.1:5000/"},
      {"the authorizationToken field was missing", "the authorizationToken field was missing"},
      {"", ""},
  };
  for (const auto& c : cases) {
    std::string once = RedactText(c.in);
    EXPECT_EQ(once, c.out) << "input: " << c.in;
    EXPECT_EQ(RedactText(once), once) << "not idempotent for: " << c.in;
  }
}

TEST(Redaction, WhatTheClientLeftTheWritersKeep) {
  // Evidence redacted by the client goes through the writers' pass again; it must come out as
  // it went in, so the two passes never fight over a value.
  Exchange e;
  e.request.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=AK/x, SignedHeaders=host, Signature=abc");
  e.response.body = R"({"authorizationData":{"authorizationToken":"QVdTOnBhc3N3b3Jk","expiresAt":1}})";
  Exchange r = Redacted(e);
  EXPECT_EQ(RedactText(r.response.body), r.response.body);
  RunReport report;
  CheckResult check;
  check.id = "token";
  check.exchanges.push_back(r);
  report.checks.push_back(check);
  RedactReport(&report);
  EXPECT_EQ(report.checks[0].exchanges[0].response.body, r.response.body);
  EXPECT_EQ(*report.checks[0].exchanges[0].request.headers.Find("Authorization"), kRedacted);
}

TEST(Redaction, ReportHarvestsTokensFromEvidenceAndScrubsThemEverywhere) {
  RunReport r;
  CheckResult c;
  c.id = "token";
  c.suite = "scenario";
  Exchange ex;
  ex.request.headers.Add("X-Amz-Security-Token", "SESSIONTOKEN-1234567890");
  ex.response.body = R"({"authorizationData":{"authorizationToken":"QVdTOnN1cGVyc2VjcmV0cGFzc3dvcmQxMjM=","expiresAt":1}})";
  c.exchanges.push_back(ex);
  c.findings.push_back({"token QVdTOnN1cGVyc2VjcmV0cGFzc3dvcmQxMjM= decodes to AWS:supersecretpassword123", "", "",
                        "session SESSIONTOKEN-1234567890", std::nullopt});
  c.reproduction = "docker login -u AWS -p supersecretpassword123 public.ecr.aws";
  r.checks.push_back(c);
  r.endpoint = "https://user:pa55word-xyz@ecr.example.com";
  RedactReport(&r, {"EXTRA-LITERAL-SECRET"});
  const auto& out = r.checks[0];
  EXPECT_EQ(*out.exchanges[0].request.headers.Find("x-amz-security-token"), "<redacted>");
  EXPECT_FALSE(Contains(out.exchanges[0].response.body, "QVdTOnN1"));
  EXPECT_EQ(out.findings[0].message, "token <redacted> decodes to <redacted>");
  EXPECT_EQ(out.findings[0].observed, "session <redacted>");
  EXPECT_EQ(out.reproduction, "docker login -u AWS -p <redacted> public.ecr.aws");
  EXPECT_EQ(r.endpoint, "https://user:<redacted>@ecr.example.com");
}

TEST(Redaction, EnvironmentSecretsNeedALongValue) {
  setenv("AWS_SECRET_ACCESS_KEY", "env-secret-value-123", 1);
  setenv("AWS_SESSION_TOKEN", "short", 1);
  auto secrets = EnvironmentSecrets();
  unsetenv("AWS_SECRET_ACCESS_KEY");
  unsetenv("AWS_SESSION_TOKEN");
  EXPECT_EQ(secrets, std::vector<std::string>{"env-secret-value-123"});
}

}  // namespace
}  // namespace ecrc::results
