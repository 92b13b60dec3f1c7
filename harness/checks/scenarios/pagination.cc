// Pagination (fact sheet §2.5): for each of the four paginators, pages of at most maxResults
// that union to the full set, without duplicates, ending with no nextToken; plus the maxResults
// bounds and the rule that explicit ids cannot be combined with pagination.
#include <map>

#include "harness/checks/scenarios/steps.h"
#include "harness/codec/sample.h"
#include "specs/media_types.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

constexpr int64_t kPageSize = 2;

// What the four paginator scenarios cite.
constexpr char kRule[] = "§2.5 (M/D: MN MaxResults and nextToken docs; PG paginators-1.json; U: order, not asserted)";

struct Paged {
  std::vector<json> items;  // every item of every page, in order
  bool terminated = false;  // a page came back without nextToken
  int pages = 0;
  int empty_continuations = 0;  // pages with no items that still handed out a nextToken
};

// Pages `operation` from `input` with the paginator's limit key set to `limit`, following the
// paginator's tokens (asked of the spec, not assumed) for at most `max_pages` pages. Records a
// finding for each page larger than `limit` and for a token handed out twice (a loop).
Paged PageAll(ScenarioContext& ctx, const std::string& operation, json input, int64_t limit, int max_pages) {
  const spec::Paginator* p = ctx.service().FindPaginator(operation);
  ctx.RequireTrue(p != nullptr, "the model has a paginator for " + operation, "paginator", "none");
  input[p->limit_key] = limit;
  Paged out;
  std::set<std::string> tokens;
  bool oversize_reported = false;
  while (out.pages < max_pages) {
    const Call& call = ctx.Send(operation, input);
    ctx.Require(call, Expectation::Success(), operation + " returns page " + std::to_string(out.pages + 1));
    ++out.pages;
    const json& page = At(call.decoded.output, p->result_key);
    size_t n = page.is_array() ? page.size() : 0;
    if (n > static_cast<size_t>(limit) && !oversize_reported) {
      ctx.Check(false, operation + ": every page holds at most " + p->limit_key + " items", "<= " + std::to_string(limit),
                std::to_string(n) + " items on page " + std::to_string(out.pages));
      oversize_reported = true;
    }
    if (page.is_array()) out.items.insert(out.items.end(), page.begin(), page.end());
    std::string token = Str(At(call.decoded.output, p->output_token));
    if (token.empty()) {
      out.terminated = true;
      return out;
    }
    if (n == 0) ++out.empty_continuations;
    if (!tokens.insert(token).second) {
      ctx.Check(false, operation + ": a nextToken is never handed out twice (that is a loop)", "a new token or none",
                "token repeated on page " + std::to_string(out.pages));
      return out;
    }
    input[p->input_token] = token;
  }
  return out;
}

// Checks the union of pages against `expected` (keys read by `key`): nothing missing, nothing
// twice. When `only_expected` is false the endpoint may hold other items too.
void CheckUnion(ScenarioContext& ctx, const std::string& operation, const Paged& paged, const char* key,
                const std::set<std::string>& expected, bool only_expected) {
  std::map<std::string, int> seen;
  for (const auto& item : paged.items) ++seen[Str(At(item, key))];
  std::set<std::string> twice;
  for (const auto& [k, n] : seen) {
    if (n > 1) twice.insert(k);
  }
  ctx.Check(twice.empty(), operation + ": no item appears on two pages", "no duplicates", "repeated: " + Describe(twice));
  std::set<std::string> missing;
  for (const auto& k : expected) {
    if (!seen.count(k)) missing.insert(k);
  }
  ctx.Check(missing.empty(), operation + ": the pages together hold every item", Describe(expected), "missing: " + Describe(missing));
  if (only_expected) {
    std::set<std::string> extra;
    for (const auto& [k, n] : seen) {
      if (!expected.count(k)) extra.insert(k);
    }
    ctx.Check(extra.empty(), operation + ": the pages hold nothing else", Describe(expected), "unexpected: " + Describe(extra));
  }
}

void CheckTerminated(ScenarioContext& ctx, const std::string& operation, const Paged& paged, int max_pages) {
  ctx.Check(paged.terminated, operation + ": pagination ends with a page without nextToken",
            "no nextToken within " + std::to_string(max_pages) + " pages",
            std::to_string(paged.pages) + " pages, " + std::to_string(paged.empty_continuations) + " of them empty but with a nextToken");
}

