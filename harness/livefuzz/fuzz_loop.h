// The live fuzzing loop: mutated requests against one endpoint until the time or request budget
// is spent, each judged as it comes back, then a health probe and the cleanup; the fuzz suite's
// one unit (fuzz_suite.h).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "harness/livefuzz/mutator.h"
#include "harness/results/check_result.h"

namespace ecrc::runner {
class Worker;
}

namespace ecrc::livefuzz {

// What only the fuzz suite reads; the endpoint, seed, prefix and breaker are the run's
// (runner::RunConfig). The same seed gives the same sequence of seeds and mutations (request i
// draws from its own generator, seeded with (seed, i)), as long as the endpoint answers the same way.
struct FuzzOptions {
  std::chrono::milliseconds duration{60000};
  uint64_t max_requests = 0;  // 0: only the duration bounds the run
  std::chrono::milliseconds timeout{10000};  // per request
  MutatorLimits limits;
  // The loop's own breaker: this many fuzzed requests in a row without an answer stop it (the
  // endpoint stopped answering; 0: never). It counts only mutants, not set-up calls, and
  // `failures_before` counts those the command's reachability probe already saw. A run of the
  // fuzz suite alone disables the runner's breaker for it (RunConfig::max_consecutive_failures).
  int max_consecutive_failures = 5;
  int failures_before = 0;
};

struct FuzzStats {
  uint64_t requests = 0;      // fuzzed requests sent
  uint64_t withheld = 0;      // mutants not sent: they named a resource outside the prefix
  uint64_t housekeeping = 0;  // setup, immediate deletes, health probe and cleanup calls
  uint64_t failing_requests = 0;
  double seconds = 0;         // of the request loop
  bool endpoint_lost = false; // it stopped accepting connections, or answering, during the run
  std::string stopped_by;     // "duration", "max-requests", "interrupt", "endpoint lost" or
                              // "the endpoint stopped answering: N consecutive transport failures, last: ..."
};

// Runs the loop on `worker`'s run (its endpoint, seed, prefix, progress line and interrupt
// flag) and returns one check per (check, operation, mutation kind) plus fuzz_endpoint_survives,
// sorted by id. Never throws; a transport failure is a finding or, for the setup, an errored
// check. Stops early when the run is interrupted.
std::vector<results::CheckResult> RunLiveFuzz(const FuzzOptions& options, runner::Worker& worker, FuzzStats* stats);

// A fixed fuzz check (fuzz_endpoint_survives, fuzz_fixture_setup), not yet judged.
results::CheckResult FuzzCheckHeader(const char* check, const std::string& id, const std::vector<std::string>& operations);

}  // namespace ecrc::livefuzz
