// `ecr-conform replay FILE`: re-runs a property-suite reproduction against an endpoint (default:
// the embedded reference server) several times and says whether the failure is still there.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/context.h"
#include "cli/endpoint_setup.h"
#include "harness/runner/call_path.h"
#include "properties/reproduction.h"

namespace ecrc::cli {
namespace {

// Exit codes beyond the shared ones: a flaky reproduction is neither fixed nor failing.
constexpr int kExitFlaky = 4;

struct ReplayOptions {
  std::string file, endpoint_url, region;
  int runs = 3;
  bool allow_aws = false;
};

void Replay(Context& ctx, const ReplayOptions& opts) {
  auto service = ctx.Service();
  if (!service) return;
  auto repro = prop::ReadReproduction(opts.file);
  if (!repro.ok()) return Fail(ctx, kExitUsage, repro.status().message());
  auto limits = prop::Limits::FromService(*service);
  if (!limits.ok()) return Fail(ctx, kExitUsage, limits.status().message());
  auto target = ResolveTarget(ctx, opts.endpoint_url, opts.region);
  if (!target) return;
  if (!GuardRealAws(ctx, *target, opts.allow_aws, "replay creates and deletes repositories there",
                    "Replaying creates repositories named ecrcp*-* and deletes them at the end.")) {
    return;
  }
  if (!ProbeReachable(ctx, service, *target)) return;
  runner::CallPath path(service, target->endpoint, /*record=*/nullptr);
  auto result = prop::Replay(repro.value(), path, limits.value(), opts.runs);
  if (!result.ok()) return Fail(ctx, kExitUsage, opts.file + ": " + result.status().message());
  std::cout << "replaying " << repro.value().steps.size() << " steps against " << target->label << ", " << opts.runs << " times\n";
  for (size_t i = 0; i < result.value().failures.size(); ++i) {
    const std::string& f = result.value().failures[i];
    std::cout << "  run " << i + 1 << ": " << (f.empty() ? "agrees with the model" : "fails: " + f) << "\n";
  }
  prop::Verdict v = result.value().verdict;
  std::cout << prop::VerdictName(v) << "\n";
  ctx.exit_code = v == prop::Verdict::kFixed ? kExitOk : v == prop::Verdict::kFailing ? kExitFindings : kExitFlaky;
}

}  // namespace

void AddReplayCommand(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ReplayOptions>();
  auto* cmd = app.add_subcommand("replay",
                                 "Re-run a property-suite reproduction (property-reproduction.json of a report): prints FIXED "
                                 "(exit 0), FAILING (exit 1) or FLAKY (exit 4)");
  cmd->add_option("file", opts->file, "The reproduction file")->required();
  cmd->add_option("--endpoint-url", opts->endpoint_url, "Endpoint to replay against (else AWS_ENDPOINT_URL_ECR_PUBLIC, AWS_ENDPOINT_URL, else the embedded server)");
  cmd->add_option("--region", opts->region, "Signing region (else AWS_REGION, AWS_DEFAULT_REGION, us-east-1)");
  cmd->add_option("--runs", opts->runs, "How many times to run it")->check(CLI::Range(1, 100))->capture_default_str();
  cmd->add_flag("--allow-aws", opts->allow_aws, "Allow a real AWS endpoint (*.amazonaws.com, *.api.aws)");
  cmd->callback([&ctx, opts] { Replay(ctx, *opts); });
}

}  // namespace ecrc::cli
