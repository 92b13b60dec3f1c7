// One worker thread's connection to the endpoint: its own client (keep-alive), the adapter that
// turns client results into check::Calls, and the bookkeeping every call feeds.
#pragma once

#include <memory>

#include "harness/checks/call.h"
#include "harness/client/client.h"
#include "harness/runner/coverage_tracker.h"
#include "harness/runner/fixture.h"
#include "harness/runner/run_config.h"
#include "harness/runner/run_guard.h"
#include "harness/runner/shape_aggregates.h"

namespace ecrc::runner {

// State shared by all workers of one run.
struct RunShared {
  std::shared_ptr<const spec::Service> service;
  std::shared_ptr<const spec::Semantics> semantics;
  const RunConfig* config = nullptr;
  CleanupList cleanup;
  CoverageTracker coverage;
  ShapeAggregates shapes;
  std::atomic<uint64_t> name_counter{0};
  RunGuard* guard = nullptr;  // every worker's client sends through it
};

class Worker {
 public:
  explicit Worker(RunShared* shared);

  // Sends one call; records coverage, and remembers created resources for the final cleanup.
  check::Call Call(const spec::Operation& op, const codec::Value& input);
  check::CallFn AsCallFn();
  Fixture& fixture() { return fixture_; }
  client::Client& client() { return client_; }
  RunShared& shared() { return *shared_; }
  // A curl command line replaying `exchange` against this endpoint.
  std::string Reproduction(const Exchange& exchange) const;

 private:
  RunShared* shared_;
  client::Client client_;
  Fixture fixture_;
};

// The evidence form of a call (already redacted by the client adapter).
Exchange ToExchange(const check::Call& call);

}  // namespace ecrc::runner
