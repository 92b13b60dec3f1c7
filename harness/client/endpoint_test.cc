#include "harness/client/endpoint.h"

#include <gtest/gtest.h>

#include <map>

namespace ecrc::client {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

Endpoint Resolve(const EndpointFlags& flags, std::map<std::string, std::string> vars) {
  auto r = ResolveEndpoint(flags, Env(std::move(vars)));
  EXPECT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.ok() && r->has_value());
  return r.ok() && r->has_value() ? **r : Endpoint{};
}

std::string ErrorOf(const EndpointFlags& flags, std::map<std::string, std::string> vars) {
  auto r = ResolveEndpoint(flags, Env(std::move(vars)));
  EXPECT_FALSE(r.ok());
  return r.status().message();
}

TEST(EndpointTest, NoEndpointAnywhereIsNone) {
  auto r = ResolveEndpoint({}, Env({{"AWS_REGION", "eu-west-1"}, {"AWS_ENDPOINT_URL", ""}}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->has_value());
}

TEST(EndpointTest, FlagBeatsServiceVariableBeatsGlobalVariable) {
  std::map<std::string, std::string> env = {{"AWS_ENDPOINT_URL_ECR_PUBLIC", "http://127.0.0.2:2"},
                                            {"AWS_ENDPOINT_URL", "http://127.0.0.3:3"}};
  Endpoint e = Resolve({.endpoint_url = "http://127.0.0.1:1"}, env);
  EXPECT_EQ(e.url.ToString(), "http://127.0.0.1:1");
  EXPECT_EQ(e.url_source, "--endpoint-url");

  e = Resolve({}, env);
  EXPECT_EQ(e.url.ToString(), "http://127.0.0.2:2");
  EXPECT_EQ(e.url_source, "AWS_ENDPOINT_URL_ECR_PUBLIC");

  env.erase("AWS_ENDPOINT_URL_ECR_PUBLIC");
  e = Resolve({}, env);
  EXPECT_EQ(e.url.ToString(), "http://127.0.0.3:3");
  EXPECT_EQ(e.url_source, "AWS_ENDPOINT_URL");

  // The AWS CLI treats an empty variable as unset.
  env["AWS_ENDPOINT_URL_ECR_PUBLIC"] = "";
  EXPECT_EQ(Resolve({}, env).url_source, "AWS_ENDPOINT_URL");
}

TEST(EndpointTest, RegionPrecedenceAndDefault) {
  std::map<std::string, std::string> env = {{"AWS_ENDPOINT_URL", "http://localhost:5000"},
                                            {"AWS_REGION", "eu-west-1"},
                                            {"AWS_DEFAULT_REGION", "ap-south-1"}};
  EXPECT_EQ(Resolve({.region = "us-west-2"}, env).region, "us-west-2");
  EXPECT_EQ(Resolve({}, env).region, "eu-west-1");
  env.erase("AWS_REGION");
  EXPECT_EQ(Resolve({}, env).region, "ap-south-1");
  EXPECT_EQ(Resolve({}, env).region_source, "AWS_DEFAULT_REGION");
  env.erase("AWS_DEFAULT_REGION");
  EXPECT_EQ(Resolve({}, env).region, "us-east-1");
  EXPECT_EQ(Resolve({}, env).region_source, "default");
  EXPECT_NE(ErrorOf({.region = "us-east-1:evil"}, env).find("invalid region"), std::string::npos);
}

TEST(EndpointTest, CredentialsFromEnvironment) {
  Endpoint e = Resolve({.endpoint_url = "https://ecr.example.com"}, {{"AWS_ACCESS_KEY_ID", "AKID"},
                                                                      {"AWS_SECRET_ACCESS_KEY", "SECRET"},
                                                                      {"AWS_SESSION_TOKEN", "TOKEN"}});
  EXPECT_EQ(e.credentials.access_key_id, "AKID");
  EXPECT_EQ(e.credentials.secret_access_key, "SECRET");
  EXPECT_EQ(e.credentials.session_token, "TOKEN");
  EXPECT_FALSE(e.credentials.dummy);
}

TEST(EndpointTest, DummyCredentialsOnlyForLoopback) {
  for (const char* url : {"http://127.0.0.1:4566", "http://127.9.8.7", "http://localhost:1", "http://[::1]:8080",
                          "http://LOCALHOST", "http://[::ffff:127.0.0.1]:9"}) {
    Endpoint e = Resolve({.endpoint_url = url}, {});
    EXPECT_TRUE(e.credentials.dummy) << url;
    EXPECT_EQ(e.credentials.access_key_id, kDummyAccessKeyId) << url;
    EXPECT_EQ(e.credentials.secret_access_key, kDummySecretAccessKey) << url;
  }
  std::string error = ErrorOf({.endpoint_url = "http://10.0.0.1:4566"}, {});
  EXPECT_NE(error.find("no credentials"), std::string::npos) << error;
  EXPECT_NE(error.find("AWS_ACCESS_KEY_ID"), std::string::npos) << error;
}

TEST(EndpointTest, HalfAKeyPairIsAnError) {
  std::string error = ErrorOf({.endpoint_url = "http://127.0.0.1:1"}, {{"AWS_ACCESS_KEY_ID", "AKID"}});
  EXPECT_NE(error.find("AWS_SECRET_ACCESS_KEY is not"), std::string::npos) << error;
  error = ErrorOf({.endpoint_url = "http://127.0.0.1:1"}, {{"AWS_SECRET_ACCESS_KEY", "S"}});
  EXPECT_NE(error.find("AWS_ACCESS_KEY_ID is not"), std::string::npos) << error;
}

TEST(EndpointTest, ParsesUrls) {
  auto u = ParseEndpointUrl("HTTPS://Example.COM");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "example.com");
  EXPECT_EQ(u->port, 443);
  EXPECT_EQ(u->ToString(), "https://example.com");

  u = ParseEndpointUrl("http://[::1]:8080/base/");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->host, "::1");
  EXPECT_EQ(u->port, 8080);
  EXPECT_EQ(u->base_path, "/base");
  EXPECT_EQ(u->ToString(), "http://[::1]:8080/base");

  u = ParseEndpointUrl("http://127.0.0.1:80/");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->ToString(), "http://127.0.0.1");
}

