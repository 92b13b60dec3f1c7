// Repository tags (fact sheet §5.5, §4.21, §4.22): overwrite and removal, the limit of 50, the
// capitalised Key/Value members, atomic creation with tags, and tags dying with the repository.
#include <map>

#include "harness/checks/scenarios/steps.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

using TagMap = std::map<std::string, std::string>;

const std::vector<std::string> kTagOps = {"TagResource", "ListTagsForResource"};

json TagList(const TagMap& tags) {
  json list = json::array();
  for (const auto& [k, v] : tags) list.push_back({{"Key", k}, {"Value", v}});
  return list;
}

// `count` tags named `<prefix>-<i>`.
TagMap ManyTags(const std::string& prefix, int count) {
  TagMap tags;
  for (int i = 0; i < count; ++i) tags[prefix + "-" + std::to_string(i)] = "v" + std::to_string(i);
  return tags;
}

std::string DescribeTags(const TagMap& tags) {
  if (tags.size() > 8) return std::to_string(tags.size()) + " tags";
  std::string out = "{";
  for (const auto& [k, v] : tags) out += (out.size() > 1 ? ", " : "") + k + "=" + v;
  return out + "}";
}

// ListTagsForResource as a map; aborts unless the call succeeds.
TagMap ListTags(ScenarioContext& ctx, const std::string& arn) {
  const Call& call = ctx.Send("ListTagsForResource", {{"resourceArn", arn}});
  ctx.Require(call, Expectation::Success(), "ListTagsForResource lists the repository's tags");
  TagMap tags;
  for (const auto& t : At(call.decoded.output, "tags")) tags[Str(At(t, "Key"))] = Str(At(t, "Value"));
  return tags;
}

void Tag(ScenarioContext& ctx, const std::string& arn, const TagMap& tags, const std::string& what) {
  ctx.Require(ctx.Send("TagResource", {{"resourceArn", arn}, {"tags", TagList(tags)}}), Expectation::Success(), what);
}

void ExpectTags(ScenarioContext& ctx, const std::string& arn, const TagMap& want, const std::string& what) {
  TagMap got = ListTags(ctx, arn);
  ctx.Check(got == want, what, DescribeTags(want), DescribeTags(got));
}

void TagsOverwrite(ScenarioContext& ctx) {
  // §5.5, §4.21 (D): re-tagging a key overwrites its value and leaves other keys alone.
  std::string arn = ctx.RepositoryArn(ctx.CreateRepository());
  Tag(ctx, arn, {{"team", "a"}, {"stage", "dev"}}, "TagResource adds two tags");
  Tag(ctx, arn, {{"team", "b"}}, "TagResource re-tags one key");
  ExpectTags(ctx, arn, {{"team", "b"}, {"stage", "dev"}}, "the re-tagged key has the new value, the other is untouched");
}
const Scenario kTagsOverwrite = {"tags_overwrite", "tags", "re-tagging a key overwrites its value and leaves other keys alone",
    Severity::kError, kTagOps, FactSheet("§5.5, §4.21 (D: UG ecr-public-using-tags; MN TagResource)"), TagsOverwrite};

void TagsUntag(ScenarioContext& ctx) {
  // §4.22 (D: MN UntagResource): the named keys go, the others stay.
  std::string arn = ctx.RepositoryArn(ctx.CreateRepository());
  Tag(ctx, arn, {{"keep", "1"}, {"drop", "2"}}, "TagResource adds two tags");
  ctx.Require(ctx.Send("UntagResource", {{"resourceArn", arn}, {"tagKeys", {"drop"}}}), Expectation::Success(),
              "UntagResource removes a key");
  ExpectTags(ctx, arn, {{"keep", "1"}}, "only the untagged key is gone");
}
const Scenario kTagsUntag = {"tags_untag", "tags", "UntagResource removes the named keys only", Severity::kError,
    {"TagResource", "UntagResource", "ListTagsForResource"}, FactSheet("§4.22 (D: MN UntagResource)"), TagsUntag};

void TagsUntagAbsentKey(ScenarioContext& ctx) {
  // §4.22 (E): removing a key that is not there is a no-op, not an error.
  std::string arn = ctx.RepositoryArn(ctx.CreateRepository());
  Tag(ctx, arn, {{"keep", "1"}}, "TagResource adds a tag");
  ctx.Expect(ctx.Send("UntagResource", {{"resourceArn", arn}, {"tagKeys", {"never-set"}}}), Expectation::Success(),
             "UntagResource of an absent key succeeds");
  ExpectTags(ctx, arn, {{"keep", "1"}}, "untagging an absent key changes nothing");
}
const Scenario kTagsUntagAbsentKey = {"tags_untag_absent_key", "tags", "untagging a key that is not set is a no-op", Severity::kWarning,
    {"TagResource", "UntagResource", "ListTagsForResource"}, FactSheet("§4.22 (E)"), TagsUntagAbsentKey};

