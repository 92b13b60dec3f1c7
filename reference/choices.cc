#include "reference/choices.h"

#include <cstdlib>
#include <cstdio>

namespace ecrc::server {

const std::vector<ChoiceInfo>& AllChoices() {
  static const std::vector<ChoiceInfo> kChoices = {
      {Choice::kAbsentLayer, "absent_layer", {"unavailable", "missing_layer_digest"},
       "BatchCheckLayerAvailability answers a well-formed digest the repository lacks as an UNAVAILABLE layer or as a MissingLayerDigest failure (fact sheet §4 item 1, E)"},
      {Choice::kTagCharset, "tag_charset", {"any", "aws_general"},
       "tag keys and values may hold any character, or only AWS's general tagging set (letters, digits, spaces, _ . : / = + - @) with InvalidTagParameterException otherwise (fact sheet §5.5, U)"},
      {Choice::kDuplicateTagKeys, "duplicate_tag_keys", {"last_wins", "rejected"},
       "a request naming the same tag key twice keeps the last value, or is rejected with InvalidTagParameterException (fact sheet §5.5, U)"},
      {Choice::kTagLengthError, "tag_length_error", {"invalid_tag_parameter", "invalid_parameter"},
       "a tag key or value over its length limit gets InvalidTagParameterException or InvalidParameterException (fact sheet §5.5, U)"},
      {Choice::kCatalogPut, "catalog_put", {"merge", "replace"},
       "PutRepositoryCatalogData keeps the members it does not name (merge) or clears them (replace) (fact sheet §4 item 19, U)"},
      {Choice::kCatalogMissing, "catalog_missing", {"empty", "not_found"},
       "GetRepositoryCatalogData of a repository without catalog data answers catalogData {} or RepositoryCatalogDataNotFoundException (fact sheet §4 item 13, U)"},
      {Choice::kImageTagGrammar, "image_tag_grammar", {"any", "docker"},
       "PutImage takes any 1..300 character imageTag, or only Docker's [A-Za-z0-9_][A-Za-z0-9._-]{0,127} with InvalidParameterException otherwise (fact sheet §3 ImageTag, U)"},
      {Choice::kUntaggedManifestPush, "untagged_manifest_push", {"accepted", "rejected"},
       "PutImage of a Docker schema 2 or OCI image manifest without imageTag is accepted, or rejected with InvalidParameterException (fact sheet §5.2, U)"},
      {Choice::kRepeatedCompletion, "repeated_completion", {"upload_not_found", "layer_already_exists"},
       "CompleteLayerUpload of an upload already completed answers UploadNotFoundException or LayerAlreadyExistsException (fact sheet §2.6, U)"},
      {Choice::kEmptyDisplayName, "empty_display_name", {"clears", "keeps"},
       "PutRegistryCatalogData with displayName \"\" clears the stored display name or keeps it (fact sheet §4 item 18, U)"},
      {Choice::kUntaggedInImageTags, "untagged_in_image_tags", {"omitted", "listed"},
       "DescribeImageTags leaves untagged images out, or lists each as an entry without imageTag (fact sheet §4 item 7, U)"},
      {Choice::kMissingRequiredCode, "missing_required_code", {"invalid_parameter", "validation_error"},
       "a request missing a required member gets InvalidParameterException or the common error ValidationError (fact sheet §2.2, U; AWS Common Errors)"},
  };
  return kChoices;
}

const ChoiceInfo& InfoOf(Choice choice) { return AllChoices()[static_cast<size_t>(choice)]; }

namespace {

std::string Known() {
  std::string out;
  for (const auto& info : AllChoices()) {
    out += std::string(" ") + info.name + "=";
    for (size_t i = 0; i < info.values.size(); ++i) out += std::string(i ? "|" : "") + info.values[i];
  }
  return out;
}

}  // namespace

std::optional<Choices> Choices::Parse(const std::vector<std::string>& settings, std::string* error) {
  Choices choices;
  for (const auto& setting : settings) {
    size_t eq = setting.find('=');
    std::string name = setting.substr(0, eq);
    std::string value = eq == std::string::npos ? std::string() : setting.substr(eq + 1);
    const ChoiceInfo* found = nullptr;
    for (const auto& info : AllChoices()) {
      if (name == info.name) found = &info;
    }
    if (!found) {
      if (error) *error = "unknown choice '" + name + "' (expected NAME=VALUE); known choices:" + Known();
      return std::nullopt;
    }
    bool known_value = false;
    for (size_t i = 0; i < found->values.size(); ++i) {
      if (value == found->values[i]) {
        choices.values_[static_cast<size_t>(found->choice)] = static_cast<uint8_t>(i);
        known_value = true;
      }
    }
    if (!known_value) {
      if (error) {
        *error = "unknown value '" + value + "' for choice " + name + "; its values:";
        for (const char* v : found->values) *error += std::string(" ") + v;
      }
      return std::nullopt;
    }
  }
  return choices;
}

bool Choices::Is(Choice choice, std::string_view value) const {
  const ChoiceInfo& info = InfoOf(choice);
  for (size_t i = 0; i < info.values.size(); ++i) {
    if (value == info.values[i]) return values_[static_cast<size_t>(choice)] == i;
  }
  std::fprintf(stderr, "choice %s has no value '%.*s'\n", info.name, static_cast<int>(value.size()), value.data());
  std::abort();
}

const char* Choices::Value(Choice choice) const {
  return InfoOf(choice).values[values_[static_cast<size_t>(choice)]];
}

std::vector<std::string> Choices::NonDefault() const {
  std::vector<std::string> out;
  for (const auto& info : AllChoices()) {
    if (values_[static_cast<size_t>(info.choice)] != 0) out.push_back(std::string(info.name) + "=" + Value(info.choice));
  }
  return out;
}

}  // namespace ecrc::server
