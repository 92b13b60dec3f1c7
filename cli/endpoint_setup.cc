#include "cli/endpoint_setup.h"

#include <iostream>

#include "harness/client/client.h"

namespace ecrc::cli {

std::optional<Target> ResolveTarget(Context& ctx, const std::string& endpoint_url, const std::string& region) {
  auto resolved = client::ResolveEndpoint({endpoint_url, region}, client::ProcessEnv());
  if (!resolved.ok()) {
    Fail(ctx, kExitUsage, resolved.status().message());
    return std::nullopt;
  }
  Target target;
  if (resolved->has_value()) {
    target.endpoint = **resolved;
    target.label = target.endpoint.url.ToString();
    return target;
  }
  target.embedded = std::make_unique<EmbeddedServer>();
  auto url = target.embedded->Start(region.empty() ? client::kDefaultRegion : region);
  if (!url.ok()) {
    Fail(ctx, kExitUsage, "could not start the embedded reference server: " + url.status().message());
    return std::nullopt;
  }
  auto again = client::ResolveEndpoint({*url, region}, client::ProcessEnv());
  if (!again.ok() || !again->has_value()) {
    Fail(ctx, kExitUsage, "embedded server URL rejected: " + again.status().message());
    return std::nullopt;
  }
  target.endpoint = **again;
  target.label = "embedded reference server";
  return target;
}

bool GuardRealAws(Context& ctx, const Target& target, bool allow_aws, const std::string& what_it_does, const std::string& notice) {
  const std::string& host = target.endpoint.url.host;
  if (!client::IsRealAwsHost(host)) return true;
  if (!allow_aws) {
    Fail(ctx, kExitUsage, host + " is a real AWS endpoint: " + what_it_does + ". Pass --allow-aws to go ahead.");
    return false;
  }
  std::cerr << "ecr-conform: running against real AWS (" << host << "). " << notice << "\n";
  return true;
}

bool ProbeReachable(Context& ctx, std::shared_ptr<const spec::Service> service, const Target& target, std::string* no_answer) {
  // Short: a silent endpoint must not hold the command for the full per-request timeout.
  client::TransportOptions quick;
  quick.connect_timeout = std::chrono::milliseconds(3000);
  quick.total_timeout = std::chrono::milliseconds(5000);
  quick.low_speed_time = std::chrono::milliseconds(2000);
  client::Client probe(std::move(service), target.endpoint, quick);
  HttpRequest ping;
  ping.headers.Add("Content-Type", "application/x-amz-json-1.1");
  ping.body = "{}";
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto result = probe.SendRaw(ping);
    if (result.ok()) return true;
    if (result.error().kind == client::TransportErrorKind::kUnreachable) {
      Fail(ctx, kExitUnreachable, "endpoint unreachable: " + result.error().message);
      return false;
    }
    if (no_answer) *no_answer = "the first requests got no usable answer, twice: " + result.error().message;
  }
  return true;
}

}  // namespace ecrc::cli
