// Deterministic sample values for any shape, derived only from its traits: the minimal valid value
// (required members only, lower bounds) and the maximal one (every member, upper bounds). Contract
// checks start from these, and the codec tests round-trip them for every operation.
#pragma once

#include "base/status.h"
#include "harness/codec/value.h"
#include "specs/spec.h"

namespace ecrc::codec {

struct SampleOptions {
  bool maximal = false;
  // Upper bounds beyond this are clamped, so a 4 MiB manifest limit does not produce 4 MiB of text.
  int64_t length_cap = 1024;
};

// Fails only when a string pattern admits none of the sampler's candidate strings; the message
// names the shape.
Result<Value> SampleValue(const spec::Shape& shape, const SampleOptions& options = {});

// A string of exactly `length` characters (when the pattern allows) that satisfies the shape.
std::optional<std::string> SampleString(const spec::Shape& shape, int64_t length);

}  // namespace ecrc::codec
