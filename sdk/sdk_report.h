// The standard report (suite `sdk`) of what the judge saw and the driver answered: every case's
// checks, one check of the driver's conduct of the protocol, one per operation the SDK supports,
// and the coverage of operations, paginators, error forms and input members.
#pragma once

#include <string>
#include <vector>

#include "harness/results/run_report.h"
#include "sdk/case_checks.h"
#include "sdk/driver_results.h"
#include "sdk/judge.h"

namespace ecrc::sdk {

struct SdkReportInput {
  std::string endpoint;  // what the report names as tested: "sdk driver: boto3 1.43.11"
  // Null for `serve --judge` (no driver, no cases).
  const DriverResults* driver_results = nullptr;
  // What went wrong with the driver itself: its exit, its timeout, lines it wrote wrongly.
  std::vector<std::string> driver_problems;
};

results::RunReport SdkReport(const Judge& judge, const CaseCheckContext& context, const SdkReportInput& input);

}  // namespace ecrc::sdk
