// What a run learns from every call, whichever suite made it: coverage, the resources to delete
// at the end, and the output-shape aggregates. The sink at the end of the one call path.
#pragma once

#include <memory>
#include <string>

#include "harness/checks/call.h"
#include "harness/client/client.h"
#include "harness/runner/coverage_tracker.h"
#include "harness/runner/fixture.h"
#include "harness/runner/shape_aggregates.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::runner {

// Thread-safe: every worker of a run records into the same one.
class RunRecord {
 public:
  RunRecord(std::shared_ptr<const spec::Service> service, std::shared_ptr<const spec::Semantics> semantics)
      : service_(std::move(service)), semantics_(std::move(semantics)) {}

  // Counts the call's operation and declared error, feeds the shape aggregates, and remembers a
  // resource the call created (even one a check did not mean to create: a server that accepts an
  // invalid name, say) or forgets one it deleted.
  void OnCall(const check::Call& call, const ShapeAggregates::Reproducer& reproduce);

  CoverageTracker& coverage() { return coverage_; }
  CleanupList& cleanup() { return cleanup_; }
  ShapeAggregates& shapes() { return shapes_; }
  const spec::Service& service() const { return *service_; }
  const spec::Semantics& semantics() const { return *semantics_; }

  // Asked before every request and told its outcome (run_guard.h); null lets everything through.
  // Set it before the first CallPath on this record is made.
  client::SendGate* gate() const { return gate_; }
  void set_gate(client::SendGate* gate) { gate_ = gate; }

 private:
  std::shared_ptr<const spec::Service> service_;
  std::shared_ptr<const spec::Semantics> semantics_;
  CoverageTracker coverage_;
  CleanupList cleanup_;
  ShapeAggregates shapes_;
  client::SendGate* gate_ = nullptr;
};

}  // namespace ecrc::runner
