// The registry as clients address it (fact sheet §2.3, §2.4, §4.9, §4.11): DescribeRegistries'
// members and ARN, repository ARNs and URIs built from the primary alias, and the authorization
// token that `docker login` and `aws ecr-public get-login-password` decode.
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "base/base64.h"
#include "harness/checks/scenarios/steps.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

constexpr char kTokenRegion[] = "us-east-1";  // §2.3 (D): the only region that issues tokens

// The caller's registry from DescribeRegistries; aborts unless there is exactly one.
json OnlyRegistry(ScenarioContext& ctx) {
  const Call& call = ctx.Send("DescribeRegistries", json::object());
  ctx.Require(call, Expectation::Success(), "DescribeRegistries answers");
  const json& registries = At(call.decoded.output, "registries");
  ctx.RequireTrue(registries.is_array() && registries.size() == 1, "DescribeRegistries returns exactly the caller's registry", "1 registry",
                  Dump(registries));
  return registries[0];
}

// The alias marked primaryRegistryAlias, or "" (with a finding unless exactly one is marked).
std::string PrimaryAlias(ScenarioContext& ctx, const json& registry) {
  std::vector<std::string> primaries;
  for (const auto& a : At(registry, "aliases")) {
    if (At(a, "primaryRegistryAlias") == true) primaries.push_back(Str(At(a, "name")));
  }
  ctx.Check(primaries.size() == 1, "exactly one alias is the primary alias", "1 alias with primaryRegistryAlias true",
            Dump(At(registry, "aliases")));
  return primaries.size() == 1 ? primaries[0] : std::string();
}

void DescribeRegistries(ScenarioContext& ctx) {
  ctx.CreateRepository();  // the default alias exists once the registry has a repository (§2.4 D)
  json r = OnlyRegistry(ctx);
  // §3 (M): all five Registry members are required; §2.4 (D: CLI describe-registries) formats.
  for (const char* member : {"registryId", "registryArn", "registryUri", "verified", "aliases"}) {
    ctx.Check(!At(r, member).is_null(), std::string("the registry has its required member ") + member, member, Dump(r));
  }
  static const RE2 kAccount("[0-9]{12}");
  std::string id = Str(At(r, "registryId"));
  ctx.Check(RE2::FullMatch(id, kAccount), "registryId is a 12-digit account id", "[0-9]{12}", Dump(At(r, "registryId")));
  std::string arn = "arn:aws:ecr-public::" + id + ":registry/" + id;
  ctx.Check(Str(At(r, "registryArn")) == arn, "registryArn is arn:aws:ecr-public::<account>:registry/<account>", arn,
            Dump(At(r, "registryArn")));
  ctx.Check(At(r, "verified").is_boolean(), "verified is a boolean", "true or false", Dump(At(r, "verified")));

  const json& aliases = At(r, "aliases");
  ctx.Check(aliases.is_array() && !aliases.empty(), "the registry has an alias", "at least one alias", Dump(aliases));
  static const RE2 kAlias("[a-z][a-z0-9]+(?:[._-][a-z0-9]+)*");
  bool has_default = false;
  for (const auto& a : aliases) {
    std::string name = Str(At(a, "name"));
    ctx.Check(RE2::FullMatch(name, kAlias) && name.size() >= 2 && name.size() <= 50, "alias names follow the alias pattern",
              "[a-z][a-z0-9]+(?:[._-][a-z0-9]+)*, 2..50", Dump(a));
    for (const char* member : {"name", "status", "primaryRegistryAlias", "defaultRegistryAlias"}) {
      ctx.Check(!At(a, member).is_null(), std::string("each alias has its required member ") + member, member, Dump(a));
    }
    has_default = has_default || At(a, "defaultRegistryAlias") == true;
  }
  ctx.Check(has_default, "a default alias is assigned once the registry has a repository", "an alias with defaultRegistryAlias true",
            Dump(aliases));
  std::string primary = PrimaryAlias(ctx, r);
  if (!primary.empty()) {
    ctx.Check(Str(At(r, "registryUri")) == "public.ecr.aws/" + primary, "registryUri is public.ecr.aws/<primary alias>",
              "public.ecr.aws/" + primary, Dump(At(r, "registryUri")));
  }
}
const Scenario kDescribeRegistries = {"describe_registries", "registry",
    "one registry with its five members, arn:aws:ecr-public::<acct>:registry/<acct>, and a default and primary alias", Severity::kError,
    {"DescribeRegistries"}, FactSheet("§4.9, §2.4, §3 (D: CLI describe-registries; M: Registry and RegistryAlias required members)"),
    DescribeRegistries};

