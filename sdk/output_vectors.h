// SDK cases for decoding successful responses: every operation's output at its largest and at
// its smallest, and with what a client must tolerate (unknown members, nulls, fractional
// timestamps, empty collections), all generated from the output shapes.
#pragma once

#include <vector>

#include "base/status.h"
#include "sdk/sdk_case.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// Per operation, in the model's order: `<Op>.max`, `<Op>.max_exclusive_members` (only where the
// model documents members that exclude each other: the maximal input's other half), `<Op>.min`,
// `<Op>.unknown_members`, `<Op>.nulls`, `<Op>.fractional_timestamps` (outputs holding a
// timestamp), `<Op>.empty_collections` (outputs holding a list or map). Category `output`, one 200
// answer, expect kOutput. Fails when the sampler has no value for some shape.
Result<std::vector<SdkCase>> OutputCases(const spec::Service& service);

}  // namespace ecrc::sdk
