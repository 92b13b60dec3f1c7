// CreateRepository, DescribeRepositories, DeleteRepository.
//
// Repositories are listed by name (the order AWS uses is undocumented, U); the name is the
// pagination key.
#include <set>

#include "reference/handlers/common.h"
#include "reference/handlers/handlers.h"
#include "harness/codec/json_writer.h"

namespace ecrc::server::handlers {

Outcome CreateRepository(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (name.empty()) return InvalidParameterAt("repositoryName", "Member must not be null");
  auto tags = ReadTags(ctx, GetArray(input, "tags"));
  if (auto* error = std::get_if<ApiError>(&tags)) return *error;
  json catalog = json::object();
  if (const json* catalog_input = GetObject(input, "catalogData")) {
    auto merged = MergeCatalogData(ctx, *catalog_input, json::object());
    if (auto* error = std::get_if<ApiError>(&merged)) return *error;
    catalog = std::move(std::get<json>(merged));
  }
  Repository repo;
  repo.name = name;
  repo.arn = RepositoryArn(ctx, name);
  repo.uri = RepositoryUri(ctx, name);
  repo.created_at = ctx.now;
  repo.catalog = std::move(catalog);
  // Nothing in the Repository structure changes after creation, so DescribeRepositories can
  // copy this text instead of building and serialising a Value per repository.
  codec::AppendJson(RepositoryJson(ctx, repo), repo.wire);
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    if (s.FindRepository(name)) {
      return ApiError{"RepositoryAlreadyExistsException", "The repository with name '" + name +
                                                              "' already exists in the registry with id '" +
                                                              ctx.identity.account_id + "'"};
    }
    if (ctx.faults.Has(Fault::kTagsSurviveRepoDelete)) {
      if (auto orphan = s.orphaned_tags.find(name); orphan != s.orphaned_tags.end()) {
        repo.tags = std::move(orphan->second);
        s.orphaned_tags.erase(orphan);
      }
    }
    // Tags are checked before the repository exists: it is created with its tags or not at all
    // (UG ecr-public-using-tags).
    if (auto error = MergeTags(ctx, repo.tags, std::get<std::vector<Tag>>(tags))) return *error;
    auto added = s.AddRepository(std::move(repo));
    if (auto* error = std::get_if<ApiError>(&added)) return *error;
    const Repository& stored = *std::get<Repository*>(added);
    json out = json::object();
    out["repository"] = RepositoryJson(ctx, stored);
    // Present as {} when no catalog data was given (CLI create-repository example 1).
    out["catalogData"] = stored.catalog;
    return out;
  });
}

Outcome DescribeRepositories(HandlerContext& ctx, const json& input) {
  if (auto error = RejectIdsWithPagination(ctx, input, "repositoryNames")) return *error;
  const json* names = GetArray(input, "repositoryNames");
  // This server holds one registry; another registry's repositories do not exist here, so a
  // listing is empty and a named repository is not found.
  bool other_registry = NamesOtherRegistry(ctx, input);
  std::string out = "{\"repositories\":[";
  bool first = true;
  auto add = [&](const Repository& repo) {
    if (!first) out += ',';
    first = false;
    out += repo.wire;
  };
  if (names) {
    return ctx.store.Read([&](const StoreState& s) -> Outcome {
      std::set<std::string_view> seen;
      for (const auto& n : *names) {
        if (!n.is_string()) continue;
        const std::string& name = n.get_ref<const std::string&>();
        const Repository* repo = other_registry ? nullptr : s.FindRepository(name);
        if (!repo) return RepositoryNotFound(ctx, name, StringOr(input, "registryId"));
        // A name listed twice is described once.
        if (seen.insert(name).second) add(*repo);
      }
      return Outcome::RawJson(out + "]}");
    });
  }
  auto page = ReadPageRequest(ctx, input, "");
  if (auto* error = std::get_if<ApiError>(&page)) return *error;
  if (other_registry) return Outcome::RawJson(out + "]}");
  std::optional<std::string> next;
  auto list = [&](const StoreState& s) {
    next = WalkPage(ctx, s.repositories(), std::get<PageRequest>(page), "",
                    [&](const std::string&, const Repository& repo) { add(repo); });
  };
  if (ctx.faults.Has(Fault::kStaleReadAfterDelete)) {
    ctx.store.Write([&](StoreState& s) {
      if (s.stale_deleted) {
        add(*s.stale_deleted);
        s.stale_deleted.reset();
      }
      list(s);
    });
  } else {
    ctx.store.Read([&](const StoreState& s) { list(s); });
  }
  out += ']';
  if (next) {
    out += ",\"nextToken\":";
    codec::AppendJson(json(*next), out);
  }
  out += '}';
  return Outcome::RawJson(std::move(out));
}

Outcome DeleteRepository(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  bool force = GetBool(input, "force");
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    if (!repo->images.empty() && !force && !ctx.faults.Has(Fault::kDeleteNonemptyWithoutForce)) {
      return ApiError{"RepositoryNotEmptyException", "The repository with name '" + name +
                                                         "' in registry with id '" + ctx.identity.account_id +
                                                         "' cannot be deleted because it still contains images"};
    }
    // Images, layers, uploads, tags, policy and catalog data go with the repository.
    Repository removed = std::move(*s.RemoveRepository(name));
    json out = json::object();
    out["repository"] = RepositoryJson(ctx, removed);
    if (ctx.faults.Has(Fault::kTagsSurviveRepoDelete) && !removed.tags.empty()) {
      s.orphaned_tags[name] = removed.tags;
    }
    if (ctx.faults.Has(Fault::kStaleReadAfterDelete)) s.stale_deleted = std::move(removed);
    return out;
  });
}

}  // namespace ecrc::server::handlers
