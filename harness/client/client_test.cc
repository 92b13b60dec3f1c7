#include "harness/client/client.h"

#include <gtest/gtest.h>

#include "harness/client/test_server.h"
#include "harness/codec/sample.h"

namespace ecrc::client {
namespace {

using testing::TestServer;

Endpoint LocalEndpoint(const std::string& url) {
  auto resolved = ResolveEndpoint({.endpoint_url = url}, [](std::string_view) { return std::nullopt; });
  EXPECT_TRUE(resolved.ok()) << resolved.status().message();
  return **resolved;
}

class ClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    service_ = spec::Service::Embedded();
    op_ = service_->FindOperation("DescribeRegistries");
    ASSERT_NE(op_, nullptr);
    auto sample = codec::SampleValue(*op_->output);
    ASSERT_TRUE(sample.ok()) << sample.status().message();
    valid_output_ = codec::ValueToWire(*op_->output, *sample).dump();
    server_.server().Post("/", [this](const httplib::Request& req, httplib::Response& res) {
      server_.Record(req);
      if (req.body.find("undeclared") != std::string::npos) {
        res.status = 400;
        res.set_content(R"({"__type":"com.example#WeirdException","message":"odd"})", "application/x-amz-json-1.1");
      } else if (req.body.find("declared") != std::string::npos) {
        res.status = 400;
        res.set_header("X-Amzn-ErrorType", "InvalidParameterException:http://internal.amazon.com/");
        res.set_content(R"({"message":"bad"})", "application/x-amz-json-1.1");
      } else if (req.body.find("badshape") != std::string::npos) {
        res.set_content(R"({"registries":"not a list"})", "application/x-amz-json-1.1");
      } else {
        res.set_content(valid_output_, "application/x-amz-json-1.1");
      }
    });
    server_.Start();
  }

  std::shared_ptr<const spec::Service> service_;
  const spec::Operation* op_ = nullptr;
  std::string valid_output_;
  TestServer server_;
};

TEST_F(ClientTest, CallEncodesSignsAndDecodes) {
  Client client(service_, LocalEndpoint(server_.url()));
  CallResult call = client.Call(*op_, nlohmann::json::object());
  ASSERT_TRUE(call.ok()) << call.transport.error().message;
  EXPECT_EQ(call.response().status, 200);
  EXPECT_FALSE(call.decoded.is_error);
  EXPECT_TRUE(call.decoded.findings.empty()) << call.decoded.findings[0].ToString();
  EXPECT_EQ(call.url, server_.url() + "/");
  EXPECT_EQ(*call.encoded.headers.Find("X-Amz-Target"), service_->metadata().target_prefix + ".DescribeRegistries");

  auto received = server_.received();
  ASSERT_EQ(received.size(), 1u);
  const std::string* auth = received[0].request.headers.Find("Authorization");
  ASSERT_NE(auth, nullptr);
  EXPECT_NE(auth->find(std::string("Credential=") + kDummyAccessKeyId + "/"), std::string::npos) << *auth;
  EXPECT_NE(auth->find("/" + service_->metadata().signing_name + "/aws4_request"), std::string::npos) << *auth;

  results::Exchange evidence = client.Evidence(call);
  EXPECT_EQ(evidence.operation, "DescribeRegistries");
  EXPECT_EQ(*evidence.request.headers.Find("Authorization"), results::kRedacted);
  EXPECT_NE(evidence.request.headers.Find("X-Amz-Date"), nullptr);
  EXPECT_EQ(evidence.response.body, valid_output_);
}

TEST_F(ClientTest, ErrorsAreClassified) {
  Client client(service_, LocalEndpoint(server_.url()));
  CallResult undeclared = client.Call(*op_, {{"nextToken", "undeclared"}});
  ASSERT_TRUE(undeclared.ok());
  ASSERT_TRUE(undeclared.decoded.is_error);
  EXPECT_EQ(undeclared.decoded.error.code, "WeirdException");
  EXPECT_EQ(undeclared.decoded.error.error_class, codec::ErrorClass::kUndeclared);

  CallResult declared = client.Call(*op_, {{"nextToken", "declared"}});
  ASSERT_TRUE(declared.ok());
  EXPECT_EQ(declared.decoded.error.code, "InvalidParameterException");
  EXPECT_EQ(declared.decoded.error.error_class, codec::ErrorClass::kDeclared);

  CallResult badshape = client.Call(*op_, {{"nextToken", "badshape"}});
  ASSERT_TRUE(badshape.ok());
  EXPECT_FALSE(badshape.decoded.is_error);
  EXPECT_FALSE(badshape.decoded.findings.empty());
}

TEST_F(ClientTest, TransportFailureLeavesNothingDecoded) {
  Client client(service_, LocalEndpoint("http://127.0.0.1:1"));
  CallResult call = client.Call(*op_, nlohmann::json::object());
  ASSERT_FALSE(call.ok());
  EXPECT_EQ(call.transport.error().kind, TransportErrorKind::kUnreachable);
  results::Exchange evidence = client.Evidence(call);
  EXPECT_NE(evidence.transport_error.find("http://127.0.0.1:1/"), std::string::npos) << evidence.transport_error;
}

TEST_F(ClientTest, SendRawUnsignedAndSigned) {
  Client client(service_, LocalEndpoint(server_.url()));
  HttpRequest probe;
  probe.headers.Add("X-Amz-Target", "Nonsense.Op");
  probe.headers.Add("Content-Type", "application/x-amz-json-1.1");
  probe.body = "{";
  ASSERT_TRUE(client.SendRaw(probe).ok());
  ASSERT_TRUE(client.SendRaw(probe, Sign::kYes).ok());
  auto received = server_.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].request.headers.Find("Authorization"), nullptr);
  EXPECT_NE(received[1].request.headers.Find("Authorization"), nullptr);
  EXPECT_EQ(received[0].request.body, "{");
}

