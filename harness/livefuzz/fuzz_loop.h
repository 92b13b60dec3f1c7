// The live fuzzing run: mutated requests against one endpoint until the time or request budget
// is spent, each judged as it comes back, then a health probe and the cleanup, all folded into
// the standard results tree (suite "fuzz").
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "harness/client/endpoint.h"
#include "harness/livefuzz/mutator.h"
#include "harness/runner/results.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::livefuzz {

struct FuzzConfig {
  client::Endpoint endpoint;
  std::string endpoint_label;  // URL, or "embedded reference server"
  // The same seed gives the same sequence of seeds and mutations (request i draws from its own
  // generator, seeded with (seed, i)), as long as the endpoint answers the same way.
  uint64_t seed = 1;
  std::chrono::milliseconds duration{60000};
  uint64_t max_requests = 0;  // 0: only the duration bounds the run
  std::chrono::milliseconds timeout{10000};  // per request
  std::string prefix;  // unique resource-name prefix, e.g. `ecrc-fuzz-1a2b3c4d`
  MutatorLimits limits;
  // This many transport failures in a row (timeouts, resets, answers that are not HTTP) stop the
  // run: the endpoint stopped answering (0: never). `failures_before` counts those the command's
  // reachability probe already saw.
  int max_consecutive_failures = 5;
  int failures_before = 0;
  bool progress = false;  // a live progress line on stderr
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

// Runs the loop and returns the report: one check per (check, operation, mutation kind) plus
// fuzz_endpoint_survives, sorted by id. Never throws; a transport failure is a finding or, for
// the setup, an errored check. Stops early when `interrupted` becomes true.
runner::RunReport RunLiveFuzz(const FuzzConfig& config, std::shared_ptr<const spec::Service> service,
                              std::shared_ptr<const spec::Semantics> semantics, const std::atomic<bool>* interrupted,
                              FuzzStats* stats);

}  // namespace ecrc::livefuzz
