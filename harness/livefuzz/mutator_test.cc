#include "harness/livefuzz/mutator.h"

#include <gtest/gtest.h>

#include "harness/codec/codec.h"
#include "harness/livefuzz/judge.h"
#include "harness/livefuzz/request_builder.h"

namespace ecrc::livefuzz {
namespace {

using nlohmann::json;

class MutatorTest : public ::testing::Test {
 protected:
  std::shared_ptr<const spec::Service> service_ = spec::Service::Embedded();
  const spec::Operation& Op(const char* name) { return *service_->FindOperation(name); }

  // Tries rng seeds until `accept` holds for a mutant (mutations pick sites and values at random).
  std::optional<Mutant> Find(const char* op, const json& wire, MutationKind kind, const std::function<bool(const Mutant&)>& accept,
                             const MutatorLimits& limits = {}) {
    for (uint64_t s = 0; s < 400; ++s) {
      std::mt19937_64 rng(s);
      auto m = Mutate(*service_, Op(op), wire, kind, rng, limits);
      if (m && accept(*m)) return m;
    }
    return std::nullopt;
  }
};

TEST_F(MutatorTest, KindNamesAreUniqueAndRoundTrip) {
  std::set<std::string> names;
  for (const auto& info : AllMutations()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_EQ(MutationKindByName(info.name), info.kind);
    EXPECT_EQ(&InfoOf(info.kind), &info);
  }
  EXPECT_FALSE(MutationKindByName("no_such_kind"));
}

// Every kind on every seed of every operation: no throw, bounded size, and the same rng state
// gives the same bytes.
TEST_F(MutatorTest, EveryKindOnEverySeedIsBoundedAndDeterministic) {
  MutatorLimits limits;
  limits.huge_body_min_bytes = 64 << 10;
  limits.huge_body_max_bytes = 128 << 10;
  size_t made = 0;
  for (const auto& seed : MakeSeeds(*service_)) {
    json wire = codec::ValueToWire(*seed.op->input, seed.value);
    for (const auto& info : AllMutations()) {
      for (uint64_t s = 0; s < 5; ++s) {
        std::mt19937_64 a(s), b(s);
        auto m1 = Mutate(*service_, *seed.op, wire, info.kind, a, limits);
        auto m2 = Mutate(*service_, *seed.op, wire, info.kind, b, limits);
        ASSERT_EQ(m1.has_value(), m2.has_value());
        if (!m1) continue;
        ++made;
        EXPECT_EQ(m1->request.body, m2->request.body) << seed.op->name << " " << info.name;
        EXPECT_EQ(m1->request.headers.entries, m2->request.headers.entries);
        EXPECT_LT(m1->request.body.size(), size_t{2} << 20) << seed.op->name << " " << info.name << " " << m1->what;
        EXPECT_EQ(m1->kind, info.kind);
        EXPECT_FALSE(m1->what.empty());
      }
    }
  }
  EXPECT_GT(made, 1000u);
}

TEST_F(MutatorTest, TheUnmutatedSeedIsValid) {
  for (const auto& seed : MakeSeeds(*service_)) {
    std::mt19937_64 rng(1);
    auto m = Mutate(*service_, *seed.op, codec::ValueToWire(*seed.op->input, seed.value), MutationKind::kNone, rng);
    ASSERT_TRUE(m);
    RequestView view = Inspect(*service_, m->request);
    EXPECT_TRUE(view.valid()) << seed.op->name << " " << seed.variant << ": " << view.Summary();
  }
}

// Kinds that always break the model, judged by the validator, not assumed.
TEST_F(MutatorTest, BreakingKindsYieldInvalidRequests) {
  for (MutationKind kind : {MutationKind::kTruncatedJson, MutationKind::kNonObjectBody, MutationKind::kInvalidUtf8, MutationKind::kInvalidBase64,
                            MutationKind::kMissingRequired, MutationKind::kUnknownMember, MutationKind::kDeepNesting,
                            MutationKind::kUnknownTarget, MutationKind::kMissingTarget, MutationKind::kWrongTargetPrefix}) {
    for (const auto& seed : MakeSeeds(*service_)) {
      json wire = codec::ValueToWire(*seed.op->input, seed.value);
      for (uint64_t s = 0; s < 5; ++s) {
        std::mt19937_64 rng(s);
        auto m = Mutate(*service_, *seed.op, wire, kind, rng);
        if (!m) continue;
        EXPECT_FALSE(Inspect(*service_, m->request).valid()) << seed.op->name << " " << MutationKindName(kind) << ": " << m->what;
      }
    }
  }
}

TEST_F(MutatorTest, KindsWithNothingToWorkOnDecline) {
  std::mt19937_64 rng(1);
  EXPECT_FALSE(Mutate(*service_, Op("DescribeRegistries"), json::object(), MutationKind::kInvalidBase64, rng));
  EXPECT_FALSE(Mutate(*service_, Op("DescribeRegistries"), json::object(), MutationKind::kMissingRequired, rng));
  EXPECT_FALSE(Mutate(*service_, Op("GetAuthorizationToken"), json::object(), MutationKind::kWrongType, rng));
}

TEST_F(MutatorTest, ResizedStringsKeepTheBoundName) {
  json wire = {{"repositoryName", "ecrc-fuzz-0a1b2c3d-0"}};
  auto m = Find("DeleteRepository", wire, MutationKind::kOutOfRange, [](const Mutant& m) { return m.where == "/repositoryName"; });
  ASSERT_TRUE(m);
  json body = json::parse(m->request.body);
  ASSERT_TRUE(body["repositoryName"].is_string());
  std::string name = body["repositoryName"];
  // Either one below the minimum (too short to hold the prefix) or one past the maximum.
  if (name.size() > 2) {
    EXPECT_EQ(name.size(), 206u);
    EXPECT_EQ(name.rfind("ecrc-fuzz-0a1b2c3d-0", 0), 0u);
  }
  auto big = Find("DeleteRepository", wire, MutationKind::kOversizedString, [](const Mutant& m) { return m.where == "/repositoryName"; });
  ASSERT_TRUE(big);
  std::string long_name = json::parse(big->request.body)["repositoryName"];
  EXPECT_GT(long_name.size(), 205u);
  EXPECT_EQ(long_name.rfind("ecrc-fuzz-0a1b2c3d-0", 0), 0u);
}

TEST_F(MutatorTest, BoundaryValuesAreValidWhenThePatternAllows) {
  json wire = {{"maxResults", 5}};
  auto m = Find("DescribeRepositories", wire, MutationKind::kBoundary, [](const Mutant& m) { return m.where == "/maxResults"; });
  ASSERT_TRUE(m);
  EXPECT_TRUE(Inspect(*service_, m->request).valid()) << m->request.body;
}

TEST_F(MutatorTest, HugeIntegersAreRawText) {
  json wire = {{"maxResults", 5}};
  auto m = Find("DescribeRepositories", wire, MutationKind::kOutOfRange,
                [](const Mutant& m) { return m.request.body.find("123456789012345678901234567890") != std::string::npos; });
  ASSERT_TRUE(m);
  EXPECT_EQ(m->request.body, R"({"maxResults":123456789012345678901234567890})");
  EXPECT_FALSE(Inspect(*service_, m->request).valid());
}

TEST_F(MutatorTest, InvalidUtf8IsNotJsonForTheSpec) {
  json wire = {{"repositoryName", "ecrc-fuzz-x-0"}};
  auto m = Find("DeleteRepository", wire, MutationKind::kInvalidUtf8, [](const Mutant&) { return true; });
  ASSERT_TRUE(m);
  RequestView view = Inspect(*service_, m->request);
  EXPECT_FALSE(view.body_is_object);
  EXPECT_TRUE(view.body.is_null());
}

TEST_F(MutatorTest, DuplicateKeysAppearTwiceAndKeepTheString) {
  json wire = {{"repositoryName", "ecrc-fuzz-x-0"}};
  auto m = Find("DeleteRepository", wire, MutationKind::kDuplicateKey, [](const Mutant&) { return true; });
  ASSERT_TRUE(m);
  const std::string& body = m->request.body;
  size_t first = body.find("\"repositoryName\"");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(body.find("\"repositoryName\"", first + 1), std::string::npos) << body;
  // Both occurrences still carry the bound name.
  size_t a = body.find("ecrc-fuzz-x-0");
  EXPECT_NE(body.find("ecrc-fuzz-x-0", a + 1), std::string::npos) << body;
  EXPECT_TRUE(InfoOf(MutationKind::kDuplicateKey).ambiguous);
}

TEST_F(MutatorTest, HeaderMutationsThatLibcurlCannotSignAreUnsigned) {
  json wire = json::object();
  for (uint64_t s = 0; s < 20; ++s) {
    std::mt19937_64 r1(s), r2(s), r3(s);
    auto missing_type = Mutate(*service_, Op("DescribeRegistries"), wire, MutationKind::kMissingContentType, r1);
    ASSERT_TRUE(missing_type);
    EXPECT_FALSE(missing_type->signable);
    EXPECT_EQ(missing_type->request.headers.Find("Content-Type"), nullptr);
    auto twice = Mutate(*service_, Op("DescribeRegistries"), wire, MutationKind::kDuplicateHeader, r2);
    ASSERT_TRUE(twice);
    EXPECT_FALSE(twice->signable);
    EXPECT_EQ(twice->request.headers.entries.size(), 3u);
    auto no_target = Mutate(*service_, Op("DescribeRegistries"), wire, MutationKind::kMissingTarget, r3);
    ASSERT_TRUE(no_target);
    const std::string* target = no_target->request.headers.Find("X-Amz-Target");
    // An absent header can be signed; an empty one cannot.
    EXPECT_EQ(no_target->signable, target == nullptr);
  }
}

TEST_F(MutatorTest, HugeBodiesStayWithinTheLimits) {
  MutatorLimits limits;
  limits.huge_body_min_bytes = 1000;
  limits.huge_body_max_bytes = 2000;
  for (uint64_t s = 0; s < 20; ++s) {
    std::mt19937_64 rng(s);
    auto m = Mutate(*service_, Op("DescribeRegistries"), json::object(), MutationKind::kHugeBody, rng, limits);
    ASSERT_TRUE(m);
    EXPECT_GE(m->request.body.size(), 1000u);
    EXPECT_LE(m->request.body.size(), 2100u);
  }
}

TEST_F(MutatorTest, DeepNestingRespectsTheDepthLimit) {
  MutatorLimits limits;
  limits.max_nesting_depth = 100;
  json wire = {{"repositoryName", "ecrc-fuzz-x-0"}};
  for (uint64_t s = 0; s < 20; ++s) {
    std::mt19937_64 rng(s);
    auto m = Mutate(*service_, Op("DeleteRepository"), wire, MutationKind::kDeepNesting, rng, limits);
    ASSERT_TRUE(m);
    EXPECT_LE(std::count(m->request.body.begin(), m->request.body.end(), '['), 512) << m->what;
    RequestView view = Inspect(*service_, m->request);
    EXPECT_TRUE(view.body_is_object);
    EXPECT_FALSE(view.valid());
  }
}

}  // namespace
}  // namespace ecrc::livefuzz
