// `ecr-conform fuzz`: mutated requests against a live endpoint (default: the embedded reference
// server) for a bounded time, judged against the spec, with the findings in the standard report.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <optional>
#include <random>

#include "cli/context.h"
#include "cli/endpoint_setup.h"
#include "cli/run_support.h"
#include "harness/livefuzz/fuzz_suite.h"
#include "harness/report/verdict.h"
#include "harness/report/writer.h"
#include "harness/runner/runner.h"
#include "specs/semantics.h"

namespace ecrc::cli {
namespace {

struct FuzzOptions {
  std::string endpoint_url, region, report_dir, formats = "json,junit,md,html";
  int64_t duration_ms = 60000;
  std::optional<uint64_t> seed;
  int64_t max_requests = 0;
  int64_t timeout_ms = 10000;
  bool allow_aws = false;
};

void PrintSummary(const results::RunReport& report, const livefuzz::FuzzStats& stats, const std::string& dir) {
  auto counts = report.Counts();
  size_t errors = 0, warnings = 0;
  for (const auto& r : report.checks) {
    if (r.outcome != results::Outcome::kFailed) continue;
    (r.severity == results::Severity::kError ? errors : warnings) += 1;
  }
  double rate = stats.seconds > 0 ? static_cast<double>(stats.requests) / stats.seconds : 0;
  std::cout << "ecr-conform fuzz against " << report.endpoint << ": " << stats.requests << " requests in " << static_cast<int>(stats.seconds * 1000)
            << " ms (" << static_cast<long>(rate) << " req/s, stopped by " << stats.stopped_by << "), " << stats.housekeeping
            << " setup/cleanup calls, " << stats.withheld << " mutants withheld (they named a resource outside the run's prefix)\n";
  std::cout << report.checks.size() << " check classes: " << counts[results::Outcome::kPassed] << " passed, " << errors << " failed, " << warnings
            << " failed as warnings, " << counts[results::Outcome::kErrored] << " errored; " << stats.failing_requests
            << " failing requests\n";
  std::cout << "result: " << report::VerdictOf(report).Text() << "\n";  // what the exit code says, warnings counted
  PrintFailingChecks(report, dir);
  if (!dir.empty()) std::cout << "report: " << dir << "/report.md (and the other formats asked for)\n";
}

void Fuzz(Context& ctx, const FuzzOptions& opts) {
  if (opts.duration_ms <= 0) return Fail(ctx, kExitUsage, "--duration must be more than zero (e.g. 60s, 2m, 500ms)");
  auto service = ctx.Service();
  if (!service) return;
  auto semantics = ctx.Semantics();
  if (!semantics) return;
  auto formats = report::ParseReportFormats(opts.formats);
  if (!formats.ok()) return Fail(ctx, kExitUsage, "--format: " + formats.status().message());

  runner::RunConfig config;
  config.prefix = UniqueName("ecrc-fuzz");
  auto target = ResolveTarget(ctx, opts.endpoint_url, opts.region);
  if (!target) return;
  if (!GuardRealAws(ctx, *target, opts.allow_aws, "fuzzing sends malformed requests there and creates and deletes repositories",
                    "It will send malformed requests for up to " + std::to_string(opts.duration_ms / 1000) +
                        " s and create repositories named " + config.prefix + "-*, deleting them at the end.")) {
    return;
  }
  std::string no_answer;
  if (!ProbeReachable(ctx, service, *target, &no_answer)) return;

  config.endpoint = target->endpoint;
  config.endpoint_label = target->label;
  config.seed = opts.seed ? *opts.seed : (static_cast<uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
  config.jobs = 1;
  // The loop breaks on its own count of unanswered mutants (FuzzOptions): on a silent endpoint
  // its set-up calls time out too, and the run's breaker would stop it before one was judged.
  config.max_consecutive_failures = 0;
  config.progress = isatty(STDERR_FILENO);
  config.color = config.progress && std::getenv("NO_COLOR") == nullptr;
  livefuzz::FuzzOptions fuzz;
  fuzz.duration = std::chrono::milliseconds(opts.duration_ms);
  fuzz.max_requests = static_cast<uint64_t>(opts.max_requests);
  fuzz.timeout = std::chrono::milliseconds(opts.timeout_ms);
  // The probe's failures count towards the breaker: a silent endpoint ends the fuzzing early.
  fuzz.failures_before = no_answer.empty() ? 0 : 1;
  std::cout << "ecr-conform fuzz: seed " << config.seed << " (replay with --seed " << config.seed << "), for up to "
            << opts.duration_ms << " ms" << (opts.max_requests ? " or " + std::to_string(opts.max_requests) + " requests" : std::string())
            << ", resources under " << config.prefix << "-*\n"
            << std::flush;

  std::vector<std::unique_ptr<runner::Suite>> suites;
  suites.push_back(std::make_unique<livefuzz::FuzzSuite>(fuzz));
  const livefuzz::FuzzStats& stats = static_cast<const livefuzz::FuzzSuite&>(*suites.front()).stats();
  runner::RunStop stop;
  results::RunReport report = [&] {
    InterruptScope interrupts;
    return runner::Run(config, suites, service, semantics, InterruptScope::flag(), &stop);
  }();

  std::string dir = opts.report_dir.empty() ? TimestampedReportDir("fuzz-live") : opts.report_dir;
  if (auto written = report::WriteReports(report, dir, *formats, {{config.endpoint.credentials.secret_access_key}}); !written.ok()) {
    Fail(ctx, kExitUsage, "writing the report: " + written.message());
    dir.clear();
  }
  PrintSummary(report, stats, dir);
  if (*InterruptScope::flag()) return Fail(ctx, kExitUsage, "interrupted: partial results, created repositories deleted");
  if (stats.endpoint_lost) return Fail(ctx, kExitUnreachable, "fuzzing stopped: " + stats.stopped_by);
  if (stop.endpoint_stopped_answering) return Fail(ctx, kExitUnreachable, "fuzzing stopped: " + stop.reason);

  bool errored = false, failed = false;
  for (const auto& r : report.checks) {
    errored = errored || r.outcome == results::Outcome::kErrored;
    failed = failed || (r.outcome == results::Outcome::kFailed && r.severity == results::Severity::kError);
  }
  ctx.exit_code = failed ? kExitFindings : errored ? kExitUsage : kExitOk;
}

}  // namespace

void AddFuzzCommand(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<FuzzOptions>();
  auto* fuzz = app.add_subcommand("fuzz", "Send mutated requests to an endpoint (default: the embedded reference server) and report "
                                          "server errors, hangs, accepted invalid input and undeclared errors");
  fuzz->add_option("--endpoint-url", opts->endpoint_url, "Endpoint to fuzz (else AWS_ENDPOINT_URL_ECR_PUBLIC, AWS_ENDPOINT_URL, else the embedded server)");
  fuzz->add_option("--region", opts->region, "Signing region (else AWS_REGION, AWS_DEFAULT_REGION, us-east-1)");
  // CLI11 turns "60s", "2m", "500ms", "1h" into milliseconds and names the bad part otherwise.
  fuzz->add_option("--duration", opts->duration_ms, "How long to send requests, with a unit: 500ms, 60s, 2m, 1h")
      ->transform(CLI::AsNumberWithUnit(std::map<std::string, int64_t>{{"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}},
                                        static_cast<CLI::AsNumberWithUnit::Options>(CLI::AsNumberWithUnit::CASE_INSENSITIVE |
                                                                                    CLI::AsNumberWithUnit::UNIT_REQUIRED),
                                        "UNIT"))
      ->default_str("60s");
  fuzz->add_option("--seed", opts->seed, "Seed of the mutation sequence (default: random, printed so the run can be replayed)");
  // Signed: CLI11 would read "-5" into an unsigned as 2^64 - 5.
  fuzz->add_option("--max-requests", opts->max_requests, "Stop after this many fuzzed requests (0: only --duration bounds the run)")
      ->check(CLI::Range(int64_t{0}, std::numeric_limits<int64_t>::max()))
      ->capture_default_str();
  fuzz->add_option("--timeout-ms", opts->timeout_ms, "Per-request timeout; no answer within it is a finding")
      ->check(CLI::Range(int64_t{1}, int64_t{600000}))
      ->capture_default_str();
  fuzz->add_option("--report-dir", opts->report_dir, "Where to write the report (default reports/runs/<UTC time>-fuzz-live)");
  fuzz->add_option("--format,--formats", opts->formats, "Comma-separated report formats: json, junit, md, html")->capture_default_str();
  fuzz->add_flag("--allow-aws", opts->allow_aws, "Allow a real AWS endpoint (*.amazonaws.com, *.api.aws)");
  fuzz->callback([&ctx, opts] { Fuzz(ctx, *opts); });
}

}  // namespace ecrc::cli
