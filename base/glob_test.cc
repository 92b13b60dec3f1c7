#include "base/glob.h"

#include <gtest/gtest.h>

namespace ecrc {
namespace {

TEST(Glob, StarsAndQuestionMarksBracketsLiteral) {
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_TRUE(GlobMatch("error_shape_valid[*]", "error_shape_valid[PutImage]"));
  EXPECT_FALSE(GlobMatch("error_shape_valid[*]", "output_shape_valid[PutImage]"));
  EXPECT_TRUE(GlobMatch("put_image_*", "put_image_tag_move"));
  EXPECT_TRUE(GlobMatch("*[CreateRepository.*].?", "x[CreateRepository.tags].y"));
  EXPECT_FALSE(GlobMatch("[ab]", "a"));  // not a character class
  EXPECT_TRUE(GlobMatch("a*b*c", "aXXbYYbc"));
  EXPECT_FALSE(GlobMatch("a*b", "aXXbc"));
}

}  // namespace
}  // namespace ecrc
