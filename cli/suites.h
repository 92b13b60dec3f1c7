// Every suite the binary knows, by name, with the options the command line gave them: the one
// list `run --suite` is validated against.
#pragma once

#include "harness/livefuzz/fuzz_loop.h"
#include "harness/runner/suite_registry.h"
#include "properties/property_suite.h"

namespace ecrc::cli {

struct SuiteOptions {
  prop::PropertyOptions property;
  livefuzz::FuzzOptions fuzz;
};

// contract, scenario and property run by default; fuzz only when asked for.
runner::SuiteRegistry AllSuites(const SuiteOptions& options);

}  // namespace ecrc::cli
