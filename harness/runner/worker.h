// One worker thread of a run: its own call path (a kept-alive connection) and the fixture that
// makes the live resources its checks need.
#pragma once

#include <atomic>
#include <memory>

#include "harness/runner/call_path.h"
#include "harness/runner/fixture.h"
#include "harness/runner/progress.h"
#include "harness/runner/run_config.h"
#include "harness/runner/run_guard.h"
#include "harness/runner/run_record.h"

namespace ecrc::runner {

// State shared by all workers of one run.
struct RunShared {
  RunShared(std::shared_ptr<const spec::Service> service_in, std::shared_ptr<const spec::Semantics> semantics_in, const RunConfig* config_in)
      : service(service_in), semantics(semantics_in), config(config_in), record(service_in, semantics_in) {}

  std::shared_ptr<const spec::Service> service;
  std::shared_ptr<const spec::Semantics> semantics;
  const RunConfig* config;
  RunRecord record;
  std::atomic<uint64_t> name_counter{0};
  RunGuard* guard = nullptr;        // why the run must stop, if it must (the record's gate)
  Progress* progress = nullptr;     // the run's one progress line
  const std::atomic<bool>* interrupted = nullptr;  // Ctrl-C: long units stop early
};

class Worker {
 public:
  explicit Worker(RunShared* shared);

  check::Call Call(const spec::Operation& op, const codec::Value& input) { return path_.Call(op, input); }
  CallPath& path() { return path_; }
  Fixture& fixture() { return fixture_; }
  RunShared& shared() { return *shared_; }
  std::string Reproduction(const results::Exchange& exchange) const { return path_.Reproduction(exchange); }

 private:
  RunShared* shared_;
  CallPath path_;
  Fixture fixture_;
};

}  // namespace ecrc::runner