void Verified(ScenarioContext& ctx, const std::string& operation, size_t findings_before) {
  if (ctx.findings() == findings_before) ctx.CoverPaginator(operation);
}

void PaginationDescribeRepositories(ScenarioContext& ctx) {
  size_t before = ctx.findings();
  std::set<std::string> mine;
  for (int i = 0; i < 5; ++i) mine.insert(ctx.CreateRepository());
  // The endpoint may hold any number of other repositories (other runs, other checks of this
  // run), so the cap is generous and only our five are required to appear.
  const int kMaxPages = 1000;
  Paged paged = PageAll(ctx, "DescribeRepositories", json::object(), kPageSize, kMaxPages);
  if (!paged.terminated && paged.empty_continuations == 0 && ctx.findings() == before) {
    ctx.Skip("the endpoint holds more than " + std::to_string(kMaxPages * kPageSize) +
             " repositories: too many to page through at maxResults 2");
    return;
  }
  CheckTerminated(ctx, "DescribeRepositories", paged, kMaxPages);
  CheckUnion(ctx, "DescribeRepositories", paged, "repositoryName", mine, false);
  Verified(ctx, "DescribeRepositories", before);
}
const Scenario kPaginationDescribeRepositories = {"pagination_describe_repositories", "pagination",
    "DescribeRepositories pages of at most maxResults union to every repository, once each, and end", Severity::kError,
    {"CreateRepository", "DescribeRepositories"}, FactSheet(kRule), PaginationDescribeRepositories};

void PaginationDescribeImages(ScenarioContext& ctx) {
  size_t before = ctx.findings();
  std::string repo = ctx.CreateRepository();
  std::set<std::string> digests;
  std::optional<Blob> layer;
  for (int i = 0; i < 5; ++i) {
    Pushed p = PushImage(ctx, repo, "page-" + std::to_string(i), "pagination-image-" + std::to_string(i), layer);
    layer = p.layer;
    digests.insert(p.digest);
  }
  const int kMaxPages = 100;
  Paged paged = PageAll(ctx, "DescribeImages", {{"repositoryName", repo}}, kPageSize, kMaxPages);
  CheckTerminated(ctx, "DescribeImages", paged, kMaxPages);
  CheckUnion(ctx, "DescribeImages", paged, "imageDigest", digests, true);
  Verified(ctx, "DescribeImages", before);
}
const Scenario kPaginationDescribeImages = {"pagination_describe_images", "pagination",
    "DescribeImages pages of at most maxResults union to every image, once each, and end", Severity::kError, {"PutImage", "DescribeImages"},
    FactSheet(kRule), PaginationDescribeImages};

void PaginationDescribeImageTags(ScenarioContext& ctx) {
  size_t before = ctx.findings();
  std::string repo = ctx.CreateRepository();
  std::set<std::string> tags = {"tag-0", "tag-1", "tag-2", "tag-3", "tag-4"};
  Pushed p = PushImage(ctx, repo, "tag-0", "pagination-tags");
  for (const auto& t : tags) {
    if (t != "tag-0") PutManifest(ctx, repo, p.manifest, t, spec::kDockerSchema2MediaType);
  }
  const int kMaxPages = 100;
  Paged paged = PageAll(ctx, "DescribeImageTags", {{"repositoryName", repo}}, kPageSize, kMaxPages);
  CheckTerminated(ctx, "DescribeImageTags", paged, kMaxPages);
  CheckUnion(ctx, "DescribeImageTags", paged, "imageTag", tags, true);
  Verified(ctx, "DescribeImageTags", before);
}
const Scenario kPaginationDescribeImageTags = {"pagination_describe_image_tags", "pagination",
    "DescribeImageTags pages of at most maxResults union to every tag, once each, and end", Severity::kError,
    {"PutImage", "DescribeImageTags"}, FactSheet(kRule), PaginationDescribeImageTags};

