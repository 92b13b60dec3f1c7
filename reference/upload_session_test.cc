// Tests for reference/upload_session.h: range rules, caps, completion outcomes, upload ids.
#include "reference/upload_session.h"

#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "base/sha256.h"

namespace ecrc::server {
namespace {

UploadLimits Small() {
  UploadLimits l;
  l.min_part_size = 4;
  l.max_part_size = 16;
  l.max_parts = 5;
  l.max_layer_size = 40;
  return l;
}

std::string Digest(std::string_view bytes) { return "sha256:" + Sha256Hex(bytes); }

// By value: the variant is usually a temporary.
CompletedLayer Done(const std::variant<CompletedLayer, UploadError>& r) {
  if (auto* e = std::get_if<UploadError>(&r)) {
    ADD_FAILURE() << e->ExceptionName() << ": " << e->message;
    return CompletedLayer{};
  }
  return std::get<CompletedLayer>(r);
}

UploadError Failed(const std::variant<CompletedLayer, UploadError>& r) {
  if (auto* e = std::get_if<UploadError>(&r)) return *e;
  ADD_FAILURE() << "expected an error, got success";
  return UploadError{UploadErrorCode::kEmptyUpload, "", std::nullopt};
}

TEST(UploadSessionTest, DefaultsAreTheServiceQuotas) {
  UploadLimits l;
  EXPECT_EQ(l.min_part_size, 5 * 1024 * 1024);
  EXPECT_EQ(l.max_parts, 1000);
  EXPECT_EQ(l.max_layer_size, 10000LL * 1024 * 1024);
  EXPECT_EQ(l.max_part_size, 20971520);
}

TEST(UploadSessionTest, ContiguousPartsComplete) {
  UploadSession s(Small());
  EXPECT_FALSE(s.last_byte_received().has_value());
  EXPECT_FALSE(s.AppendPart(0, 3, "abcd"));
  EXPECT_EQ(s.last_byte_received(), 3);
  EXPECT_FALSE(s.AppendPart(4, 8, "efghi"));
  EXPECT_FALSE(s.AppendPart(9, 9, "j"));
  EXPECT_EQ(s.bytes_received(), 10);
  EXPECT_EQ(s.part_count(), 3);
  EXPECT_EQ(s.part_sizes(), (std::vector<int64_t>{4, 5, 1}));
  EXPECT_EQ(s.CurrentDigest(), Digest("abcdefghij"));
  std::vector<std::string> expected{Digest("abcdefghij")};
  CompletedLayer done = Done(s.Complete(expected));
  EXPECT_EQ(done.digest, Digest("abcdefghij"));
  EXPECT_EQ(done.size, 10);
}

TEST(UploadSessionTest, SinglePartLayerMayBeSmall) {
  UploadSession s;  // real 5 MiB minimum: the only part is also the last one
  EXPECT_FALSE(s.AppendPart(0, 0, "x"));
  std::vector<std::string> expected{Digest("x")};
  EXPECT_EQ(Done(s.Complete(expected)).size, 1);
}

TEST(UploadSessionTest, FirstPartMustStartAtZero) {
  UploadSession s(Small());
  auto e = s.AppendPart(1, 4, "abcd");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
  EXPECT_EQ(e->ExceptionName(), "InvalidLayerPartException");
  EXPECT_FALSE(e->last_valid_byte_received.has_value());  // nothing received yet
  EXPECT_EQ(s.bytes_received(), 0);
}

TEST(UploadSessionTest, GapOverlapAndRetryAreRejectedWithLastValidByte) {
  UploadSession s(Small());
  ASSERT_FALSE(s.AppendPart(0, 4, "abcde"));
  for (auto [first, last] : std::vector<std::pair<int64_t, int64_t>>{{6, 9}, {4, 7}, {0, 4}, {3, 3}}) {
    std::string bytes(static_cast<size_t>(last - first + 1), 'z');
    auto e = s.AppendPart(first, last, bytes);
    ASSERT_TRUE(e) << first << "-" << last;
    EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
    EXPECT_EQ(e->last_valid_byte_received, 4);
  }
  // The session is unchanged and resumes at lastValidByteReceived + 1.
  EXPECT_EQ(s.bytes_received(), 5);
  EXPECT_EQ(s.part_count(), 1);
  EXPECT_FALSE(s.AppendPart(5, 5, "f"));
  std::vector<std::string> expected{Digest("abcdef")};
  EXPECT_EQ(Done(s.Complete(expected)).digest, Digest("abcdef"));
}

TEST(UploadSessionTest, LengthMustMatchInclusiveRange) {
  UploadSession s(Small());
  auto e = s.AppendPart(0, 4, "abcd");  // 0..4 inclusive is 5 bytes
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
  e = s.AppendPart(0, 3, "abcde");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
  EXPECT_EQ(s.bytes_received(), 0);
}

TEST(UploadSessionTest, ReversedAndNegativeRangesAreRejected) {
  UploadSession s(Small());
  ASSERT_FALSE(s.AppendPart(0, 3, "abcd"));
  auto e = s.AppendPart(4, 3, "");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
  EXPECT_EQ(e->last_valid_byte_received, 3);
  e = s.AppendPart(-1, 3, "abcde");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
  e = s.AppendPart(4, -1, "");
  ASSERT_TRUE(e);
}

TEST(UploadSessionTest, HugeOffsetsDoNotOverflow) {
  UploadSession s(Small());
  auto e = s.AppendPart(0, INT64_MAX, "a");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
  ASSERT_FALSE(s.AppendPart(0, 0, "a"));
  e = s.AppendPart(1, INT64_MAX, "b");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
}

TEST(UploadSessionTest, PartAboveMaximumIsInvalidPart) {
  UploadSession s(Small());
  auto e = s.AppendPart(0, 16, std::string(17, 'x'));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kInvalidLayerPart);
  EXPECT_FALSE(s.AppendPart(0, 15, std::string(16, 'x')));
}

TEST(UploadSessionTest, PartCountCapIsLimitExceeded) {
  UploadSession s(Small());  // 5 parts at most
  int64_t at = 0;
  for (int i = 0; i < 5; ++i, ++at) ASSERT_FALSE(s.AppendPart(at, at, "x"));
  auto e = s.AppendPart(at, at, "x");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kLimitExceeded);
  EXPECT_EQ(e->ExceptionName(), "LimitExceededException");
  EXPECT_EQ(s.part_count(), 5);
}

