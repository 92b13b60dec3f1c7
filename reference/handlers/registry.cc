// DescribeRegistries and GetAuthorizationToken.
#include <map>

#include <openssl/rand.h>

#include "base/base64.h"
#include "reference/handlers/common.h"
#include "reference/handlers/handlers.h"

namespace ecrc::server::handlers {

Outcome DescribeRegistries(HandlerContext& ctx, const json& input) {
  auto page = ReadPageRequest(ctx, input, "");
  if (auto* error = std::get_if<ApiError>(&page)) return *error;
  json registry = json::object();
  registry["registryId"] = ctx.identity.account_id;
  registry["registryArn"] = RegistryArn(ctx);
  registry["registryUri"] = "public.ecr.aws/" + ctx.identity.alias;
  // Not a verified Marketplace vendor (CLI describe-registries example).
  if (!ctx.faults.Has(Fault::kMissingRequiredOutput)) registry["verified"] = false;
  // The registry has its default alias from the start. The fact sheet (§4 item 9) leaves the
  // output before the first repository U; a registry without an alias could not give its
  // repositories a repositoryUri, so this one always has it.
  json alias = json::object();
  alias["name"] = ctx.identity.alias;
  alias["status"] = "ACTIVE";
  alias["primaryRegistryAlias"] = true;
  alias["defaultRegistryAlias"] = true;
  registry["aliases"] = json::array({std::move(alias)});

  // The caller's registry is the only one: pagination walks a one-entry list keyed by account id.
  std::map<std::string, json> registries;
  registries.emplace(ctx.identity.account_id, std::move(registry));
  json out = json::object();
  json& list = out["registries"] = json::array();
  auto next = WalkPage(ctx, registries, std::get<PageRequest>(page), "", [&](const std::string&, const json& r) { list.push_back(r); });
  if (next) out["nextToken"] = std::move(*next);
  return out;
}

Outcome GetAuthorizationToken(HandlerContext& ctx, const json& input) {
  // Only this operation is refused outside us-east-1: which others AWS refuses in us-west-2 is U
  // (fact sheet §2.3), and refusing more would make a us-west-2 server useless.
  if (ctx.identity.region != "us-east-1" && !ctx.faults.Has(Fault::kAuthTokenAnyRegion)) {
    // Message as seen from the real service (codeship-library/aws-utilities#117).
    return ApiError{"UnsupportedCommandException", "GetAuthorizationToken command is only supported in us-east-1."};
  }
  double expires_at = ctx.now + 12 * 3600;
  // Real passwords are base64 of a JSON envelope (CLI example): opaque, and free of ':' because
  // the base64 alphabet has none; `aws ecr-public get-login-password` splits on ':' and needs
  // exactly one.
  unsigned char random[32];
  if (RAND_bytes(random, sizeof random) != 1) {
    for (auto& b : random) b = 0;
  }
  json envelope = json::object();
  envelope["payload"] = Base64Encode(std::string_view(reinterpret_cast<const char*>(random), sizeof random));
  envelope["version"] = "3";
  envelope["type"] = "DATA_KEY";
  envelope["expiration"] = static_cast<int64_t>(expires_at);
  std::string password = Base64Encode(envelope.dump());
  if (ctx.faults.Has(Fault::kAuthTokenExtraColon)) password += ":" + std::to_string(static_cast<int64_t>(expires_at));
  json data = json::object();
  data["authorizationToken"] = Base64Encode("AWS:" + password);
  data["expiresAt"] = Timestamp(ctx, expires_at);
  json out = json::object();
  out["authorizationData"] = std::move(data);
  return out;
}

}  // namespace ecrc::server::handlers
