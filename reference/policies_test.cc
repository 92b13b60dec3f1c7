// Repository policies (fact sheet §4 items 6, 14, 20; §5.6).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

constexpr char kPolicy[] = R"({
    "Version" : "2008-10-17",
    "Statement" : [
        {
            "Sid" : "allow public pull",
            "Effect" : "Allow",
            "Principal" : "*",
            "Action" : [
                "ecr:BatchCheckLayerAvailability",
                "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer"
            ]
        }
    ]
})";

// The output of the CLI set-repository-policy example 1 for that input.
constexpr char kStored[] =
    "{\n  \"Version\" : \"2008-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"allow public pull\",\n    \"Effect\" : "
    "\"Allow\",\n    \"Principal\" : \"*\",\n    \"Action\" : [ \"ecr:BatchCheckLayerAvailability\", "
    "\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\" ]\n  } ]\n}";

TEST(Policies, SetGetDeleteRoundTrip) {
  TestServer t;
  t.CreateRepository("project-a/nginx-web-app");
  Reply r = t.Call("SetRepositoryPolicy", {{"repositoryName", "project-a/nginx-web-app"}, {"policyText", kPolicy}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body, (json{{"registryId", "123456789012"}, {"repositoryName", "project-a/nginx-web-app"}, {"policyText", kStored}}));
  EXPECT_EQ(t.Call("GetRepositoryPolicy", {{"repositoryName", "project-a/nginx-web-app"}}).body, r.body);
  // Setting again overwrites.
  ASSERT_EQ(t.Call("SetRepositoryPolicy", {{"repositoryName", "project-a/nginx-web-app"}, {"policyText", kPolicy}, {"force", true}})
                .status,
            200);
  Reply deleted = t.Call("DeleteRepositoryPolicy", {{"repositoryName", "project-a/nginx-web-app"}});
  ASSERT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.body["policyText"], kStored);
  Reply missing = t.Call("GetRepositoryPolicy", {{"repositoryName", "project-a/nginx-web-app"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.code, "RepositoryPolicyNotFoundException");
  EXPECT_EQ(t.Call("DeleteRepositoryPolicy", {{"repositoryName", "project-a/nginx-web-app"}}).code,
            "RepositoryPolicyNotFoundException");
}

TEST(Policies, PolicyMustBeAJsonPolicy) {
  TestServer t;
  t.CreateRepository("app");
  for (const char* bad : {"", "not json", "[]", "\"x\"", R"({"Version":"2012-10-17"})",
                          R"({"Version":"2020-01-01","Statement":[]})", R"({"Statement":"x"})", R"({"Statement":[1]})"}) {
    Reply r = t.Call("SetRepositoryPolicy", {{"repositoryName", "app"}, {"policyText", bad}});
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.code, "InvalidParameterException") << bad;
    EXPECT_THAT(r.message, ::testing::HasSubstr("Invalid repository policy provided")) << bad;
  }
  EXPECT_EQ(t.Call("SetRepositoryPolicy", {{"repositoryName", "app"}, {"policyText", std::string(10241, ' ')}}).code,
            "InvalidParameterException");
  EXPECT_EQ(t.Call("GetRepositoryPolicy", {{"repositoryName", "app"}}).code, "RepositoryPolicyNotFoundException");
}

TEST(Policies, MissingRepository) {
  TestServer t;
  for (const char* op : {"GetRepositoryPolicy", "DeleteRepositoryPolicy"}) {
    EXPECT_EQ(t.Call(op, {{"repositoryName", "nope"}}).code, "RepositoryNotFoundException") << op;
  }
  EXPECT_EQ(t.Call("SetRepositoryPolicy", {{"repositoryName", "nope"}, {"policyText", kPolicy}}).code,
            "RepositoryNotFoundException");
}

}  // namespace
}  // namespace ecrc::server::testing
