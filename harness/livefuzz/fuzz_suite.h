// Live fuzzing as a suite of a run: one serial unit that sends mutated requests until its time
// or request budget is spent (fuzz_loop.h), every request through the worker's call path.
#pragma once

#include "harness/livefuzz/fuzz_loop.h"
#include "harness/runner/suite.h"

namespace ecrc::livefuzz {

class FuzzSuite : public runner::Suite {
 public:
  static constexpr char kName[] = "fuzz";
  explicit FuzzSuite(FuzzOptions options) : options_(std::move(options)) {}

  const char* name() const override { return kName; }
  std::vector<runner::Unit> Plan(const runner::SuitePlanning& planning) override;
  // One loop: it is timed by its own budget and its requests are better not interleaved with
  // other suites' checks.
  bool serial() const override { return true; }
  bool reports_output_shapes() const override { return false; }

  // What the loop did (requests, rate, why it stopped), once the run is over.
  const FuzzStats& stats() const { return stats_; }

 private:
  FuzzOptions options_;
  FuzzStats stats_;
};

}  // namespace ecrc::livefuzz
