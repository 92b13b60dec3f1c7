// SDK cases for answers that are not the service's contract: throttling and unavailability a
// client must retry, and a proxy page, a cut body and an empty 500 it must report as a failure.
#pragma once

#include <vector>

#include "base/status.h"
#include "sdk/sdk_case.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// The operation these cases call: the first, in the model's order, whose input has no required
// member, so the case depends on no resource. Null when the model has none.
const spec::Operation* ResilienceOperation(const spec::Service& service);

// `retry.throttling` and `retry.unavailable` (category `retry`: one failure, then the operation's
// minimal output; 3 attempts allowed, 2 expected), then `resilience.proxy_502`,
// `resilience.truncated_body` and `resilience.empty_body_error` (category `resilience`: expect
// kFailure, one attempt). Empty when no operation qualifies; fails when the sampler has no value.
Result<std::vector<SdkCase>> ResilienceCases(const spec::Service& service);

}  // namespace ecrc::sdk
