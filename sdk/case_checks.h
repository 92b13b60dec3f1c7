// The verdict on one SDK case: the checks of every request the case sent (framing, target, body,
// signature) and of what the SDK reported back (decoded output, error code and message, retries,
// pagination), each with its evidence and the command that replays the case alone.
#pragma once

#include <string>
#include <vector>

#include "harness/results/check_result.h"
#include "sdk/driver_results.h"
#include "sdk/judge.h"
#include "sdk/sdk_case.h"

namespace ecrc::sdk {

inline constexpr char kSdkSuite[] = "sdk";

struct CaseCheckContext {
  const spec::Service& service;
  // The command replaying one case: "{case}" is replaced by the case id.
  std::string reproduction;
  // The judge's secret key, scrubbed from the evidence.
  std::string secret_access_key;
};

// `trace` is null when no request arrived for the case; `answers` is null when the driver wrote
// no line for it.
std::vector<results::CheckResult> JudgeCase(const CaseCheckContext& context, const SdkCase& sdk_case,
                                            const CaseTrace* trace, const std::vector<DriverAnswer>* answers);

// The request checks of a trace the judge had no case for (`serve --judge`: an SDK's own
// integration tests), one instance per trace label and operation.
std::vector<results::CheckResult> JudgeUnplannedTrace(const CaseCheckContext& context, const CaseTrace& trace);

}  // namespace ecrc::sdk
