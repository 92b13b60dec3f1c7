#include "harness/runner/worker.h"

namespace ecrc::runner {

Worker::Worker(RunShared* shared)
    : shared_(shared),
      path_(shared->service, shared->config->endpoint, &shared->record),
      fixture_(*shared->service, *shared->semantics, path_.AsCallFn(), shared->config->prefix, &shared->name_counter,
               &shared->record.cleanup()) {}

}  // namespace ecrc::runner
