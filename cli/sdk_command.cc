// `ecr-conform sdk`: SDK conformance. `sdk run --driver NAME|CMD...` judges a client through a
// driver (README.md, sdk/README.md "Driver protocol"); `sdk cases --out FILE` writes the cases.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.h"
#include "cli/run_exit.h"
#include "cli/run_support.h"
#include "harness/client/reproduction.h"
#include "harness/report/writer.h"
#include "sdk/case_catalog.h"
#include "sdk/driver_process.h"
#include "sdk/sdk_run.h"

namespace ecrc::cli {
namespace {

struct SdkArgs {
  std::vector<std::string> driver;
  std::vector<std::string> driver_rest;
  std::vector<std::string> cases;
  double timeout_seconds = 600;
  std::string report_dir;
  std::string formats = "json,junit,md,html";
  std::string out;
};

std::string DriversDir() {
  const char* dir = std::getenv("ECRC_SDK_DRIVERS");
  return dir && *dir ? dir : ECRC_SDK_DRIVERS_DIR;
}

// The shipped driver's SDK and version ("boto3 1.43.11"); asking also prepares it (npm install,
// go build), so that time is not charged to the run's deadline.
std::string ShippedVersion(const std::string& run_script, const std::string& name, const std::string& work_dir) {
  sdk::DriverCommand command;
  command.argv = {run_script, "--sdk-version"};
  command.timeout = std::chrono::minutes(10);
  command.log_path = work_dir + "/driver-version.log";
  auto exit = sdk::RunDriver(command);
  if (!exit.ok() || !exit->ok()) return name + " (version unknown)";
  std::string text = exit->output_tail;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  size_t last = text.rfind('\n');
  return last == std::string::npos ? text : text.substr(last + 1);
}

std::optional<std::vector<sdk::SdkCase>> SelectedCases(Context& ctx, const spec::Service& service,
                                                       const std::vector<std::string>& globs) {
  auto all = sdk::AllCases(service);
  if (!all.ok()) {
    Fail(ctx, kExitUsage, "the model gives no cases: " + all.status().message());
    return std::nullopt;
  }
  auto selected = sdk::SelectCases(std::move(*all), globs);
  if (!selected.ok()) {
    Fail(ctx, kExitUsage, "--case: " + selected.status().message());
    return std::nullopt;
  }
  return std::move(*selected);
}

void RunCommand(Context& ctx, const SdkArgs& args) {
  auto service = ctx.Service();
  if (!service) return;
  if (args.driver.empty()) return Fail(ctx, kExitUsage, "--driver: name a shipped driver or give a command");
  if (!(args.timeout_seconds > 0)) return Fail(ctx, kExitUsage, "--timeout must be a positive number of seconds");
  auto formats = report::ParseReportFormats(args.formats);
  if (!formats.ok()) return Fail(ctx, kExitUsage, "--format: " + formats.status().message());
  auto cases = SelectedCases(ctx, *service, args.cases);
  if (!cases) return;

  sdk::SdkRunOptions options;
  bool shipped = args.driver.size() == 1 && args.driver[0].find('/') == std::string::npos;
  std::string name = shipped ? args.driver[0] : "custom";
  std::string dir = args.report_dir.empty() ? TimestampedReportDir("sdk-" + name) : args.report_dir;
  options.work_dir = dir + "/driver";
  std::error_code ec;
  std::filesystem::create_directories(options.work_dir, ec);
  if (shipped) {
    auto script = sdk::ShippedDriver(DriversDir(), args.driver[0]);
    if (!script.ok()) return Fail(ctx, kExitUsage, "--driver: " + script.status().message() + "; or give a command with a path");
    options.driver = {*script};
    options.label = ShippedVersion(*script, name, options.work_dir);
  } else {
    options.driver = args.driver;
    for (const auto& word : args.driver) options.label += (options.label.empty() ? "" : " ") + word;
  }
  std::string replay = "ecr-conform sdk run --driver";
  for (const auto& word : args.driver) replay += " " + client::ShellQuote(word);
  options.reproduction = replay + " --case '{case}'";
  options.cases = std::move(*cases);
  options.timeout = std::chrono::milliseconds(static_cast<int64_t>(args.timeout_seconds * 1000));

  std::cerr << "ecr-conform: judging " << options.label << " on " << options.cases.size() << " cases\n";
  auto report = sdk::RunSdk(service, options);
  if (!report.ok()) return Fail(ctx, kExitUsage, report.status().message());
  if (auto written = report::WriteReports(*report, dir, *formats, {{options.judge.secret_access_key}}); !written.ok()) {
    Fail(ctx, kExitUsage, "writing the report: " + written.message());
    dir.clear();
  }
  auto counts = report->Counts();
  auto count = [&](results::Outcome o) { return counts.count(o) ? counts.at(o) : 0; };
  std::cout << options.label << ": " << report->checks.size() << " checks, " << count(results::Outcome::kPassed)
            << " passed, " << count(results::Outcome::kFailed) << " failed, " << count(results::Outcome::kErrored)
            << " errored, " << count(results::Outcome::kSkipped) << " skipped in " << static_cast<int>(report->duration_seconds)
            << " s\n";
  PrintFailingChecks(*report, dir);
  if (!dir.empty()) std::cout << "report: " << dir << "\n";
  ctx.exit_code = RunExitCode(*report);
}

void CasesCommand(Context& ctx, const SdkArgs& args) {
  auto service = ctx.Service();
  if (!service) return;
  auto cases = SelectedCases(ctx, *service, args.cases);
  if (!cases) return;
  std::string text = sdk::CasesFileJson(*cases).dump(2) + "\n";
  if (args.out.empty() || args.out == "-") {
    std::cout << text;
    return;
  }
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Fail(ctx, kExitUsage, "cannot write " + args.out);
  std::cerr << "ecr-conform: wrote " << cases->size() << " cases to " << args.out << "\n";
}

}  // namespace

void AddSdkCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SdkArgs>();
  auto* sdk = app.add_subcommand("sdk", "SDK conformance: judge an ECR Public client through a driver");
  sdk->require_subcommand(1);
  auto* run = sdk->add_subcommand("run", "Start the judge, run the driver over the cases, write the report");
  run->add_option("--driver", args->driver,
                  "A shipped driver (boto3, js-v3, go-v2) or a command and its arguments (arguments starting with - after --)")
      ->expected(1, -1)
      ->required();
  run->add_option("--case", args->cases, "Only the cases whose id matches this glob (repeatable)");
  run->add_option("--timeout", args->timeout_seconds, "Kill the driver after this many seconds")->capture_default_str();
  run->add_option("--report-dir", args->report_dir, "Where to write the report (default reports/runs/<time>-sdk-<driver>)");
  run->add_option("--format", args->formats, "Comma-separated report formats: json, junit, md, html")->capture_default_str();
  run->add_option("driver-args", args->driver_rest, "More arguments of the driver command, after --");
  run->callback([&ctx, args] {
    for (const auto& extra : args->driver_rest) args->driver.push_back(extra);
    RunCommand(ctx, *args);
  });
  auto* cases = sdk->add_subcommand("cases", "Write the cases file a driver reads (README.md, Driver protocol)");
  cases->add_option("--out", args->out, "The file to write (default: stdout)");
  cases->add_option("--case", args->cases, "Only the cases whose id matches this glob (repeatable)");
  cases->callback([&ctx, args] { CasesCommand(ctx, *args); });
}

}  // namespace ecrc::cli
