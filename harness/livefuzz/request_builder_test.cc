#include "harness/livefuzz/request_builder.h"

#include <gtest/gtest.h>

namespace ecrc::livefuzz {
namespace {

using nlohmann::json;

constexpr char kPrefix[] = "ecrc-fuzz-0a1b2c3d";

// A stand-in endpoint that makes every call succeed (or every create fail) and records them.
class RequestBuilderTest : public ::testing::Test {
 protected:
  std::shared_ptr<const spec::Service> service_ = spec::Service::Embedded();
  std::shared_ptr<const spec::Semantics> semantics_ = spec::Semantics::Embedded();
  std::vector<std::pair<std::string, json>> calls_;
  bool creates_fail_ = false;
  int uploads_ = 0;

  check::CallFn Fake() {
    return [this](const spec::Operation& op, const codec::Value& input) {
      calls_.emplace_back(op.name, input);
      check::Call call;
      call.op = &op;
      call.input = input;
      call.exchange.response = HttpResponse{200, {}, "{}"};
      if (op.name == "CreateRepository") {
        if (creates_fail_) {
          call.exchange.response.status = 400;
          call.decoded.is_error = true;
          call.decoded.error.code = "LimitExceededException";
          return call;
        }
        std::string name = input["repositoryName"];
        call.decoded.output = {{"repository", {{"repositoryArn", "arn:aws:ecr-public::123456789012:repository/" + name},
                                               {"registryId", "123456789012"}}}};
      } else if (op.name == "InitiateLayerUpload") {
        call.decoded.output = {{"uploadId", "upload-" + std::to_string(++uploads_)}};
      }
      return call;
    };
  }

  size_t Count(const std::string& op) const {
    return std::count_if(calls_.begin(), calls_.end(), [&](const auto& c) { return c.first == op; });
  }

