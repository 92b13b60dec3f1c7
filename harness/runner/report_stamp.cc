#include "harness/runner/report_stamp.h"

#include <ctime>

namespace ecrc::runner {

results::RunReport StampedReport(const spec::Service& service, const std::string& endpoint_label, const std::string& region, uint64_t seed) {
  results::RunReport report;
  report.tool_version = "ecr-conform 0.1";
  report.spec.uid = service.metadata().uid;
  report.spec.model_sha256 = service.model_sha256();
  for (const auto& [name, op] : service.operations()) report.spec.operation_sha256[name] = op.model_sha256;
  report.endpoint = endpoint_label;
  report.region = region;
  report.seed = seed;
  return report;
}

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace ecrc::runner
