// Validates awsJson wire documents (request or response bodies) against a model shape: the one
// validator that the suite, the reference server and the fuzzers all share.
#pragma once

#include <nlohmann/json.hpp>

#include "harness/codec/violation.h"
#include "specs/spec.h"

namespace ecrc::codec {

struct ValidateOptions {
  // Members that are not in the model. A request with one is rejected by AWS validation;
  // a response with one is a finding because strict SDKs may fail on it.
  bool reject_unknown_members = true;
  // An empty list meets any minimum length. AWS itself answers `"failures": []` and
  // `"imageIds": []` where the model says min 1 (fact sheet §4.2, CLI examples), so responses
  // are read this way; requests are not.
  bool empty_list_meets_min = false;
  // Stop after this many violations: fuzzed documents can hold millions.
  size_t max_violations = 100;
};

// Every way `wire` breaks `shape`, in document order, each with its path. Empty means valid.
// Never throws, whatever `wire` holds.
Violations Validate(const spec::Shape& shape, const nlohmann::json& wire, const ValidateOptions& options = {});

}  // namespace ecrc::codec