TEST(UploadSessionTest, LayerSizeCapIsLimitExceeded) {
  UploadSession s(Small());  // 40 bytes at most
  ASSERT_FALSE(s.AppendPart(0, 15, std::string(16, 'x')));
  ASSERT_FALSE(s.AppendPart(16, 31, std::string(16, 'x')));
  auto e = s.AppendPart(32, 40, std::string(9, 'x'));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, UploadErrorCode::kLimitExceeded);
  EXPECT_FALSE(s.AppendPart(32, 39, std::string(8, 'x')));  // exactly at the cap
  EXPECT_EQ(s.bytes_received(), 40);
}

TEST(UploadSessionTest, EmptyUpload) {
  UploadSession s(Small());
  std::vector<std::string> expected{Digest("")};
  UploadError e = Failed(s.Complete(expected));
  EXPECT_EQ(e.code, UploadErrorCode::kEmptyUpload);
  EXPECT_EQ(e.ExceptionName(), "EmptyUploadException");
}

TEST(UploadSessionTest, NonLastPartBelowMinimumIsTooSmall) {
  UploadSession s(Small());  // minimum 4
  ASSERT_FALSE(s.AppendPart(0, 3, "abcd"));
  ASSERT_FALSE(s.AppendPart(4, 6, "efg"));  // accepted now, judged at completion
  ASSERT_FALSE(s.AppendPart(7, 7, "h"));
  std::vector<std::string> expected{Digest("abcdefgh")};
  UploadError e = Failed(s.Complete(expected));
  EXPECT_EQ(e.code, UploadErrorCode::kLayerPartTooSmall);
  EXPECT_EQ(e.ExceptionName(), "LayerPartTooSmallException");
}

