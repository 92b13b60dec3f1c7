// ListTagsForResource, TagResource, UntagResource, and the tag rules CreateRepository shares.
#include <map>

#include "base/utf8.h"
#include "reference/handlers/common.h"
#include "reference/handlers/handlers.h"

namespace ecrc::server {
namespace {

ApiError InvalidTag(std::string message) { return ApiError{"InvalidTagParameterException", std::move(message)}; }

// Keys with the aws: prefix are reserved for AWS (UG ecr-public-using-tags). Which error rejects
// them is U; InvalidTagParameterException describes exactly this kind of problem. Only keys are
// checked: a value that happens to start with "aws:" names nothing reserved.
bool Reserved(const std::string& key) {
  return key.size() >= 4 && (key[0] == 'a' || key[0] == 'A') && (key[1] == 'w' || key[1] == 'W') &&
         (key[2] == 's' || key[2] == 'S') && key[3] == ':';
}

// AWS's general tagging rule (General Reference, "Tagging AWS resources"): letters, digits,
// spaces and _ . : / = + - @. Characters beyond ASCII are taken as letters: the rule allows
// letters of any script, and this server has no Unicode tables to tell them from symbols.
bool InGeneralTagSet(const std::string& text) {
  for (unsigned char c : text) {
    bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view(" _.:/=+-@").find(static_cast<char>(c)) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// The repository a resourceArn names: arn:aws:ecr-public::<account>:repository/<name> (CLI
// examples; fact sheet §2.4). Anything else is a malformed or unsupported ARN.
std::variant<std::string, ApiError> RepositoryFromArn(const HandlerContext& ctx, const std::string& arn) {
  auto invalid = [&] {
    return InvalidParameterAt("resourceArn", "Invalid ARN: expected arn:aws:ecr-public::<account id>:repository/<name>");
  };
  std::string_view rest(arn);
  constexpr std::string_view kPrefix = "arn:aws:ecr-public:";
  if (rest.substr(0, kPrefix.size()) != kPrefix) return invalid();
  rest.remove_prefix(kPrefix.size());
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return invalid();
  std::string_view region = rest.substr(0, colon);
  // Under arn_with_region this server hands out ARNs with its region; it then accepts them too.
  if (!region.empty() && !(ctx.faults.Has(Fault::kArnWithRegion) && region == ctx.identity.region)) return invalid();
  rest.remove_prefix(colon + 1);
  colon = rest.find(':');
  if (colon != 12) return invalid();
  std::string_view account = rest.substr(0, 12);
  for (char c : account) {
    if (c < '0' || c > '9') return invalid();
  }
  rest.remove_prefix(13);
  constexpr std::string_view kResource = "repository/";
  if (rest.substr(0, kResource.size()) != kResource || rest.size() == kResource.size()) return invalid();
  std::string name(rest.substr(kResource.size()));
  if (account != ctx.identity.account_id) return RepositoryNotFound(ctx, name, account);
  return name;
}

}  // namespace

std::variant<std::vector<Tag>, ApiError> ReadTags(const HandlerContext& ctx, const json* tag_list) {
  std::vector<Tag> tags;
  if (!tag_list) return tags;
  std::map<std::string, size_t> index;
  for (const auto& entry : *tag_list) {
    const std::string* key = GetString(entry, "Key");
    const std::string* value = GetString(entry, "Value");
    // The public Tag shape requires neither member, but a tag without a key is meaningless and
    // the value "may be the empty string but not null" (UG): both are tag errors.
    if (!key) return InvalidTag("Tag keys must not be null");
    if (!value) return InvalidTag("Tag values must not be null; use an empty string for no value (key '" + *key + "')");
    auto key_length = Utf8Length(*key);
    auto value_length = Utf8Length(*value);
    if (!key_length || !value_length || *key_length < 1 || *key_length > 128 || *value_length > 256) {
      return InvalidTag(
          "Tag keys can have a maximum character length of 128 characters, and tag values can have a maximum length "
          "of 256 characters");
    }
    if (Reserved(*key)) return InvalidTag("The aws: prefix is reserved for AWS use and cannot be used in tag keys");
    if (!(InGeneralTagSet(*key) && InGeneralTagSet(*value))) {
      if (ctx.choices.Is(Choice::kTagCharset, "aws_general")) {
        return InvalidTag("Tag keys and values may only contain letters, digits, spaces and _ . : / = + - @ (key '" + *key + "')");
      }
      if (ctx.faults.Has(Fault::kTagCharsetDropped)) continue;
    }
    auto [it, inserted] = index.emplace(*key, tags.size());
    if (inserted) {
      tags.push_back(Tag{*key, *value});
    } else if (ctx.choices.Is(Choice::kDuplicateTagKeys, "rejected")) {
      return InvalidTag("Duplicate tag key '" + *key + "' in one request");
    } else if (!ctx.faults.Has(Fault::kDuplicateTagKeysFirstWins)) {
      tags[it->second].value = *value;
    }
  }
  return tags;
}

std::optional<ApiError> MergeTags(const HandlerContext& ctx, std::vector<Tag>& current, const std::vector<Tag>& add) {
  std::vector<Tag> merged = current;
  for (const auto& tag : add) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const Tag& t) { return t.key == tag.key; });
    if (it != merged.end()) {
      it->value = tag.value;
    } else {
      merged.push_back(tag);
    }
  }
  size_t limit = ctx.store.quotas().max_tags_per_repository;
  if (merged.size() > limit && !ctx.faults.Has(Fault::kNoTagLimit)) {
    return ApiError{"TooManyTagsException", "The repository would have " + std::to_string(merged.size()) +
                                                " tags; a repository can have at most " + std::to_string(limit)};
  }
  current = std::move(merged);
  return std::nullopt;
}

