#include "base/percent_encoding.h"

#include <gtest/gtest.h>

namespace ecrc {
namespace {

TEST(PercentEncoding, KeepsUnreservedAndEncodesTheRestInUpperCaseHex) {
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(PercentEncode("a b/c+d=%"), "a%20b%2Fc%2Bd%3D%25");
  EXPECT_EQ(PercentEncode("\xC3\xA9"), "%C3%A9");
  EXPECT_EQ(PercentEncode(std::string_view("\0", 1)), "%00");
}

TEST(PercentEncoding, KeepsWhatTheCallerAddsToTheUnreservedSet) {
  EXPECT_EQ(PercentEncode("/a b/%41", "/"), "/a%20b/%2541");
}

}  // namespace
}  // namespace ecrc
