// Runs a driver as a child process in its own process group, with the protocol's environment and
// a deadline: a driver that hangs is killed with everything it started, never waited on forever.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace ecrc::sdk {

struct DriverExit {
  int exit_code = -1;     // when it exited
  int signal = 0;         // when a signal ended it
  bool timed_out = false;
  double seconds = 0;
  std::string output_tail;  // the last lines of its stdout and stderr, for the report

  bool ok() const { return !timed_out && signal == 0 && exit_code == 0; }
  std::string Describe() const;  // "exited 0", "exited 3", "killed by signal 9", "timed out after 30 s"
};

struct DriverCommand {
  std::vector<std::string> argv;
  std::map<std::string, std::string> environment;  // added to (and overriding) the inherited one
  std::vector<std::string> unset;                    // inherited variables the driver must not see
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  std::string log_path;  // stdout and stderr go here
};

// An error only when the program could not be started at all (the message names it).
Result<DriverExit> RunDriver(const DriverCommand& command);

}  // namespace ecrc::sdk