TEST(EndpointTest, RejectsBadUrlsWithAReason) {
  struct Case {
    const char* url;
    const char* reason;
  };
  for (const Case& c : {Case{"127.0.0.1:4566", "no scheme"}, Case{"ftp://host", "scheme must be http or https"},
                        Case{"http://", "no host"}, Case{"http://:80", "no host"},
                        Case{"http://host:abc", "not a number"}, Case{"http://host:0", "between 1 and 65535"},
                        Case{"http://host:70000", "between 1 and 65535"}, Case{"http://host/?a=b", "query string"},
                        Case{"http://host?a=b", "query string"}, Case{"http://host/#x", "fragment"},
                        Case{"http://user:pw@host", "user info"}, Case{"http://[::1", "unterminated"},
                        Case{"http://ho st", "whitespace"}, Case{"", "empty"}, Case{"http://host:", "empty port"}}) {
    auto u = ParseEndpointUrl(c.url);
    ASSERT_FALSE(u.ok()) << c.url;
    EXPECT_NE(u.status().message().find(c.reason), std::string::npos) << c.url << ": " << u.status().message();
    EXPECT_NE(u.status().message().find(std::string("'") + c.url + "'"), std::string::npos) << u.status().message();
  }
  std::string error = ErrorOf({}, {{"AWS_ENDPOINT_URL", "localhost:4566"}});
  EXPECT_NE(error.find("from AWS_ENDPOINT_URL"), std::string::npos) << error;
}

TEST(EndpointTest, RealAwsHosts) {
  EXPECT_TRUE(IsRealAwsHost("api.ecr-public.us-east-1.amazonaws.com"));
  EXPECT_TRUE(IsRealAwsHost("ECR-PUBLIC.US-EAST-1.API.AWS"));
  EXPECT_TRUE(IsRealAwsHost("api.ecr.cn-north-1.amazonaws.com.cn"));
  EXPECT_TRUE(IsRealAwsHost("amazonaws.com."));
  EXPECT_FALSE(IsRealAwsHost("notamazonaws.com"));
  EXPECT_FALSE(IsRealAwsHost("amazonaws.com.evil.example"));
  EXPECT_FALSE(IsRealAwsHost("127.0.0.1"));
  EXPECT_FALSE(IsRealAwsHost("localhost"));
}

TEST(EndpointTest, LoopbackHosts) {
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.255.255.254"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("[::1]"));
  EXPECT_TRUE(IsLoopbackHost("localhost."));
  EXPECT_FALSE(IsLoopbackHost("128.0.0.1"));
  EXPECT_FALSE(IsLoopbackHost("10.0.0.1"));
  EXPECT_FALSE(IsLoopbackHost("localhost.example.com"));
  EXPECT_FALSE(IsLoopbackHost("::2"));
}

}  // namespace
}  // namespace ecrc::client
