// Checks libcurl's SigV4 signatures against botocore's signer, the reference every AWS SDK matches.
#include <gtest/gtest.h>

#include "harness/client/botocore_check.h"
#include "harness/client/test_server.h"
#include "harness/client/transport.h"

namespace ecrc::client {
namespace {

using testing::CapturedRequest;
using testing::SignWithBotocore;
using testing::TestServer;

struct Case {
  const char* name;
  std::string body;
  std::string token;
  std::string region;
};

// One test over every case so that botocore is imported once (see botocore_check.h).
TEST(SigV4Test, LibcurlSignaturesMatchBotocore) {
  const Case cases[] = {
      {"CreateRepository", R"({"repositoryName":"team/app","tags":[{"Key":"k","Value":"v w"}]})", "", "us-east-1"},
      {"SessionToken", R"({"repositoryName":"x"})", "FQoGZXIvYXdzEJr//////////token+/=", "us-east-1"},
      {"EmptyBody", "", "", "eu-west-1"},
      {"Utf8Body", "{\"repositoryName\":\"r\",\"catalogData\":{\"description\":\"caf\xc3\xa9 \xe2\x9c\x93\"}}", "",
       "ap-southeast-2"},
      {"LargeBody", "{\"blob\":\"" + std::string(2 << 20, 'A') + "\"}", "", "us-east-1"},  // curl adds Expect: 100-continue
  };
  TestServer server;
  server.server().Post("/", [&server](const httplib::Request& req, httplib::Response& res) {
    server.Record(req);
    res.set_content("{}", "application/x-amz-json-1.1");
  });
  server.Start();
  Transport transport;
  std::vector<CapturedRequest> captured;
  for (const Case& c : cases) {
    HttpRequest request;
    request.headers.Add("X-Amz-Target", "SpencerFrontendService.CreateRepository");
    request.headers.Add("Content-Type", "application/x-amz-json-1.1");
    request.body = c.body;
    Signing signing{c.region, "ecr-public", Credentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", c.token}};
    TransportResult r = transport.Send(server.url(), request, signing);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.error().message;
    auto received = server.received();
    ASSERT_EQ(received.size(), captured.size() + 1);
    ASSERT_NE(received.back().request.headers.Find("Authorization"), nullptr) << c.name;
    ASSERT_NE(received.back().request.headers.Find("X-Amz-Date"), nullptr) << c.name;
    captured.push_back({received.back().request, server.url(), signing});
  }

  auto expected = SignWithBotocore(captured);
  if (!expected.available) {
    GTEST_SKIP() << "python3 with botocore is not available, SigV4 not cross-checked: " << expected.output;
  }
  ASSERT_TRUE(expected.ok) << expected.output;
  for (size_t i = 0; i < captured.size(); ++i) {
    EXPECT_EQ(*captured[i].request.headers.Find("Authorization"), expected.authorization[i])
        << "libcurl and botocore disagree on the signature of case " << cases[i].name;
  }
}

}  // namespace
}  // namespace ecrc::client
