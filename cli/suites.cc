#include "cli/suites.h"

#include "harness/livefuzz/fuzz_suite.h"
#include "harness/runner/contract_suite.h"
#include "harness/runner/scenario_suite.h"

namespace ecrc::cli {

runner::SuiteRegistry AllSuites(const SuiteOptions& options) {
  runner::SuiteRegistry registry;
  registry.Add([] { return std::make_unique<runner::ContractSuite>(); }, true);
  registry.Add([] { return std::make_unique<runner::ScenarioSuite>(); }, true);
  registry.Add([options] { return std::make_unique<prop::PropertySuite>(options.property); }, true);
  registry.Add([options] { return std::make_unique<livefuzz::FuzzSuite>(options.fuzz); }, false);
  return registry;
}

}  // namespace ecrc::cli
