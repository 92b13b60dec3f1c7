#include "base/sha256.h"

#include <gtest/gtest.h>

namespace ecrc {
namespace {

TEST(Sha256, MatchesFips180Vector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, StreamEqualsOneShotAndCanBePeekedAndCopied) {
  Sha256Stream stream;
  stream.Update("a");
  EXPECT_EQ(stream.HexDigest(), Sha256Hex("a"));
  Sha256Stream copy = stream;
  stream.Update("bc");
  EXPECT_EQ(stream.HexDigest(), Sha256Hex("abc"));
  EXPECT_EQ(copy.HexDigest(), Sha256Hex("a"));
}

TEST(Sha256, HmacMatchesRfc4231) {
  // RFC 4231 §4.3, test case 2.
  EXPECT_EQ(LowerHex(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(LowerHex(std::string("\x00\xff\x10", 3)), "00ff10");
}

}  // namespace
}  // namespace ecrc
