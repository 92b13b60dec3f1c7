// Helpers every handler shares: safe input accessors, the errors several operations raise,
// registry-id resolution, resource names, timestamps and keyset pagination.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "reference/handler.h"

namespace ecrc::server {

using nlohmann::json;

// Input accessors: a member that is absent or of another type reads as absent. They never throw,
// so handlers stay safe when validation is switched off.
const std::string* GetString(const json& in, std::string_view key);
std::string StringOr(const json& in, std::string_view key, std::string fallback = {});
std::optional<int64_t> GetInt(const json& in, std::string_view key);
bool GetBool(const json& in, std::string_view key);
// True when the member is there and not null (awsJson treats null as absent).
bool Present(const json& in, std::string_view key);
const json* GetArray(const json& in, std::string_view key);
const json* GetObject(const json& in, std::string_view key);
// A blob member as bytes (the codec decodes base64 to nlohmann binary); nullopt when absent or
// not decodable.
std::optional<std::string> GetBlob(const json& in, std::string_view key);

// `Invalid parameter at '<member>' failed to satisfy constraint: '<constraint>'`
ApiError InvalidParameterAt(std::string_view member, std::string_view constraint);
ApiError InvalidParameter(std::string message);
// RepositoryNotFoundException (answered as another type under Fault::kWrongErrorType).
ApiError RepositoryNotFound(const HandlerContext& ctx, std::string_view name, std::string_view registry_id = {});

// Timestamps are epoch seconds as JSON numbers (awsJson1_1), or ISO strings under
// Fault::kTimestampsAsStrings.
json Timestamp(const HandlerContext& ctx, double epoch_seconds);

std::string RepositoryArn(const HandlerContext& ctx, std::string_view name);
std::string RepositoryUri(const HandlerContext& ctx, std::string_view name);
std::string RegistryArn(const HandlerContext& ctx);
// The Repository output structure.
json RepositoryJson(const HandlerContext& ctx, const Repository& repo);

// Checks the input's optional `registryId` against this registry: the 12-digit account id, or
// the alias where the member's shape is RegistryIdOrAlias. A mismatch is
// RegistryNotFoundException where the operation declares it, else RepositoryNotFoundException
// for the named repository (another registry's repository does not exist here).
std::optional<ApiError> CheckRegistryId(const HandlerContext& ctx, const json& input);
// True when the input names another registry (for listings: they are empty, see repositories.cc).
bool NamesOtherRegistry(const HandlerContext& ctx, const json& input);

// The model's LayerDigest grammar, fully matched: [a-zA-Z0-9-_+.]+:[a-fA-F0-9]+
bool IsLayerDigest(std::string_view digest);
// A blob member's bytes without copying them; empty when absent.
std::string_view GetBlobView(const json& in, std::string_view key);

// Tags from a TagList member: every entry needs a Key (1..128 characters, not starting with the
// reserved `aws:` prefix) and a Value (0..256 characters, never null); otherwise
// InvalidTagParameterException. A later entry with the same key overrides an earlier one (or is
// refused, and characters outside AWS's general tagging set too, as the choices say).
std::variant<std::vector<Tag>, ApiError> ReadTags(const HandlerContext& ctx, const json* tag_list);
// Applies `add` to `current` (re-tagging a key overwrites its value in place). Fails with
// TooManyTagsException, leaving `current` unchanged, when the result would exceed the quota.
std::optional<ApiError> MergeTags(const HandlerContext& ctx, std::vector<Tag>& current, const std::vector<Tag>& add);

// Repository catalog data: `input` is a RepositoryCatalogDataInput, merged over `stored` (the
// output form). The logo is checked (a PNG of 60..2048 px each way) and replaced by a logoUrl.
std::variant<json, ApiError> MergeCatalogData(const HandlerContext& ctx, const json& input, json stored);

// Keyset pagination over a sorted map: a page starts after the key named by the token and holds
// up to `limit` items, so items that do not change between pages are never repeated or skipped.
struct PageRequest {
  size_t limit = 100;
  std::optional<std::string> after;  // the last key of the previous page
};
// Reads maxResults (default 100) and nextToken (verified for this operation and scope).
std::variant<PageRequest, ApiError> ReadPageRequest(const HandlerContext& ctx, const json& input, std::string_view scope);
// True (and the error to answer) when a list of ids is combined with maxResults or nextToken.
std::optional<ApiError> RejectIdsWithPagination(const HandlerContext& ctx, const json& input, std::string_view ids_member);

// Walks `items` (a std::map keyed by the sort key) for one page, calling `emit(key, value)` for each
// item on it; returns the nextToken, or nullopt on the last page. The pagination faults act here.
template <typename Map, typename Emit>
std::optional<std::string> WalkPage(const HandlerContext& ctx, const Map& items, const PageRequest& page,
                                    std::string_view scope, Emit&& emit) {
  auto it = items.begin();
  if (page.after) {
    // pagination_repeats resumes at the last item already returned; pagination_skips resumes one
    // item too late.
    it = ctx.faults.Has(Fault::kPaginationRepeats) ? items.lower_bound(*page.after) : items.upper_bound(*page.after);
    if (ctx.faults.Has(Fault::kPaginationSkips) && it != items.end()) ++it;
  }
  size_t count = 0;
  std::string last;
  for (; it != items.end() && count < page.limit; ++it, ++count) {
    emit(it->first, it->second);
    last = it->first;
  }
  if (it != items.end()) return ctx.tokens.Encode(ctx.op.name, scope, last);
  if (ctx.faults.Has(Fault::kPaginationNeverEnds)) {
    // A position past every key: the next page is empty and still has a token.
    return ctx.tokens.Encode(ctx.op.name, scope, count ? last : page.after.value_or(std::string()));
  }
  return std::nullopt;
}

}  // namespace ecrc::server