void TagsLimit50(ScenarioContext& ctx) {
  // §5.5 (D: UG ecr-public-using-tags; MN TooManyTagsException): 51 tags at once, then 50 and
  // one more, are TooManyTagsException; 50 are fine.
  std::string arn = ctx.RepositoryArn(ctx.CreateRepository());
  ctx.Expect(ctx.Send("TagResource", {{"resourceArn", arn}, {"tags", TagList(ManyTags("t", 51))}}),
             Expectation::ErrorCode({"TooManyTagsException"}), "TagResource with 51 tags fails");
  TagMap fifty = ManyTags("t", 50);
  Tag(ctx, arn, fifty, "TagResource with exactly 50 tags succeeds");
  ctx.Expect(ctx.Send("TagResource", {{"resourceArn", arn}, {"tags", TagList({{"one-more", "x"}})}}),
             Expectation::ErrorCode({"TooManyTagsException"}), "a 51st tag added to 50 fails");
  ExpectTags(ctx, arn, fifty, "the refused 51st tag was not stored");
  // Overwriting a key does not add one: still 50 afterwards, so it must succeed.
  Tag(ctx, arn, {{"t-0", "changed"}}, "re-tagging an existing key at the limit succeeds");
}
const Scenario kTagsLimit50 = {"tags_limit_50", "tags", "more than 50 tags, at once or one at a time, is TooManyTagsException",
    Severity::kError, kTagOps, FactSheet("§5.5 (D: UG ecr-public-using-tags; MN TooManyTagsException)"), TagsLimit50};

void TagsRemovedWithRepository(ScenarioContext& ctx) {
  // §5.5 (D: MN TagResource doc "deleted when the repository is deleted"): a repository created
  // again under the same name starts without tags.
  std::string repo = ctx.CreateRepository({{"tags", TagList({{"old", "tag"}})}});
  std::string arn = ctx.RepositoryArn(repo);
  ExpectTags(ctx, arn, {{"old", "tag"}}, "CreateRepository applies its tags");
  ctx.Require(ctx.Send("DeleteRepository", {{"repositoryName", repo}, {"force", true}}), Expectation::Success(),
              "DeleteRepository deletes the tagged repository");
  const Call& again = ctx.Send("CreateRepository", {{"repositoryName", repo}});
  ctx.Require(again, Expectation::Success(), "CreateRepository recreates the name");
  std::string new_arn = Str(At(At(again.decoded.output, "repository"), "repositoryArn"));
  ExpectTags(ctx, new_arn.empty() ? arn : new_arn, {}, "the recreated repository has none of the old tags");
}
const Scenario kTagsRemovedWithRepository = {"tags_removed_with_repository", "tags",
    "a repository recreated under the same name has no tags", Severity::kError,
    {"CreateRepository", "DeleteRepository", "ListTagsForResource"}, FactSheet("§5.5 (D: MN TagResource doc)"), TagsRemovedWithRepository};

void TagsCreateRepositoryAllOrNothing(ScenarioContext& ctx) {
  // §4.4, §5.5 (D: UG "either created with tags or not created at all").
  std::string name = ctx.NewRepositoryName();
  ctx.Expect(ctx.Send("CreateRepository", {{"repositoryName", name}, {"tags", TagList(ManyTags("t", 51))}}),
             Expectation::ErrorCode({"TooManyTagsException"}), "CreateRepository with 51 tags fails");
  // Any operation naming a missing repository says RepositoryNotFound (§4, D).
  const Call& probe = ctx.Send("DescribeImages", {{"repositoryName", name}});
  bool exists = probe.ok();
  ctx.Expect(probe, Expectation::ErrorCode({"RepositoryNotFoundException"}), "the repository was not created");
  if (exists) ctx.Send("DeleteRepository", {{"repositoryName", name}, {"force", true}});  // leave nothing behind
}
const Scenario kTagsCreateRepositoryAllOrNothing = {"tags_create_repository_all_or_nothing", "tags",
    "CreateRepository with 51 tags fails with TooManyTagsException and creates nothing", Severity::kError,
    {"CreateRepository", "DescribeImages"}, FactSheet("§4.4, §5.5 (D: UG ecr-public-using-tags)"), TagsCreateRepositoryAllOrNothing};

void TagsCapitalisedKeyValue(ScenarioContext& ctx) {
  // §2.1, §5.5 (M/D: MN Tag shape; CLI examples): tags are {"Key", "Value"}, capitalised, and
  // keys and values are case-sensitive.
  std::string arn = ctx.RepositoryArn(ctx.CreateRepository());
  Tag(ctx, arn, {{"Env", "Prod"}, {"env", "prod"}}, "TagResource takes keys differing only in case");
  const Call& call = ctx.Send("ListTagsForResource", {{"resourceArn", arn}});
  ctx.Require(call, Expectation::Success(), "ListTagsForResource answers");
  const json& tags = At(call.decoded.output, "tags");
  for (const auto& t : tags) {
    ctx.Check(At(t, "Key").is_string() && At(t, "Value").is_string(), "each tag has the members Key and Value, capitalised",
              "{\"Key\": ..., \"Value\": ...}", Dump(t));
  }
  TagMap got;
  for (const auto& t : tags) got[Str(At(t, "Key"))] = Str(At(t, "Value"));
  TagMap want = {{"Env", "Prod"}, {"env", "prod"}};
  ctx.Check(got == want, "keys and values keep their case", DescribeTags(want), DescribeTags(got));
}
const Scenario kTagsCapitalisedKeyValue = {"tags_capitalised_key_value", "tags", "tags are {Key, Value}, capitalised, and case-sensitive",
    Severity::kError, kTagOps, FactSheet("§2.1, §5.5 (M: MN Tag; D: CLI list-tags-for-resource, UG)"), TagsCapitalisedKeyValue};

