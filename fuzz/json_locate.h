// Resolves the member paths findings carry (`imageIds[0].imageDigest`, `tags.{key}`) against the
// JSON document they were found in, so fuzz targets can check that every finding points at a
// real place.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace ecrc::fuzz {

// True when `path` names a node of `root` ("" is the root), or a key of an object written as
// `.{key}` (where map keys are checked). Map keys may contain '.', '[' or '{', so every reading of
// an ambiguous path is tried.
bool PathExists(const nlohmann::json& root, std::string_view path);

// True when `path` is `<parent>.<member>` (or `<member>` at the root) for a `parent` that names
// an object in which `member` is absent or null: where a required-member finding points.
bool PathNamesAbsentMember(const nlohmann::json& root, std::string_view path);

}  // namespace ecrc::fuzz
