// The property suite as checks of a run: one check that every generated sequence agrees with
// the registry model (its shrunk counterexample attached as a replay file), and one per command
// that it ran at all.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "harness/runner/results.h"
#include "harness/runner/run_config.h"
#include "specs/spec.h"

namespace ecrc::runner {

inline constexpr char kPropertyReproductionFile[] = "property-reproduction.json";

// Runs the property suite against config.endpoint (sequentially: cases share the registry's
// catalog data) and fills `stats`; stops early when `*interrupted` turns true.
std::vector<CheckResult> RunPropertyChecks(const RunConfig& config, std::shared_ptr<const spec::Service> service, PropertyStats* stats,
                                          const std::atomic<bool>* interrupted);

}  // namespace ecrc::runner
