// Turns a recorded exchange into a shell command that replays it with curl, so whoever reads a
// report can reproduce a failure without ecr-conform.
#pragma once

#include <string>

#include "harness/results/run_report.h"

namespace ecrc::client {

// `text` in single quotes for a POSIX shell (`'` becomes `'\''`).
std::string ShellQuote(std::string_view text);

// A curl command line that sends exchange.request to base_url + request.path. A signed request
// (one with an Authorization header) is re-signed by curl with
// `--aws-sigv4 'aws:amz:<region>:<signing_name>' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`
// (and `X-Amz-Security-Token: $AWS_SESSION_TOKEN` when one was sent); the headers curl adds by
// itself (Host, Content-Length, User-Agent; when signing also X-Amz-Date, Authorization, Accept,
// Expect) are left out. An unsigned request is replayed with exactly its headers. The body
// goes through --data-binary in single quotes, or through printf and stdin when it holds bytes
// a shell argument cannot carry. Works on a redacted exchange: it never needs the secrets.
// (A signed request with an empty-valued header would replay with a bad signature, libcurl's
// signer being what it is; Transport::Send refuses to send such a request in the first place.)
std::string CurlReproduction(const results::Exchange& exchange, const std::string& base_url, const std::string& region,
                             const std::string& signing_name = "ecr-public");

}  // namespace ecrc::client
