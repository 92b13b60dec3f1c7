// Runs the selected suites against one endpoint with N workers and returns the results tree.
#pragma once

#include <atomic>
#include <memory>

#include "harness/runner/results.h"
#include "harness/runner/run_config.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::runner {

// Runs every selected check, then deletes what the run created (also after `*interrupted` turns
// true, which stops scheduling new checks). Never throws; harness failures become errored checks.
RunReport Run(const RunConfig& config, std::shared_ptr<const spec::Service> service,
              std::shared_ptr<const spec::Semantics> semantics, std::atomic<bool>* interrupted);

}  // namespace ecrc::runner