void PaginationDescribeRegistries(ScenarioContext& ctx) {
  // §4.9 (D): exactly the caller's registry. With one item, maxResults 1 is the only size that
  // makes a continuation possible at all.
  size_t before = ctx.findings();
  ctx.CreateRepository();  // a registry has its default alias once it has a repository (§2.4)
  const Call& all = ctx.Send("DescribeRegistries", json::object());
  ctx.Require(all, Expectation::Success(), "DescribeRegistries answers");
  std::set<std::string> ids;
  for (const auto& r : At(all.decoded.output, "registries")) ids.insert(Str(At(r, "registryId")));
  const int kMaxPages = 100;
  Paged paged = PageAll(ctx, "DescribeRegistries", json::object(), 1, kMaxPages);
  CheckTerminated(ctx, "DescribeRegistries", paged, kMaxPages);
  CheckUnion(ctx, "DescribeRegistries", paged, "registryId", ids, true);
  Verified(ctx, "DescribeRegistries", before);
}
const Scenario kPaginationDescribeRegistries = {"pagination_describe_registries", "pagination",
    "DescribeRegistries pages of one union to the registries of an unpaged call, once each, and end", Severity::kError,
    {"DescribeRegistries"}, FactSheet(std::string(kRule) + ", §4.9 (D: CLI describe-registries)"), PaginationDescribeRegistries};

// DescribeRepositories with repositoryNames and DescribeImages with imageIds, each plus
// maxResults, against items that exist (so only the combination can be at fault).
void IdsWithPagination(ScenarioContext& ctx, const Expectation& expected) {
  std::string repo = ctx.CreateRepository();
  PushImage(ctx, repo, "listed", "ids-with-pagination");
  ctx.Expect(ctx.Send("DescribeRepositories", {{"repositoryNames", {repo}}, {"maxResults", kPageSize}}), expected,
             "DescribeRepositories refuses repositoryNames combined with maxResults");
  ctx.Expect(ctx.Send("DescribeImages", {{"repositoryName", repo}, {"imageIds", {{{"imageTag", "listed"}}}}, {"maxResults", kPageSize}}),
             expected, "DescribeImages refuses imageIds combined with maxResults");
}

void PaginationIdsWithPaginationRejected(ScenarioContext& ctx) { IdsWithPagination(ctx, Expectation::ClientError()); }
const Scenario kPaginationIdsWithPaginationRejected = {"pagination_ids_with_pagination_rejected", "pagination",
    "repositoryNames or imageIds combined with maxResults is refused with a client error", Severity::kError,
    {"DescribeRepositories", "DescribeImages"}, FactSheet("§2.5, §4.8, §4.10 (D: MN member docs)"), PaginationIdsWithPaginationRejected};

void PaginationIdsWithPaginationErrorCode(ScenarioContext& ctx) {
  IdsWithPagination(ctx, Expectation::ErrorCode({"InvalidParameterException"}));
}
const Scenario kPaginationIdsWithPaginationErrorCode = {"pagination_ids_with_pagination_error_code", "pagination",
    "repositoryNames or imageIds combined with maxResults is InvalidParameterException", Severity::kWarning,
    {"DescribeRepositories", "DescribeImages"}, FactSheet("§2.5 (E: the error code is inferred)"), PaginationIdsWithPaginationErrorCode};

void PaginationMaxResultsBounds(ScenarioContext& ctx) {
  // §2.5, §3 (M: MaxResults 1..1000): 0 and 1001 refused by every paginated operation. The
  // operations come from the model's paginators; a repository is supplied where one is named.
  std::string repo;
  for (const auto& [name, p] : ctx.service().paginators()) {
    const spec::Operation* op = ctx.service().FindOperation(name);
    if (!op) continue;
    auto sample = codec::SampleValue(*op->input);
    ctx.RequireTrue(sample.ok(), "a sample input exists for " + name, "sample", sample.status().message());
    json input = *sample;
    if (op->input->FindMember("repositoryName")) {
      if (repo.empty()) repo = ctx.CreateRepository();
      input["repositoryName"] = repo;
    }
    for (int64_t bad : {int64_t{0}, int64_t{1001}}) {
      input[p.limit_key] = bad;
      ctx.Expect(ctx.Send(name, input), Expectation::ClientError(), name + " refuses " + p.limit_key + " " + std::to_string(bad));
    }
  }
}
const Scenario kPaginationMaxResultsBounds = {"pagination_max_results_bounds", "pagination",
    "maxResults 0 and 1001 are refused by every paginated operation", Severity::kError,
    {"DescribeRepositories", "DescribeImages", "DescribeImageTags", "DescribeRegistries"}, FactSheet("§2.5, §3 (M: MN MaxResults 1..1000)"),
    PaginationMaxResultsBounds};

}  // namespace

void AddPaginationScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kPaginationDescribeRepositories, kPaginationDescribeImages, kPaginationDescribeImageTags,
                           kPaginationDescribeRegistries, kPaginationIdsWithPaginationRejected, kPaginationIdsWithPaginationErrorCode,
                           kPaginationMaxResultsBounds});
}

}  // namespace ecrc::check
