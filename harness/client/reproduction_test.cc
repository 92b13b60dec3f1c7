#include "harness/client/reproduction.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "harness/client/botocore_check.h"
#include "harness/client/test_server.h"
#include "harness/client/transport.h"

namespace ecrc::client {
namespace {

using testing::TestServer;

results::Exchange SignedExchange(std::string body, bool token) {
  results::Exchange e;
  e.request.headers.Add("Host", "127.0.0.1:1");
  e.request.headers.Add("Authorization", "<redacted>");
  e.request.headers.Add("X-Amz-Date", "20240101T000000Z");
  if (token) e.request.headers.Add("X-Amz-Security-Token", "<redacted>");
  e.request.headers.Add("X-Amz-Target", "SpencerFrontendService.CreateRepository");
  e.request.headers.Add("Content-Type", "application/x-amz-json-1.1");
  e.request.headers.Add("Content-Length", std::to_string(body.size()));
  e.request.body = std::move(body);
  return e;
}

TEST(ReproductionTest, ShellQuote) {
  EXPECT_EQ(ShellQuote("abc"), "'abc'");
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(ShellQuote("$HOME `x` \"y\""), "'$HOME `x` \"y\"'");
}

TEST(ReproductionTest, SignedCommandLine) {
  std::string cmd = CurlReproduction(SignedExchange(R"({"repositoryName":"it's"})", true), "http://127.0.0.1:4566",
                                     "eu-west-1");
  EXPECT_NE(cmd.find("--aws-sigv4 'aws:amz:eu-west-1:ecr-public'"), std::string::npos) << cmd;
  EXPECT_NE(cmd.find("--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""), std::string::npos) << cmd;
  EXPECT_NE(cmd.find("-H \"X-Amz-Security-Token: $AWS_SESSION_TOKEN\""), std::string::npos) << cmd;
  EXPECT_NE(cmd.find("-H 'X-Amz-Target: SpencerFrontendService.CreateRepository'"), std::string::npos) << cmd;
  EXPECT_NE(cmd.find("--data-binary '{\"repositoryName\":\"it'\\''s\"}'"), std::string::npos) << cmd;
  for (const char* absent : {"Host:", "Authorization", "X-Amz-Date", "Content-Length", "<redacted>", " -X "}) {
    EXPECT_EQ(cmd.find(absent), std::string::npos) << absent << " in\n" << cmd;
  }
  results::Exchange unsigned_probe;
  unsigned_probe.request.method = "GET";
  unsigned_probe.request.body = "";
  unsigned_probe.request.path = "/health";
  cmd = CurlReproduction(unsigned_probe, "http://127.0.0.1:4566/", "us-east-1");
  EXPECT_EQ(cmd.find("--aws-sigv4"), std::string::npos) << cmd;
  EXPECT_EQ(cmd.find("--data"), std::string::npos) << cmd;
  EXPECT_NE(cmd.find("'http://127.0.0.1:4566/health'"), std::string::npos) << cmd;
}

// The strongest check: run the generated command and compare what arrives with the original.
TEST(ReproductionTest, CommandReplaysTheRequest) {
  if (std::system("command -v curl >/dev/null 2>&1 && command -v bash >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "curl or bash not on PATH; the reproduction is not replayed";
  }
  TestServer server;
  server.server().Post("/", [&server](const httplib::Request& req, httplib::Response& res) {
    server.Record(req);
    res.set_content("{}", "application/x-amz-json-1.1");
  });
  server.Start();
  const std::string bodies[] = {
      R"({"repositoryName":"it's a \"test\" $HOME `id` %s \\n"})",
      std::string("{\"bin\":\"\0\x01\x7f\xff%\\\"}", 16),
      "@not-a-file",
      "",
  };
  std::vector<testing::CapturedRequest> replayed;
  std::vector<std::string> commands;
  for (const std::string& body : bodies) {
    results::Exchange e = SignedExchange(body, true);
    std::string cmd = "AWS_ACCESS_KEY_ID=AKID AWS_SECRET_ACCESS_KEY=SECRET AWS_SESSION_TOKEN=TOKEN bash -c " +
                      ShellQuote(CurlReproduction(e, server.url(), "us-east-1")) + " >/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    auto received = server.received();
    ASSERT_EQ(received.size(), replayed.size() + 1);
    const HttpRequest& got = received.back().request;
    EXPECT_EQ(got.body, body) << cmd;
    EXPECT_EQ(*got.headers.Find("X-Amz-Target"), "SpencerFrontendService.CreateRepository");
    EXPECT_EQ(*got.headers.Find("Content-Type"), "application/x-amz-json-1.1");
    EXPECT_EQ(*got.headers.Find("X-Amz-Security-Token"), "TOKEN");
    ASSERT_NE(got.headers.Find("Authorization"), nullptr);
    replayed.push_back({got, server.url(), Signing{"us-east-1", "ecr-public", Credentials{"AKID", "SECRET", "TOKEN"}}});
    commands.push_back(cmd);
  }
  // The replayed requests must carry signatures a verifier accepts.
  auto expected = testing::SignWithBotocore(replayed);
  if (!expected.available) GTEST_SKIP() << "python3 with botocore is not available: " << expected.output;
  ASSERT_TRUE(expected.ok) << expected.output;
  for (size_t i = 0; i < replayed.size(); ++i) {
    EXPECT_EQ(*replayed[i].request.headers.Find("Authorization"), expected.authorization[i]) << commands[i];
  }
}

// Unsigned probes replay with exactly their headers: nothing curl would add on its own.
TEST(ReproductionTest, UnsignedCommandAddsNothing) {
  if (std::system("command -v curl >/dev/null 2>&1 && command -v bash >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "curl or bash not on PATH; the reproduction is not replayed";
  }
  TestServer server;
  server.server().Post("/", [&server](const httplib::Request& req, httplib::Response& res) { server.Record(req); });
  server.Start();
  results::Exchange e;
  e.request.headers.Add("X-Amz-Target", "A");
  e.request.headers.Add("X-Amz-Target", "B");
  e.request.headers.Add("X-Empty", "");
  e.request.body = "not json";
  std::string script = CurlReproduction(e, server.url(), "us-east-1");
  EXPECT_NE(script.find("-H 'X-Empty;'"), std::string::npos) << script;
  ASSERT_EQ(std::system(("bash -c " + ShellQuote(script) + " >/dev/null").c_str()), 0) << script;
  auto received = server.received();
  ASSERT_EQ(received.size(), 1u);
  const Headers& h = received[0].request.headers;
  EXPECT_EQ(h.Find("Authorization"), nullptr);
  EXPECT_EQ(h.Find("Accept"), nullptr);
  EXPECT_EQ(h.Find("Content-Type"), nullptr);
  size_t targets = 0;
  for (const auto& [name, value] : h.entries) targets += EqualsIgnoreCase(name, "X-Amz-Target");
  EXPECT_EQ(targets, 2u);
  EXPECT_EQ(received[0].request.body, "not json");
}

}  // namespace
}  // namespace ecrc::client
