// The choices table and what each choice's non-default value changes in the server (the default
// of every choice is what the other reference tests exercise).
#include <gtest/gtest.h>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

Options With(const std::string& setting) {
  Options options = TestOptions();
  std::string error;
  auto choices = Choices::Parse({setting}, &error);
  EXPECT_TRUE(choices) << error;
  if (choices) options.choices = *choices;
  return options;
}

TEST(ChoicesTable, ParseNamesTheKnownOnes) {
  std::string error;
  EXPECT_FALSE(Choices::Parse({"no_such=x"}, &error));
  EXPECT_NE(error.find("absent_layer=unavailable|missing_layer_digest"), std::string::npos) << error;
  EXPECT_FALSE(Choices::Parse({"absent_layer=maybe"}, &error));
  EXPECT_NE(error.find("its values: unavailable missing_layer_digest"), std::string::npos) << error;
  EXPECT_FALSE(Choices::Parse({"absent_layer"}, &error));
  auto c = Choices::Parse({"catalog_put=replace", "catalog_put=merge", "tag_charset=aws_general"}, &error);
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->Is(Choice::kCatalogPut, "merge"));  // the last setting wins
  EXPECT_EQ(c->NonDefault(), std::vector<std::string>{"tag_charset=aws_general"});
  for (size_t i = 0; i < AllChoices().size(); ++i) {
    const auto& info = AllChoices()[i];
    EXPECT_EQ(static_cast<size_t>(info.choice), i);
    EXPECT_GE(info.values.size(), 2u) << info.name;
    EXPECT_NE(std::string(info.description).find("§"), std::string::npos) << info.name;
    EXPECT_TRUE(Choices().Is(info.choice, info.values[0]));
  }
  EXPECT_EQ(AllChoices().size(), static_cast<size_t>(Choice::kCount));
}

