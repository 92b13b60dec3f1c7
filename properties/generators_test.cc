// The generators keep their word: valid values pass the spec validator, broken ones fail it for
// the rule they were built to break.
#include "properties/generators.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "harness/codec/validator.h"
#include "properties/sut.h"

namespace ecrc::prop {
namespace {

class GeneratorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    service_ = spec::Service::Embedded();
    auto limits = Limits::FromService(*service_);
    ASSERT_TRUE(limits.ok()) << limits.status().message();
    limits_ = limits.value();
  }

  codec::Violations Check(const char* operation, const nlohmann::json& input) {
    const spec::Operation* op = service_->FindOperation(operation);
    EXPECT_NE(op, nullptr) << operation;
    return codec::Validate(*op->input, input, {.reject_unknown_members = true});
  }

  // Runs `property` for 300 generated cases with a fixed seed; fails the test on a counterexample.
  template <typename F>
  void ForAll(F property) {
    rc::detail::TestParams params;
    params.seed = 20261127;
    params.maxSuccess = 300;
    auto result = rc::detail::checkProperty(rc::detail::toProperty(property), rc::detail::TestMetadata{}, params);
    rc::detail::FailureResult failure;
    if (result.match(failure)) ADD_FAILURE() << failure.description;
    rc::detail::SuccessResult success;
    ASSERT_TRUE(result.match(success));
    EXPECT_EQ(success.numSuccess, 300);
  }

  static std::string Describe(const codec::Violations& v) {
    std::string out;
    for (const auto& x : v) out += x.ToString() + "; ";
    return out;
  }

  std::shared_ptr<const spec::Service> service_;
  Limits limits_;
  const std::string prefix_ = CasePrefix(0xabcdef, 42);
};

TEST_F(GeneratorsTest, CasePrefixHasTheLengthGeneratorsAssume) {
  EXPECT_EQ(prefix_.size(), kCasePrefixLength);
  EXPECT_EQ(prefix_.back(), '/');
}

TEST_F(GeneratorsTest, RepositoryNamesMatchTheModel) {
  ForAll([&] {
    std::string name = prefix_ + *GenNameSuffix(limits_);
    auto v = Check("CreateRepository", {{"repositoryName", name}});
    RC_ASSERT(v.empty());
  });
}

TEST_F(GeneratorsTest, TagsImageTagsCatalogAndDisplayNamesAreValid) {
  ForAll([&] {
    std::string name = prefix_ + "a";
    auto tags = Check("TagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/" + name}, {"tags", *GenTags(limits_, 3)}});
    RC_ASSERT(tags.empty());
    auto image = Check("PutImage", {{"repositoryName", name}, {"imageManifest", "{}"}, {"imageTag", *GenImageTag(limits_)}});
    RC_ASSERT(image.empty());
    auto catalog = Check("PutRepositoryCatalogData", {{"repositoryName", name}, {"catalogData", *GenCatalogData(limits_)}});
    RC_ASSERT(catalog.empty());
    auto display = Check("PutRegistryCatalogData", {{"displayName", *GenText(*limits_.display_name, 1000)}});
    RC_ASSERT(display.empty());
    auto policy = Check("SetRepositoryPolicy", {{"repositoryName", name}, {"policyText", *GenPolicy()}});
    RC_ASSERT(policy.empty());
  });
}

// Valid under every reading the behaviour reference leaves open (§5.5, §3 ImageTag): tags in
// AWS's general tagging set, never the aws: prefix or a key twice; image tags in Docker's grammar.
TEST_F(GeneratorsTest, ValuesAreValidUnderEveryReading) {
  auto general = [](const std::string& s) {
    for (char c : s) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && std::string(" _.:/=+-@").find(c) == std::string::npos) return false;
    }
    return s.empty() || (s.front() != ' ' && s.back() != ' ');
  };
  ForAll([&] {
    nlohmann::json tags = *GenTags(limits_, 3);
    RC_ASSERT(!tags.empty() && tags.size() <= 3u);
    std::set<std::string> keys;
    for (const auto& t : tags) {
      std::string key = t["Key"], value = t["Value"];
      RC_ASSERT(keys.insert(key).second);
      RC_ASSERT(general(key));
      RC_ASSERT(general(value));
      RC_ASSERT(!(key.size() >= 4 && (key.substr(0, 4) == "aws:" || key.substr(0, 4) == "AWS:")));
    }
    std::string tag = *GenImageTag(limits_);
    RC_ASSERT(!tag.empty() && tag.size() <= 128u);
    RC_ASSERT(std::isalnum(static_cast<unsigned char>(tag[0])) || tag[0] == '_');
    for (char c : tag) RC_ASSERT(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-');
  });
}

TEST_F(GeneratorsTest, TextRespectsBothEndsOfTheShape) {
  ForAll([&] {
    std::string key = *GenText(*limits_.tag_key, 1000);
    RC_ASSERT(key.size() >= 1u);
    RC_ASSERT(static_cast<int64_t>(key.size()) <= *limits_.tag_key->max);
  });
}

TEST_F(GeneratorsTest, BrokenNamesBreakExactlyTheIntendedRule) {
  ForAll([&] {
    Broken b = *GenBrokenNameSuffix(limits_);
    auto v = Check("CreateRepository", {{"repositoryName", prefix_ + b.value}});
    RC_ASSERT(v.size() == 1u);
    RC_ASSERT(v[0].path == "repositoryName");
    RC_ASSERT(v[0].kind == b.kind);
  });
}

TEST_F(GeneratorsTest, BrokenTagKeyAndDisplayNameBreakTheirLength) {
  Broken key = BrokenTagKey(limits_);
  auto v = Check("TagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/x"}, {"tags", {{{"Key", key.value}, {"Value", ""}}}}});
  ASSERT_EQ(v.size(), 1u) << Describe(v);
  EXPECT_EQ(v[0].path, "tags[0].Key");
  EXPECT_EQ(v[0].kind, key.kind);

  Broken name = BrokenDisplayName(limits_);
  v = Check("PutRegistryCatalogData", {{"displayName", name.value}});
  ASSERT_EQ(v.size(), 1u) << Describe(v);
  EXPECT_EQ(v[0].path, "displayName");
  EXPECT_EQ(v[0].kind, name.kind);
}

}  // namespace
}  // namespace ecrc::prop
