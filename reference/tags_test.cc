// ListTagsForResource, TagResource, UntagResource (fact sheet §4 items 16, 21, 22; §5.5).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

class Tags : public ::testing::Test {
 protected:
  void SetUp() override {
    t_.CreateRepository("project-a/app");
    arn_ = t_.RepositoryArn("project-a/app");
  }
  Reply Tag(const json& tags) { return t_.Call("TagResource", {{"resourceArn", arn_}, {"tags", tags}}); }
  json List() {
    Reply r = t_.Call("ListTagsForResource", {{"resourceArn", arn_}});
    EXPECT_EQ(r.status, 200) << r.raw.body;
    return r.body["tags"];
  }

  TestServer t_;
  std::string arn_;
};

json Many(int n, int from = 0) {
  json tags = json::array();
  for (int i = from; i < from + n; ++i) tags.push_back({{"Key", "k" + std::to_string(i)}, {"Value", "v"}});
  return tags;
}

TEST_F(Tags, TagListOverwriteUntag) {
  EXPECT_EQ(List(), json::array());
  Reply r = Tag({{{"Key", "Team"}, {"Value", "a"}}, {{"Key", "env"}, {"Value", ""}}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(List(), (json{{{"Key", "Team"}, {"Value", "a"}}, {{"Key", "env"}, {"Value", ""}}}));
  // Re-tagging overwrites the value, keeps the others; keys are case-sensitive.
  ASSERT_EQ(Tag({{{"Key", "Team"}, {"Value", "b"}}, {{"Key", "team"}, {"Value", "c"}}}).status, 200);
  EXPECT_EQ(List(), (json{{{"Key", "Team"}, {"Value", "b"}}, {{"Key", "env"}, {"Value", ""}}, {{"Key", "team"}, {"Value", "c"}}}));
  r = t_.Call("UntagResource", {{"resourceArn", arn_}, {"tagKeys", {"Team", "absent"}}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(List(), (json{{{"Key", "env"}, {"Value", ""}}, {{"Key", "team"}, {"Value", "c"}}}));
  // An empty tag list is allowed by the model (0..200) and changes nothing.
  EXPECT_EQ(Tag(json::array()).status, 200);
}

TEST_F(Tags, FiftyPerRepository) {
  ASSERT_EQ(Tag(Many(50)).status, 200);
  Reply r = Tag(Many(1, 50));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "TooManyTagsException");
  // Overwriting existing keys at the limit is fine.
  EXPECT_EQ(Tag(Many(50)).status, 200);
  EXPECT_EQ(List().size(), 50u);
  // 51..200 reach the server and are rejected there; over 200 breaks the model's list size.
  EXPECT_EQ(Tag(Many(120, 100)).code, "TooManyTagsException");
  EXPECT_EQ(Tag(Many(201, 100)).code, "TooManyTagsException");
}

TEST_F(Tags, InvalidTags) {
  EXPECT_EQ(Tag({{{"Key", "aws:reserved"}, {"Value", "v"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(Tag({{{"Key", "AWS:reserved"}, {"Value", "v"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(Tag({{{"Key", std::string(129, 'k')}, {"Value", "v"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(Tag({{{"Key", "k"}, {"Value", std::string(257, 'v')}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(Tag({{{"Key", ""}, {"Value", "v"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(Tag({{{"Value", "v"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(Tag({{{"Key", "k"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(Tag({{{"Key", std::string(128, 'k')}, {"Value", std::string(256, 'v')}}}).status, 200);
  EXPECT_EQ(t_.Call("UntagResource", {{"resourceArn", arn_}, {"tagKeys", {"aws:x"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(t_.Call("UntagResource", {{"resourceArn", arn_}, {"tagKeys", {std::string(129, 'k')}}}).code,
            "InvalidTagParameterException");
}

TEST_F(Tags, ArnsMustNameARepositoryOfThisRegistry) {
  for (const char* bad : {"arn:aws:ecr:us-east-1:123456789012:repository/project-a/app",
                          "arn:aws:ecr-public:::repository/project-a/app",
                          "arn:aws:ecr-public::123456789012:registry/123456789012",
                          "arn:aws:ecr-public::123456789012:repository/", "not an arn",
                          "arn:aws:ecr-public:us-east-1:123456789012:repository/project-a/app"}) {
    EXPECT_EQ(t_.Call("ListTagsForResource", {{"resourceArn", bad}}).code, "InvalidParameterException") << bad;
  }
  EXPECT_EQ(t_.Call("ListTagsForResource", {{"resourceArn", t_.RepositoryArn("nope")}}).code, "RepositoryNotFoundException");
  EXPECT_EQ(t_.Call("ListTagsForResource", {{"resourceArn", "arn:aws:ecr-public::999999999999:repository/project-a/app"}}).code,
            "RepositoryNotFoundException");
  EXPECT_EQ(t_.Call("TagResource", {{"resourceArn", t_.RepositoryArn("nope")}, {"tags", Many(1)}}).code,
            "RepositoryNotFoundException");
  EXPECT_EQ(t_.Call("UntagResource", {{"resourceArn", t_.RepositoryArn("nope")}, {"tagKeys", {"k"}}}).code,
            "RepositoryNotFoundException");
  EXPECT_EQ(t_.Call("ListTagsForResource", {{"resourceArn", ""}}).code, "InvalidParameterException");
  EXPECT_EQ(t_.Call("TagResource", {{"resourceArn", "not an arn"}, {"tags", Many(1)}}).code, "InvalidParameterException");
  EXPECT_EQ(t_.Call("UntagResource", {{"resourceArn", "not an arn"}, {"tagKeys", {"k"}}}).code, "InvalidParameterException");
}

TEST_F(Tags, TagsGoWithTheRepository) {
  ASSERT_EQ(Tag(Many(3)).status, 200);
  ASSERT_EQ(t_.Call("DeleteRepository", {{"repositoryName", "project-a/app"}}).status, 200);
  EXPECT_EQ(t_.Call("ListTagsForResource", {{"resourceArn", arn_}}).code, "RepositoryNotFoundException");
  t_.CreateRepository("project-a/app");
  EXPECT_EQ(List(), json::array());
}

}  // namespace
}  // namespace ecrc::server::testing
