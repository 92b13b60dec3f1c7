// The property suite as checks of a run: one check that every generated sequence agrees with
// the registry model (its shrunk counterexample attached as a replay file), and one per command
// that it ran at all.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness/client/client.h"
#include "harness/runner/results.h"
#include "harness/runner/run_config.h"
#include "specs/spec.h"

namespace ecrc::runner {

inline constexpr char kPropertyReproductionFile[] = "property-reproduction.json";

// Runs the property suite against config.endpoint (sequentially: cases share the registry's
// catalog data) and fills `stats`; stops early when `*interrupted` turns true.
// Its requests go through `gate` when given (run_guard.h).
std::vector<CheckResult> RunPropertyChecks(const RunConfig& config, std::shared_ptr<const spec::Service> service, PropertyStats* stats,
                                          const std::atomic<bool>* interrupted, client::SendGate* gate = nullptr);

// The property_model_agreement check, not yet run.
CheckResult PropertyAgreementHeader(const spec::Service& service);

// One check per command: passed when it ran, failed when it never did (a generator or weight that
// never fires tests nothing), skipped when the suite stopped early at a failing case.
std::vector<CheckResult> CommandExercisedChecks(const std::vector<std::string>& commands, const std::map<std::string, int64_t>& runs,
                                                int64_t cases, bool suite_passed);

}  // namespace ecrc::runner