void RepositoryArnAndUriFormat(ScenarioContext& ctx) {
  // §2.4 (D: CLI create-repository, describe-repositories): empty region, ecr-public service,
  // URI under the primary alias, never the account id.
  std::string repo = ctx.CreateRepository();
  json r = OnlyRegistry(ctx);
  std::string primary = PrimaryAlias(ctx, r);
  const Call& call = ctx.Send("DescribeRepositories", {{"repositoryNames", {repo}}});
  ctx.Require(call, Expectation::Success(), "DescribeRepositories finds the repository");
  const json& repos = At(call.decoded.output, "repositories");
  ctx.RequireTrue(repos.is_array() && repos.size() == 1, "DescribeRepositories returns the one repository named", "1 repository",
                  Dump(repos));
  const json& got = repos[0];
  std::string account = Str(At(got, "registryId"));
  static const RE2 kAccount("[0-9]{12}");
  ctx.Check(RE2::FullMatch(account, kAccount), "registryId is a 12-digit account id", "[0-9]{12}", Dump(At(got, "registryId")));
  std::string arn = "arn:aws:ecr-public::" + account + ":repository/" + repo;
  ctx.Check(Str(At(got, "repositoryArn")) == arn, "repositoryArn is arn:aws:ecr-public::<account>:repository/<name>", arn,
            Dump(At(got, "repositoryArn")));
  ctx.Check(ctx.RepositoryArn(repo) == arn, "CreateRepository returned the same ARN", arn, ctx.RepositoryArn(repo));
  if (!primary.empty()) {
    std::string uri = "public.ecr.aws/" + primary + "/" + repo;
    ctx.Check(Str(At(got, "repositoryUri")) == uri, "repositoryUri is public.ecr.aws/<primary alias>/<name>", uri,
              Dump(At(got, "repositoryUri")));
  }
}
const Scenario kRepositoryArnAndUriFormat = {"repository_arn_and_uri_format", "registry",
    "repository ARN arn:aws:ecr-public::<acct>:repository/<name>; URI public.ecr.aws/<primary alias>/<name>", Severity::kError,
    {"CreateRepository", "DescribeRepositories", "DescribeRegistries"},
    FactSheet("§2.4, §6 (D: CLI create-repository, describe-repositories)"), RepositoryArnAndUriFormat};

void GetAuthorizationToken(ScenarioContext& ctx) {
  if (ctx.region() != kTokenRegion) {
    ctx.Skip("GetAuthorizationToken is only served in us-east-1; the endpoint is addressed as " + ctx.region());
    return;
  }
  const Call& call = ctx.Send("GetAuthorizationToken", json::object());
  ctx.Require(call, Expectation::Success(), "GetAuthorizationToken issues a token");
  const json& data = At(call.decoded.output, "authorizationData");
  // §4.11 (D: UG; CLI customizations/ecr_public.py splits on ':' and unpacks two values).
  std::string token = Str(At(data, "authorizationToken"));
  auto decoded = Base64Decode(token);
  ctx.RequireTrue(decoded.has_value(), "authorizationToken is base64", "base64 text", token.empty() ? "absent" : "not base64");
  size_t colons = std::count(decoded->begin(), decoded->end(), ':');
  ctx.Check(decoded->rfind("AWS:", 0) == 0 && colons == 1 && decoded->size() > 4,
            "the token decodes to AWS:<password> with exactly one ':'", "AWS:<password>",
            "starts with " + Dump(decoded->substr(0, 4)) + ", " + std::to_string(colons) + " colon(s)");
  // §4.11 (D): valid for 12 hours. The local clock may drift; 15 minutes either way is allowed.
  const json& expires = At(data, "expiresAt");
  double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  bool number = expires.is_number();
  double ahead = number ? expires.get<double>() - now : 0;  // json-read-ok: `number` is expires.is_number()
  ctx.Check(number && std::fabs(ahead - 12 * 3600) <= 15 * 60, "expiresAt is about 12 hours ahead (epoch seconds)",
            "now + 12 h (+/- 15 min)", number ? "now + " + std::to_string(std::lround(ahead / 60)) + " min" : Dump(expires));
}
const Scenario kGetAuthorizationToken = {"get_authorization_token", "auth",
    "the token decodes to AWS:<password> with one ':' and expires about 12 h ahead", Severity::kError, {"GetAuthorizationToken"},
    FactSheet("§4.11 (D: UG public-registries; MN doc; CLI customizations/ecr_public.py)"), GetAuthorizationToken};

void GetAuthorizationTokenOtherRegion(ScenarioContext& ctx) {
  if (ctx.region() == kTokenRegion) {
    ctx.Skip("the endpoint is addressed as us-east-1, where GetAuthorizationToken is served");
    return;
  }
  // §2.3 (D: codeship-library/aws-utilities#117; UG public-registries).
  ctx.Expect(ctx.Send("GetAuthorizationToken", json::object()), Expectation::ErrorCode({"UnsupportedCommandException"}),
             "GetAuthorizationToken outside us-east-1 fails");
}
const Scenario kGetAuthorizationTokenOtherRegion = {"get_authorization_token_other_region", "auth",
    "outside us-east-1, GetAuthorizationToken is UnsupportedCommandException", Severity::kError, {"GetAuthorizationToken"},
    FactSheet("§2.3 (D/E: UG public-registries; codeship-library/aws-utilities#117)"), GetAuthorizationTokenOtherRegion};

}  // namespace

void AddRegistriesScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kDescribeRegistries, kRepositoryArnAndUriFormat, kGetAuthorizationToken, kGetAuthorizationTokenOtherRegion});
}

}  // namespace ecrc::check
