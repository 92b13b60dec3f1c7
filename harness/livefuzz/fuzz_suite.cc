#include "harness/livefuzz/fuzz_suite.h"

#include "harness/livefuzz/judge.h"
#include "harness/runner/worker.h"

namespace ecrc::livefuzz {

std::vector<runner::Unit> FuzzSuite::Plan(const runner::SuitePlanning& planning) {
  return {{[this](runner::Worker& worker) { return RunLiveFuzz(options_, worker, &stats_); },
           [] { return std::vector<results::CheckResult>{FuzzCheckHeader(kEndpointSurvives, kEndpointSurvives, {})}; }}};
}

}  // namespace ecrc::livefuzz
