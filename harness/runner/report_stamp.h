// What every report says about where it came from (tool, spec and per-operation sha256,
// endpoint, region, seed), shared by `run` and `fuzz` so that their reports diff alike.
#pragma once

#include <cstdint>
#include <string>

#include "harness/results/run_report.h"
#include "specs/spec.h"

namespace ecrc::runner {

// An empty report carrying the provenance of a run against `endpoint_label`.
results::RunReport StampedReport(const spec::Service& service, const std::string& endpoint_label, const std::string& region, uint64_t seed);

// The current UTC time as 2026-11-27T12:00:00Z.
std::string NowIso();

}  // namespace ecrc::runner
