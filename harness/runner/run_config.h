// What a run of any suites was asked to do: what `ecr-conform run` and `ecr-conform fuzz`
// share. What only one suite reads (property cases, fuzzing time) is that suite's own option.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "harness/client/endpoint.h"

namespace ecrc::runner {

struct RunConfig {
  client::Endpoint endpoint;
  std::string endpoint_label;               // URL, or "embedded" for the reference server
  std::string check_glob;                   // only checks whose id matches (`*`, `?`; brackets literal); "" = all
  std::string operation;                    // only checks touching this operation; "" = all
  uint64_t seed = 1;
  int jobs = 4;
  std::string prefix;                       // unique repository-name prefix of this run
  // Bounds (run_guard.h): checks not started by the deadline are errored with "deadline
  // reached"; this many transport failures in a row stop the run ("the endpoint stopped answering").
  std::chrono::milliseconds deadline{0};    // 0: none
  std::string deadline_text;                // as given, e.g. "5m"
  int max_consecutive_failures = 5;         // 0: no breaker
  std::string endpoint_failure;             // set: the first request got no usable answer; nothing is sent
  bool progress = false;                    // live progress line (a terminal is attached)
  bool color = false;
};

}  // namespace ecrc::runner
