// The one live progress line of a run on a terminal: units done of all planned, failing checks
// so far, and what a long unit (the property suite, live fuzzing) says it is doing.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "harness/results/check_result.h"

namespace ecrc::runner {

class Progress {
 public:
  Progress(bool enabled, bool color) : enabled_(enabled), color_(color) {}

  void SetTotal(size_t units);
  // A unit finished with `results`.
  void Tick(const std::vector<results::CheckResult>& results);
  // What the running unit is doing ("fuzz: 12000 requests, 41s left"); printed at most four
  // times a second, cleared by the next Tick.
  void Detail(const std::string& text);
  // Ends the line (once), so what follows starts on a fresh one.
  void Finish();

 private:
  void PrintLocked();

  std::mutex mu_;
  bool enabled_, color_;
  size_t total_ = 0, done_ = 0, failures_ = 0;
  std::string detail_;
  std::chrono::steady_clock::time_point next_detail_{};
  bool printed_ = false;
};

}  // namespace ecrc::runner