TEST(ChoicesPlayed, AbsentLayer) {
  TestServer t(With("absent_layer=missing_layer_digest"));
  t.CreateRepository("app");
  std::string absent = Sha256Digest("nothing");
  Reply r = t.Call("BatchCheckLayerAvailability", {{"repositoryName", "app"}, {"layerDigests", {absent}}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_TRUE(r.body["layers"].empty());
  EXPECT_EQ(r.body["failures"][0]["failureCode"], "MissingLayerDigest");
}

TEST(ChoicesPlayed, TagCharsetAndDuplicates) {
  TestServer general(With("tag_charset=aws_general"));
  general.CreateRepository("app");
  std::string arn = general.RepositoryArn("app");
  auto tag = [&](TestServer& t, const json& tags) { return t.Call("TagResource", {{"resourceArn", arn}, {"tags", tags}}); };
  EXPECT_EQ(tag(general, {{{"Key", "k.:/=+-@_ 9"}, {"Value", "V al"}}}).status, 200);
  EXPECT_EQ(tag(general, {{{"Key", "k"}, {"Value", "!"}}}).code, "InvalidTagParameterException");
  EXPECT_EQ(tag(general, {{{"Key", "k#"}, {"Value", ""}}}).code, "InvalidTagParameterException");
  TestServer any;
  any.CreateRepository("app");
  EXPECT_EQ(tag(any, {{{"Key", "k"}, {"Value", "!"}}}).status, 200);

  TestServer rejects(With("duplicate_tag_keys=rejected"));
  rejects.CreateRepository("app");
  json twice = {{{"Key", "k"}, {"Value", "1"}}, {{"Key", "k"}, {"Value", "2"}}};
  EXPECT_EQ(tag(rejects, twice).code, "InvalidTagParameterException");
  Reply created = rejects.Call("CreateRepository", {{"repositoryName", "box"}, {"tags", twice}});
  EXPECT_EQ(created.code, "InvalidTagParameterException");
  EXPECT_EQ(rejects.Call("DescribeRepositories", {{"repositoryNames", {"box"}}}).code, "RepositoryNotFoundException");
}

TEST(ChoicesPlayed, TagLengthError) {
  TestServer t(With("tag_length_error=invalid_parameter"));
  t.CreateRepository("app");
  Reply r = t.Call("TagResource", {{"resourceArn", t.RepositoryArn("app")}, {"tags", {{{"Key", std::string(129, 'k')}, {"Value", ""}}}}});
  EXPECT_EQ(r.code, "InvalidParameterException");
  // A list over the model's 200 is still TooManyTags.
  json many = json::array();
  for (int i = 0; i < 201; ++i) many.push_back({{"Key", "k" + std::to_string(i)}, {"Value", ""}});
  EXPECT_EQ(t.Call("TagResource", {{"resourceArn", t.RepositoryArn("app")}, {"tags", many}}).code, "TooManyTagsException");
}

TEST(ChoicesPlayed, CatalogPutReplaceAndMissing) {
  TestServer t(With("catalog_put=replace"));
  t.CreateRepository("app");
  ASSERT_EQ(t.Call("PutRepositoryCatalogData", {{"repositoryName", "app"}, {"catalogData", {{"description", "d"}}}}).status, 200);
  Reply r = t.Call("PutRepositoryCatalogData", {{"repositoryName", "app"}, {"catalogData", {{"aboutText", "x"}}}});
  EXPECT_EQ(r.body["catalogData"], (json{{"aboutText", "x"}}));

  TestServer missing(With("catalog_missing=not_found"));
  missing.CreateRepository("app");
  EXPECT_EQ(missing.Call("GetRepositoryCatalogData", {{"repositoryName", "app"}}).code, "RepositoryCatalogDataNotFoundException");
  ASSERT_EQ(missing.Call("PutRepositoryCatalogData", {{"repositoryName", "app"}, {"catalogData", {{"description", "d"}}}}).status, 200);
  EXPECT_EQ(missing.Call("GetRepositoryCatalogData", {{"repositoryName", "app"}}).status, 200);
}

TEST(ChoicesPlayed, ImageTagGrammarAndUntaggedPush) {
  TestServer docker(With("image_tag_grammar=docker"));
  docker.CreateRepository("app");
  std::string manifest = docker.Schema2Manifest("app", "s", true);
  EXPECT_EQ(docker.PutImage("app", manifest, "-bad").code, "InvalidParameterException");
  EXPECT_EQ(docker.PutImage("app", manifest, "v1.0_x-Y").status, 200);

  TestServer strict(With("untagged_manifest_push=rejected"));
  strict.CreateRepository("app");
  manifest = strict.Schema2Manifest("app", "s", true);
  EXPECT_EQ(strict.PutImage("app", manifest).code, "InvalidParameterException");
  EXPECT_EQ(strict.PutImage("app", manifest, "t").status, 200);
}

TEST(ChoicesPlayed, RepeatedCompletion) {
  TestServer t(With("repeated_completion=layer_already_exists"));
  t.CreateRepository("app");
  std::string upload = t.Call("InitiateLayerUpload", {{"repositoryName", "app"}}).body["uploadId"];
  ASSERT_EQ(t.Call("UploadLayerPart", {{"repositoryName", "app"}, {"uploadId", upload}, {"partFirstByte", 0}, {"partLastByte", 2},
                                       {"layerPartBlob", codec::BlobValue("abc")}}).status, 200);
  json complete = {{"repositoryName", "app"}, {"uploadId", upload}, {"layerDigests", {Sha256Digest("abc")}}};
  ASSERT_EQ(t.Call("CompleteLayerUpload", complete).status, 200);
  EXPECT_EQ(t.Call("CompleteLayerUpload", complete).code, "LayerAlreadyExistsException");
  complete["uploadId"] = "00000000-0000-0000-0000-000000000000";
  EXPECT_EQ(t.Call("CompleteLayerUpload", complete).code, "UploadNotFoundException");
}

TEST(ChoicesPlayed, EmptyDisplayNameKeeps) {
  TestServer t(With("empty_display_name=keeps"));
  ASSERT_EQ(t.Call("PutRegistryCatalogData", {{"displayName", "n"}}).status, 200);
  Reply r = t.Call("PutRegistryCatalogData", {{"displayName", ""}});
  EXPECT_EQ(r.body["registryCatalogData"], (json{{"displayName", "n"}}));
}

TEST(ChoicesPlayed, UntaggedInImageTagsPagesThroughBoth) {
  TestServer t(With("untagged_in_image_tags=listed"));
  t.CreateRepository("app");
  t.PushImage("app", "one", "t1");
  std::string untagged = t.PushImage("app", "two");
  t.PushImage("app", "three", "t3");
  std::vector<json> seen;
  json input = {{"repositoryName", "app"}, {"maxResults", 1}};
  for (int i = 0; i < 5; ++i) {
    Reply r = t.Call("DescribeImageTags", input);
    ASSERT_EQ(r.status, 200) << r.raw.body;
    for (const auto& e : r.body["imageTagDetails"]) seen.push_back(e);
    if (!r.body.contains("nextToken")) break;
    input["nextToken"] = r.body["nextToken"];
  }
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0]["imageTag"], "t1");
  EXPECT_EQ(seen[1]["imageTag"], "t3");
  EXPECT_FALSE(seen[2].contains("imageTag"));
  EXPECT_EQ(seen[2]["imageDetail"]["imageDigest"], untagged);
}

TEST(ChoicesPlayed, MissingRequiredCode) {
  TestServer t(With("missing_required_code=validation_error"));
  EXPECT_EQ(t.Call("CreateRepository", json::object()).code, "ValidationError");
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", "A"}}).code, "InvalidParameterException");
}

}  // namespace
}  // namespace ecrc::server::testing
