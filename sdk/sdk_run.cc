#include "sdk/sdk_run.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "harness/runner/report_stamp.h"
#include "sdk/case_catalog.h"
#include "sdk/driver_process.h"
#include "sdk/driver_results.h"
#include "sdk/sdk_report.h"

namespace ecrc::sdk {

std::vector<std::string> ShippedDriverNames(const std::string& drivers_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(drivers_dir, ec)) {
    if (access((entry.path() / "run").c_str(), X_OK) == 0) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> ShippedDriver(const std::string& drivers_dir, const std::string& name) {
  auto names = ShippedDriverNames(drivers_dir);
  if (std::find(names.begin(), names.end(), name) != names.end()) return drivers_dir + "/" + name + "/run";
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
  return Status::Error("no shipped driver '" + name + "' in " + drivers_dir + " (shipped: " + known + ")");
}

Result<results::RunReport> RunSdk(std::shared_ptr<const spec::Service> service, SdkRunOptions options) {
  auto started = std::chrono::steady_clock::now();
  std::string started_at = runner::NowIso();
  std::error_code ec;
  std::filesystem::create_directories(options.work_dir, ec);
  if (ec) return Status::Error("cannot create " + options.work_dir + ": " + ec.message());
  std::string cases_path = options.work_dir + "/cases.json";
  std::string results_path = options.work_dir + "/results.jsonl";
  std::string log_path = options.work_dir + "/driver.log";
  {
    std::ofstream out(cases_path, std::ios::binary | std::ios::trunc);
    out << CasesFileJson(options.cases).dump(2) << "\n";
    if (!out) return Status::Error("cannot write " + cases_path);
  }
  std::filesystem::remove(results_path, ec);

  std::set<std::string> known;
  for (const auto& c : options.cases) known.insert(c.id);
  Judge judge(service, options.cases, options.judge);
  auto url = judge.Start();
  if (!url.ok()) return url.status();

  DriverCommand command;
  command.argv = options.driver;
  command.timeout = options.timeout;
  command.log_path = log_path;
  command.environment = {
      {"ECRC_SDK_ENDPOINT", *url},
      {"AWS_ENDPOINT_URL", *url},
      {"ECRC_SDK_CASES", cases_path},
      {"ECRC_SDK_RESULTS", results_path},
      {"AWS_ACCESS_KEY_ID", options.judge.access_key_id},
      {"AWS_SECRET_ACCESS_KEY", options.judge.secret_access_key},
      {"AWS_REGION", options.judge.reference.region},
      {"AWS_DEFAULT_REGION", options.judge.reference.region},
      // The service-specific endpoint variable wins over AWS_ENDPOINT_URL in every SDK.
      {"AWS_ENDPOINT_URL_ECR_PUBLIC", *url},
      // No profile of the user's: its region, retry settings or credentials would change the calls.
      {"AWS_CONFIG_FILE", "/dev/null"},
      {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"},
  };
  // The user's own AWS session, profile and proxies must not reach the driver: its SDK would sign
  // with a real session token, read another region or credentials from a profile, or send the
  // judge's loopback traffic through a proxy.
  command.unset = {"AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ROLE_ARN",
                   "AWS_WEB_IDENTITY_TOKEN_FILE", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy",
                   "https_proxy", "all_proxy"};
  auto exit = RunDriver(command);
  judge.Stop();
  if (!exit.ok()) return exit.status();

  SdkReportInput input;
  input.endpoint = "sdk driver: " + options.label;
  DriverResults answers = ReadDriverResults(results_path, known);
  input.driver_results = &answers;
  if (!exit->ok()) {
    std::string tail = exit->output_tail;
    if (tail.size() > 1500) tail = "..." + tail.substr(tail.size() - 1500);
    input.driver_problems.push_back("the driver " + exit->Describe() + (tail.empty() ? "" : "; its last output:\n" + tail));
  }
  CaseCheckContext context{*service, options.reproduction, options.judge.secret_access_key};
  results::RunReport report = SdkReport(judge, context, input);
  report.started_at = started_at;
  report.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace ecrc::sdk