  Seed SeedOf(const char* op) {
    for (auto& s : MakeSeeds(*service_)) {
      if (s.op->name == op && s.variant == "minimal") return s;
    }
    ADD_FAILURE() << "no seed for " << op;
    return {};
  }
};

TEST_F(RequestBuilderTest, SeedsCoverEveryOperation) {
  std::set<std::string> ops;
  for (const auto& s : MakeSeeds(*service_)) ops.insert(s.op->name);
  EXPECT_EQ(ops.size(), service_->operations().size());
}

TEST_F(RequestBuilderTest, BindsSharedResourcesOnce) {
  RequestBuilder builder(*service_, *semantics_, kPrefix, Fake());
  auto a = builder.Wire(SeedOf("DescribeImages"));
  ASSERT_TRUE(a.ok()) << a.status().message();
  std::string name = (*a)["repositoryName"];
  EXPECT_EQ(name.rfind(kPrefix, 0), 0u);
  auto b = builder.Wire(SeedOf("UploadLayerPart"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ((*b)["repositoryName"], name);  // the upload lives in the shared repository
  EXPECT_EQ((*b)["uploadId"], "upload-1");
  auto arn = builder.Wire(SeedOf("ListTagsForResource"));
  ASSERT_TRUE(arn.ok());
  EXPECT_EQ((*arn)["resourceArn"], "arn:aws:ecr-public::123456789012:repository/" + name);
  EXPECT_EQ(Count("CreateRepository"), 1u);
  EXPECT_EQ(Count("InitiateLayerUpload"), 1u);
  EXPECT_EQ(builder.housekeeping_calls(), 2u);
}

TEST_F(RequestBuilderTest, MembersNamedLikeAResourceOutputGetTheLiveValue) {
  RequestBuilder builder(*service_, *semantics_, kPrefix, Fake());
  Seed maximal;
  for (auto& s : MakeSeeds(*service_)) {
    if (s.op->name == "PutImage" && s.variant == "maximal") maximal = s;
  }
  ASSERT_NE(maximal.op, nullptr);
  ASSERT_TRUE(maximal.value.contains("registryId"));
  auto wire = builder.Wire(maximal);
  ASSERT_TRUE(wire.ok());
  EXPECT_EQ((*wire)["registryId"], "123456789012");  // from the fake's CreateRepository output
}

TEST_F(RequestBuilderTest, CreateOperationsGetAFreshNameEachTime) {
  RequestBuilder builder(*service_, *semantics_, kPrefix, Fake());
  auto a = builder.Wire(SeedOf("CreateRepository"));
  auto b = builder.Wire(SeedOf("CreateRepository"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE((*a)["repositoryName"], (*b)["repositoryName"]);
  EXPECT_EQ(std::string((*a)["repositoryName"]).rfind(kPrefix, 0), 0u);
  EXPECT_TRUE(calls_.empty());
}

TEST_F(RequestBuilderTest, MutantsStayInThePrefix) {
  RequestBuilder builder(*service_, *semantics_, kPrefix, Fake());
  const auto& del = *service_->FindOperation("DeleteRepository");
  EXPECT_TRUE(builder.StaysInPrefix(del, {{"repositoryName", std::string(kPrefix) + "-0aaaa"}}));
  EXPECT_FALSE(builder.StaysInPrefix(del, {{"repositoryName", "aa"}}));
  EXPECT_TRUE(builder.StaysInPrefix(del, {{"repositoryName", 5}}));  // not a name at all
  EXPECT_TRUE(builder.StaysInPrefix(del, json()));                     // not JSON: nothing to act on
  const auto& create = *service_->FindOperation("CreateRepository");
  EXPECT_FALSE(builder.StaysInPrefix(create, {{"repositoryName", "production"}}));
  const auto& tag = *service_->FindOperation("TagResource");
  EXPECT_FALSE(builder.StaysInPrefix(tag, {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/prod"}}));
  EXPECT_TRUE(builder.StaysInPrefix(tag, {{"resourceArn", std::string("arn:aws:ecr-public::123456789012:repository/") + kPrefix + "-0"}}));
}

TEST_F(RequestBuilderTest, CreatedResourcesAreDeletedRightAway) {
  RequestBuilder builder(*service_, *semantics_, kPrefix, Fake());
  std::string name = std::string(kPrefix) + "-7";
  builder.AfterSuccess(*service_->FindOperation("CreateRepository"), {{"repositoryName", name}});
  ASSERT_EQ(calls_.size(), 1u);
  EXPECT_EQ(calls_[0].first, "DeleteRepository");
  EXPECT_EQ(calls_[0].second["repositoryName"], name);
  EXPECT_EQ(calls_[0].second["force"], true);
  builder.Cleanup();
  EXPECT_EQ(calls_.size(), 1u);  // already gone
}

TEST_F(RequestBuilderTest, ADeletedSharedResourceIsMadeAgain) {
  RequestBuilder builder(*service_, *semantics_, kPrefix, Fake());
  auto first = builder.Wire(SeedOf("DescribeImages"));
  ASSERT_TRUE(first.ok());
  builder.AfterSuccess(*service_->FindOperation("DeleteRepository"), {{"repositoryName", (*first)["repositoryName"]}});
  auto second = builder.Wire(SeedOf("DescribeImages"));
  ASSERT_TRUE(second.ok());
  EXPECT_NE((*second)["repositoryName"], (*first)["repositoryName"]);
  EXPECT_EQ(Count("CreateRepository"), 2u);
  builder.Cleanup();
  ASSERT_EQ(Count("DeleteRepository"), 1u);
  EXPECT_EQ(calls_.back().second["repositoryName"], (*second)["repositoryName"]);
}

TEST_F(RequestBuilderTest, ASetupFailureIsReportedAndNotRetried) {
  creates_fail_ = true;
  RequestBuilder builder(*service_, *semantics_, kPrefix, Fake());
  auto a = builder.Wire(SeedOf("DescribeImages"));
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("CreateRepository"), std::string::npos) << a.status().message();
  // The endpoint's failure, naming its call: the fuzz suite skips with that cause, not errors.
  EXPECT_TRUE(a.status().IsEndpointFailure());
  EXPECT_EQ(builder.failed_setup_operation(), "CreateRepository");
  auto b = builder.Wire(SeedOf("DescribeImageTags"));
  ASSERT_FALSE(b.ok());
  EXPECT_TRUE(b.status().IsEndpointFailure());
  EXPECT_EQ(builder.failed_setup_operation(), "CreateRepository");
  EXPECT_EQ(Count("CreateRepository"), 1u);
  EXPECT_TRUE(builder.Wire(SeedOf("DescribeRegistries")).ok());  // needs no resource
}

}  // namespace
}  // namespace ecrc::livefuzz
