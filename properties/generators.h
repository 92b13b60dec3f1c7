// RapidCheck generators for the property suite's arguments, drawn from the model's shapes
// (lengths, patterns) so that a valid value is valid by the spec, and values that break exactly
// one rule on purpose, so that negative steps test what they mean to.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <rapidcheck.h>

#include "harness/codec/violation.h"
#include "properties/limits.h"

namespace ecrc::prop {

// Every case prefix has this length (see Sut), so a name suffix can be sized against the
// RepositoryName maximum.
inline constexpr size_t kCasePrefixLength = 18;

// Repository name suffixes: mostly a small pool (so that creates collide and deletes hit), at
// times a fresh name built from the pattern's alphabet; prefix + suffix matches RepositoryName.
rc::Gen<std::string> GenNameSuffix(const Limits& limits);
// Printable ASCII text of a length the shape allows, at most `cap` characters (speed).
rc::Gen<std::string> GenText(const spec::Shape& shape, int64_t cap);
// Image tags: a small pool (so tags move between images) and fresh ones, all in Docker's
// grammar [A-Za-z0-9_][A-Za-z0-9._-]{0,127}: whether ECR Public takes other tags is U (fact
// sheet §3 ImageTag), so a tag outside it is not a valid input (scenario image_tag_outside_docker_grammar).
rc::Gen<std::string> GenImageTag(const Limits& limits);
// Tag keys: a small pool (so keys are overwritten and removed) and fresh ones; keys and values
// stay inside AWS's general tagging set (letters, digits, spaces, _ . : / = + - @) and keys
// never take the reserved aws: prefix: whether ECR Public enforces the set is U (fact sheet
// §5.5), so other characters are not valid inputs (scenario tags_outside_general_charset).
rc::Gen<std::string> GenTagKey(const Limits& limits);
rc::Gen<std::string> GenTagValue(const Limits& limits);
// 1..`max` tags with distinct keys: a request naming a key twice is neither valid nor invalid
// (fact sheet §5.5, U; scenario tags_duplicate_keys_in_request).
rc::Gen<nlohmann::json> GenTags(const Limits& limits, int max);
// RepositoryCatalogDataInput without a logo (its output is a service-chosen URL).
rc::Gen<nlohmann::json> GenCatalogData(const Limits& limits);
// A repository policy document (IAM JSON) with a varying statement id and actions.
rc::Gen<std::string> GenPolicy();
// Layer content: 1..64 random bytes.
rc::Gen<std::string> GenBlobBytes();

// A value wrong on purpose in exactly one way, and the rule the validator must name.
struct Broken {
  std::string value;
  codec::ViolationKind kind;
};
// A repository name suffix that makes the full name break the pattern or the maximum length.
rc::Gen<Broken> GenBrokenNameSuffix(const Limits& limits);
// A tag key over TagKey's maximum length.
Broken BrokenTagKey(const Limits& limits);
// A registry display name over RegistryDisplayName's maximum length.
Broken BrokenDisplayName(const Limits& limits);

}  // namespace ecrc::prop
