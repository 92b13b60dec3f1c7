// The property suite as checks of a run: one check that every generated sequence agrees with
// the registry model (its shrunk counterexample attached as a replay file), and one per command
// that it ran at all.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/results/run_report.h"
#include "harness/runner/suite.h"

namespace ecrc::prop {

inline constexpr char kPropertyReproductionFile[] = "property-reproduction.json";

struct PropertyOptions {
  int cases = 200;     // generated cases
  int max_steps = 50;  // steps per case at most
};

// One serial unit (cases share the registry's catalog data); its calls go through the worker's
// call path, so they count in the run's coverage and cleanup like every other call.
class PropertySuite : public runner::Suite {
 public:
  static constexpr char kName[] = "property";
  explicit PropertySuite(PropertyOptions options) : options_(options) {}

  const char* name() const override { return kName; }
  std::vector<runner::Unit> Plan(const runner::SuitePlanning& planning) override;
  bool serial() const override { return true; }
  // The cases, steps and command counts, when the suite ran.
  void Annotate(results::RunReport* report) const override;

 private:
  PropertyOptions options_;
  std::optional<results::PropertyStats> stats_;
};

// The property_model_agreement check, not yet run.
results::CheckResult PropertyAgreementHeader(const spec::Service& service);

// One check per command: passed when it ran, failed when it never did (a generator or weight that
// never fires tests nothing), skipped when the suite stopped early at a failing case.
std::vector<results::CheckResult> CommandExercisedChecks(const std::vector<std::string>& commands,
                                                         const std::map<std::string, int64_t>& runs, int64_t cases, bool suite_passed);

}  // namespace ecrc::prop
