// DescribeRegistries and GetAuthorizationToken (fact sheet §4 items 9, 11; §2.3, §2.4).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "base/base64.h"
#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

TEST(Registry, DescribeRegistriesReportsTheRegistryWithItsAlias) {
  Options options = TestOptions();
  options.registry_alias = "publicregistrycustomalias";
  TestServer t(options);
  Reply r = t.Call("DescribeRegistries");
  ASSERT_EQ(r.status, 200);
  json expected = {{"registries",
                    {{{"registryId", "123456789012"},
                      {"registryArn", "arn:aws:ecr-public::123456789012:registry/123456789012"},
                      {"registryUri", "public.ecr.aws/publicregistrycustomalias"},
                      {"verified", false},
                      {"aliases",
                       {{{"name", "publicregistrycustomalias"},
                         {"status", "ACTIVE"},
                         {"primaryRegistryAlias", true},
                         {"defaultRegistryAlias", true}}}}}}}};
  EXPECT_EQ(r.body, expected);
}

TEST(Registry, DescribeRegistriesPaginates) {
  TestServer t;
  Reply r = t.Call("DescribeRegistries", {{"maxResults", 1}});
  EXPECT_EQ(r.body["registries"].size(), 1u);
  EXPECT_FALSE(r.body.contains("nextToken"));
  EXPECT_EQ(t.Call("DescribeRegistries", {{"maxResults", 0}}).code, "InvalidParameterException");
  EXPECT_EQ(t.Call("DescribeRegistries", {{"nextToken", "x"}}).code, "InvalidParameterException");
}

TEST(Registry, DefaultAliasFollowsTheAliasGrammar) {
  for (const char* account : {"123456789012", "000000000000", "999999999999"}) {
    std::string alias = DefaultRegistryAlias(account);
    EXPECT_TRUE(std::regex_match(alias, std::regex("[a-z][a-z0-9]+"))) << alias;
    EXPECT_EQ(alias.size(), 8u);
    EXPECT_EQ(alias, DefaultRegistryAlias(account));  // stable
  }
  EXPECT_NE(DefaultRegistryAlias("123456789012"), DefaultRegistryAlias("123456789013"));
}

TEST(Registry, AuthorizationTokenIsAwsColonPassword) {
  TestServer t;
  Reply r = t.Call("GetAuthorizationToken");
  ASSERT_EQ(r.status, 200);
  const json& data = r.body["authorizationData"];
  ASSERT_TRUE(data.is_object());  // a single object, not a list
  EXPECT_FALSE(data.contains("proxyEndpoint"));
  std::string token = data["authorizationToken"];
  EXPECT_TRUE(std::regex_match(token, std::regex("^\\S+$")));
  auto decoded = Base64Decode(token);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->substr(0, 4), "AWS:");
  EXPECT_EQ(std::count(decoded->begin(), decoded->end(), ':'), 1);
  double expires = data["expiresAt"];
  EXPECT_NEAR(expires - static_cast<double>(time(nullptr)), 12 * 3600, 10);
  // Each call issues a new password.
  EXPECT_NE(t.Call("GetAuthorizationToken").body["authorizationData"]["authorizationToken"], token);
}

TEST(Registry, AuthorizationTokenOnlyInUsEast1) {
  Options options = TestOptions();
  options.region = "us-west-2";
  TestServer t(options);
  Reply r = t.Call("GetAuthorizationToken");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "UnsupportedCommandException");
  EXPECT_EQ(r.message, "GetAuthorizationToken command is only supported in us-east-1.");
  // Other operations work in us-west-2 (which ones AWS refuses there is U).
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", "app"}}).status, 200);
}

}  // namespace
}  // namespace ecrc::server::testing
