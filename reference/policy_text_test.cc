// The policy re-serialisation (Jackson's default pretty printer) and the policy checks.
#include "reference/policy_text.h"

#include <gtest/gtest.h>

namespace ecrc::server {
namespace {

std::string Normalize(const std::string& text) {
  std::string why;
  auto out = NormalizePolicy(text, &why);
  return out ? *out : "ERROR: " + why;
}

TEST(PolicyText, MatchesTheCliExampleWithNestedObjects) {
  // CLI get-repository-policy example output.
  std::string in = R"({"Version":"2008-10-17","Statement":[{"Sid":"AllowPush","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:user/eksuser1","arn:aws:iam::123456789012:user/admin"]},"Action":["ecr-public:BatchCheckLayerAvailability","ecr-public:PutImage","ecr-public:InitiateLayerUpload","ecr-public:UploadLayerPart","ecr-public:CompleteLayerUpload"]}]})";
  EXPECT_EQ(Normalize(in),
            "{\n  \"Version\" : \"2008-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"AllowPush\",\n    \"Effect\" : "
            "\"Allow\",\n    \"Principal\" : {\n      \"AWS\" : [ \"arn:aws:iam::123456789012:user/eksuser1\", "
            "\"arn:aws:iam::123456789012:user/admin\" ]\n    },\n    \"Action\" : [ "
            "\"ecr-public:BatchCheckLayerAvailability\", \"ecr-public:PutImage\", \"ecr-public:InitiateLayerUpload\", "
            "\"ecr-public:UploadLayerPart\", \"ecr-public:CompleteLayerUpload\" ]\n  } ]\n}");
}

TEST(PolicyText, EmptyContainersScalarsAndOrder) {
  EXPECT_EQ(Normalize(R"({"Statement":{},"Z":[],"A":[1,2.5,true,null,"é"]})"),
            "{\n  \"Statement\" : { },\n  \"Z\" : [ ],\n  \"A\" : [ 1, 2.5, true, null, \"é\" ]\n}");
  // Idempotent.
  std::string once = Normalize(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny"},{"Effect":"Allow"}]})");
  EXPECT_EQ(Normalize(once), once);
}

TEST(PolicyText, Rejects) {
  for (const char* bad : {"", "x", "[]", "1", R"({"Version":"2012-10-17"})", R"({"Statement":5})",
                          R"({"Statement":[{}, 5]})", R"({"Version":3,"Statement":{}})"}) {
    EXPECT_FALSE(NormalizePolicy(bad, nullptr)) << bad;
  }
  std::string deep = R"({"Statement":{"a":)" + std::string(100, '[') + std::string(100, ']') + "}}";
  EXPECT_FALSE(NormalizePolicy(deep, nullptr));
}

}  // namespace
}  // namespace ecrc::server
