#include "base/json_path.h"

#include <gtest/gtest.h>

namespace ecrc {
namespace {

TEST(JsonPath, ReadsNestedMembersAndNullsWhatIsMissing) {
  nlohmann::json doc = {{"repository", {{"repositoryArn", "arn:x"}, {"n", 1}}}, {"uploadId", "u"}};
  EXPECT_EQ(AtPath(doc, "repository.repositoryArn"), "arn:x");
  EXPECT_EQ(AtPath(doc, "uploadId"), "u");
  EXPECT_TRUE(AtPath(doc, "repository.missing").is_null());
  EXPECT_TRUE(AtPath(doc, "uploadId.deeper").is_null());
  EXPECT_TRUE(AtPath(nlohmann::json::array(), "a").is_null());
}

}  // namespace
}  // namespace ecrc
