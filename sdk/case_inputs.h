// The inputs SDK cases ask drivers to send, from the codec's sampler: valid for their operation
// under every plausible reading of the model, botocore's client-side validation included.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// Required members only (codec::SampleValue minimal), in wire form.
Result<nlohmann::json> MinimalInput(const spec::Operation& op);

// Pairs (member, sibling) of a structure where the member's documentation says it cannot be used
// together with the sibling ("If you specify images with <code>imageIds</code>, you can't use this
// option."). The model has no trait for it, but the service rejects such a request, so no case
// may send both. Required members never appear: a request always holds them.
std::vector<std::pair<std::string, std::string>> ExclusiveMembers(const spec::Shape& structure);

struct MaximalInputs {
  // codec::SampleValue maximal (length_cap kInputLengthCap), without the members that exclude a
  // sibling it sends, and with lists of identical elements cut to the fewest the shape allows
  // (three identical tag keys or image ids would be a duplicate, which services may refuse).
  nlohmann::json input;
  // Only when `input` left members out: the maximal input without the siblings they exclude, so
  // that every member is sent by some case.
  std::optional<nlohmann::json> other;
};
inline constexpr int64_t kInputLengthCap = 64;
Result<MaximalInputs> MaximalInput(const spec::Operation& op);

}  // namespace ecrc::sdk
