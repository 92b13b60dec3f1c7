// The runner's ScenarioContext: performs a scenario's calls through a worker and turns what the
// scenario observed into one CheckResult.
#pragma once

#include "harness/checks/scenario.h"
#include "harness/runner/worker.h"

namespace ecrc::runner {

// The identity of a scenario's check (id, suite, title, severity, source), before anything ran.
results::CheckResult ScenarioHeader(const check::Scenario& scenario);

// Runs `scenario` to completion and returns its result; never throws.
results::CheckResult RunScenario(const check::Scenario& scenario, Worker& worker);

}  // namespace ecrc::runner
