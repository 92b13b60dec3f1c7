#include "base/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace ecrc {
namespace {

TEST(JsonNestingDepth, CountsArraysAndObjects) {
  EXPECT_EQ(JsonNestingDepth("", 64), 0);
  EXPECT_EQ(JsonNestingDepth("\"text\"", 64), 0);
  EXPECT_EQ(JsonNestingDepth("{\"a\":[1,{\"b\":[]}],\"c\":{}}", 64), 4);
}

TEST(JsonNestingDepth, SkipsStringsAndTheirEscapes) {
  std::string text = "{\"a\":\"" + std::string(200, '[') + "\\\"" + std::string(200, '{') + "\"}";
  EXPECT_EQ(JsonNestingDepth(text, 64), 1);
}

TEST(JsonNestingDepth, StopsOncePastTheLimit) {
  std::string deep(100000, '[');
  EXPECT_EQ(JsonNestingDepth(deep, 64), 65);
}

}  // namespace
}  // namespace ecrc
