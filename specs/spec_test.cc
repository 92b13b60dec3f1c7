#include "specs/spec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ecrc::spec {
namespace {

using ::testing::HasSubstr;

std::string ReadModel(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kModelDir = std::string(ECRC_SOURCE_DIR) + "/specs/ecr-public/2020-10-30";

TEST(Spec, EmbeddedModelHasTheWholeContract) {
  auto service = Service::Embedded();
  const auto& md = service->metadata();
  EXPECT_EQ(md.target_prefix, "SpencerFrontendService");
  EXPECT_EQ(md.signing_name, "ecr-public");
  EXPECT_EQ(md.protocol, "json");
  EXPECT_EQ(md.json_version, "1.1");
  EXPECT_EQ(md.api_version, "2020-10-30");
  EXPECT_EQ(service->operations().size(), 23u);
  EXPECT_EQ(service->ErrorShapes().size(), 24u);
  EXPECT_EQ(service->paginators().size(), 4u);
  for (const char* p : {"DescribeImageTags", "DescribeImages", "DescribeRegistries", "DescribeRepositories"}) {
    ASSERT_NE(service->FindPaginator(p), nullptr) << p;
    EXPECT_EQ(service->FindPaginator(p)->input_token, "nextToken");
    EXPECT_EQ(service->FindPaginator(p)->limit_key, "maxResults");
  }
}

TEST(Spec, SpotChecksTraits) {
  auto service = Service::Embedded();
  const Shape* name = service->FindShape("RepositoryName");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->min, 2);
  EXPECT_EQ(name->max, 205);
  EXPECT_TRUE(name->MatchesPattern("team/app-1"));
  EXPECT_FALSE(name->MatchesPattern("Team"));  // patterns match the whole value
  EXPECT_FALSE(name->MatchesPattern("a//b"));

  const Shape* max_results = service->FindShape("MaxResults");
  EXPECT_EQ(max_results->type, ShapeType::kInteger);
  EXPECT_EQ(max_results->min, 1);
  EXPECT_EQ(max_results->max, 1000);

  const Shape* tags = service->FindShape("TagList");
  EXPECT_EQ(tags->type, ShapeType::kList);
  EXPECT_EQ(tags->min, 0);
  EXPECT_EQ(tags->max, 200);
  EXPECT_EQ(tags->member->name, "Tag");

  const Shape* blob = service->FindShape("LayerPartBlob");
  EXPECT_EQ(blob->type, ShapeType::kBlob);
  EXPECT_EQ(blob->max, 20971520);

  const Shape* registry = service->FindShape("Registry");
  int required = 0;
  for (const auto& m : registry->members) required += m.required;
  EXPECT_EQ(required, 5);
  EXPECT_TRUE(registry->FindMember("aliases")->required);

  EXPECT_TRUE(service->FindShape("ServerException")->fault);
  EXPECT_FALSE(service->FindShape("RepositoryNotFoundException")->fault);
  EXPECT_EQ(service->FindShape("CreationTimestamp")->type, ShapeType::kTimestamp);
  EXPECT_EQ(service->FindShape("ImageFailureCode")->enum_values.size(), 7u);

  const Operation* put = service->FindOperation("PutImage");
  ASSERT_NE(put, nullptr);
  EXPECT_TRUE(put->DeclaresError("ImageDigestDoesNotMatchException"));
  EXPECT_FALSE(put->DeclaresError("RepositoryNotEmptyException"));
  EXPECT_EQ(put->input->name, "PutImageRequest");
}

TEST(Spec, OperationDigestsAreStableAndTrackContractChanges) {
  std::string text = ReadModel(kModelDir + "/service-2.json");
  auto a = Service::Load(text, "");
  auto b = Service::Load(text, "");
  ASSERT_TRUE(a.ok() && b.ok());
  for (const auto& [name, op] : (*a)->operations()) {
    EXPECT_EQ(op.model_sha256.size(), 64u);
    EXPECT_EQ(op.model_sha256, (*b)->FindOperation(name)->model_sha256);
  }
  // Tighten RepositoryName: every operation naming a repository changes, GetAuthorizationToken does not.
  auto model = nlohmann::json::parse(text);
  model["shapes"]["RepositoryName"]["max"] = 100;
  auto changed = Service::Load(model.dump(), "");
  ASSERT_TRUE(changed.ok());
  EXPECT_NE((*changed)->FindOperation("CreateRepository")->model_sha256, (*a)->FindOperation("CreateRepository")->model_sha256);
  EXPECT_EQ((*changed)->FindOperation("GetAuthorizationToken")->model_sha256,
            (*a)->FindOperation("GetAuthorizationToken")->model_sha256);
  // Documentation edits do not count as contract changes.
  model = nlohmann::json::parse(text);
  model["shapes"]["RepositoryName"]["documentation"] = "edited";
  EXPECT_EQ((*Service::Load(model.dump(), ""))->FindOperation("CreateRepository")->model_sha256,
            (*a)->FindOperation("CreateRepository")->model_sha256);
}

TEST(Spec, LoadsThePrivateEcrModelThroughTheSameLoader) {
  auto service = Service::LoadDir(std::string(ECRC_SOURCE_DIR) + "/tests/fixtures/models/ecr/2015-09-21");
  ASSERT_TRUE(service.ok()) << service.status().message();
  EXPECT_EQ((*service)->metadata().target_prefix, "AmazonEC2ContainerRegistry_V20150921");
  EXPECT_EQ((*service)->metadata().signing_name, "ecr");
  EXPECT_GT((*service)->operations().size(), 23u);
}

struct BadModel {
  const char* name;
  std::function<void(nlohmann::json&)> mutate;
  const char* expected;
};

class MalformedModel : public ::testing::TestWithParam<BadModel> {};

TEST_P(MalformedModel, IsRefusedNamingTheJsonPath) {
  auto model = nlohmann::json::parse(ReadModel(kModelDir + "/service-2.json"));
  GetParam().mutate(model);
  auto loaded = Service::Load(model.dump(), "");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(), HasSubstr(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Spec, MalformedModel,
    ::testing::Values(
        BadModel{"NoMetadata", [](auto& m) { m.erase("metadata"); }, "metadata: missing"},
        BadModel{"RestProtocol", [](auto& m) { m["metadata"]["protocol"] = "rest-json"; }, "metadata.protocol: unsupported protocol 'rest-json'"},
        BadModel{"MaxNotNumber", [](auto& m) { m["shapes"]["RepositoryName"]["max"] = "205"; }, "shapes.RepositoryName.max: expected a number"},
        BadModel{"DanglingMember", [](auto& m) { m["shapes"]["Tag"]["members"]["Key"]["shape"] = "Nope"; }, "shapes.Tag.members.Key.shape: unknown shape 'Nope'"},
        BadModel{"BadType", [](auto& m) { m["shapes"]["TagKey"]["type"] = "union"; }, "shapes.TagKey.type: unsupported shape type 'union'"},
        BadModel{"BadPattern", [](auto& m) { m["shapes"]["RegistryId"]["pattern"] = "(?=x)"; }, "shapes.RegistryId.pattern: pattern not supported by RE2"},
        BadModel{"RequiredNamesNothing", [](auto& m) { m["shapes"]["Tag"]["required"] = {"Nope"}; }, "shapes.Tag.required[0]: names no member ('Nope')"},
        BadModel{"ErrorNotException", [](auto& m) { m["operations"]["PutImage"]["errors"][0]["shape"] = "RepositoryName"; }, "operations.PutImage.errors[0]: shape 'RepositoryName' is not marked as an exception"},
        BadModel{"NotJsonObject", [](auto& m) { m = nlohmann::json::array(); }, "$: expected an object"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Spec, RefusesTextThatIsNotJson) {
  auto loaded = Service::Load("{not json", "");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(), HasSubstr("not valid JSON"));
  auto missing = Service::LoadDir("/nonexistent/model");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("no service-2.json"));
}

TEST(Spec, RefusesPaginatorForUnknownOperation) {
  auto loaded = Service::Load(ReadModel(kModelDir + "/service-2.json"),
                              R"({"pagination":{"ListThings":{"input_token":"nextToken","output_token":"nextToken","result_key":"x"}}})");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(), HasSubstr("pagination.ListThings: paginator for unknown operation"));
}

}  // namespace
}  // namespace ecrc::spec
