// Repository policies (fact sheet §5.6, §4.6, §4.14, §4.20): set, get and delete compared as
// parsed JSON (the service re-serialises the text), the not-found error, invalid JSON refused.
#include "harness/checks/scenarios/steps.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

// The CLI's own set-repository-policy example (public pull), §5.6 (D).
const char kPolicy[] = R"({
  "Version": "2008-10-17",
  "Statement": [
    {
      "Sid": "allow public pull",
      "Effect": "Allow",
      "Principal": "*",
      "Action": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }
  ]
})";

// Compares `text` with kPolicy as parsed JSON, never byte for byte (§5.6, D).
void CheckSamePolicy(ScenarioContext& ctx, const json& text, const std::string& what) {
  json got = json::parse(Str(text), nullptr, /*allow_exceptions=*/false);
  ctx.Check(!got.is_discarded() && got == json::parse(kPolicy), what, "the policy as set (compared as parsed JSON)", Dump(text));
}

void PolicySetGetDelete(ScenarioContext& ctx) {
  std::string repo = ctx.CreateRepository();
  const Call& set = ctx.Send("SetRepositoryPolicy", {{"repositoryName", repo}, {"policyText", kPolicy}});
  ctx.Require(set, Expectation::Success(), "SetRepositoryPolicy sets a valid policy");
  CheckSamePolicy(ctx, At(set.decoded.output, "policyText"), "SetRepositoryPolicy returns the policy");

  const Call& get = ctx.Send("GetRepositoryPolicy", {{"repositoryName", repo}});
  ctx.Require(get, Expectation::Success(), "GetRepositoryPolicy returns the policy");
  CheckSamePolicy(ctx, At(get.decoded.output, "policyText"), "GetRepositoryPolicy returns the policy that was set");
  ctx.Check(Str(At(get.decoded.output, "repositoryName")) == repo, "GetRepositoryPolicy names the repository", repo,
            Dump(At(get.decoded.output, "repositoryName")));

  // §4.6 (D: CLI delete-repository-policy returns the full JSON).
  const Call& del = ctx.Send("DeleteRepositoryPolicy", {{"repositoryName", repo}});
  ctx.Require(del, Expectation::Success(), "DeleteRepositoryPolicy deletes the policy");
  CheckSamePolicy(ctx, At(del.decoded.output, "policyText"), "DeleteRepositoryPolicy returns the deleted policy's text");

  ctx.Expect(ctx.Send("GetRepositoryPolicy", {{"repositoryName", repo}}), Expectation::ErrorCode({"RepositoryPolicyNotFoundException"}),
             "after DeleteRepositoryPolicy there is no policy");
}
const Scenario kPolicySetGetDelete = {"policy_set_get_delete", "policy",
    "a policy set is returned by Get and by Delete (as parsed JSON), and is gone after Delete", Severity::kError,
    {"SetRepositoryPolicy", "GetRepositoryPolicy", "DeleteRepositoryPolicy"},
    FactSheet("§5.6, §4.6, §4.14, §4.20 (D: CLI set/get/delete-repository-policy)"), PolicySetGetDelete};

void PolicyNotFound(ScenarioContext& ctx) {
  // §4.6, §4.14 (D: MN RepositoryPolicyNotFoundException).
  std::string repo = ctx.CreateRepository();
  ctx.Expect(ctx.Send("GetRepositoryPolicy", {{"repositoryName", repo}}), Expectation::ErrorCode({"RepositoryPolicyNotFoundException"}),
             "GetRepositoryPolicy on a repository without a policy fails");
  ctx.Expect(ctx.Send("DeleteRepositoryPolicy", {{"repositoryName", repo}}), Expectation::ErrorCode({"RepositoryPolicyNotFoundException"}),
             "DeleteRepositoryPolicy on a repository without a policy fails");
}
const Scenario kPolicyNotFound = {"policy_not_found", "policy",
    "Get and Delete of a policy never set are RepositoryPolicyNotFoundException", Severity::kError,
    {"GetRepositoryPolicy", "DeleteRepositoryPolicy"}, FactSheet("§4.6, §4.14 (D: MN RepositoryPolicyNotFoundException)"), PolicyNotFound};

// Policy text that is not JSON; afterwards the repository must still have no policy.
void InvalidJson(ScenarioContext& ctx, const Expectation& expected) {
  std::string repo = ctx.CreateRepository();
  ctx.Expect(ctx.Send("SetRepositoryPolicy", {{"repositoryName", repo}, {"policyText", "{\"Version\": \"2012-10-17\", \"Statement\": ["}}),
             expected, "SetRepositoryPolicy refuses policy text that is not JSON");
  ctx.Expect(ctx.Send("GetRepositoryPolicy", {{"repositoryName", repo}}), Expectation::ErrorCode({"RepositoryPolicyNotFoundException"}),
             "a refused policy is not stored");
}

void PolicyInvalidJsonRejected(ScenarioContext& ctx) { InvalidJson(ctx, Expectation::ClientError()); }
// The refusal follows from policyText being JSON (M/D); only its code is inferred (E).
const Scenario kPolicyInvalidJsonRejected = {"policy_invalid_json_rejected", "policy",
    "policy text that is not JSON is refused with a client error and not stored", Severity::kError,
    {"SetRepositoryPolicy", "GetRepositoryPolicy"}, FactSheet("§5.6 (M/D: policyText is JSON)"), PolicyInvalidJsonRejected};

void PolicyInvalidJsonErrorCode(ScenarioContext& ctx) { InvalidJson(ctx, Expectation::ErrorCode({"InvalidParameterException"})); }
const Scenario kPolicyInvalidJsonErrorCode = {"policy_invalid_json_error_code", "policy",
    "policy text that is not JSON is InvalidParameterException", Severity::kWarning, {"SetRepositoryPolicy", "GetRepositoryPolicy"},
    FactSheet("§5.6 (E: MOTO copies the AWS message)"), PolicyInvalidJsonErrorCode};

}  // namespace

void AddPolicyScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kPolicySetGetDelete, kPolicyNotFound, kPolicyInvalidJsonRejected, kPolicyInvalidJsonErrorCode});
}

}  // namespace ecrc::check
