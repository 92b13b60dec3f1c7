// SetRepositoryPolicy, GetRepositoryPolicy, DeleteRepositoryPolicy.
#include "reference/handlers/common.h"
#include "reference/handlers/handlers.h"
#include "reference/policy_text.h"

namespace ecrc::server::handlers {
namespace {

ApiError PolicyNotFound(const HandlerContext& ctx, const std::string& name) {
  return ApiError{"RepositoryPolicyNotFoundException", "Repository policy does not exist for the repository with name '" +
                                                           name + "' in the registry with id '" +
                                                           ctx.identity.account_id + "'"};
}

json PolicyOutput(const HandlerContext& ctx, const std::string& name, const std::string* text) {
  json out = json::object();
  out["registryId"] = ctx.identity.account_id;
  out["repositoryName"] = name;
  if (text) out["policyText"] = *text;
  return out;
}

}  // namespace

Outcome SetRepositoryPolicy(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  std::string text = StringOr(input, "policyText");
  std::string why;
  std::optional<std::string> normalized = NormalizePolicy(text, &why);
  if (!normalized) {
    if (!ctx.faults.Has(Fault::kPolicyNotJsonChecked)) {
      // Private ECR's wording (E, via MOTO); the reason is appended for the human reading it.
      return InvalidParameterAt("PolicyText", "Invalid repository policy provided: " + why);
    }
    normalized = text;
  }
  // `force` guards against a policy that locks the caller out of SetRepositoryPolicy. This server
  // has no IAM evaluation, so no policy can lock anyone out and `force` changes nothing (the error
  // for a refused lockout is U anyway).
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    repo->policy = *normalized;
    return PolicyOutput(ctx, name, &*repo->policy);
  });
}

Outcome GetRepositoryPolicy(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  return ctx.store.Read([&](const StoreState& s) -> Outcome {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    if (!repo->policy) return PolicyNotFound(ctx, name);
    return PolicyOutput(ctx, name, &*repo->policy);
  });
}

Outcome DeleteRepositoryPolicy(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    if (!repo->policy) return PolicyNotFound(ctx, name);
    std::string deleted = std::move(*repo->policy);
    repo->policy.reset();
    // The response carries the policy that was deleted (CLI delete-repository-policy example).
    return PolicyOutput(ctx, name, ctx.faults.Has(Fault::kDeletePolicyReturnsEmpty) ? nullptr : &deleted);
  });
}

}  // namespace ecrc::server::handlers
