// Tests for reference/page_token.h: round trips, scope binding, and rejection of any tampering.
#include "reference/page_token.h"

#include <random>

#include <gtest/gtest.h>

namespace ecrc::server {
namespace {

TEST(PageTokenTest, RoundTrip) {
  PageTokenCodec codec("secret");
  for (std::string pos : {std::string(), std::string("repo-a"), std::string("sha256:abc/tag"),
                          std::string("\0\xff\n binary", 10), std::string(1000, 'k')}) {
    std::string token = codec.Encode("DescribeImages", "my/repo", pos);
    auto back = codec.Decode(token, "DescribeImages", "my/repo");
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(*back, pos);
  }
}

TEST(PageTokenTest, TokenIsOpaqueUrlSafeText) {
  PageTokenCodec codec("secret");
  std::string token = codec.Encode("DescribeRepositories", "", "my-secret-looking-repository");
  EXPECT_EQ(token.find("my-secret"), std::string::npos);
  for (char c : token) {
    EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << token;
  }
}

TEST(PageTokenTest, IsDeterministicForOneSecret) {
  PageTokenCodec a("k"), b("k");
  EXPECT_EQ(a.Encode("Op", "s", "p"), b.Encode("Op", "s", "p"));
}

TEST(PageTokenTest, OtherOperationOrScopeIsRejected) {
  PageTokenCodec codec("secret");
  std::string token = codec.Encode("DescribeImages", "repo-a", "k1");
  EXPECT_FALSE(codec.Decode(token, "DescribeImageTags", "repo-a").ok());
  EXPECT_FALSE(codec.Decode(token, "DescribeImages", "repo-b").ok());
  EXPECT_FALSE(codec.Decode(token, "DescribeImages", "").ok());
  // Field boundaries are part of the MAC: shifting a character between fields does not verify.
  std::string t2 = codec.Encode("ab", "c", "p");
  EXPECT_FALSE(codec.Decode(t2, "a", "bc").ok());
}

TEST(PageTokenTest, OtherSecretIsRejected) {
  PageTokenCodec a("one"), b("two");
  EXPECT_FALSE(b.Decode(a.Encode("Op", "s", "p"), "Op", "s").ok());
  PageTokenCodec r1, r2;  // random secrets
  EXPECT_TRUE(r1.Decode(r1.Encode("Op", "s", "p"), "Op", "s").ok());
  EXPECT_FALSE(r2.Decode(r1.Encode("Op", "s", "p"), "Op", "s").ok());
}

TEST(PageTokenTest, EveryMutationAndTruncationIsRejected) {
  PageTokenCodec codec("secret");
  const std::string token = codec.Encode("DescribeRepositories", "", "repository-42");
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (size_t i = 0; i < token.size(); ++i) {
    for (char c : alphabet) {
      if (c == token[i]) continue;
      std::string t = token;
      t[i] = c;
      auto r = codec.Decode(t, "DescribeRepositories", "");
      ASSERT_FALSE(r.ok()) << "mutation at " << i << " to " << c << " accepted";
      EXPECT_EQ(r.status().message(), "Invalid NextToken");
    }
  }
  for (size_t n = 0; n < token.size(); ++n) {
    EXPECT_FALSE(codec.Decode(token.substr(0, n), "DescribeRepositories", "").ok()) << n;
  }
  EXPECT_FALSE(codec.Decode(token + "A", "DescribeRepositories", "").ok());
  EXPECT_FALSE(codec.Decode(token + "AA", "DescribeRepositories", "").ok());
  EXPECT_FALSE(codec.Decode(token + "=", "DescribeRepositories", "").ok());
}

TEST(PageTokenTest, GarbageIsRejectedWithoutCrashing) {
  PageTokenCodec codec("secret");
  for (std::string t : {std::string(), std::string("="), std::string("===="), std::string("null"),
                        std::string("not a token"), std::string("AAAA"), std::string("AQ"),
                        std::string("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                        std::string("\0\0\0\0", 4), std::string("\xff\xfe\xfd"),
                        std::string(PageTokenCodec::kMaxTokenLength + 1, 'A'), std::string(100000, '_')}) {
    EXPECT_FALSE(codec.Decode(t, "Op", "s").ok());
  }
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string t(rng() % 64, '\0');
    for (char& c : t) c = static_cast<char>(rng());
    EXPECT_FALSE(codec.Decode(t, "Op", "s").ok());
  }
}

TEST(PageTokenTest, LongPositionsStillRoundTripWithinTheLengthCap) {
  PageTokenCodec codec("secret");
  std::string pos(2000, 'p');  // repository names are at most 205; digests+tags well under this
  std::string token = codec.Encode("DescribeImageTags", "r", pos);
  ASSERT_LE(token.size(), PageTokenCodec::kMaxTokenLength);
  EXPECT_EQ(*codec.Decode(token, "DescribeImageTags", "r"), pos);
}

}  // namespace
}  // namespace ecrc::server