TEST(UploadSessionTest, TooSmallIsCheckedBeforeTheDigest) {
  UploadSession s(Small());
  ASSERT_FALSE(s.AppendPart(0, 0, "a"));
  ASSERT_FALSE(s.AppendPart(1, 4, "bcde"));
  std::vector<std::string> expected{Digest("other")};
  EXPECT_EQ(Failed(s.Complete(expected)).code, UploadErrorCode::kLayerPartTooSmall);
}

TEST(UploadSessionTest, DigestMismatchIsInvalidLayer) {
  UploadSession s(Small());
  ASSERT_FALSE(s.AppendPart(0, 3, "abcd"));
  std::vector<std::string> wrong{Digest("abce")};
  UploadError e = Failed(s.Complete(wrong));
  EXPECT_EQ(e.code, UploadErrorCode::kInvalidLayer);
  EXPECT_EQ(e.ExceptionName(), "InvalidLayerException");
  EXPECT_NE(e.message.find(Digest("abcd")), std::string::npos);
  // Completion does not consume the session: the right digest still works.
  std::vector<std::string> right{Digest("abcd")};
  EXPECT_EQ(Done(s.Complete(right)).digest, Digest("abcd"));
}

TEST(UploadSessionTest, EveryDigestMustMatchAndOthersAlgorithmsFail) {
  UploadSession s(Small());
  ASSERT_FALSE(s.AppendPart(0, 3, "abcd"));
  std::vector<std::string> mixed{Digest("abcd"), Digest("x")};
  EXPECT_EQ(Failed(s.Complete(mixed)).code, UploadErrorCode::kInvalidLayer);
  std::vector<std::string> sha512{"sha512:" + Sha256Hex("abcd")};
  EXPECT_EQ(Failed(s.Complete(sha512)).code, UploadErrorCode::kInvalidLayer);
  std::vector<std::string> none;
  EXPECT_EQ(Failed(s.Complete(none)).code, UploadErrorCode::kInvalidLayer);
  std::string upper = Digest("abcd");
  for (size_t i = 7; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  std::vector<std::string> upper_list{upper};
  EXPECT_EQ(Done(s.Complete(upper_list)).digest, Digest("abcd"));  // returned digest is lowercase
}

TEST(UploadSessionTest, StreamingHashMatchesOneShotOverManyParts) {
  UploadLimits l;
  l.min_part_size = 1;
  UploadSession s(l);
  std::string all;
  int64_t at = 0;
  for (int i = 0; i < 200; ++i) {
    std::string part(static_cast<size_t>(1 + i * 37 % 301), static_cast<char>(i));
    ASSERT_FALSE(s.AppendPart(at, at + static_cast<int64_t>(part.size()) - 1, part));
    at += static_cast<int64_t>(part.size());
    all += part;
  }
  std::vector<std::string> expected{Digest(all)};
  CompletedLayer done = Done(s.Complete(expected));
  EXPECT_EQ(done.size, static_cast<int64_t>(all.size()));
}

TEST(UploadSessionTest, SessionIsCopyable) {
  UploadSession a(Small());
  ASSERT_FALSE(a.AppendPart(0, 3, "abcd"));
  UploadSession b = a;
  ASSERT_FALSE(b.AppendPart(4, 4, "e"));
  EXPECT_EQ(a.CurrentDigest(), Digest("abcd"));
  EXPECT_EQ(b.CurrentDigest(), Digest("abcde"));
}

TEST(UploadIdTest, IsAVersion4UuidAndUnique) {
  // The model's UploadId pattern plus the version-4 and variant nibbles.
  std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewUploadId();
    ASSERT_TRUE(std::regex_match(id, uuid)) << id;
    EXPECT_TRUE(seen.insert(id).second) << id;
  }
}

}  // namespace
}  // namespace ecrc::server
