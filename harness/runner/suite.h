// A suite: a named family of checks (contract, scenario, property, live fuzzing, ...) that the
// runner plans, runs on its workers and folds into one report. Every suite's calls go through
// the worker's call path (call_path.h), so all of them count in coverage, cleanup and evidence.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "harness/checks/contract_cases.h"
#include "harness/results/check_result.h"
#include "harness/results/run_report.h"
#include "harness/runner/run_config.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::runner {

class Worker;

// What a suite may read while it plans.
struct SuitePlanning {
  const spec::Service& service;
  const spec::Semantics& semantics;
  const RunConfig& config;
  // The contract cases the model's traits generate, made once per run: the contract suite runs
  // them, and coverage counts constraints against them whichever suites run.
  const check::ContractPlan& contract_plan;
  // True when the run's --check glob and --operation filter admit a check id touching `operations`.
  std::function<bool(const std::string& id, const std::vector<std::string>& operations)> selected;
};

// One piece of a suite's work. `run` yields its check results on a worker; `header` names the
// same checks without running anything, so a unit the run never got to (the endpoint stopped
// answering, the deadline passed, a harness exception) is reported as errored with the reason.
struct Unit {
  std::function<std::vector<results::CheckResult>(Worker&)> run;
  std::function<std::vector<results::CheckResult>()> header;
};

class Suite {
 public:
  virtual ~Suite() = default;
  // The name users give to --suite and reports carry in each check's `suite`.
  virtual const char* name() const = 0;
  // The units of this run, with the run's filters applied.
  virtual std::vector<Unit> Plan(const SuitePlanning& planning) = 0;
  // True when the units must run one at a time, after every parallel suite (they change state
  // the others read, such as the registry's catalog data).
  virtual bool serial() const { return false; }
  // Adds what the suite learnt beyond its checks (the property suite's statistics).
  virtual void Annotate(results::RunReport* report) const {}
  // True when the run should report the output-shape aggregates (shape_aggregates.h) over the
  // responses its calls got; a run of only suites that say false (live fuzzing, whose requests
  // are malformed on purpose) reports its own checks alone.
  virtual bool reports_output_shapes() const { return true; }
};

}  // namespace ecrc::runner
