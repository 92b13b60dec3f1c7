// Runs the selected suites against one endpoint with N workers and returns the results tree.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "harness/results/run_report.h"
#include "harness/runner/run_config.h"
#include "harness/runner/suite.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::runner {

// Why a run ended before every check ran ("" reason when it did not).
struct RunStop {
  bool endpoint_stopped_answering = false;  // the breaker tripped: exit 3
  bool deadline_reached = false;
  std::string reason;
};

// Runs every unit `suites` plan (parallel suites on config.jobs workers, then serial ones one
// unit at a time), then deletes what the run created (also after `*interrupted` turns true,
// which stops scheduling new units). Never throws; harness failures become errored checks.
// When the endpoint stops answering or the deadline passes (run_guard.h), checks not run are
// errored with the reason, the cleanup runs only if the endpoint still answers, and `*stop`
// says so. The suites stay the caller's, for what they learnt beyond the report.
results::RunReport Run(const RunConfig& config, const std::vector<std::unique_ptr<Suite>>& suites,
                       std::shared_ptr<const spec::Service> service, std::shared_ptr<const spec::Semantics> semantics,
                       const std::atomic<bool>* interrupted, RunStop* stop = nullptr);

}  // namespace ecrc::runner