namespace handlers {

Outcome ListTagsForResource(HandlerContext& ctx, const json& input) {
  if (ctx.faults.Has(Fault::kServerError500)) {
    return ApiError{"ServerException", "The server encountered an internal error (fault server_error_500)"};
  }
  auto name = RepositoryFromArn(ctx, StringOr(input, "resourceArn"));
  if (auto* error = std::get_if<ApiError>(&name)) return *error;
  const std::string& repository = std::get<std::string>(name);
  const char* key_member = ctx.faults.Has(Fault::kLowercaseTagKeys) ? "key" : "Key";
  const char* value_member = ctx.faults.Has(Fault::kLowercaseTagKeys) ? "value" : "Value";
  return ctx.store.Read([&](const StoreState& s) -> Outcome {
    const Repository* repo = s.FindRepository(repository);
    if (!repo) return RepositoryNotFound(ctx, repository);
    json tags = json::array();
    for (const auto& t : repo->tags) tags.push_back({{key_member, t.key}, {value_member, t.value}});
    json out = json::object();
    out["tags"] = std::move(tags);
    return out;
  });
}

Outcome TagResource(HandlerContext& ctx, const json& input) {
  auto name = RepositoryFromArn(ctx, StringOr(input, "resourceArn"));
  if (auto* error = std::get_if<ApiError>(&name)) return *error;
  auto tags = ReadTags(ctx, GetArray(input, "tags"));
  if (auto* error = std::get_if<ApiError>(&tags)) return *error;
  const std::string& repository = std::get<std::string>(name);
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(repository);
    if (!repo) return RepositoryNotFound(ctx, repository);
    if (auto error = MergeTags(ctx, repo->tags, std::get<std::vector<Tag>>(tags))) return *error;
    return json::object();
  });
}

Outcome UntagResource(HandlerContext& ctx, const json& input) {
  auto name = RepositoryFromArn(ctx, StringOr(input, "resourceArn"));
  if (auto* error = std::get_if<ApiError>(&name)) return *error;
  std::vector<std::string> keys;
  if (const json* list = GetArray(input, "tagKeys")) {
    for (const auto& k : *list) {
      if (!k.is_string()) continue;
      if (Reserved(k.get_ref<const std::string&>())) {
        return InvalidTag("Tags with the aws: prefix are reserved for AWS use and cannot be removed");
      }
      keys.push_back(k.get<std::string>());
    }
  }
  const std::string& repository = std::get<std::string>(name);
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(repository);
    if (!repo) return RepositoryNotFound(ctx, repository);
    // Removing a key the repository does not have is a no-op (E).
    std::erase_if(repo->tags, [&](const Tag& t) { return std::find(keys.begin(), keys.end(), t.key) != keys.end(); });
    return json::object();
  });
}

}  // namespace handlers
}  // namespace ecrc::server
