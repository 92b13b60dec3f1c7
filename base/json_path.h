// Reads a member out of a JSON document by a dotted path (`repository.repositoryArn`), as the
// semantics file names outputs.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace ecrc {

// The value at `dotted`, or a null value when any step is missing or not an object. Never throws.
const nlohmann::json& AtPath(const nlohmann::json& root, std::string_view dotted);

}  // namespace ecrc
