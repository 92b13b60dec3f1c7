#include "base/base64.h"

#include <gtest/gtest.h>

namespace ecrc {
namespace {

TEST(Base64, EncodesRfc4648Vectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, DecodesWhatItEncodes) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  for (size_t n = 0; n < bytes.size(); n += 37) {
    auto decoded = Base64Decode(Base64Encode(bytes.substr(0, n)));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, bytes.substr(0, n));
  }
}

TEST(Base64, AppendsAfterWhatIsThere) {
  std::string out = "\"";
  AppendBase64("foobar", out);
  AppendBase64("f", out);
  EXPECT_EQ(out, "\"Zm9vYmFyZg==");
}

TEST(Base64, DecodesToBytesAsToText) {
  for (std::string text : {"", "Zg==", "Zm8=", "Zm9vYmFy", "/+8A"}) {
    auto bytes = Base64DecodeBytes(text);
    ASSERT_TRUE(bytes.has_value()) << text;
    EXPECT_EQ(std::string(bytes->begin(), bytes->end()), *Base64Decode(text)) << text;
  }
  EXPECT_FALSE(Base64DecodeBytes("Z=g="));
  EXPECT_FALSE(Base64DecodeBytes("Zm9v YmFy"));
}

TEST(Base64, RejectsNonCanonicalText) {
  EXPECT_FALSE(Base64Decode("Zg="));     // wrong length
  EXPECT_FALSE(Base64Decode("Z=g="));    // padding in the middle
  EXPECT_FALSE(Base64Decode("Zm9v!mFy"));
  EXPECT_FALSE(Base64Decode("Zm9v YmFy"));
}

TEST(Base64, SizesWithoutDecoding) {
  std::string bytes(40, 'x');
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_EQ(Base64DecodedSize(Base64Encode(bytes.substr(0, n))), n) << n;
  EXPECT_FALSE(Base64DecodedSize("Zg="));
  EXPECT_FALSE(Base64DecodedSize("===="));
  EXPECT_FALSE(Base64DecodedSize("Z=g="));
}

}  // namespace
}  // namespace ecrc
