// The report layer's last line of defence against leaking credentials: whatever the runner
// recorded, no writer outputs Authorization headers, security tokens, signatures or
// authorizationToken values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/results/run_report.h"

namespace ecrc::report {

// What replaces every secret value.
inline constexpr char kRedacted[] = "<redacted>";

// True for headers whose value is a credential (Authorization, Proxy-Authorization,
// X-Amz-Security-Token, ...); compared case-insensitively.
bool IsSensitiveHeader(std::string_view name);

// The value of a sensitive header with the secret parts replaced. A SigV4 Authorization keeps its
// scheme and SignedHeaders (useful when debugging signing) and loses Credential and Signature;
// any other keeps only its scheme word.
std::string RedactHeaderValue(std::string_view name, std::string_view value);

// Free text (bodies, messages, curl reproductions, URLs) with secrets replaced:
// `Authorization: ...`-style header lines, `Signature=`/`Credential=`/`X-Amz-Security-Token=`
// parameters, JSON members such as "authorizationToken" (also when the JSON is itself escaped
// inside a string), the password of `curl -u user:password` unless it is a `$VARIABLE`, the
// password of a `scheme://user:password@host` URL, and every literal value in `secrets`
// (plus its URL-encoded form). Idempotent: redacting twice gives the same text.
std::string RedactText(std::string_view text, const std::vector<std::string>& secrets = {});

// Redacts every string of the report in place. Secret values found in the evidence itself (the
// value of an Authorization or X-Amz-Security-Token header, a Signature, an authorizationToken
// in a response body and the password it decodes to) are added to `extra_secrets` and then
// scrubbed from every other field too, so a token that a check quoted in a finding does not
// survive either.
void RedactReport(results::RunReport* report, const std::vector<std::string>& extra_secrets = {});

// Values of AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment (when set and long
// enough to be unambiguous), for writers to scrub as literals.
std::vector<std::string> EnvironmentSecrets();

}  // namespace ecrc::report