// Edge values only some readings accept: each of these answers is in the documented set, and
// nothing else is.

// The raw tag list of ListTagsForResource (duplicates kept); aborts unless the call succeeds.
json ListTagEntries(ScenarioContext& ctx, const std::string& arn) {
  const Call& call = ctx.Send("ListTagsForResource", {{"resourceArn", arn}});
  ctx.Require(call, Expectation::Success(), "ListTagsForResource lists the repository's tags");
  return At(call.decoded.output, "tags");
}

void TagsOutsideGeneralCharset(ScenarioContext& ctx) {
  // §5.5 (U): AWS's general tagging rule allows letters, digits, spaces and _ . : / = + - @;
  // whether ECR Public enforces it is unknown. A tag outside the set is stored exactly as sent,
  // or refused with InvalidTagParameterException (InvalidParameterException: generic
  // validation) and not stored. A value and a key are tried one at a time.
  std::string arn = ctx.RepositoryArn(ctx.CreateRepository());
  for (const auto& [key, value] : TagMap{{"edge-value", "a!b"}, {"edge#key", "v"}}) {
    const Call& call = ctx.Send("TagResource", {{"resourceArn", arn}, {"tags", TagList({{key, value}})}});
    bool accepted = call.ok();
    if (!accepted) {
      ctx.Expect(call, Expectation::ErrorCode({"InvalidTagParameterException", "InvalidParameterException"}),
                 "TagResource stores the tag " + key + "=" + value + " or refuses it as a tag error");
    }
    TagMap got = ListTags(ctx, arn);
    auto it = got.find(key);
    if (accepted) {
      ctx.Check(it != got.end() && it->second == value, "an accepted tag outside the general set is stored as sent", key + "=" + value,
                DescribeTags(got));
    } else {
      ctx.Check(it == got.end(), "a refused tag is not stored", "no key " + key, DescribeTags(got));
    }
  }
}
const Scenario kTagsOutsideGeneralCharset = {"tags_outside_general_charset", "tags",
    "a tag outside AWS's general tagging set is stored as sent or refused with a tag error", Severity::kWarning, kTagOps,
    FactSheet("§5.5 (U: AWS General Reference tag naming limits; MN TagKey/TagValue have no pattern)"), TagsOutsideGeneralCharset};

void TagsDuplicateKeysInRequest(ScenarioContext& ctx) {
  // §5.5 (U): a request naming one key twice is refused (InvalidTagParameterException or
  // InvalidParameterException, as other services document) and changes nothing, or the last
  // value wins; either way the key is listed at most once.
  std::string arn = ctx.RepositoryArn(ctx.CreateRepository());
  json twice = json::array({{{"Key", "dup"}, {"Value", "first"}}, {{"Key", "dup"}, {"Value", "last"}}});
  const Call& call = ctx.Send("TagResource", {{"resourceArn", arn}, {"tags", twice}});
  bool accepted = call.ok();
  if (!accepted) {
    ctx.Expect(call, Expectation::ErrorCode({"InvalidTagParameterException", "InvalidParameterException"}),
               "TagResource with a key named twice succeeds or is refused as a tag error");
  }
  json entries = ListTagEntries(ctx, arn);
  std::vector<std::string> values;
  for (const auto& t : entries) {
    if (Str(At(t, "Key")) == "dup") values.push_back(Str(At(t, "Value")));
  }
  std::string observed = Dump(entries);
  if (accepted) {
    ctx.Check(values == std::vector<std::string>{"last"}, "an accepted request keeps the last value, once", "[{Key: dup, Value: last}]", observed);
  } else {
    ctx.Check(values.empty(), "a refused request stores nothing", "no key dup", observed);
  }
}
const Scenario kTagsDuplicateKeysInRequest = {"tags_duplicate_keys_in_request", "tags",
    "a key named twice in one request is refused or the last value wins", Severity::kWarning, kTagOps,
    FactSheet("§5.5 (U: other services' TagResource docs)"), TagsDuplicateKeysInRequest};

}  // namespace

void AddTagsScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kTagsOverwrite, kTagsUntag, kTagsUntagAbsentKey, kTagsLimit50, kTagsRemovedWithRepository,
                           kTagsCreateRepositoryAllOrNothing, kTagsCapitalisedKeyValue, kTagsOutsideGeneralCharset,
                           kTagsDuplicateKeysInRequest});
}

}  // namespace ecrc::check
