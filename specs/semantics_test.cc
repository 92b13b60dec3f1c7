#include "specs/semantics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace ecrc::spec {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

TEST(Semantics, EmbeddedFileLoadsAndCrossChecksWithTheModel) {
  auto s = Semantics::Embedded();
  ASSERT_NE(s->FindResource("repository"), nullptr);
  EXPECT_EQ(s->FindResource("repository")->create_operation, "CreateRepository");
  EXPECT_EQ(s->FindBinding("resourceArn")->value, "arn");
  EXPECT_EQ(s->validation_error_codes(), std::vector<std::string>{"InvalidParameterException"});
  EXPECT_TRUE(s->WhyUnprovokable("PutImage", "ServerException").has_value());
  EXPECT_TRUE(s->WhyUnprovokable("UntagResource", "TooManyTagsException").has_value());
  EXPECT_FALSE(s->WhyUnprovokable("TagResource", "TooManyTagsException").has_value());
  EXPECT_FALSE(s->WhyUnprovokable("GetAuthorizationToken", "UnsupportedCommandException").has_value());
  // The failure codes and layer availability are closed sets (issue 13); each entry cites a source.
  for (const char* shape : {"ImageFailureCode", "LayerFailureCode", "LayerAvailability", "RegistryAliasStatus"}) {
    ASSERT_NE(s->FindClosedEnum(shape), nullptr) << shape;
    EXPECT_FALSE(s->FindClosedEnum(shape)->source.empty()) << shape;
  }
  EXPECT_EQ(s->FindClosedEnum("RepositoryName"), nullptr);
}

TEST(Semantics, ClosedEnumsMustBeEnumShapes) {
  auto service = Service::Embedded();
  json doc = json::parse(R"({"resources":{},"bindings":{},"validation_error":{"codes":["InvalidParameterException"],
      "source":"x","confidence":"E"},"preconditions":[],"unprovokable_errors":[],
      "closed_enums":{"shapes":[{"shape":"RepositoryName","confidence":"M","source":"x"}]}})");
  auto loaded = Semantics::Load(doc.dump(), *service);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(), HasSubstr("closed_enums.shapes[0].shape: no enum shape 'RepositoryName'"));
  doc["closed_enums"]["shapes"][0]["shape"] = "LayerAvailability";
  EXPECT_TRUE(Semantics::Load(doc.dump(), *service).ok());
}

// Every fact in the semantics file names where it comes from, inside the repository or at its
// primary source: a section of the behaviour reference, a model path, or a URL. Never empty,
// never a file users do not have.
void ExpectSourcesCited(const json& node, const std::string& path, int* seen) {
  static const std::regex kCited(R"(specs/ecr-public/behaviour\.md §\d|\b(shapes|operations|metadata)\.[A-Za-z]|https?://\S)");
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "source") {
        ++*seen;
        ASSERT_TRUE(value.is_string()) << path;
        EXPECT_TRUE(std::regex_search(value.get<std::string>(), kCited)) << path << ".source = " << value;
      }
      ExpectSourcesCited(value, path + "." + key, seen);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) ExpectSourcesCited(node[i], path + "[" + std::to_string(i) + "]", seen);
  }
}

TEST(Semantics, EverySourceCitesTheBehaviourReferenceAModelPathOrAUrl) {
  std::ifstream in(std::string(ECRC_SOURCE_DIR) + "/specs/ecr-public/semantics.json");
  std::stringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str());
  int seen = 0;
  ExpectSourcesCited(doc, "$", &seen);
  EXPECT_GE(seen, 10);  // the walk reached the file's facts
  const std::string& reference = Semantics::Embedded()->fact_sheet();
  EXPECT_EQ(reference, "specs/ecr-public/behaviour.md");
  EXPECT_TRUE(std::filesystem::is_regular_file(std::string(ECRC_SOURCE_DIR) + "/" + reference)) << reference;
}

TEST(Semantics, RefusesNamesTheModelDoesNotHave) {
  auto service = Service::Embedded();
  json doc = json::parse(R"({"resources":{"repository":{"identifier_member":"repositoryName","source":"x",
      "create":{"operation":"MakeRepository"}}},"bindings":{},"validation_error":{"codes":["InvalidParameterException"],
      "source":"x","confidence":"E"},"preconditions":[],"unprovokable_errors":[]})");
  auto loaded = Semantics::Load(doc.dump(), *service);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(), HasSubstr("resources.repository.create.operation: no operation 'MakeRepository'"));
  doc["resources"]["repository"]["create"]["operation"] = "CreateRepository";
  doc["validation_error"]["codes"] = {"ValidationException"};
  loaded = Semantics::Load(doc.dump(), *service);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(), HasSubstr("validation_error.codes: no error shape 'ValidationException'"));
  EXPECT_FALSE(Semantics::Load("[", *service).ok());
}

}  // namespace
}  // namespace ecrc::spec
