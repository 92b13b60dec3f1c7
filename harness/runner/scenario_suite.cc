#include "harness/runner/scenario_suite.h"

#include "harness/checks/scenario.h"
#include "harness/runner/scenario_context.h"

namespace ecrc::runner {

std::vector<Unit> ScenarioSuite::Plan(const SuitePlanning& planning) {
  std::vector<Unit> units;
  for (const auto& s : check::AllScenarios()) {
    if (!planning.selected(s.id, s.operations)) continue;
    units.push_back({[&s](Worker& w) { return std::vector<results::CheckResult>{RunScenario(s, w)}; },
                     [&s] { return std::vector<results::CheckResult>{ScenarioHeader(s)}; }});
  }
  return units;
}

}  // namespace ecrc::runner
