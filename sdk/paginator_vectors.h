// SDK cases for the model's paginators: three pages whose tokens only an SDK that sends them back
// verbatim (no decoding, no re-encoding) gets through.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "sdk/sdk_case.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// The tokens of pages 1 and 2: `/`, `+` and `=` (base64's alphabet, mangled by URL or form
// encoding) and non-ASCII text.
const std::vector<std::string>& PageTokens();

// `paginator.<Op>` for every paginator of the model, in its order: three 200 pages, each with one
// element in every result key list (a different one per page) beside the output's other required
// members, the output token on pages 1 and 2;
// the input the minimal one, without token or limit. Expect kPages. Fails when a paginator names a
// member its output lacks (or one that is not top-level) or the sampler has no value.
Result<std::vector<SdkCase>> PaginatorCases(const spec::Service& service);

}  // namespace ecrc::sdk
