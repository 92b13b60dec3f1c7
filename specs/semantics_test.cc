#include "specs/semantics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
