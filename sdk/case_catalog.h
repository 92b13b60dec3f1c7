// The SDK conformance cases as one list: every vector family generated from the model, in a stable
// order, and the selection a user makes from it with --case globs.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "sdk/sdk_case.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// Output, error, retry, resilience and paginator cases, in that order, each family in the model's
// order. Fails only when the sampler has no value for some shape of the model.
Result<std::vector<SdkCase>> AllCases(const spec::Service& service);

// The cases whose id matches any of `globs` (`*` any run of characters, `?` one), in their order;
// all of them when `globs` is empty. A glob that matches no case is an error naming it: a typo
// must not silently run nothing.
Result<std::vector<SdkCase>> SelectCases(std::vector<SdkCase> cases, const std::vector<std::string>& globs);

// The cases file a driver reads: an array of SdkCase::ToDriverJson().
nlohmann::json CasesFileJson(const std::vector<SdkCase>& cases);

}  // namespace ecrc::sdk
