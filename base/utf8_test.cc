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

// What JSON parsers refuse must not count as valid here either (RFC 3629).
TEST(Utf8, RejectsOverlongSurrogateAndOutOfRangeForms) {
  EXPECT_FALSE(Utf8Length("\xc0\x80"));              // overlong NUL
  EXPECT_FALSE(Utf8Length("\xe0\x80\xaf"));          // overlong '/'
  EXPECT_FALSE(Utf8Length("\xed\xa0\x80"));          // U+D800, a surrogate
  EXPECT_FALSE(Utf8Length("\xf4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(Utf8Length("\xf5\x80\x80\x80"));
  EXPECT_EQ(Utf8Length("\xed\x9f\xbf"), 1u);          // U+D7FF, the last before the surrogates
  EXPECT_EQ(Utf8Length("\xf4\x8f\xbf\xbf"), 1u);      // U+10FFFF
  EXPECT_EQ(Utf8Length("\xe0\xa0\x80"), 1u);          // U+0800, the first three-byte form
}

TEST(Utf8, IsValidExactlyWhenCounted) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii, long enough for the eight-byte path"));
  EXPECT_TRUE(IsValidUtf8("caf\xc3\xa9 \xf0\x9f\x90\xb3"));
  EXPECT_FALSE(IsValidUtf8("eight ascii bytes then \xff"));
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));
  EXPECT_FALSE(IsValidUtf8("truncated \xe2\x82"));
}

TEST(Utf8, FirstInvalidUtf8NamesTheOffset) {
  EXPECT_EQ(FirstInvalidUtf8("plain ascii"), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("caf\xC3\xA9 ok"), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("ab\xFF" "cd"), std::optional<size_t>(2));
  EXPECT_EQ(FirstInvalidUtf8("\xC3\xA9\xED\xA0\x80"), std::optional<size_t>(2));  // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("x\xC3"), std::optional<size_t>(1));                  // cut short
}

TEST(Utf8, PrefixNeverEndsInsideACharacter) {
  std::string text = "ab\xc3\xa9" "\xe2\x9c\x93";  // a b é ✓
  EXPECT_EQ(Utf8Prefix(text, 100), text);
  EXPECT_EQ(Utf8Prefix(text, 3), "ab");
  EXPECT_EQ(Utf8Prefix(text, 4), "ab\xc3\xa9");
  EXPECT_EQ(Utf8Prefix(text, 5), "ab\xc3\xa9");
  EXPECT_EQ(Utf8Prefix(text, 6), "ab\xc3\xa9");
  EXPECT_EQ(Utf8Prefix(text, 0), "");
}

}  // namespace
}  // namespace ecrc
