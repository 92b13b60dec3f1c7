#include "reference/handlers/common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace ecrc::server {

const std::string* GetString(const json& in, std::string_view key) {
  if (!in.is_object()) return nullptr;
  auto it = in.find(key);
  if (it == in.end() || !it->is_string()) return nullptr;
  return &it->get_ref<const std::string&>();
}

std::string StringOr(const json& in, std::string_view key, std::string fallback) {
  const std::string* s = GetString(in, key);
  return s ? *s : std::move(fallback);
}

std::optional<int64_t> GetInt(const json& in, std::string_view key) {
  if (!in.is_object()) return std::nullopt;
  auto it = in.find(key);
  if (it == in.end()) return std::nullopt;
  // get<int64_t>() on an out-of-range number is undefined (toolchain.md): check the kind first.
  if (it->is_number_unsigned()) {
    uint64_t v = it->get<uint64_t>();
    if (v > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<int64_t>(v);
  }
  if (it->is_number_integer()) return it->get<int64_t>();
  return std::nullopt;
}

bool Present(const json& in, std::string_view key) {
  if (!in.is_object()) return false;
  auto it = in.find(key);
  return it != in.end() && !it->is_null();
}

bool GetBool(const json& in, std::string_view key) {
  if (!in.is_object()) return false;
  auto it = in.find(key);
  return it != in.end() && it->is_boolean() && it->get<bool>();
}

const json* GetArray(const json& in, std::string_view key) {
  if (!in.is_object()) return nullptr;
  auto it = in.find(key);
  return it != in.end() && it->is_array() ? &*it : nullptr;
}

const json* GetObject(const json& in, std::string_view key) {
  if (!in.is_object()) return nullptr;
  auto it = in.find(key);
  return it != in.end() && it->is_object() ? &*it : nullptr;
}

std::optional<std::string> GetBlob(const json& in, std::string_view key) {
  if (!in.is_object()) return std::nullopt;
  auto it = in.find(key);
  if (it == in.end() || !it->is_binary()) return std::nullopt;
  const auto& bytes = it->get_binary();
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::string_view GetBlobView(const json& in, std::string_view key) {
  if (!in.is_object()) return {};
  auto it = in.find(key);
  if (it == in.end() || !it->is_binary()) return {};
  const auto& bytes = it->get_binary();
  return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

bool IsLayerDigest(std::string_view d) {
  size_t colon = d.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == d.size()) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = d[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '+' || c == '.';
    if (!ok) return false;
  }
  for (size_t i = colon + 1; i < d.size(); ++i) {
    char c = d[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

ApiError InvalidParameterAt(std::string_view member, std::string_view constraint) {
  return ApiError{"InvalidParameterException", "Invalid parameter at '" + std::string(member) +
                                                   "' failed to satisfy constraint: '" + std::string(constraint) + "'"};
}

ApiError InvalidParameter(std::string message) { return ApiError{"InvalidParameterException", std::move(message)}; }

ApiError RepositoryNotFound(const HandlerContext& ctx, std::string_view name, std::string_view registry_id) {
  std::string registry(registry_id.empty() ? std::string_view(ctx.identity.account_id) : registry_id);
  // Wording of private ECR's message (fact sheet §4 item 8, MOTO copies AWS).
  std::string message = "The repository with name '" + std::string(name) +
                        "' does not exist in the registry with id '" + registry + "'";
  if (ctx.faults.Has(Fault::kWrongErrorType)) return ApiError{"RegistryNotFoundException", std::move(message)};
  return ApiError{"RepositoryNotFoundException", std::move(message)};
}

json Timestamp(const HandlerContext& ctx, double epoch_seconds) {
  if (ctx.faults.Has(Fault::kTimestampsAsMilliseconds)) return static_cast<int64_t>(std::llround(epoch_seconds * 1000));
  if (!ctx.faults.Has(Fault::kTimestampsAsStrings)) return epoch_seconds;
  std::time_t secs = static_cast<std::time_t>(std::floor(epoch_seconds));
  int millis = static_cast<int>(std::lround((epoch_seconds - static_cast<double>(secs)) * 1000)) % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return std::string(buf);
}

std::string RepositoryArn(const HandlerContext& ctx, std::string_view name) {
  // The region field is empty for ECR Public (CLI examples; fact sheet §2.4).
  std::string region = ctx.faults.Has(Fault::kArnWithRegion) ? ctx.identity.region : std::string();
  return "arn:aws:ecr-public:" + region + ":" + ctx.identity.account_id + ":repository/" + std::string(name);
}

std::string RepositoryUri(const HandlerContext& ctx, std::string_view name) {
  const std::string& alias =
      ctx.faults.Has(Fault::kRepositoryUriUsesAccount) ? ctx.identity.account_id : ctx.identity.alias;
  return "public.ecr.aws/" + alias + "/" + std::string(name);
}

std::string RegistryArn(const HandlerContext& ctx) {
  return "arn:aws:ecr-public::" + ctx.identity.account_id + ":registry/" + ctx.identity.account_id;
}

json RepositoryJson(const HandlerContext& ctx, const Repository& repo) {
  json out = json::object();
  out["repositoryArn"] = repo.arn;
  out["registryId"] = ctx.identity.account_id;
  out["repositoryName"] = repo.name;
  out["repositoryUri"] = repo.uri;
  out["createdAt"] = Timestamp(ctx, repo.created_at);
  return out;
}

namespace {

bool AcceptsAlias(const HandlerContext& ctx) {
  const spec::Member* m = ctx.op.input->FindMember("registryId");
  return m && m->shape->name == "RegistryIdOrAlias";
}

}  // namespace

bool NamesOtherRegistry(const HandlerContext& ctx, const json& input) {
  const std::string* id = GetString(input, "registryId");
  if (!id) return false;
  if (*id == ctx.identity.account_id) return false;
  if (AcceptsAlias(ctx) && *id == ctx.identity.alias) return false;
  return true;
}

std::optional<ApiError> CheckRegistryId(const HandlerContext& ctx, const json& input) {
  if (!NamesOtherRegistry(ctx, input)) return std::nullopt;
  const std::string& id = *GetString(input, "registryId");
  if (ctx.op.DeclaresError("RegistryNotFoundException")) {
    return ApiError{"RegistryNotFoundException", "The registry with id or alias '" + id + "' does not exist"};
  }
  return RepositoryNotFound(ctx, StringOr(input, "repositoryName"), id);
}

std::variant<PageRequest, ApiError> ReadPageRequest(const HandlerContext& ctx, const json& input, std::string_view scope) {
  PageRequest page;
  if (auto max = GetInt(input, "maxResults")) {
    // The validator enforces 1..1000; clamp anyway so a fault that disables it cannot make a page
    // unbounded or empty.
    page.limit = static_cast<size_t>(std::clamp<int64_t>(*max, 1, 1000));
  }
  if (ctx.faults.Has(Fault::kIgnoreMaxResults)) page.limit = 100;
  if (const std::string* token = GetString(input, "nextToken")) {
    auto position = ctx.tokens.Decode(*token, ctx.op.name, scope);
    if (!position.ok()) return InvalidParameterAt("nextToken", position.status().message());
    page.after = std::move(position).value();
  }
  return page;
}

std::optional<ApiError> RejectIdsWithPagination(const HandlerContext& ctx, const json& input, std::string_view ids_member) {
  if (ctx.faults.Has(Fault::kIdsWithPaginationAccepted)) return std::nullopt;
  if (!GetArray(input, ids_member)) return std::nullopt;
  bool paged = Present(input, "maxResults") || Present(input, "nextToken");
  if (!paged) return std::nullopt;
  // The model's member docs forbid the combination; the error code is inferred (fact sheet §2.5, E).
  return InvalidParameter("Invalid parameter: " + std::string(ids_member) +
                          " cannot be combined with maxResults or nextToken");
}

}  // namespace ecrc::server
