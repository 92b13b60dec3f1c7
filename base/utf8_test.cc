#include "base/utf8.h"

#include <gtest/gtest.h>

namespace ecrc {
namespace {

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(Utf8Length("abc"), 3u);
  EXPECT_EQ(Utf8Length("\xc3\xa9t\xc3\xa9"), 3u);          // été
  EXPECT_EQ(Utf8Length("\xf0\x9f\x90\xb3"), 1u);          // one emoji, four bytes
}

TEST(Utf8, RejectsInvalidSequences) {
  EXPECT_FALSE(Utf8Length("\xff"));
  EXPECT_FALSE(Utf8Length("\xc3"));       // truncated
  EXPECT_FALSE(Utf8Length("\xe2\x28\xa1"));
}

}  // namespace
}  // namespace ecrc
