// `ecr-conform run`: the conformance run against an endpoint (or the embedded reference server),
// with reports written to a folder and an exit code CI can gate on.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <limits>
#include <iostream>
#include <sstream>

#include "cli/context.h"
#include "cli/endpoint_setup.h"
#include "cli/run_exit.h"
#include "cli/run_support.h"
#include "cli/suites.h"
#include "harness/client/client.h"
#include "harness/report/diff.h"
#include "harness/report/json_report_reader.h"
#include "harness/report/verdict.h"
#include "harness/report/writer.h"
#include "harness/runner/runner.h"
#include "specs/semantics.h"

namespace ecrc::cli {
namespace {

struct RunOptions {
  std::string endpoint_url, region, suites, check_glob, operation, report_dir, formats = "json,junit,md,html",
                                    baseline;
  uint64_t seed = 1;
  int jobs = 4;
  int property_cases = 200;
  int max_steps = 50;
  int64_t deadline_ms = 5 * 60000;
  bool allow_aws = false;
};

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string item; std::getline(ss, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// 300000 → "5m", 90000 → "90s", 1500 → "1500ms": the way --deadline takes it.
std::string DurationText(int64_t ms) {
  if (ms % 60000 == 0) return std::to_string(ms / 60000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

void PrintSummary(const results::RunReport& report, const std::string& dir) {
  auto counts = report.Counts();
  std::cout << "ecr-conform run against " << report.endpoint << " (" << report.spec.uid << "): " << report.checks.size() << " checks, "
            << counts[results::Outcome::kPassed] << " passed, " << counts[results::Outcome::kFailed] << " failed, "
            << counts[results::Outcome::kErrored] << " errored, " << counts[results::Outcome::kSkipped] << " skipped in "
            << static_cast<int>(report.duration_seconds * 1000) << " ms\n";
  std::cout << "result: " << report::VerdictOf(report).Text() << "\n";  // what the exit code says, warnings counted
  if (!report.root_cause.empty()) std::cout << "root cause: " << report.root_cause << "\n";
  const auto& c = report.coverage;
  size_t errors_total = c.errors_provoked.size() + c.errors_missed.size() + c.errors_unprovokable.size();
  std::cout << "coverage: operations " << c.operations_exercised.size() << "/" << c.operations_exercised.size() + c.operations_missed.size()
            << ", paginators " << c.paginators_verified.size() << "/" << c.paginators_verified.size() + c.paginators_missed.size()
            << ", declared errors provoked " << c.errors_provoked.size() << "/" << errors_total << " ("
            << c.errors_unprovokable.size() << " cannot be provoked from outside), constraints "
            << c.constraints_exercised.size() << "/" << c.constraints_exercised.size() + c.constraints_missed.size() << "\n";
  PrintFailingChecks(report, dir);
  if (!dir.empty()) std::cout << "report: " << dir << "/report.md (also report.json, report.junit.xml, report.html)\n";
}

void Run(Context& ctx, const RunOptions& opts) {
  auto service = ctx.Service();
  if (!service) return;
  auto semantics = ctx.Semantics();
  if (!semantics) return;
  runner::RunConfig config;
  SuiteOptions suite_options;
  suite_options.property = {opts.property_cases, opts.max_steps};
  runner::SuiteRegistry registry = AllSuites(suite_options);
  auto suites = registry.Make(SplitList(opts.suites.empty() ? registry.DefaultList() : opts.suites));
  if (!suites.ok()) return Fail(ctx, kExitUsage, "--suite: " + suites.status().message());
  if (!opts.operation.empty() && !service->FindOperation(opts.operation)) {
    return Fail(ctx, kExitUsage, "--operation: no operation '" + opts.operation + "' in the model");
  }
  auto formats = report::ParseReportFormats(opts.formats);
  if (!formats.ok()) return Fail(ctx, kExitUsage, "--format: " + formats.status().message());
  std::optional<results::RunReport> baseline;
  if (!opts.baseline.empty()) {
    auto read = report::ReadReportFile(opts.baseline);
    if (!read.ok()) return Fail(ctx, kExitUsage, "--baseline: " + read.status().message());
    baseline = *read;
  }

  auto target = ResolveTarget(ctx, opts.endpoint_url, opts.region);
  if (!target) return;
  config.endpoint = target->endpoint;
  config.endpoint_label = target->label;
  config.prefix = UniqueName("ecrc");
  if (!GuardRealAws(ctx, *target, opts.allow_aws, "the run creates and deletes repositories there",
                    "It will create repositories named " + config.prefix +
                        "-* (with images, layers, tags, policies and catalog data) and delete them at the end; "
                        "it will also set and restore the registry's catalog data.")) {
    return;
  }
  // Reachability first: an endpoint that is not there gets one line and exit 3, no report. One
  // that is there but gives no usable answer gets a report (every check errored, saying how) and
  // exit 3, in seconds.
  if (!ProbeReachable(ctx, service, *target, &config.endpoint_failure)) return;
  config.deadline = std::chrono::milliseconds(opts.deadline_ms);
  config.deadline_text = DurationText(opts.deadline_ms);
  config.check_glob = opts.check_glob;
  config.operation = opts.operation;
  config.seed = opts.seed;
  config.jobs = opts.jobs;
  config.progress = isatty(STDERR_FILENO);
  config.color = config.progress && std::getenv("NO_COLOR") == nullptr;

  runner::RunStop stop;
  results::RunReport report = [&] {
    InterruptScope interrupts;
    return runner::Run(config, suites.value(), service, semantics, InterruptScope::flag(), &stop);
  }();

  std::string dir = opts.report_dir.empty() ? TimestampedReportDir(config.prefix) : opts.report_dir;
  if (auto written = report::WriteReports(report, dir, *formats, {{config.endpoint.credentials.secret_access_key}}); !written.ok()) {
    Fail(ctx, kExitUsage, "writing the report: " + written.message());
    dir.clear();
  }
  PrintSummary(report, dir);
  if (*InterruptScope::flag()) return Fail(ctx, kExitUsage, "interrupted: partial results, created repositories deleted");
  if (stop.endpoint_stopped_answering) return Fail(ctx, kExitUnreachable, "run stopped: " + stop.reason);
  if (stop.deadline_reached) std::cerr << "ecr-conform: run stopped: " << stop.reason << "; the checks not run are errored\n";

  if (baseline) {
    bool regressed = report::HasRegressions(*baseline, report);
    std::cout << (regressed ? "regressions against the baseline: see `ecr-conform diff`\n" : "no regression against the baseline\n");
    ctx.exit_code = regressed ? kExitFindings : kExitOk;
    return;
  }
  ctx.exit_code = RunExitCode(report);
}

}  // namespace

void AddRunCommand(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RunOptions>();
  auto* run = app.add_subcommand("run", "Run the conformance suites against an endpoint (default: the embedded reference server)");
  run->add_option("--endpoint-url", opts->endpoint_url, "Endpoint to test (else AWS_ENDPOINT_URL_ECR_PUBLIC, AWS_ENDPOINT_URL, else the embedded server)");
  run->add_option("--region", opts->region, "Signing region (else AWS_REGION, AWS_DEFAULT_REGION, us-east-1)");
  runner::SuiteRegistry registry = AllSuites({});
  std::string known;
  for (const auto& name : registry.Names()) known += (known.empty() ? "" : ", ") + name;
  run->add_option("--suite", opts->suites, "Comma-separated suites, of: " + known)->default_str(registry.DefaultList());
  run->add_option("--property-cases", opts->property_cases, "Property suite: generated cases (sequences of calls)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  run->add_option("--max-steps", opts->max_steps, "Property suite: calls per case at most")->check(CLI::Range(1, 1000))->capture_default_str();
  run->add_option("--check", opts->check_glob, "Only checks whose id matches this glob, e.g. 'put_image_*'");
  run->add_option("--operation", opts->operation, "Only checks touching this operation");
  run->add_option("--seed", opts->seed, "Seed for generated values")->capture_default_str();
  run->add_option("--jobs", opts->jobs, "Parallel workers (each with its own kept-alive connection)")->check(CLI::Range(1, 64))->capture_default_str();
  run->add_option("--report-dir", opts->report_dir, "Where to write the report (default reports/runs/<time>-<prefix>)");
  run->add_option("--format", opts->formats, "Comma-separated report formats: json, junit, md, html")->capture_default_str();
  run->add_option("--baseline", opts->baseline, "A previous report.json: exit 0 unless something regressed against it");
  run->add_option("--deadline", opts->deadline_ms,
                  "Time for the whole run, with a unit: 90s, 5m, 1h; checks not run by then are errored (\"deadline reached\"), "
                  "the cleanup and the report still happen")
      ->transform(CLI::AsNumberWithUnit(std::map<std::string, int64_t>{{"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}},
                                        static_cast<CLI::AsNumberWithUnit::Options>(CLI::AsNumberWithUnit::CASE_INSENSITIVE |
                                                                                    CLI::AsNumberWithUnit::UNIT_REQUIRED),
                                        "UNIT"))
      ->check(CLI::Range(int64_t{1}, std::numeric_limits<int64_t>::max()))
      ->default_str("5m");
  run->add_flag("--allow-aws", opts->allow_aws, "Allow a real AWS endpoint (*.amazonaws.com, *.api.aws)");
  run->callback([&ctx, opts] { Run(ctx, *opts); });
}

}  // namespace ecrc::cli
