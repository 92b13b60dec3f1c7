#include "harness/report/redact.h"

#include <gtest/gtest.h>

#include "harness/report/html.h"
#include "harness/report/json_report.h"
#include "harness/report/junit.h"
#include "harness/report/markdown.h"
#include "harness/report/test_util.h"

namespace ecrc::report {
namespace {

using results::RunReport;

bool Contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST(Redact, SensitiveHeaders) {
  EXPECT_TRUE(IsSensitiveHeader("Authorization"));
  EXPECT_TRUE(IsSensitiveHeader("x-amz-security-token"));
  EXPECT_TRUE(IsSensitiveHeader("Proxy-Authorization"));
  EXPECT_FALSE(IsSensitiveHeader("X-Amz-Target"));
  EXPECT_FALSE(IsSensitiveHeader("X-Amz-Date"));
}

TEST(Redact, SigV4AuthorizationKeepsOnlySchemeAndSignedHeaders) {
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
}

TEST(Redact, TextPatterns) {
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

TEST(Redact, LiteralSecretsAndTheirUrlEncodedForm) {
  std::vector<std::string> secrets = {"abc/def+ghi=jkl", "short"};
  EXPECT_EQ(RedactText("a abc/def+ghi=jkl b abc%2Fdef%2Bghi%3Djkl c short", secrets), "a <redacted> b <redacted> c short");
}

TEST(Redact, ReportHarvestsTokensFromEvidenceAndScrubsThemEverywhere) {
  RunReport r;
  results::CheckResult c;
  c.id = "token";
  c.suite = "scenario";
  results::Exchange ex;
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

// The end-to-end promise: whatever the runner forgot, no writer outputs a planted secret.
TEST(Redact, NoWriterOutputsAPlantedSecret) {
  RunReport r = testing::SampleReport();
  // Make sure the fixture really carries the secrets, so this test cannot pass vacuously.
  std::string raw = testing::ReadFile(testing::TestData("sample_report.json"));
  for (const auto& s : testing::PlantedSecrets()) {
    ASSERT_TRUE(Contains(raw, s) || Contains(raw, "AKIDEXAMPLE1234567%2F20250101")) << s;
  }
  std::vector<std::pair<std::string, std::string>> outputs = {
      {"json", ToJsonString(r)}, {"junit", RenderJunit(r)}, {"markdown", RenderMarkdown(r)}, {"html", RenderHtml(r)}};
  for (const auto& [name, text] : outputs) {
    for (const auto& s : testing::PlantedSecrets()) EXPECT_FALSE(Contains(text, s)) << name << " leaks " << s;
    EXPECT_FALSE(Contains(text, "AKIDEXAMPLE1234567%2F20250101")) << name;
    EXPECT_TRUE(Contains(text, "redacted")) << name;
    // Evidence that is not secret survives.
    EXPECT_TRUE(Contains(text, "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target")) << name;
    EXPECT_TRUE(Contains(text, "SpencerFrontendService.CreateRepository")) << name;
  }
}

TEST(Redact, EnvironmentSecretsNeedALongValue) {
  setenv("AWS_SECRET_ACCESS_KEY", "env-secret-value-123", 1);
  setenv("AWS_SESSION_TOKEN", "short", 1);
  auto secrets = EnvironmentSecrets();
  unsetenv("AWS_SECRET_ACCESS_KEY");
  unsetenv("AWS_SESSION_TOKEN");
  EXPECT_EQ(secrets, std::vector<std::string>{"env-secret-value-123"});
}

}  // namespace
}  // namespace ecrc::report
