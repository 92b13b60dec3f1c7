// Repository creation and deletion rules (fact sheet §4.4, §4.5, §2.6): a repository holding
// images needs force, force removes the images for good, and a name cannot be created twice.
#include "harness/checks/scenarios/steps.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

void DeleteRepositoryNotEmpty(ScenarioContext& ctx) {
  // §4.5 (D: MN RepositoryNotEmptyException).
  std::string repo = ctx.CreateRepository();
  Pushed p = PushImage(ctx, repo, "kept", "not-empty");
  ctx.Expect(ctx.Send("DeleteRepository", {{"repositoryName", repo}}), Expectation::ErrorCode({"RepositoryNotEmptyException"}),
             "DeleteRepository without force refuses a repository holding an image");
  json details = DescribeAllImages(ctx, repo);
  ctx.Check(!FindImage(details, p.digest).is_null(), "the refused delete left the image in place", p.digest, Dump(details));
}
const Scenario kDeleteRepositoryNotEmpty = {"delete_repository_not_empty", "lifecycle",
    "DeleteRepository without force refuses a repository holding images", Severity::kError,
    {"PutImage", "DeleteRepository", "DescribeImages"}, FactSheet("§4.5 (D: MN RepositoryNotEmptyException)"), DeleteRepositoryNotEmpty};

void DeleteRepositoryForce(ScenarioContext& ctx) {
  // §4.5 (D): force deletes the repository with its images; §4 (D): afterwards every operation
  // naming it says RepositoryNotFound. Recreating the name must not bring the images back.
  // (Whether its blobs survive is not documented, so BatchCheckLayerAvailability is not asked.)
  std::string repo = ctx.CreateRepository();
  PushImage(ctx, repo, "doomed", "force");
  const Call& del = ctx.Send("DeleteRepository", {{"repositoryName", repo}, {"force", true}});
  ctx.Require(del, Expectation::Success(), "DeleteRepository with force deletes a repository holding an image");
  ctx.Check(Str(At(At(del.decoded.output, "repository"), "repositoryName")) == repo, "DeleteRepository returns the deleted repository", repo,
            Dump(At(del.decoded.output, "repository")));
  ctx.Expect(ctx.Send("DescribeImages", {{"repositoryName", repo}}), Expectation::ErrorCode({"RepositoryNotFoundException"}),
             "the force-deleted repository is gone");

  ctx.Require(ctx.Send("CreateRepository", {{"repositoryName", repo}}), Expectation::Success(), "the name can be created again");
  json details = DescribeAllImages(ctx, repo);
  ctx.Check(details.empty(), "the recreated repository holds none of the deleted images", "no images", Dump(details));
}
const Scenario kDeleteRepositoryForce = {"delete_repository_force", "lifecycle",
    "DeleteRepository with force deletes the repository and its images for good", Severity::kError,
    {"PutImage", "DeleteRepository", "DescribeImages", "CreateRepository"},
    FactSheet("§4.5 (D: MN DeleteRepository.force; CLI delete-repository), §4 (D: RepositoryNotFound)"), DeleteRepositoryForce};

void CreateRepositoryTwice(ScenarioContext& ctx) {
  // §2.6, §4.4 (D: MN RepositoryAlreadyExistsException).
  std::string repo = ctx.CreateRepository();
  ctx.Expect(ctx.Send("CreateRepository", {{"repositoryName", repo}}), Expectation::ErrorCode({"RepositoryAlreadyExistsException"}),
             "creating an existing repository name again fails");
}
const Scenario kCreateRepositoryTwice = {"create_repository_twice", "lifecycle",
    "CreateRepository of an existing name is RepositoryAlreadyExistsException", Severity::kError, {"CreateRepository"},
    FactSheet("§2.6, §4.4 (D: MN RepositoryAlreadyExistsException)"), CreateRepositoryTwice};

}  // namespace

void AddDeleteScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kDeleteRepositoryNotEmpty, kDeleteRepositoryForce, kCreateRepositoryTwice});
}

}  // namespace ecrc::check
