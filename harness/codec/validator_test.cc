#include "harness/codec/validator.h"

#include <gtest/gtest.h>

namespace ecrc::codec {
namespace {

using nlohmann::json;

const spec::Shape& Output(const char* op) { return *spec::Service::Embedded()->FindOperation(op)->output; }
const spec::Shape& Input(const char* op) { return *spec::Service::Embedded()->FindOperation(op)->input; }

struct Case {
  const char* name;
  const char* op;
  bool output;
  json document;
  const char* path;
  ViolationKind kind;
};

class OneViolation : public ::testing::TestWithParam<Case> {};

// Each document breaks exactly one trait; the validator must report exactly that, at that path.
TEST_P(OneViolation, IsReportedWithItsPath) {
  const Case& c = GetParam();
  Violations v = Validate(c.output ? Output(c.op) : Input(c.op), c.document);
  ASSERT_EQ(v.size(), 1u) << AwsValidationMessage(v);
  EXPECT_EQ(v[0].path, c.path);
  EXPECT_EQ(v[0].kind, c.kind) << v[0].ToString();
}

const json kRegistry = {{"registryId", "123456789012"}, {"registryArn", "arn:aws:ecr-public::123456789012:registry/123456789012"},
                        {"registryUri", "public.ecr.aws/x1"}, {"verified", false},
                        {"aliases", json::array({{{"name", "x1"}, {"status", "ACTIVE"}, {"primaryRegistryAlias", true}, {"defaultRegistryAlias", true}}})}};

json Registries(const std::function<void(json&)>& edit) {
  json r = kRegistry;
  edit(r);
  return {{"registries", json::array({r})}};
}

INSTANTIATE_TEST_SUITE_P(
    Validator, OneViolation,
    ::testing::Values(
        Case{"MissingRequiredOutput", "DescribeRegistries", true, Registries([](json& r) { r.erase("verified"); }), "registries[0].verified", ViolationKind::kRequired},
        Case{"BooleanAsString", "DescribeRegistries", true, Registries([](json& r) { r["verified"] = "false"; }), "registries[0].verified", ViolationKind::kType},
        Case{"EnumMismatch", "DescribeRegistries", true, Registries([](json& r) { r["aliases"][0]["status"] = "active"; }), "registries[0].aliases[0].status", ViolationKind::kEnum},
        Case{"PatternMismatch", "DescribeRegistries", true, Registries([](json& r) { r["registryId"] = "12345678901x"; }), "registries[0].registryId", ViolationKind::kPattern},
        Case{"AliasTooLong", "DescribeRegistries", true, Registries([](json& r) { r["aliases"][0]["name"] = std::string(51, 'a'); }), "registries[0].aliases[0].name", ViolationKind::kLength},
        Case{"UnknownMember", "DescribeRegistries", true, Registries([](json& r) { r["extra"] = 1; }), "registries[0].extra", ViolationKind::kUnknownMember},
        Case{"TimestampAsIsoString", "CreateRepository", true,
             json{{"repository", {{"createdAt", "2024-01-01T00:00:00Z"}}}}, "repository.createdAt", ViolationKind::kType},
        Case{"NotAList", "DescribeRegistries", true, json{{"registries", json::object()}}, "registries", ViolationKind::kType},
        Case{"MissingRequiredInput", "CreateRepository", false, json::object(), "repositoryName", ViolationKind::kRequired},
        Case{"NameTooLong", "CreateRepository", false, json{{"repositoryName", std::string(206, 'a')}}, "repositoryName", ViolationKind::kLength},
        Case{"NameUppercase", "CreateRepository", false, json{{"repositoryName", "App"}}, "repositoryName", ViolationKind::kPattern},
        Case{"MaxResultsZero", "DescribeRepositories", false, json{{"maxResults", 0}}, "maxResults", ViolationKind::kRange},
        Case{"MaxResultsFloat", "DescribeRepositories", false, json{{"maxResults", 1.5}}, "maxResults", ViolationKind::kType},
        Case{"MaxResultsHuge", "DescribeRepositories", false, json::parse(R"({"maxResults": 22222222222222222222})"), "maxResults", ViolationKind::kType},
        Case{"MaxResultsOverInt32", "DescribeRepositories", false, json{{"maxResults", 4294967296LL}}, "maxResults", ViolationKind::kRange},
        Case{"TooManyTags", "TagResource", false,
             json{{"resourceArn", "arn"}, {"tags", json(std::vector<json>(201, json{{"Key", "k"}, {"Value", "v"}}))}}, "tags", ViolationKind::kLength},
        Case{"TagKeyEmpty", "TagResource", false, json{{"resourceArn", "arn"}, {"tags", {{{"Key", ""}}}}}, "tags[0].Key", ViolationKind::kLength},
        Case{"BlobNotBase64", "UploadLayerPart", false,
             json{{"repositoryName", "ab"}, {"uploadId", "8a4a1d2e-6b9c-4c6e-9b1f-2f3e4d5c6b7a"}, {"partFirstByte", 0}, {"partLastByte", 0}, {"layerPartBlob", "!!"}},
             "layerPartBlob", ViolationKind::kBase64},
        Case{"InvalidUtf8", "CreateRepository", false, json{{"repositoryName", "ab"}, {"catalogData", {{"description", "\xff"}}}},
             "catalogData.description", ViolationKind::kUtf8}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Validator, NullMeansAbsentAndNullListItemsAreErrors) {
  EXPECT_TRUE(Validate(Input("DescribeRepositories"), json{{"nextToken", nullptr}}).empty());
  Violations v = Validate(Input("DescribeRepositories"), json{{"repositoryNames", {nullptr}}});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].path, "repositoryNames[0]");
}

TEST(Validator, ReportsEveryViolationAndStopsAtTheCap) {
  json many = json::array();
  for (int i = 0; i < 150; ++i) many.push_back("BAD NAME");
  Violations all = Validate(Input("DescribeRepositories"), json{{"repositoryNames", many}});
  EXPECT_EQ(all.size(), 100u);  // the default cap
  Violations two = Validate(Input("CreateRepository"), json{{"repositoryName", "A"}});
  EXPECT_EQ(two.size(), 2u);  // too short and wrong pattern
}

TEST(Validator, AwsStyleMessageNamesTheMember) {
  Violations v = Validate(Input("CreateRepository"), json::object());
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].AwsMessage(), "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'Member must not be null'");
}

}  // namespace
}  // namespace ecrc::codec
