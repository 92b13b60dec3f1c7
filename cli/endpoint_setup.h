// How `run` and `fuzz` find their target: the endpoint resolved the way the AWS tools resolve it
// (or the embedded reference server when none is configured), the --allow-aws guard, and a
// reachability probe, so both commands refuse and report the same way.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/context.h"
#include "cli/embedded_server.h"
#include "harness/client/endpoint.h"

namespace ecrc::cli {

struct Target {
  client::Endpoint endpoint;
  std::string label;                         // the URL, or "embedded reference server"
  std::unique_ptr<EmbeddedServer> embedded;  // the server started for this command, stopped with it
};

// Resolves --endpoint-url and --region (else AWS_ENDPOINT_URL_ECR_PUBLIC, AWS_ENDPOINT_URL,
// AWS_REGION, ...); with no endpoint configured anywhere, starts the embedded reference server.
// On failure prints why, sets ctx.exit_code to kExitUsage and returns nullopt.
std::optional<Target> ResolveTarget(Context& ctx, const std::string& endpoint_url, const std::string& region);

// A real AWS endpoint needs --allow-aws. Without it: prints `<host> is a real AWS endpoint:
// <what_it_does>. Pass --allow-aws to go ahead.`, sets kExitUsage and returns false. With it:
// prints `notice` as a warning and returns true. Any other endpoint: true.
bool GuardRealAws(Context& ctx, const Target& target, bool allow_aws, const std::string& what_it_does, const std::string& notice);

// One unsigned request with short timeouts. When nothing answers at all, prints `endpoint
// unreachable: ...`, sets kExitUnreachable and returns false; any HTTP answer counts as reachable.
// Something there that gives no usable answer (silence, a stall, a reset, bytes that are not
// HTTP) is tried once more; when that fails too, `*no_answer` (if given) says how, and the
// caller decides (run: the breaker starts tripped, so the report says so in seconds).
bool ProbeReachable(Context& ctx, std::shared_ptr<const spec::Service> service, const Target& target, std::string* no_answer = nullptr);

}  // namespace ecrc::cli
