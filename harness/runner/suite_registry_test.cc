// The registry is the one list --suite is checked against: unknown names are refused with the
// known ones named, defaults are the registered defaults, and each name yields a fresh suite.
#include "harness/runner/suite_registry.h"

#include <gtest/gtest.h>

namespace ecrc::runner {
namespace {

class Named : public Suite {
 public:
  explicit Named(const char* name) : name_(name) {}
  const char* name() const override { return name_; }
  std::vector<Unit> Plan(const SuitePlanning&) override { return {}; }

 private:
  const char* name_;
};

SuiteRegistry Registry() {
  SuiteRegistry r;
  r.Add([] { return std::make_unique<Named>("alpha"); }, true);
  r.Add([] { return std::make_unique<Named>("beta"); }, false);
  r.Add([] { return std::make_unique<Named>("gamma"); }, true);
  return r;
}

TEST(SuiteRegistry, NamesAndDefaultsInRegistrationOrder) {
  EXPECT_EQ(Registry().Names(), (std::vector<std::string>{"alpha", "beta", "gamma"}));
  EXPECT_EQ(Registry().DefaultList(), "alpha,gamma");
}

TEST(SuiteRegistry, MakesEachNamedSuiteOnceInTheOrderGiven) {
  auto made = Registry().Make({"gamma", "alpha", "gamma"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  ASSERT_EQ(made.value().size(), 2u);
  EXPECT_STREQ(made.value()[0]->name(), "gamma");
  EXPECT_STREQ(made.value()[1]->name(), "alpha");
}

TEST(SuiteRegistry, AnUnknownSuiteNamesTheKnownOnes) {
  auto made = Registry().Make({"alpha", "delta"});
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.status().message(), "unknown suite 'delta' (known: alpha, beta, gamma)");
  auto none = Registry().Make({});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(), "no suite named (known: alpha, beta, gamma)");
}

}  // namespace
}  // namespace ecrc::runner
