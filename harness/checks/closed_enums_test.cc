#include "harness/checks/closed_enums.h"

#include <gtest/gtest.h>

namespace ecrc::check {
namespace {

Call Success(const char* op, const char* body) {
  auto service = spec::Service::Embedded();
  Call c;
  c.op = service->FindOperation(op);
  HttpResponse r{200, {}, body};
  r.headers.Add("Content-Type", codec::kJsonContentType);
  c.exchange.response = r;
  c.decoded = codec::DecodeResponse(*service, *c.op, r);
  return c;
}

std::vector<results::Finding> Findings(const Call& c) {
  std::vector<results::Finding> out;
  OutputEnumClosed(*spec::Semantics::Embedded(), c, 0, &out);
  return out;
}

TEST(ClosedEnums, OnlyOperationsReachingAClosedEnumGetTheCheck) {
  auto service = spec::Service::Embedded();
  auto semantics = spec::Semantics::Embedded();
  for (const char* op : {"BatchCheckLayerAvailability", "BatchDeleteImage", "DescribeRegistries"}) {
    EXPECT_TRUE(ReachesClosedEnum(*semantics, *service->FindOperation(op)->output)) << op;
    EXPECT_NE(ClosedEnumSource(*semantics, *service->FindOperation(op)->output), "") << op;
  }
  EXPECT_FALSE(ReachesClosedEnum(*semantics, *service->FindOperation("CreateRepository")->output));
}

TEST(ClosedEnums, ValueOutsideTheSetIsAFindingAtItsPath) {
  EXPECT_TRUE(Findings(Success("BatchCheckLayerAvailability",
                               R"({"layers":[{"layerDigest":"sha256:ab","layerAvailability":"UNAVAILABLE"}],
                                   "failures":[{"layerDigest":"","failureCode":"MissingLayerDigest"}]})")).empty());
  auto out = Findings(Success("BatchCheckLayerAvailability", R"({"failures":[{"layerDigest":"x","failureCode":"LayerNotFound"}]})"));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "failures[0].failureCode");
  EXPECT_EQ(out[0].observed, "LayerNotFound");
  out = Findings(Success("DescribeRegistries", R"({"registries":[{"registryId":"123456789012","registryArn":"a","registryUri":"u",
      "verified":false,"aliases":[{"name":"a","status":"GONE","primaryRegistryAlias":true,"defaultRegistryAlias":true}]}]})"));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "registries[0].aliases[0].status");
  // A wrong JSON type is the output shape's finding, not this check's; errors are not looked at.
  EXPECT_TRUE(Findings(Success("BatchDeleteImage", R"({"failures":[{"failureCode":7}]})")).empty());
}

}  // namespace
}  // namespace ecrc::check