TEST(ClientSecrets, TheSecretKeyAndSessionTokenUnlessDummy) {
  Credentials real{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSIONTOKEN123", false};
  EXPECT_EQ(SecretValues(real), (std::vector<std::string>{"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSIONTOKEN123"}));
  Credentials dummy{kDummyAccessKeyId, kDummySecretAccessKey, "", true};
  EXPECT_TRUE(SecretValues(dummy).empty());
}

// Evidence goes through the one redaction pass with the client's own credentials as literals.
TEST_F(ClientTest, EvidenceScrubsTheCredentialsWhereverTheyAppear) {
  Endpoint endpoint = LocalEndpoint(server_.url());
  endpoint.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSIONTOKEN123", false};
  Client client(service_, endpoint);
  HttpRequest probe;
  probe.headers.Add("X-Amz-Target", service_->metadata().target_prefix + ".DescribeRegistries");
  probe.headers.Add("Content-Type", "application/x-amz-json-1.1");
  probe.headers.Add("X-Echo", "SESSIONTOKEN123");
  probe.body = R"({"echo":"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY","authorizationToken":"QVdTOnNlY3JldA=="})";
  TransportResult sent = client.SendRaw(probe, Sign::kYes);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  results::Exchange evidence = client.Evidence(sent, "DescribeRegistries");
  for (const char* header : {"Authorization", "X-Amz-Security-Token", "X-Echo"}) {
    const std::string* value = evidence.request.headers.Find(header);
    ASSERT_NE(value, nullptr) << header;
    EXPECT_EQ(*value, results::kRedacted) << header;
  }
  EXPECT_EQ(evidence.request.body, R"({"authorizationToken":"<redacted>","echo":"<redacted>"})");
}

TEST_F(ClientTest, DummyCredentialsAreNotScrubbedFromBodies) {
  Client client(service_, LocalEndpoint(server_.url()));
  ASSERT_TRUE(client.endpoint().credentials.dummy);
  HttpRequest probe;
  probe.headers.Add("X-Amz-Target", service_->metadata().target_prefix + ".DescribeRegistries");
  probe.headers.Add("Content-Type", "application/x-amz-json-1.1");
  probe.body = R"({"repository":{"repositoryName":"dummy"}})";
  TransportResult sent = client.SendRaw(probe);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(client.Evidence(sent).request.body, probe.body);
}

}  // namespace
}  // namespace ecrc::client
