// One SDK conformance run: the judge on loopback, the cases file, the driver under a deadline,
// then the report. What `ecr-conform sdk run` does, without the command line.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "harness/results/run_report.h"
#include "sdk/judge.h"
#include "sdk/sdk_case.h"

namespace ecrc::sdk {

struct SdkRunOptions {
  std::vector<std::string> driver;  // the command and its arguments
  std::string label;                // what the report names: "boto3 1.43.11", or the command
  std::vector<SdkCase> cases;
  std::string work_dir;             // cases.json, results.jsonl and driver.log go here
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  JudgeOptions judge;
  // The command that replays one case ("{case}" stands for its id).
  std::string reproduction;
};

// An error only when the run could not happen (the judge could not listen, the work folder
// cannot be written, the driver cannot be started); a driver that misbehaves is in the report.
Result<results::RunReport> RunSdk(std::shared_ptr<const spec::Service> service, SdkRunOptions options);

// The shipped driver `name` (boto3, js-v3, go-v2): its `run` script under `drivers_dir`, or an
// error listing the shipped ones.
Result<std::string> ShippedDriver(const std::string& drivers_dir, const std::string& name);
std::vector<std::string> ShippedDriverNames(const std::string& drivers_dir);

}  // namespace ecrc::sdk
