// Makes an exchange safe to keep in a report: no credentials, signatures, session tokens or
// registry authorization tokens survive.
#pragma once

#include <string>
#include <string_view>

#include "harness/client/endpoint.h"
#include "harness/results/run_report.h"

namespace ecrc::client {

inline constexpr char kRedacted[] = "<redacted>";

// Replaces the values of Authorization and X-Amz-Security-Token headers (request and response)
// with "<redacted>", keeping the names so a report still shows they were sent; X-Amz-Date stays.
// Every `authorizationToken` string value in a JSON body (request or response, however deeply
// nested, and even when the body is not well-formed JSON) becomes "<redacted>". When `credentials`
// is given, any occurrence of its secret key or session token, anywhere, is replaced too.
results::Exchange Redacted(results::Exchange exchange, const Credentials* credentials = nullptr);

// The body with every `"authorizationToken": "<value>"` value replaced; unchanged bytes otherwise.
std::string RedactAuthorizationTokens(std::string_view body);

}  // namespace ecrc::client
