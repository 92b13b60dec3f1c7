// What the long-running subcommands (run, fuzz) share: Ctrl-C that stops work but still cleans
// up and reports, a unique name prefix, and the default report folder.
#pragma once

#include <atomic>
#include <string>

#include "harness/results/run_report.h"

namespace ecrc::cli {

// While an InterruptScope lives, the first SIGINT/SIGTERM sets `flag()` (work stops, created
// resources are deleted, the report is written); a second one kills as usual.
class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;
  static std::atomic<bool>* flag();
};

// `<stem>-<8 random hex digits>`.
std::string UniqueName(const std::string& stem);
// reports/runs/<UTC time>-<suffix>
std::string TimestampedReportDir(const std::string& suffix);

// Prints the failed and errored checks (at most 25) with their first finding, and how to replay
// an attached reproduction from `dir`.
void PrintFailingChecks(const results::RunReport& report, const std::string& dir);

}  // namespace ecrc::cli
